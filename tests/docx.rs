//! Word output: every generated .docx is read back from its XML and compared with the Doc and
//! the profile; real readers (LibreOffice, pandoc) are in `docx/real.rs`.

#[path = "docx/cli.rs"]
mod cli;
mod common;
#[path = "docx/ooxml.rs"]
mod ooxml;
#[path = "docx/real.rs"]
mod real;
#[path = "docx/speeches.rs"]
mod speeches;
#[path = "docx/titles.rs"]
mod titles;

use jianghua::render::docx::text::clean;
use jianghua::render::{DocxMeta, Profile, write_docx};
use jianghua::{Block, Doc};
use ooxml::{Element, body_text, parse, parts};
use std::collections::BTreeMap;
use std::path::Path;

fn meta(doc: &Doc) -> DocxMeta {
    DocxMeta {
        title: doc.title().unwrap_or("").to_string(),
        author: Some("张明".into()),
        created: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
    }
}

fn profiles() -> Vec<Profile> {
    Profile::builtin_names()
        .iter()
        .map(|(name, _)| Profile::builtin(name).unwrap())
        .collect()
}

/// A .docx's parts by path.
type Parts = BTreeMap<String, Vec<u8>>;

/// Every generated document, for every built-in profile, as parsed parts.
fn generated() -> Vec<(String, Doc, Profile, Parts)> {
    let mut out = Vec::new();
    for profile in profiles() {
        for (name, doc) in speeches::all() {
            let bytes = write_docx(&doc, &profile, &meta(&doc)).unwrap();
            out.push((
                format!("{name}/{}", profile.name),
                doc,
                profile.clone(),
                parts(&bytes),
            ));
        }
    }
    out
}

