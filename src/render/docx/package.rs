//! The package: content types, relationships, settings, and the deflated zip holding them
//! (only parts that are used, each linked and typed, no folder entries).

use super::xml::{DECL, W};
use crate::error::{Error, Result};
use crate::render::profile::{Placement, Profile};
use std::sync::Mutex;

const CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn content_types(footers: usize) -> String {
    let mut x = String::with_capacity(1600);
    x.push_str(DECL);
    x.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    for (part, kind) in [
        ("document", "document.main"),
        ("styles", "styles"),
        ("settings", "settings"),
        ("fontTable", "fontTable"),
    ] {
        x.push_str(&format!(
            "<Override PartName=\"/word/{part}.xml\" ContentType=\"{CT}.{kind}+xml\"/>"
        ));
    }
    x.push_str(
        "<Override PartName=\"/word/theme/theme1.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>",
    );
    for i in 1..=footers {
        x.push_str(&format!(
            "<Override PartName=\"/word/footer{i}.xml\" ContentType=\"{CT}.footer+xml\"/>"
        ));
    }
    x.push_str(
        "<Override PartName=\"/docProps/core.xml\" \
         ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>",
    );
    x
}

fn package_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" \
         Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
         Target=\"docProps/core.xml\"/></Relationships>"
    )
}

fn document_rels(footers: usize) -> String {
    let mut x = format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFontTable\" Type=\"{REL}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"rIdTheme\" Type=\"{REL}/theme\" Target=\"theme/theme1.xml\"/>"
    );
    for i in 1..=footers {
        x.push_str(&format!(
            "<Relationship Id=\"rIdFooter{i}\" Type=\"{REL}/footer\" Target=\"footer{i}.xml\"/>"
        ));
    }
    x.push_str("</Relationships>");
    x
}

/// Document settings: even/odd footers when page numbers go outside, full-width punctuation
/// (no compression, so the grid's 28 characters hold), Word 2013+ layout with a line ended by a
/// line break not stretched across the measure, Chinese theme fonts.
pub fn settings_xml(profile: &Profile) -> Vec<u8> {
    let mut x = String::with_capacity(600);
    x.push_str(DECL);
    x.push_str(&format!(
        "<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"840\"/>"
    ));
    if profile.page_number.placement == Placement::Outside {
        x.push_str("<w:evenAndOddHeaders/>");
    }
    x.push_str(
        "<w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>",
    );
    x.into_bytes()
}

/// The parts that depend only on the profile, already deflated: every speech set in one
/// profile shares them (a batch deflates them once).
pub struct Fixed {
    /// `[Content_Types].xml` and `_rels/.rels`: the entries before the speech's own.
    head: Vec<Entry>,
    /// Relationships, styles, settings, fonts, theme, footers: the entries after them.
    tail: Vec<Entry>,
    /// Compressors to reuse for the speeches' parts, one per thread packing at the same time
    /// (making one allocates and clears about 150 KB of tables).
    deflaters: Mutex<Vec<Deflater>>,
}

/// The profile-only parts of a package.
pub struct FixedParts {
    pub styles: Vec<u8>,
    pub font_table: Vec<u8>,
    pub settings: Vec<u8>,
    /// `footer1.xml`, `footer2.xml`, … in order.
    pub footers: Vec<Vec<u8>>,
    pub theme: Vec<u8>,
}

impl Fixed {
    /// Deflates the profile-only parts and the content types and relationships naming them.
    pub fn new(parts: &FixedParts) -> Result<Fixed> {
        let n = parts.footers.len();
        let mut deflater = Deflater::new();
        let mut entry = |name: &str, data: &[u8]| deflater.entry(name, data);
        let head = vec![
            entry("[Content_Types].xml", content_types(n).as_bytes())?,
            entry("_rels/.rels", package_rels().as_bytes())?,
        ];
        let mut tail = vec![
            entry("word/_rels/document.xml.rels", document_rels(n).as_bytes())?,
            entry("word/styles.xml", &parts.styles)?,
            entry("word/settings.xml", &parts.settings)?,
            entry("word/fontTable.xml", &parts.font_table)?,
            entry("word/theme/theme1.xml", &parts.theme)?,
        ];
        for (i, footer) in parts.footers.iter().enumerate() {
            tail.push(entry(&format!("word/footer{}.xml", i + 1), footer)?);
        }
        Ok(Fixed {
            head,
            tail,
            deflaters: Mutex::new(vec![deflater]),
        })
    }

    /// The zip: `[Content_Types].xml` first, every part deflated, no folder entries; the
    /// speech's own parts (`core`, `document`) deflated here, the others taken as they are.
    pub fn pack(&self, core: &[u8], document: &[u8]) -> Result<Vec<u8>> {
        // a compressor left by an earlier speech, or a new one if other threads hold them all
        let mut deflater = self
            .deflaters
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_else(Deflater::new);
        let own = [
            deflater.entry("docProps/core.xml", core)?,
            deflater.entry("word/document.xml", document)?,
        ];
        if let Ok(mut pool) = self.deflaters.lock() {
            pool.push(deflater);
        }
        let entries: Vec<&Entry> = self.head.iter().chain(&own).chain(&self.tail).collect();
        write_zip(&entries)
    }
}

/// One zip entry: its name, the CRC-32 and size of its bytes, and the bytes deflated.
struct Entry {
    name: String,
    crc: u32,
    size: u32,
    packed: Vec<u8>,
}

