//! `jianghua serve` preview: one `/api/preview` request's work (parse the TOML, render the Doc,
//! lay out the A4 pages, write the HTML and CSS, encode the JSON) for a speech of about 5,000
//! characters (target: well under the 100 ms the editor allows itself between keystroke and page).

use criterion::{Criterion, criterion_group, criterion_main};
use jianghua::serve::api::Api;
use jianghua::serve::workspace::Workspace;
use std::hint::black_box;

/// The review example grown to about 5,000 characters of speech: three more parts, each with
/// three sections of body text.
fn long_spec() -> String {
    let mut text = std::fs::read_to_string("examples/review.toml").expect("run from the repo root");
    let sentence = "各级党组织要把学习贯彻落实工作摆上重要位置，明确责任分工，细化工作措施，确保各项任务落到实处、见到实效。";
    for part in 0..3 {
        text.push_str(&format!(
            "\n[[parts]]\nheading = \"第{part}方面的工作要求和具体安排\"\n"
        ));
        for section in 0..3 {
            text.push_str(&format!(
                "\n[[parts.sections]]\nheading = \"第{section}项重点任务\"\nparagraphs = [\"{}\"]\n",
                sentence.repeat(9)
            ));
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::new(Workspace::new(dir.path()).unwrap());
    let text = long_spec();
    let body = serde_json::json!({ "path": "speech.toml", "text": text }).to_string();
    let reply = api.preview(body.as_bytes());
    let value: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(value["ok"], true, "{value}");
    let html = value["html"].as_str().unwrap();
    let chars = html
        .split('<')
        .filter_map(|s| s.split_once('>').map(|(_, t)| t))
        .map(|t| t.chars().count())
        .sum::<usize>();
    eprintln!("speech: {chars} characters on {} pages", value["pages"]);
    c.bench_function("serve /api/preview, 5,000-character speech", |b| {
        b.iter(|| api.preview(black_box(body.as_bytes())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
