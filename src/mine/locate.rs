//! Finding the speech on a page by the shape of its text, not by the words of any site: prose
//! (long lines with Chinese sentence punctuation) forms the body; short lines around it are
//! kept only where a speech has them (title, date, salutation, headings between prose, a short
//! closing line); a paragraph repeated later on the page (a summary box) is dropped; a news lead
//! before a salutation, a title inside the text (another speech or article) and signature or
//! date lines after the end are cut.

use super::shape::Shape;
use crate::doc::roles;
use serde::Serialize;

/// How sure the miner is about one decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sureness {
    /// A mark of the genre says so (a salutation, a speech title, a closing line).
    Sure,
    /// Only the shape of the text says so.
    Guessed,
}

impl Sureness {
    pub fn label(self) -> &'static str {
        match self {
            Sureness::Sure => "有把握",
            Sureness::Guessed => "推测",
        }
    }
}

/// Where the speech starts and ends, where its title came from, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confidence {
    pub start: Sureness,
    pub start_reason: &'static str,
    pub end: Sureness,
    pub end_reason: &'static str,
    pub title: Sureness,
    pub title_reason: &'static str,
}

impl Default for Confidence {
    fn default() -> Self {
        Confidence {
            start: Sureness::Sure,
            start_reason: "全文即讲话",
            end: Sureness::Sure,
            end_reason: "全文即讲话",
            title: Sureness::Guessed,
            title_reason: "没有标题",
        }
    }
}

/// One speech found on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub lines: Vec<String>,
    pub confidence: Confidence,
}

/// A line of running prose: enough Chinese text and a sentence or clause mark.
pub fn is_prose(l: &str) -> bool {
    Shape::of(l).is_prose()
}

/// A short spoken line: a sentence with its end mark (`请全体起立！`, `“爱！”`).
fn is_spoken(l: &str, shape: &Shape) -> bool {
    let t = l.trim_end_matches(['”', '’', '」']);
    let sentence = shape.han >= 1 && t.ends_with(['。', '！', '？', '…']) && !roles::is_thanks(l);
    // a line of hard-wrapped prose: Chinese text broken mid-sentence
    let wrapped = shape.han >= 8 && (shape.comma || l.ends_with(['，', '、']));
    sentence || wrapped
}

/// Most short lines allowed between two prose lines of one text (headings, vocatives).
const MAX_GAP: usize = 3;

/// Locates the speeches in cleaned lines. `page_title` (from the page's front matter) is used
/// when no title line is found. Lines outside every speech are returned as removed.
pub fn locate(lines: Vec<String>, page_title: Option<&str>) -> (Vec<Found>, Vec<String>) {
    let lines = drop_repeats(lines);
    // each line is read once; the stages below ask its shape
    let shapes: Vec<Shape> = lines.iter().map(|l| Shape::of(l)).collect();
    let prose: Vec<bool> = shapes.iter().map(Shape::is_prose).collect();
    // blocks of prose lines with short gaps
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if !prose[k] {
            k += 1;
            continue;
        }
        let start = k;
        let mut last = k;
        let mut j = k + 1;
        // short spoken lines (`请坐下！`, `“是！”`) do not count towards the gap
        let mut gap = 0;
        while j < lines.len() && gap <= MAX_GAP {
            if prose[j] {
                last = j;
                gap = 0;
            } else if !is_spoken(&lines[j], &shapes[j]) {
                gap += 1;
            }
            j += 1;
        }
        blocks.push((start, last + 1));
        k = last + 1;
    }
    let weight = |(a, b): (usize, usize)| -> usize {
        (a..b).filter(|&i| prose[i]).map(|i| shapes[i].chars).sum()
    };
    let Some(&best) = blocks.iter().max_by_key(|b| weight(**b)) else {
        // no prose at all: keep the text as it is
        return (
            vec![Found {
                lines,
                confidence: Confidence::default(),
            }],
            Vec::new(),
        );
    };
    // other blocks as heavy as a speech are speeches too (several texts on one page)
    let heavy = weight(best) / 3;
    let chosen: Vec<(usize, usize)> = blocks
        .iter()
        .copied()
        .filter(|b| *b == best || (weight(*b) >= heavy && weight(*b) >= 600))
        .collect();
    let mut keep = vec![false; lines.len()];
    let mut found = Vec::new();
    for (a, b) in chosen {
        for (s, e, conf, title_line) in pieces(&lines, &shapes, &prose, a, b, page_title) {
            // another text on the page is a speech only with a title or a salutation of its own
            let marked = conf.title == Sureness::Sure || conf.start_reason == "称呼语";
            if (a, b) != best && !marked {
                continue;
            }
            keep[s..e].iter_mut().for_each(|k| *k = true);
            let mut piece: Vec<String> = lines[s..e].to_vec();
            if let Some(t) = title_line {
                keep[t] = true;
                piece.insert(0, lines[t].clone());
            }
            // a title from the page when the piece has none of its own
            if conf.title_reason == "网页标题"
                && let Some(t) = page_title
            {
                piece.insert(0, t.to_string());
            }
            found.push(Found {
                lines: piece,
                confidence: conf,
            });
        }
    }
    let removed = lines
        .iter()
        .zip(&keep)
        .filter(|(_, k)| !**k)
        .map(|(l, _)| l.clone())
        .collect();
    (found, removed)
}

