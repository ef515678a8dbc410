//! Reading sample files into text: UTF-8 (±BOM), UTF-16 with BOM, GB18030/GBK, and `.docx` paragraphs.

use crate::error::SourceError;
use std::io::Read;
use std::path::Path;

/// The encoding a text file was read in, for the mining report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
    Docx,
}

impl Source {
    /// The name users see in summaries.
    pub fn label(self) -> &'static str {
        match self {
            Source::Utf8 => "UTF-8",
            Source::Utf8Bom => "UTF-8（带 BOM）",
            Source::Utf16Le => "UTF-16LE",
            Source::Utf16Be => "UTF-16BE",
            Source::Gb18030 => "GB18030",
            Source::Docx => "docx",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decodes the bytes of a sample file; `path` chooses the reader by extension and names the
/// file in errors. Line ends come back as `\n`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Source), SourceError> {
    let (text, source) = decode_raw(path, bytes)?;
    // control characters never reach a spec (it would not load); NUL padding and the like go
    let text = if has_stray_control(&text) {
        text.chars()
            .filter(|&c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect()
    } else {
        text
    };
    // Markdown (ours or anyone's with `#` headings) is read as Markdown: markup and escapes go
    let is_md = matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown")
    );
    // (a page mirrored with a front matter block is left to `page::strip`, which keeps its title)
    let front_matter = text.starts_with("---\n") || text.starts_with("+++\n");
    if is_md
        && !front_matter
        && text
            .lines()
            .any(|l| l.starts_with("# ") || l.starts_with("## "))
    {
        return Ok((crate::doc::markdown::parse(&text).plain_text(), source));
    }
    Ok((text, source))
}

/// True when `text` holds a control character other than `\n` and `\t`: C0, DEL or C1
/// (`char::is_control`), read from the bytes since every sample's every byte is asked.
fn has_stray_control(text: &str) -> bool {
    let b = text.as_bytes();
    // C0 and DEL are single bytes; C1 (U+0080–U+009F) is written 0xC2 0x80–0x9F
    let stray = |i: usize| match b[i] {
        b'\n' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    };
    // a branch-free test of each block first (it vectorises); suspicious blocks are read closely
    const BLOCK: usize = 64;
    (0..b.len()).step_by(BLOCK).any(|start| {
        let end = (start + BLOCK).min(b.len());
        let suspicious = b[start..end].iter().fold(false, |acc, &c| {
            acc | ((c < 0x20) & (c != b'\n') & (c != b'\t')) | (c == 0x7F) | (c == 0xC2)
        });
        suspicious && (start..end).any(stray)
    })
}

fn decode_raw(path: &Path, bytes: &[u8]) -> Result<(String, Source), SourceError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "docx" => return docx_text(path, bytes).map(|t| (t, Source::Docx)),
        "doc" | "wps" => return Err(legacy_doc(path)),
        "txt" | "md" | "markdown" | "text" | "" => {}
        other => {
            return Err(SourceError::new(
                path,
                format!("不支持的文件类型“.{other}”：只能读取 .txt、.md 和 .docx"),
            )
            .help("请在 Word 或 WPS 中“另存为”.docx，或复制正文另存为 UTF-8 编码的 .txt 文件"));
        }
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(legacy_doc(path));
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return docx_text(path, bytes).map(|t| (t, Source::Docx));
    }
    decode_text(path, bytes)
}

fn legacy_doc(path: &Path) -> SourceError {
    SourceError::new(path, "这是旧版 Word 文件（.doc），无法直接读取")
        .help("请在 Word 或 WPS 中打开，“另存为”.docx 格式后再运行；或运行 `libreoffice --headless --convert-to docx 文件.doc`")
}

/// Decodes plain text: BOM first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<(String, Source), SourceError> {
    let (text, source) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(path, rest)?, Source::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(path, rest, encoding_rs::UTF_16LE)?, Source::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(path, rest, encoding_rs::UTF_16BE)?, Source::Utf16Be)
    } else if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        (s.to_string(), Source::Utf8)
    } else {
        match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(s) => (s.into_owned(), Source::Gb18030),
            None => {
                let valid = std::str::from_utf8(bytes).map_err(|e| e.valid_up_to());
                let offset = valid.err().unwrap_or(0);
                let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
                return Err(SourceError::new(
                    path,
                    "无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK",
                )
                .at(line, 1)
                .help("请用文本编辑器把文件另存为 UTF-8 编码后再运行"));
            }
        }
    };
    Ok((normalize_newlines(text), source))
}

fn utf8(path: &Path, bytes: &[u8]) -> Result<String, SourceError> {
    std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        SourceError::new(path, "文件以 UTF-8 标记（BOM）开头，但内容不是有效的 UTF-8")
            .at(line, 1)
            .help("请用文本编辑器把文件重新保存为 UTF-8 编码")
    })
}

fn utf16(
    path: &Path,
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
) -> Result<String, SourceError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| {
            SourceError::new(
                path,
                "文件以 UTF-16 标记（BOM）开头，但内容不是有效的 UTF-16",
            )
            .help("请用文本编辑器把文件重新保存为 UTF-8 编码")
        })
}

fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Reads the paragraphs of a `.docx` file, one per line (tabs and breaks kept as characters).
pub fn docx_text(path: &Path, bytes: &[u8]) -> Result<String, SourceError> {
    let broken = |what: String| {
        SourceError::new(path, format!("无法读取 .docx 文件：{what}"))
            .help("请确认文件能在 Word 或 WPS 中打开；必要时重新“另存为”.docx")
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| broken("不是有效的 zip 压缩包".to_string()))?;
    let xml_bytes;
    {
        let mut part = archive
            .by_name("word/document.xml")
            .map_err(|_| broken("缺少正文部分 word/document.xml".to_string()))?;
        let cap = crate::fsx::DOCX_PART_CAP;
        let too_big = || {
            broken(format!(
                "正文部分 word/document.xml 解压后超过 {} 的上限",
                crate::fsx::size_text(cap)
            ))
        };
        if part.size() > cap {
            return Err(too_big());
        }
        // the declared size may lie: read at most one byte past the cap. Room for the declared
        // size is made up front (no copies as the part grows), but never more than a deflate
        // ratio of 32 allows: a lying header gets no large buffer
        let room = part.size().min(32 * bytes.len() as u64);
        let mut bytes = Vec::with_capacity(room as usize + 1);
        part.by_ref()
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                let what = e.to_string();
                if what.contains("checksum") || what.contains("CRC") {
                    broken("压缩包已损坏（word/document.xml 校验和不符）".to_string())
                } else {
                    broken(format!(
                        "无法解压 word/document.xml（{}）",
                        crate::error::io_reason(&e)
                    ))
                }
            })?;
        if bytes.len() as u64 > cap {
            return Err(too_big());
        }
        xml_bytes = bytes;
    }
    let xml = simdutf8::basic::from_utf8(&xml_bytes)
        .map_err(|_| broken("正文部分 word/document.xml 不是有效的 UTF-8".to_string()))?;
    paragraphs_from_document_xml(xml).map_err(|(offset, what)| {
        broken(format!("word/document.xml 格式错误（{what}）")).at_offset(xml, offset)
    })
}

/// Extracts paragraph texts from WordprocessingML: `w:t` text, `w:tab` → tab; a `w:br` inside a
/// paragraph is layout (a long title broken into balanced lines), so it joins without a gap.
/// Returns the byte offset and a reason on malformed XML.
pub fn paragraphs_from_document_xml(xml: &str) -> Result<String, (usize, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut in_para = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| (reader.buffer_position() as usize, e.to_string()))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => {
                    in_para = true;
                    para.clear();
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tab" if in_para => para.push('\t'),
                "w:br" | "w:cr" => {}
                "w:p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    in_para = false;
                    out.push_str(&para);
                    out.push('\n');
                }
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match &*r.xml10_content() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                    Err(_) => None,
                };
                match c {
                    Some(c) => para.push(c),
                    None => {
                        return Err((
                            reader.buffer_position() as usize,
                            format!("无法识别的实体 &{};", r.xml10_content()),
                        ));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let p = Path::new("a.txt");
        let text = "同志们：\r\n今天开会。";
        let (s, src) = decode(p, text.as_bytes()).unwrap();
        assert_eq!((s.as_str(), src), ("同志们：\n今天开会。", Source::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(p, &bom).unwrap().1, Source::Utf8Bom);
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        let (s, src) = decode(p, &gbk).unwrap();
        assert_eq!((s.as_str(), src), ("同志们：\n今天开会。", Source::Gb18030));
        let mut le = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(p, &le).unwrap(),
            ("同志们：\n今天开会。".to_string(), Source::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(p, &be).unwrap().1, Source::Utf16Be);
    }

    #[test]
    fn rejects_doc_and_unknown_types() {
        let err = decode(Path::new("讲话.doc"), b"anything").unwrap_err();
        assert_eq!(
            err.to_string(),
            "讲话.doc：这是旧版 Word 文件（.doc），无法直接读取\n  提示：请在 Word 或 WPS 中打开，“另存为”.docx 格式后再运行；或运行 `libreoffice --headless --convert-to docx 文件.doc`"
        );
        let err = decode(Path::new("a.pdf"), b"%PDF").unwrap_err();
        assert!(err.to_string().starts_with("a.pdf：不支持的文件类型“.pdf”"));
        let err = decode(Path::new("a.txt"), OLE_MAGIC).unwrap_err();
        assert!(err.to_string().contains("旧版 Word"));
    }

    #[test]
    fn markdown_is_read_as_markdown_and_control_characters_go() {
        let md = "# 在全县工作会议上的讲话\n\n同志们：\n\n## 一、R\\&D\n\n**（一）加强领导**。要抓好\\*落实\\*。\n";
        let (text, _) = decode(Path::new("a.md"), md.as_bytes()).unwrap();
        assert_eq!(
            text,
            "在全县工作会议上的讲话\n同志们：\n一、R&D\n（一）加强领导。要抓好*落实*。\n"
        );
        let (text, _) = decode(Path::new("a.txt"), "讲\u{0}话\n".as_bytes()).unwrap();
        assert_eq!(text, "讲话\n");
        let (text, _) = decode(Path::new("a.txt"), "讲\u{85}话·\t\u{7f}\n".as_bytes()).unwrap();
        assert_eq!(text, "讲话·\t\n");
    }

    #[test]
    fn stray_controls_are_the_control_characters_but_newline_and_tab() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = c.is_control() && !matches!(c, '\n' | '\t');
            // alone, and straddling the end of a block
            assert_eq!(has_stray_control(&c.to_string()), want, "{c:?}");
            assert_eq!(
                has_stray_control(&format!("{}{c}a", "a".repeat(63))),
                want,
                "{c:?}"
            );
        }
    }

    #[test]
    fn reads_document_xml_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">加强&amp;领导</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>在全县工作</w:t><w:br/><w:t>会议上的讲话</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            paragraphs_from_document_xml(xml).unwrap(),
            "一、加强&领导\n\n在全县工作会议上的讲话\n"
        );
    }
}
