//! Fuzz target: arbitrary bytes as a Word layout profile → parse and check → write a .docx with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = jianghua::render::Profile::parse(text, Path::new("fuzz-profile.toml")) else {
        return;
    };
    let doc = jianghua::doc::markdown::parse("# 标题\n\n同志们：\n\n## 一、部分\n\n正文。\n");
    let meta = jianghua::render::DocxMeta {
        title: "标题".to_string(),
        author: None,
        created: None,
    };
    let _ = jianghua::render::write_docx(&doc, &profile, &meta);
});
