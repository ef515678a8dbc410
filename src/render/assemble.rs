//! Builds the `Doc` from what the engine knows: the head (title, bylines, salutation) and the
//! body (transition, parts, sections, points) come from the context with their roles and
//! levels; the template's own text between them becomes paragraphs (closing ones after the
//! body). Nothing is parsed back from Markdown.

use super::context::{Context, PartCtx};
use crate::doc::{Block, Doc, Heading, Paragraph};
use crate::spec::Enumeration;
use crate::template::{BODY_MARK, HEAD_MARK};

/// The Doc for a template's output (`rendered`) and the context it was rendered from.
/// Returns None when the template never placed the body although the spec has parts.
pub(super) fn assemble(rendered: &str, ctx: &Context) -> Option<Doc> {
    let mut flow = Flow {
        vocative: ctx.closing_vocative.clone(),
        ..Flow::default()
    };
    let mut body_seen = false;
    let mut rest = rendered;
    loop {
        let next = [(HEAD_MARK, true), (BODY_MARK, false)]
            .into_iter()
            .filter_map(|(mark, is_head)| rest.find(mark).map(|at| (at, mark, is_head)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, mark, is_head)) = next else {
            flow.text(rest);
            flow.end();
            break;
        };
        flow.text(&rest[..at]);
        flow.end();
        if is_head {
            head(&mut flow, ctx);
        } else {
            body(&mut flow, ctx);
            body_seen = true;
            flow.closing = true;
        }
        rest = &rest[at + mark.len()..];
    }
    (body_seen || ctx.parts.is_empty()).then_some(Doc {
        blocks: flow.blocks,
    })
}

/// Paragraphs being written: text gathers until `end`, where blank lines split it into
/// paragraphs and line breaks inside a paragraph join (Chinese needs no space between lines).
#[derive(Default)]
struct Flow {
    blocks: Vec<Block>,
    text: String,
    lead: Option<Heading>,
    closing: bool,
    /// Replaces a closing's stock `同志们` when the audience is someone else (see `Context`).
    vocative: Option<String>,
}

impl Flow {
    fn text(&mut self, t: &str) {
        self.text.push_str(t);
    }

    fn end(&mut self) {
        let text = std::mem::take(&mut self.text);
        let mut lead = self.lead.take();
        for mut para in paragraphs(&text) {
            if self.closing
                && let Some(vocative) = &self.vocative
                && let Some(rest) = para.strip_prefix("同志们，")
            {
                para = format!("{vocative}，{rest}");
            }
            self.blocks.push(Block::Paragraph(Paragraph {
                lead: lead.take(),
                text: para,
                closing: self.closing,
            }));
        }
        if let Some(lead) = lead {
            self.blocks.push(Block::Paragraph(Paragraph {
                lead: Some(lead),
                text: String::new(),
                closing: self.closing,
            }));
        }
    }

    fn push(&mut self, block: Block) {
        self.end();
        self.blocks.push(block);
    }
}

/// Splits text at blank lines; the lines of one paragraph are trimmed and joined.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        let line = line.trim_matches([' ', '\t', '\r']);
        if line.is_empty() {
            push_paragraph(&mut out, &mut current);
        } else {
            current.push_str(line);
        }
    }
    push_paragraph(&mut out, &mut current);
    out
}

fn push_paragraph(out: &mut Vec<String>, current: &mut String) {
    let p = current.trim();
    if !p.is_empty() {
        out.push(p.to_string());
    }
    current.clear();
}

fn level(level: usize) -> u8 {
    u8::try_from(level)
        .unwrap_or(u8::MAX)
        .clamp(1, crate::doc::roles::MAX_LEVEL)
}

/// Title, date and speaker lines, salutation.
fn head(flow: &mut Flow, ctx: &Context) {
    flow.push(Block::Title {
        text: ctx.title.clone(),
    });
    if let Some((y, m, d)) = ctx
        .date
        .as_deref()
        .and_then(|d| crate::template::helpers::parse_date(&d.into()))
    {
        flow.push(Block::Byline {
            text: format!("（{}）", crate::template::helpers::date_arabic(y, m, d)),
        });
    }
    if let Some(speaker) = &ctx.speaker {
        let text = match &ctx.speaker_title {
            Some(t) => format!("（{t}　{speaker}）"),
            None => format!("（{speaker}）"),
        };
        flow.push(Block::Byline { text });
    }
    if !ctx.salutation.is_empty() {
        flow.push(Block::Salutation {
            text: format!("{}：", ctx.salutation),
        });
    }
}

/// The transition and every part.
fn body(flow: &mut Flow, ctx: &Context) {
    if let Some(t) = &ctx.transition {
        flow.text(t);
        flow.end();
    }
    for p in &ctx.parts {
        part(flow, p);
    }
}

/// One part or section: its heading (standalone, or run in to its first paragraph), intro,
/// paragraphs, points, paragraphs after the points, then its sections.
fn part(flow: &mut Flow, p: &PartCtx) {
    if p.run_in {
        flow.end();
        flow.lead = Some(Heading {
            level: level(p.level),
            text: format!("{}{}", p.lead, p.lead_end),
        });
        if p.lead_alone {
            flow.end();
        }
    } else if !p.heading.is_empty() {
        flow.push(Block::Heading(Heading {
            level: level(p.level),
            text: format!("{}{}", p.marker, p.heading),
        }));
    }
    if let Some(intro) = &p.intro {
        flow.text(intro);
        if p.enumeration == Enumeration::List {
            flow.end();
        }
    }
    for para in &p.paragraphs {
        flow.text(para);
        flow.end();
    }
    if !p.points.is_empty() {
        for (i, point) in p.points.iter().enumerate() {
            if let Some(marker) = p.point_markers.get(i) {
                flow.text(marker);
            }
            flow.text(point);
            if p.enumeration == Enumeration::List || p.points_split {
                flow.end();
            }
        }
        flow.end();
    }
    for para in &p.after {
        flow.text(para);
        flow.end();
    }
    for s in &p.sections {
        part(flow, s);
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn blank_lines_split_and_line_breaks_join() {
        assert_eq!(
            paragraphs("今天，\n  我们召开会议。\n\n \n下面，我讲两点。\n"),
            ["今天，我们召开会议。", "下面，我讲两点。"]
        );
        assert!(paragraphs("\n \n").is_empty());
    }
}
