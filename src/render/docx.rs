//! Word (.docx) output: typesets a `Doc` with a layout `Profile` (GB/T 9704-2012 by default).
//!
//! Built with docx-rs; after `build()` `docProps/core.xml` is replaced (docx-rs has no setters
//! for title and author) and property elements are put in schema order (see `order`). Every style and every run carries all four font slots
//! (ascii, hAnsi, eastAsia, cs) so Word and WPS never fall back to a Latin font for Chinese text.

mod core;
mod order;
pub mod text;
pub(crate) mod title;

use crate::doc::{Block, Doc, Heading};
use crate::error::{Error, Result};
use crate::render::profile::{Align, Placement, Profile, RoleStyle, mm_to_twips, pt_to_twips};
use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Style, StyleType,
};
use text::Piece;

pub use self::core::escape_xml;

/// Document properties written to `docProps/core.xml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxMeta {
    pub title: String,
    /// The speaker, shown by Word as the author.
    pub author: Option<String>,
    pub created: Option<chrono::NaiveDate>,
}

/// Style ids, one per role; names are chosen so pandoc does not lift the title into metadata.
pub mod style_id {
    pub const TITLE: &str = "SpeechTitle";
    pub const BYLINE: &str = "SpeechByline";
    pub const SALUTATION: &str = "Salutation";
    pub const BODY: &str = "BodyText";
    pub const HEADINGS: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
    pub const FOOTER: &str = "Footer";
}

/// The `.docx` bytes of `doc` typeset with `profile`.
pub fn write_docx(doc: &Doc, profile: &Profile, meta: &DocxMeta) -> Result<Vec<u8>> {
    let layout = Layout::new(profile);
    let mut docx = Docx::new()
        .page_size(
            mm_to_twips(profile.page.width_mm) as u32,
            mm_to_twips(profile.page.height_mm) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(mm_to_twips(profile.page.margin_top_mm))
                .bottom(mm_to_twips(profile.page.margin_bottom_mm))
                .left(mm_to_twips(profile.page.margin_left_mm))
                .right(mm_to_twips(profile.page.margin_right_mm))
                .header(mm_to_twips(15.0).min(mm_to_twips(profile.page.margin_top_mm)))
                .footer(mm_to_twips(profile.page.footer_mm))
                .gutter(0),
        )
        .default_fonts(layout.fonts(&profile.body.font, profile.body.latin_font.as_deref()))
        .default_size(half_points(profile.body.size_pt));
    docx.document = docx.document.doc_grid(
        // `lines`, not `linesAndChars`: LibreOffice halves the characters per line with the latter.
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(profile.line_pitch_twips().max(1) as usize),
    );

    docx = docx
        .add_style(
            layout
                .style(style_id::TITLE, "Speech Title", &profile.title, None)
                .snap_to_grid(false),
        )
        .add_style(layout.style(style_id::BYLINE, "Speech Byline", &profile.byline, None))
        .add_style(layout.style(
            style_id::SALUTATION,
            "Salutation",
            &profile.salutation,
            None,
        ))
        .add_style(layout.style(style_id::BODY, "Body Text", &profile.body, None));
    for (level, id) in style_id::HEADINGS.iter().enumerate() {
        let role = layout.heading(level as u8 + 1);
        let name = format!("heading {}", level + 1);
        docx = docx.add_style(layout.style(id, &name, role, Some(level)));
    }
    docx = docx.add_style(layout.footer_style());

    for block in &doc.blocks {
        docx = docx.add_paragraph(layout.paragraph(block));
    }

    docx = match profile.page_number.placement {
        Placement::Outside => docx
            .footer(Footer::new().add_paragraph(layout.page_number(AlignmentType::Right)))
            .even_footer(Footer::new().add_paragraph(layout.page_number(AlignmentType::Left))),
        Placement::Right => {
            docx.footer(Footer::new().add_paragraph(layout.page_number(AlignmentType::Right)))
        }
        Placement::Center => {
            docx.footer(Footer::new().add_paragraph(layout.page_number(AlignmentType::Center)))
        }
    };

    let mut xml = docx.build();
    xml.doc_props.core = core::core_xml(meta);
    xml.document = order::canonical(&xml.document);
    xml.styles = order::canonical(&xml.styles);
    xml.settings = order::canonical(&xml.settings);
    for footer in &mut xml.footers {
        *footer = order::canonical(footer);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| Error::Usage(format!("生成 Word 文件失败：{e}")))?;
    Ok(out.into_inner())
}

