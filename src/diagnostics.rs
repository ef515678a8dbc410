//! How the CLI shows an error: the message, the offending source line with a caret under the
//! column (placed by display width: a Chinese character is two columns), then the hint.

use crate::error::{Error, SourceError};
use unicode_width::UnicodeWidthChar;

/// A tab in the source line is shown as this many spaces.
const TAB_WIDTH: usize = 4;
/// Lines wider than this are trimmed around the column, with `…` where text was cut.
const MAX_WIDTH: usize = 100;

/// The full text the CLI prints on stderr for `err`: every error starts with `错误：`; an error
/// with a source line shows it, with a caret, between the message and the hint.
pub fn report(err: &Error) -> String {
    match err {
        Error::Source(e) => source_report(e),
        Error::Many(all) => all.iter().map(report).collect::<Vec<_>>().join("\n"),
        other => format!("错误：{other}"),
    }
}

/// One positioned error as the CLI prints it (see [`report`]).
pub fn source_report(e: &SourceError) -> String {
    let mut out = format!("错误：{}", e.head());
    if let (Some((line, column)), Some(text)) = (e.position, &e.snippet) {
        out.push('\n');
        out.push_str(&snippet(line, text, column));
    }
    if let Some(help) = &e.help {
        out.push_str("\n  提示：");
        out.push_str(help);
    }
    out
}

/// The three-line block under a message: an empty gutter, the numbered source line, and the
/// caret under the 1-based character `column` (past the end of the line: just after it).
pub fn snippet(line_no: usize, text: &str, column: usize) -> String {
    // each character as shown, with its display width; a control character is shown by its
    // picture (U+0007 as ␇), so the caret can point at it
    let cells: Vec<(String, usize)> = text
        .chars()
        .map(|c| match c {
            '\t' => (" ".repeat(TAB_WIDTH), TAB_WIDTH),
            c if c.is_control() => (control_picture(c).to_string(), 1),
            c => (c.to_string(), c.width().unwrap_or(0)),
        })
        .collect();
    let before = column.saturating_sub(1).min(cells.len());
    let caret_x: usize = cells[..before].iter().map(|c| c.1).sum();
    let total: usize = cells.iter().map(|c| c.1).sum();

    let (mut shown, mut caret) = (String::new(), caret_x);
    if total <= MAX_WIDTH {
        shown = cells.iter().map(|c| c.0.as_str()).collect();
    } else {
        // a window of MAX_WIDTH columns with the caret near its middle, never past the end
        let start = caret_x.saturating_sub(MAX_WIDTH / 2).min(total - MAX_WIDTH);
        let end = start + MAX_WIDTH;
        let mut x = 0;
        let mut first = None;
        for (piece, w) in &cells {
            if x >= start && x + w <= end {
                if first.is_none() {
                    first = Some(x);
                    if x > 0 {
                        shown.push('…');
                    }
                }
                shown.push_str(piece);
            }
            x += w;
        }
        let first = first.unwrap_or(0);
        caret = caret_x.saturating_sub(first) + usize::from(first > 0);
        if end < total {
            shown.push('…');
        }
    }

    let gutter = " ".repeat(line_no.to_string().len());
    let numbered = format!("{line_no} | {shown}");
    format!(
        "{gutter} |\n{}\n{gutter} | {}^",
        numbered.trim_end(),
        " ".repeat(caret)
    )
}

/// The Unicode picture of a control character: ␀…␟ for C0, ␡ for DEL, � for the rest.
fn control_picture(c: char) -> char {
    match c as u32 {
        n @ 0..0x20 => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7f => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_puts_the_line_between_the_message_and_the_hint() {
        let src = "title = \"讲话\"\nheadng = \"加强组织领导\"\n";
        let bad = SourceError::new("s.toml", "未知字段 `headng`")
            .at_offset(src, src.find('h').unwrap())
            .help("是不是想写 `heading`？");
        let other = SourceError::new("t.toml", "缺少必填字段 `title`");
        assert_eq!(
            report(&Error::Many(vec![bad.into(), other.into()])),
            "错误：s.toml:2:1：未知字段 `headng`\n  |\n2 | headng = \"加强组织领导\"\n  | ^\n  \
             提示：是不是想写 `heading`？\n错误：t.toml：缺少必填字段 `title`"
        );
    }

    #[test]
    fn caret_under_an_ascii_column() {
        assert_eq!(
            snippet(12, "headng = \"加强组织领导\"", 1),
            "   |\n12 | headng = \"加强组织领导\"\n   | ^"
        );
        assert_eq!(snippet(3, "a = b", 5), "  |\n3 | a = b\n  |     ^");
    }

    #[test]
    fn a_chinese_character_before_the_column_counts_two() {
        // column 6 is 组 in `标题 = 组织`: 标题 (4) + ` = ` (3) before it
        assert_eq!(
            snippet(2, "标题 = 组织", 6),
            "  |\n2 | 标题 = 组织\n  |        ^"
        );
    }

    #[test]
    fn a_control_character_is_shown_by_its_picture() {
        assert_eq!(snippet(1, "讲\u{7}话", 2), "  |\n1 | 讲␇话\n  |   ^");
    }

    #[test]
    fn a_tab_is_four_columns() {
        assert_eq!(snippet(1, "\tx", 2), "  |\n1 |     x\n  |     ^");
    }

    #[test]
    fn a_column_past_the_end_points_just_after_the_line() {
        assert_eq!(snippet(9, "讲话", 10), "  |\n9 | 讲话\n  |     ^");
        assert_eq!(snippet(9, "", 1), "  |\n9 |\n  | ^");
    }

    #[test]
    fn a_long_line_is_trimmed_around_the_column() {
        let line = format!("{}X{}", "甲".repeat(100), "乙".repeat(100));
        let out = snippet(100, &line, 101);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        // 25 characters (50 columns) either side of X, cut marks at both ends
        let shown = format!("…{}X{}…", "甲".repeat(25), "乙".repeat(24));
        assert_eq!(lines[1], format!("100 | {shown}"));
        assert_eq!(lines[2], format!("    | {}^", " ".repeat(51)));
        // the caret still sits under X
        let text_col = lines[1].find('X').unwrap();
        let prefix_width: usize = lines[1][..text_col]
            .chars()
            .map(|c| c.width().unwrap())
            .sum();
        assert_eq!(lines[2].chars().count() - 1, prefix_width);
    }

    #[test]
    fn a_long_line_near_its_start_keeps_its_start() {
        let line = format!("x{}", "a".repeat(300));
        let out = snippet(1, &line, 1);
        assert_eq!(out, format!("  |\n1 | x{}…\n  | ^", "a".repeat(99)));
    }
}
