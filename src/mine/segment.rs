//! Recognising a speech's structure from its cleaned paragraphs, with the role rules of
//! `doc::roles` only: head, opening, transition and announced count, nested parts with run-in or
//! standalone headings, inline enumerations, closing, and a guess of each part's kind.

use crate::doc::roles::{self, Announced, Form, Marker};
use crate::doc::{Block, Doc, Heading, Paragraph};
use crate::spec::{HeadingStyle, Kind};
use serde::Serialize;

/// A speech as the miner understands it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Speech {
    pub title: Option<String>,
    pub bylines: Vec<String>,
    pub salutation: Option<String>,
    /// Paragraphs before the first part, exactly as in the sample (transition included).
    pub opening: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<Transition>,
    pub parts: Vec<Section>,
    /// Paragraphs from `同志们，…` / `总之，…` after the body.
    pub closing: Vec<String>,
    /// True when the parts were found by their shape (parallel leads, an ordinal series in
    /// mixed forms, unnumbered heading lines) rather than by numbered headings.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub parts_guessed: bool,
}

/// The sentence that announces the parts (`下面，我讲三点意见。`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// Index of the opening paragraph that holds it, and the byte offset where it starts.
    pub paragraph: usize,
    pub at: usize,
    pub text: String,
    pub announced: Announced,
}

/// A part (level 1) or a section inside one (levels 2–4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub level: u8,
    /// The numbering form of its heading; `None` for an unnumbered heading line.
    pub form: Option<Form>,
    /// The marker as written in the sample (`1、`, `（一）`, `一要`), empty when unnumbered.
    pub marker: String,
    pub heading: String,
    pub style: HeadingStyle,
    pub kind: Kind,
    /// Its own paragraphs; for a run-in heading the first one is the text after the heading.
    pub body: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<Enumerated>,
    pub sections: Vec<Section>,
}

/// An inline enumeration (`一是…二是…`) found in one paragraph of a section's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enumerated {
    pub form: Form,
    /// Index in `body` of the paragraph that holds it.
    pub paragraph: usize,
    /// Text before the first marker in that paragraph.
    pub intro: String,
    /// The items, markers removed.
    pub points: Vec<String>,
    /// The markers as written in the sample (`一是`, `一方面`, `第一，`).
    pub markers: Vec<String>,
}

