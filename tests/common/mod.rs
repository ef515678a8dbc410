//! Helpers shared by the integration test crates: running the binary and finding the examples.
#![allow(dead_code)] // each test crate uses a different subset

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `jianghua` binary, run in `dir`.
pub fn jianghua(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("jianghua").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// The stderr of a run that must fail.
pub fn stderr_of(dir: &Path, args: &[&str]) -> String {
    let out = jianghua(dir).args(args).output().unwrap();
    assert!(!out.status.success(), "expected failure for {args:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// The example specs (`examples/*.toml`), sorted.
pub fn example_specs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    specs
}

/// A .docx (written by docx-rs, as a user's Word file would be) with one paragraph per line.
pub fn docx_of_lines(lines: &[&str]) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run};
    let mut docx = Docx::new();
    for line in lines {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*line)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

/// The sample corpus (`$JIANGHUA_CORPUS`, default `../shared/corpus`), or None when it is absent
/// and was not asked for; a `JIANGHUA_CORPUS` without `seeds/` is a mistake and fails the test.
pub fn corpus() -> Option<PathBuf> {
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

/// The files of a folder, sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The file names in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    files_in(dir)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect()
}
