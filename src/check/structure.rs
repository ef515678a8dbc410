//! The rules that look at the speech's structure: numbering gaps and order, enumeration gaps
//! (一是…三是), and announced counts (我讲三点意见) against the parts that follow. Markers,
//! levels and counts are read only with `doc::roles`.

use super::read::Draft;
use super::{Hit, Rule, Severity};
use crate::doc::roles::{self, Announced, Form, LevelTracker, Marker};
use crate::numerals;

/// A numbered heading found at the start of a paragraph.
#[derive(Debug, Clone, Copy)]
struct Numbered {
    marker: Marker,
    level: u8,
}

/// Runs the structure rules.
pub fn check(draft: &Draft, hits: &mut Vec<Hit>) {
    let numbered = numbering(draft, hits);
    enumerations(draft, &numbered, hits);
    counts(draft, &numbered, hits);
}

/// True where a new speech starts (a salutation, or a Markdown title).
fn starts_speech(draft: &Draft, i: usize) -> bool {
    let p = &draft.paras[i];
    p.heading == Some(1) || roles::is_salutation(&p.text)
}

/// The written marker for item `n` of a form (`二是`, `（三）`), for messages.
fn marker_text(form: Form, n: u64) -> String {
    let text = form.write(n as usize, n as usize).unwrap_or_default();
    text.trim_end_matches('，').to_string()
}

/// Where a form sits among the standard levels (一、 （一） 1. （1）), for order checks.
fn rank(form: Form) -> Option<u8> {
    match form {
        Form::Yi => Some(0),
        Form::ParenYi => Some(1),
        Form::ArabicDot | Form::ArabicDun => Some(2),
        Form::ParenArabic | Form::ArabicParen => Some(3),
        _ => None,
    }
}

/// True for forms written with Chinese numerals (一、 （一） 第一 一要).
fn chinese_numeral(form: Form) -> bool {
    matches!(form, Form::Yi | Form::ParenYi | Form::Di | Form::Yao)
}

