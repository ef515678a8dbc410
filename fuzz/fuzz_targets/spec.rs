//! Fuzz target: arbitrary bytes as a spec → load → render with the built-in templates → Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    let Ok(spec) = jianghua::spec::parse(text, path) else {
        return;
    };
    let templates = jianghua::template::TemplateSet::with_overlays(Vec::new());
    if let Ok(doc) = jianghua::render::render_doc(&spec, &templates) {
        let _ = jianghua::doc::markdown::to_markdown(&doc);
    }
});
