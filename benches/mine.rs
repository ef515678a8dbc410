//! Mining throughput: the seeds and the real pages (from `$JIANGHUA_CORPUS/seeds` and
//! `real/raw`, default `../shared/corpus`; our fixtures when the corpus is absent) repeated to at least 100 MB of files, mined in
//! parallel across files with rayon, on one thread and on all cores.
//! Run: `cargo bench --bench mine`; MB/s per core = the one-thread figure.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TARGET_BYTES: usize = 100 * 1024 * 1024;

fn sample_files() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("JIANGHUA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"))
        .join("seeds");
    let dir = if corpus.is_dir() {
        corpus
    } else {
        eprintln!("corpus not found; benchmarking on tests/fixtures/mine");
        root.join("tests/fixtures/mine")
    };
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("sample folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read sample");
            (p, bytes)
        })
        .collect();
    // the real pages too (web noise, Markdown front matter, GB18030, .docx), when present
    let real = dir.join("../real/raw");
    if let Ok(entries) = std::fs::read_dir(&real) {
        for p in entries.map(|e| e.expect("entry").path()) {
            let bytes = std::fs::read(&p).expect("read sample");
            files.push((p, bytes));
        }
    }
    files.sort();
    files
}

/// The samples repeated until the corpus holds at least 100 MB.
fn corpus() -> (Vec<(PathBuf, Vec<u8>)>, usize) {
    let samples = sample_files();
    let one_round: usize = samples.iter().map(|(_, b)| b.len()).sum();
    let rounds = TARGET_BYTES.div_ceil(one_round.max(1));
    let files: Vec<_> = (0..rounds).flat_map(|_| samples.iter().cloned()).collect();
    let total = files.iter().map(|(_, b)| b.len()).sum();
    (files, total)
}

fn mine_all(files: &[(PathBuf, Vec<u8>)]) -> usize {
    files
        .par_iter()
        .map(|(path, bytes)| {
            jianghua::mine::mine_bytes(path, bytes)
                .map(|mined| {
                    mined
                        .iter()
                        .map(|m| m.spec().parts.len() + 1)
                        .sum::<usize>()
                })
                .unwrap_or(0)
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let (files, total) = corpus();
    let mut group = c.benchmark_group("mine");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    group.bench_function(format!("{} MB, 1 thread", total >> 20), |b| {
        b.iter(|| one.install(|| mine_all(&files)))
    });
    let cores = rayon::current_num_threads();
    group.bench_function(format!("{} MB, {cores} threads", total >> 20), |b| {
        b.iter(|| mine_all(&files))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
