//! Real readers: LibreOffice turns each .docx into a PDF that poppler reads back (text, A4, lines
//! per page, characters per line, page-number sides), and pandoc reads the .docx as plain text.
//! Skipped with a note when the tools are missing, unless JIANGHUA_REQUIRE_TOOLS=1.

use super::ooxml::{Element, parse};
use super::speeches;
use jianghua::Doc;
use jianghua::render::docx::text::clean;
use jianghua::render::{DocxMeta, Profile, write_docx};
use std::path::{Path, PathBuf};
use std::process::Command;

const TOOLS: [&str; 5] = ["soffice", "pdftotext", "pdfinfo", "pdftoppm", "pandoc"];

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

/// True when every tool is there; otherwise prints the skip note (or fails when tools are required).
fn tools_present() -> bool {
    let missing: Vec<&str> = TOOLS.into_iter().filter(|t| !on_path(t)).collect();
    if missing.is_empty() {
        return true;
    }
    let missing = missing.join(", ");
    if std::env::var("JIANGHUA_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("JIANGHUA_REQUIRE_TOOLS=1 but {missing} not installed");
    }
    println!("skipped: {missing} not installed");
    false
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

/// Where the generated files go: $JIANGHUA_DOCX_OUT, or a folder under target/.
fn out_dir() -> PathBuf {
    let dir = std::env::var_os("JIANGHUA_DOCX_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx-real"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Text without any whitespace: what every reader must agree on.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True for a page-number line such as `— 3 —`.
fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let inner = t.strip_prefix('—').and_then(|t| t.strip_suffix('—'));
    inner.is_some_and(|n| {
        let n = n.trim();
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    })
}

struct Case {
    name: String,
    doc: Doc,
    profile: Profile,
    docx: PathBuf,
}

/// One line of a PDF page as poppler sees it.
#[derive(Debug)]
struct Line {
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
    text: String,
}

struct Page {
    width: f64,
    height: f64,
    lines: Vec<Line>,
}

fn num(e: &Element, key: &str) -> f64 {
    e.attr(key).unwrap().parse().unwrap()
}

/// Pieces of one visual line (split by poppler at a tab's gap) joined, top to bottom.
fn merge_lines(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| {
        a.y_max
            .total_cmp(&b.y_max)
            .then(a.x_min.total_cmp(&b.x_min))
    });
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some(last) if (last.y_max - line.y_max).abs() < 0.5 => {
                last.x_max = last.x_max.max(line.x_max);
                last.y_min = last.y_min.min(line.y_min);
                last.text.push(' ');
                last.text.push_str(&line.text);
            }
            _ => out.push(line),
        }
    }
    out
}

fn pages(bbox: &str) -> Vec<Page> {
    let root = parse(bbox.as_bytes()).expect("pdftotext -bbox-layout output parses");
    root.descendants("page")
        .into_iter()
        .map(|page| Page {
            width: num(page, "width"),
            height: num(page, "height"),
            lines: merge_lines(
                page.descendants("line")
                    .into_iter()
                    .map(|line| Line {
                        x_min: num(line, "xMin"),
                        x_max: num(line, "xMax"),
                        y_min: num(line, "yMin"),
                        y_max: num(line, "yMax"),
                        text: line
                            .descendants("word")
                            .iter()
                            .map(|w| w.text())
                            .collect::<Vec<_>>()
                            .join(" "),
                    })
                    .collect(),
            ),
        })
        .collect()
}

const PT_PER_MM: f64 = 72.0 / 25.4;

