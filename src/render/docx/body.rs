//! `document.xml` and the footers: paragraphs name their style and carry only what differs
//! (the gap closing a title block without byline, a run-in heading's lead, the eastAsia hint).

use super::text::{self, Piece};
use super::title;
use super::xml::{DECL, R, W, push_escaped, val};
use super::{Layout, style_id};
use crate::doc::{Block, Doc, Heading};
use crate::render::profile::{Placement, mm_to_twips};
use std::fmt::Write;

/// Characters Word gives the Latin font unless the run is hinted eastAsia (they sit in ranges
/// both scripts share); set in a Latin face they come out half width and break the grid.
const SHARED_PUNCTUATION: &[char] = &['‘', '’', '“', '”', '—', '…', '·'];

/// Appends a run of `text` (tabs and line breaks as elements) with character style `style`.
fn push_run(out: &mut String, style: Option<&str>, text: &str) {
    let text = text::clean(text);
    if text.is_empty() {
        return;
    }
    let hint = text.contains(SHARED_PUNCTUATION);
    out.push_str("<w:r>");
    if style.is_some() || hint {
        out.push_str("<w:rPr>");
        if let Some(style) = style {
            val(out, "rStyle", style);
        }
        if hint {
            out.push_str("<w:rFonts w:hint=\"eastAsia\"/>");
        }
        out.push_str("</w:rPr>");
    }
    for piece in text::pieces(&text) {
        match piece {
            Piece::Text(t) => {
                out.push_str("<w:t xml:space=\"preserve\">");
                push_escaped(out, t);
                out.push_str("</w:t>");
            }
            Piece::Tab => out.push_str("<w:tab/>"),
            Piece::Break => out.push_str("<w:br/>"),
        }
    }
    out.push_str("</w:r>");
}

/// Opens a paragraph of style `style`; `after` is a spacing-after override in twips.
fn open_paragraph(out: &mut String, style: &str, after: Option<i64>) {
    out.push_str("<w:p><w:pPr>");
    val(out, "pStyle", style);
    if let Some(after) = after {
        let _ = write!(out, "<w:spacing w:after=\"{after}\"/>");
    }
    out.push_str("</w:pPr>");
}

fn paragraph(out: &mut String, style: &str, after: Option<i64>, text: &str) {
    open_paragraph(out, style, after);
    push_run(out, None, text);
    out.push_str("</w:p>");
}

fn heading_index(level: u8) -> usize {
    (level.clamp(1, 4) - 1) as usize
}

/// The main document part.
pub fn document_xml(doc: &Doc, l: &Layout) -> Vec<u8> {
    let p = l.profile;
    let size: usize = doc.blocks.iter().map(|b| b.text().len() + 120).sum();
    let mut x = String::with_capacity(size + 1200);
    x.push_str(DECL);
    let _ = write!(x, "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>");
    // the blank line closing the title block: after the last byline (its style), or after the
    // title itself when no byline follows
    let gap = l.lines(p.byline.space_after_lines);
    for (i, block) in doc.blocks.iter().enumerate() {
        let next_is_byline = matches!(doc.blocks.get(i + 1), Some(Block::Byline { .. }));
        let title_gap = (!next_is_byline && gap > 0).then_some(gap);
        match block {
            Block::Title { text } => {
                let (main, subtitle) = title::split_subtitle(text);
                let main_gap = if subtitle.is_some() { None } else { title_gap };
                paragraph(
                    &mut x,
                    style_id::TITLE,
                    main_gap,
                    &title::balance(main, l.chars_per_line(&p.title)),
                );
                if let Some(sub) = subtitle {
                    paragraph(
                        &mut x,
                        style_id::SUBTITLE,
                        title_gap,
                        &title::balance(sub, l.chars_per_line(&l.subtitle)),
                    );
                }
            }
            Block::Byline { text } => paragraph(&mut x, style_id::BYLINE, None, text),
            Block::Salutation { text } => paragraph(&mut x, style_id::SALUTATION, None, text),
            Block::Heading(Heading { level, text }) => paragraph(
                &mut x,
                style_id::HEADINGS[heading_index(*level)],
                None,
                text,
            ),
            Block::Paragraph(para) => match &para.lead {
                // a lead with nothing after it is a standalone heading (首先，……。)
                Some(lead) if para.text.is_empty() => paragraph(
                    &mut x,
                    style_id::HEADINGS[heading_index(lead.level)],
                    None,
                    &lead.text,
                ),
                lead => {
                    open_paragraph(&mut x, style_id::BODY, None);
                    if let Some(lead) = lead {
                        let style = style_id::HEADING_CHARS[heading_index(lead.level)];
                        push_run(&mut x, Some(style), &lead.text);
                    }
                    push_run(&mut x, None, &para.text);
                    x.push_str("</w:p>");
                }
            },
        }
    }
    section(&mut x, l);
    x.push_str("</w:body></w:document>");
    x.into_bytes()
}

/// The section: footers, page size, margins, line grid.
fn section(x: &mut String, l: &Layout) {
    let page = &l.profile.page;
    x.push_str("<w:sectPr>");
    x.push_str("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>");
    if l.profile.page_number.placement == Placement::Outside {
        x.push_str("<w:footerReference w:type=\"even\" r:id=\"rIdFooter2\"/>");
    }
    let top = mm_to_twips(page.margin_top_mm);
    let _ = write!(
        x,
        "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" \
         w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>",
        mm_to_twips(page.width_mm),
        mm_to_twips(page.height_mm),
        mm_to_twips(page.margin_right_mm),
        mm_to_twips(page.margin_bottom_mm),
        mm_to_twips(page.margin_left_mm),
        mm_to_twips(15.0).min(top),
        mm_to_twips(page.footer_mm),
        // `lines`, not `linesAndChars`: LibreOffice halves the characters per line with the latter.
        l.pitch
    );
}

/// Footer parts in relationship order: the default (odd pages) and, for outside placement,
/// the even one. Each holds the format text around a real PAGE field, one character in.
pub fn footers(l: &Layout) -> Vec<Vec<u8>> {
    let number = &l.profile.page_number;
    let sides: &[&str] = match number.placement {
        Placement::Outside => &["right", "left"],
        Placement::Right => &["right"],
        Placement::Center => &["center"],
    };
    let indent = super::pt_to_twips(number.size_pt * number.edge_indent_chars);
    let (before, after) = number
        .format
        .split_once("{page}")
        .unwrap_or((number.format.as_str(), ""));
    sides
        .iter()
        .map(|side| {
            let mut x = String::with_capacity(1200);
            x.push_str(DECL);
            let _ = write!(x, "<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr>");
            val(&mut x, "pStyle", style_id::FOOTER);
            match *side {
                "right" => {
                    let _ = write!(x, "<w:ind w:left=\"0\" w:right=\"{indent}\"/>");
                }
                "left" => {
                    let _ = write!(x, "<w:ind w:left=\"{indent}\" w:right=\"0\"/>");
                }
                _ => {}
            }
            val(&mut x, "jc", side);
            x.push_str("</w:pPr>");
            push_run(&mut x, None, before);
            x.push_str(
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
                 <w:r><w:t>1</w:t></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            );
            push_run(&mut x, None, after);
            x.push_str("</w:p></w:ftr>");
            x.into_bytes()
        })
        .collect()
}
