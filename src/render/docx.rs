//! Word (.docx) output: typesets a `Doc` with a layout `Profile` (GB/T 9704-2012 by default).
//!
//! The parts are written directly, each element in schema order, and deflated into the
//! package (`package`). Formatting lives in styles (`styles`): paragraphs and runs name a style
//! and carry only what differs from it (`body`), so restyling in Word restyles the document.
//! Every face used is declared in `fontTable.xml` with its fallback data from the profile.

mod body;
mod core;
mod package;
mod styles;
pub mod text;
pub mod title;
pub mod xml;

use crate::doc::Doc;
use crate::error::Result;
use crate::render::profile::{Profile, RoleStyle, pt_to_twips};

pub use self::xml::escape_xml;

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
    pub const SUBTITLE: &str = "SpeechSubtitle";
    pub const BYLINE: &str = "SpeechByline";
    pub const SALUTATION: &str = "Salutation";
    pub const BODY: &str = "BodyText";
    pub const HEADINGS: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
    /// Character styles linked to the headings, for run-in heading leads.
    pub const HEADING_CHARS: [&str; 4] = [
        "Heading1Char",
        "Heading2Char",
        "Heading3Char",
        "Heading4Char",
    ];
    pub const FOOTER: &str = "Footer";
}

/// The `.docx` bytes of `doc` typeset with `profile`.
pub fn write_docx(doc: &Doc, profile: &Profile, meta: &DocxMeta) -> Result<Vec<u8>> {
    Frame::new(profile)?.write(doc, meta)
}

/// What every .docx set in one profile shares: the profile and the parts that depend on it
/// alone (styles, fonts, settings, theme, footers, relationships), already deflated. A batch
/// builds one for all its speeches.
pub struct Frame {
    profile: Profile,
    fixed: package::Fixed,
}

impl Frame {
    pub fn new(profile: &Profile) -> Result<Frame> {
        let layout = Layout::new(profile);
        let fixed = package::Fixed::new(&package::FixedParts {
            styles: styles::styles_xml(&layout),
            font_table: styles::font_table_xml(profile),
            settings: package::settings_xml(profile),
            footers: body::footers(&layout),
            theme: package::theme_xml(profile),
        })?;
        Ok(Frame {
            profile: profile.clone(),
            fixed,
        })
    }

    /// The `.docx` bytes of `doc` in this frame.
    pub fn write(&self, doc: &Doc, meta: &DocxMeta) -> Result<Vec<u8>> {
        let layout = Layout::new(&self.profile);
        let document = body::document_xml(doc, &layout);
        self.fixed.pack(&core::core_xml(meta), &document)
    }
}

/// Half-points (the unit of `w:sz`) of a size in points.
fn half_points(pt: f64) -> i64 {
    (pt * 2.0).round().max(1.0) as i64
}

/// The profile's numbers in Word's units.
struct Layout<'a> {
    profile: &'a Profile,
    pitch: i32,
    /// Horizontal scale for body-size text, if the grid asks for a fixed count per line.
    scale: Option<u32>,
    subtitle: RoleStyle,
}

impl<'a> Layout<'a> {
    fn new(profile: &'a Profile) -> Self {
        Layout {
            profile,
            pitch: profile.line_pitch_twips().max(1),
            scale: profile.char_scale_percent().filter(|s| *s != 100),
            subtitle: profile.subtitle_style(),
        }
    }

    /// How many characters of `role` fit on one line of the text block.
    fn chars_per_line(&self, role: &RoleStyle) -> usize {
        let char_twips = (role.size_pt * 20.0).max(1.0);
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

    fn latin<'r>(&'r self, role: &'r RoleStyle) -> &'r str {
        role.latin_font
            .as_deref()
            .unwrap_or(&self.profile.latin_font)
    }

    /// Horizontal scale for a role: only text set at the body size is fitted to the grid.
    fn scale_for(&self, role: &RoleStyle) -> Option<u32> {
        self.scale
            .filter(|_| pt_to_twips(role.size_pt) == pt_to_twips(self.profile.body.size_pt))
    }

    fn first_line(&self, role: &RoleStyle) -> i32 {
        pt_to_twips(role.size_pt * role.indent_chars)
    }

    /// Twips of `n` grid lines.
    fn lines(&self, n: f64) -> i64 {
        (n * self.pitch as f64).round().max(0.0) as i64
    }
}