#[test]
fn real_readers_agree_with_our_text_and_layout() {
    if !tools_present() {
        return;
    }
    let dir = out_dir();
    let mut cases = Vec::new();
    for (profile_name, _) in Profile::builtin_names() {
        let profile = Profile::builtin(profile_name).unwrap();
        let fixtures = speeches::all().into_iter().map(|(n, d)| (n.to_string(), d));
        for (name, doc) in fixtures.chain(examples()) {
            let name = format!("{name}-{profile_name}");
            let docx = dir.join(format!("{name}.docx"));
            let meta = DocxMeta {
                title: doc.title().unwrap_or("").into(),
                author: Some("张明".into()),
                created: None,
            };
            std::fs::write(&docx, write_docx(&doc, &profile, &meta).unwrap()).unwrap();
            // soffice exits 0 even when a conversion fails: never read a stale PDF.
            let _ = std::fs::remove_file(docx.with_extension("pdf"));
            cases.push(Case {
                name,
                doc,
                profile: profile.clone(),
                docx,
            });
        }
    }

    // One LibreOffice start for all files; its own profile folder so parallel runs don't clash.
    let lo_profile = dir.join("lo-profile");
    let mut soffice = Command::new("soffice");
    soffice
        .arg(format!(
            "-env:UserInstallation=file://{}",
            lo_profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir);
    for case in &cases {
        soffice.arg(&case.docx);
    }
    run(&mut soffice);

    for case in &cases {
        let pdf = case.docx.with_extension("pdf");
        assert!(pdf.is_file(), "{}: LibreOffice wrote no PDF", case.name);
        let want = squeeze(&clean(&case.doc.plain_text()));

        // Text, without the page numbers.
        let text = run(Command::new("pdftotext").arg(&pdf).arg("-"));
        let body: String = text
            .lines()
            .filter(|l| !is_page_number(l))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(squeeze(&body), want, "{}: PDF text", case.name);

        // Paper size.
        let info = run(Command::new("pdfinfo").arg(&pdf));
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or("");
        assert!(size.contains("(A4)"), "{}: {size}", case.name);

        // Layout as poppler sees it.
        let bbox = run(Command::new("pdftotext")
            .arg("-bbox-layout")
            .arg(&pdf)
            .arg("-"));
        let pages = pages(&bbox);
        let p = &case.profile.page;
        let block_bottom = (p.height_mm - p.margin_bottom_mm) * PT_PER_MM;
        for (i, page) in pages.iter().enumerate() {
            let n = i + 1;
            let numbers: Vec<&Line> = page
                .lines
                .iter()
                .filter(|l| l.y_max > block_bottom && is_page_number(&l.text))
                .collect();
            assert_eq!(numbers.len(), 1, "{} page {n}: one page number", case.name);
            let number = numbers[0];
            assert_eq!(
                squeeze(&number.text),
                format!("—{n}—"),
                "{} page {n}",
                case.name
            );
            let edge =
                case.profile.page_number.size_pt * case.profile.page_number.edge_indent_chars;
            let (left_edge, right_edge) = (
                p.margin_left_mm * PT_PER_MM,
                page.width - p.margin_right_mm * PT_PER_MM,
            );
            if n % 2 == 1 {
                assert!(
                    number.x_min > page.width / 2.0,
                    "{} page {n}: odd right",
                    case.name
                );
                let gap = right_edge - number.x_max;
                assert!(
                    (gap - edge).abs() < 3.0,
                    "{} page {n}: {gap:.1} pt from the right edge",
                    case.name
                );
            } else {
                assert!(
                    number.x_max < page.width / 2.0,
                    "{} page {n}: even left",
                    case.name
                );
                let gap = number.x_min - left_edge;
                assert!(
                    (gap - edge).abs() < 3.0,
                    "{} page {n}: {gap:.1} pt from the left edge",
                    case.name
                );
            }
            assert!((page.height - 841.89).abs() < 1.0 && (page.width - 595.28).abs() < 1.0);
        }

        // Every line sits on the grid (compared between lines of one type size), no page holds more than the grid's lines, and a full
        // page (any but the first and last; headings kept with their text may end a page
        // early) holds exactly that many.
        let pitch = case.profile.grid.line_pitch_pt;
        let mut most_lines = 0;
        let mut widths = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let body: Vec<&Line> = page
                .lines
                .iter()
                .filter(|l| l.y_max <= block_bottom)
                .collect();
            assert!(
                body.len() <= case.profile.grid.lines as usize,
                "{} page {}: {} lines",
                case.name,
                i + 1,
                body.len()
            );
            let height = |l: &Line| l.y_max - l.y_min;
            for pair in body.windows(2) {
                if (height(pair[0]) - height(pair[1])).abs() > 0.5 {
                    continue; // different type sizes have different descents
                }
                let steps = (pair[1].y_max - pair[0].y_max) / pitch;
                assert!(
                    (steps - steps.round()).abs() < 0.05 && steps.round() >= 1.0,
                    "{} page {}: line {:?} is {steps:.3} lines below the previous one",
                    case.name,
                    i + 1,
                    pair[1].text
                );
            }
            if i == 0 || i + 1 == pages.len() {
                continue;
            }
            most_lines = most_lines.max(body.len());
            // Characters on full lines: those that reach the right edge of the text block.
            let right_edge = page.width - p.margin_right_mm * PT_PER_MM;
            for line in body {
                if right_edge - line.x_max < case.profile.body.size_pt / 2.0 {
                    widths.push(squeeze(&line.text).chars().count());
                }
            }
        }
        // Only the long speech is written to have pages of body text alone.
        if case.name.starts_with("long") {
            assert!(pages.len() >= 3, "{}: {} pages", case.name, pages.len());
            assert_eq!(
                most_lines, case.profile.grid.lines as usize,
                "{}: lines on a full page",
                case.name
            );
            widths.sort_unstable();
            let most = mode(&widths);
            println!(
                "{}: {} pages, {most_lines} lines per full page, characters per full line: \
                 most often {most}, range {}–{} (a hanging comma or full stop makes one more)",
                case.name,
                pages.len(),
                widths.first().unwrap_or(&0),
                widths.last().unwrap_or(&0)
            );
            if let Some(chars) = case.profile.grid.chars {
                assert_eq!(
                    most, chars as usize,
                    "{}: characters per full line",
                    case.name
                );
            }
        }

        // pandoc reads the same text.
        let plain = run(Command::new("pandoc")
            .args(["-f", "docx", "-t", "plain", "--wrap=none"])
            .arg(&case.docx));
        assert_eq!(squeeze(&plain), want, "{}: pandoc text", case.name);
    }
}

/// Every example spec rendered to its Doc, the way `jianghua render` does.
fn examples() -> Vec<(String, Doc)> {
    let specs = crate::common::example_specs();
    assert!(!specs.is_empty(), "no examples");
    specs
        .into_iter()
        .map(|path| {
            let spec = jianghua::spec::load(&path).unwrap();
            let doc = jianghua::render::render_doc(
                &spec,
                &jianghua::template::TemplateSet::for_spec(None, &path),
            )
            .unwrap();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (format!("example-{name}"), doc)
        })
        .collect()
}

fn mode(sorted: &[usize]) -> usize {
    let mut best = (0, 0);
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|v| **v == sorted[i]).count();
        if j > best.1 {
            best = (sorted[i], j);
        }
        i += j;
    }
    best.0
}
