//! Long titles broken into balanced lines at a phrase boundary, as GB/T 9704 asks of a title
//! that wraps (词意完整，排列对称), instead of wherever the line happens to run out.

use crate::doc::punct::is_han;

/// Words a meeting name is built from: a title line may start with one of them.
const BREAK_BEFORE: &[&str] = &[
    "述职",
    "评议",
    "推进会",
    "工作会",
    "动员",
    "部署",
    "座谈",
    "表彰",
    "总结",
    "暨",
    "专题",
    "会议",
    "上的讲话",
    "上的发言",
    "讲话提纲",
];

/// Characters a title line may end with.
const BREAK_AFTER: &[char] = &['的', '暨', '”', '》', '）', '，', '：', '、'];

/// The title with `\n` between lines when it is longer than `per_line` characters: the break
/// points are phrase boundaries chosen so that the longest line is as short as possible.
pub fn balance(title: &str, per_line: usize) -> String {
    let chars: Vec<char> = title.chars().collect();
    let n = chars.len();
    if per_line == 0 || n <= per_line || title.contains('\n') {
        return title.to_string();
    }
    let lines = n.div_ceil(per_line);
    // a break at i puts chars[..i] before it
    let boundary = |i: usize| -> bool {
        if i == 0 || i >= n {
            return false;
        }
        let rest: String = chars[i..].iter().take(4).collect();
        BREAK_AFTER.contains(&chars[i - 1]) || BREAK_BEFORE.iter().any(|w| rest.starts_with(w))
    };
    let mut best: Option<(usize, Vec<usize>)> = None;
    search(
        &chars,
        per_line,
        lines,
        0,
        &mut Vec::new(),
        &boundary,
        &mut best,
    );
    let breaks = match best {
        Some((_, breaks)) => breaks,
        // no phrase boundary fits: even lengths, never splitting a run of Latin letters or digits
        None => (1..lines)
            .map(|k| {
                let mut at = n * k / lines;
                while at < n && !is_han(chars[at]) && !is_han(chars[at - 1]) {
                    at += 1;
                }
                at
            })
            .collect(),
    };
    let mut out = String::with_capacity(title.len() + lines);
    for (i, c) in chars.iter().enumerate() {
        if breaks.contains(&i) {
            out.push('\n');
        }
        out.push(*c);
    }
    out
}

/// Tries every combination of boundaries giving `lines` lines of at most `per_line` characters
/// and keeps the one whose longest line is shortest (ties: the earlier breaks).
fn search(
    chars: &[char],
    per_line: usize,
    lines: usize,
    start: usize,
    breaks: &mut Vec<usize>,
    boundary: &dyn Fn(usize) -> bool,
    best: &mut Option<(usize, Vec<usize>)>,
) {
    if breaks.len() + 1 == lines {
        if chars.len() - start > per_line {
            return;
        }
        let mut longest = chars.len() - start;
        let mut prev = 0;
        for &b in breaks.iter() {
            longest = longest.max(b - prev);
            prev = b;
        }
        if best.as_ref().is_none_or(|(l, _)| longest < *l) {
            *best = Some((longest, breaks.clone()));
        }
        return;
    }
    for at in start + 1..=(start + per_line).min(chars.len() - 1) {
        if boundary(at) {
            breaks.push(at);
            search(chars, per_line, lines, at, breaks, boundary, best);
            breaks.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::balance;

    #[test]
    fn breaks_long_titles_at_phrase_boundaries() {
        assert_eq!(
            balance("在全县党委书记抓基层党建工作述职评议会上的讲话", 20),
            "在全县党委书记抓基层党建工作\n述职评议会上的讲话"
        );
        assert_eq!(
            balance("在全市机关党建“五星支部”创建推进会上的讲话", 20),
            "在全市机关党建“五星支部”\n创建推进会上的讲话"
        );
        assert_eq!(
            balance("在全市“作风建设提升年”活动第二阶段动员部署会上的讲话", 20),
            "在全市“作风建设提升年”\n活动第二阶段动员部署会上的讲话"
        );
    }

    #[test]
    fn short_titles_and_titles_without_boundaries() {
        assert_eq!(balance("在全区例会上的讲话", 20), "在全区例会上的讲话");
        let plain = "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙";
        assert_eq!(
            balance(plain, 20),
            "甲乙丙丁戊己庚辛壬癸甲\n乙丙丁戊己庚辛壬癸甲乙"
        );
    }
}