/// Drops a long paragraph that occurs again later (a summary box quoting the body).
fn drop_repeats(lines: Vec<String>) -> Vec<String> {
    // from the end: a long line already seen further down is an earlier copy
    // (120 bytes hold at least 30 characters: only shorter lines need counting)
    let long = |l: &str| l.len() >= 120 || (l.len() >= 30 && l.chars().count() >= 30);
    // only a line of the same byte length can be a copy: lines of a length no other long line
    // has are not hashed (most long lines)
    let mut lengths = std::collections::HashMap::<usize, usize>::with_capacity(lines.len());
    for l in lines.iter().filter(|l| long(l)) {
        *lengths.entry(l.len()).or_default() += 1;
    }
    let shared = |l: &str| lengths.get(&l.len()).is_some_and(|&n| n > 1);
    // sized up front: growing the table would hash every line in it again
    let mut seen = std::collections::HashSet::with_capacity(lines.len());
    let mut last: Vec<bool> = lines
        .iter()
        .rev()
        .map(|l| !long(l) || !shared(l) || seen.insert(l.as_str()))
        .collect();
    last.reverse();
    lines
        .into_iter()
        .zip(last)
        .filter(|(_, k)| *k)
        .map(|(l, _)| l)
        .collect()
}

/// True for a short line that names a speech (`在……上的讲话`, `……致辞`).
fn is_speech_title(l: &str) -> bool {
    roles::could_be_title(l) && roles::has_title_ending(l)
}

/// A line that can stand in a speech's head: title, subtitle, date, speaker.
fn is_head_line(l: &str, shape: &Shape) -> bool {
    shape.chars <= 60 && !shape.is_prose() && !l.contains(['[', ']', '|', '【', '】', '·', '•'])
}

