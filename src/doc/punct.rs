//! Chinese punctuation: which characters count as Chinese text, and half-width punctuation
//! inside Chinese text turned full-width, doubled punctuation found and collapsed. Shared by
//! the renderer, the miner and `check`.

use std::borrow::Cow;

/// Han characters.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Han characters and full-width CJK punctuation: the "Chinese text" around which half-width
/// punctuation is converted and spaces are dropped.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Converts `, : ; ! ?` and `"` next to Chinese text, and parentheses that belong to Chinese
/// text, to full width; punctuation between Latin letters or digits (`R&D`, `1,000`, `(a)`) is
/// left alone.
pub fn full_width(text: &str) -> Cow<'_, str> {
    let text = ellipsis(text);
    match full_width_marks(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// A run of three or more `.` (or `。`) after Chinese text is the ellipsis `……`.
fn ellipsis(text: &str) -> Cow<'_, str> {
    static WIDE_RUN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("。。。"));
    let dots = memchr::memchr(b'.', text.as_bytes()).is_some() && text.contains("...");
    if !dots && WIDE_RUN.find(text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '。') && text[..i].chars().next_back().is_some_and(is_cjk) {
            let mut n = 1;
            while chars.peek().is_some_and(|&(_, d)| d == c) {
                chars.next();
                n += 1;
            }
            if n >= 3 {
                out.push_str("……");
            } else {
                (0..n).for_each(|_| out.push(c));
            }
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

fn full_width_marks(text: &str) -> Cow<'_, str> {
    let marks = half_width_marks(text, false);
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * marks.len());
    let mut run = 0;
    for (i, mapped) in marks {
        out.push_str(&text[run..i]);
        out.push(mapped);
        run = i + 1;
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// The half-width punctuation inside Chinese text, as (byte offset, full-width replacement):
/// what [`full_width`] converts. `strict` also takes a `.` ending a Chinese sentence (→ `。`)
/// and straight single quotes around Chinese text (→ `‘’`), which `check` reports.
pub fn half_width_marks(text: &str, strict: bool) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut quote_open = true;
    let mut single_open = true;
    let mut parens: Option<Vec<usize>> = None;
    let bytes = text.as_bytes();
    let mut at: Vec<usize> = memchr::memchr3_iter(b',', b':', b';', bytes)
        .chain(memchr::memchr3_iter(b'!', b'?', b'"', bytes))
        .chain(memchr::memchr2_iter(b'(', b')', bytes))
        .collect();
    if strict {
        at.extend(memchr::memchr2_iter(b'.', b'\'', bytes));
    }
    if at.is_empty() {
        return found;
    }
    at.sort_unstable();
    for i in at {
        let b = bytes[i];
        let prev = text[..i].chars().next_back();
        let next = text[i + 1..].chars().next();
        // a run of marks (`!!`, `?!`) belongs to the text around the whole run
        let in_run = |c: &char| matches!(c, '!' | '?' | ',' | ':' | ';');
        let near = text[..i]
            .chars()
            .rev()
            .find(|c| !in_run(c))
            .is_some_and(is_cjk)
            || text[i + 1..]
                .chars()
                .find(|c| !in_run(c))
                .is_some_and(is_cjk);
        let in_pair = |parens: &mut Option<Vec<usize>>| {
            parens.get_or_insert_with(|| paren_pairs(text)).contains(&i)
        };
        let mapped = match b {
            b',' if near => '，',
            b':' if near => '：',
            b';' if near => '；',
            b'!' if near => '！',
            b'?' if near => '？',
            b'(' if in_pair(&mut parens) => '（',
            b')' if in_pair(&mut parens) => '）',
            b'"' if near => {
                quote_open = !quote_open;
                if quote_open { '”' } else { '“' }
            }
            // a full stop after Chinese text, at the end or before more Chinese text
            b'.' if prev.is_some_and(is_han)
                && next.is_none_or(|n| is_han(n) || matches!(n, '”' | '’' | '）')) =>
            {
                '。'
            }
            b'\'' if near => {
                single_open = !single_open;
                if single_open { '’' } else { '‘' }
            }
            _ => continue,
        };
        found.push((i, mapped));
    }
    found
}

/// Byte offsets of half-width parentheses that belong to Chinese text: a pair whose inside or
/// surroundings are Chinese, or a lone `)` closing a marker like `1)` before Chinese text.
fn paren_pairs(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !text.contains(['(', ')']) {
        return out;
    }
    let mut open: Vec<usize> = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => {
                let next_cjk = text[i + 1..].chars().next().is_some_and(is_cjk);
                if let Some(o) = open.pop() {
                    let inside = text[o + 1..i].chars().any(is_cjk);
                    let around = text[..o].chars().next_back().is_some_and(is_cjk) || next_cjk;
                    if inside || around {
                        out.push(o);
                        out.push(i);
                    }
                } else if next_cjk && i > 0 && text[..i].bytes().all(|b| b.is_ascii_digit()) {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    out
}

/// Punctuation that may end a sentence or clause.
pub fn is_end_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '，' | '、' | '：' | '.' | '!' | '?' | ',' | ';' | ':'
    )
}

