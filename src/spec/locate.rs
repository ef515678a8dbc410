//! Positions of keys and values in a spec's source, for errors found after parsing.

use crate::error::SourceError;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// A parsed value together with the source it came from, so later checks can point at lines.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub source: String,
    pub path: PathBuf,
}

/// One step of a path into the TOML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

impl<T> Located<T> {
    pub fn new(value: T, source: &str, path: &Path) -> Self {
        Located {
            value,
            source: source.to_string(),
            path: path.to_path_buf(),
        }
    }

    /// Byte range of the value at `path`, or of the closest ancestor that exists.
    pub fn span(&self, path: &[Seg<'_>]) -> Option<Range<usize>> {
        let root = DeTable::parse(&self.source).ok()?;
        let mut best = None;
        let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
        let mut value: Option<&toml::Spanned<DeValue<'_>>> = None;
        for seg in path {
            let next = match (seg, table, value) {
                (Seg::Key(k), Some(t), _) => t.get(*k),
                (Seg::Index(i), _, Some(v)) => v.get_ref().as_array().and_then(|a| a.get(*i)),
                _ => None,
            };
            let Some(next) = next else { break };
            best = Some(next.span());
            table = next.get_ref().as_table();
            value = Some(next);
        }
        best
    }

    /// An error pointing at the value at `path`.
    pub fn error_at(&self, path: &[Seg<'_>], message: impl Into<String>) -> SourceError {
        let err = SourceError::new(&self.path, message);
        match self.span(path) {
            Some(span) => err.at_offset(&self.source, span.start),
            None => err,
        }
    }
}

/// Human name of a field path: `parts[2].sections[1].points`.
pub fn field_name(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{}]", i + 1)),
        }
    }
    out
}

/// The key assigned on the line containing `offset` (best effort, for errors found before
/// the TOML can be parsed).
pub fn field_at_offset(source: &str, offset: usize) -> String {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..];
    match line.split_once('=') {
        Some((key, _)) if !key.trim().is_empty() && !key.contains('"') => key.trim().to_string(),
        _ => "（多行文字）".to_string(),
    }
}