fn numbering(draft: &Draft, hits: &mut Vec<Hit>) -> Vec<Option<Numbered>> {
    let mut out = vec![None; draft.paras.len()];
    let mut tracker = LevelTracker::default();
    // open forms, outermost first: (form, level, last ordinal)
    let mut open: Vec<(Form, u8, u64)> = Vec::new();
    for (i, para) in draft.paras.iter().enumerate() {
        if starts_speech(draft, i) {
            tracker = LevelTracker::default();
            open.clear();
            continue;
        }
        // a heading the draft marks as one (Markdown's `##`, a bold lead) is trusted as such
        let marker = if para.heading.is_some() {
            roles::heading_marker(&para.text)
        } else {
            roles::paragraph_marker(&para.text)
        };
        let Some(marker) = marker else {
            continue;
        };
        if marker.form == Form::Yao && para.heading.is_none() && !yao_heading(&para.text) {
            continue;
        }
        let Some(level) = tracker.place(Some(marker.form)) else {
            continue;
        };
        out[i] = Some(Numbered { marker, level });
        let n = marker.ordinal;
        let at = |message: String, rule: Rule| Hit {
            para: i,
            start: 0,
            end: marker.len,
            rule,
            severity: Severity::Error,
            message,
            fix: None,
        };
        if let Some(k) = open
            .iter()
            .position(|(f, l, _)| *l == level && *f == marker.form)
        {
            let last = open[k].2;
            open.truncate(k + 1);
            open[k].2 = if n == 0 { last } else { n };
            if marker.form == Form::Shouxian && (n == 0 || n == last + 1) {
                continue;
            }
            if n == last + 1 || n == 1 {
                continue;
            }
            let message = if n > last + 1 {
                let missing: Vec<String> =
                    (last + 1..n).map(|m| marker_text(marker.form, m)).collect();
                format!(
                    "编号跳号：“{}”之后是“{}”，缺少“{}”；请补上或把后面的编号依次改正",
                    marker_text(marker.form, last),
                    marker_text(marker.form, n),
                    missing.join("”“")
                )
            } else {
                format!(
                    "编号重复或倒序：“{}”之后又是“{}”；应为“{}”",
                    marker_text(marker.form, last),
                    marker_text(marker.form, n),
                    marker_text(marker.form, last + 1)
                )
            };
            hits.push(at(message, Rule::NumberingGap));
            continue;
        }
        open.retain(|(_, l, _)| *l < level);
        // a form above its place: （一） opened before 一、
        if let Some(r) = rank(marker.form)
            && let Some((outer, _, _)) = open
                .iter()
                .find(|(f, _, _)| rank(*f).is_some_and(|o| o > r))
        {
            hits.push(at(
                format!(
                    "编号层级颠倒：“{}”一级的标题出现在“{}”一级的标题之下；层级顺序应为 一、→（一）→1.→（1）",
                    marker.form.label(),
                    outer.label()
                ),
                Rule::NumberingOrder,
            ));
        } else if n > 1 {
            match open.last() {
                // 一、 then （二）: the same level written in another form
                Some(&(parent, _, last))
                    if last + 1 == n && chinese_numeral(parent) == chinese_numeral(marker.form) =>
                {
                    hits.push(at(
                        format!(
                            "同一层混用了“{}”和“{}”两种编号；请统一写作“{}”",
                            parent.label(),
                            marker.form.label(),
                            marker_text(parent, n)
                        ),
                        Rule::NumberingOrder,
                    ))
                }
                _ if written_before(draft, &out, i, 0, &marker_text(marker.form, n - 1)) => {}
                _ => hits.push(at(
                    format!(
                        "编号从“{}”开始，缺少前面的“{}”；请从“{}”编起",
                        marker_text(marker.form, n),
                        marker_text(marker.form, 1),
                        marker_text(marker.form, 1)
                    ),
                    Rule::NumberingGap,
                )),
            }
        }
        open.push((marker.form, level, n.max(1)));
    }
    out
}

/// True when `needle` (a marker such as `一是`) is written in the section before byte `at` of
/// paragraph `i`, possibly where it is not recognised as a marker (`一 是`, a heading run into
/// `…发一是`): then a sequence that seems to start late is not a gap the writer made.
fn written_before(
    draft: &Draft,
    numbered: &[Option<Numbered>],
    i: usize,
    at: usize,
    needle: &str,
) -> bool {
    let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if squash(&draft.paras[i].text[..at]).contains(needle) {
        return true;
    }
    for j in (i.saturating_sub(12)..i).rev() {
        if squash(&draft.paras[j].text).contains(needle) {
            return true;
        }
        if numbered[j].is_some() || draft.paras[j].heading.is_some() || starts_speech(draft, j) {
            break;
        }
    }
    false
}

/// 一要 at the start of a paragraph heads a part only when the heading is short (a run-in
/// heading ending at its first sentence); `一要…，二要…` running on is an inline enumeration
/// (left out already by [`roles::paragraph_marker`]).
fn yao_heading(text: &str) -> bool {
    roles::run_in_split(text).is_some_and(|at| text[..at].chars().count() <= 40)
}

