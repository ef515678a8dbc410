//! Checks a parsed spec against the rules serde cannot express (depth, counts, text content).

use super::locate::{Located, Seg, field_name};
use super::{Enumeration, MAX_DEPTH, Numbering, Part, Spec};
use crate::doc::roles::Form;
use crate::error::Result;
use crate::render::marker_error_text;

pub fn validate(spec: &Located<Spec>) -> Result<()> {
    let s = &spec.value;
    if s.title.trim().is_empty() {
        return Err(spec
            .error_at(&[Seg::Key("title")], "`title` 是空的")
            .help("写上讲话的标题，例如：title = \"在全县工作会议上的讲话\"")
            .into());
    }
    check_text(spec)?;
    if s.numbering == Some(Numbering::Shouxian)
        && let Err(e) = Form::Shouxian.write(1, s.parts.len())
    {
        return Err(spec
            .error_at(&[Seg::Key("numbering")], marker_error_text(&e))
            .help("把部分合并到四个以内，或改用 numbering = \"standard\" 或 \"di\"")
            .into());
    }
    let headings = count_headings(&s.parts);
    let max = crate::doc::roles::MAX_HEADINGS;
    if headings > max {
        return Err(spec
            .error_at(
                &[Seg::Key("parts")],
                format!("部分和各级小节一共有 {headings} 个，超过了一篇讲话稿的上限 {max} 个"),
            )
            .help("一篇讲话的标题一般不过几十个；请合并归类，或拆成几篇讲话")
            .into());
    }
    let mut path = vec![Seg::Key("parts")];
    check_parts(spec, &s.parts, 1, &mut path)
}

/// Parts and sections at every level.
fn count_headings(parts: &[Part]) -> usize {
    parts.iter().map(|p| 1 + count_headings(&p.sections)).sum()
}

/// More items than a speech numbers (see `roles::MAX_ITEMS`), pointed at the first one too many.
fn too_many(spec: &Located<Spec>, path: &[Seg], what: &str, n: usize) -> crate::Error {
    let max = crate::doc::roles::MAX_ITEMS;
    spec.error_at(
        path,
        format!(
            "{what}有 {n} 个，超过了讲话稿能编号的 {max} 个（{}）",
            crate::numerals::cardinal(max as u64)
        ),
    )
    .help("把内容合并归类到九十九项以内；数量很多的清单可以写进一段 paragraphs，或放到附件里")
    .into()
}

fn check_parts<'a>(
    spec: &Located<Spec>,
    parts: &'a [Part],
    level: usize,
    path: &mut Vec<Seg<'a>>,
) -> Result<()> {
    let max = crate::doc::roles::MAX_ITEMS;
    if parts.len() > max {
        path.push(Seg::Index(max));
        let what = if level == 1 {
            "部分（[[parts]]）"
        } else {
            "小节（sections）"
        };
        return Err(too_many(spec, path, what, parts.len()));
    }
    for (i, part) in parts.iter().enumerate() {
        if part.points.len() > max {
            path.push(Seg::Index(i));
            path.push(Seg::Key("points"));
            path.push(Seg::Index(max));
            return Err(too_many(spec, path, "要点（points）", part.points.len()));
        }
        path.push(Seg::Index(i));
        if part.enumeration == Some(Enumeration::Fangmian)
            && let Err(e) = Form::Fangmian.write(1, part.points.len())
        {
            path.push(Seg::Key("enumeration"));
            let err = spec
                .error_at(
                    path,
                    format!(
                        "`{}`：{}",
                        field_name(&path[..path.len() - 1]),
                        marker_error_text(&e)
                    ),
                )
                .help("写成恰好两个 points，或改用 enumeration = \"shi\"（一是、二是……）");
            return Err(err.into());
        }
        if !part.sections.is_empty() {
            if level >= MAX_DEPTH {
                path.push(Seg::Key("sections"));
                let err = spec
                    .error_at(
                        path,
                        format!(
                            "层次太深：`{}` 已是第{}层，讲话稿最多四层（一、（一）1.（1））",
                            field_name(&path[..path.len() - 1]),
                            crate::numerals::cardinal(level as u64)
                        ),
                    )
                    .help("把第五层的内容并入上一层的 paragraphs 或 points");
                return Err(err.into());
            }
            path.push(Seg::Key("sections"));
            check_parts(spec, &part.sections, level + 1, path)?;
            path.pop();
        }
        path.pop();
    }
    Ok(())
}

