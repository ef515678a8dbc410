//! A template's front matter: the leading `{{!-- … --}}` comment holding its defaults as TOML.

use crate::error::{Result, SourceError};
use crate::spec::{Enumeration, Numbering};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Defaults a template declares for specs that leave them out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    /// One line in Chinese for `jianghua templates`.
    #[serde(default)]
    pub description: String,
    /// The speech type this template changes: its text and defaults are inherited, and this
    /// template redefines only the blocks (`{{#*inline "closing"}}…{{/inline}}`) and defaults
    /// it writes.
    #[serde(default)]
    pub extends: Option<String>,
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
    /// Stock sentences the template text uses as `{{phrases.NAME}}`, each with alternatives;
    /// a spec picks one with `[phrases] NAME = 2` or by its name.
    #[serde(default)]
    pub phrases: BTreeMap<String, Alternatives>,
    /// A custom type's own fields with example values (`honorees = ["城关镇"]`): what
    /// `vars.NAME` is when the spec's `[vars]` leaves it out, and what `templates check` uses.
    #[serde(default)]
    pub vars: toml::Table,
}

/// Stock lead-ins for parts of each kind, each with alternatives.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intros {
    #[serde(default)]
    pub achievements: Alternatives,
    #[serde(default)]
    pub problems: Alternatives,
    #[serde(default)]
    pub experience: Alternatives,
    #[serde(default)]
    pub tasks: Alternatives,
}

impl Intros {
    /// The kinds with their alternatives, in the order the reference lists them.
    pub fn by_kind(&self) -> [(&'static str, &Alternatives); 4] {
        [
            ("achievements", &self.achievements),
            ("problems", &self.problems),
            ("experience", &self.experience),
            ("tasks", &self.tasks),
        ]
    }
}

/// One stock sentence or several alternatives (the first is the default).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(from = "OneOrMany")]
pub struct Alternatives(pub Vec<Phrase>);

/// One alternative: plain text, or `{ name = "检阅", text = "……" }` so a spec can pick it by name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Phrase {
    Text(String),
    Named { name: String, text: String },
}

impl Phrase {
    pub fn text(&self) -> &str {
        match self {
            Phrase::Text(t) | Phrase::Named { text: t, .. } => t,
        }
    }

    pub fn name(&self) -> Option<&str> {
        match self {
            Phrase::Text(_) => None,
            Phrase::Named { name, .. } => Some(name),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Phrase),
    Many(Vec<Phrase>),
}

impl From<OneOrMany> for Alternatives {
    fn from(v: OneOrMany) -> Self {
        match v {
            OneOrMany::One(p) => Alternatives(vec![p]),
            OneOrMany::Many(v) => Alternatives(v),
        }
    }
}

impl Alternatives {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FrontMatter {
    /// This template's defaults over those of the type it extends.
    pub fn over(self, parent: FrontMatter) -> FrontMatter {
        let pick = |a: Alternatives, b: Alternatives| if a.is_empty() { b } else { a };
        let mut phrases = parent.phrases;
        phrases.extend(self.phrases);
        FrontMatter {
            description: if self.description.is_empty() {
                parent.description
            } else {
                self.description
            },
            extends: self.extends,
            numbering: self.numbering.or(parent.numbering),
            enumeration: self.enumeration.or(parent.enumeration),
            transition: self.transition.or(parent.transition),
            salutation: self.salutation.or(parent.salutation),
            closing_subject: self.closing_subject.or(parent.closing_subject),
            intro: Intros {
                achievements: pick(self.intro.achievements, parent.intro.achievements),
                problems: pick(self.intro.problems, parent.intro.problems),
                experience: pick(self.intro.experience, parent.intro.experience),
                tasks: pick(self.intro.tasks, parent.intro.tasks),
            },
            phrases,
            vars: {
                let mut vars = parent.vars;
                vars.extend(self.vars);
                vars
            },
        }
    }
}

impl FrontMatter {
    /// Reads the front matter at the top of a template; a template without one gets defaults.
    pub fn parse(template: &str, path: &Path) -> Result<Self> {
        let Some((body_offset, toml_text)) = super::compact::front_matter(template) else {
            return Ok(FrontMatter::default());
        };
        if let Some(front) = crate::builtin_toml::read(toml_text) {
            return Ok(front);
        }
        toml::from_str(toml_text).map_err(|e| {
            let err = SourceError::new(path, format!("模板开头的默认设置有误：{}", e.message()))
                .help("开头注释里只能写 description、extends、numbering、enumeration、transition、salutation、closing-subject、[intro]、[phrases] 和 [vars]");
            match e.span() {
                Some(span) => err.at_offset(template, body_offset + span.start),
                None => err,
            }
            .into()
        })
    }
}
