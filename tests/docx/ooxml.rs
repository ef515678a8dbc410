//! Reading generated .docx files back: zip parts, a strict XML parse into a small tree, text.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::Read;

/// Every part of a .docx, by path.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("docx is a zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        out.insert(file.name().unwrap().to_string(), data);
    }
    out
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// All descendants (depth first, self excluded) with this name.
    pub fn descendants<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
            for c in e.elements() {
                if c.name == name {
                    out.push(c);
                }
                walk(c, name, out);
            }
        }
        walk(self, name, &mut out);
        out
    }

    pub fn find(&self, name: &str) -> Option<&Element> {
        self.descendants(name).into_iter().next()
    }

    /// Concatenated character data of this element and its descendants.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => s.push_str(t),
                Node::Element(e) => s.push_str(&e.text()),
            }
        }
        s
    }
}

/// The characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Parses `xml` strictly: well-formed, names matched, entities valid, one root, reaches Eof.
pub fn parse(xml: &[u8]) -> Result<Element, String> {
    let text = std::str::from_utf8(xml).map_err(|e| format!("not UTF-8: {e}"))?;
    if let Some((i, c)) = text.char_indices().find(|(_, c)| !is_xml_char(*c)) {
        return Err(format!(
            "character {c:?} (U+{:04X}) not allowed in XML at byte {i}",
            c as u32
        ));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    config.allow_unmatched_ends = false;
    config.trim_text(false);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut roots = 0;
    let open = |e: &quick_xml::events::BytesStart| -> Result<Element, String> {
        let mut el = Element {
            name: e.name().as_ref().to_string(),
            ..Default::default()
        };
        for a in e.attributes().with_checks(true) {
            let a = a.map_err(|e| format!("bad attribute: {e}"))?;
            let key = a.key.as_ref().to_string();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| format!("bad attribute value: {e}"))?
                .into_owned();
            el.attrs.push((key, value));
        }
        Ok(el)
    };
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!(
                    "XML error at byte {}: {e}",
                    reader.error_position()
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                if stack.len() == 1 {
                    roots += 1;
                }
                stack.push(open(&e)?);
            }
            Ok(Event::Empty(e)) => {
                if stack.len() == 1 {
                    roots += 1;
                }
                let el = open(&e)?;
                stack.last_mut().unwrap().children.push(Node::Element(el));
            }
            Ok(Event::End(_)) => {
                let el = stack.pop().unwrap();
                stack
                    .last_mut()
                    .ok_or("unmatched end tag")?
                    .children
                    .push(Node::Element(el));
            }
            Ok(Event::Text(t)) => {
                let s = t.xml_content(XmlVersion::Implicit1_0);
                if stack.len() == 1 {
                    if !s.trim().is_empty() {
                        return Err(format!("text outside the root element: {s:?}"));
                    }
                    continue;
                }
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(s.into_owned()));
            }
            Ok(Event::GeneralRef(r)) => {
                let name = r.xml_content(XmlVersion::Implicit1_0);
                let resolved = if let Some(ch) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    if !is_xml_char(ch) {
                        return Err(format!("character reference to U+{:04X}", ch as u32));
                    }
                    ch.to_string()
                } else {
                    match name.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => return Err(format!("unknown entity &{other};")),
                    }
                };
                if stack.len() == 1 {
                    return Err("reference outside the root element".into());
                }
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(resolved));
            }
            Ok(Event::CData(c)) => {
                let s = c.xml_content(XmlVersion::Implicit1_0);
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(s.into_owned()));
            }
            Ok(Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_)) => {}
        }
    }
    if stack.len() != 1 {
        return Err(format!(
            "{} element(s) left open at end of file",
            stack.len() - 1
        ));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements, expected 1"));
    }
    let mut top = stack.pop().unwrap();
    match top.children.pop() {
        Some(Node::Element(root)) => Ok(root),
        _ => Err("no root element".into()),
    }
}

/// The visible text of a WordprocessingML body: one line per paragraph, `w:tab` as a tab,
/// `w:br` as a line break; field instructions are skipped, field results kept.
pub fn paragraph_text(p: &Element) -> String {
    fn walk(e: &Element, out: &mut String) {
        for c in e.elements() {
            match c.name.as_str() {
                "w:t" => out.push_str(&c.text()),
                "w:tab" => out.push('\t'),
                "w:br" | "w:cr" => out.push('\n'),
                "w:instrText" | "w:pPr" | "w:rPr" => {}
                _ => walk(c, out),
            }
        }
    }
    let mut s = String::new();
    walk(p, &mut s);
    s
}

/// Every paragraph's text, each followed by a newline, in document order. The line breaks
/// that balance a long title are typesetting, not text, so they are dropped from the title.
pub fn body_text(root: &Element) -> String {
    root.descendants("w:p")
        .into_iter()
        .map(|p| {
            let style = p.find("w:pStyle").and_then(|s| s.attr("w:val"));
            let text = paragraph_text(p);
            if style == Some("SpeechTitle") {
                text.replace('\n', "") + "\n"
            } else {
                text + "\n"
            }
        })
        .collect()
}
