//! Puts the children of property elements (`w:rPr`, `w:pPr`, `w:style`, `w:sectPr`,
//! `w:settings`) into the order the WordprocessingML schema prescribes.
//!
//! docx-rs writes them in its own order (`w:sz` before `w:rFonts`, `w:rPr` first in `w:pPr`,
//! footer references last in `w:sectPr`, `w:evenAndOddHeaders` after `w:compat`). LibreOffice
//! does not mind, but Word reads these sequences in schema order and drops or repairs what is
//! out of place — the fonts and the odd/even footers are exactly what would be lost.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Schema order of the children of `parent`, if it is one we reorder.
fn sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        // CT_RPr (EG_RPrBase)
        "w:rPr" => &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
        // CT_PPr
        "w:pPr" => &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
        // CT_Style
        "w:style" => &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
        // CT_SectPr: header and footer references share the first slot.
        "w:sectPr" => &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
        // CT_Settings, the part of it that matters here (others keep their place after these).
        "w:settings" => &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "w:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
        _ => return None,
    })
}

/// Parents we reorder.
const PARENTS: [&str; 5] = ["w:rPr", "w:pPr", "w:style", "w:sectPr", "w:settings"];

/// Position of `child` in `parent`'s sequence; unknown children go last, in their order.
fn rank(parent: &str, child: &str) -> usize {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    type Ranks = HashMap<&'static str, HashMap<&'static str, usize>>;
    static RANKS: OnceLock<Ranks> = OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        PARENTS
            .iter()
            .map(|parent| {
                let seq = sequence(parent).unwrap_or(&[]);
                let mut children = HashMap::new();
                for (i, slot) in seq.iter().enumerate() {
                    for name in slot.split('|') {
                        children.insert(name, i);
                    }
                }
                (*parent, children)
            })
            .collect()
    });
    ranks
        .get(parent)
        .and_then(|children| children.get(child))
        .copied()
        .unwrap_or(usize::MAX - 1)
}

/// One child of an element being reordered: its place in the parent's sequence (text goes
/// last) and its serialised XML.
struct Child {
    rank: usize,
    text: bool,
    xml: String,
}

/// An open element whose children are being collected.
struct Open {
    start: String,
    name: String,
    children: Vec<Child>,
}

/// `xml` with the children of every property element in schema order. Text, attributes and
/// everything else are copied as they are; input that does not parse is returned unchanged.
pub fn canonical(xml: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(xml).ok().and_then(|s| reorder(s).ok()) {
        Some(out) => out.into_bytes(),
        None => xml.to_vec(),
    }
}

fn reorder(text: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut out = String::with_capacity(text.len() + 64);
    // Elements currently open; only those inside a reordered element are buffered.
    let mut stack: Vec<Open> = Vec::new();
    let mut buffered = 0usize;

    fn emit(
        out: &mut String,
        stack: &mut [Open],
        buffered: usize,
        piece: &str,
        name: Option<&str>,
    ) {
        if buffered == 0 {
            out.push_str(piece);
        } else if let Some(top) = stack.last_mut() {
            match (name, top.children.last_mut()) {
                (None, Some(last)) if last.text => last.xml.push_str(piece),
                _ => {
                    let rank = name.map_or(usize::MAX, |n| rank(&top.name, n));
                    top.children.push(Child {
                        rank,
                        text: name.is_none(),
                        xml: piece.to_string(),
                    })
                }
            }
        }
    }

    loop {
        let event = reader.read_event()?;
        // outside the property elements (most of a document) pieces go straight to `out`
        if buffered == 0 {
            match &event {
                Event::Start(e) if sequence(e.name().as_ref()).is_none() => {
                    out.push('<');
                    out.push_str(e);
                    out.push('>');
                    continue;
                }
                Event::End(e) => {
                    out.push_str("</");
                    out.push_str(e.name().as_ref());
                    out.push('>');
                    continue;
                }
                Event::Empty(e) => {
                    out.push('<');
                    out.push_str(e);
                    out.push_str("/>");
                    continue;
                }
                Event::Text(t) => {
                    out.push_str(t);
                    continue;
                }
                _ => {}
            }
        }
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                stack.push(Open {
                    start: format!("<{}>", &*e),
                    name,
                    children: Vec::new(),
                });
                buffered += 1;
            }
            Event::End(e) => {
                let qname = e.name();
                let name: &str = qname.as_ref();
                let mut open = stack.pop().expect("balanced: the reader checks end names");
                buffered -= 1;
                if !open.children.is_sorted_by_key(|c| c.rank) {
                    open.children.sort_by_key(|c| c.rank);
                }
                let mut xml = open.start;
                for child in open.children {
                    xml.push_str(&child.xml);
                }
                xml.push_str("</");
                xml.push_str(name);
                xml.push('>');
                emit(&mut out, &mut stack, buffered, &xml, Some(&open.name));
            }
            Event::Empty(e) => {
                let piece = format!("<{}/>", &*e);
                emit(
                    &mut out,
                    &mut stack,
                    buffered,
                    &piece,
                    Some(e.name().as_ref()),
                );
            }
            Event::Text(t) => {
                emit(&mut out, &mut stack, buffered, &t, None);
            }
            Event::GeneralRef(r) => {
                let piece = format!("&{};", &*r);
                emit(&mut out, &mut stack, buffered, &piece, None);
            }
            Event::CData(c) => {
                let piece = format!("<![CDATA[{}]]>", &*c);
                emit(&mut out, &mut stack, buffered, &piece, None);
            }
            Event::Decl(d) => out.push_str(&format!("<?{}?>", &*d)),
            Event::PI(p) => out.push_str(&format!("<?{}?>", &*p)),
            Event::Comment(c) => {
                let piece = format!("<!--{}-->", &*c);
                emit(&mut out, &mut stack, buffered, &piece, None);
            }
            Event::DocType(d) => out.push_str(&format!("<!DOCTYPE {}>", &*d)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> String {
        String::from_utf8(canonical(s.as_bytes())).unwrap()
    }

    #[test]
    fn run_properties_put_fonts_before_size() {
        assert_eq!(
            c(
                r#"<w:r><w:rPr><w:sz w:val="32" /><w:rFonts w:eastAsia="黑体" /><w:w w:val="98" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#
            ),
            r#"<w:r><w:rPr><w:rFonts w:eastAsia="黑体" /><w:w w:val="98" /><w:sz w:val="32" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#
        );
    }

    #[test]
    fn nested_properties_are_reordered_too() {
        assert_eq!(
            c(
                r#"<w:pPr><w:rPr><w:sz w:val="1" /><w:b /></w:rPr><w:jc w:val="both" /><w:pStyle w:val="X" /></w:pPr>"#
            ),
            r#"<w:pPr><w:pStyle w:val="X" /><w:jc w:val="both" /><w:rPr><w:b /><w:sz w:val="1" /></w:rPr></w:pPr>"#
        );
    }

    #[test]
    fn references_lead_the_section_and_unknown_children_keep_their_order() {
        assert_eq!(
            c(
                r#"<w:sectPr><w:pgSz /><w:x:a /><w:footerReference w:type="default" /><w:x:b /><w:footerReference w:type="even" /></w:sectPr>"#
            ),
            r#"<w:sectPr><w:footerReference w:type="default" /><w:footerReference w:type="even" /><w:pgSz /><w:x:a /><w:x:b /></w:sectPr>"#
        );
    }

    #[test]
    fn broken_input_comes_back_unchanged() {
        assert_eq!(c("<a><b></a>"), "<a><b></a>");
    }
}
