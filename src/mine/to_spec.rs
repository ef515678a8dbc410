//! Turning a mined speech into a spec that renders back to the sample: the sample's own
//! wording goes into free `paragraphs`, the transition and headings keep their text, and the
//! extension fields (`numbering = "yao"`, `heading-style`) carry forms the stock spec lacks.

use super::segment::{Enumerated, Section, Speech};
use crate::doc::roles::{self, Announced, Form};
use crate::numerals;
use crate::render::heading_form;
use crate::spec::{Closing, Enumeration, HeadingStyle, Kind, Numbering, Opening, Part, Spec};

/// The built-in template a speech most resembles, from its title and opening.
pub fn guess_template(speech: &Speech) -> &'static str {
    let title = speech.title.as_deref().unwrap_or("");
    let head = format!(
        "{title}{}",
        speech.opening.first().map(String::as_str).unwrap_or("")
    );
    // a signed article has a byline; an office-and-name line (`副总裁孙晓红`) is as often the
    // speaker of a speech the page prints without its salutation
    let article = speech.salutation.is_none()
        && (speech.bylines.iter().any(|b| !roles::is_speaker_line(b))
            || speech
                .closing
                .first()
                .is_some_and(|c| c.starts_with("总之")));
    let words = &crate::doc::roles::TYPE_WORDS;
    if let Some((_, _, t)) = words.iter().find(|(t, w, _)| *t && title.contains(w)) {
        t
    } else if article {
        "article"
    } else if let Some((_, _, t)) = words.iter().find(|(t, w, _)| !*t && head.contains(w)) {
        t
    } else if let Some((_, template)) = occasion(speech) {
        template
    } else {
        "mobilization"
    }
}

/// The occasion the speech names beyond the five built-in types (`开学典礼`, `座谈会`…) and
/// the nearest built-in template, from its title and first paragraph.
pub fn occasion(speech: &Speech) -> Option<(&'static str, &'static str)> {
    let title = speech.title.as_deref().unwrap_or("");
    let opening = speech.opening.first().map(String::as_str).unwrap_or("");
    let first = opening.split_inclusive('。').take(2).collect::<String>();
    crate::doc::roles::occasion(title, &first)
}

/// The type shown to the user: the occasion with the template used for it, or the template.
pub fn type_label(speech: &Speech) -> String {
    let template = guess_template(speech);
    match occasion(speech) {
        Some((name, nearest)) if nearest == template => {
            format!("{name}（内置模板没有这一类，用最接近的 {template}）")
        }
        _ => template.to_string(),
    }
}

/// The `numbering` value for the parts' marker form.
pub fn numbering_for(form: Option<Form>, parts: usize) -> Numbering {
    match form {
        None => Numbering::None,
        Some(Form::Di) => Numbering::Di,
        Some(Form::Yao) => Numbering::Yao,
        Some(Form::Shouxian) if parts <= 4 => Numbering::Shouxian,
        _ => Numbering::Standard,
    }
}

/// Replaces the announced count word with `{n}` when it equals the number of parts, so the
/// spec stays right when parts are added or removed.
fn transition_template(text: &str, announced: Announced, parts: usize) -> String {
    if announced != Announced::Count(parts as u64) {
        return text.to_string();
    }
    let word = numerals::count(parts as u64);
    for noun in crate::doc::roles::ANNOUNCE_NOUNS {
        let needle = format!("{word}{noun}");
        if let Some(at) = text.find(&needle) {
            return format!("{}{{n}}{}", &text[..at], &text[at + word.len()..]);
        }
    }
    text.to_string()
}

/// `（2026年1月15日）` → a TOML date.
fn byline_date(text: &str) -> Option<toml::value::Datetime> {
    let inner = text
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let (y, rest) = inner.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    (1..=12).contains(&m).then_some(())?;
    (1..=31).contains(&d).then_some(())?;
    Some(toml::value::Datetime {
        date: Some(toml::value::Date {
            year: y,
            month: m,
            day: d,
        }),
        time: None,
        offset: None,
    })
}

