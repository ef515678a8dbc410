//! `docProps/core.xml` (title, author, created date), which docx-rs has no setters for.

use super::DocxMeta;
use super::xml::escape_xml;

/// The core properties part; fields that are absent are left out rather than invented.
pub fn core_xml(meta: &DocxMeta) -> Vec<u8> {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    ));
    let title = super::text::clean(&meta.title).replace(['\n', '\t'], " ");
    xml.push_str(&format!("<dc:title>{}</dc:title>", escape_xml(&title)));
    if let Some(author) = &meta.author {
        let author = super::text::clean(author).replace(['\n', '\t'], " ");
        xml.push_str(&format!("<dc:creator>{}</dc:creator>", escape_xml(&author)));
        xml.push_str(&format!(
            "<cp:lastModifiedBy>{}</cp:lastModifiedBy>",
            escape_xml(&author)
        ));
    }
    xml.push_str("<cp:revision>1</cp:revision>");
    if let Some(date) = meta.created {
        let stamp = date.format("%Y-%m-%dT00:00:00Z");
        xml.push_str(&format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#
        ));
        xml.push_str(&format!(
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#
        ));
    }
    xml.push_str("</cp:coreProperties>");
    xml.into_bytes()
}