fn enumerations(draft: &Draft, numbered: &[Option<Numbered>], hits: &mut Vec<Hit>) {
    // open sequences per form: (last ordinal, para, byte offset)
    let mut seqs: Vec<(Form, u64)> = Vec::new();
    let mut fangmian: Option<(usize, usize, usize)> = None; // (para, at, len)
    for (i, para) in draft.paras.iter().enumerate() {
        let heading = numbered[i].is_some() || para.heading.is_some();
        if heading || starts_speech(draft, i) {
            seqs.clear();
        }
        if let Some((p, at, len)) = fangmian
            && i > p + 1
        {
            hits.push(fangmian_gap(p, at, len));
            fangmian = None;
        }
        for m in roles::inline_markers(&para.text) {
            let form = m.marker.form;
            if m.at == 0 && numbered[i].is_some() {
                // the paragraph's own heading marker (第一，) opens the enumeration
                seqs.push((form, m.marker.ordinal));
                continue;
            }
            let n = m.marker.ordinal;
            if form == Form::Fangmian {
                if n == 1 {
                    fangmian = Some((i, m.at, m.marker.len));
                } else {
                    fangmian = None;
                }
                continue;
            }
            let hit = |message: String| Hit {
                para: i,
                start: m.at,
                end: m.at + m.marker.len,
                rule: Rule::EnumerationGap,
                severity: Severity::Error,
                message,
                fix: None,
            };
            match seqs.iter_mut().find(|(f, _)| *f == form) {
                Some(seq) => {
                    let last = seq.1;
                    seq.1 = n;
                    if n == last + 1 || n == 1 {
                        continue;
                    }
                    if n > last + 1
                        && written_before(draft, numbered, i, m.at, &marker_text(form, n - 1))
                    {
                        continue;
                    }
                    let message = if n > last + 1 {
                        let missing: Vec<String> =
                            (last + 1..n).map(|k| marker_text(form, k)).collect();
                        format!(
                            "列举跳号：“{}”之后是“{}”，缺少“{}”",
                            marker_text(form, last),
                            marker_text(form, n),
                            missing.join("”“")
                        )
                    } else {
                        format!(
                            "列举重复或倒序：“{}”之后又是“{}”；应为“{}”",
                            marker_text(form, last),
                            marker_text(form, n),
                            marker_text(form, last + 1)
                        )
                    };
                    hits.push(hit(message));
                }
                None => {
                    seqs.push((form, n));
                    if n > 1 && !written_before(draft, numbered, i, m.at, &marker_text(form, 1)) {
                        hits.push(hit(format!(
                            "列举从“{}”开始，前面没有“{}”",
                            marker_text(form, n),
                            marker_text(form, 1)
                        )));
                    }
                }
            }
        }
        shouxian(draft, numbered, i, hits);
    }
    if let Some((p, at, len)) = fangmian {
        hits.push(fangmian_gap(p, at, len));
    }
}

fn fangmian_gap(para: usize, at: usize, len: usize) -> Hit {
    Hit {
        para,
        start: at,
        end: at + len,
        rule: Rule::EnumerationGap,
        severity: Severity::Error,
        message: "有“一方面”，后面没有“另一方面”；请补上另一方面，或改写这句".to_string(),
        fix: None,
    }
}

/// Clause starts in `text` where `word，` begins.
fn clause_starts<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word).filter_map(move |(at, _)| {
        let rest = &text[at + word.len()..];
        let prev = text[..at].chars().next_back();
        (rest.starts_with(['，', ','])
            && prev.is_none_or(|c| matches!(c, '。' | '；' | '：' | '！' | '？' | '”')))
        .then_some(at)
    })
}

/// 首先， with no 其次/再次/最后 after it, before the next heading.
fn shouxian(draft: &Draft, numbered: &[Option<Numbered>], i: usize, hits: &mut Vec<Hit>) {
    let text = &draft.paras[i].text;
    if !text.contains("首先") {
        return;
    }
    let Some(at) = clause_starts(text, "首先").next() else {
        return;
    };
    let follows = |t: &str| {
        ["其次", "再次", "最后", "然后", "接着", "同时"]
            .iter()
            .any(|w| t.contains(w))
    };
    if follows(&text[at..]) {
        return;
    }
    let rest = draft.paras[i + 1..]
        .iter()
        .zip(&numbered[i + 1..])
        .take(12)
        .take_while(|(p, n)| {
            n.is_none_or(|n| n.marker.form == Form::Shouxian) && p.heading.is_none()
        })
        .any(|(p, _)| follows(&p.text));
    if !rest {
        hits.push(Hit {
            para: i,
            start: at,
            end: at + "首先，".len(),
            rule: Rule::EnumerationGap,
            severity: Severity::Warning,
            message: "有“首先”，后面没有“其次”或“最后”；请补上后续各点，或删去“首先”".to_string(),
            fix: None,
        });
    }
}