/// Recognises the structure of one speech's cleaned paragraphs.
pub fn segment(lines: &[String]) -> Speech {
    let mut speech = Speech::default();
    let mut i = 0;
    if lines.first().is_some_and(|l| roles::could_be_title(l)) {
        // a speaker named before the title (`……部长钱其琛在……上的讲话`) is a byline
        match roles::speaker_before_title(&lines[0]) {
            Some(at) => {
                speech.title = Some(lines[0][at..].to_string());
                speech.bylines.push(lines[0][..at].to_string());
            }
            None => speech.title = Some(lines[0].clone()),
        }
        i = 1;
    }
    while i < lines.len() && roles::is_byline(&lines[i]) && i <= 3 {
        speech.bylines.push(lines[i].clone());
        i += 1;
    }
    // a speaker's name glued before the salutation (`李明：各位来宾，…`) is a byline
    let mut owned: Vec<String> = Vec::new();
    if i < lines.len()
        && let Some(at) = roles::speaker_label(&lines[i])
    {
        // (the label keeps its colon: the sample's text is all there; the spec drops it)
        speech.bylines.push(lines[i][..at].to_string());
        owned.push(lines[i][at..].to_string());
        i += 1;
    }
    let mut body_lines: Vec<String> = owned;
    body_lines.extend_from_slice(&lines[i..]);
    let mut i = 0;
    // a salutation over two lines (`亲爱的新同学，` / `尊敬的各位来宾：`) is one salutation
    if i + 1 < body_lines.len()
        && roles::is_salutation_start(&body_lines[i])
        && roles::is_salutation(&body_lines[i + 1])
    {
        speech.salutation = Some(format!("{}{}", body_lines[i], body_lines[i + 1]));
        i += 2;
    } else if i < body_lines.len() && roles::is_salutation(&body_lines[i]) {
        speech.salutation = Some(body_lines[i].clone());
        i += 1;
    } else if i < body_lines.len()
        && let Some(at) = roles::leading_salutation(&body_lines[i])
    {
        // a salutation that runs on into the paragraph (`各位来宾，大家下午好。…`)
        let line = body_lines[i].clone();
        let colon = line[at..].starts_with(['：', ':']);
        let at_end = if colon {
            at + line[at..].chars().next().map_or(0, char::len_utf8)
        } else {
            at
        };
        // the comma after the vocatives stands for the salutation's colon; after a colon it is
        // the speech's own (stray) mark and stays
        let rest = if colon {
            &line[at_end..]
        } else {
            line[at_end..].trim_start_matches(['，', ','])
        };
        speech.salutation = Some(line[..at_end].to_string());
        body_lines[i] = rest.to_string();
    }
    let body = &body_lines[i..];

    // headings: numbered lines, and unnumbered heading lines when there are several
    let mut heads: Vec<Option<(Option<Marker>, usize)>> = body
        .iter()
        .map(|l| roles::paragraph_marker(l).map(|m| (Some(m), m.len)))
        .collect();
    // 首先…最后 number parts only with a 其次 or 再次 between them: a lone 首先，我代表… or
    // 最后，祝大家… is the speech's own words
    let middle = heads
        .iter()
        .flatten()
        .any(|(m, _)| m.is_some_and(|m| m.form == Form::Shouxian && matches!(m.ordinal, 2 | 3)));
    for (k, h) in heads.iter_mut().enumerate() {
        if let Some((Some(m), _)) = h
            && m.form == Form::Shouxian
            && (!middle || (m.ordinal == 0 && roles::opens_closing_wide(&body[k])))
        {
            *h = None;
        }
    }
    // paragraph leads numbered 1, 2, 3… in mixed forms (一是要… 四要… 第六要…) are one series
    if let Some(chain) = ordinal_chain(body, &heads) {
        for (k, m) in chain {
            heads[k] = Some((Some(m), m.len));
        }
        speech.parts_guessed = true;
    }
    // without numbered headings, paragraphs that open in parallel are the parts
    if heads.iter().all(Option::is_none) {
        for k in parallel_leads(body) {
            heads[k] = Some((None, 0));
            speech.parts_guessed = true;
        }
    }
    let unnumbered: Vec<usize> = (0..body.len())
        .filter(|&k| {
            heads[k].is_none()
                && roles::is_unnumbered_heading(&body[k])
                && k + 1 < body.len()
                && !roles::is_unnumbered_heading(&body[k + 1])
                && (k == 0 || !roles::is_unnumbered_heading(&body[k - 1]))
        })
        .collect();
    if unnumbered.len() >= 2 {
        speech.parts_guessed = true;
        for k in unnumbered {
            heads[k] = Some((None, 0));
        }
    }
    let last_head = heads.iter().rposition(Option::is_some);

    let closing_from = closing_start(body, &heads, last_head);
    let body_end = closing_from.unwrap_or(body.len());
    speech.closing = body[body_end..].to_vec();

    // opening and parts
    let first_head = heads[..body_end].iter().position(Option::is_some);
    let opening_end = first_head.unwrap_or(body_end);
    speech.opening = body[..opening_end].to_vec();
    speech.transition = find_transition(&speech.opening);

    let mut levels = roles::LevelTracker::default();
    let mut open: Vec<Section> = Vec::new();
    for k in opening_end..body_end {
        let line = &body[k];
        let level = heads[k].and_then(|(m, _)| levels.place(m.map(|m| m.form)).map(usize::from));
        let (Some(level), Some((marker, len))) = (level, heads[k]) else {
            match open.last_mut() {
                Some(s) => s.body.push(line.clone()),
                None => speech.opening.push(line.clone()),
            }
            continue;
        };
        close_to(&mut open, &mut speech.parts, level);
        let rest = &line[len..];
        let (heading, style, body_text) = match roles::run_in_split(rest) {
            Some(at) => (&rest[..at], HeadingStyle::RunIn, Some(&rest[at..])),
            None => (rest, HeadingStyle::Standalone, None),
        };
        open.push(Section {
            level: level as u8,
            form: marker.map(|m| m.form),
            marker: line[..len].to_string(),
            heading: heading.to_string(),
            style,
            kind: Kind::Other,
            body: body_text.map(str::to_string).into_iter().collect(),
            enumeration: None,
            sections: Vec::new(),
        });
    }
    close_to(&mut open, &mut speech.parts, 1);
    for part in &mut speech.parts {
        finish(part);
    }
    speech
}

