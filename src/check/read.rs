//! Reading a draft into located paragraphs: .md (markup stripped), .txt (any encoding `mine`
//! reads), .docx (one line per Word paragraph). Every character keeps its place in the source,
//! so a finding can name its line and column (columns count characters).

use crate::error::SourceError;
use crate::mine::decode::{self, Source};
use std::path::Path;

/// What kind of file a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    Markdown,
    Text,
    /// Lines are Word paragraph numbers.
    Docx,
    /// A spec rendered first; lines point into the rendered Markdown until mapped to the spec.
    Spec,
}

/// A paragraph of a draft with the way back to its source.
#[derive(Debug, Clone)]
pub struct Para {
    pub text: String,
    /// 1-based source line of the paragraph's first character.
    pub line: usize,
    /// Runs of text copied unchanged from the source: (offset in `text`, offset in the source).
    segs: Vec<(usize, usize)>,
    /// A Markdown heading (`#` count), if the line is one.
    pub heading: Option<u8>,
}

impl Para {
    /// Byte offset in the source of byte `at` of the paragraph's text.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self
            .segs
            .partition_point(|(t, _)| *t <= at)
            .saturating_sub(1);
        let (t, s) = self.segs.get(i).copied().unwrap_or((0, 0));
        s + at.saturating_sub(t)
    }
}

/// A draft ready for checking: its source text and its paragraphs.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: DraftKind,
    /// The decoded source (line ends as `\n`).
    pub source: String,
    pub paras: Vec<Para>,
    /// The encoding a text file was read in (for writing fixes back).
    pub encoding: Option<Source>,
    /// True when the file ends its lines with `\r\n`.
    pub crlf: bool,
    /// Byte offset of each line start in `source`.
    line_starts: Vec<usize>,
}

impl Draft {
    /// Reads a draft from text (paragraphs = non-blank lines; Markdown markup stripped when
    /// `kind` is Markdown).
    pub fn from_text(kind: DraftKind, source: String) -> Draft {
        let mut paras = Vec::new();
        let mut line_starts = vec![0];
        let mut start = 0;
        for (n, line) in source.split('\n').enumerate() {
            if n > 0 {
                line_starts.push(start);
            }
            let para = match kind {
                DraftKind::Markdown | DraftKind::Spec => markdown_para(line, start, n + 1),
                _ => plain_para(line, start, n + 1),
            };
            if let Some(p) = para {
                paras.push(p);
            }
            start += line.len() + 1;
        }
        Draft {
            kind,
            source,
            paras,
            encoding: None,
            crlf: false,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset in the source.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|s| *s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let mut end = offset.min(self.source.len());
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        (line, self.source[start.min(end)..end].chars().count() + 1)
    }
}

fn plain_para(line: &str, start: usize, n: usize) -> Option<Para> {
    let trimmed = line.trim_end_matches(['\r', ' ', '\t']);
    let lead = trimmed.len() - trimmed.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let text = &trimmed[lead..];
    if text.is_empty() {
        return None;
    }
    Some(Para {
        text: text.to_string(),
        line: n,
        segs: vec![(0, start + lead)],
        heading: None,
    })
}

/// A Markdown line as the text a reader sees: `#` marks, `**` and `\` escapes removed.
fn markdown_para(line: &str, start: usize, n: usize) -> Option<Para> {
    let trimmed = line.trim_end_matches(['\r', ' ', '\t']);
    let mut at = trimmed.len() - trimmed.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let mut heading = None;
    let hashes = trimmed[at..].bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[at + hashes..].starts_with(' ') {
        heading = Some(hashes as u8);
        at += hashes;
        at += trimmed[at..].len() - trimmed[at..].trim_start().len();
    }
    let mut text = String::with_capacity(trimmed.len() - at);
    let mut segs = Vec::new();
    let bytes = trimmed.as_bytes();
    let mut i = at;
    let mut seg_open = false;
    while i < trimmed.len() {
        let skip = if trimmed[i..].starts_with("**") || trimmed[i..].starts_with("__") {
            2
        } else if bytes[i] == b'\\' && i + 1 < trimmed.len() && bytes[i + 1].is_ascii_punctuation()
        {
            1
        } else {
            0
        };
        if skip > 0 {
            i += skip;
            seg_open = false;
            if skip == 1 {
                // the escaped character itself is text
                segs.push((text.len(), start + i));
                text.push(bytes[i] as char);
                i += 1;
            }
            continue;
        }
        if !seg_open {
            segs.push((text.len(), start + i));
            seg_open = true;
        }
        let c = trimmed[i..].chars().next().unwrap_or(' ');
        text.push(c);
        i += c.len_utf8();
    }
    if text.trim().is_empty() {
        return None;
    }
    Some(Para {
        text,
        line: n,
        segs,
        heading,
    })
}

/// Reads a .md, .txt or .docx draft from its bytes.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Draft, SourceError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "docx" => {
            let text = decode::docx_text(path, bytes)?;
            let mut d = Draft::from_text(DraftKind::Docx, text);
            d.encoding = Some(Source::Docx);
            Ok(d)
        }
        "md" | "markdown" | "txt" | "text" | "" => {
            if bytes.starts_with(b"PK\x03\x04") {
                return Err(SourceError::new(
                    path,
                    "这是一个 Word（.docx）文件，但扩展名不是 .docx",
                )
                .help("请把扩展名改为 .docx 后再检查"));
            }
            let (text, source) = decode::decode_text(path, bytes)?;
            let kind = if matches!(ext.as_str(), "md" | "markdown") {
                DraftKind::Markdown
            } else {
                DraftKind::Text
            };
            let mut d = Draft::from_text(kind, text);
            d.encoding = Some(source);
            d.crlf = memchr::memmem::find(bytes, b"\r\n").is_some()
                || memchr::memmem::find(bytes, b"\r\0\n\0").is_some()
                || memchr::memmem::find(bytes, b"\0\r\0\n").is_some();
            Ok(d)
        }
        other => Err(SourceError::new(
            path,
            format!("不支持的文件类型“.{other}”：只能检查 .md、.txt、.docx 和要素文件 .toml"),
        )
        .help("Word 文件请“另存为”.docx；其他文件请把正文另存为 .txt")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_is_stripped_and_positions_kept() {
        let d = Draft::from_text(
            DraftKind::Markdown,
            "# 标题\n\n**（一）加强领导**。要抓\\*\\*落实\n".to_string(),
        );
        assert_eq!(d.paras[0].text, "标题");
        assert_eq!(d.paras[0].heading, Some(1));
        let p = &d.paras[1];
        assert_eq!(p.text, "（一）加强领导。要抓**落实");
        let at = p.text.find('。').unwrap();
        assert_eq!(d.position(p.source_offset(at)), (3, 12));
        let at = p.text.find('落').unwrap();
        assert_eq!(d.position(p.source_offset(at)), (3, 19));
    }
}
