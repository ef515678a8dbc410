//! `styles.xml` (where all the formatting lives) and `fontTable.xml` (every face used, with
//! the fallback data Word and WPS substitute by).

use super::xml::{DECL, W, push_escaped, val, val_str};
use super::{Layout, half_points, style_id};
use crate::render::profile::{Align, FontInfo, Profile, RoleStyle};
use std::fmt::Write;

/// The four font slots: Latin letters and digits in the Latin face, Chinese in `east_asia`.
pub fn push_fonts(out: &mut String, east_asia: &str, latin: &str) {
    out.push_str("<w:rFonts w:ascii=\"");
    push_escaped(out, latin);
    out.push_str("\" w:hAnsi=\"");
    push_escaped(out, latin);
    out.push_str("\" w:eastAsia=\"");
    push_escaped(out, east_asia);
    out.push_str("\" w:cs=\"");
    push_escaped(out, latin);
    out.push_str("\"/>");
}

fn jc(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        // `both`, the value Word writes for justified text.
        Align::Justify => "both",
    }
}

/// What a paragraph style sets beyond the role's type.
#[derive(Default)]
struct Extra {
    keep_next: bool,
    keep_lines: bool,
    off_grid: bool,
    /// No space between two paragraphs of this style (the date and speaker lines).
    contextual: bool,
    outline: Option<usize>,
    link: Option<&'static str>,
}

impl Layout<'_> {
    /// A role's run properties (fonts, weight, scale, size), without the `w:rPr` wrapper.
    fn push_run_type(&self, out: &mut String, role: &RoleStyle) {
        push_fonts(out, &role.font, self.latin(role));
        if role.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if let Some(scale) = self.scale_for(role) {
            val(out, "w", scale);
        }
        let sz = half_points(role.size_pt);
        val(out, "sz", sz);
        val(out, "szCs", sz);
    }

    fn paragraph_style(
        &self,
        out: &mut String,
        id: &str,
        name: &str,
        role: &RoleStyle,
        extra: Extra,
    ) {
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"{}\"/>",
            style_id::BODY
        );
        if let Some(link) = extra.link {
            val(out, "link", link);
        }
        out.push_str("<w:qFormat/><w:pPr>");
        if extra.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if extra.keep_lines {
            out.push_str("<w:keepLines/>");
        }
        if extra.off_grid {
            // Off the grid: LibreOffice gives a 22 pt line two grid lines despite the exact
            // spacing, which pulls a wrapped title's lines apart.
            out.push_str("<w:snapToGrid w:val=\"0\"/>");
        }
        let _ = write!(
            out,
            "<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"exact\"/>\
             <w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"{}\"/>",
            self.lines(role.space_before_lines),
            self.lines(role.space_after_lines),
            self.pitch,
            self.first_line(role)
        );
        if extra.contextual {
            out.push_str("<w:contextualSpacing/>");
        }
        val(out, "jc", jc(role.align));
        if let Some(level) = extra.outline {
            val(out, "outlineLvl", level);
        }
        out.push_str("</w:pPr><w:rPr>");
        self.push_run_type(out, role);
        out.push_str("</w:rPr></w:style>");
    }
}

/// The styles part: defaults (fonts, size, zh-CN, exact grid pitch, no widow control), Normal,
/// one paragraph style per role, heading styles with outline level and keep-with-next, the
/// character styles run-in heading leads use, and the footer.
pub fn styles_xml(l: &Layout) -> Vec<u8> {
    let p = l.profile;
    let mut x = String::with_capacity(9000);
    x.push_str(DECL);
    let _ = write!(
        x,
        "<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>"
    );
    push_fonts(&mut x, &p.body.font, l.latin(&p.body));
    let sz = half_points(p.body.size_pt);
    val(&mut x, "sz", sz);
    val(&mut x, "szCs", sz);
    x.push_str("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>");
    // Widow/orphan control off: it would push a line to the next page and break the grid's
    // fixed 22 lines per page.
    let _ = write!(
        x,
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/>\
         <w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>\
         </w:pPr></w:pPrDefault></w:docDefaults>",
        l.pitch
    );
    x.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>\
         <w:unhideWhenUsed/></w:style>",
    );
    let keep = || Extra {
        keep_next: true,
        ..Extra::default()
    };
    l.paragraph_style(
        &mut x,
        style_id::TITLE,
        "Speech Title",
        &p.title,
        Extra {
            off_grid: true,
            ..keep()
        },
    );
    l.paragraph_style(
        &mut x,
        style_id::SUBTITLE,
        "Speech Subtitle",
        &l.subtitle,
        keep(),
    );
    l.paragraph_style(
        &mut x,
        style_id::BYLINE,
        "Speech Byline",
        &p.byline,
        Extra {
            contextual: true,
            ..keep()
        },
    );
    l.paragraph_style(
        &mut x,
        style_id::SALUTATION,
        "Salutation",
        &p.salutation,
        Extra::default(),
    );
    l.paragraph_style(
        &mut x,
        style_id::BODY,
        "Body Text",
        &p.body,
        Extra::default(),
    );
    for level in 0..4 {
        let role = l.heading(level as u8 + 1);
        l.paragraph_style(
            &mut x,
            style_id::HEADINGS[level],
            &format!("heading {}", level + 1),
            role,
            Extra {
                keep_lines: true,
                outline: Some(level),
                link: Some(style_id::HEADING_CHARS[level]),
                ..keep()
            },
        );
    }
    for level in 0..4 {
        let _ = write!(
            x,
            "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"{}\">\
             <w:name w:val=\"Heading {} Char\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>\
             <w:link w:val=\"{}\"/><w:rPr>",
            style_id::HEADING_CHARS[level],
            level + 1,
            style_id::HEADINGS[level]
        );
        l.push_run_type(&mut x, l.heading(level as u8 + 1));
        x.push_str("</w:rPr></w:style>");
    }
    let number = &p.page_number;
    let _ = write!(
        x,
        "<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"footer\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:snapToGrid w:val=\"0\"/>\
         <w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr>",
        style_id::FOOTER
    );
    push_fonts(
        &mut x,
        &number.font,
        number.latin_font.as_deref().unwrap_or(&p.latin_font),
    );
    let sz = half_points(number.size_pt);
    val(&mut x, "sz", sz);
    val(&mut x, "szCs", sz);
    x.push_str("</w:rPr></w:style></w:styles>");
    x.into_bytes()
}

/// The font table: one entry per face the profile uses, with its fallback data.
pub fn font_table_xml(profile: &Profile) -> Vec<u8> {
    let mut x = String::with_capacity(2048);
    x.push_str(DECL);
    let _ = write!(x, "<w:fonts xmlns:w=\"{W}\">");
    for face in profile.faces() {
        let guess;
        let info = match profile.fonts.get(face) {
            Some(info) => info,
            None => {
                guess = FontInfo {
                    alt_name: None,
                    panose: None,
                    charset: if face.is_ascii() { "00" } else { "86" }.to_string(),
                    family: Default::default(),
                    pitch: Default::default(),
                };
                &guess
            }
        };
        x.push_str("<w:font w:name=\"");
        push_escaped(&mut x, face);
        x.push_str("\">");
        if let Some(alt) = &info.alt_name {
            val_str(&mut x, "altName", alt);
        }
        if let Some(panose) = &info.panose {
            val_str(&mut x, "panose1", panose);
        }
        val_str(&mut x, "charset", &info.charset);
        val(&mut x, "family", info.family.as_str());
        val(&mut x, "pitch", info.pitch.as_str());
        x.push_str("</w:font>");
    }
    x.push_str("</w:fonts>");
    x.into_bytes()
}
