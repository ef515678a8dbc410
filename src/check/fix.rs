//! `--fix`: applies the safe mechanical fixes (half-width → full-width in Chinese text, doubled
//! punctuation, 二点 → 两点) to a .md or .txt draft, written back in its own encoding and line
//! ends with an atomic write. A file whose bytes would not come back unchanged is left alone.

use super::Hit;
use super::read::{Draft, DraftKind};
use crate::mine::decode::Source;

/// One change made to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// 1-based line and column (in characters) before the change.
    pub line: usize,
    pub column: usize,
    pub from: String,
    pub to: String,
}

/// Why a file was not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Word files and specs are not rewritten.
    Kind,
    /// Writing the text back would not reproduce the file's other bytes exactly.
    NotRoundTrip,
}

/// The fixed text and the changes, from a draft's safe fixes.
pub fn apply(draft: &Draft, hits: &[Hit]) -> (String, Vec<Change>) {
    let mut edits: Vec<(usize, usize, &str)> = Vec::new();
    for h in hits.iter().filter(|h| h.rule.is_safe_fix()) {
        let (Some(fix), Some(p)) = (h.fix.as_deref(), draft.paras.get(h.para)) else {
            continue;
        };
        let start = p.source_offset(h.start);
        let end = p.source_offset(h.end.saturating_sub(1)) + 1;
        // only where the source holds exactly the text that was checked (no markup inside)
        if draft.source.get(start..end) != p.text.get(h.start..h.end) {
            continue;
        }
        edits.push((start, end, fix));
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(draft.source.len());
    let mut changes = Vec::new();
    let mut from = 0;
    for (start, end, fix) in edits {
        if start < from {
            continue; // overlaps an earlier edit
        }
        out.push_str(&draft.source[from..start]);
        out.push_str(fix);
        let (line, column) = draft.position(start);
        changes.push(Change {
            line,
            column,
            from: draft.source[start..end].to_string(),
            to: fix.to_string(),
        });
        from = end;
    }
    out.push_str(&draft.source[from..]);
    (out, changes)
}

/// The bytes of `text` in the draft's encoding and line ends; None for drafts that are not
/// rewritten.
pub fn encode(draft: &Draft, text: &str) -> Option<Vec<u8>> {
    let text = if draft.crlf {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    Some(match draft.encoding? {
        Source::Utf8 => text.into_bytes(),
        Source::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Source::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Source::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        Source::Gb18030 => {
            let (bytes, _, errors) = encoding_rs::GB18030.encode(&text);
            if errors {
                return None;
            }
            bytes.into_owned()
        }
        Source::Docx => return None,
    })
}

/// The new bytes of a draft with its safe fixes applied, after making sure the unchanged text
/// writes back to exactly the original bytes.
pub fn fixed_bytes(
    draft: &Draft,
    original: &[u8],
    hits: &[Hit],
) -> Result<(Vec<u8>, Vec<Change>), Refused> {
    if !matches!(draft.kind, DraftKind::Markdown | DraftKind::Text) {
        return Err(Refused::Kind);
    }
    if encode(draft, &draft.source).as_deref() != Some(original) {
        return Err(Refused::NotRoundTrip);
    }
    let (text, changes) = apply(draft, hits);
    let bytes = encode(draft, &text).ok_or(Refused::NotRoundTrip)?;
    Ok((bytes, changes))
}