/// Where the closing starts: the last stand-alone vocative line (`同志们、朋友们！`) after the
/// last heading; else the first paragraph after it that opens a closing (`同志们，`, `总之，`,
/// `最后，祝`, `同学们，你们…`); else, when every part but the last has the same number of
/// paragraphs, what the last part has beyond that number; a speech without parts closes with
/// its last paragraph.
fn closing_start(
    body: &[String],
    heads: &[Option<(Option<Marker>, usize)>],
    last_head: Option<usize>,
) -> Option<usize> {
    let from = last_head.map_or(0, |h| h + 1);
    if last_head.is_none() {
        // without parts: a closing lead in the last paragraphs, else the last paragraph
        let tail = body.len().saturating_sub(3).max(1);
        return (tail..body.len())
            .find(|&k| roles::opens_closing_wide(&body[k]))
            .or_else(|| (body.len() >= 3).then(|| body.len() - 1));
    }
    if let Some(k) = (from..body.len())
        .rev()
        .find(|&k| roles::is_vocative_line(&body[k]))
        && k + 1 < body.len()
    {
        return Some(k);
    }
    if let Some(k) = (from..body.len()).find(|&k| k > 0 && roles::opens_closing_wide(&body[k])) {
        if last_head.is_none() && k + 3 < body.len() {
            // without parts only the last paragraphs can close
        } else {
            let parallel = parallel_end(body, heads);
            return Some(parallel.filter(|&p| p < k && p >= from).unwrap_or(k));
        }
    }
    match last_head {
        Some(_) => parallel_end(body, heads),
        None => (body.len() >= 3).then(|| body.len() - 1),
    }
}

/// With at least three level-1 parts where every part but the last has the same number of
/// paragraphs, the index where the last part's share ends (if it has more).
fn parallel_end(body: &[String], heads: &[Option<(Option<Marker>, usize)>]) -> Option<usize> {
    let starts: Vec<usize> = (0..body.len()).filter(|&k| heads[k].is_some()).collect();
    if starts.len() < 3 {
        return None;
    }
    let forms: Vec<_> = starts
        .iter()
        .map(|&k| heads[k].and_then(|(m, _)| m.map(|m| m.form)))
        .collect();
    if forms.iter().any(|f| *f != forms[0]) {
        return None;
    }
    let sizes: Vec<usize> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    let size = sizes[0];
    if sizes.iter().any(|&s| s != size) {
        return None;
    }
    let end = starts[starts.len() - 1] + size;
    (end < body.len()).then_some(end)
}

/// Paragraphs opening with ordinals 1, 2, 3… (at least three) in enumeration forms that change
/// along the way (`一是要`, `四要`, `第六要`): one series, all placed as the first one's form.
/// Only when every numbered heading of the speech is in the series.
fn ordinal_chain(
    body: &[String],
    heads: &[Option<(Option<Marker>, usize)>],
) -> Option<Vec<(usize, Marker)>> {
    let lead = |k: usize| -> Option<Marker> {
        if let Some((Some(m), _)) = heads[k] {
            return matches!(m.form, Form::Yao | Form::Di | Form::Shi).then_some(m);
        }
        // `一是…` at the paragraph's start (read directly: scanning every paragraph for inline
        // markers costs throughput)
        let p = &body[k];
        let (n, used) = crate::numerals::parse_prefix(p)?;
        (n > 0 && p[used..].starts_with('是')).then_some(Marker {
            form: Form::Shi,
            ordinal: n,
            len: used + '是'.len_utf8(),
        })
    };
    let mut chain: Vec<(usize, Marker)> = Vec::new();
    for k in 0..body.len() {
        let Some(m) = lead(k) else { continue };
        if m.ordinal == chain.len() as u64 + 1 {
            chain.push((k, m));
        } else if m.ordinal == 1 && chain.len() < 3 {
            chain = vec![(k, m)];
        }
    }
    let mixed = chain.iter().any(|(_, m)| m.form != chain[0].1.form);
    let all_in = heads
        .iter()
        .enumerate()
        .all(|(k, h)| h.is_none() || chain.iter().any(|(c, _)| *c == k));
    if chain.len() < 3 || !mixed || !all_in {
        return None;
    }
    let form = chain[0].1.form;
    Some(
        chain
            .into_iter()
            .map(|(k, m)| (k, Marker { form, ..m }))
            .collect(),
    )
}

