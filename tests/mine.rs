//! Round trip over the sample corpus: every speech in `$JIANGHUA_CORPUS/seeds` (default
//! `../shared/corpus`) is mined to a spec, the spec is written as TOML, loaded back, rendered
//! with the built-in templates, and the rendered text is compared with the cleaned sample.

use jianghua::mine::{self, Mined};
use jianghua::template::TemplateSet;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = match std::env::var_os("JIANGHUA_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    if dir.join("seeds").is_dir() {
        Some(dir)
    } else if std::env::var_os("JIANGHUA_CORPUS").is_some() {
        panic!("JIANGHUA_CORPUS={} has no seeds/ folder", dir.display());
    } else {
        None
    }
}

fn mine_seeds(dir: &Path) -> Vec<Mined> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| mine::mine_file(f).unwrap())
        .collect()
}

/// Renders a mined speech's spec back to plain text, through TOML and the normal loader.
fn round_trip(m: &Mined) -> String {
    let toml = m.spec_toml();
    let path = Path::new("mined.toml");
    let spec = jianghua::spec::parse(&toml, path)
        .unwrap_or_else(|e| panic!("mined spec does not load: {e}\n{toml}"));
    let doc = jianghua::render::render_doc(&spec, &TemplateSet::default())
        .unwrap_or_else(|e| panic!("mined spec does not render: {e}\n{toml}"));
    doc.plain_text()
}

#[test]
fn corpus_round_trip_is_at_least_98_percent_per_speech() {
    let Some(dir) = corpus() else {
        println!("skipped: corpus not found (set JIANGHUA_CORPUS or put it at ../shared/corpus)");
        return;
    };
    let mined = mine_seeds(&dir);
    let mut failures = Vec::new();
    println!("{:<48} {:>6} {:>9}", "speech", "parts", "similar");
    for m in &mined {
        let rendered = round_trip(m);
        let sim = mine::similarity(&rendered, &m.cleaned_text());
        let name = format!(
            "{} {}",
            m.file
                .file_name()
                .unwrap()
                .to_string_lossy()
                .chars()
                .take(3)
                .collect::<String>(),
            if m.label.is_empty() { "-" } else { &m.label }
        );
        println!(
            "{name:<48} {:>6} {:>8.2}%",
            m.speech.parts.len(),
            sim * 100.0
        );
        if std::env::var_os("JIANGHUA_MINE_DEBUG").is_some() {
            println!(
                "--- cleaned\n{}--- rendered\n{rendered}---",
                m.cleaned_text()
            );
        }
        if sim < 0.98 {
            failures.push(format!("{name}: {:.2}%", sim * 100.0));
        }
    }
    assert_eq!(mined.len(), 16, "the seeds hold 16 speeches");
    assert!(failures.is_empty(), "below 98%: {failures:?}");
}
