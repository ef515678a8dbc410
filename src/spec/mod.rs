//! The speech spec: the TOML a user writes, its types, loading with positioned errors, and checks.

pub(crate) mod load;
pub mod locate;
mod validate;

pub use load::{load, parse};
pub use locate::{Located, Seg};

use serde::{Deserialize, Serialize};

/// One speech, as the user describes it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Spec {
    /// Built-in template id (`jianghua templates`) or a path to a `.hbs` file.
    pub template: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<toml::value::Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_title: Option<String>,
    /// Addressees; default `["同志们"]`. Joined with `、` and ended with `：`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Vec<String>>,
    /// Numbering of the parts; default per template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    /// Marker form per level (`["yi", "arabic-dun", "arabic-paren"]`), overriding `numbering`
    /// level by level; levels past the list follow `numbering`. Extension for mined specs, so
    /// a sample's `1、` or `1）` headings render as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_forms: Option<Vec<crate::doc::roles::Form>>,
    /// Sentence announcing the parts; `{n}` becomes the count word. Default per template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition: Option<String>,
    #[serde(default, skip_serializing_if = "Opening::is_empty")]
    pub opening: Opening,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    #[serde(default, skip_serializing_if = "Closing::is_empty")]
    pub closing: Closing,
    /// Which alternative of a template's stock sentence to use: `closing = 2` (1-based) or
    /// `closing = "检阅"` (by name); keys are the template's phrase names and intro kinds.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub phrases: std::collections::BTreeMap<String, PhraseChoice>,
    /// Free fields for custom templates (`vars.honorees`); the built-in types ignore them.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub vars: toml::Table,
}

/// A pick among a stock sentence's alternatives.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum PhraseChoice {
    /// 1-based position in the template's list.
    Number(i64),
    /// The alternative's `name`.
    Name(String),
}

/// How the parts (and their sections) are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// 一、 → （一） → 1. → （1）, standalone level-1 headings (GB/T 9704).
    Standard,
    /// 第一， 第二， … as run-in headings; sections then follow the standard forms.
    Di,
    /// 首先， 其次， 再次， 最后， (at most four parts).
    Shouxian,
    /// 一要…， 二要… as run-in headings (an extension found in the samples).
    Yao,
    /// Parts headed by their text alone, without numbers; sections follow the standard forms
    /// (an extension found in the samples).
    None,
}

/// The opening: why we meet, what just happened, a verdict, free paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Opening {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub just_now: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
}

impl Opening {
    pub fn is_empty(&self) -> bool {
        *self == Opening::default()
    }
}

/// The kind of a part, which chooses the template's stock lead-in for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Achievements,
    Problems,
    Experience,
    Tasks,
    Other,
}

/// How the points of a part are enumerated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Enumeration {
    /// 一是… 二是… in one paragraph.
    Shi,
    /// 一要… 二要… in one paragraph.
    Yao,
    /// 第一，… 第二，… in one paragraph.
    Di,
    /// 一方面，… 另一方面，… (exactly two points).
    Fangmian,
    /// One paragraph per point, unnumbered.
    List,
}

/// How a heading is set: on its own line, or run into its first paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingStyle {
    Standalone,
    RunIn,
}

/// A part of the body (level 1) or a section within one (levels 2–4): one recursive type.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Part {
    #[serde(default)]
    pub heading: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Standalone or run-in; default per level and numbering (extension for mined specs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_style: Option<HeadingStyle>,
    /// This heading's marker form when it differs from its level's (`paren-yi`, `arabic-dun`…);
    /// extension for mined specs whose parts number their sections differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_form: Option<crate::doc::roles::Form>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<Enumeration>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Part>,
}

/// The closing: the call on the audience and the goal it serves, plus free paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Closing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
}

impl Closing {
    pub fn is_empty(&self) -> bool {
        *self == Closing::default()
    }
}

/// Deepest nesting of parts and sections.
pub const MAX_DEPTH: usize = crate::doc::roles::MAX_LEVEL as usize;