/// Half-points (the unit of `w:sz`) of a size in points.
fn half_points(pt: f64) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

/// The profile turned into docx-rs styles, paragraphs and runs.
struct Layout<'a> {
    profile: &'a Profile,
    pitch: i32,
    /// Horizontal scale for body-size text, if the grid asks for a fixed count per line.
    scale: Option<u32>,
}

impl<'a> Layout<'a> {
    fn new(profile: &'a Profile) -> Self {
        Layout {
            profile,
            pitch: profile.line_pitch_twips().max(1),
            scale: profile.char_scale_percent().filter(|s| *s != 100),
        }
    }

    /// How many title characters fit on one line of the text block.
    fn title_chars_per_line(&self) -> usize {
        let char_twips = self.profile.title.size_pt * 20.0;
        (f64::from(self.profile.text_width_twips()) / char_twips).floor() as usize
    }

    fn heading(&self, level: u8) -> &'a RoleStyle {
        match level {
            0 | 1 => &self.profile.heading1,
            2 => &self.profile.heading2,
            3 => &self.profile.heading3,
            _ => &self.profile.heading4,
        }
    }

    fn fonts(&self, east_asia: &str, latin: Option<&str>) -> RunFonts {
        let latin = latin.unwrap_or(&self.profile.latin_font);
        RunFonts::new()
            .ascii(latin)
            .hi_ansi(latin)
            .east_asia(east_asia)
            .cs(latin)
    }

    /// Horizontal scale for a role: only text set at the body size is fitted to the grid.
    fn scale_for(&self, role: &RoleStyle) -> Option<u32> {
        self.scale
            .filter(|_| pt_to_twips(role.size_pt) == pt_to_twips(self.profile.body.size_pt))
    }

    fn style(&self, id: &str, name: &str, role: &RoleStyle, outline: Option<usize>) -> Style {
        let mut style = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next(style_id::BODY)
            .q_format(true)
            .fonts(self.fonts(&role.font, role.latin_font.as_deref()))
            .size(half_points(role.size_pt))
            .align(alignment(role.align))
            .line_spacing(self.line_spacing(role))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(self.first_line(role))),
                Some(0),
                None,
            );
        if role.bold {
            style = style.bold();
        }
        if let Some(scale) = self.scale_for(role) {
            style.run_property = style.run_property.stretch(scale as i32);
        }
        style.paragraph_property = style.paragraph_property.widow_control(false);
        if let Some(level) = outline {
            style.paragraph_property = style.paragraph_property.outline_lvl(level).keep_next(true);
        }
        style
    }

    fn footer_style(&self) -> Style {
        let number = &self.profile.page_number;
        Style::new(style_id::FOOTER, StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .fonts(self.fonts(&number.font, number.latin_font.as_deref()))
            .size(half_points(number.size_pt))
            .snap_to_grid(false)
            .line_spacing(
                LineSpacing::new()
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            )
    }

    fn first_line(&self, role: &RoleStyle) -> i32 {
        pt_to_twips(role.size_pt * role.indent_chars)
    }

    fn line_spacing(&self, role: &RoleStyle) -> LineSpacing {
        let lines = |n: f64| (n * self.pitch as f64).round().max(0.0) as u32;
        LineSpacing::new()
            .line(self.pitch)
            .line_rule(LineSpacingType::Exact)
            .before(lines(role.space_before_lines))
            .after(lines(role.space_after_lines))
    }

    /// A run of `text` in `role`'s type, with tabs and line breaks as Word elements.
    fn run(&self, role: &RoleStyle, text: &str) -> Run {
        let mut run = Run::new()
            .fonts(self.fonts(&role.font, role.latin_font.as_deref()))
            .size(half_points(role.size_pt));
        if role.bold {
            run = run.bold();
        }
        if let Some(scale) = self.scale_for(role) {
            run = run.stretch(scale as i32);
        }
        let cleaned = text::clean(text);
        for piece in text::pieces(&cleaned) {
            run = match piece {
                Piece::Text(t) => run.add_text(t),
                Piece::Tab => run.add_tab(),
                Piece::Break => run.add_break(BreakType::TextWrapping),
            };
        }
        run
    }

    fn styled(&self, id: &str, role: &RoleStyle, runs: Vec<Run>) -> Paragraph {
        let mut p = Paragraph::new()
            .style(id)
            .align(alignment(role.align))
            .line_spacing(self.line_spacing(role))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(self.first_line(role))),
                Some(0),
                None,
            );
        for run in runs {
            p = p.add_run(run);
        }
        p
    }

    fn paragraph(&self, block: &Block) -> Paragraph {
        let profile = self.profile;
        match block {
            Block::Title { text } => self
                .styled(
                    style_id::TITLE,
                    &profile.title,
                    vec![self.run(
                        &profile.title,
                        &title::balance(text, self.title_chars_per_line()),
                    )],
                )
                // Off the grid: LibreOffice gives a 22 pt line two grid lines despite the exact
                // spacing, which pulls a wrapped title's lines apart.
                .snap_to_grid(false)
                .keep_next(true),
            Block::Byline { text } => self
                .styled(
                    style_id::BYLINE,
                    &profile.byline,
                    vec![self.run(&profile.byline, text)],
                )
                .keep_next(true),
            Block::Salutation { text } => self.styled(
                style_id::SALUTATION,
                &profile.salutation,
                vec![self.run(&profile.salutation, text)],
            ),
            Block::Heading(Heading { level, text }) => {
                let role = self.heading(*level);
                let id = style_id::HEADINGS[(level.clamp(&1, &4) - 1) as usize];
                self.styled(id, role, vec![self.run(role, text)])
                    .outline_lvl((level.clamp(&1, &4) - 1) as usize)
                    .keep_next(true)
            }
            Block::Paragraph(p) => {
                let mut runs = Vec::with_capacity(2);
                if let Some(lead) = &p.lead {
                    runs.push(self.run(self.heading(lead.level), &lead.text));
                }
                if !p.text.is_empty() || runs.is_empty() {
                    runs.push(self.run(&profile.body, &p.text));
                }
                self.styled(style_id::BODY, &profile.body, runs)
            }
        }
        .widow_control(false)
    }

    /// The footer paragraph: format text around a real PAGE field, one character in from the edge.
    fn page_number(&self, align: AlignmentType) -> Paragraph {
        let number = &self.profile.page_number;
        let indent = pt_to_twips(number.size_pt * number.edge_indent_chars);
        let (left, right) = match align {
            AlignmentType::Left => (indent, 0),
            AlignmentType::Right => (0, indent),
            _ => (0, 0),
        };
        let fonts = || self.fonts(&number.font, number.latin_font.as_deref());
        let size = half_points(number.size_pt);
        let run = || Run::new().fonts(fonts()).size(size);
        let (before, after) = number
            .format
            .split_once("{page}")
            .unwrap_or((number.format.as_str(), ""));
        let mut p = Paragraph::new()
            .style(style_id::FOOTER)
            .align(align)
            .snap_to_grid(false)
            .indent(Some(left), None, Some(right), None);
        if !before.is_empty() {
            p = p.add_run(run().add_text(text::clean(before)));
        }
        p = p
            .add_run(run().add_field_char(FieldCharType::Begin, false))
            .add_run(run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
            .add_run(run().add_field_char(FieldCharType::Separate, false))
            .add_run(run().add_text("1"))
            .add_run(run().add_field_char(FieldCharType::End, false));
        if !after.is_empty() {
            p = p.add_run(run().add_text(text::clean(after)));
        }
        p
    }
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        // `both`, the value Word writes for justified text (docx-rs `Justified` is not it).
        Align::Justify => AlignmentType::Both,
    }
}
