//! Fuzz target: arbitrary bytes as a user template (front matter + Handlebars) → compile →
//! render a fixed spec with it. The template lives in a temp folder beside the spec.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SPEC: &str = "template = \"t.hbs\"\ntitle = \"在全县工作会议上的讲话\"\nspeaker = \"张三\"\n\
[[parts]]\nheading = \"提高认识\"\npoints = [\"要统一思想。\", \"要压实责任。\"]\n\
[[parts]]\nheading = \"抓好落实\"\nparagraphs = [\"各单位要抓好落实。\"]\n";

fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir")).path()
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    let spec_path = dir.join("s.toml");
    if std::fs::write(dir.join("t.hbs"), data).is_err() {
        return;
    }
    let Ok(spec) = jianghua::spec::parse(SPEC, &spec_path) else {
        return;
    };
    let templates = jianghua::template::TemplateSet::with_overlays(Vec::new());
    if let Ok(doc) = jianghua::render::render_doc(&spec, &templates) {
        let _ = jianghua::doc::markdown::to_markdown(&doc);
    }
});
