//! The data a template sees: the spec with defaults applied, counts derived and markers written.

use crate::doc::roles::Form;
use crate::error::Result;
use crate::numerals;
use crate::spec::{Enumeration, HeadingStyle, Kind, Located, Numbering, Part, Seg, Spec};
use crate::template::FrontMatter;
use crate::template::helpers::ensure_sentence;
use serde::Serialize;

#[derive(Serialize)]
pub struct Context<'a> {
    title: &'a str,
    /// `2026-01-15`, for the `date` and `date-cn` helpers.
    date: Option<String>,
    speaker: Option<&'a str>,
    speaker_title: Option<&'a str>,
    /// Addressees joined with 、 (no trailing colon); empty for none.
    salutation: String,
    opening: Opening<'a>,
    /// The transition with `{n}` replaced; null when there is none.
    transition: Option<String>,
    /// Number of parts, and its counting word (两, 三 …).
    count: usize,
    count_word: String,
    parts: Vec<PartCtx<'a>>,
    closing: Closing<'a>,
}

#[derive(Serialize)]
struct Opening<'a> {
    meeting: Option<&'a str>,
    purpose: Option<&'a str>,
    just_now: &'a [String],
    comment: Option<&'a str>,
    paragraphs: &'a [String],
}

#[derive(Serialize)]
struct Closing<'a> {
    /// Phrases without their closing punctuation, ready to be woven into a sentence.
    call: Option<String>,
    goal: Option<String>,
    paragraphs: &'a [String],
}

#[derive(Serialize)]
struct PartCtx<'a> {
    heading: &'a str,
    kind: Option<Kind>,
    level: usize,
    /// `一、` `（一）` `第一，` … for this part's position.
    marker: String,
    /// `##` … `#####`: the Markdown heading prefix for a standalone heading.
    hashes: String,
    run_in: bool,
    /// Run-in heading: marker + heading without its closing punctuation (set in bold) …
    lead: String,
    /// … and the closing punctuation written after the bold (。 unless the heading has its own).
    lead_end: String,
    /// The template's stock lead-in for this kind, when the part has no paragraphs of its own.
    intro: Option<&'a str>,
    paragraphs: &'a [String],
    points: &'a [String],
    enumeration: &'static str,
    after: &'a [String],
    sections: Vec<PartCtx<'a>>,
}

fn strip_end_punct(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '！', '，', '；', '.', '!', ','])
        .to_string()
}

pub fn build<'a>(spec: &'a Located<Spec>, front: &'a FrontMatter) -> Result<Context<'a>> {
    let s = &spec.value;
    let date = match &s.date {
        None => None,
        Some(dt) => match dt.date {
            Some(d) => Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            None => {
                return Err(spec
                    .error_at(&[Seg::Key("date")], "`date` 只有时间，没有日期")
                    .help("写成 date = 2026-01-15")
                    .into());
            }
        },
    };
    let salutation = s
        .salutation
        .clone()
        .or_else(|| front.salutation.clone())
        .unwrap_or_else(|| vec!["同志们".to_string()]);
    let count = s.parts.len();
    let transition = s
        .transition
        .as_deref()
        .or(front.transition.as_deref())
        .filter(|t| !t.trim().is_empty() && count > 0)
        .map(|t| t.replace("{n}", &numerals::count(count as u64)));
    let numbering = s
        .numbering
        .or(front.numbering)
        .unwrap_or(Numbering::Standard);
    let enumeration = front.enumeration.unwrap_or(Enumeration::Shi);
    let mut path = vec![Seg::Key("parts")];
    let parts = parts_ctx(spec, front, &s.parts, 1, numbering, enumeration, &mut path)?;
    Ok(Context {
        title: &s.title,
        date,
        speaker: s.speaker.as_deref(),
        speaker_title: s.speaker_title.as_deref(),
        salutation: salutation.join("、"),
        opening: Opening {
            meeting: s.opening.meeting.as_deref(),
            purpose: s.opening.purpose.as_deref(),
            just_now: &s.opening.just_now,
            comment: s.opening.comment.as_deref(),
            paragraphs: &s.opening.paragraphs,
        },
        transition,
        count,
        count_word: numerals::count(count as u64),
        parts,
        closing: Closing {
            call: s.closing.call.as_deref().map(strip_end_punct),
            goal: s.closing.goal.as_deref().map(strip_end_punct),
            paragraphs: &s.closing.paragraphs,
        },
    })
}

