//! `jianghua check`: finds a draft's own mistakes (leftover placeholders, announced counts that
//! do not match, numbering gaps, half-width or doubled punctuation, unclosed quotes, length)
//! with the genre rules render and mine use (`doc::roles`, `doc::punct`, `doc::placeholder`).

pub mod fix;
pub mod output;
pub mod read;
pub mod rules;
pub mod spec;
pub mod structure;

use read::Draft;
use serde::Serialize;

/// A rule, with the stable id users see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Placeholder,
    CountMismatch,
    Liang,
    NumberingGap,
    NumberingOrder,
    EnumerationGap,
    HalfWidth,
    DoublePunct,
    Unbalanced,
    Length,
}

impl Rule {
    pub const ALL: [Rule; 10] = [
        Rule::Placeholder,
        Rule::CountMismatch,
        Rule::Liang,
        Rule::NumberingGap,
        Rule::NumberingOrder,
        Rule::EnumerationGap,
        Rule::HalfWidth,
        Rule::DoublePunct,
        Rule::Unbalanced,
        Rule::Length,
    ];

    /// The stable id (`count-mismatch`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::Placeholder => "placeholder",
            Rule::CountMismatch => "count-mismatch",
            Rule::Liang => "liang",
            Rule::NumberingGap => "numbering-gap",
            Rule::NumberingOrder => "numbering-order",
            Rule::EnumerationGap => "enumeration-gap",
            Rule::HalfWidth => "half-width",
            Rule::DoublePunct => "double-punct",
            Rule::Unbalanced => "unbalanced",
            Rule::Length => "length",
        }
    }

    /// True for the mechanical fixes `--fix` applies.
    pub fn is_safe_fix(self) -> bool {
        matches!(self, Rule::HalfWidth | Rule::DoublePunct | Rule::Liang)
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The word users see (`错误`).
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A finding inside a draft, before it is given a file position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the paragraph in [`Draft::paras`].
    pub para: usize,
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
    pub severity: Severity,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
    /// Replacement text for the range, when there is a mechanical fix.
    pub fix: Option<String>,
}

/// A finding with its position: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub fix: Option<String>,
}

/// Settings of one check run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Speaking rate in characters per minute.
    pub rate: f64,
    /// The slot the speech must fill, in minutes.
    pub minutes: Option<f64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rate: DEFAULT_RATE,
            minutes: None,
        }
    }
}

/// Characters a speaker reads aloud per minute, by default.
pub const DEFAULT_RATE: f64 = 220.0;

/// Every rule run on one draft, in paragraph order.
pub fn check_draft(draft: &Draft, options: &Options) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, para) in draft.paras.iter().enumerate() {
        rules::text_rules(i, &para.text, &mut hits);
    }
    structure::check(draft, &mut hits);
    hits.push(rules::length(draft, options));
    hits.sort_by_key(|h| (h.para, h.start, h.rule));
    hits
}

/// Characters read aloud: everything but whitespace.
pub fn spoken_chars(draft: &Draft) -> usize {
    draft
        .paras
        .iter()
        .map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// The findings of a draft file with their positions.
pub fn locate(draft: &Draft, file: &str, hits: &[Hit]) -> Vec<Finding> {
    hits.iter()
        .map(|h| {
            let (line, column) = match draft.paras.get(h.para) {
                Some(p) => draft.position(p.source_offset(h.start)),
                None => (1, 1),
            };
            h.found_at(file, (line, column), h.message.clone())
        })
        .collect()
}

impl Hit {
    /// The finding this hit makes in `file` at `(line, column)`, saying `message`.
    pub fn found_at(&self, file: &str, (line, column): (usize, usize), message: String) -> Finding {
        Finding {
            file: file.to_string(),
            line,
            column,
            rule: self.rule,
            severity: self.severity,
            message,
            fix: self.fix.clone(),
        }
    }
}
