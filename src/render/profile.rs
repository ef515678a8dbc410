//! Layout profiles: page, grid, fonts and sizes per role for Word output, loaded from TOML data.

use crate::error::{Result, SourceError, nearest};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// A Word layout: everything `write_docx` needs to typeset a `Doc`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    /// Short id (`official`, `reading`, or the user's own).
    pub name: String,
    /// One line in Chinese saying what the profile is for.
    pub description: String,
    /// Font for Latin letters and digits in every role that does not name its own.
    pub latin_font: String,
    pub page: Page,
    pub grid: Grid,
    pub title: RoleStyle,
    /// A `——` subtitle, on its own line under the title; the title's face at the body size
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<RoleStyle>,
    pub byline: RoleStyle,
    pub salutation: RoleStyle,
    pub body: RoleStyle,
    pub heading1: RoleStyle,
    pub heading2: RoleStyle,
    pub heading3: RoleStyle,
    pub heading4: RoleStyle,
    pub page_number: PageNumber,
    /// What Word and WPS need to know about each face to substitute it where it is missing
    /// (written to `fontTable.xml`), by font name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fonts: BTreeMap<String, FontInfo>,
}

/// A font's fallback data: the name Windows knows it by, its PANOSE number, character set,
/// family and pitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FontInfo {
    /// Another name of the same face (`仿宋` for `仿宋_GB2312`), tried when the name is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_name: Option<String>,
    /// Ten PANOSE bytes as 20 hexadecimal digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panose: Option<String>,
    /// Windows character set as two hexadecimal digits, as Word writes it: `86` is GB2312
    /// (Simplified Chinese), `00` is ANSI (Latin).
    #[serde(default = "gb2312")]
    pub charset: String,
    #[serde(default)]
    pub family: FontFamily,
    #[serde(default)]
    pub pitch: FontPitch,
}

fn gb2312() -> String {
    "86".to_string()
}

/// A face's generic family, as `w:family` names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontFamily {
    #[default]
    Auto,
    Roman,
    Swiss,
    Modern,
    Script,
    Decorative,
}

/// Fixed or proportional advance widths, as `w:pitch` names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontPitch {
    #[default]
    Default,
    Fixed,
    Variable,
}

impl FontFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            FontFamily::Auto => "auto",
            FontFamily::Roman => "roman",
            FontFamily::Swiss => "swiss",
            FontFamily::Modern => "modern",
            FontFamily::Script => "script",
            FontFamily::Decorative => "decorative",
        }
    }
}

impl FontPitch {
    pub fn as_str(self) -> &'static str {
        match self {
            FontPitch::Default => "default",
            FontPitch::Fixed => "fixed",
            FontPitch::Variable => "variable",
        }
    }
}

/// Paper size and margins, in millimetres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Page {
    pub width_mm: f64,
    pub height_mm: f64,
    pub margin_top_mm: f64,
    pub margin_bottom_mm: f64,
    pub margin_left_mm: f64,
    pub margin_right_mm: f64,
    /// Distance from the paper's bottom edge to the bottom of the footer (page number line).
    pub footer_mm: f64,
}

/// The line grid: lines per page at an exact line pitch, and optionally characters per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Grid {
    pub lines: u32,
    /// Exact line spacing of every paragraph, in points.
    pub line_pitch_pt: f64,
    /// Characters per full line of body text: when set, body-size text is scaled horizontally
    /// by a percent or two so that exactly this many fit the text block's width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<u32>,
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// Type and paragraph settings of one role (title, body, heading level…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoleStyle {
    /// East Asian font (the Chinese text).
    pub font: String,
    /// Font for Latin letters and digits; the profile's `latin-font` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latin_font: Option<String>,
    pub size_pt: f64,
    pub align: Align,
    /// First-line indent in characters of this role's size (2 → 640 twips at 16 pt).
    #[serde(default)]
    pub indent_chars: f64,
    #[serde(default)]
    pub bold: bool,
    /// Blank space before / after the paragraph, in grid lines.
    #[serde(default)]
    pub space_before_lines: f64,
    #[serde(default)]
    pub space_after_lines: f64,
}

