//! Mining sample speeches: decode → clean → split → segment → spec, plus outlines and corpus
//! statistics. Recognition goes through `doc::roles` only, the rules the renderer uses.

pub mod clean;
pub mod decode;
pub mod locate;
pub mod outline;
pub mod page;
pub mod segment;
pub mod shape;
pub mod split;
pub mod stats;
pub mod template;
pub mod to_spec;

use crate::doc::Doc;
use crate::error::{Result, SourceError};
use crate::spec::Spec;
use clean::{CleanReport, Placeholder};
use decode::Source;
use segment::Speech;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Owned lines from literals, for the miners' unit tests.
#[cfg(test)]
pub(crate) fn test_lines(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

/// One speech mined from a file.
#[derive(Debug, Clone, Serialize)]
pub struct Mined {
    pub file: PathBuf,
    /// Position in a collection (`第8篇·篇二`), empty for a file with one speech.
    pub label: String,
    pub source: Source,
    /// The cleaned paragraphs of this speech: what the spec must render back to.
    pub cleaned: Vec<String>,
    pub speech: Speech,
    pub placeholders: Vec<Placeholder>,
    /// Noise removed from this speech (file-level noise is in the first speech's report).
    pub report: CleanReport,
    /// How sure the miner is of where the speech starts and ends and of its title.
    pub confidence: locate::Confidence,
}

impl Mined {
    /// The speech in the sample's own layout.
    pub fn doc(&self) -> Doc {
        self.speech.to_doc()
    }

    /// The spec that renders back to the sample.
    pub fn spec(&self) -> Spec {
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        to_spec::to_spec(&self.speech, &stem)
    }

    /// The spec as TOML text, with a comment header saying where it came from.
    pub fn spec_toml(&self) -> String {
        let body = toml::to_string(&self.spec()).unwrap_or_default();
        let mut from = self.file.display().to_string();
        if !self.label.is_empty() {
            from = format!("{from}（{}）", self.label);
        }
        let mut head = format!("# 由 jianghua mine 从 {from} 提取。\n");
        if let Some((name, template)) = to_spec::occasion(&self.speech)
            && to_spec::guess_template(&self.speech) == template
        {
            head.push_str(&format!(
                "# 场合：{name}。内置模板没有这一类，用的是最接近的 {template}。\n"
            ));
        }
        format!("{head}{body}")
    }

    /// The cleaned text, one paragraph per line.
    pub fn cleaned_text(&self) -> String {
        self.cleaned.iter().map(|l| format!("{l}\n")).collect()
    }

    /// A file name for this speech's outputs: the title with characters unsafe in file
    /// names removed, at most 40 characters.
    pub fn file_stem(&self) -> String {
        let title = self.speech.title.clone().unwrap_or_else(|| {
            self.file
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_else(|| "讲话".to_string())
        });
        let safe: String = title
            .chars()
            .filter(|c| {
                !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                    && !c.is_control()
            })
            .take(40)
            .collect();
        if safe.trim().is_empty() {
            "讲话".to_string()
        } else {
            safe.trim().to_string()
        }
    }
}

/// Mines decoded text: every speech it holds.
pub fn mine_text(file: &Path, source: Source, text: &str) -> Vec<Mined> {
    let page = page::strip(text);
    // a page without front matter may still show its headline above a dateline
    let page_title = page.title.clone().or_else(|| page::headline(&page.text));
    let cleaned = clean::clean(&page.text);
    let (pieces, dropped) = split::split(cleaned.lines);
    let mut file_report = cleaned.report;
    file_report.removed_lines.extend(dropped);
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let (found, removed) = locate::locate(piece.lines, page_title.as_deref());
        file_report.removed_lines.extend(removed);
        for (j, mut f) in found.into_iter().enumerate() {
            // a piece of a collection opens with its own title (`第2篇 …`, `…篇二`)
            if !piece.label.is_empty()
                && j == 0
                && f.lines
                    .first()
                    .is_some_and(|l| crate::doc::roles::could_be_title(l))
            {
                f.confidence.title = locate::Sureness::Sure;
                f.confidence.title_reason = "合集中的篇名";
            }
            let mut report = if out.is_empty() {
                std::mem::take(&mut file_report)
            } else {
                CleanReport::default()
            };
            let lines = clean::tidy_speech(f.lines, &mut report);
            if lines.is_empty() {
                continue;
            }
            let speech = segment::segment(&lines);
            let placeholders = clean::placeholders(&lines);
            let label = match (piece.label.is_empty(), j) {
                (true, 0) => String::new(),
                (true, j) => format!("第{}篇", j + 1),
                (false, 0) => piece.label.clone(),
                (false, j) => format!("{}·{}", piece.label, j + 1),
            };
            out.push(Mined {
                file: file.to_path_buf(),
                label,
                source,
                cleaned: lines,
                speech,
                placeholders,
                report,
                confidence: f.confidence,
            });
        }
    }
    out
}

/// Mines the bytes of one sample file.
pub fn mine_bytes(file: &Path, bytes: &[u8]) -> Result<Vec<Mined>, SourceError> {
    let (text, source) = decode::decode(file, bytes)?;
    Ok(mine_text(file, source, &text))
}

/// Reads and mines one sample file.
pub fn mine_file(file: &Path) -> Result<Vec<Mined>> {
    let bytes = crate::fsx::read_capped(file, crate::fsx::SAMPLE_CAP, "范文文件")?;
    let mined = mine_bytes(file, &bytes)?;
    if mined.is_empty() {
        return Err(SourceError::new(file, "文件里没有找到讲话正文")
            .help("请确认文件里有讲话的文字内容，而不只是网页导航或广告")
            .into());
    }
    Ok(mined)
}

/// Character-level similarity of two texts in [0, 1], whitespace ignored:
/// 1 − edit distance ÷ length of the longer text.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_whitespace()).collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    // strip the common prefix and suffix first: round trips differ in few places
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_edits() {
        assert_eq!(similarity("同志们", "同志们"), 1.0);
        assert_eq!(similarity("同 志\n们", "同志们"), 1.0);
        assert!((similarity("一二三四", "一二三五") - 0.75).abs() < 1e-9);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("甲乙", ""), 0.0);
    }
}
