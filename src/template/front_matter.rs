//! A template's front matter: the leading `{{!-- … --}}` comment holding its defaults as TOML.

use crate::error::{Result, SourceError};
use crate::spec::{Enumeration, Numbering};
use serde::Deserialize;
use std::path::Path;

/// Defaults a template declares for specs that leave them out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    /// One line in Chinese for `jianghua templates`.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub numbering: Option<Numbering>,
    #[serde(default)]
    pub enumeration: Option<Enumeration>,
    /// Default transition; `{n}` becomes the count word.
    #[serde(default)]
    pub transition: Option<String>,
    /// Default salutation when the spec gives none.
    #[serde(default)]
    pub salutation: Option<Vec<String>>,
    /// Subject put before the closing call when the user's call has none (`希望大家`).
    #[serde(default)]
    pub closing_subject: Option<String>,
    /// Stock lead-in per part kind, used when a part has points but no paragraphs of its own.
    #[serde(default)]
    pub intro: Intros,
}

/// Stock lead-ins for parts of each kind.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intros {
    pub achievements: Option<String>,
    pub problems: Option<String>,
    pub experience: Option<String>,
    pub tasks: Option<String>,
}

const OPEN: &str = "{{!--";
const CLOSE: &str = "--}}";

impl FrontMatter {
    /// Reads the front matter at the top of a template; a template without one gets defaults.
    pub fn parse(template: &str, path: &Path) -> Result<Self> {
        let trimmed = template.trim_start();
        let Some(body) = trimmed.strip_prefix(OPEN) else {
            return Ok(FrontMatter::default());
        };
        let Some(end) = body.find(CLOSE) else {
            return Ok(FrontMatter::default());
        };
        let toml_text = &body[..end];
        let body_offset = template.len() - trimmed.len() + OPEN.len();
        toml::from_str(toml_text).map_err(|e| {
            let err = SourceError::new(path, format!("模板开头的默认设置有误：{}", e.message()))
                .help("开头注释里只能写 description、numbering、enumeration、transition、salutation、closing-subject 和 [intro]");
            match e.span() {
                Some(span) => err.at_offset(template, body_offset + span.start),
                None => err,
            }
            .into()
        })
    }
}
