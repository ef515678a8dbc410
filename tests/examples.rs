//! Every example spec renders to the Markdown kept beside it (`BLESS=1 cargo test` rewrites them),
//! and every draft passes the checks a writer would make by eye.

use jianghua::doc::roles::{self, Announced};
use jianghua::doc::{Block, markdown};
use jianghua::render::{render_doc, render_markdown};
use jianghua::spec;
use jianghua::template::TemplateSet;
use std::path::{Path, PathBuf};

mod common;

fn examples() -> Vec<PathBuf> {
    common::example_specs()
}

#[test]
fn examples_render_to_their_markdown() {
    let bless = std::env::var_os("BLESS").is_some();
    let specs = examples();
    assert_eq!(specs.len(), 5, "one example per built-in template");
    for spec_path in specs {
        let spec = spec::load(&spec_path).unwrap();
        let md = render_markdown(&spec, &TemplateSet::for_spec(None, &spec_path)).unwrap();
        let md_path = spec_path.with_extension("md");
        if bless {
            std::fs::write(&md_path, &md).unwrap();
        } else {
            let want = std::fs::read_to_string(&md_path).unwrap_or_default();
            assert!(
                md == want,
                "{} is out of date; run `BLESS=1 cargo test --test examples`\n--- rendered:\n{md}",
                md_path.display()
            );
        }
    }
}

/// Half-width punctuation that must not appear next to Chinese text.
fn half_width_in_chinese(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')') {
            let near = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| *c > '\u{2e80}')
            };
            if near(i.checked_sub(1)) || near(Some(i + 1)) {
                return Some(
                    chars[i.saturating_sub(5)..(i + 5).min(chars.len())]
                        .iter()
                        .collect(),
                );
            }
        }
    }
    None
}

#[test]
fn drafts_read_right() {
    for spec_path in examples() {
        let spec = spec::load(&spec_path).unwrap();
        let doc = render_doc(&spec, &TemplateSet::for_spec(None, Path::new(&spec_path))).unwrap();
        let name = spec_path.display();
        let text = doc.plain_text();
        assert!(
            !text.contains("{{") && !text.contains("}}"),
            "{name}: template left over"
        );
        assert!(!text.contains("{n}"), "{name}: {{n}} left over");
        assert_eq!(
            half_width_in_chinese(&text),
            None,
            "{name}: half-width punctuation"
        );
        // the announced count equals the number of level-1 parts
        let parts = doc
            .blocks
            .iter()
            .filter(|b| match b {
                Block::Heading(h) => h.level == 1,
                Block::Paragraph(p) => p.lead.as_ref().is_some_and(|l| l.level == 1),
                _ => false,
            })
            .count();
        assert_eq!(parts, spec.value.parts.len(), "{name}: parts in the draft");
        let announced = doc.blocks.iter().find_map(|b| match b {
            Block::Paragraph(p) if p.lead.is_none() => roles::announced_count(&p.text),
            _ => None,
        });
        if let Some(Announced::Count(n)) = announced {
            assert_eq!(n as usize, parts, "{name}: announced count");
        }
        // the Markdown reads back to the same Doc
        assert_eq!(markdown::parse(&markdown::to_markdown(&doc)), doc, "{name}");
        // the closing is recognised
        assert!(
            doc.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.closing)),
            "{name}: closing paragraph"
        );
    }
}