/// Where page numbers go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// Odd pages right, even pages left (GB/T 9704).
    Outside,
    Center,
    Right,
}

/// The page number in the footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PageNumber {
    /// Text around the number; `{page}` stands for the PAGE field.
    pub format: String,
    pub font: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latin_font: Option<String>,
    pub size_pt: f64,
    pub placement: Placement,
    /// Distance from the text block's edge, in characters of the page number's size.
    #[serde(default)]
    pub edge_indent_chars: f64,
}

const OFFICIAL: &str = include_str!("../../templates/profiles/official.toml");
const READING: &str = include_str!("../../templates/profiles/reading.toml");
const WINDOWS: &str = include_str!("../../templates/profiles/windows.toml");

const BUILTINS: &[(&str, &str, &str)] = &[
    (
        "official",
        "公文格式（GB/T 9704-2012）：A4，三号仿宋，每页 22 行、每行 28 字",
        OFFICIAL,
    ),
    (
        "reading",
        "念稿版：小二号字，行距 35 磅，每页 18 行，便于在讲台上朗读",
        READING,
    ),
    (
        "windows",
        "公文格式，改用 Windows 自带的仿宋、楷体、黑体、宋体：电脑上没有 GB2312 字体时用",
        WINDOWS,
    ),
];

const NAMES: &[(&str, &str)] = &[
    (BUILTINS[0].0, BUILTINS[0].1),
    (BUILTINS[1].0, BUILTINS[1].1),
    (BUILTINS[2].0, BUILTINS[2].1),
];

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// Millimetres to twips, rounded.
pub fn mm_to_twips(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Points to twips, rounded.
pub fn pt_to_twips(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

impl Profile {
    /// A built-in profile by name.
    pub fn builtin(name: &str) -> Option<Profile> {
        let source = Self::builtin_source(name)?;
        if let Some(profile) = crate::builtin_toml::read(source) {
            return Some(profile);
        }
        let path = format!("<内置版式 {name}>");
        // Built-ins are checked by the tests; a broken one is a bug, not user input.
        Self::parse(source, Path::new(&path)).ok()
    }

    /// Names of the built-in profiles with a one-line Chinese description.
    pub fn builtin_names() -> &'static [(&'static str, &'static str)] {
        NAMES
    }

    /// The TOML text of a built-in profile, for ejecting it to a file the user can edit.
    pub fn builtin_source(name: &str) -> Option<&'static str> {
        BUILTINS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, source)| *source)
    }

    /// The profile a user named on the command line: a built-in name, or a path to a TOML file.
    pub fn resolve(name_or_path: &str) -> Result<Profile> {
        if let Some(profile) = Self::builtin(name_or_path) {
            return Ok(profile);
        }
        let path = Path::new(name_or_path);
        let looks_like_path = name_or_path.contains(['/', '\\'])
            || path.extension().is_some_and(|e| e == "toml")
            || path.exists();
        if looks_like_path {
            return Self::load(path);
        }
        Err(Self::unknown(name_or_path))
    }

    /// The error for a profile name that is not built in, with the nearest name.
    pub fn unknown(name: &str) -> crate::Error {
        let names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
        let hint = nearest(name, names.iter().copied())
            .map(|n| format!("是不是想写 {n}？"))
            .unwrap_or_default();
        crate::Error::Usage(format!(
            "没有名为 “{name}” 的版式。{hint}可用的版式：{}；也可以给出版式文件（.toml）的路径",
            names.join("、")
        ))
    }

    /// Reads and checks the profile at `path`.
    pub fn load(path: &Path) -> Result<Profile> {
        let source = crate::fsx::read_text(path, crate::fsx::PROFILE_CAP, "版式文件")?;
        Ok(Self::parse(&source, path)?)
    }

    /// Parses and checks profile text; `path` is used in error messages.
    pub fn parse(source: &str, path: &Path) -> Result<Profile, SourceError> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let profile: Profile = toml::from_str(source).map_err(|e| toml_error(source, path, &e))?;
        profile.validate(source, path)?;
        Ok(profile)
    }

    /// Width of the text block in twips.
    pub fn text_width_twips(&self) -> i32 {
        mm_to_twips(self.page.width_mm - self.page.margin_left_mm - self.page.margin_right_mm)
    }

    /// Height of the text block in twips.
    pub fn text_height_twips(&self) -> i32 {
        mm_to_twips(self.page.height_mm - self.page.margin_top_mm - self.page.margin_bottom_mm)
    }

    /// Line pitch in twips.
    pub fn line_pitch_twips(&self) -> i32 {
        pt_to_twips(self.grid.line_pitch_pt)
    }

    /// Horizontal scale (percent) that makes `grid.chars` body characters fill a line, rounded
    /// down so that the last one still fits. Scaling rather than negative character spacing:
    /// LibreOffice drops a hanging comma at the end of a line set with negative spacing.
    pub fn char_scale_percent(&self) -> Option<u32> {
        let chars = self.grid.chars? as f64;
        let advance = self.text_width_twips() as f64 / chars;
        Some((advance * 100.0 / pt_to_twips(self.body.size_pt) as f64).floor() as u32)
    }

    /// The subtitle's style: the profile's own, or the title's face at the body size.
    pub fn subtitle_style(&self) -> RoleStyle {
        self.subtitle.clone().unwrap_or_else(|| RoleStyle {
            size_pt: self.body.size_pt,
            space_before_lines: 0.0,
            space_after_lines: 0.0,
            ..self.title.clone()
        })
    }

    /// Every font name the profile uses, Latin faces included, each once, in first-use order.
    pub fn faces(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for role in self
            .roles()
            .into_iter()
            .map(|(_, r)| r)
            .chain(self.subtitle.as_ref())
        {
            all.push(&role.font);
            all.push(role.latin_font.as_deref().unwrap_or(&self.latin_font));
        }
        all.push(&self.page_number.font);
        all.push(
            self.page_number
                .latin_font
                .as_deref()
                .unwrap_or(&self.latin_font),
        );
        let mut out: Vec<&str> = Vec::with_capacity(all.len());
        for name in all {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The role styles with the names users see in messages, in a fixed order.
    pub fn roles(&self) -> [(&'static str, &RoleStyle); 8] {
        [
            ("title", &self.title),
            ("byline", &self.byline),
            ("salutation", &self.salutation),
            ("body", &self.body),
            ("heading1", &self.heading1),
            ("heading2", &self.heading2),
            ("heading3", &self.heading3),
            ("heading4", &self.heading4),
        ]
    }

    fn validate(&self, source: &str, path: &Path) -> Result<(), SourceError> {
        let err = |keys: &[&str], message: String, help: &str| {
            let e = SourceError::new(path, message).help(help);
            match value_offset(source, keys) {
                Some(offset) => e.at_offset(source, offset),
                None => e,
            }
        };
        let page = &self.page;
        for (key, value) in [("width-mm", page.width_mm), ("height-mm", page.height_mm)] {
            if !(value > 0.0 && value.is_finite()) {
                return Err(err(
                    &["page", key],
                    format!("纸张尺寸 `{key}` 必须大于 0（现在是 {value}）"),
                    "A4 纸为宽 210、高 297（毫米）",
                ));
            }
            if value > MAX_PAGE_MM {
                return Err(err(
                    &["page", key],
                    format!(
                        "纸张尺寸 `{key}` 太大（{} 毫米），Word 的纸张最大 {MAX_PAGE_MM} 毫米",
                        num(value)
                    ),
                    "A4 纸为宽 210、高 297（毫米）",
                ));
            }
        }
        for (key, value, side) in [
            ("margin-top-mm", page.margin_top_mm, page.height_mm),
            ("margin-bottom-mm", page.margin_bottom_mm, page.height_mm),
            ("margin-left-mm", page.margin_left_mm, page.width_mm),
            ("margin-right-mm", page.margin_right_mm, page.width_mm),
            ("footer-mm", page.footer_mm, page.height_mm),
        ] {
            if value.is_finite() && value > side {
                return Err(err(
                    &["page", key],
                    format!(
                        "页边距 `{key}`（{} 毫米）比纸张（{side} 毫米）还大",
                        num(value)
                    ),
                    "页边距以毫米计，GB/T 9704 为上 37、下 35、左 28、右 26",
                ));
            }
        }
        for (key, value) in [
            ("margin-top-mm", page.margin_top_mm),
            ("margin-bottom-mm", page.margin_bottom_mm),
            ("margin-left-mm", page.margin_left_mm),
            ("margin-right-mm", page.margin_right_mm),
            ("footer-mm", page.footer_mm),
        ] {
            if !(value >= 0.0 && value.is_finite()) {
                return Err(err(
                    &["page", key],
                    format!("页边距 `{key}` 不能为负数（现在是 {value}）"),
                    "页边距以毫米计，GB/T 9704 为上 37、下 35、左 28、右 26",
                ));
            }
        }
        let width = page.width_mm - page.margin_left_mm - page.margin_right_mm;
        if width < 20.0 {
            return Err(err(
                &["page", "margin-left-mm"],
                format!(
                    "左右页边距之和（{} 毫米）太大，纸宽 {} 毫米只剩 {:.1} 毫米排字",
                    page.margin_left_mm + page.margin_right_mm,
                    page.width_mm,
                    width
                ),
                "减小 margin-left-mm 或 margin-right-mm，版心宽至少要 20 毫米",
            ));
        }
        let height = page.height_mm - page.margin_top_mm - page.margin_bottom_mm;
        if height < 20.0 {
            return Err(err(
                &["page", "margin-top-mm"],
                format!(
                    "上下页边距之和（{} 毫米）太大，纸高 {} 毫米只剩 {:.1} 毫米排字",
                    page.margin_top_mm + page.margin_bottom_mm,
                    page.height_mm,
                    height
                ),
                "减小 margin-top-mm 或 margin-bottom-mm，版心高至少要 20 毫米",
            ));
        }
        if page.footer_mm >= page.margin_bottom_mm {
            return Err(err(
                &["page", "footer-mm"],
                format!(
                    "页脚距离 `footer-mm`（{} 毫米）不小于下边距（{} 毫米），页码会压到正文上",
                    page.footer_mm, page.margin_bottom_mm
                ),
                "footer-mm 要小于 margin-bottom-mm，公文一般取 25 左右",
            ));
        }

        let subtitle = self.subtitle.as_ref().map(|s| ("subtitle", s));
        for (role, style) in self.roles().into_iter().chain(subtitle) {
            for (key, name) in [
                ("font", Some(&style.font)),
                ("latin-font", style.latin_font.as_ref()),
            ] {
                if let Some(name) = name {
                    check_font_name(name).map_err(|m| {
                        err(&[role, key], format!("[{role}] 的 `{key}` {m}"), FONT_HELP)
                    })?;
                }
            }
            if style.size_pt > MAX_SIZE_PT {
                return Err(err(
                    &[role, "size-pt"],
                    format!(
                        "[{role}] 的字号 `size-pt` 太大（{} 磅），Word 最大 {MAX_SIZE_PT} 磅",
                        num(style.size_pt)
                    ),
                    "字号以磅计：三号 16，二号 22，小二 18，四号 14",
                ));
            }
            if !(style.size_pt > 0.0 && style.size_pt.is_finite()) {
                return Err(err(
                    &[role, "size-pt"],
                    format!(
                        "[{role}] 的字号 `size-pt` 必须大于 0（现在是 {}）",
                        style.size_pt
                    ),
                    "字号以磅计：三号 16，二号 22，小二 18，四号 14",
                ));
            }
            for (key, value) in [
                ("indent-chars", style.indent_chars),
                ("space-before-lines", style.space_before_lines),
                ("space-after-lines", style.space_after_lines),
            ] {
                if !(value >= 0.0 && value.is_finite()) {
                    return Err(err(
                        &[role, key],
                        format!("[{role}] 的 `{key}` 不能为负数（现在是 {value}）"),
                        "写 0 表示不缩进、不空行",
                    ));
                }
            }
        }
        let number = &self.page_number;
        check_font_name(&self.latin_font)
            .map_err(|m| err(&["latin-font"], format!("`latin-font` {m}"), FONT_HELP))?;
        for (key, name) in [
            ("font", Some(&number.font)),
            ("latin-font", number.latin_font.as_ref()),
        ] {
            if let Some(name) = name {
                check_font_name(name).map_err(|m| {
                    err(
                        &["page-number", key],
                        format!("[page-number] 的 `{key}` {m}"),
                        FONT_HELP,
                    )
                })?;
            }
        }
        for (face, info) in &self.fonts {
            check_font_name(face).map_err(|m| {
                err(
                    &["fonts", face],
                    format!("[fonts] 中的字体名 {m}"),
                    FONT_HELP,
                )
            })?;
            if let Some(alt) = &info.alt_name {
                check_font_name(alt).map_err(|m| {
                    err(
                        &["fonts", face, "alt-name"],
                        format!("[fonts.\"{face}\"] 的 `alt-name` {m}"),
                        FONT_HELP,
                    )
                })?;
            }
            if !(info.charset.len() == 2 && info.charset.bytes().all(|b| b.is_ascii_hexdigit())) {
                return Err(err(
                    &["fonts", face, "charset"],
                    format!(
                        "[fonts.\"{face}\"] 的 `charset` 应是两位十六进制数字（现在是 \"{}\"）",
                        info.charset
                    ),
                    "简体中文字体写 \"86\"（GB2312），西文字体写 \"00\"",
                ));
            }
            if let Some(panose) = &info.panose
                && !(panose.len() == 20 && panose.bytes().all(|b| b.is_ascii_hexdigit()))
            {
                return Err(err(
                    &["fonts", face, "panose"],
                    format!(
                        "[fonts.\"{face}\"] 的 `panose` 应是 20 位十六进制数字（现在是 \"{panose}\"）"
                    ),
                    "例如仿宋为 \"02010609060101010101\"；不知道就删去这一行",
                ));
            }
        }
        if !(number.size_pt > 0.0 && number.size_pt.is_finite() && number.size_pt <= MAX_SIZE_PT) {
            return Err(err(
                &["page-number", "size-pt"],
                format!(
                    "[page-number] 的字号 `size-pt` 必须大于 0（现在是 {}）",
                    number.size_pt
                ),
                "公文页码用四号字，即 14 磅",
            ));
        }
        if !(number.edge_indent_chars >= 0.0 && number.edge_indent_chars.is_finite()) {
            return Err(err(
                &["page-number", "edge-indent-chars"],
                format!(
                    "[page-number] 的 `edge-indent-chars` 不能为负数（现在是 {}）",
                    number.edge_indent_chars
                ),
                "公文页码距版心边缘一个字，写 1",
            ));
        }
        if number.format.matches("{page}").count() != 1 {
            return Err(err(
                &["page-number", "format"],
                format!(
                    "页码格式 `format` 必须正好包含一个 {{page}}（现在是 \"{}\"）",
                    number.format
                ),
                "公文页码写作 \"— {page} —\"",
            ));
        }

        let grid = &self.grid;
        if grid.lines == 0 {
            return Err(err(
                &["grid", "lines"],
                "每页行数 `lines` 必须大于 0".to_string(),
                "公文每页 22 行",
            ));
        }
        if !(grid.line_pitch_pt > 0.0
            && grid.line_pitch_pt.is_finite()
            && grid.line_pitch_pt <= MAX_SIZE_PT)
        {
            return Err(err(
                &["grid", "line-pitch-pt"],
                format!(
                    "行距 `line-pitch-pt` 必须大于 0（现在是 {}）",
                    grid.line_pitch_pt
                ),
                "公文每页 22 行时行距为 28.95 磅",
            ));
        }
        let needed = grid.lines as i64 * self.line_pitch_twips() as i64;
        let available = self.text_height_twips() as i64;
        if needed > available {
            let fit = (available / self.line_pitch_twips().max(1) as i64).max(0);
            return Err(err(
                &["grid", "lines"],
                format!(
                    "版心放不下这个网格：{} 行 × {} 磅 = {:.1} 磅，版心高只有 {:.1} 磅（{:.1} 毫米）",
                    grid.lines,
                    grid.line_pitch_pt,
                    needed as f64 / 20.0,
                    available as f64 / 20.0,
                    height
                ),
                &format!(
                    "按这个行距每页最多排 {fit} 行；减少 lines、减小 line-pitch-pt 或减小上下页边距"
                ),
            ));
        }
        if let Some(chars) = grid.chars {
            let body = pt_to_twips(self.body.size_pt) as f64;
            let advance = self.text_width_twips() as f64 / chars.max(1) as f64;
            if chars == 0 || advance < body * 0.8 || advance > body * 2.0 {
                let fit = (self.text_width_twips() as f64 / body).floor();
                return Err(err(
                    &["grid", "chars"],
                    format!(
                        "版心宽 {:.1} 毫米排不成每行 {} 字：正文字号 {} 磅时一行约排 {} 字",
                        width, chars, self.body.size_pt, fit
                    ),
                    "每行字数只能在自然字数上下略作调整；改 chars，或删去这一行不缩放字形",
                ));
            }
        }
        Ok(())
    }
}

/// Largest paper side Word accepts (22 inches), in millimetres.
const MAX_PAGE_MM: f64 = 558.8;
/// Largest font size and line pitch Word accepts, in points.
const MAX_SIZE_PT: f64 = 1584.0;
const FONT_HELP: &str =
    "字体名只写字体本身的名字，例如 \"仿宋_GB2312\"、\"黑体\"；删去其中看不见的字符";

/// A number as a user wrote it, huge ones in exponent form (`1e308`, not 309 digits).
fn num(v: f64) -> String {
    if v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Checks a font name: not empty, no control characters. The message says what is wrong.
fn check_font_name(name: &str) -> std::result::Result<(), String> {
    if name.trim().is_empty() {
        return Err("不能为空".to_string());
    }
    if let Some((i, c)) = name.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(format!(
            "“{}” 的第 {} 个字符是控制字符 U+{:04X}，不能写进 Word 文件",
            name.chars().filter(|c| !c.is_control()).collect::<String>(),
            i + 1,
            c as u32
        ));
    }
    Ok(())
}

/// Byte offset of the value at `keys` (table names then the key) in TOML `source`.
fn value_offset(source: &str, keys: &[&str]) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let root = DeTable::parse(source).ok()?;
    let mut table = root.get_ref();
    for (i, key) in keys.iter().enumerate() {
        let (_, value) = table.iter().find(|(k, _)| k.get_ref() == key)?;
        if i + 1 == keys.len() {
            return Some(value.span().start);
        }
        match value.get_ref() {
            DeValue::Table(t) => table = t,
            _ => return None,
        }
    }
    None
}

/// Every key a profile may hold, per table, for suggestions.
fn known_keys() -> Vec<&'static str> {
    vec![
        "name",
        "description",
        "latin-font",
        "page",
        "grid",
        "title",
        "byline",
        "salutation",
        "body",
        "heading1",
        "heading2",
        "heading3",
        "heading4",
        "page-number",
        "width-mm",
        "height-mm",
        "margin-top-mm",
        "margin-bottom-mm",
        "margin-left-mm",
        "margin-right-mm",
        "footer-mm",
        "lines",
        "line-pitch-pt",
        "chars",
        "font",
        "size-pt",
        "align",
        "indent-chars",
        "bold",
        "space-before-lines",
        "space-after-lines",
        "format",
        "placement",
        "edge-indent-chars",
        "subtitle",
        "fonts",
        "alt-name",
        "panose",
        "charset",
        "family",
        "pitch",
    ]
}