/// Builds the spec for a mined speech. `fallback_title` names it when the sample has no title.
pub fn to_spec(speech: &Speech, fallback_title: &str) -> Spec {
    let mut spec = Spec {
        template: guess_template(speech).to_string(),
        title: speech
            .title
            .clone()
            .unwrap_or_else(|| fallback_title.to_string()),
        ..Spec::default()
    };
    let mut opening = Vec::new();
    for b in &speech.bylines {
        match byline_date(b) {
            Some(d) if spec.date.is_none() => spec.date = Some(d),
            _ if spec.speaker.is_none() => {
                let inner = b
                    .trim()
                    .trim_start_matches(['（', '('])
                    .trim_end_matches(['）', ')', '：', ':']);
                // `副总裁孙晓红` runs office and name together; `（县委书记　张明）` spaces them
                let split = roles::speaker_parts(b)
                    .map(|(title, name)| (title.trim_end(), name))
                    .or_else(|| inner.split_once('\u{3000}'))
                    .filter(|(title, name)| !title.is_empty() && !name.is_empty());
                match split {
                    Some((title, name)) => {
                        spec.speaker_title = Some(title.to_string());
                        spec.speaker = Some(name.to_string());
                    }
                    None => spec.speaker = Some(inner.to_string()),
                }
            }
            _ => opening.push(b.clone()),
        }
    }
    spec.salutation = Some(match &speech.salutation {
        Some(s) => s
            .trim_end_matches(['：', ':'])
            .split('、')
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    });
    let first_form = speech.parts.first().and_then(|p| p.form);
    if !speech.parts.is_empty() {
        let numbering = numbering_for(first_form, speech.parts.len());
        spec.numbering = Some(numbering);
        spec.heading_forms = heading_forms(&speech.parts, numbering);
        let levels: Vec<Form> = (1..=crate::spec::MAX_DEPTH)
            .map(|l| {
                spec.heading_forms
                    .as_ref()
                    .and_then(|f| f.get(l - 1).copied())
                    .unwrap_or_else(|| heading_form(numbering, l))
            })
            .collect();
        spec.parts = speech.parts.iter().map(|p| part(p, &levels)).collect();
        fit_forms(&mut spec.parts, 1, &levels);
        keep_markers(&mut spec.parts, &speech.parts, 1, &levels);
    }

    let mut transition = String::new();
    for (k, p) in speech.opening.iter().enumerate() {
        match &speech.transition {
            Some(t) if t.paragraph == k => {
                let before = p[..t.at].trim();
                if !before.is_empty() {
                    opening.push(before.to_string());
                }
                transition = if speech.parts.is_empty() {
                    opening.push(t.text.clone());
                    String::new()
                } else {
                    transition_template(&t.text, t.announced, speech.parts.len())
                };
            }
            _ => opening.push(p.clone()),
        }
    }
    spec.transition = Some(transition);
    spec.opening = Opening {
        paragraphs: opening,
        ..Opening::default()
    };
    spec.closing = Closing {
        paragraphs: speech.closing.clone(),
        ..Closing::default()
    };
    spec
}

/// The sample's marker form per level when it differs from what `numbering` would write:
/// the most common form at each level, up to the deepest level that differs.
fn heading_forms(parts: &[Section], numbering: Numbering) -> Option<Vec<Form>> {
    let mut counts: Vec<Vec<(Form, usize)>> = Vec::new();
    fn walk(s: &Section, counts: &mut Vec<Vec<(Form, usize)>>) {
        let level = s.level as usize;
        if counts.len() < level {
            counts.resize(level, Vec::new());
        }
        if let Some(form) = s.form {
            let row = &mut counts[level - 1];
            match row.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => row.push((form, 1)),
            }
        }
        for sub in &s.sections {
            walk(sub, counts);
        }
    }
    for p in parts {
        walk(p, &mut counts);
    }
    let forms: Vec<Form> = counts
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .max_by_key(|(_, n)| *n)
                .map_or_else(|| heading_form(numbering, i + 1), |(f, _)| *f)
        })
        .collect();
    let differs = forms
        .iter()
        .enumerate()
        .rposition(|(i, f)| *f != heading_form(numbering, i + 1))?;
    Some(forms[..=differs].to_vec())
}

/// A form that cannot number a group (首先…最后 past four, 一方面 for other than two) gives
/// way to the standard form of its level for that group's parts.
fn fit_forms(parts: &mut [Part], level: usize, levels: &[Form]) {
    let n = parts.len();
    let level_form = levels
        .get(level - 1)
        .copied()
        .unwrap_or(crate::doc::roles::STANDARD_HEADING_FORMS[3]);
    for p in parts.iter_mut() {
        let form = p.heading_form.unwrap_or(level_form);
        if form.write(n, n).is_err() || form.write(1, n).is_err() {
            let standard = crate::doc::roles::STANDARD_HEADING_FORMS[(level - 1).min(3)];
            p.heading_form = Some(standard);
        }
        fit_forms(&mut p.sections, level + 1, levels);
    }
}

/// The speech's own markers stay: where the renderer would number a group of headings
/// differently from the sample (`（四）` alone, `三、` after a cut, `最后` as the second of two),
/// the group's headings are written unnumbered with their markers in the heading text.
fn keep_markers(parts: &mut [Part], sections: &[Section], level: usize, levels: &[Form]) {
    let total = sections.len();
    let level_form = levels
        .get(level - 1)
        .copied()
        .unwrap_or(crate::doc::roles::STANDARD_HEADING_FORMS[3]);
    let differs = parts.iter().zip(sections).enumerate().any(|(k, (p, s))| {
        s.form.is_some_and(|f| {
            let form = p.heading_form.unwrap_or(level_form);
            form != f || f.write(k + 1, total).map_or(true, |w| w != s.marker)
        })
    });
    for (p, s) in parts.iter_mut().zip(sections) {
        if differs && s.form.is_some() {
            p.heading_form = Some(Form::Unnumbered);
            p.heading = format!("{}{}", s.marker, p.heading);
        }
        keep_markers(&mut p.sections, &s.sections, level + 1, levels);
    }
}

