//! How findings are printed: `file:line:column: 级别 [id] message` grouped by file with a
//! summary line, or a JSON array of objects with exactly file, line, column, rule, severity,
//! message and fix.

use super::{Finding, Rule, Severity};

/// The findings of one file, in the order they are printed.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: String,
    /// True when lines are Word paragraph numbers.
    pub docx: bool,
    /// True when the findings point into a spec (its fields).
    pub spec: bool,
    pub findings: Vec<Finding>,
    /// Characters read aloud.
    pub chars: usize,
}

/// Text output: each file's findings, then the summary.
pub fn text(reports: &[FileReport], rate: f64) -> String {
    let mut out = String::new();
    for (k, r) in reports.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if r.docx {
            out.push_str(&format!(
                "{}（.docx：行号是段落序号，列号按字符计）\n",
                r.file
            ));
        }
        for f in &r.findings {
            out.push_str(&line(f));
            out.push('\n');
        }
    }
    out.push_str(&summary(reports, rate));
    out.push('\n');
    out
}

/// One finding: `file:line:column: 级别 [id] message`, and its replacement when there is one.
pub fn line(f: &Finding) -> String {
    let mut s = format!(
        "{}:{}:{}: {} [{}] {}",
        f.file,
        f.line,
        f.column,
        f.severity.label(),
        f.rule.id(),
        f.message
    );
    if let Some(fix) = &f.fix
        && f.rule != Rule::Liang
        && f.rule != Rule::HalfWidth
        && f.rule != Rule::DoublePunct
    {
        s.push_str(&format!("（可改为“{fix}”）"));
    }
    s
}

/// `共检查N个文件：错误N个，警告N个，提示N个；全文约N字，约需N分钟（每分钟N字）。`
pub fn summary(reports: &[FileReport], rate: f64) -> String {
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.severity == s)
            .count()
    };
    let chars: usize = reports.iter().map(|r| r.chars).sum();
    let fixable = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.fix.is_some() && f.rule.is_safe_fix())
        .count();
    let mut s = format!(
        "共检查{}个文件：错误{}个，警告{}个，提示{}个；全文约{}字，按每分钟{}字约需{}分钟。",
        reports.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        chars,
        rate,
        super::rules::minutes_text(chars as f64 / rate)
    );
    if fixable > 0 {
        s.push_str(&format!("其中{fixable}处可用 --fix 自动改正。"));
    }
    s.push_str("列号按字符计。");
    s
}

/// JSON output: an array of finding objects.
pub fn json(reports: &[FileReport]) -> String {
    let all: Vec<&Finding> = reports.iter().flat_map(|r| &r.findings).collect();
    let mut s = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}