/// The marker form for a part at `level` (1-based) under a numbering scheme: the scheme's own
/// form at level 1, then the standard forms, so that 第一， is followed by （一）.
pub fn heading_form(numbering: Numbering, level: usize) -> Form {
    use crate::doc::roles::STANDARD_HEADING_FORMS as STD;
    match (numbering, level) {
        (Numbering::Standard, l) => STD[(l - 1).min(3)],
        (Numbering::Di, 1) => Form::Di,
        (Numbering::Shouxian, 1) => Form::Shouxian,
        (Numbering::Yao, 1) => Form::Yao,
        (_, l) => STD[(l - 1).min(3)],
    }
}

fn enumeration_name(e: Enumeration) -> &'static str {
    match e {
        Enumeration::Shi => "shi",
        Enumeration::Yao => "yao",
        Enumeration::Di => "di",
        Enumeration::Fangmian => "fangmian",
        Enumeration::List => "list",
    }
}

fn parts_ctx<'a>(
    spec: &'a Located<Spec>,
    front: &'a FrontMatter,
    parts: &'a [Part],
    level: usize,
    numbering: Numbering,
    enumeration: Enumeration,
    path: &mut Vec<Seg<'a>>,
) -> Result<Vec<PartCtx<'a>>> {
    let form = heading_form(numbering, level);
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        path.push(Seg::Index(i));
        let marker = form.write(i + 1, parts.len()).map_err(|e| {
            spec.error_at(&path[..path.len() - 1], super::marker_error_text(&e))
                .help("减少这一层的部分数，或在 spec 中换一种 numbering（standard 或 di）")
        })?;
        let default_run_in = if level == 1 {
            numbering != Numbering::Standard
        } else {
            part.sections.is_empty()
        };
        let run_in = match part.heading_style {
            Some(HeadingStyle::RunIn) => true,
            Some(HeadingStyle::Standalone) => false,
            None => default_run_in,
        } && !part.heading.trim().is_empty();
        let (marker, lead, lead_end) = if part.heading.trim().is_empty() {
            (String::new(), String::new(), String::new())
        } else {
            let full = format!("{marker}{}", ensure_sentence(&part.heading));
            let cut = full
                .char_indices()
                .rev()
                .take_while(|(_, c)| crate::doc::markdown::is_trailing_punct(*c))
                .last()
                .map_or(full.len(), |(i, _)| i);
            let (lead, end) = full.split_at(cut);
            (marker, lead.to_string(), end.to_string())
        };
        let intro = if part.paragraphs.is_empty() && !part.points.is_empty() {
            match part.kind {
                Some(Kind::Achievements) => front.intro.achievements.as_deref(),
                Some(Kind::Problems) => front.intro.problems.as_deref(),
                Some(Kind::Experience) => front.intro.experience.as_deref(),
                Some(Kind::Tasks) => front.intro.tasks.as_deref(),
                _ => None,
            }
        } else {
            None
        };
        path.push(Seg::Key("sections"));
        let sections = parts_ctx(
            spec,
            front,
            &part.sections,
            level + 1,
            numbering,
            enumeration,
            path,
        )?;
        path.pop();
        path.pop();
        out.push(PartCtx {
            heading: &part.heading,
            kind: part.kind,
            level,
            marker,
            hashes: "#".repeat(level + 1),
            run_in,
            lead,
            lead_end,
            intro,
            paragraphs: &part.paragraphs,
            points: &part.points,
            enumeration: enumeration_name(part.enumeration.unwrap_or(enumeration)),
            after: &part.after,
            sections,
        });
    }
    Ok(out)
}
