//! The rules that look at one paragraph's text: placeholders, 二点 for 两点, half-width and
//! doubled punctuation, unbalanced quotes and brackets; and the speech's length.

use super::read::Draft;
use super::{Hit, Options, Rule, Severity};
use crate::doc::{placeholder, punct};

/// Runs every text rule on one paragraph.
pub fn text_rules(para: usize, text: &str, hits: &mut Vec<Hit>) {
    placeholders(para, text, hits);
    liang(para, text, hits);
    half_width(para, text, hits);
    double_punct(para, text, hits);
    unbalanced(para, text, hits);
}

fn hit(para: usize, start: usize, end: usize, rule: Rule, severity: Severity) -> Hit {
    Hit {
        para,
        start,
        end,
        rule,
        severity,
        message: String::new(),
        fix: None,
    }
}

fn placeholders(para: usize, text: &str, hits: &mut Vec<Hit>) {
    for r in placeholder::find(text) {
        let found = &text[r.clone()];
        let message = if found.starts_with('{') {
            format!(
                "“{found}”没有被替换：要素文件里只有 {{n}} 会换成部分的个数；请改成 {{n}} 或直接写出内容"
            )
        } else {
            format!("占位符“{found}”还没有替换成实际内容；请填入真实的名称、数字或日期")
        };
        hits.push(Hit {
            message,
            ..hit(para, r.start, r.end, Rule::Placeholder, Severity::Error)
        });
    }
}

/// Measure words after which the genre writes 两, not 二.
const LIANG_NOUNS: [char; 3] = ['点', '个', '项'];

/// Characters that make 二 part of a larger number or an ordinal (十二点, 第二个, 二点五).
fn is_numeral_context(c: char) -> bool {
    matches!(
        c,
        '第' | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '零'
            | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '初'
            | '之'
            | '其'
            | '周'
            | '星'
            | '期'
    ) || c.is_ascii_digit()
}

fn liang(para: usize, text: &str, hits: &mut Vec<Hit>) {
    if !text.contains('二') {
        return;
    }
    for (at, _) in text.match_indices('二') {
        let rest = &text[at + '二'.len_utf8()..];
        let Some(noun) = rest.chars().next().filter(|c| LIANG_NOUNS.contains(c)) else {
            continue;
        };
        let before = text[..at].chars().next_back();
        let after = rest[noun.len_utf8()..].chars().next();
        if before.is_some_and(is_numeral_context) || after.is_some_and(is_numeral_context) {
            continue;
        }
        let end = at + '二'.len_utf8() + noun.len_utf8();
        hits.push(Hit {
            message: format!("“二{noun}”应写作“两{noun}”：量词前的“二”习惯写“两”"),
            fix: Some(format!("两{noun}")),
            ..hit(para, at, end, Rule::Liang, Severity::Error)
        });
    }
}

fn half_width(para: usize, text: &str, hits: &mut Vec<Hit>) {
    if text.is_ascii() {
        return;
    }
    for (at, full) in punct::half_width_marks(text, true) {
        let half = text.as_bytes()[at] as char;
        hits.push(Hit {
            message: format!("中文里用了半角标点（{half}），应改为全角（{full}）"),
            fix: Some(full.to_string()),
            ..hit(para, at, at + 1, Rule::HalfWidth, Severity::Warning)
        });
    }
}

fn double_punct(para: usize, text: &str, hits: &mut Vec<Hit>) {
    for (r, keep) in punct::doubled(text) {
        let found = &text[r.clone()];
        hits.push(Hit {
            message: format!("标点重复“{found}”；应只保留“{keep}”"),
            fix: Some(keep.to_string()),
            ..hit(para, r.start, r.end, Rule::DoublePunct, Severity::Error)
        });
    }
}

/// Paired marks: (open, close).
const PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('《', '》'),
    ('【', '】'),
];

fn unbalanced(para: usize, text: &str, hits: &mut Vec<Hit>) {
    if !text.contains(|c| PAIRS.iter().any(|(o, e)| c == *o || c == *e)) {
        return;
    }
    let mut open: Vec<(usize, char, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if let Some(&(o, e)) = PAIRS.iter().find(|(o, _)| *o == c) {
            open.push((at, o, e));
            continue;
        }
        let Some(&(o, _)) = PAIRS.iter().find(|(_, e)| *e == c) else {
            continue;
        };
        if c == '）' && closes_marker(&text[..at]) {
            continue;
        }
        match open.iter().rposition(|(_, oo, _)| *oo == o) {
            Some(i) if i == open.len() - 1 => {
                open.pop();
            }
            Some(i) => {
                // closed across an inner mark that is still open: nested wrong
                let (inner_at, inner, inner_close) = open[open.len() - 1];
                hits.push(Hit {
                    message: format!(
                        "“{inner}”没有在“{c}”之前闭合（嵌套错误）；请在这里之前补上“{inner_close}”或调整顺序"
                    ),
                    ..hit(
                        para,
                        inner_at,
                        inner_at + inner.len_utf8(),
                        Rule::Unbalanced,
                        Severity::Error,
                    )
                });
                open.truncate(i);
            }
            None => hits.push(Hit {
                message: format!("“{c}”前面没有对应的“{o}”；请补上“{o}”或删去多余的“{c}”"),
                ..hit(
                    para,
                    at,
                    at + c.len_utf8(),
                    Rule::Unbalanced,
                    Severity::Error,
                )
            }),
        }
    }
    for (at, o, e) in open {
        hits.push(Hit {
            message: format!("“{o}”没有闭合；请在引用或括注结束处补上“{e}”"),
            ..hit(
                para,
                at,
                at + o.len_utf8(),
                Rule::Unbalanced,
                Severity::Error,
            )
        });
    }
}

/// True when a `）` after `before` closes a numbering marker like `1）` (at the start of the
/// text or of a clause), which has no opening bracket.
fn closes_marker(before: &str) -> bool {
    let digits = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let head: String = before.chars().rev().skip(digits).take(1).collect();
    head.chars().next().is_none_or(|c| {
        matches!(
            c,
            '。' | '；' | '：' | '，' | '、' | ' ' | '\u{3000}' | '\t'
        )
    })
}

/// Minutes as the summary writes them: one decimal.
pub fn minutes_text(m: f64) -> String {
    format!("{m:.1}")
}

/// The speaking time: always an information, a warning when it misses `--minutes` by more
/// than a fifth.
pub fn length(draft: &Draft, options: &Options) -> Hit {
    let chars = super::spoken_chars(draft);
    let need = chars as f64 / options.rate;
    let rate = options.rate;
    let mut message = format!(
        "全文约{chars}字，按每分钟{rate}字计，约需{}分钟",
        minutes_text(need)
    );
    let mut severity = Severity::Info;
    if let Some(slot) = options.minutes {
        let target = (slot * rate).round() as usize;
        if need > slot * 1.2 {
            severity = Severity::Warning;
            message.push_str(&format!("，超出预定的{slot}分钟；请压缩到约{target}字"));
        } else if need < slot * 0.8 {
            severity = Severity::Warning;
            message.push_str(&format!("，不足预定的{slot}分钟；请充实到约{target}字"));
        } else {
            message.push_str(&format!("，与预定的{slot}分钟相符"));
        }
    }
    Hit {
        message,
        ..hit(usize::MAX, 0, 0, Rule::Length, severity)
    }
}