fn xml(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> Element {
    parse(parts.get(name).unwrap_or_else(|| panic!("no part {name}")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn twips(v: f64) -> String {
    ((v * 20.0).round() as i64).to_string()
}

#[test]
fn every_part_is_well_formed_xml() {
    for (case, _, _, parts) in generated() {
        assert!(parts.contains_key("word/document.xml"), "{case}");
        assert!(parts.contains_key("docProps/core.xml"), "{case}");
        for (name, data) in &parts {
            if (name.ends_with(".xml") || name.ends_with(".rels"))
                && let Err(e) = parse(data)
            {
                panic!("{case}: {name} is not well-formed: {e}");
            }
        }
    }
}

#[test]
fn strict_parser_rejects_what_word_rejects() {
    assert!(parse(b"<a><b></a>").is_err());
    assert!(parse(b"<a>\x01</a>").is_err());
    assert!(parse(b"<a>&#x1;</a>").is_err());
    assert!(parse(b"<a>&nbsp;</a>").is_err());
    assert!(parse(b"<a></a><b/>").is_err());
    assert!(parse(b"<a>").is_err());
    assert!(parse(b"<a x=\"1\" x=\"2\"/>").is_err());
    assert_eq!(parse(b"<a>&lt;&amp;</a>").unwrap().text(), "<&");
}

#[test]
fn document_text_is_the_docs_text() {
    for (case, doc, _, parts) in generated() {
        let root = xml(&parts, "word/document.xml");
        // a `——` subtitle is a paragraph of its own
        let want = match doc.title() {
            Some(title) => match jianghua::render::docx::title::split_subtitle(title) {
                (main, Some(sub)) => doc
                    .plain_text()
                    .replacen(title, &format!("{main}\n{sub}"), 1),
                _ => doc.plain_text(),
            },
            None => doc.plain_text(),
        };
        assert_eq!(
            body_text(&root),
            clean(&want),
            "{case}: text of word/document.xml"
        );
    }
}

#[test]
fn special_text_comes_out_as_typed() {
    let doc = speeches::special_characters();
    let profile = Profile::builtin("official").unwrap();
    let parts = parts(&write_docx(&doc, &profile, &meta(&doc)).unwrap());
    let text = body_text(&xml(&parts, "word/document.xml"));
    assert!(
        text.contains(
            "引用\"双引号\"与'单引号'，尖括号<w:t>和&amp;照原样，CDATA 结尾]]>也照原样。"
        )
    );
    assert!(text.contains("制表符\t之后，第一行\n第二行\n第三行。"));
    assert!(text.contains("控制字符不进入文件。"));
    assert!(text.contains("\n   前后有空格   \n"));
    assert!(text.starts_with("关于A&B项目<试点>的讲话\n（县委书记\t张明）\n"));
    let raw = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    assert!(
        raw.contains("<w:tab />") || raw.contains("<w:tab/>"),
        "tabs are w:tab"
    );
    assert!(raw.contains("<w:br/>"), "line breaks are w:br");
}

#[test]
fn one_normal_style_and_every_role_has_its_style() {
    for (case, _, _, parts) in generated() {
        let styles = xml(&parts, "word/styles.xml");
        let ids: Vec<&str> = styles
            .descendants("w:style")
            .iter()
            .filter_map(|s| s.attr("w:styleId"))
            .collect();
        assert_eq!(
            ids.iter().filter(|id| **id == "Normal").count(),
            1,
            "{case}"
        );
        for id in [
            "SpeechTitle",
            "SpeechByline",
            "Salutation",
            "BodyText",
            "Heading1",
            "Heading2",
            "Heading3",
            "Heading4",
            "Footer",
        ] {
            assert_eq!(ids.iter().filter(|i| **i == id).count(), 1, "{case}: {id}");
        }
    }
}

/// What the XML says about a style or run's type.
#[derive(Debug, PartialEq)]
struct Type {
    ascii: String,
    h_ansi: String,
    east_asia: String,
    cs: String,
    size_half_points: String,
}

fn run_type(rpr: &Element) -> Type {
    let fonts = rpr.child("w:rFonts").expect("w:rFonts");
    let get = |k: &str| {
        fonts
            .attr(k)
            .unwrap_or_else(|| panic!("rFonts without {k}"))
            .to_string()
    };
    Type {
        ascii: get("w:ascii"),
        h_ansi: get("w:hAnsi"),
        east_asia: get("w:eastAsia"),
        cs: get("w:cs"),
        size_half_points: rpr
            .child("w:sz")
            .and_then(|s| s.attr("w:val"))
            .expect("w:sz")
            .to_string(),
    }
}

fn expected_type(profile: &Profile, role: &jianghua::render::profile::RoleStyle) -> Type {
    let latin = role
        .latin_font
        .clone()
        .unwrap_or(profile.latin_font.clone());
    Type {
        ascii: latin.clone(),
        h_ansi: latin.clone(),
        east_asia: role.font.clone(),
        cs: latin,
        size_half_points: ((role.size_pt * 2.0).round() as i64).to_string(),
    }
}

#[test]
fn styles_read_back_equal_the_profile() {
    for (case, _, profile, parts) in generated() {
        let styles = xml(&parts, "word/styles.xml");
        let by_id: BTreeMap<&str, &Element> = styles
            .descendants("w:style")
            .into_iter()
            .filter_map(|s| s.attr("w:styleId").map(|id| (id, s)))
            .collect();
        for (role_name, role) in profile.roles() {
            let id = match role_name {
                "title" => "SpeechTitle",
                "byline" => "SpeechByline",
                "salutation" => "Salutation",
                "body" => "BodyText",
                "heading1" => "Heading1",
                "heading2" => "Heading2",
                "heading3" => "Heading3",
                _ => "Heading4",
            };
            let style = by_id[id];
            let rpr = style.child("w:rPr").expect("style rPr");
            assert_eq!(run_type(rpr), expected_type(&profile, role), "{case}: {id}");
            let ppr = style.child("w:pPr").expect("style pPr");
            let jc = ppr.child("w:jc").and_then(|j| j.attr("w:val")).unwrap();
            let want_jc = match role.align {
                jianghua::render::profile::Align::Left => "left",
                jianghua::render::profile::Align::Center => "center",
                jianghua::render::profile::Align::Right => "right",
                jianghua::render::profile::Align::Justify => "both",
            };
            assert_eq!(jc, want_jc, "{case}: {id} alignment");
            let spacing = ppr.child("w:spacing").expect("w:spacing");
            assert_eq!(spacing.attr("w:lineRule"), Some("exact"), "{case}: {id}");
            assert_eq!(
                spacing.attr("w:line"),
                Some(twips(profile.grid.line_pitch_pt).as_str()),
                "{case}: {id} line pitch"
            );
            let ind = ppr.child("w:ind").expect("w:ind");
            assert_eq!(
                ind.attr("w:firstLine"),
                Some(twips(role.size_pt * role.indent_chars).as_str()),
                "{case}: {id} first-line indent"
            );
            let scale = rpr.child("w:w").and_then(|s| s.attr("w:val"));
            let want = profile
                .char_scale_percent()
                .filter(|_| role.size_pt == profile.body.size_pt)
                .map(|v| v.to_string());
            assert_eq!(scale, want.as_deref(), "{case}: {id} horizontal scale");
        }
        // Document defaults carry the body type, so unstyled text is never Calibri.
        let defaults = styles.find("w:rPrDefault").unwrap().child("w:rPr").unwrap();
        assert_eq!(
            run_type(defaults),
            expected_type(&profile, &profile.body),
            "{case}"
        );
    }
}

#[test]
fn official_profile_is_gb_t_9704() {
    let p = Profile::builtin("official").unwrap();
    let doc = speeches::progress_meeting();
    let parts = parts(&write_docx(&doc, &p, &meta(&doc)).unwrap());
    let styles = xml(&parts, "word/styles.xml");
    let style = |id: &str| {
        styles
            .descendants("w:style")
            .into_iter()
            .find(|s| s.attr("w:styleId") == Some(id))
            .unwrap()
            .clone()
    };
    let fonts = |id: &str| run_type(style(id).child("w:rPr").unwrap());
    let t = fonts("SpeechTitle");
    assert_eq!(
        (t.east_asia.as_str(), t.size_half_points.as_str()),
        ("方正小标宋简体", "44")
    );
    assert_eq!(t.ascii, "Times New Roman");
    assert_eq!(fonts("SpeechByline").east_asia, "楷体_GB2312");
    let body = fonts("BodyText");
    assert_eq!(
        (body.east_asia.as_str(), body.size_half_points.as_str()),
        ("仿宋_GB2312", "32")
    );
    assert_eq!(fonts("Heading1").east_asia, "黑体");
    assert_eq!(fonts("Heading2").east_asia, "楷体_GB2312");
    assert_eq!(fonts("Heading3").east_asia, "仿宋_GB2312");
    assert_eq!(fonts("Heading4").east_asia, "仿宋_GB2312");
    let ind = |id: &str| {
        style(id)
            .child("w:pPr")
            .unwrap()
            .child("w:ind")
            .unwrap()
            .attr("w:firstLine")
            .unwrap()
            .to_string()
    };
    assert_eq!(ind("BodyText"), "640");
    assert_eq!(ind("Salutation"), "0");

    let document = xml(&parts, "word/document.xml");
    let sect = document.find("w:sectPr").unwrap();
    let size = sect.child("w:pgSz").unwrap();
    assert_eq!(
        (size.attr("w:w"), size.attr("w:h")),
        (Some("11906"), Some("16838"))
    );
    let mar = sect.child("w:pgMar").unwrap();
    assert_eq!(
        ["w:top", "w:bottom", "w:left", "w:right"].map(|k| mar.attr(k).unwrap()),
        ["2098", "1984", "1587", "1474"],
        "37/35/28/26 mm"
    );
    let grid = sect.child("w:docGrid").unwrap();
    assert_eq!(grid.attr("w:type"), Some("lines"));
    assert_eq!(grid.attr("w:linePitch"), Some("579"));
    assert_eq!(grid.attr("w:charSpace"), None);
}

/// Characters Word sets in the Latin font unless the run is hinted eastAsia.
const SHARED: &[char] = &['‘', '’', '“', '”', '—', '…', '·'];

#[test]
fn runs_and_paragraphs_carry_only_what_differs_from_their_style() {
    for (case, _, _, parts) in generated() {
        let styles = xml(&parts, "word/styles.xml");
        let ids: Vec<&str> = styles
            .descendants("w:style")
            .iter()
            .filter_map(|s| s.attr("w:styleId"))
            .collect();
        for (name, data) in &parts {
            if !(name == "word/document.xml" || name.starts_with("word/footer")) {
                continue;
            }
            let root = parse(data).unwrap();
            for p in root.descendants("w:p") {
                let ppr = p.child("w:pPr").unwrap_or_else(|| panic!("{case}: no pPr"));
                let style = ppr.child("w:pStyle").and_then(|s| s.attr("w:val")).unwrap();
                assert!(ids.contains(&style), "{case}: unknown style {style}");
                for prop in ppr.elements() {
                    let allowed = match prop.name.as_str() {
                        "w:pStyle" => true,
                        // the blank line closing a title block without byline
                        "w:spacing" => {
                            ["SpeechTitle", "SpeechSubtitle"].contains(&style)
                                && prop.attrs.len() == 1
                                && prop.attr("w:after").is_some()
                        }
                        // page numbers: odd right, even left
                        "w:ind" | "w:jc" => style == "Footer",
                        _ => false,
                    };
                    assert!(allowed, "{case} {name}: direct {} on {style}", prop.name);
                }
            }
            for run in root.descendants("w:r") {
                let text = ooxml::paragraph_text(run);
                let hint = run
                    .find("w:rFonts")
                    .and_then(|f| f.attr("w:hint"))
                    .is_some_and(|h| h == "eastAsia");
                assert_eq!(hint, text.contains(SHARED), "{case}: hint on {text:?}");
                let Some(rpr) = run.child("w:rPr") else {
                    continue;
                };
                for prop in rpr.elements() {
                    match prop.name.as_str() {
                        "w:rStyle" => {
                            let v = prop.attr("w:val").unwrap();
                            assert!(v.starts_with("Heading") && v.ends_with("Char"), "{case}");
                        }
                        "w:rFonts" => assert_eq!(prop.attrs.len(), 1, "{case}: only the hint"),
                        other => panic!("{case} {name}: direct {other} on a run"),
                    }
                }
            }
        }
    }
}

#[test]
fn fonts_are_declared_with_their_fallbacks_and_the_language_is_chinese() {
    for (case, _, profile, parts) in generated() {
        let table = xml(&parts, "word/fontTable.xml");
        let fonts = table.descendants("w:font");
        let names: Vec<&str> = fonts.iter().filter_map(|f| f.attr("w:name")).collect();
        let styles = xml(&parts, "word/styles.xml");
        for r in styles.descendants("w:rFonts") {
            for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
                let face = r.attr(slot).unwrap();
                assert!(names.contains(&face), "{case}: {face} not in fontTable");
            }
        }
        for font in fonts {
            let name = font.attr("w:name").unwrap();
            let info = &profile.fonts[name];
            let child = |n: &str| font.child(n).and_then(|c| c.attr("w:val"));
            assert_eq!(
                child("w:altName"),
                info.alt_name.as_deref(),
                "{case}: {name}"
            );
            assert_eq!(child("w:panose1"), info.panose.as_deref(), "{case}: {name}");
            assert_eq!(
                child("w:charset"),
                Some(info.charset.as_str()),
                "{case}: {name}"
            );
            assert_eq!(
                child("w:family"),
                Some(info.family.as_str()),
                "{case}: {name}"
            );
            assert_eq!(
                child("w:pitch"),
                Some(info.pitch.as_str()),
                "{case}: {name}"
            );
            if name != profile.latin_font {
                assert_eq!(child("w:charset"), Some("86"), "{case}: {name} is GB2312");
                assert!(info.alt_name.is_some(), "{case}: {name} has a fallback");
            }
        }
        let lang = styles.find("w:rPrDefault").unwrap().find("w:lang").unwrap();
        assert_eq!(lang.attr("w:eastAsia"), Some("zh-CN"), "{case}");
        let settings = xml(&parts, "word/settings.xml");
        let theme = settings.find("w:themeFontLang").unwrap();
        assert_eq!(theme.attr("w:eastAsia"), Some("zh-CN"), "{case}");
        let widow = styles
            .find("w:pPrDefault")
            .unwrap()
            .find("w:widowControl")
            .unwrap();
        assert_eq!(
            widow.attr("w:val"),
            Some("0"),
            "{case}: widow control off for the grid"
        );
    }
}

#[test]
fn run_in_heading_keeps_its_font_for_the_lead_only() {
    let p = Profile::builtin("official").unwrap();
    let doc = speeches::progress_meeting();
    let parts = parts(&write_docx(&doc, &p, &meta(&doc)).unwrap());
    let document = xml(&parts, "word/document.xml");
    let styles = xml(&parts, "word/styles.xml");
    let para = document
        .descendants("w:p")
        .into_iter()
        .find(|p| ooxml::paragraph_text(p).starts_with("（一）要看到成绩。"))
        .unwrap();
    let style = para.find("w:pStyle").unwrap().attr("w:val");
    assert_eq!(style, Some("BodyText"));
    let runs = para.descendants("w:r");
    assert_eq!(runs.len(), 2);
    assert_eq!(ooxml::paragraph_text(runs[0]), "（一）要看到成绩。");
    let run_style = |r: &Element| {
        r.find("w:rStyle")
            .and_then(|s| s.attr("w:val"))
            .map(String::from)
    };
    assert_eq!(run_style(runs[0]).as_deref(), Some("Heading2Char"));
    assert_eq!(run_style(runs[1]), None);
    assert_eq!(style_type(&styles, "Heading2Char").east_asia, "楷体_GB2312");
    assert_eq!(style_type(&styles, "BodyText").east_asia, "仿宋_GB2312");
    let level3 = document
        .descendants("w:p")
        .into_iter()
        .find(|p| ooxml::paragraph_text(p).starts_with("2.强化要素保障。"))
        .unwrap();
    let runs = level3.descendants("w:r");
    assert_eq!(run_style(runs[0]).as_deref(), Some("Heading3Char"));
    assert_eq!(style_type(&styles, "Heading3Char").east_asia, "仿宋_GB2312");
}

/// The run type a style sets.
fn style_type(styles: &Element, id: &str) -> Type {
    let style = styles
        .descendants("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"));
    run_type(style.child("w:rPr").unwrap())
}

#[test]
fn headings_have_their_level_and_outline() {
    for (case, doc, _, parts) in generated() {
        let document = xml(&parts, "word/document.xml");
        let styles = xml(&parts, "word/styles.xml");
        let paragraphs = document.descendants("w:p");
        for block in &doc.blocks {
            // a heading, or a lead with nothing after it (a standalone 首先，……。)
            let (level, text) = match block {
                Block::Heading(h) => (h.level, h.text.clone()),
                Block::Paragraph(p) if p.text.is_empty() && p.lead.is_some() => {
                    let lead = p.lead.as_ref().unwrap();
                    (lead.level, lead.text.clone())
                }
                _ => continue,
            };
            let text = clean(&text).to_string();
            let para = paragraphs
                .iter()
                .find(|p| ooxml::paragraph_text(p) == text)
                .unwrap_or_else(|| panic!("{case}: {text}"));
            let want = format!("Heading{level}");
            assert_eq!(
                para.find("w:pStyle").unwrap().attr("w:val"),
                Some(want.as_str()),
                "{case}: {text}"
            );
        }
        for level in 1..=4 {
            let id = format!("Heading{level}");
            let style = styles
                .descendants("w:style")
                .into_iter()
                .find(|s| s.attr("w:styleId") == Some(id.as_str()))
                .unwrap();
            let ppr = style.child("w:pPr").unwrap();
            let outline = (level - 1).to_string();
            assert_eq!(
                ppr.child("w:outlineLvl").and_then(|o| o.attr("w:val")),
                Some(outline.as_str()),
                "{case}: {id}"
            );
            assert!(
                ppr.child("w:keepNext").is_some(),
                "{case}: {id} keep-with-next"
            );
            assert_eq!(
                style.child("w:name").and_then(|n| n.attr("w:val")),
                Some(format!("heading {level}").as_str()),
                "{case}: Word's built-in heading name"
            );
        }
    }
}

#[test]
fn title_block_subtitle_byline_and_gap() {
    let p = Profile::builtin("official").unwrap();
    let gap = p.line_pitch_twips().to_string();
    let styled = |doc: &Doc| -> Vec<(String, String, Option<String>)> {
        let parts = parts(&write_docx(doc, &p, &meta(doc)).unwrap());
        xml(&parts, "word/document.xml")
            .descendants("w:p")
            .iter()
            .map(|para| {
                let ppr = para.child("w:pPr").unwrap();
                (
                    ppr.child("w:pStyle")
                        .unwrap()
                        .attr("w:val")
                        .unwrap()
                        .to_string(),
                    ooxml::paragraph_text(para),
                    ppr.child("w:spacing")
                        .and_then(|s| s.attr("w:after"))
                        .map(String::from),
                )
            })
            .take(4)
            .collect()
    };
    let s = |a: &str, b: &str, c: Option<&str>| (a.to_string(), b.to_string(), c.map(String::from));
    assert_eq!(
        styled(&speeches::sequence_article()),
        [
            s("SpeechTitle", "以实干担当推动高质量发展", None),
            s(
                "SpeechSubtitle",
                "——在县委理论学习中心组专题学习会上的发言",
                None
            ),
            s("SpeechByline", "（2026年5月20日）", None),
            s("SpeechByline", "县委副书记　王芳", None),
        ]
    );
    assert_eq!(
        styled(&speeches::no_byline())[..2],
        [
            s("SpeechTitle", "在全区安全生产工作例会上的讲话", Some(&gap)),
            s("Salutation", "同志们：", None),
        ]
    );
    // no gap between the date and speaker lines, one blank line after the last
    let parts =
        parts(&write_docx(&speeches::no_byline(), &p, &meta(&speeches::no_byline())).unwrap());
    let styles = xml(&parts, "word/styles.xml");
    let byline = styles
        .descendants("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("SpeechByline"))
        .unwrap();
    assert!(byline.find("w:contextualSpacing").is_some());
    assert_eq!(
        byline.find("w:spacing").unwrap().attr("w:after"),
        Some(gap.as_str())
    );
    assert_eq!(style_type(&styles, "SpeechSubtitle").size_half_points, "32");
}

/// The footers, with their relationship type (default = odd pages, even).
fn footers(parts: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Element> {
    let document = xml(parts, "word/document.xml");
    let rels = xml(parts, "word/_rels/document.xml.rels");
    let mut out = BTreeMap::new();
    for reference in document.descendants("w:footerReference") {
        let rid = reference.attr("r:id").unwrap();
        let target = rels
            .descendants("Relationship")
            .into_iter()
            .find(|r| r.attr("Id") == Some(rid))
            .unwrap()
            .attr("Target")
            .unwrap()
            .to_string();
        out.insert(
            reference.attr("w:type").unwrap().to_string(),
            xml(parts, &format!("word/{target}")),
        );
    }
    out
}

#[test]
fn page_numbers_are_page_fields_outside_one_character_in() {
    for (case, _, profile, parts) in generated() {
        let settings = xml(&parts, "word/settings.xml");
        assert!(settings.find("w:evenAndOddHeaders").is_some(), "{case}");
        let footers = footers(&parts);
        assert_eq!(
            footers.keys().collect::<Vec<_>>(),
            ["default", "even"],
            "{case}"
        );
        let indent = twips(profile.page_number.size_pt * profile.page_number.edge_indent_chars);
        for (kind, jc, side) in [("default", "right", "w:right"), ("even", "left", "w:left")] {
            let footer = &footers[kind];
            let p = footer.find("w:p").unwrap();
            assert_eq!(ooxml::paragraph_text(p), "— 1 —", "{case} {kind}");
            assert_eq!(
                p.find("w:jc").unwrap().attr("w:val"),
                Some(jc),
                "{case} {kind}"
            );
            assert_eq!(p.find("w:ind").unwrap().attr(side), Some(indent.as_str()));
            let chars: Vec<&str> = p
                .descendants("w:fldChar")
                .iter()
                .map(|f| f.attr("w:fldCharType").unwrap())
                .collect();
            assert_eq!(chars, ["begin", "separate", "end"], "{case} {kind}");
            assert_eq!(p.find("w:instrText").unwrap().text().trim(), "PAGE");
            let t = style_type(&xml(&parts, "word/styles.xml"), "Footer");
            assert_eq!(t.east_asia, profile.page_number.font);
            assert_eq!(t.ascii, profile.page_number.font);
            assert_eq!(t.size_half_points, "28");
        }
    }
}

#[test]
fn core_properties_have_title_author_and_date() {
    let doc = speeches::special_characters();
    let profile = Profile::builtin("official").unwrap();
    let meta = DocxMeta {
        title: "关于A&B项目<试点>的讲话\u{1}".into(),
        author: Some("张明 \"县委书记\"".into()),
        created: chrono::NaiveDate::from_ymd_opt(2026, 1, 15),
    };
    let parts = parts(&write_docx(&doc, &profile, &meta).unwrap());
    let core = xml(&parts, "docProps/core.xml");
    assert_eq!(
        core.find("dc:title").unwrap().text(),
        "关于A&B项目<试点>的讲话"
    );
    assert_eq!(core.find("dc:creator").unwrap().text(), "张明 \"县委书记\"");
    let created = core.find("dcterms:created").unwrap();
    assert_eq!(created.text(), "2026-01-15T00:00:00Z");
    assert_eq!(created.attr("xsi:type"), Some("dcterms:W3CDTF"));

    let bare = DocxMeta {
        title: "讲话".into(),
        author: None,
        created: None,
    };
    let parts = ooxml::parts(&write_docx(&doc, &profile, &bare).unwrap());
    let core = xml(&parts, "docProps/core.xml");
    assert!(core.find("dc:creator").is_none(), "no invented author");
    assert!(core.find("dcterms:created").is_none(), "no invented date");
}

#[test]
fn empty_doc_still_makes_a_valid_file() {
    let profile = Profile::builtin("official").unwrap();
    let parts = parts(&write_docx(&Doc::default(), &profile, &DocxMeta::default()).unwrap());
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            parse(data).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

/// `document.xml` of the short speech, pinned; `BLESS=1 cargo test` rewrites it.
#[test]
fn document_xml_snapshot() {
    let profile = Profile::builtin("official").unwrap();
    let doc = speeches::progress_meeting();
    let parts = parts(&write_docx(&doc, &profile, &meta(&doc)).unwrap());
    for (part, golden) in [
        ("word/document.xml", "tests/docx/progress.document.xml"),
        ("word/styles.xml", "tests/docx/progress.styles.xml"),
        ("word/footer1.xml", "tests/docx/progress.footer1.xml"),
    ] {
        let actual = String::from_utf8(parts[part].clone())
            .unwrap()
            .replace("><", ">\n<");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(golden);
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{golden} missing: run BLESS=1 cargo test --test docx"));
        assert!(
            expected == actual,
            "{part} differs from {golden}; check the diff, then BLESS=1 cargo test --test docx"
        );
    }
}

// ---- profiles ----

fn profile_error(source: &str) -> String {
    Profile::parse(source, Path::new("mine.toml"))
        .unwrap_err()
        .to_string()
}

fn official_with(from: &str, to: &str) -> String {
    let source = Profile::builtin_source("official").unwrap();
    assert!(source.contains(from), "{from}");
    source.replacen(from, to, 1)
}

#[test]
fn builtin_profiles_are_listed_and_ejectable() {
    let names: Vec<&str> = Profile::builtin_names().iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["official", "reading", "windows"]);
    for name in names {
        let source = Profile::builtin_source(name).unwrap();
        let parsed = Profile::parse(source, Path::new("x.toml")).unwrap();
        assert_eq!(Some(parsed), Profile::builtin(name));
    }
    let reading = Profile::builtin("reading").unwrap();
    assert!(reading.body.size_pt >= 16.0 && reading.grid.line_pitch_pt >= 30.0);
}

#[test]
fn profile_font_names_and_sizes_out_of_range() {
    let errors: Vec<String> = [
        ("font = \"黑体\"", "font = \"黑\\u0001体\""),
        ("margin-left-mm = 28", "margin-left-mm = 1e308"),
        ("width-mm = 210", "width-mm = 1e308"),
        ("size-pt = 22", "size-pt = 1e308"),
        ("panose = \"02010609060101010101\"", "panose = \"黑体\""),
        ("charset = \"00\"", "charset = 0"),
    ]
    .iter()
    .map(|(from, to)| profile_error(&official_with(from, to)))
    .collect();
    assert_eq!(
        errors,
        [
            "mine.toml:50:8：[heading1] 的 `font` “黑体” 的第 2 个字符是控制字符 U+0001，不能写进 Word 文件\n  \
             提示：字体名只写字体本身的名字，例如 \"仿宋_GB2312\"、\"黑体\"；删去其中看不见的字符",
            "mine.toml:15:18：页边距 `margin-left-mm`（1e308 毫米）比纸张（210 毫米）还大\n  \
             提示：页边距以毫米计，GB/T 9704 为上 37、下 35、左 28、右 26",
            "mine.toml:11:12：纸张尺寸 `width-mm` 太大（1e308 毫米），Word 的纸张最大 558.8 毫米\n  \
             提示：A4 纸为宽 210、高 297（毫米）",
            "mine.toml:29:11：[title] 的字号 `size-pt` 太大（1e308 磅），Word 最大 1584 磅\n  \
             提示：字号以磅计：三号 16，二号 22，小二 18，四号 14",
            "mine.toml:114:10：[fonts.\"黑体\"] 的 `panose` 应是 20 位十六进制数字（现在是 \"黑体\"）\n  \
             提示：例如仿宋为 \"02010609060101010101\"；不知道就删去这一行",
            "mine.toml:128:11：值的类型不对：这里应写文字，现在写的是数字\n  \
             提示：数字不加引号（size-pt = 16），文字加引号（font = \"黑体\"）",
        ]
    );
    // what reaches the XML is escaped and free of control characters even without the check
    assert_eq!(jianghua::render::docx::escape_xml("黑\u{1}体<"), "黑体&lt;");
}

#[test]
fn profile_load_reads_a_file_and_names_missing_files() {
    let dir = std::env::temp_dir().join(format!("jianghua-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.toml");
    std::fs::write(&path, official_with("size-pt = 22", "size-pt = 24")).unwrap();
    assert_eq!(Profile::load(&path).unwrap().title.size_pt, 24.0);
    let missing = dir.join("none.toml");
    assert_eq!(
        Profile::load(&missing).unwrap_err().to_string(),
        format!("无法读取 {}：文件或目录不存在", missing.display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn profile_unknown_key_suggests_the_nearest() {
    assert_eq!(
        profile_error(&official_with("margin-top-mm = 37", "margin-tp-mm = 37")),
        "mine.toml:13:1：版式文件中有未知的键 `margin-tp-mm`\n  提示：是不是想写 `margin-top-mm`？\
         这里可用的键：width-mm、height-mm、margin-top-mm、margin-bottom-mm、margin-left-mm、\
         margin-right-mm、footer-mm"
    );
}

#[test]
fn profile_negative_margin() {
    assert_eq!(
        profile_error(&official_with("margin-left-mm = 28", "margin-left-mm = -5")),
        "mine.toml:15:18：页边距 `margin-left-mm` 不能为负数（现在是 -5）\n  提示：页边距以毫米计，\
         GB/T 9704 为上 37、下 35、左 28、右 26"
    );
}

#[test]
fn profile_font_size_zero() {
    assert_eq!(
        profile_error(&official_with(
            "size-pt = 16\nalign = \"justify\"",
            "size-pt = 0\nalign = \"justify\""
        )),
        "mine.toml:45:11：[body] 的字号 `size-pt` 必须大于 0（现在是 0）\n  提示：字号以磅计：三号 16，\
         二号 22，小二 18，四号 14"
    );
}

#[test]
fn profile_grid_that_cannot_fit() {
    assert_eq!(
        profile_error(&official_with("lines = 22", "lines = 30")),
        "mine.toml:22:9：版心放不下这个网格：30 行 × 28.95 磅 = 868.5 磅，版心高只有 637.8 磅\
         （225.0 毫米）\n  提示：按这个行距每页最多排 22 行；减少 lines、减小 line-pitch-pt 或减小上下页边距"
    );
    assert_eq!(
        profile_error(&official_with("chars = 28", "chars = 40")),
        "mine.toml:25:9：版心宽 156.0 毫米排不成每行 40 字：正文字号 16 磅时一行约排 27 字\n  \
         提示：每行字数只能在自然字数上下略作调整；改 chars，或删去这一行不缩放字形"
    );
}

#[test]
fn profile_other_mistakes() {
    assert_eq!(
        profile_error(&official_with("align = \"center\"", "align = \"middle\"")),
        "mine.toml:30:9：不认识的取值 `middle`\n  提示：可用的取值：left、center、right、justify"
    );
    assert_eq!(
        profile_error(&official_with(
            "format = \"— {page} —\"",
            "format = \"第页\""
        )),
        "mine.toml:75:10：页码格式 `format` 必须正好包含一个 {page}（现在是 \"第页\"）\n  \
         提示：公文页码写作 \"— {page} —\""
    );
    assert_eq!(
        profile_error(&official_with("size-pt = 22", "size-pt = \"22\"")),
        "mine.toml:29:11：值的类型不对：这里应写数字，现在写的是文字\n  \
         提示：数字不加引号（size-pt = 16），文字加引号（font = \"黑体\"）"
    );
    assert_eq!(
        profile_error(&official_with("footer-mm = 25\n", "")),
        "mine.toml:10:1：版式文件缺少必填的键 `footer-mm`\n  提示：参照内置版式补上这一项：\
         `jianghua profiles` 列出内置版式，可导出为文件再改"
    );
    assert_eq!(
        profile_error(&official_with("lines = 22", "lines = -3")),
        "mine.toml:22:9：取值不对：这里应写不小于 0 的整数，现在是 -3\n  提示：行数、字数写整数，例如 lines = 22"
    );
    assert_eq!(
        profile_error("name = \"x\"\nlines = [1,"),
        "mine.toml:2:12：版式文件不是有效的 TOML：数组少了右方括号 ]\n  提示：检查这一行的引号、等号和方括号；文字要放在英文双引号里，如 font = \"黑体\""
    );
}

mod arbitrary_text {
    use super::*;
    use proptest::prelude::*;

    /// Any text at all (control characters, XML specials, astral planes) in any role
    /// gives a file whose every part parses and whose text is the cleaned input.
    fn any_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                any::<char>(),
                Just('<'),
                Just('&'),
                Just('\t'),
                Just('\n'),
                Just('\r'),
                Just('\u{0}'),
                Just('\u{ffff}'),
                Just(']'),
                Just('>'),
            ],
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_makes_well_formed_parts(
            title in any_text(),
            body in any_text(),
            lead in any_text(),
            level in 0u8..6,
        ) {
            let doc = Doc {
                blocks: vec![
                    Block::Title { text: title.clone() },
                    Block::Heading(jianghua::Heading { level, text: lead.clone() }),
                    Block::Paragraph(jianghua::Paragraph {
                        lead: Some(jianghua::Heading { level, text: lead }),
                        text: body,
                        closing: false,
                    }),
                ],
            };
            let meta = DocxMeta { title, author: Some("\u{1}作者&<".into()), created: None };
            let profile = Profile::builtin("official").unwrap();
            let parts = parts(&write_docx(&doc, &profile, &meta).unwrap());
            for (name, data) in &parts {
                if name.ends_with(".xml") || name.ends_with(".rels") {
                    prop_assert!(parse(data).is_ok(), "{}: {:?}", name, parse(data).err());
                }
            }
            // Each run is cleaned on its own (a CR ending the lead is a line break of its own).
            let expected: String = doc
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(p) => {
                        let lead = p.lead.as_ref().map(|l| clean(&l.text).into_owned());
                        format!("{}{}\n", lead.unwrap_or_default(), clean(&p.text))
                    }
                    // line breaks in a title are typesetting (see `body_text`)
                    Block::Title { text } => format!("{}\n", clean(text).replace('\n', "")),
                    other => format!("{}\n", clean(&other.text())),
                })
                .collect();
            let text = body_text(&xml(&parts, "word/document.xml"));
            prop_assert_eq!(text, expected);
        }
    }
}

/// Word reads property elements in schema order and drops what is out of place, so these
/// pairs must come in this order wherever both appear.
#[test]
fn property_children_are_in_schema_order() {
    let rules: &[(&str, &str, &str)] = &[
        ("w:rPr", "w:rFonts", "w:sz"),
        ("w:rPr", "w:rFonts", "w:w"),
        ("w:rPr", "w:w", "w:sz"),
        ("w:rPr", "w:sz", "w:szCs"),
        ("w:pPr", "w:pStyle", "w:jc"),
        ("w:pPr", "w:keepNext", "w:widowControl"),
        ("w:pPr", "w:widowControl", "w:spacing"),
        ("w:pPr", "w:snapToGrid", "w:spacing"),
        ("w:pPr", "w:spacing", "w:ind"),
        ("w:pPr", "w:ind", "w:jc"),
        ("w:pPr", "w:jc", "w:outlineLvl"),
        ("w:pPr", "w:outlineLvl", "w:rPr"),
        ("w:pPr", "w:jc", "w:rPr"),
        ("w:style", "w:name", "w:basedOn"),
        ("w:style", "w:basedOn", "w:next"),
        ("w:style", "w:next", "w:qFormat"),
        ("w:style", "w:qFormat", "w:pPr"),
        ("w:style", "w:pPr", "w:rPr"),
        ("w:sectPr", "w:footerReference", "w:pgSz"),
        ("w:sectPr", "w:pgSz", "w:pgMar"),
        ("w:sectPr", "w:pgMar", "w:docGrid"),
        ("w:settings", "w:zoom", "w:defaultTabStop"),
        ("w:settings", "w:defaultTabStop", "w:evenAndOddHeaders"),
        ("w:settings", "w:evenAndOddHeaders", "w:compat"),
    ];
    let mut checked = 0;
    for (case, _, _, parts) in generated() {
        for (name, data) in &parts {
            if !(name.starts_with("word/") && name.ends_with(".xml")) {
                continue;
            }
            let root = parse(data).unwrap();
            for (parent, first, then) in rules {
                let mut parents = root.descendants(parent);
                if root.name == *parent {
                    parents.push(&root);
                }
                for p in parents {
                    let names: Vec<&str> = p.elements().map(|e| e.name.as_str()).collect();
                    let last_first = names.iter().rposition(|n| n == first);
                    let first_then = names.iter().position(|n| n == then);
                    if let (Some(a), Some(b)) = (last_first, first_then) {
                        checked += 1;
                        assert!(
                            a < b,
                            "{case} {name}: {first} after {then} in {parent}: {names:?}"
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} pairs checked");
}

#[test]
fn centred_page_numbers_need_no_even_footer() {
    let source = Profile::builtin_source("official")
        .unwrap()
        .replace("placement = \"outside\"", "placement = \"center\"");
    let profile = Profile::parse(&source, Path::new("c.toml")).unwrap();
    let doc = speeches::progress_meeting();
    let parts = parts(&write_docx(&doc, &profile, &meta(&doc)).unwrap());
    let settings = xml(&parts, "word/settings.xml");
    assert!(settings.find("w:evenAndOddHeaders").is_none());
    let footers = footers(&parts);
    assert_eq!(footers.keys().collect::<Vec<_>>(), ["default"]);
    let p = footers["default"].find("w:p").unwrap();
    assert_eq!(p.find("w:jc").unwrap().attr("w:val"), Some("center"));
    assert_eq!(ooxml::paragraph_text(p), "— 1 —");
}
