//! The data a template sees: the spec with defaults applied, counts derived, markers written
//! and the user's text tidied (full-width punctuation, phrases without end marks, sentences with).

use crate::doc::punct;
use crate::doc::roles::{Form, STANDARD_HEADING_FORMS};
use crate::error::Result;
use crate::numerals;
use crate::spec::{
    Enumeration, HeadingStyle, Kind, Located, Numbering, Part, PhraseChoice, Seg, Spec,
};
use crate::template::FrontMatter;
use crate::template::front_matter::Alternatives;
use serde::Serialize;
use std::cell::Cell;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct Context {
    pub(super) title: String,
    /// `2026-01-15`, for the `date` and `date-cn` helpers.
    pub(super) date: Option<String>,
    pub(super) speaker: Option<String>,
    pub(super) speaker_title: Option<String>,
    /// Addressees joined with 、 (no trailing colon); empty for none.
    pub(super) salutation: String,
    pub(super) opening: Opening,
    /// The transition with `{n}` replaced; null when there is none.
    pub(super) transition: Option<String>,
    /// Number of parts, and its counting word (两, 三 …).
    pub(super) count: usize,
    pub(super) count_word: String,
    pub(super) parts: Vec<PartCtx>,
    pub(super) closing: Closing,
    /// The chosen alternative of each of the template's stock sentences (`phrases.comment`).
    pub(super) phrases: BTreeMap<String, String>,
    /// The spec's free `[vars]` table, for custom templates.
    pub(super) vars: toml::Table,
    /// The vocative a closing opens with when the audience is not 同志们: the last addressee
    /// (`女士们、先生们`). None keeps 同志们 (also for a speech without a salutation).
    #[serde(skip)]
    pub(super) closing_vocative: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Opening {
    /// Phrases woven into the opening sentence, without closing punctuation.
    pub(super) meeting: Option<String>,
    pub(super) purpose: Option<String>,
    pub(super) just_now: Vec<String>,
    pub(super) comment: Option<String>,
    pub(super) paragraphs: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct Closing {
    /// The call with its subject (the template's `closing-subject` unless the user wrote one),
    /// and the goal; both without closing punctuation.
    pub(super) call: Option<String>,
    pub(super) goal: Option<String>,
    pub(super) paragraphs: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct PartCtx {
    pub(super) heading: String,
    pub(super) kind: Option<Kind>,
    pub(super) level: usize,
    /// `一、` `（一）` `第一，` … for this part's position.
    pub(super) marker: String,
    /// `##` … `#####`: the Markdown heading prefix for a standalone heading.
    pub(super) hashes: String,
    pub(super) run_in: bool,
    /// Run-in heading: marker + heading without its closing punctuation (set in bold) …
    pub(super) lead: String,
    /// … and the closing punctuation written after the bold (。 unless the heading has its own).
    pub(super) lead_end: String,
    /// True when nothing follows the run-in heading in its paragraph (only sections do).
    pub(super) lead_alone: bool,
    /// The template's stock lead-in for this kind, when the part has no paragraphs of its own.
    pub(super) intro: Option<String>,
    pub(super) paragraphs: Vec<String>,
    pub(super) points: Vec<String>,
    pub(super) enumeration: Enumeration,
    /// True when a point spans paragraphs: then every point starts its own paragraph.
    pub(super) points_split: bool,
    pub(super) after: Vec<String>,
    pub(super) sections: Vec<PartCtx>,
    /// `一是` `二是` … for each point (empty for `list`), checked against the points' count.
    #[serde(skip)]
    pub(super) point_markers: Vec<String>,
}

fn texts(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|t| punct::paragraphs(t))
        .filter(|t| !t.is_empty())
        .collect()
}

fn opt_phrase(v: &Option<String>) -> Option<String> {
    v.as_deref().map(punct::phrase).filter(|p| !p.is_empty())
}

pub fn build(spec: &Located<Spec>, front: &FrontMatter) -> Result<Context> {
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
    let salutation: Vec<String> = s
        .salutation
        .clone()
        .or_else(|| front.salutation.clone())
        .unwrap_or_else(|| vec!["同志们".to_string()])
        .iter()
        .map(|a| punct::phrase(a))
        .filter(|a| !a.is_empty())
        .collect();
    // the parts the transition announces: the headed ones (see `Levels::parts`)
    let headed = s
        .parts
        .iter()
        .filter(|p| !punct::phrase(&p.heading).is_empty())
        .count();
    let count = if headed > 0 { headed } else { s.parts.len() };
    let transition = s
        .transition
        .as_deref()
        .or(front.transition.as_deref())
        .filter(|t| !t.trim().is_empty() && count > 0)
        .map(|t| punct::sentence(&t.replace("{n}", &numerals::count(count as u64))));
    let numbering = s
        .numbering
        .or(front.numbering)
        .unwrap_or(Numbering::Standard);
    let enumeration = front.enumeration.unwrap_or(Enumeration::Shi);
    let mut path = vec![Seg::Key("parts")];
    let levels = Levels {
        spec,
        front,
        numbering,
        forms: s.heading_forms.as_deref().unwrap_or(&[]),
        enumeration,
        affirmed: Cell::new(false),
    };
    check_phrase_keys(spec, front)?;
    let parts = levels.parts(&s.parts, 1, &mut path)?;
    let call = opt_phrase(&s.closing.call).map(|c| {
        let c = c.strip_prefix("同志们，").unwrap_or(&c).to_string();
        if crate::doc::roles::has_call_subject(&c) {
            c
        } else {
            format!("{}{c}", front.closing_subject.as_deref().unwrap_or(""))
        }
    });
    Ok(Context {
        title: punct::full_width(s.title.trim()).into_owned(),
        date,
        speaker: opt_phrase(&s.speaker),
        speaker_title: opt_phrase(&s.speaker_title),
        closing_vocative: closing_vocative(&salutation),
        salutation: salutation.join("、"),
        opening: Opening {
            meeting: opt_phrase(&s.opening.meeting),
            purpose: opt_phrase(&s.opening.purpose),
            just_now: s
                .opening
                .just_now
                .iter()
                .map(|j| punct::phrase(j))
                .filter(|j| !j.is_empty())
                .collect(),
            comment: s.opening.comment.as_deref().map(punct::paragraphs),
            paragraphs: texts(&s.opening.paragraphs),
        },
        transition,
        count,
        count_word: numerals::count(count as u64),
        parts,
        closing: Closing {
            call,
            goal: opt_phrase(&s.closing.goal),
            paragraphs: texts(&s.closing.paragraphs),
        },
        phrases: front
            .phrases
            .iter()
            .map(|(name, alts)| Ok((name.clone(), choose(spec, name, alts, |_| None)?)))
            .filter_map(|r: Result<(String, Option<String>)>| match r {
                Ok((n, Some(t))) => Some(Ok((n, t))),
                Ok((_, None)) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_>>()?,
        vars: merge_vars(spec, front)?,
    })
}

/// Who a closing's stock `同志们，` should address instead, given the speech's addressees.
fn closing_vocative(salutation: &[String]) -> Option<String> {
    if salutation.iter().any(|a| a.contains("同志们")) {
        return None;
    }
    salutation
        .last()
        .map(|last| last.trim_start_matches("尊敬的").to_string())
}

/// The template's `[vars]` defaults overlaid with the spec's. When the template declares its
/// variables, a spec key it does not know (a typo) or a value of another type is an error at
/// that key, so a misspelt `[vars]` entry never lets the template's sample text through.
fn merge_vars(spec: &Located<Spec>, front: &FrontMatter) -> Result<toml::Table> {
    let mut vars = front.vars.clone();
    if !front.vars.is_empty() {
        for (key, value) in &spec.value.vars {
            let at = [Seg::Key("vars"), Seg::Key(key.as_str())];
            match front.vars.get(key) {
                None => {
                    let known: Vec<&str> = front.vars.keys().map(String::as_str).collect();
                    let mut help = format!("这个模板的 [vars] 有：{}", known.join("、"));
                    if let Some(n) = crate::error::nearest(key, known.iter().copied()) {
                        help = format!("是不是想写 `{n}`？{help}");
                    }
                    return Err(spec
                        .error_at(&at, format!("模板没有用到 `vars.{key}`"))
                        .help(help)
                        .into());
                }
                Some(default) if default.type_str() != value.type_str() => {
                    return Err(spec
                        .error_at(
                            &at,
                            format!(
                                "`vars.{key}` 的类型不对：模板要的是{}，这里写的是{}",
                                toml_type_cn(default),
                                toml_type_cn(value)
                            ),
                        )
                        .help(format!("照模板的样例写，例如 {key} = {default}"))
                        .into());
                }
                Some(_) => {}
            }
        }
    }
    vars.extend(spec.value.vars.clone());
    Ok(vars)
}

/// A TOML value's kind, as a user reads it.
fn toml_type_cn(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "文字（加引号）",
        toml::Value::Integer(_) | toml::Value::Float(_) => "数字",
        toml::Value::Boolean(_) => "true/false",
        toml::Value::Datetime(_) => "日期",
        toml::Value::Array(_) => "列表（[\"…\", \"…\"]）",
        toml::Value::Table(_) => "小节",
    }
}

/// Every key of the spec's `[phrases]` names a stock sentence of the template.
fn check_phrase_keys(spec: &Located<Spec>, front: &FrontMatter) -> Result<()> {
    let mut names: Vec<&str> = front.phrases.keys().map(String::as_str).collect();
    names.extend(
        front
            .intro
            .by_kind()
            .iter()
            .filter(|(_, a)| !a.is_empty())
            .map(|(k, _)| *k),
    );
    for key in spec.value.phrases.keys() {
        if !names.contains(&key.as_str()) {
            let mut help = format!("这个模板可选的套话：{}", names.join("、"));
            if let Some(n) = crate::error::nearest(key, names.iter().copied()) {
                help = format!("是不是想写 {n}？{help}");
            }
            return Err(spec
                .error_at(
                    &[Seg::Key("phrases"), Seg::Key(key)],
                    format!("模板没有名为 {key} 的套话"),
                )
                .help(help)
                .into());
        }
    }
    Ok(())
}

/// The alternative of `alts` the spec picked under `[phrases] key`, or the first one that
/// fits (`misfit` says why one does not).
fn choose(
    spec: &Located<Spec>,
    key: &str,
    alts: &Alternatives,
    misfit: impl Fn(&str) -> Option<&'static str>,
) -> Result<Option<String>> {
    let picked = match spec.value.phrases.get(key) {
        None => None,
        Some(choice) => {
            let found = match choice {
                PhraseChoice::Number(n) => usize::try_from(*n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| alts.0.get(i)),
                PhraseChoice::Name(name) => alts.0.iter().find(|p| p.name() == Some(name.as_str())),
            };
            let at = [Seg::Key("phrases"), Seg::Key(key)];
            let Some(phrase) = found else {
                let list: Vec<String> = alts
                    .0
                    .iter()
                    .enumerate()
                    .map(|(i, p)| match p.name() {
                        Some(n) => format!("{} {n}", i + 1),
                        None => (i + 1).to_string(),
                    })
                    .collect();
                return Err(spec
                    .error_at(&at, format!("套话 {key} 没有这一句"))
                    .help(format!(
                        "可选：{}（jianghua templates show 模板名 列出全文）",
                        list.join("、")
                    ))
                    .into());
            };
            if let Some(why) = misfit(phrase.text()) {
                return Err(spec
                    .error_at(&at, format!("套话“{}”放在这里不合适：{why}", phrase.text()))
                    .help("换一句，或删掉这一行，由程序挑一句合适的")
                    .into());
            }
            Some(phrase.text())
        }
    };
    let text = picked.or_else(|| {
        alts.0
            .iter()
            .map(|p| p.text())
            .find(|t| misfit(t).is_none())
    });
    Ok(text
        .map(|t| punct::full_width(t.trim()).into_owned())
        .filter(|t| !t.is_empty()))
}

/// The marker form for a part at `level` (1-based) under a numbering scheme: the scheme's own
/// form at level 1, then the standard forms, so that 第一， is followed by （一）.
pub fn heading_form(numbering: Numbering, level: usize) -> Form {
    match (numbering, level) {
        (Numbering::Di, 1) => Form::Di,
        (Numbering::Shouxian, 1) => Form::Shouxian,
        (Numbering::Yao, 1) => Form::Yao,
        (Numbering::None, 1) => Form::Unnumbered,
        (_, l) => STANDARD_HEADING_FORMS[(l - 1).min(3)],
    }
}

/// Settings that hold for every level of one spec.
struct Levels<'a> {
    spec: &'a Located<Spec>,
    front: &'a FrontMatter,
    numbering: Numbering,
    /// Per-level form overrides (`heading-forms`); levels past the list follow `numbering`.
    forms: &'a [Form],
    enumeration: Enumeration,
    /// True once a part that affirms achievements has been written (for the intros that
    /// follow one: 在肯定成绩的同时……).
    affirmed: Cell<bool>,
}

impl Levels<'_> {
    fn form(&self, level: usize) -> Form {
        self.forms
            .get(level - 1)
            .copied()
            .unwrap_or_else(|| heading_form(self.numbering, level))
    }

    fn parts<'p>(
        &self,
        parts: &'p [Part],
        level: usize,
        path: &mut Vec<Seg<'p>>,
    ) -> Result<Vec<PartCtx>> {
        let level_form = self.form(level);
        // siblings look alike: all run in, unless one of them has sections of its own
        let default_run_in = if level == 1 {
            !matches!(self.numbering, Numbering::Standard | Numbering::None)
        } else {
            parts.iter().all(|p| p.sections.is_empty())
        };
        // parts without a heading (or with only punctuation) are unnumbered text: the numbers go
        // to the headed ones, so 一、 二、 stay consecutive
        let headed = |p: &Part| !punct::phrase(&p.heading).is_empty();
        let total = parts.iter().filter(|p| headed(p)).count();
        let mut number = 0;
        let mut out = Vec::with_capacity(parts.len());
        for (i, part) in parts.iter().enumerate() {
            path.push(Seg::Index(i));
            if headed(part) {
                number += 1;
            }
            let form = part.heading_form.unwrap_or(level_form);
            let marker = form.write(number.max(1), total.max(1)).map_err(|e| {
                let message = crate::doc::roles::marker_error_text(&e);
                // point at what chose the form: this part's heading-form, the level's entry in
                // heading-forms, or (numbering / the template's default) the siblings
                if part.heading_form.is_some() {
                    let mut at = path.clone();
                    at.push(Seg::Key("heading-form"));
                    self.spec
                        .error_at(&at, message)
                        .help("换一种 heading-form，或删掉它，按这一层的编号")
                } else if self.forms.get(level - 1).is_some() {
                    self.spec
                        .error_at(&[Seg::Key("heading-forms")], message)
                        .help("在 heading-forms 中给这一层换一种编号形式")
                } else {
                    self.spec.error_at(&path[..path.len() - 1], message).help(
                        "减少这一层的部分数，或在要素文件中换一种 numbering（standard 或 di）",
                    )
                }
            })?;
            // a word that promises more (首先, 第一, 一要) is left out when nothing follows it
            let marker = if total == 1
                && part.heading_form.is_none()
                && matches!(form, Form::Shouxian | Form::Di | Form::Yao)
            {
                String::new()
            } else {
                marker
            };
            let heading =
                crate::doc::roles::after_marker(form, &punct::full_width(part.heading.trim()));
            let has_heading = headed(part);
            let run_in = has_heading
                && match part.heading_style {
                    Some(HeadingStyle::RunIn) => true,
                    Some(HeadingStyle::Standalone) => false,
                    None => default_run_in,
                };
            let enumeration = part.enumeration.unwrap_or(self.enumeration);
            let point_form = match enumeration {
                Enumeration::Yao => Form::Yao,
                Enumeration::Shi => Form::Shi,
                Enumeration::Fangmian => Form::Fangmian,
                _ => Form::Di,
            };
            let points: Vec<String> = texts(&part.points)
                .iter()
                .map(|p| match enumeration {
                    Enumeration::List => crate::doc::roles::after_marker(Form::Unnumbered, p),
                    _ => crate::doc::roles::after_marker(point_form, p),
                })
                .collect();
            let point_markers = match enumeration {
                Enumeration::List => Vec::new(),
                _ => (1..=points.len())
                    .map(|n| point_form.write(n, points.len()))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| {
                        let mut at = path.clone();
                        at.push(Seg::Key("points"));
                        self.spec
                            .error_at(&at, crate::doc::roles::marker_error_text(&e))
                            .help("换一种 enumeration（shi、yao、di 或 list），或调整要点的个数")
                    })?,
            };
            let paragraphs = texts(&part.paragraphs);
            let intro = if paragraphs.is_empty() && !points.is_empty() {
                let intros = &self.front.intro;
                let (key, alts) = match part.kind {
                    Some(Kind::Achievements) => ("achievements", &intros.achievements),
                    Some(Kind::Problems) => ("problems", &intros.problems),
                    Some(Kind::Experience) => ("experience", &intros.experience),
                    Some(Kind::Tasks) => ("tasks", &intros.tasks),
                    _ => ("", &Alternatives::default()),
                };
                let affirmed = self.affirmed.get();
                choose(self.spec, key, alts, |t| {
                    crate::doc::roles::intro_misfit(t, points.len(), affirmed)
                })?
            } else {
                None
            };
            if part.kind == Some(Kind::Achievements) {
                self.affirmed.set(true);
            }
            let (lead, lead_end) = if has_heading {
                let full = format!("{marker}{}", punct::sentence(&heading));
                let (lead, end) = full.split_at(crate::doc::roles::run_in_bold_end(&full));
                (lead.to_string(), end.to_string())
            } else {
                (String::new(), String::new())
            };
            path.push(Seg::Key("sections"));
            let sections = self.parts(&part.sections, level + 1, path)?;
            path.pop();
            path.pop();
            out.push(PartCtx {
                lead_alone: intro.is_none() && paragraphs.is_empty() && points.is_empty(),
                heading: heading.trim_end_matches(['。', '；', '，']).to_string(),
                kind: part.kind,
                level,
                marker: if has_heading { marker } else { String::new() },
                hashes: "#".repeat(level + 1),
                run_in,
                lead,
                lead_end,
                intro,
                points_split: points.iter().any(|p| p.contains("\n\n")),
                paragraphs,
                points,
                enumeration,
                after: texts(&part.after),
                sections,
                point_markers,
            });
        }
        Ok(out)
    }
}