/// Paragraphs that open in parallel, the parts of a speech that numbers nothing: at least
/// three share a lead ending in a clause break (`全面建成小康社会，…`, `——历史启示我们，…`),
/// or a first-sentence frame (`惟……者，方为“志士”。`), or are short one-sentence lines with a
/// common start (`当以……。`), or follow one another with the same exhortation (`我们要…`).
fn parallel_leads(body: &[String]) -> Vec<usize> {
    use std::collections::HashMap;
    let usable = |p: &str| roles::vocative_run(p) == 0 && !roles::is_thanks(p);
    let first = |p: &str| -> String {
        let end = roles::run_in_split(p).unwrap_or(p.len());
        p[..end].to_string()
    };
    let pick = |groups: HashMap<String, Vec<usize>>| -> Option<Vec<usize>> {
        groups
            .into_values()
            .filter(|g| (3..=9).contains(&g.len()))
            .max_by_key(|g| (g[g.len() - 1] - g[0], g.len(), usize::MAX - g[0]))
    };
    // (a) the same lead up to the first comma
    let mut lead: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, p) in body.iter().enumerate().skip(1) {
        if let Some(at) = p.find('，') {
            let n = p[..at].chars().count();
            if (4..=24).contains(&n) && usable(p) && p.len() > at + 3 * 10 {
                lead.entry(p[..at].to_string()).or_default().push(k);
            }
        }
    }
    if let Some(g) = pick(lead) {
        return g;
    }
    // (a2) leads framed alike up to the first comma (`在……方面，`)
    let mut framed: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, p) in body.iter().enumerate().skip(1) {
        if let Some(at) = p.find('，') {
            let chars: Vec<char> = p[..at].chars().collect();
            if (4..=12).contains(&chars.len()) && usable(p) && p.len() > at + 3 * 10 {
                let key: String = [chars[0], chars[chars.len() - 2], chars[chars.len() - 1]]
                    .iter()
                    .collect();
                framed.entry(key).or_default().push(k);
            }
        }
    }
    if let Some(g) = pick(framed) {
        return g;
    }
    // (b) the same ending of a short first sentence
    let mut frame: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, p) in body.iter().enumerate().skip(1) {
        let f = first(p);
        let chars: Vec<char> = f.chars().collect();
        if (8..=40).contains(&chars.len()) && f.len() < p.len() && usable(p) {
            let tail: String = chars[chars.len() - 6..].iter().collect();
            frame.entry(tail).or_default().push(k);
        }
    }
    if let Some(g) = pick(frame) {
        return g;
    }
    // (c) short one-sentence lines with the same two first characters
    let mut short: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, p) in body.iter().enumerate().skip(1) {
        let n = p.chars().count();
        if (6..=30).contains(&n) && first(p) == *p && p.ends_with('。') && usable(p) {
            short
                .entry(p.chars().take(2).collect())
                .or_default()
                .push(k);
        }
    }
    if let Some(g) = pick(short) {
        return g;
    }
    // (d) a run of paragraphs opening with the same exhortation
    let mut k = 1;
    while k < body.len() {
        let lead: String = body[k].chars().take(3).collect();
        let exhorts = roles::PARALLEL_MODALS.iter().any(|m| lead.ends_with(m));
        let mut j = k + 1;
        while exhorts && j < body.len() && body[j].starts_with(&lead) {
            j += 1;
        }
        if j - k >= 3 && j - k <= 9 {
            return (k..j).collect();
        }
        k += 1;
    }
    Vec::new()
}

