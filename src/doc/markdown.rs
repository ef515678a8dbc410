//! Markdown ⇄ Doc: the plain Markdown convention jianghua writes and reads.
//!
//! `to_markdown` is an output format of the Doc (like .docx). `parse` reads Markdown that
//! someone else wrote (samples to mine, drafts to check); rendering never goes through it:
//! the engine builds the Doc directly (`render::assemble`).
//!
//! Convention: `# 标题`; lines in `（…）` right after the title are bylines; the salutation is the
//! paragraph `同志们：` / `尊敬的…：`; `##`–`#####` are standalone headings of levels 1–4;
//! `**（一）加强组织领导**。正文` is a paragraph opened by a run-in heading (trailing
//! punctuation is written outside the `**` so that every Markdown reader closes the bold).

use super::{Block, Doc, Heading, Paragraph, roles};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Characters that Markdown (CommonMark or pandoc's dialect) could read as markup anywhere.
const ALWAYS_ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '^', '~', '$', '@', '|', '#', '"', '\'',
];

/// Escapes user text so that every character reads back literally in CommonMark and pandoc
/// (including pandoc's smart quotes, dashes, ellipses, citations, sub/superscripts and math).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let line_start = prev.is_none_or(|p| p == '\n');
        let needs = ALWAYS_ESCAPED.contains(&c)
            // -- and ... become dashes and ellipses in pandoc
            || (c == '-' && (prev == Some('-') || next == Some('-')))
            || (c == '.' && (prev == Some('.') || next == Some('.')))
            // list markers, block quotes and setext underlines at the start of a line
            || (line_start && matches!(c, '+' | '-' | '=' | ':'))
            || (matches!(c, '.' | ')')
                && next.is_none_or(char::is_whitespace)
                && prev.is_some_and(|p| p.is_ascii_digit())
                && chars[..i].iter().rev().take_while(|p| p.is_ascii_digit()).count()
                    == chars[..i].iter().rev().take_while(|p| **p != '\n').count());
        if needs {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub use super::roles::is_trailing_punct;

/// Writes a Doc as plain Markdown (see the module docs for the convention).
pub fn to_markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title { text } => {
                out.push_str("# ");
                out.push_str(&escape(text));
            }
            Block::Byline { text } | Block::Salutation { text } => out.push_str(&escape(text)),
            Block::Heading(h) => {
                out.push_str(&"#".repeat(usize::from(h.level.clamp(1, 4)) + 1));
                out.push(' ');
                out.push_str(&escape(&h.text));
            }
            Block::Paragraph(p) => {
                if let Some(lead) = &p.lead {
                    let (bold, punct) = lead.text.split_at(roles::run_in_bold_end(&lead.text));
                    if bold.is_empty() {
                        out.push_str(&escape(punct));
                    } else {
                        out.push_str("**");
                        out.push_str(&escape(bold));
                        out.push_str("**");
                        out.push_str(&escape(punct));
                    }
                }
                out.push_str(&escape(&p.text));
            }
        }
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A paragraph as read from Markdown, before roles are assigned.
struct RawParagraph {
    lead: Option<String>,
    text: String,
}

enum RawBlock {
    Heading(u8, String),
    Paragraph(RawParagraph),
}

/// Reads Markdown (a sample, a draft, or `to_markdown`'s output) into a Doc, assigning roles with
/// the rules of [`roles`]: title, bylines, salutation, headings, run-in headings, closing.
pub fn parse(markdown: &str) -> Doc {
    let raw = read_blocks(markdown);
    let mut doc = Doc::default();
    let mut levels = roles::LevelTracker::default();
    let mut body_started = false;
    let mut in_closing = false;
    for block in raw {
        let previous = doc.blocks.last();
        match block {
            RawBlock::Heading(1, text) if doc.title().is_none() => {
                doc.blocks.push(Block::Title { text });
            }
            RawBlock::Heading(level, text) => {
                let level = levels.fixed(&text, level.saturating_sub(1).clamp(1, 4));
                body_started = true;
                in_closing = false;
                doc.blocks.push(Block::Heading(Heading { level, text }));
            }
            RawBlock::Paragraph(p) => {
                let after_title =
                    matches!(previous, Some(Block::Title { .. } | Block::Byline { .. }));
                let before_body =
                    !body_started && !doc.blocks.iter().any(|b| matches!(b, Block::Paragraph(_)));
                if p.lead.is_none() && after_title && roles::is_byline(&p.text) {
                    doc.blocks.push(Block::Byline { text: p.text });
                } else if p.lead.is_none()
                    && before_body
                    && !doc
                        .blocks
                        .iter()
                        .any(|b| matches!(b, Block::Salutation { .. }))
                    && roles::is_salutation(&p.text)
                {
                    doc.blocks.push(Block::Salutation { text: p.text });
                } else {
                    let lead = p.lead.map(|text| Heading {
                        level: levels.infer(&text),
                        text,
                    });
                    if lead.is_some() {
                        body_started = true;
                        in_closing = false;
                    } else if body_started && roles::opens_closing(&p.text) {
                        in_closing = true;
                    }
                    doc.blocks.push(Block::Paragraph(Paragraph {
                        lead,
                        text: p.text,
                        closing: in_closing,
                    }));
                }
            }
        }
    }
    doc
}

