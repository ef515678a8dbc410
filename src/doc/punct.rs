//! Chinese punctuation: which characters count as Chinese text, and half-width punctuation
//! inside Chinese text turned full-width. Shared by the renderer and the miner.

/// Han characters.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Han characters and full-width CJK punctuation: the "Chinese text" around which half-width
/// punctuation is converted.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Converts half-width `, : ; ! ? ( ) "` next to Chinese text to their full-width forms;
/// punctuation between Latin letters or digits (`R&D`, `1,000`, `(a)`) is left alone.
pub fn full_width(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let near_cjk = |i: usize| {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        prev.is_some_and(is_cjk) || next.is_some_and(is_cjk)
    };
    let parens = paren_pairs(&chars);
    let mut quote_open = true;
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let mapped = match c {
            ',' if near_cjk(i) => '，',
            ':' if near_cjk(i) => '：',
            ';' if near_cjk(i) => '；',
            '!' if near_cjk(i) => '！',
            '?' if near_cjk(i) => '？',
            '(' if parens.contains(&i) => '（',
            ')' if parens.contains(&i) => '）',
            '"' if near_cjk(i) => {
                let q = if quote_open { '“' } else { '”' };
                quote_open = !quote_open;
                q
            }
            c => c,
        };
        out.push(mapped);
    }
    out
}

/// Indices of half-width parentheses that belong to Chinese text: a pair whose inside or
/// surroundings are Chinese, or a lone `)` closing a marker like `1)` before Chinese text.
fn paren_pairs(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let inside = chars[o + 1..i].iter().any(|c| is_cjk(*c));
                    let around = (o > 0 && is_cjk(chars[o - 1]))
                        || chars.get(i + 1).is_some_and(|c| is_cjk(*c));
                    if inside || around {
                        out.push(o);
                        out.push(i);
                    }
                } else if chars.get(i + 1).is_some_and(|c| is_cjk(*c))
                    && i > 0
                    && chars[..i].iter().all(|c| c.is_ascii_digit())
                {
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

/// A phrase to be woven into a sentence: full-width, without its closing punctuation.
pub fn phrase(text: &str) -> String {
    full_width(text.trim())
        .trim_end_matches(is_end_punct)
        .to_string()
}

/// A sentence: full-width, ending with 。！？ (a trailing ，、； becomes 。; a trailing ： stays,
/// since it introduces what follows).
pub fn sentence(text: &str) -> String {
    let t = full_width(text.trim());
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
        assert_eq!(
            paragraphs("第一段\n\n第二段。\n续行"),
            "第一段。\n\n第二段。续行。"
        );
    }
}
