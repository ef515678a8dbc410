//! Checking a spec: it is rendered first, and a finding whose text comes from one of the spec's
//! fields points at that field's line and column. `render` refuses a spec whose own fields
//! announce a count the parts do not have (see [`guard`]).

use super::read::{Draft, DraftKind};
use super::{Finding, Hit, Options, Rule, Severity};
use crate::doc::{Doc, markdown, punct};
use crate::error::{SourceError, line_column};
use crate::spec::{Located, Part, Seg, Spec};

/// A text field of a spec with its path.
struct Field {
    path: Vec<Seg<'static>>,
    value: String,
}

fn push(out: &mut Vec<Field>, path: &[Seg<'static>], value: &Option<String>) {
    if let Some(v) = value {
        out.push(Field {
            path: path.to_vec(),
            value: v.clone(),
        });
    }
}

fn push_list(out: &mut Vec<Field>, path: &[Seg<'static>], values: &[String]) {
    for (i, v) in values.iter().enumerate() {
        let mut p = path.to_vec();
        p.push(Seg::Index(i));
        out.push(Field {
            path: p,
            value: v.clone(),
        });
    }
}

fn part_fields(out: &mut Vec<Field>, path: &mut Vec<Seg<'static>>, parts: &[Part]) {
    for (i, part) in parts.iter().enumerate() {
        path.push(Seg::Index(i));
        let at = |key: &'static str| {
            let mut p = path.clone();
            p.push(Seg::Key(key));
            p
        };
        push(out, &at("heading"), &Some(part.heading.clone()));
        push_list(out, &at("paragraphs"), &part.paragraphs);
        push_list(out, &at("points"), &part.points);
        push_list(out, &at("after"), &part.after);
        path.push(Seg::Key("sections"));
        part_fields(out, path, &part.sections);
        path.pop();
        path.pop();
    }
}

/// Every text field of a spec, in reading order.
fn fields(s: &Spec) -> Vec<Field> {
    let mut out = Vec::new();
    push(&mut out, &[Seg::Key("title")], &Some(s.title.clone()));
    push(&mut out, &[Seg::Key("speaker")], &s.speaker);
    push(&mut out, &[Seg::Key("speaker-title")], &s.speaker_title);
    if let Some(sal) = &s.salutation {
        push_list(&mut out, &[Seg::Key("salutation")], sal);
    }
    let o = &s.opening;
    push(
        &mut out,
        &[Seg::Key("opening"), Seg::Key("meeting")],
        &o.meeting,
    );
    push(
        &mut out,
        &[Seg::Key("opening"), Seg::Key("purpose")],
        &o.purpose,
    );
    push_list(
        &mut out,
        &[Seg::Key("opening"), Seg::Key("just-now")],
        &o.just_now,
    );
    push(
        &mut out,
        &[Seg::Key("opening"), Seg::Key("comment")],
        &o.comment,
    );
    push_list(
        &mut out,
        &[Seg::Key("opening"), Seg::Key("paragraphs")],
        &o.paragraphs,
    );
    push(&mut out, &[Seg::Key("transition")], &s.transition);
    part_fields(&mut out, &mut vec![Seg::Key("parts")], &s.parts);
    let c = &s.closing;
    push(&mut out, &[Seg::Key("closing"), Seg::Key("call")], &c.call);
    push(&mut out, &[Seg::Key("closing"), Seg::Key("goal")], &c.goal);
    push_list(
        &mut out,
        &[Seg::Key("closing"), Seg::Key("paragraphs")],
        &c.paragraphs,
    );
    out
}

/// The spec's line and column of the text a hit points at, when one field holds that text.
fn field_position(
    spec: &Located<Spec>,
    fields: &[Field],
    text: &str,
    hit: &Hit,
) -> Option<(usize, usize)> {
    let start = hit.start.min(text.len());
    let end = hit.end.clamp(start, text.len());
    let chars_before: Vec<(usize, char)> = text[..start].char_indices().collect();
    let after: Vec<(usize, char)> = text[end..].char_indices().collect();
    // the hit with some context, widest first, so the right field wins
    for (before, after_n) in [(6, 6), (3, 3), (0, 4), (4, 0), (0, 0)] {
        let from = chars_before
            .len()
            .checked_sub(before)
            .and_then(|k| chars_before.get(k))
            .map_or(if before == 0 { start } else { 0 }, |(b, _)| *b);
        if before > chars_before.len() {
            continue;
        }
        let to = after.get(after_n).map_or(text.len(), |(b, _)| end + b);
        if after_n > after.len() {
            continue;
        }
        let snippet = &text[from..to];
        if snippet.is_empty() {
            continue;
        }
        for f in fields {
            let converted = punct::collapse_doubled(&punct::full_width(&f.value)).into_owned();
            let Some(at) = converted.find(snippet) else {
                continue;
            };
            // full_width keeps one character for one: count characters into the raw value
            let chars_in = converted[..at].chars().count() + text[from..start].chars().count();
            let raw_at = f
                .value
                .char_indices()
                .nth(chars_in)
                .map_or(f.value.len(), |(b, _)| b);
            let span = spec.span(&f.path)?;
            let region = &spec.source[span.clone()];
            let needle: String = f.value[raw_at..].chars().take(6).collect();
            let offset = match region.find(&needle) {
                Some(k) if !needle.is_empty() => span.start + k,
                _ => span.start,
            };
            return Some(line_column(&spec.source, offset));
        }
    }
    None
}

/// Renders and checks a spec; findings point at the spec's fields where they come from one,
/// otherwise at its `template` line (the text came from the template).
pub fn check_spec(
    spec: &Located<Spec>,
    doc: &Doc,
    file: &str,
    options: &Options,
) -> (Draft, Vec<Finding>) {
    let draft = Draft::from_text(DraftKind::Spec, markdown::to_markdown(doc));
    let hits = super::check_draft(&draft, options);
    let fields = fields(&spec.value);
    let findings = hits
        .iter()
        .map(|h| {
            let mut message = h.message.clone();
            let (line, column) = match draft.paras.get(h.para) {
                None => (1, 1),
                Some(p) => field_position(spec, &fields, &p.text, h).unwrap_or_else(|| {
                    message.push_str(&format!("（这段文字来自模板，见渲染稿第{}行）", p.line));
                    spec.span(&[Seg::Key("template")])
                        .map_or((1, 1), |s| line_column(&spec.source, s.start))
                }),
            };
            h.found_at(file, (line, column), message)
        })
        .collect::<Vec<_>>();
    let mut findings = findings;
    findings.sort_by_key(|f| (f.rule == Rule::Length, f.line, f.column));
    (draft, findings)
}

/// What `render` refuses: a field of the spec that announces a count the parts do not have,
/// writes 二点 for 两点, or leaves a `{name}` slot that is not `{n}`. The error points at the
/// field.
pub fn guard(spec: &Located<Spec>, doc: &Doc) -> Result<(), SourceError> {
    let draft = Draft::from_text(DraftKind::Spec, markdown::to_markdown(doc));
    // one pass of the text rules; the order (slots, counts, 两) decides which of two findings
    // at the same place is reported
    let (mut hits, mut liang, mut found) = (Vec::new(), Vec::new(), Vec::new());
    for (i, p) in draft.paras.iter().enumerate() {
        found.clear();
        super::rules::text_rules(i, &p.text, &mut found);
        for h in found.drain(..) {
            match h.rule {
                Rule::Placeholder if p.text[h.start..].starts_with('{') => hits.push(h),
                Rule::Liang if h.severity == Severity::Error => liang.push(h),
                _ => {}
            }
        }
    }
    let mut structure = Vec::new();
    super::structure::check(&draft, &mut structure);
    hits.extend(
        structure
            .into_iter()
            .filter(|h| h.rule == Rule::CountMismatch && h.severity == Severity::Error),
    );
    hits.append(&mut liang);
    hits.sort_by_key(|h| (h.para, h.start));
    let fields = fields(&spec.value);
    for h in &hits {
        let Some(p) = draft.paras.get(h.para) else {
            continue;
        };
        if let Some((line, column)) = field_position(spec, &fields, &p.text, h) {
            let help = match h.rule {
                Rule::Liang => {
                    "量词前写“两”：两点、两个、两项；检查全文可运行 jianghua check 要素文件"
                }
                _ => {
                    "过渡句里写 {n}，渲染时会换成实际的部分个数；检查全文可运行 jianghua check 要素文件"
                }
            };
            return Err(
                SourceError::new(&spec.path, format!("[{}] {}", h.rule.id(), h.message))
                    .at_in(&spec.source, line, column)
                    .help(help),
            );
        }
    }
    Ok(())
}