/// The names between backticks in a serde message (`unknown field `x`, expected `a`, `b``).
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// A Chinese name for the kind of value in a serde type message (`string "22"`, `f64`).
fn kind_name(s: &str) -> &'static str {
    let s = s.trim();
    if s.starts_with("string") || s.contains("a string") {
        "文字"
    } else if s.starts_with("bool") || s.contains("a boolean") {
        "true 或 false"
    } else if s.starts_with("integer")
        || s.starts_with("float")
        || ["f64", "u32", "i64", "number"]
            .iter()
            .any(|k| s.contains(k))
    {
        "数字"
    } else if s.contains("map") || s.contains("table") || s.contains("struct") {
        "表（[名称] 下的几行）"
    } else if s.contains("sequence") || s.contains("array") {
        "数组"
    } else {
        "别的值"
    }
}

/// Turns a TOML/serde error into a Chinese, positioned `SourceError`.
fn toml_error(source: &str, path: &Path, e: &toml::de::Error) -> SourceError {
    let message = e.message();
    let names = backticked(message);
    let err = if message.starts_with("unknown field") && !names.is_empty() {
        let key = names[0];
        let expected: Vec<&str> = if names.len() > 1 {
            names[1..].to_vec()
        } else {
            known_keys()
        };
        let help = match nearest(key, expected.iter().copied()) {
            Some(near) => format!("是不是想写 `{near}`？这里可用的键：{}", expected.join("、")),
            None => format!("这里可用的键：{}", expected.join("、")),
        };
        SourceError::new(path, format!("版式文件中有未知的键 `{key}`")).help(help)
    } else if message.starts_with("missing field") && !names.is_empty() {
        SourceError::new(path, format!("版式文件缺少必填的键 `{}`", names[0]))
            .help("参照内置版式补上这一项：`jianghua profiles` 列出内置版式，可导出为文件再改")
    } else if message.starts_with("unknown variant") && !names.is_empty() {
        let expected = names[1..].join("、");
        SourceError::new(path, format!("不认识的取值 `{}`", names[0]))
            .help(format!("可用的取值：{expected}"))
    } else if message.starts_with("invalid value") && !names.is_empty() {
        let expected = message.split_once(", expected ").map_or("", |(_, e)| e);
        let want = if expected.contains("u32") || expected.contains("u64") {
            "不小于 0 的整数"
        } else {
            kind_name(expected)
        };
        SourceError::new(
            path,
            format!("取值不对：这里应写{want}，现在是 {}", names[0]),
        )
        .help("行数、字数写整数，例如 lines = 22")
    } else if message.starts_with("invalid type") {
        let (found, expected) = message
            .trim_start_matches("invalid type: ")
            .split_once(", expected ")
            .unwrap_or((message, ""));
        SourceError::new(
            path,
            format!(
                "值的类型不对：这里应写{}，现在写的是{}",
                kind_name(expected),
                kind_name(found)
            ),
        )
        .help("数字不加引号（size-pt = 16），文字加引号（font = \"黑体\"）")
    } else {
        SourceError::new(
            path,
            format!(
                "版式文件不是有效的 TOML：{}",
                crate::spec::load::syntax_reason(message)
            ),
        )
        .help("检查这一行的引号、等号和方括号；文字要放在英文双引号里，如 font = \"黑体\"")
    };
    match e.span() {
        Some(span) => err.at_offset(source, span.start),
        None => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_are_listed() {
        for (name, description) in Profile::builtin_names() {
            let p = Profile::builtin(name).unwrap_or_else(|| panic!("{name} does not parse"));
            assert_eq!(p.name, *name);
            assert_eq!(p.description, *description);
        }
        assert!(Profile::builtin("nope").is_none());
    }

    #[test]
    fn official_numbers() {
        let p = Profile::builtin("official").unwrap();
        assert_eq!(p.text_width_twips(), 8844);
        assert_eq!(p.text_height_twips(), 12756);
        assert_eq!(p.line_pitch_twips(), 579);
        assert_eq!(p.char_scale_percent(), Some(98));
        assert_eq!(pt_to_twips(p.body.size_pt * p.body.indent_chars), 640);
    }
}
