//! Fuzz target: arbitrary bytes through decode → page markup → clean → split → locate →
//! segment → spec → TOML → load, plus the outline with its certainty line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // the first byte picks the reader: plain text, Markdown or .docx
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) if b % 4 == 0 => ("sample.docx", rest),
        Some((b, rest)) if b % 4 == 1 => ("sample.md", rest),
        Some((_, rest)) => ("sample.txt", rest),
        None => ("sample.txt", data),
    };
    if let Ok(mined) = jianghua::mine::mine_bytes(Path::new(name), bytes) {
        for m in &mined {
            let _ = m.doc().plain_text();
            let toml = m.spec_toml();
            let _ = jianghua::mine::outline::outline(m);
            let _ = jianghua::mine::outline::summary(m);
            // a mined spec loads back, or says why; it never panics (rendering is covered by
            // the proptests: compiling the templates per input would slow fuzzing 40-fold)
            let _ = jianghua::spec::parse(&toml, Path::new("mined.toml"));
        }
    }
});
