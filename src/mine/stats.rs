//! Corpus statistics for `mine --stats DIR`: types, numbering forms per level, enumeration
//! styles, a phrase bank of transitions and closings, placeholders, count mismatches.

use super::Mined;
use super::segment::Section;
use crate::doc::roles::Announced;
use std::collections::BTreeMap;

/// Counts gathered over a corpus.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub files: usize,
    pub speeches: usize,
    pub types: BTreeMap<String, usize>,
    /// Level (1-based) → form label → count.
    pub forms: BTreeMap<u8, BTreeMap<String, usize>>,
    pub heading_styles: BTreeMap<String, usize>,
    pub enumerations: BTreeMap<String, usize>,
    pub transitions: BTreeMap<String, usize>,
    /// First sentence of each closing.
    pub closings: BTreeMap<String, usize>,
    pub placeholders: BTreeMap<String, usize>,
    /// Occasions beyond the five built-in types (开学典礼, 座谈会…).
    pub occasions: BTreeMap<String, usize>,
    /// Decisions the miner guessed (正文起点, 标题, 层级…) → number of speeches.
    pub guesses: BTreeMap<String, usize>,
    /// Speeches whose transition announces a count different from their parts.
    pub mismatches: Vec<String>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<String>,
}

fn first_sentence(p: &str) -> String {
    match p.find(['。', '！', '？']) {
        Some(at) => p[..at + '。'.len_utf8()].to_string(),
        None => p.to_string(),
    }
}

impl Stats {
    /// Adds the speeches mined from one file.
    pub fn add(&mut self, mined: &[Mined]) {
        self.files += 1;
        for m in mined {
            self.speeches += 1;
            let s = &m.speech;
            *self
                .types
                .entry(super::to_spec::guess_template(s).to_string())
                .or_default() += 1;
            fn walk(st: &mut Stats, sec: &Section) {
                let form = sec.form.map_or("无编号", |f| f.label()).to_string();
                *st.forms
                    .entry(sec.level)
                    .or_default()
                    .entry(form)
                    .or_default() += 1;
                let style = match sec.style {
                    crate::spec::HeadingStyle::Standalone => "独立成行",
                    crate::spec::HeadingStyle::RunIn => "连排",
                };
                *st.heading_styles.entry(style.to_string()).or_default() += 1;
                if let Some(e) = &sec.enumeration {
                    *st.enumerations
                        .entry(e.form.label().to_string())
                        .or_default() += 1;
                }
                for sub in &sec.sections {
                    walk(st, sub);
                }
            }
            for part in &s.parts {
                walk(self, part);
            }
            if let Some(t) = &s.transition {
                *self.transitions.entry(t.text.clone()).or_default() += 1;
                if let Announced::Count(n) = t.announced
                    && n as usize != s.parts.len()
                {
                    self.mismatches.push(format!(
                        "{}{}：宣布{}点，找到{}个部分",
                        m.file.display(),
                        if m.label.is_empty() {
                            String::new()
                        } else {
                            format!("（{}）", m.label)
                        },
                        n,
                        s.parts.len()
                    ));
                }
            }
            if let Some((name, _)) = super::to_spec::occasion(s) {
                *self.occasions.entry(name.to_string()).or_default() += 1;
            }
            for g in super::outline::guesses(m) {
                *self.guesses.entry(g.to_string()).or_default() += 1;
            }
            if let Some(c) = s.closing.first() {
                *self.closings.entry(first_sentence(c)).or_default() += 1;
            }
            for p in &m.placeholders {
                *self.placeholders.entry(p.text.clone()).or_default() += 1;
            }
        }
    }

    /// The report printed by `mine --stats`.
    pub fn render(&self) -> String {
        let mut out = format!(
            "语料统计：{} 个文件，{} 篇讲话\n",
            self.files, self.speeches
        );
        let section = |out: &mut String, title: &str, map: &BTreeMap<String, usize>| {
            out.push_str(&format!("\n## {title}\n"));
            if map.is_empty() {
                out.push_str("（无）\n");
            }
            let mut rows: Vec<_> = map.iter().collect();
            rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (k, v) in rows {
                out.push_str(&format!("{v:>4}  {k}\n"));
            }
        };
        section(&mut out, "讲话类型", &self.types);
        section(&mut out, "场合（内置类型以外）", &self.occasions);
        section(&mut out, "推测的判断（篇数）", &self.guesses);
        for (level, forms) in &self.forms {
            section(
                &mut out,
                &format!("第{}层编号", crate::numerals::cardinal(*level as u64)),
                forms,
            );
        }
        section(&mut out, "标题排法", &self.heading_styles);
        section(&mut out, "列举方式", &self.enumerations);
        section(&mut out, "过渡句", &self.transitions);
        section(&mut out, "结尾首句", &self.closings);
        section(&mut out, "占位符", &self.placeholders);
        out.push_str("\n## 宣布数与部分数不符\n");
        if self.mismatches.is_empty() {
            out.push_str("（无）\n");
        }
        for m in &self.mismatches {
            out.push_str(&format!("  {m}\n"));
        }
        if !self.unreadable.is_empty() {
            out.push_str("\n## 无法读取的文件\n");
            for u in &self.unreadable {
                out.push_str(&format!("  {u}\n"));
            }
        }
        out
    }
}
