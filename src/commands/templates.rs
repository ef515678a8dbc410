//! `jianghua templates`: lists the speech types with their one-line descriptions.

use crate::cli::TemplatesArgs;
use crate::error::Result;
use crate::template::{FrontMatter, TemplateSet};

/// Each visible speech template with its description and origin.
pub fn list(set: &TemplateSet) -> Result<Vec<(String, String, bool)>> {
    let mut rows = Vec::new();
    for name in set.speech_names() {
        if let Some(file) = set.file(&format!("{name}.hbs"))? {
            let front = FrontMatter::parse(&file.source, &file.origin.display_path())?;
            let builtin = matches!(file.origin, crate::template::Origin::BuiltIn(_));
            rows.push((name, front.description, builtin));
        }
    }
    Ok(rows)
}

pub fn run(args: &TemplatesArgs) -> Result<()> {
    let set = TemplateSet::with_overlays(args.templates.iter().cloned().collect());
    let rows = list(&set)?;
    let width = rows.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (name, description, builtin) in rows {
        let mark = if builtin { "" } else { "（自定义）" };
        text.push_str(&format!("{name:width$}  {description}{mark}\n"));
    }
    crate::fsx::out(&text)
}
