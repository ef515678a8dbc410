//! Text going into WordprocessingML: control characters stripped, tabs and line breaks split out.

use std::borrow::Cow;

/// True for characters XML 1.0 forbids or that Word treats as control codes.
pub fn is_forbidden(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// `s` with CR/CRLF turned into LF and every other control character removed.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\r' || is_forbidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if !is_forbidden(c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One piece of a run's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Tab,
    Break,
}

/// Splits cleaned text into text, tab and line-break pieces (empty text pieces dropped).
pub fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let piece = match c {
            '\t' => Piece::Tab,
            '\n' => Piece::Break,
            _ => continue,
        };
        if start < i {
            out.push(Piece::Text(&s[start..i]));
        }
        out.push(piece);
        start = i + c.len_utf8();
    }
    if start < s.len() {
        out.push(Piece::Text(&s[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_keeps_tabs_and_breaks() {
        assert_eq!(clean("a\u{0}b\u{1b}c\u{7f}d\u{85}e"), "abcde");
        assert_eq!(clean("一\r\n二\r三\t四\n"), "一\n二\n三\t四\n");
        assert!(matches!(clean("普通文字 <&>"), Cow::Borrowed(_)));
    }

    #[test]
    fn splits_tabs_and_breaks() {
        assert_eq!(
            pieces("甲\t乙\n\n丙"),
            vec![
                Piece::Text("甲"),
                Piece::Tab,
                Piece::Text("乙"),
                Piece::Break,
                Piece::Break,
                Piece::Text("丙")
            ]
        );
        assert!(pieces("").is_empty());
    }
}
