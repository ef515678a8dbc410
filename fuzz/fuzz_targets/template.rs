//! Fuzz target: arbitrary bytes as a user template — front matter, then compiled and rendered
//! the way jianghua prepares templates (strict mode, Markdown escaping, our helpers, the
//! built-in partials) against a context shaped like a speech's. In memory, so it runs fast.
#![no_main]

use handlebars::Handlebars;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

const PARTIALS: &[(&str, &str)] = &[
    ("head", include_str!("../../templates/_head.hbs")),
    ("body", include_str!("../../templates/_body.hbs")),
    ("part", include_str!("../../templates/_part.hbs")),
    ("points", include_str!("../../templates/_points.hbs")),
];

fn context() -> &'static serde_json::Value {
    static CTX: OnceLock<serde_json::Value> = OnceLock::new();
    CTX.get_or_init(|| {
        let part = |h: &str| {
            serde_json::json!({
                "heading": h, "marker": "一、", "hashes": "##", "run_in": false, "lead": h,
                "lead_end": "。", "lead_alone": false, "intro": "", "enumeration": "shi",
                "paragraphs": ["要统一思想。"], "points": ["压实责任。", "抓好落实。"],
                "points_split": false, "after": [], "sections": [],
            })
        };
        serde_json::json!({
            "title": "在全县工作会议上的讲话", "speaker": "张三", "date": "2026-01-15",
            "salutation": "同志们", "numbering": "standard", "count": 2,
            "parts": [part("提高认识"), part("抓好落实")],
            "closing": {"call": "让我们团结一心", "paragraphs": []},
        })
    })
}

/// A registry set up as jianghua sets one up, with the built-in partials; cloned per input.
fn registry() -> &'static Handlebars<'static> {
    static REG: OnceLock<Handlebars<'static>> = OnceLock::new();
    REG.get_or_init(|| {
        let mut hbs = Handlebars::new();
        hbs.set_strict_mode(true);
        hbs.register_escape_fn(jianghua::doc::markdown::escape);
        jianghua::template::helpers::register(&mut hbs);
        for (name, text) in PARTIALS {
            hbs.register_partial(name, *text).expect("built-in partial");
        }
        hbs
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let _ = jianghua::template::FrontMatter::parse(source, Path::new("t.hbs"));
    let mut hbs = registry().clone();
    if hbs.register_template_string("t", source).is_ok() {
        if let Ok(md) = hbs.render("t", context()) {
            let _ = jianghua::doc::markdown::parse(&md);
        }
    }
});