/// How strongly a mark ends a clause, for punctuation that may not follow another mark.
fn clause_strength(c: char) -> Option<u8> {
    match c {
        '。' | '？' | '！' => Some(3),
        '；' | '：' => Some(2),
        '，' => Some(1),
        '、' => Some(0),
        _ => None,
    }
}

/// Runs of doubled clause punctuation (`。。` `，。` `？。` `、、`), as (byte range, the one
/// mark to keep: the strongest, the first among equals). `？！` `！？` `？？` `！！` are emphasis,
/// not doubling.
pub fn doubled(text: &str) -> Vec<(std::ops::Range<usize>, char)> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some(mut best) = clause_strength(c) else {
            continue;
        };
        let mut keep = c;
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            // only 。，、；： may not follow another mark; ？ and ！ after ？/！ are emphasis
            let Some(s) = clause_strength(n).filter(|_| !matches!(n, '？' | '！')) else {
                break;
            };
            if s > best {
                best = s;
                keep = n;
            }
            end = j + n.len_utf8();
            chars.next();
        }
        if end > i + c.len_utf8() {
            found.push((i..end, keep));
        }
    }
    found
}

/// The text with each run of doubled punctuation reduced to its strongest mark
/// (`要抓落实。。` → `要抓落实。`, `好吗？。` → `好吗？`).
pub fn collapse_doubled(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| clause_strength(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let runs = doubled(text);
    if runs.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (range, keep) in runs {
        out.push_str(&text[from..range.start]);
        out.push(keep);
        from = range.end;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// A phrase to be woven into a sentence: full-width, without its closing punctuation.
pub fn phrase(text: &str) -> String {
    collapse_doubled(&full_width(text.trim()))
        .trim_end_matches(is_end_punct)
        .to_string()
}

/// A sentence: full-width, ending with 。！？ (a trailing ，、； becomes 。; a trailing ： stays,
/// since it introduces what follows).
pub fn sentence(text: &str) -> String {
    let t = collapse_doubled(&full_width(text.trim())).into_owned();
    if t.is_empty() || t.ends_with(['。', '！', '？', '：', '…']) {
        return t;
    }
    // a closing quote or bracket after the full stop: “……。” stays as it is
    let mut chars = t.chars().rev();
    if let (Some(last), Some(before)) = (chars.next(), chars.next())
        && matches!(last, '”' | '’' | '）' | '》')
        && matches!(before, '。' | '！' | '？')
    {
        return t;
    }
    format!("{}。", t.trim_end_matches(is_end_punct))
}

/// Every paragraph of a text field (split at `\n\n`) made a sentence; single line breaks are
/// joined, since Chinese text has no spaces between lines.
pub fn paragraphs(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .map(|p| sentence(&p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_marks_after_chinese_goes_full_width_whole() {
        assert_eq!(full_width("责任制!!"), "责任制！！");
        assert_eq!(full_width("好吗??还是?!"), "好吗？？还是？！");
        assert_eq!(sentence("责任制!!"), "责任制！！");
        assert_eq!(full_width("WPS!! Word"), "WPS!! Word");
    }

    #[test]
    fn dots_after_chinese_become_an_ellipsis() {
        assert_eq!(full_width("还有很多工作要做..."), "还有很多工作要做……");
        assert_eq!(full_width("任务艰巨。。。还要努力"), "任务艰巨……还要努力");
        assert_eq!(sentence("还有很多工作要做......"), "还有很多工作要做……");
        assert_eq!(full_width("see p... and 1.5"), "see p... and 1.5");
    }

    #[test]
    fn half_width_goes_full_width_only_in_chinese_text() {
        assert_eq!(full_width("下面,我讲三点意见:"), "下面，我讲三点意见：");
        assert_eq!(full_width("事事有回音?"), "事事有回音？");
        assert_eq!(full_width("R&D投入1,000万元"), "R&D投入1,000万元");
        assert_eq!(full_width("(一)加强领导"), "（一）加强领导");
        assert_eq!(full_width("抓好\"三会一课\"落实"), "抓好“三会一课”落实");
    }

    #[test]
    fn phrases_and_sentences() {
        assert_eq!(phrase("全县信访工作会议。"), "全县信访工作会议");
        assert_eq!(phrase("作了发言；"), "作了发言");
        assert_eq!(sentence("发言很好"), "发言很好。");
        assert_eq!(sentence("人民至上,"), "人民至上。");
        assert_eq!(sentence("“三到位一处理”!"), "“三到位一处理”！");
        assert_eq!(sentence("主要表现在："), "主要表现在：");
        assert_eq!(sentence("他说：“要抓落实。”"), "他说：“要抓落实。”");
        assert_eq!(sentence("防止“两张皮”"), "防止“两张皮”。");
        assert_eq!(sentence("要抓落实。。"), "要抓落实。");
        assert_eq!(sentence("好吗？。"), "好吗？");
        assert_eq!(sentence("一，，二、、三；。"), "一，二、三。");
        assert_eq!(sentence("真的吗？！"), "真的吗？！");
        assert_eq!(
            paragraphs("第一段\n\n第二段。\n续行"),
            "第一段。\n\n第二段。续行。"
        );
    }
}
