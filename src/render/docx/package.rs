//! The package: content types, relationships, settings, and the deflated zip holding them
//! (only parts that are used, each linked and typed, no folder entries).

use super::xml::{DECL, W};
use crate::error::{Error, Result};
use crate::render::profile::{Placement, Profile};

/// The generated parts.
pub struct Parts {
    pub document: Vec<u8>,
    pub styles: Vec<u8>,
    pub font_table: Vec<u8>,
    pub settings: Vec<u8>,
    /// `footer1.xml`, `footer2.xml`, … in order.
    pub footers: Vec<Vec<u8>>,
    pub core: Vec<u8>,
    pub theme: Vec<u8>,
}

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

/// The zip: `[Content_Types].xml` first, every part deflated, no folder entries.
pub fn pack(parts: &Parts) -> Result<Vec<u8>> {
    let n = parts.footers.len();
    let types = content_types(n);
    let rels = package_rels();
    let doc_rels = document_rels(n);
    let mut files: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), types.as_bytes()),
        ("_rels/.rels".into(), rels.as_bytes()),
        ("docProps/core.xml".into(), &parts.core),
        ("word/document.xml".into(), &parts.document),
        ("word/_rels/document.xml.rels".into(), doc_rels.as_bytes()),
        ("word/styles.xml".into(), &parts.styles),
        ("word/settings.xml".into(), &parts.settings),
        ("word/fontTable.xml".into(), &parts.font_table),
        ("word/theme/theme1.xml".into(), &parts.theme),
    ];
    for (i, footer) in parts.footers.iter().enumerate() {
        files.push((format!("word/footer{}.xml", i + 1), footer));
    }
    Zip::write(&files).map_err(|e| Error::Usage(format!("生成 Word 文件失败：{e}")))
}

/// A minimal zip writer: deflated entries, no folders, no zip64 (a speech is far below 4 GB),
/// one compressor reset between entries (a fresh one per entry zeroed ~0.5 MB of tables each
/// time, a third of the whole run).
struct Zip;

/// Parts that differ from one speech to the next; the others (styles, fonts, theme, settings,
/// relationships, footers) depend only on the profile and are deflated once per thread.
const VARYING_PARTS: [&str; 2] = ["word/document.xml", "docProps/core.xml"];

/// The deflated form of the profile-only parts a thread has packed, looked up by their exact
/// bytes: in a batch every .docx shares them. Holds a few entries (a profile or two).
struct PackedCache;

/// An entry: the part's bytes, its CRC-32 and its deflated bytes.
type Packed = (Vec<u8>, u32, std::rc::Rc<Vec<u8>>);

thread_local! {
    static PACKED: std::cell::RefCell<Vec<Packed>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl PackedCache {
    const ENTRIES: usize = 32;

    fn get(data: &[u8]) -> Option<(u32, std::rc::Rc<Vec<u8>>)> {
        PACKED.with_borrow(|cache| {
            cache
                .iter()
                .find(|(bytes, _, _)| bytes.as_slice() == data)
                .map(|(_, crc, packed)| (*crc, packed.clone()))
        })
    }

    fn put(data: &[u8], crc: u32, packed: &[u8]) {
        PACKED.with_borrow_mut(|cache| {
            if cache.len() == Self::ENTRIES {
                cache.remove(0);
            }
            cache.push((data.to_vec(), crc, std::rc::Rc::new(packed.to_vec())));
        });
    }
}

/// 1980-01-01 00:00 in MS-DOS form: fixed, so the same input gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl Zip {
    fn write(files: &[(String, &[u8])]) -> std::result::Result<Vec<u8>, String> {
        let total: usize = files.iter().map(|(_, d)| d.len()).sum();
        let mut out: Vec<u8> = Vec::with_capacity(total / 3 + 4096);
        let mut central: Vec<u8> = Vec::with_capacity(files.len() * 80);
        // a 4 KB window: a quarter of the tables to allocate and clear, for parts of a few KB
        let mut deflate =
            flate2::Compress::new_with_window_bits(flate2::Compression::fast(), false, 12);
        let mut buffer: Vec<u8> = Vec::new();
        for (name, data) in files {
            let fixed = !VARYING_PARTS.contains(&name.as_str());
            let cached = if fixed { PackedCache::get(data) } else { None };
            let (crc, packed) = match cached {
                Some(hit) => hit,
                None => {
                    deflate.reset();
                    buffer.clear();
                    buffer.reserve(data.len() / 2 + 64);
                    loop {
                        let consumed = deflate.total_in() as usize;
                        let status = deflate
                            .compress_vec(
                                &data[consumed..],
                                &mut buffer,
                                flate2::FlushCompress::Finish,
                            )
                            .map_err(|e| e.to_string())?;
                        if status == flate2::Status::StreamEnd {
                            break;
                        }
                        buffer.reserve(buffer.capacity().max(1024));
                    }
                    let crc = crc32fast::hash(data);
                    if fixed {
                        PackedCache::put(data, crc, &buffer);
                    }
                    (crc, std::rc::Rc::new(buffer.clone()))
                }
            };
            let offset = u32::try_from(out.len()).map_err(|_| "文件太大".to_string())?;
            let sizes = (
                u32::try_from(packed.len()).map_err(|_| "文件太大".to_string())?,
                u32::try_from(data.len()).map_err(|_| "文件太大".to_string())?,
            );
            // local file header
            put32(&mut out, 0x0403_4b50);
            Self::common(&mut out, name, crc, sizes);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&packed);
            // central directory entry
            put32(&mut central, 0x0201_4b50);
            put16(&mut central, 20); // made by: MS-DOS, zip 2.0
            Self::common(&mut central, name, crc, sizes);
            put16(&mut central, 0); // comment length
            put16(&mut central, 0); // disk
            put16(&mut central, 0); // internal attributes
            put32(&mut central, 0); // external attributes
            put32(&mut central, offset);
            central.extend_from_slice(name.as_bytes());
        }
        let directory_at = u32::try_from(out.len()).map_err(|_| "文件太大".to_string())?;
        out.extend_from_slice(&central);
        put32(&mut out, 0x0605_4b50);
        put16(&mut out, 0);
        put16(&mut out, 0);
        put16(&mut out, files.len() as u16);
        put16(&mut out, files.len() as u16);
        put32(&mut out, central.len() as u32);
        put32(&mut out, directory_at);
        put16(&mut out, 0);
        Ok(out)
    }

    /// The fields local headers and central entries share, from "version needed" to
    /// "extra field length".
    fn common(out: &mut Vec<u8>, name: &str, crc: u32, (packed, size): (u32, u32)) {
        put16(out, 20); // version needed: deflate
        put16(out, if name.is_ascii() { 0 } else { 1 << 11 }); // UTF-8 names
        put16(out, 8); // deflate
        put16(out, DOS_TIME);
        put16(out, DOS_DATE);
        put32(out, crc);
        put32(out, packed);
        put32(out, size);
        put16(out, name.len() as u16);
        put16(out, 0);
    }
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
