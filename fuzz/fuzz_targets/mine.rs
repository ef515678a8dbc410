//! Fuzz target: arbitrary bytes through decode → clean → split → segment → spec → TOML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // the first byte picks the reader: plain text or .docx
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) if b % 4 == 0 => ("sample.docx", rest),
        Some((_, rest)) => ("sample.txt", rest),
        None => ("sample.txt", data),
    };
    if let Ok(mined) = jianghua::mine::mine_bytes(Path::new(name), bytes) {
        for m in &mined {
            let _ = m.doc().plain_text();
            let _ = m.spec_toml();
            let _ = jianghua::mine::outline::outline(m);
        }
    }
});
