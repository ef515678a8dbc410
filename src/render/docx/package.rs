//! The package: content types, relationships, settings, and the deflated zip holding them
//! (only parts that are used, each linked and typed, no folder entries).

use super::xml::{DECL, W};
use crate::error::{Error, Result};
use crate::render::profile::{Placement, Profile};
use std::io::Write;

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
    let mut files: Vec<(String, &[u8])> = Vec::with_capacity(8 + n);
    let types = content_types(n);
    let rels = package_rels();
    let doc_rels = document_rels(n);
    files.push(("[Content_Types].xml".into(), types.as_bytes()));
    files.push(("_rels/.rels".into(), rels.as_bytes()));
    files.push(("docProps/core.xml".into(), &parts.core));
    files.push(("word/document.xml".into(), &parts.document));
    files.push(("word/_rels/document.xml.rels".into(), doc_rels.as_bytes()));
    files.push(("word/styles.xml".into(), &parts.styles));
    files.push(("word/settings.xml".into(), &parts.settings));
    files.push(("word/fontTable.xml".into(), &parts.font_table));
    files.push(("word/theme/theme1.xml".into(), &parts.theme));
    for (i, footer) in parts.footers.iter().enumerate() {
        files.push((format!("word/footer{}.xml", i + 1), footer));
    }
    let size: usize = files.iter().map(|(_, d)| d.len()).sum();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size / 3 + 2048)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    let fail = |e: &dyn std::fmt::Display| Error::Usage(format!("生成 Word 文件失败：{e}"));
    for (name, data) in files {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(data).map_err(|e| fail(&e))?;
    }
    let out = zip.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
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