fn read_blocks(markdown: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut lead: Option<String> = None;
    let mut strong_at_start = false;
    let mut in_strong = false;
    let mut lead_open = false; // the lead may still absorb trailing punctuation
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) => {
                text.clear();
                lead = None;
                lead_open = false;
                strong_at_start = true;
            }
            Event::Start(Tag::Strong) if strong_at_start && text.is_empty() && lead.is_none() => {
                in_strong = true;
            }
            Event::End(TagEnd::Strong) if in_strong => {
                in_strong = false;
                lead = Some(std::mem::take(&mut text));
                lead_open = true;
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                let full = lead.take().unwrap_or_default() + &text;
                blocks.push(RawBlock::Heading(level, full.trim().to_string()));
                text.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                let text = std::mem::take(&mut text).trim().to_string();
                let lead = lead.take();
                if lead.is_some() || !text.is_empty() {
                    blocks.push(RawBlock::Paragraph(RawParagraph { lead, text }));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let mut t: &str = &t;
                if lead_open && let Some(lead) = lead.as_mut() {
                    let cut = t
                        .char_indices()
                        .find(|(_, c)| !is_trailing_punct(*c))
                        .map_or(t.len(), |(i, _)| i);
                    lead.push_str(&t[..cut]);
                    t = &t[cut..];
                    if !t.is_empty() {
                        lead_open = false;
                    }
                }
                text.push_str(t);
                strong_at_start = false;
            }
            Event::SoftBreak | Event::HardBreak => {
                lead_open = false;
            }
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_eat() {
        assert_eq!(escape("20**年"), r"20\*\*年");
        assert_eq!(escape("R&D"), r"R\&D");
        assert_eq!(escape("<人才>"), r"\<人才\>");
        assert_eq!(escape("1. 开头"), r"1\. 开头");
        assert_eq!(escape("共1.5万人"), "共1.5万人");
        assert_eq!(escape("a--b...c"), r"a\-\-b\.\.\.c");
        assert_eq!(escape("“四强”支部"), "“四强”支部");
    }

    #[test]
    fn round_trips_a_doc_through_markdown() {
        let doc = Doc {
            blocks: vec![
                Block::Title {
                    text: "在全县工作会议上的讲话".into(),
                },
                Block::Byline {
                    text: "（2026年1月15日）".into(),
                },
                Block::Salutation {
                    text: "同志们：".into(),
                },
                Block::Paragraph(Paragraph {
                    lead: None,
                    text: "今天召开会议。下面，我讲两点意见。".into(),
                    closing: false,
                }),
                Block::Heading(Heading {
                    level: 1,
                    text: "一、统一思想".into(),
                }),
                Block::Paragraph(Paragraph {
                    lead: Some(Heading {
                        level: 2,
                        text: "（一）提高认识。".into(),
                    }),
                    text: "要把20**年的R&D投入和<人才>工作抓紧。".into(),
                    closing: false,
                }),
                Block::Paragraph(Paragraph {
                    lead: None,
                    text: "同志们，任务光荣！".into(),
                    closing: true,
                }),
            ],
        };
        let md = to_markdown(&doc);
        assert!(md.contains("**（一）提高认识**。要把20\\*\\*年"), "{md}");
        assert_eq!(parse(&md), doc);
    }
}
