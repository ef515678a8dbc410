//! `render -f html`: every example gives strictly well-formed markup, the same text as its
//! Markdown, page numbers in order, and (with Chromium) prints to A4 PDF pages.

mod common;

use common::{example_specs, jianghua};
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::path::Path;

/// What a reader sees in the HTML: the text of each block (fragments split over pages joined),
/// the page numbers, and the page count the markup declares.
struct Seen {
    blocks: BTreeMap<usize, String>,
    numbers: Vec<String>,
    sections: usize,
    declared: usize,
}

/// Parses the HTML as strict XML (balanced tags, quoted attributes, known entities only).
fn read_html(html: &str) -> Seen {
    let mut reader = quick_xml::Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut seen = Seen {
        blocks: BTreeMap::new(),
        numbers: Vec::new(),
        sections: 0,
        declared: 0,
    };
    // (element name, block index if it is a block, true if it is the page number)
    let mut stack: Vec<(String, Option<usize>, bool)> = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let mut block = stack.last().and_then(|s| s.1);
                let mut number = stack.last().is_some_and(|s| s.2);
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("attribute value")
                        .to_string();
                    match a.key.as_ref() {
                        "data-b" => block = Some(value.parse().unwrap()),
                        "class" if value == "pn" => number = true,
                        "class" if value.starts_with("page ") => seen.sections += 1,
                        "data-pages" => seen.declared = value.parse().unwrap(),
                        _ => {}
                    }
                }
                stack.push((e.name().as_ref().to_string(), block, number));
            }
            Ok(Event::Empty(_)) => {}
            Ok(Event::End(e)) => {
                let top = stack.pop().expect("an open element");
                assert_eq!(top.0, e.name().as_ref());
            }
            Ok(Event::Text(t)) => {
                let text = t.to_string();
                match stack.last() {
                    Some((_, _, true)) => seen.numbers.push(text),
                    Some((_, Some(b), _)) => seen.blocks.entry(*b).or_default().push_str(&text),
                    Some((name, _, _)) if name == "style" || name == "title" => {}
                    _ => assert!(text.trim().is_empty(), "stray text {text:?}"),
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let name = r.to_string();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    other => panic!("unexpected entity &{other};"),
                };
                match stack.last() {
                    Some((_, Some(b), false)) => seen.blocks.entry(*b).or_default().push_str(c),
                    Some((_, _, true)) => seen.numbers.last_mut().unwrap().push_str(c),
                    _ => panic!("entity outside a block"),
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    seen
}

fn render_html(spec: &Path, out: &Path) -> String {
    jianghua(spec.parent().unwrap())
        .arg("render")
        .arg(spec)
        .args(["-f", "html", "-o"])
        .arg(out)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn every_example_is_well_formed_with_the_markdown_text_and_numbered_pages() {
    let dir = tempfile::tempdir().unwrap();
    for spec in example_specs() {
        let html = render_html(&spec, &dir.path().join("out.html"));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            !html.contains("http:") && !html.contains("https:") && !html.contains("src="),
            "{}: no external requests",
            spec.display()
        );
        let seen = read_html(&html);
        let md = std::fs::read_to_string(spec.with_extension("md")).unwrap();
        let doc = jianghua::doc::markdown::parse(&md);
        let want: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| jianghua::render::docx::text::clean(&b.text()).replace('\n', ""))
            .collect();
        let got: Vec<String> = seen.blocks.values().cloned().collect();
        assert_eq!(got, want, "{}", spec.display());
        assert!(seen.sections >= 1);
        assert_eq!(seen.sections, seen.declared);
        let numbers: Vec<String> = (1..=seen.sections).map(|n| format!("— {n} —")).collect();
        assert_eq!(seen.numbers, numbers, "{}", spec.display());
    }
}

#[test]
fn html_follows_the_chosen_profile() {
    let dir = tempfile::tempdir().unwrap();
    let spec = example_specs()
        .into_iter()
        .find(|p| p.ends_with("review.toml"))
        .unwrap();
    let out = dir.path().join("r.html");
    jianghua(dir.path())
        .arg("render")
        .arg(&spec)
        .args(["-f", "html", "--profile", "reading", "-o"])
        .arg(&out)
        .assert()
        .success();
    let reading = std::fs::read_to_string(&out).unwrap();
    let official = render_html(&spec, &dir.path().join("o.html"));
    assert!(official.contains("line-height:28.95pt"));
    assert!(!reading.contains("line-height:28.95pt"));
    assert!(read_html(&reading).sections > read_html(&official).sections);
}

/// Headless Chromium flags for a closed network and a throwaway profile.
pub fn chromium_args(profile_dir: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(ToString::to_string)
    .chain([format!("--user-data-dir={}", profile_dir.display())])
    .collect()
}

fn tool(name: &str, version_flag: &str) -> bool {
    std::process::Command::new(name)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn chromium_prints_every_example_to_a4_pages() {
    if !tool("chromium", "--version") || !tool("pdfinfo", "-v") {
        println!("skipped: chromium or pdfinfo not installed (set up by .ci/run)");
        assert!(
            std::env::var_os("JIANGHUA_REQUIRE_TOOLS").is_none(),
            "chromium and pdfinfo required"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for spec in example_specs() {
        let html_path = dir.path().join("print.html");
        let html = render_html(&spec, &html_path);
        let sections = read_html(&html).sections;
        let pdf = dir.path().join("print.pdf");
        let _ = std::fs::remove_file(&pdf);
        let status = std::process::Command::new("chromium")
            .args(chromium_args(&dir.path().join("chrome-profile")))
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html_path.display()))
            .output()
            .unwrap();
        assert!(pdf.exists(), "{}: {status:?}", spec.display());
        let info = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout).to_string();
        assert!(
            info.lines()
                .any(|l| l.starts_with("Page size:") && l.ends_with("(A4)")),
            "{}: {info}",
            spec.display()
        );
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(
            pages,
            sections,
            "{}: one PDF page per page box",
            spec.display()
        );
    }
}

#[test]
fn subtitle_on_its_own_line_and_no_gap_between_date_and_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("s.toml");
    std::fs::write(
        &spec,
        "template = \"regular\"\ntitle = \"在全县安全生产例会上的讲话——以钉钉子精神抓好隐患整改\"\n\
         date = 2026-03-02\nspeaker = \"王强\"\nspeaker-title = \"副县长\"\n\n\
         [[parts]]\nheading = \"压实责任\"\nparagraphs = [\"各单位要把责任落到岗位。\"]\n",
    )
    .unwrap();
    let html = render_html(&spec, &dir.path().join("s.html"));
    // the subtitle is its own paragraph in the subtitle role, after the main title
    let title_at = html.find("<p class=\"t\"").expect("title");
    let sub_at = html.find("<p class=\"st\"").expect("subtitle paragraph");
    assert!(title_at < sub_at);
    let title_p = &html[title_at..sub_at];
    assert!(
        !title_p.contains("——"),
        "the main title keeps no dash: {title_p}"
    );
    assert!(html[sub_at..].starts_with("<p class=\"st\" data-b=\"0\">"));
    // date and speaker lines follow each other with no blank line; one blank line after them
    let first_by = html.find("<p class=\"by\"").expect("byline");
    let last_by = html.rfind("<p class=\"by\"").unwrap();
    assert!(first_by < last_by, "two byline paragraphs");
    assert!(!html[first_by..last_by].contains("class=\"gap\""));
    let after = &html[last_by..];
    let gap = after
        .find("class=\"gap\"")
        .expect("a gap after the title block");
    assert!(gap < after.find("<p class=\"sa\"").expect("salutation"));
}