/// Closes open sections down to (and including) `level`, attaching each to its parent.
fn close_to(open: &mut Vec<Section>, parts: &mut Vec<Section>, level: usize) {
    while open.last().is_some_and(|s| s.level as usize >= level) {
        let Some(done) = open.pop() else { break };
        match open.last_mut() {
            Some(parent) => parent.sections.push(done),
            None => parts.push(done),
        }
    }
}

/// Guesses kinds and finds inline enumerations, recursively.
fn finish(section: &mut Section) {
    if section.level == 1 {
        let first = section.body.first().map_or("", |p| first_sentence(p));
        section.kind = roles::guess_kind(&section.heading, first);
    }
    section.enumeration = section.body.iter().enumerate().find_map(|(k, p)| {
        enumeration(p).map(|(form, intro, points, markers)| Enumerated {
            form,
            paragraph: k,
            intro,
            points,
            markers,
        })
    });
    for s in &mut section.sections {
        finish(s);
    }
}

fn first_sentence(p: &str) -> &str {
    match p.find(['。', '！', '？']) {
        Some(at) => &p[..at],
        None => p,
    }
}

/// An inline enumeration in a paragraph: markers of one form numbered 1, 2, … (at least two).
fn enumeration(p: &str) -> Option<(Form, String, Vec<String>, Vec<String>)> {
    let found = roles::inline_markers(p);
    let first = found.iter().position(|m| m.marker.ordinal == 1)?;
    let form = found[first].marker.form;
    let mut seq = vec![found[first]];
    for m in &found[first + 1..] {
        if m.marker.form != form {
            continue;
        }
        let want = seq.len() as u64 + 1;
        let ok = m.marker.ordinal == want || (form == Form::Fangmian && m.marker.ordinal == 0);
        if ok {
            seq.push(*m);
            if form == Form::Fangmian {
                break;
            }
        } else if m.marker.ordinal == 1 {
            break;
        }
    }
    if seq.len() < 2 || (form == Form::Fangmian && seq.len() != 2) {
        return None;
    }
    let intro = p[..seq[0].at].to_string();
    let points = seq
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let end = seq.get(k + 1).map_or(p.len(), |n| n.at);
            p[m.at + m.marker.len..end].to_string()
        })
        .collect();
    let markers = seq
        .iter()
        .map(|m| p[m.at..m.at + m.marker.len].to_string())
        .collect();
    Some((form, intro, points, markers))
}

/// The announcing sentence in the opening: the last sentence of the last paragraph, when it
/// announces a count (`讲三点意见`, `强调几点意见`).
fn find_transition(opening: &[String]) -> Option<Transition> {
    // only the last paragraph: the spec renders the transition right before the parts
    let k = opening.len().checked_sub(1)?;
    let p = &opening[k];
    let start = sentence_start_of_last(p);
    let sentence = &p[start..];
    roles::announced_count(sentence).map(|announced| Transition {
        paragraph: k,
        at: start,
        text: sentence.to_string(),
        announced,
    })
}

/// Byte offset where the last sentence of a paragraph starts.
fn sentence_start_of_last(p: &str) -> usize {
    let trimmed = p.trim_end_matches(['。', '！', '？', '：', ':', '”']);
    trimmed
        .rfind(['。', '！', '？'])
        .map_or(0, |at| at + '。'.len_utf8())
}

impl Section {
    /// Number of sections below this one, at any depth.
    pub fn count(&self) -> usize {
        1 + self.sections.iter().map(Section::count).sum::<usize>()
    }
}

impl Speech {
    /// The number the transition announced, if it stated one.
    pub fn announced(&self) -> Option<Announced> {
        self.transition.as_ref().map(|t| t.announced)
    }