/// Raw deflate (zlib-rs, level 1) with a 4 KB window, reset between entries. The parts are a
/// few KB each, and the tables a compressor allocates and clears are most of what packing
/// costs (a page fault for each fresh 4 KB), so the symbol buffer is the smallest zlib allows:
/// level 1 writes the same bytes with any buffer size (checked on a 180 KB document.xml).
struct Deflater(zlib_rs::Deflate);

impl Deflater {
    fn new() -> Self {
        Deflater(zlib_rs::Deflate::new_with_config(zlib_rs::DeflateConfig {
            level: 1,
            method: zlib_rs::Method::Deflated,
            // negative: raw deflate, no zlib header (zip entries carry their own CRC)
            window_bits: -12,
            mem_level: 2,
            strategy: zlib_rs::Strategy::Default,
        }))
    }

    fn entry(&mut self, name: &str, data: &[u8]) -> Result<Entry> {
        let deflate = &mut self.0;
        deflate.reset();
        let mut packed = vec![0; data.len() / 2 + 64];
        loop {
            let (consumed, written) = (deflate.total_in() as usize, deflate.total_out() as usize);
            let status = deflate
                .compress(
                    &data[consumed..],
                    &mut packed[written..],
                    zlib_rs::DeflateFlush::Finish,
                )
                .map_err(|e| Error::Usage(format!("生成 Word 文件失败：{}", e.as_str())))?;
            if status == zlib_rs::Status::StreamEnd {
                packed.truncate(deflate.total_out() as usize);
                break;
            }
            packed.resize(packed.len() * 2, 0);
        }
        Ok(Entry {
            name: name.to_string(),
            crc: crc32fast::hash(data),
            size: u32::try_from(data.len()).map_err(|_| too_big())?,
            packed,
        })
    }
}

/// The error for a package past the zip format's 4 GB.
fn too_big() -> Error {
    Error::Usage("生成 Word 文件失败：文件太大".to_string())
}

/// 1980-01-01 00:00 in MS-DOS form: fixed, so the same input gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// A minimal zip writer: the entries in order, then the central directory; no folders, no
/// zip64 (a speech is far below 4 GB).
fn write_zip(entries: &[&Entry]) -> Result<Vec<u8>> {
    let total: usize = entries.iter().map(|e| e.packed.len() + 80).sum();
    let mut out: Vec<u8> = Vec::with_capacity(total + 32);
    let mut central: Vec<u8> = Vec::with_capacity(entries.len() * 80);
    for e in entries {
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let packed = u32::try_from(e.packed.len()).map_err(|_| too_big())?;
        // local file header
        put32(&mut out, 0x0403_4b50);
        common(&mut out, e, packed);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.packed);
        // central directory entry
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: MS-DOS, zip 2.0
        common(&mut central, e, packed);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let directory_at = u32::try_from(out.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, directory_at);
    put16(&mut out, 0);
    Ok(out)
}

/// The fields local headers and central entries share, from "version needed" to "extra
/// field length".
fn common(out: &mut Vec<u8>, e: &Entry, packed: u32) {
    put16(out, 20); // version needed: deflate
    put16(out, if e.name.is_ascii() { 0 } else { 1 << 11 }); // UTF-8 names
    put16(out, 8); // deflate
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, e.crc);
    put32(out, packed);
    put32(out, e.size);
    put16(out, e.name.len() as u16);
    put16(out, 0);
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A minimal theme (Word requires one): Office colours, the profile's fonts as the theme
/// fonts (minor = body, major = level-1 headings), plain fills and lines.
pub fn theme_xml(profile: &Profile) -> Vec<u8> {
    use super::xml::escape_xml;
    let latin = escape_xml(&profile.latin_font);
    let minor = escape_xml(&profile.body.font);
    let major = escape_xml(&profile.heading1.font);
    let colors = [
        ("dk1", "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>"),
        ("lt1", "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>"),
        ("dk2", "<a:srgbClr val=\"44546A\"/>"),
        ("lt2", "<a:srgbClr val=\"E7E6E6\"/>"),
        ("accent1", "<a:srgbClr val=\"4472C4\"/>"),
        ("accent2", "<a:srgbClr val=\"ED7D31\"/>"),
        ("accent3", "<a:srgbClr val=\"A5A5A5\"/>"),
        ("accent4", "<a:srgbClr val=\"FFC000\"/>"),
        ("accent5", "<a:srgbClr val=\"5B9BD5\"/>"),
        ("accent6", "<a:srgbClr val=\"70AD47\"/>"),
        ("hlink", "<a:srgbClr val=\"0563C1\"/>"),
        ("folHlink", "<a:srgbClr val=\"954F72\"/>"),
    ];
    let mut x = String::with_capacity(3000);
    x.push_str(DECL);
    x.push_str(
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"jianghua\">\
         <a:themeElements><a:clrScheme name=\"Office\">",
    );
    for (name, color) in colors {
        x.push_str(&format!("<a:{name}>{color}</a:{name}>"));
    }
    x.push_str("</a:clrScheme><a:fontScheme name=\"jianghua\">");
    for (kind, ea) in [("major", &major), ("minor", &minor)] {
        x.push_str(&format!(
            "<a:{kind}Font><a:latin typeface=\"{latin}\"/><a:ea typeface=\"{ea}\"/>\
             <a:cs typeface=\"{latin}\"/></a:{kind}Font>"
        ));
    }
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = format!("<a:ln w=\"6350\">{fill}</a:ln>");
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    x.push_str(&format!(
        "</a:fontScheme><a:fmtScheme name=\"jianghua\">\
         <a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
         <a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>\
         <a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
         <a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst>\
         </a:fmtScheme></a:themeElements></a:theme>"
    ));
    x.into_bytes()
}
