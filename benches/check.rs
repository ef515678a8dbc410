//! Checking speed: a 1 MB Markdown draft (our examples and planted-defect draft repeated, so
//! every rule has work to do) read and checked, the whole `check` path but printing.
//! Target: under 50 ms. Run: `cargo bench --bench check`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jianghua::check::{self, Options, read};
use std::path::Path;

const TARGET_BYTES: usize = 1024 * 1024;

/// Our own drafts repeated to 1 MB.
fn draft() -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pieces = Vec::new();
    for name in ["article", "mobilization", "promotion", "regular", "review"] {
        pieces.push(
            std::fs::read_to_string(root.join("examples").join(format!("{name}.md")))
                .expect("example"),
        );
    }
    pieces.push(
        std::fs::read_to_string(root.join("tests/fixtures/check/planted.md")).expect("fixture"),
    );
    let mut out = String::with_capacity(TARGET_BYTES + 8192);
    while out.len() < TARGET_BYTES {
        for p in &pieces {
            out.push_str(p);
            out.push('\n');
        }
    }
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let bytes = draft();
    let path = Path::new("draft.md");
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("1MB markdown draft", |b| {
        b.iter(|| {
            let draft = read::read_bytes(path, &bytes).expect("readable");
            let hits = check::check_draft(&draft, &Options::default());
            check::locate(&draft, "draft.md", &hits).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