/// Fields woven into one line or one sentence: a line break inside them would break the draft.
const ONE_LINE: &[&str] = &[
    "title",
    "speaker",
    "speaker-title",
    "transition",
    "salutation",
    "meeting",
    "purpose",
    "just-now",
    "heading",
    "call",
    "goal",
];

/// A control character that arrived through a TOML escape such as `\u0007`, or a line break in
/// a field that must stay on one line.
fn check_text(spec: &Located<Spec>) -> Result<()> {
    let mut found = None;
    for_each_text(&spec.value, &mut |path, text| {
        if found.is_some() {
            return;
        }
        let key = path.iter().rev().find_map(|p| match p {
            Owned::Key(k) => Some(*k),
            Owned::Index(_) => None,
        });
        let one_line = key.is_some_and(|k| ONE_LINE.contains(&k));
        if let Some(c) = text.chars().find(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || (one_line && matches!(c, '\n' | '\r'))
        }) {
            found = Some((path.to_vec(), c));
        }
    });
    let Some((path, c)) = found else {
        return Ok(());
    };
    let segs: Vec<Seg<'_>> = path
        .iter()
        .map(|p| match p {
            Owned::Key(k) => Seg::Key(k),
            Owned::Index(i) => Seg::Index(*i),
        })
        .collect();
    let err = if matches!(c, '\n' | '\r') {
        spec.error_at(
            &segs,
            format!("字段 `{}` 只能写一行，里面有换行", field_name(&segs)),
        )
        .help("去掉换行；要分段的内容请写进 paragraphs")
    } else {
        spec.error_at(
            &segs,
            format!(
                "字段 `{}` 中有一个控制字符 U+{:04X}，Word 文件里不能有它",
                field_name(&segs),
                c as u32
            ),
        )
        .help("删除这个字符（多半是从别处粘贴时带进来的转义序列）")
    };
    Err(err.into())
}

#[derive(Debug, Clone)]
enum Owned {
    Key(&'static str),
    Index(usize),
}

/// Calls `f` with every user text field of the spec and its path.
fn for_each_text(spec: &Spec, f: &mut dyn FnMut(&[Owned], &str)) {
    use Owned::{Index, Key};
    f(&[Key("title")], &spec.title);
    for (key, value) in [
        ("speaker", &spec.speaker),
        ("speaker-title", &spec.speaker_title),
        ("transition", &spec.transition),
    ] {
        if let Some(v) = value {
            f(&[Key(key)], v);
        }
    }
    for (i, s) in spec.salutation.iter().flatten().enumerate() {
        f(&[Key("salutation"), Index(i)], s);
    }
    let o = &spec.opening;
    for (key, value) in [
        ("meeting", &o.meeting),
        ("purpose", &o.purpose),
        ("comment", &o.comment),
    ] {
        if let Some(v) = value {
            f(&[Key("opening"), Key(key)], v);
        }
    }
    for (key, list) in [("just-now", &o.just_now), ("paragraphs", &o.paragraphs)] {
        for (i, s) in list.iter().enumerate() {
            f(&[Key("opening"), Key(key), Index(i)], s);
        }
    }
    let mut path = vec![Key("parts")];
    parts_text(&spec.parts, &mut path, f);
    let c = &spec.closing;
    for (key, value) in [("call", &c.call), ("goal", &c.goal)] {
        if let Some(v) = value {
            f(&[Key("closing"), Key(key)], v);
        }
    }
    for (i, s) in c.paragraphs.iter().enumerate() {
        f(&[Key("closing"), Key("paragraphs"), Index(i)], s);
    }
}

fn parts_text(parts: &[Part], path: &mut Vec<Owned>, f: &mut dyn FnMut(&[Owned], &str)) {
    for (i, part) in parts.iter().enumerate() {
        path.push(Owned::Index(i));
        path.push(Owned::Key("heading"));
        f(path, &part.heading);
        path.pop();
        for (key, list) in [
            ("paragraphs", &part.paragraphs),
            ("points", &part.points),
            ("after", &part.after),
        ] {
            for (j, s) in list.iter().enumerate() {
                path.push(Owned::Key(key));
                path.push(Owned::Index(j));
                f(path, s);
                path.pop();
                path.pop();
            }
        }
        path.push(Owned::Key("sections"));
        parts_text(&part.sections, path, f);
        path.pop();
        path.pop();
    }
}