    /// The speech as a `Doc`, in the sample's own layout and wording.
    pub fn to_doc(&self) -> Doc {
        let mut blocks = Vec::new();
        if let Some(t) = &self.title {
            blocks.push(Block::Title { text: t.clone() });
        }
        for b in &self.bylines {
            blocks.push(Block::Byline { text: b.clone() });
        }
        if let Some(s) = &self.salutation {
            blocks.push(Block::Salutation { text: s.clone() });
        }
        for p in &self.opening {
            blocks.push(paragraph(p, false));
        }
        fn walk(s: &Section, blocks: &mut Vec<Block>) {
            let heading = Heading {
                level: s.level,
                text: format!("{}{}", s.marker, s.heading),
            };
            let mut body = s.body.iter();
            match s.style {
                HeadingStyle::Standalone => blocks.push(Block::Heading(heading)),
                HeadingStyle::RunIn => blocks.push(Block::Paragraph(Paragraph {
                    lead: Some(heading),
                    text: body.next().cloned().unwrap_or_default(),
                    closing: false,
                })),
            }
            for p in body {
                blocks.push(paragraph(p, false));
            }
            for sub in &s.sections {
                walk(sub, blocks);
            }
        }
        for part in &self.parts {
            walk(part, &mut blocks);
        }
        for p in &self.closing {
            blocks.push(paragraph(p, true));
        }
        Doc { blocks }
    }
}

fn paragraph(text: &str, closing: bool) -> Block {
    Block::Paragraph(Paragraph {
        lead: None,
        text: text.to_string(),
        closing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::mine::test_lines as v;

    #[test]
    fn nests_levels_by_marker_forms() {
        let lines = v(&[
            "在全县工作会议上的讲话",
            "同志们：",
            "今天开会。下面，我讲两点意见。",
            "一、充分肯定成绩",
            "1、工作有进展。各地抓得很实。",
            "2、机制更健全。",
            "具体做法很多。",
            "二、明确下一步任务",
            "（一）加强领导。一是抓学习。二是抓落实。",
            "同志们，任务艰巨。",
        ]);
        let s = segment(&lines);
        assert_eq!(s.title.as_deref(), Some("在全县工作会议上的讲话"));
        assert_eq!(s.salutation.as_deref(), Some("同志们："));
        let t = s.transition.as_ref().unwrap();
        assert_eq!(
            (t.text.as_str(), t.announced),
            ("下面，我讲两点意见。", Announced::Count(2))
        );
        assert_eq!(s.parts.len(), 2);
        let p1 = &s.parts[0];
        assert_eq!(
            (p1.heading.as_str(), p1.style, p1.kind),
            ("充分肯定成绩", HeadingStyle::Standalone, Kind::Achievements)
        );
        assert_eq!(p1.sections.len(), 2);
        assert_eq!(p1.sections[0].style, HeadingStyle::RunIn);
        assert_eq!(p1.sections[0].body, v(&["各地抓得很实。"]));
        assert_eq!(p1.sections[1].body, v(&["具体做法很多。"]));
        let sec = &s.parts[1].sections[0];
        assert_eq!(
            (sec.level, sec.form, sec.marker.as_str()),
            (2, Some(Form::ParenYi), "（一）")
        );
        let e = sec.enumeration.as_ref().unwrap();
        assert_eq!(e.points, v(&["抓学习。", "抓落实。"]));
        assert_eq!(s.closing, v(&["同志们，任务艰巨。"]));
        assert_eq!(s.to_doc().plain_text().replace('\n', ""), lines.concat());
    }

    #[test]
    fn yao_headings_and_inline_yao() {
        let lines = v(&[
            "一要在落实上有新提高。要抓好制度。",
            "二要在质量上有新提高。一要选题准。二要形式新。",
        ]);
        let s = segment(&lines);
        assert_eq!(s.parts.len(), 2);
        assert_eq!(s.parts[0].form, Some(Form::Yao));
        assert_eq!(s.parts[1].enumeration.as_ref().unwrap().form, Form::Yao);
        let inline = v(&["一要抓学习。二要抓落实。"]);
        assert!(segment(&inline).parts.is_empty());
    }

    #[test]
    fn unnumbered_headings_need_company() {
        let lines = v(&[
            "在年度述职评议会上的讲话",
            "同志们：",
            "旗帜鲜明讲政治，坚决筑牢战斗堡垒",
            "要强化政治意识。",
            "凝心聚力抓落实，切实推动任务落地",
            "要明确责任。",
        ]);
        let s = segment(&lines);
        assert_eq!(s.parts.len(), 2);
        assert_eq!(s.parts[1].form, None);
        let single = v(&[
            "同志们：",
            "旗帜鲜明讲政治，坚决筑牢战斗堡垒",
            "要强化政治意识。",
        ]);
        assert!(segment(&single).parts.is_empty());
    }
}
