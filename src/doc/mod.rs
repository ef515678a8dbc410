//! The `Doc` model: a speech as a list of blocks with roles, shared by rendering, mining and checking.

pub mod markdown;
pub mod placeholder;
pub mod punct;
pub mod roles;

use serde::Serialize;

/// A whole speech: title, byline, salutation, body and closing, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

/// One block of a speech, tagged with the role it plays in the genre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "kebab-case")]
pub enum Block {
    /// The speech's title (`在……上的讲话`).
    Title { text: String },
    /// A line under the title: the date `（2026年1月15日）` or the speaker `（县委书记　张明）`.
    Byline { text: String },
    /// `同志们：` or `尊敬的……同志、同志们：`.
    Salutation { text: String },
    /// A standalone heading of level 1–4 (`一、` `（一）` `1.` `（1）` in the standard form).
    Heading(Heading),
    /// A body paragraph, optionally opened by a run-in heading.
    Paragraph(Paragraph),
}

/// A heading with its level (1 = the parts of the speech, 4 = the deepest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
}

/// A paragraph of running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// A run-in heading that opens the paragraph and keeps the heading's font
    /// (`（一）加强组织领导。` followed by the body text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Heading>,
    pub text: String,
    /// True for the closing paragraphs (`同志们，……` / `总之，……` after the body).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub closing: bool,
}

impl Block {
    /// The text a reader sees for this block, run-in heading included.
    pub fn text(&self) -> String {
        match self {
            Block::Title { text } | Block::Byline { text } | Block::Salutation { text } => {
                text.clone()
            }
            Block::Heading(h) => h.text.clone(),
            Block::Paragraph(p) => match &p.lead {
                Some(lead) => format!("{}{}", lead.text, p.text),
                None => p.text.clone(),
            },
        }
    }
}

impl Doc {
    /// The title, if the speech has one.
    pub fn title(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match b {
            Block::Title { text } => Some(text.as_str()),
            _ => None,
        })
    }

    /// All visible text, one block per line: what a reader of any output format must see.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            out.push_str(&block.text());
            out.push('\n');
        }
        out
    }
}
