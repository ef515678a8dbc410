//! Human-readable views of a mined speech: the indented outline and the one-line summary.

use super::Mined;
use super::segment::Section;
use crate::doc::roles::Announced;
use crate::numerals;
use crate::spec::{HeadingStyle, Kind};

/// Chinese label of a part kind.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Achievements => "成绩",
        Kind::Problems => "问题",
        Kind::Experience => "经验",
        Kind::Tasks => "任务",
        Kind::Other => "其他",
    }
}

/// The first `n` characters of a text, with `…` when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

fn announced_text(a: Announced) -> String {
    match a {
        Announced::Count(n) => format!("宣布{}点", numerals::count(n)),
        Announced::Several => "宣布“几点”".to_string(),
    }
}

/// The structure as an indented tree: role, numbering form, first words.
pub fn outline(m: &Mined) -> String {
    let s = &m.speech;
    let mut out = String::new();
    let mut line = |indent: usize, role: &str, text: String| {
        out.push_str(&"  ".repeat(indent));
        out.push_str(role);
        out.push('　');
        out.push_str(&text);
        out.push('\n');
    };
    if let Some(t) = &s.title {
        line(0, "标题", t.clone());
    }
    for b in &s.bylines {
        line(0, "署名", b.clone());
    }
    if let Some(t) = &s.salutation {
        line(0, "称呼", t.clone());
    }
    if let Some(p) = s.opening.first() {
        line(
            0,
            "开头",
            format!("{}（{}段）", first_words(p, 20), s.opening.len()),
        );
    }
    if let Some(t) = &s.transition {
        line(
            0,
            "过渡",
            format!("{}〔{}〕", t.text, announced_text(t.announced)),
        );
    }
    fn walk(sec: &Section, indent: usize, line: &mut dyn FnMut(usize, &str, String)) {
        let form = sec.form.map_or("无编号", |f| f.label());
        let style = match sec.style {
            HeadingStyle::Standalone => "独立成行",
            HeadingStyle::RunIn => "连排",
        };
        let role = if sec.level == 1 { "部分" } else { "小节" };
        let mut tags = format!(
            "{}级｜{form}｜{style}",
            numerals::cardinal(sec.level as u64)
        );
        if sec.level == 1 {
            tags.push('｜');
            tags.push_str(kind_label(sec.kind));
        }
        line(
            indent,
            role,
            format!("{}{}〔{tags}〕", sec.marker, first_words(&sec.heading, 24)),
        );
        if let Some(e) = &sec.enumeration {
            line(
                indent + 1,
                "列举",
                format!("{}…（{}项）", e.form.label(), e.points.len()),
            );
        }
        for sub in &sec.sections {
            walk(sub, indent + 1, line);
        }
    }
    for part in &s.parts {
        walk(part, 0, &mut line);
    }
    if let Some(p) = s.closing.first() {
        line(
            0,
            "结尾",
            format!("{}（{}段）", first_words(p, 20), s.closing.len()),
        );
    }
    line(0, "把握", certainty(m));
    out
}

/// How sure the miner is of each decision: `起点：有把握（称呼语）；…`.
pub fn certainty(m: &Mined) -> String {
    let c = &m.confidence;
    let levels = if m.speech.parts.is_empty() {
        "无部分".to_string()
    } else if m.speech.parts_guessed {
        "推测（按段落形态，没有编号）".to_string()
    } else {
        "有把握（编号）".to_string()
    };
    format!(
        "起点：{}（{}）；终点：{}（{}）；标题：{}（{}）；层级：{levels}",
        c.start.label(),
        c.start_reason,
        c.end.label(),
        c.end_reason,
        c.title.label(),
        c.title_reason
    )
}

/// The decisions the miner guessed, for a warning: `起点、层级`; empty when none.
pub fn guesses(m: &Mined) -> Vec<&'static str> {
    use super::locate::Sureness::Guessed;
    let c = &m.confidence;
    let mut out = Vec::new();
    if c.start == Guessed {
        out.push("正文起点");
    }
    if c.end == Guessed {
        out.push("正文终点");
    }
    if c.title == Guessed {
        out.push("标题");
    }
    if m.speech.parts_guessed {
        out.push("层级");
    }
    out
}

/// One line per speech for the `mine` command: type, parts, announced vs found, placeholders.
pub fn summary(m: &Mined) -> String {
    let s = &m.speech;
    let title = s.title.as_deref().unwrap_or("（无标题）");
    let mut out = format!("《{title}》");
    if !m.label.is_empty() {
        out.push_str(&format!("（{}）", m.label));
    }
    out.push_str(&format!(
        "：类型 {}，{} 个部分",
        super::to_spec::type_label(s),
        s.parts.len()
    ));
    match s.announced() {
        Some(Announced::Count(n)) if n as usize != s.parts.len() => out.push_str(&format!(
            "，过渡句宣布{}点但找到{}个部分（请核对）",
            numerals::count(n),
            numerals::cardinal(s.parts.len() as u64)
        )),
        Some(a) => out.push_str(&format!("，过渡句{}", announced_text(a))),
        None => out.push_str("，没有过渡句"),
    }
    if m.placeholders.is_empty() {
        out.push_str("，无占位符");
    } else {
        let mut kinds: Vec<&str> = m.placeholders.iter().map(|p| p.text.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        out.push_str(&format!(
            "，占位符 {} 处（{}）",
            m.placeholders.len(),
            kinds.join("、")
        ));
    }
    out
}