/// Cuts one block into speeches: at titles inside it; each gets its head and its end.
fn pieces(
    lines: &[String],
    shapes: &[Shape],
    prose: &[bool],
    a: usize,
    b: usize,
    page_title: Option<&str>,
) -> Vec<(usize, usize, Confidence, Option<usize>)> {
    // starts: a speech title inside the block followed soon by prose or a salutation
    let mut starts = vec![a];
    for i in a + 1..b {
        if is_speech_title(&lines[i])
            && (i + 1..(i + 4).min(b)).any(|j| prose[j] || roles::is_salutation(&lines[j]))
        {
            starts.push(i);
        }
    }
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let e = starts.get(n + 1).copied().unwrap_or(b);
        let mut title_line = None;
        let mut conf = Confidence {
            start: Sureness::Guessed,
            start_reason: "正文起点按文字形态推测",
            end: Sureness::Guessed,
            end_reason: "正文终点按文字形态推测",
            title: Sureness::Guessed,
            title_reason: "没有标题",
        };
        // the head: short lines just before the first prose line
        let mut head = s;
        if n == 0 {
            while head > 0 && s - head < 6 && is_head_line(&lines[head - 1], &shapes[head - 1]) {
                head -= 1;
            }
        }
        // a salutation within the first lines starts the speech: what comes before it in
        // the block is a news lead
        let salut = (head..e.min(s + 6)).find(|&i| {
            roles::is_salutation(&lines[i])
                || roles::leading_salutation(&lines[i]).is_some()
                || roles::speaker_label(&lines[i]).is_some()
        });
        let mut start = head;
        if let Some(si) = salut {
            conf.start = Sureness::Sure;
            conf.start_reason = "称呼语";
            // keep a title line right above the salutation's head lines
            let mut t = si;
            while t > head && is_head_line(&lines[t - 1], &shapes[t - 1]) && !prose[t - 1] {
                t -= 1;
            }
            start = t;
        } else if (head..e).any(|i| roles::opens_speech(&lines[i])) {
            let i = (head..e)
                .find(|&i| roles::opens_speech(&lines[i]))
                .unwrap_or(head);
            if i <= s + 3 {
                conf.start = Sureness::Sure;
                conf.start_reason = "开场问候语";
                let mut t = i;
                while t > head && is_head_line(&lines[t - 1], &shapes[t - 1]) {
                    t -= 1;
                }
                start = t;
            }
        }
        if (start..e).take(6).any(|i| is_speech_title(&lines[i])) {
            conf.title = Sureness::Sure;
            conf.title_reason = "讲话标题";
            if n > 0 {
                conf.start = Sureness::Sure;
                conf.start_reason = "讲话标题";
            }
        } else if let Some(t) = (start.saturating_sub(4)..start)
            .rev()
            .find(|&i| i >= a.saturating_sub(6) && is_speech_title(&lines[i]))
        {
            // a speech title a few lines above, past a news lead or photo caption
            conf.title = Sureness::Sure;
            conf.title_reason = "讲话标题";
            title_line = Some(t);
        } else if page_title.is_some()
            && n == 0
            && !(start..e.min(start + 4))
                .any(|i| roles::could_be_title(&lines[i]) && lines[i].chars().count() >= 7)
        {
            conf.title = Sureness::Guessed;
            conf.title_reason = "网页标题";
        } else if (start..e)
            .next()
            .is_some_and(|i| roles::could_be_title(&lines[i]))
        {
            conf.title_reason = "正文前的短行";
        }
        // the end: after the last prose line, a short closing line (谢谢大家！) stays
        let mut end = e;
        while end > start && !prose[end - 1] {
            end -= 1;
        }
        if end < lines.len() && roles::is_thanks(&lines[end]) {
            end += 1;
            conf.end = Sureness::Sure;
            conf.end_reason = "致谢语";
        } else if end > start && roles::is_thanks(&lines[end - 1]) {
            conf.end = Sureness::Sure;
            conf.end_reason = "致谢语";
        } else if starts.get(n + 1).is_some() {
            conf.end = Sureness::Sure;
            conf.end_reason = "下一篇标题";
        }
        // nothing cut away: the whole text is the speech
        if start == 0 && conf.start == Sureness::Guessed {
            conf.start = Sureness::Sure;
            conf.start_reason = "文件开头即正文";
        }
        if end == lines.len() && conf.end == Sureness::Guessed {
            conf.end = Sureness::Sure;
            conf.end_reason = "文件结尾即正文";
        }
        // an untitled text without a salutation before a titled speech is a news lead
        if n == 0 && starts.len() > 1 && conf.title != Sureness::Sure && salut.is_none() {
            continue;
        }
        // a sign-off (`以上报告，请予评议。`, `谢谢大家！`) followed by another title ends the
        // speech; what follows is another text
        if let Some(x) = (start..end.saturating_sub(2)).find(|&x| {
            roles::is_sign_off(&lines[x])
                && roles::could_be_title(&lines[x + 1])
                && !roles::is_salutation(&lines[x + 1])
                && lines[x + 1].chars().count() >= 6
                && (x + 2..end.min(x + 4)).any(|j| prose[j])
        }) {
            end = x + 1;
            conf.end = Sureness::Sure;
            conf.end_reason = "结束语后是另一篇的标题";
        }
        if end > start {
            out.push((start, end, conf, title_line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::mine::test_lines as v;

    #[test]
    fn prose_shape() {
        assert!(is_prose(
            "今天我们召开全县安全生产工作会议，主要任务是部署下一阶段工作。"
        ));
        assert!(!is_prose("上一篇：关于做好防汛工作的通知"));
        assert!(!is_prose("一、提高认识"));
    }

    #[test]
    fn lead_and_footer_go() {
        let lines = v(&[
            "首页 > 新闻中心",
            "本报讯 昨天上午，全县安全生产工作会议在县会议中心召开，县长出席会议并讲话。",
            "同志们：",
            "今天我们召开全县安全生产工作会议，主要任务是总结上半年工作，部署下一阶段任务。",
            "一、提高认识",
            "安全生产责任重于泰山，各级各部门要切实增强责任感和紧迫感。",
            "谢谢大家！",
            "联系我们",
            "地址：县政府大院",
        ]);
        let (found, removed) = locate(lines, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines[0], "同志们：");
        assert_eq!(found[0].lines.last().unwrap(), "谢谢大家！");
        assert_eq!(found[0].confidence.start, Sureness::Sure);
        assert_eq!(removed.len(), 4);
    }
}
