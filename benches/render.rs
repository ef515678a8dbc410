//! In-process render time of the longest example spec (target: under 1 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use jianghua::render::render_markdown;
use jianghua::spec;
use jianghua::template::TemplateSet;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The example spec whose Markdown is longest.
fn longest_example() -> PathBuf {
    std::fs::read_dir("examples")
        .expect("run from the repository root")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .max_by_key(|p| std::fs::metadata(p.with_extension("md")).map_or(0, |m| m.len()))
        .expect("examples/*.toml")
}

fn bench(c: &mut Criterion) {
    let path = longest_example();
    let source = std::fs::read_to_string(&path).unwrap();
    let templates = TemplateSet::default();
    let name = format!("render {}", path.display());
    // parse + validate + render + parse Markdown + write Markdown, templates compiled once
    c.bench_function(&format!("{name} (from TOML, templates compiled)"), |b| {
        b.iter(|| {
            let spec = spec::parse(black_box(&source), Path::new("x.toml")).unwrap();
            render_markdown(&spec, &templates).unwrap()
        })
    });
    // the same, compiling the templates every time (a one-off CLI run)
    c.bench_function(&format!("{name} (from TOML, cold templates)"), |b| {
        b.iter(|| {
            let spec = spec::parse(black_box(&source), Path::new("x.toml")).unwrap();
            render_markdown(&spec, &TemplateSet::default()).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
