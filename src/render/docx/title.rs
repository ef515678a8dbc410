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
    let best = balanced_breaks(n, per_line, lines, &boundary);
    let breaks = match best {
        Some(breaks) => breaks,
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

/// The breaks (at boundaries) that split `n` characters into `lines` lines of at most
/// `per_line` characters with the shortest longest line, by dynamic programming over the
/// break positions (a title has at most a few hundred characters).
fn balanced_breaks(
    n: usize,
    per_line: usize,
    lines: usize,
    boundary: &dyn Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    // cut points: the start, every boundary, the end
    let cuts: Vec<usize> = std::iter::once(0)
        .chain((1..n).filter(|&i| boundary(i)))
        .chain(std::iter::once(n))
        .collect();
    let last = cuts.len() - 1;
    // best[k][j]: (longest line, previous cut) for k lines ending at cuts[j]
    let mut best: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; cuts.len()]; lines + 1];
    best[0][0] = Some((0, 0));
    for k in 1..=lines {
        for j in 1..cuts.len() {
            for i in (0..j).rev() {
                let len = cuts[j] - cuts[i];
                if len > per_line {
                    break;
                }
                if let Some((longest, _)) = best[k - 1][i] {
                    let candidate = (longest.max(len), i);
                    if best[k][j].is_none_or(|(b, _)| candidate.0 < b) {
                        best[k][j] = Some(candidate);
                    }
                }
            }
        }
    }
    best[lines][last]?;
    let mut breaks = Vec::with_capacity(lines - 1);
    let mut j = last;
    for k in (1..=lines).rev() {
        let (_, i) = best[k][j]?;
        if k > 1 {
            breaks.push(cuts[i]);
        }
        j = i;
    }
    breaks.reverse();
    Some(breaks)
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
    fn very_long_titles_with_many_boundaries() {
        let title = vec!["甲"; 200].join("、");
        // 400 characters with a boundary every other one: the old exhaustive search never ended
        let lines = balance(&title, 20);
        assert!(lines.lines().all(|l| l.chars().count() <= 20), "{lines}");
        assert_eq!(lines.replace('\n', ""), title);
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
