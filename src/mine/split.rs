//! Splitting a file into speeches: `第N篇 <title>` collections and `<title>篇一/篇二` pieces.

use crate::numerals;
use serde::Serialize;

/// One speech cut out of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// Where it was in the file: `第8篇`, `第8篇·篇二`, or empty for a single speech.
    pub label: String,
    /// Its paragraphs, title first when it has one.
    pub lines: Vec<String>,
}

/// `第3篇某县…讲话稿` → (3, byte length of `第3篇`).
fn collection_marker(line: &str) -> Option<(u64, usize)> {
    let rest = line.strip_prefix('第')?;
    let (n, used) = numerals::parse_arabic_prefix(rest).or_else(|| numerals::parse_prefix(rest))?;
    let after = rest[used..].strip_prefix('篇')?;
    let title = after.trim();
    (!title.is_empty() && title.chars().count() <= 80 && !title.contains('。'))
        .then_some((n, line.len() - after.len()))
}

/// `党建工作述职评价会讲话篇二` → ("党建工作述职评价会讲话", 2).
fn piece_marker(line: &str) -> Option<(&str, u64)> {
    if line.len() > 200 {
        return None;
    }
    let at = line.rfind('篇')?;
    let (stem, tail) = (&line[..at], &line[at + '篇'.len_utf8()..]);
    let (n, used) = numerals::parse_prefix(tail).or_else(|| numerals::parse_arabic_prefix(tail))?;
    (used == tail.len() && (2..=60).contains(&stem.chars().count()) && !stem.contains('。'))
        .then_some((stem, n))
}

/// Splits cleaned paragraphs into speeches. Text before the first `第1篇` and the collection
/// title above `篇一` are dropped (returned in the second value).
pub fn split(lines: Vec<String>) -> (Vec<Piece>, Vec<String>) {
    let mut dropped = Vec::new();
    let marks: Vec<(usize, u64)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| collection_marker(l).map(|(n, _)| (i, n)))
        .collect();
    // a collection: markers numbered 1, 2, 3 … in order
    let consecutive = marks.len() >= 2
        && marks
            .iter()
            .enumerate()
            .all(|(k, (_, n))| *n == k as u64 + 1);
    let mut pieces = Vec::new();
    if consecutive {
        // cut from the end so that no paragraph is copied
        let mut lines = lines;
        let mut groups = Vec::with_capacity(marks.len());
        for &(start, n) in marks.iter().rev() {
            let mut body = lines.split_off(start);
            let (_, len) = collection_marker(&body[0]).unwrap_or((n, 0));
            body[0] = body[0][len..].trim().to_string();
            groups.push((n, body));
        }
        dropped.extend(lines);
        for (n, body) in groups.into_iter().rev() {
            pieces.extend(split_pieces(format!("第{n}篇"), body, &mut dropped));
        }
    } else {
        pieces.extend(split_pieces(String::new(), lines, &mut dropped));
    }
    (pieces, dropped)
}

/// Splits one speech further when it holds `…篇一`, `…篇二` pieces under one title.
fn split_pieces(label: String, lines: Vec<String>, dropped: &mut Vec<String>) -> Vec<Piece> {
    let marks: Vec<(usize, &str, u64)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| piece_marker(l).map(|(stem, n)| (i, stem, n)))
        .collect();
    let ok = marks.len() >= 2
        && marks
            .iter()
            .enumerate()
            .all(|(k, (_, stem, n))| *n == k as u64 + 1 && *stem == marks[0].1);
    if !ok {
        return vec![Piece { label, lines }];
    }
    let sep = if label.is_empty() { "" } else { "·" };
    let starts: Vec<(usize, u64)> = marks.iter().map(|&(i, _, n)| (i, n)).collect();
    let mut lines = lines;
    let mut out = Vec::with_capacity(starts.len());
    for &(start, n) in starts.iter().rev() {
        out.push(Piece {
            label: format!("{label}{sep}篇{}", numerals::cardinal(n)),
            lines: lines.split_off(start),
        });
    }
    dropped.extend(lines);
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::mine::test_lines as v;

    #[test]
    fn splits_collections_and_pieces() {
        let lines = v(&[
            "合集说明",
            "第1篇在甲会上的讲话",
            "同志们：",
            "正文一。",
            "第2篇乙会讲话",
            "乙会讲话篇一",
            "正文二。",
            "乙会讲话篇二",
            "正文三。",
        ]);
        let (pieces, dropped) = split(lines);
        let got: Vec<_> = pieces
            .iter()
            .map(|p| (p.label.as_str(), p.lines.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("第1篇", v(&["在甲会上的讲话", "同志们：", "正文一。"])),
                ("第2篇·篇一", v(&["乙会讲话篇一", "正文二。"])),
                ("第2篇·篇二", v(&["乙会讲话篇二", "正文三。"])),
            ]
        );
        assert_eq!(dropped, v(&["合集说明", "乙会讲话"]));
    }

    #[test]
    fn a_single_speech_stays_whole() {
        let lines = v(&["在会上的讲话", "第一篇章已经写完。", "第2篇文章"]);
        let (pieces, _) = split(lines.clone());
        assert_eq!(
            pieces,
            [Piece {
                label: String::new(),
                lines
            }]
        );
    }
}