/// How many items follow an announcement in paragraph `i` (None: nothing countable).
fn items_after(
    draft: &Draft,
    numbered: &[Option<Numbered>],
    i: usize,
    after: usize,
) -> Option<usize> {
    let ctx = numbered[..=i]
        .iter()
        .rev()
        .find_map(|n| n.map(|n| n.level))
        .unwrap_or(0);
    // the numbered headings one level down, until the context closes
    let mut parts = 0;
    for (j, n) in numbered.iter().enumerate().skip(i + 1) {
        if starts_speech(draft, j) {
            break;
        }
        if let Some(n) = n {
            if n.level <= ctx {
                break;
            }
            if n.level == ctx + 1 {
                parts += 1;
            }
        }
    }
    if parts > 0 {
        return Some(parts);
    }
    // an inline enumeration in the rest of the paragraph, or starting in the next one and
    // running on through the paragraphs that continue it (一是… / 二是… / 三是…)
    let mut form: Option<Form> = None;
    let mut last = 0u64;
    for (j, para) in draft.paras.iter().enumerate().skip(i).take(40) {
        if j > i && (numbered[j].is_some() || para.heading.is_some() || starts_speech(draft, j)) {
            break;
        }
        let from = if j == i { after } else { 0 };
        let mut continued = false;
        for m in roles::inline_markers(&para.text)
            .into_iter()
            .filter(|m| m.at >= from)
        {
            let f = *form.get_or_insert(m.marker.form);
            if m.marker.form != f {
                continue;
            }
            if f == Form::Fangmian {
                return Some(2);
            }
            if m.marker.ordinal == last + 1 {
                last = m.marker.ordinal;
                continued = true;
            }
        }
        if j > i && !continued {
            break;
        }
        if j > i + 1 && form.is_none() {
            break;
        }
    }
    (last > 0).then_some(last as usize)
}

fn counts(draft: &Draft, numbered: &[Option<Numbered>], hits: &mut Vec<Hit>) {
    for (i, para) in draft.paras.iter().enumerate() {
        if !para.text.contains(['点', '面', '题', '项']) {
            continue;
        }
        let Some((announced, range)) = roles::announced_count_at(&para.text) else {
            continue;
        };
        let Some(found) = items_after(draft, numbered, i, range.end) else {
            continue;
        };
        let said = &para.text[range.clone()];
        let (severity, message) = match announced {
            Announced::Count(1) => continue,
            Announced::Count(n) if n as usize == found => continue,
            Announced::Count(n) => (
                Severity::Error,
                format!(
                    "这里说“{said}”，后面实际有{}项；请改为“{}”，或补齐/删减内容",
                    numerals::count(found as u64),
                    said.replacen(
                        &said[..said.len() - noun_len(said, n)],
                        &numerals::count(found as u64),
                        1
                    )
                ),
            ),
            Announced::Several if found <= 2 => (
                Severity::Warning,
                format!(
                    "这里说“{said}”，后面只有{}项；“几”用于三项以上，请写明“{}”",
                    numerals::count(found as u64),
                    said.replacen('几', &numerals::count(found as u64), 1)
                ),
            ),
            Announced::Several => continue,
        };
        hits.push(Hit {
            para: i,
            start: range.start,
            end: range.end,
            rule: Rule::CountMismatch,
            severity,
            message,
            fix: None,
        });
    }
}

/// Bytes of the measure word after the count `n` in `said` (`三点` → `点`).
fn noun_len(said: &str, n: u64) -> usize {
    let count_len = numerals::parse_prefix(said)
        .or_else(|| numerals::parse_arabic_prefix(said))
        .filter(|(v, _)| *v == n)
        .map_or(0, |(_, used)| used);
    said.len() - count_len
}