/// List items ending in `；` keep their mark: the renderer ends every paragraph with `。`, so a
/// run of such items and the item that ends the list are kept as one paragraph whose lines join
/// without a break (the words stay; the items share a paragraph).
fn keep_list_marks(paragraphs: Vec<String>) -> Vec<String> {
    if !paragraphs.iter().any(|p| p.ends_with('；')) {
        return paragraphs;
    }
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut open = false;
    for p in paragraphs {
        match out.last_mut() {
            Some(last) if open => {
                last.push('\n');
                last.push_str(&p);
            }
            _ => out.push(p.clone()),
        }
        open = p.ends_with('；');
    }
    out
}

fn enumeration_of(form: Form) -> Enumeration {
    match form {
        Form::Yao => Enumeration::Yao,
        Form::Di => Enumeration::Di,
        Form::Fangmian => Enumeration::Fangmian,
        _ => Enumeration::Shi,
    }
}

/// True when `points` + `enumeration` render the enumeration exactly as written: the
/// markers are the ones the renderer writes and every point ends a sentence or clause (the
/// template ends each point with 。 unless it already ends with 。！？：；…).
fn renders_verbatim(e: &Enumerated) -> bool {
    let n = e.points.len();
    let markers_match = e
        .markers
        .iter()
        .enumerate()
        .all(|(k, m)| e.form.write(k + 1, n).is_ok_and(|w| w == *m));
    // the renderer ends a point with 。: a point of the sample ending in ； stays in its paragraph
    let ends = e
        .points
        .iter()
        .all(|p| p.trim_end().ends_with(['。', '！', '？', '：', '…']));
    markers_match && ends
}

fn part(s: &Section, levels: &[Form]) -> Part {
    let mut p = Part {
        heading: s.heading.clone(),
        heading_style: Some(s.style),
        ..Part::default()
    };
    if s.form.is_none() && levels.get(s.level as usize - 1) != Some(&Form::Unnumbered) {
        // an unnumbered heading where its level is numbered: the line stays as a paragraph
        p.heading = String::new();
        p.heading_style = None;
        p.paragraphs.push(s.heading.clone());
    }
    match s.enumeration.as_ref().filter(|e| renders_verbatim(e)) {
        Some(e) => {
            p.paragraphs.extend(s.body[..e.paragraph].iter().cloned());
            if !e.intro.trim().is_empty() {
                p.paragraphs.push(e.intro.clone());
            }
            p.points = e.points.clone();
            p.enumeration = Some(enumeration_of(e.form));
            p.after = s.body[e.paragraph + 1..].to_vec();
        }
        None => p.paragraphs.extend(s.body.iter().cloned()),
    }
    // a standalone heading with its own `。`/`；`: the renderer trims a standalone heading's
    // end mark, so it is written as a lead on its own line (run-in, no first paragraph), which
    // keeps the mark, and its paragraphs follow
    if s.style == HeadingStyle::Standalone
        && !p.heading.is_empty()
        && s.heading.ends_with(['。', '；', '！'])
        && p.points.is_empty()
    {
        p.heading_style = Some(HeadingStyle::RunIn);
        let mut after = std::mem::take(&mut p.paragraphs);
        after.append(&mut p.after);
        p.after = after;
    }
    p.paragraphs = keep_list_marks(std::mem::take(&mut p.paragraphs));
    p.after = keep_list_marks(std::mem::take(&mut p.after));
    // a kind with points and no paragraphs would make the template add its stock lead-in
    let stock_intro = p.paragraphs.is_empty() && !p.points.is_empty();
    if s.level == 1 && !stock_intro && s.kind != Kind::Other {
        p.kind = Some(s.kind);
    }
    p.heading_form = s
        .form
        .filter(|f| levels.get(s.level as usize - 1) != Some(f));
    p.sections = s.sections.iter().map(|sub| part(sub, levels)).collect();
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transition_count_becomes_n_only_when_it_matches() {
        let a = Announced::Count(3);
        assert_eq!(
            transition_template("下面，我讲三点意见。", a, 3),
            "下面，我讲{n}点意见。"
        );
        assert_eq!(
            transition_template("下面，我讲三点意见。", a, 4),
            "下面，我讲三点意见。"
        );
        assert_eq!(
            transition_template("我讲两点意见：", Announced::Count(2), 2),
            "我讲{n}点意见："
        );
        assert_eq!(
            transition_template("我强调几点意见。", Announced::Several, 4),
            "我强调几点意见。"
        );
    }

    #[test]
    fn bylines_become_date_or_speaker() {
        let d = byline_date("（2026年1月15日）").unwrap();
        assert_eq!(d.to_string(), "2026-01-15");
        assert!(byline_date("（市直机关工委张明）").is_none());
    }
}
