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
