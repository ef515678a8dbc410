//! Cleaning downloaded samples: strips site noise, injected words and stray spaces, makes
//! punctuation full-width within Chinese text, separates a title run into its salutation, and
//! reports (never removes) placeholders such as `XX` and `20xx`.

use crate::doc::punct::{full_width, is_cjk, is_han};
use crate::doc::roles;
use serde::Serialize;
use std::borrow::Cow;

/// Cleaned text, one paragraph per line, and what cleaning found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    pub lines: Vec<String>,
    pub report: CleanReport,
}

impl Cleaned {
    /// The cleaned text, one paragraph per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// What cleaning removed, and the placeholders it left in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CleanReport {
    /// Whole lines dropped as site noise (navigation, counters, prompts, ads, repeated titles).
    pub removed_lines: Vec<String>,
    /// Words removed from the middle of sentences (`心得体会` injected by the site).
    pub injected: Vec<String>,
}

/// A placeholder left for an anonymised fact (`XX`, `×`, `20xx`…), with its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placeholder {
    pub text: String,
    /// 1-based line (paragraph) and column in characters.
    pub line: usize,
    pub column: usize,
}

/// Lines longer than this (in bytes) are body text and never taken for site noise.
const NOISE_MAX_BYTES: usize = 180;

/// Key phrases of site chrome: navigation, meta lines, download and VIP prompts, ads.
const NOISE_PHRASES: &[&str] = &[
    "您当前的位置",
    "当前位置",
    "首页 >",
    "首页>",
    "首页 ＞",
    "范文网",
    "文档网",
    "本站",
    "网友上传",
    "仅供学习",
    "禁止外传",
    "下载",
    "VIP",
    "推荐度",
    "doc格式",
    ".doc》",
    "相关热搜",
    "浏览记录",
    "预览阅读",
    "阅读已结束",
    "联系老师",
    "联系客服",
    "代笔",
    "订阅",
    "会员",
    "QQ群",
    "微信号",
    "公众号",
    "举报",
    "倒卖",
    "自建平台",
    "实时分享",
    "版权",
    "用户关注",
    "阅读:",
    "阅读：",
    "浏览次数",
    "点击次数",
    "字体：",
    "打印本页",
    "收藏本文",
    "👉",
];

/// Lines that start a "related reading" tail: everything after them is site furniture.
const TAIL_MARKERS: &[&str] = &[
    "相关阅读",
    "相关文章",
    "相关热搜",
    "相关推荐",
    "相关范文",
    "猜你喜欢",
    "延伸阅读",
    "推荐阅读",
    "最近更新",
    "热门推荐",
    "浏览记录",
];

/// Site category words that document sites inject into the middle of sentences.
const INJECTED: &[&str] = &[
    "热门思想汇报",
    "范文内容地图",
    "思想汇报",
    "心得体会",
    "范文写作",
    "工作总结",
    "工作计划",
    "述职报告",
    "演讲稿",
    "范文大全",
    "入党申请书",
    "事迹材料",
];

fn is_clause_punct(c: char) -> bool {
    matches!(c, '。' | '，' | '、' | '；' | '：' | '！' | '？')
}

/// True for a line of site chrome: navigation, meta data, counters, prompts, ads.
pub fn is_noise_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > NOISE_MAX_BYTES {
        return false;
    }
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(NOISE_PHRASES).expect("fixed phrase list")
        });
    if FINDER.is_match(t) {
        return true;
    }
    if TAIL_MARKERS.contains(&t) {
        return true;
    }
    // rules and ornaments (`——`, `* * *`, `:!::`): no word, no figure
    if !t.chars().any(char::is_alphanumeric) {
        return true;
    }
    // a timestamp line: "2024-12-23 华博范文网", "时间:2022-05-19 04:50:00"
    if has_iso_date(t) && t.chars().count() <= 40 && !t.contains('。') {
        return true;
    }
    // a news dateline: a date and then its source ("2025年11月3日 县融媒体中心"); a date alone
    // is the speech's own date line and stays
    if let Some(rest) = after_cn_date(t)
        && rest.starts_with([' ', '\u{3000}', '\u{a0}'])
        && !rest.trim().is_empty()
        && t.chars().count() <= 40
        && !t.contains(['。', '，'])
    {
        return true;
    }
    false
}

/// The text after a leading `2025年11月3日`, if the line starts with such a date.
fn after_cn_date(t: &str) -> Option<&str> {
    let year = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t[year..].strip_prefix('年').filter(|_| year == 4)?;
    let month = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest[month..]
        .strip_prefix('月')
        .filter(|_| (1..=2).contains(&month))?;
    let day = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[day..]
        .strip_prefix('日')
        .filter(|_| (1..=2).contains(&day))
}

fn has_iso_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
            && w[8..10].iter().all(u8::is_ascii_digit)
    })
}

/// Cleans decoded text into paragraphs (one per line).
pub fn clean(text: &str) -> Cleaned {
    let mut report = CleanReport::default();
    let raw: Vec<&str> = text.lines().collect();
    // each line trimmed, and its length in characters, worked out once
    let trimmed: Vec<&str> = raw.iter().map(|l| l.trim()).collect();
    let tidy: Vec<&str> = raw.iter().map(|l| trim_line(l)).collect();
    let tidy_chars: Vec<usize> = tidy.iter().map(|l| l.chars().count()).collect();
    let trimmed_chars = |i: usize| {
        if trimmed[i].len() == tidy[i].len() {
            tidy_chars[i]
        } else {
            trimmed[i].chars().count()
        }
    };
    let blank_separated = is_blank_separated(&trimmed);
    let wrap_width = wrap_width(&tidy_chars);

    // 1. Site noise: single lines, and short blocks that carry any noise line (ad blocks).
    let mut keep: Vec<bool> = raw.iter().map(|l| !is_noise_line(l)).collect();
    let mut start = 0;
    while start < raw.len() {
        if trimmed[start].is_empty() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < raw.len() && !trimmed[end].is_empty() {
            end += 1;
        }
        let block = start..end;
        let noisy = block.clone().any(|i| !keep[i]);
        let all_short = block
            .clone()
            .all(|i| trimmed_chars(i) <= 40 && !raw[i].contains('。'));
        let speechlike = || {
            block.clone().any(|i| {
                let t = normalize_line(trimmed[i], &mut Vec::new());
                roles::is_salutation(&t) || roles::split_title_salutation(&t).is_some()
            })
        };
        if noisy && all_short && end - start > 1 && !speechlike() {
            block.for_each(|i| keep[i] = false);
        }
        start = end;
    }
    // 2. A "related reading" tail: a marker line followed by no more body paragraphs.
    if let Some(at) = trimmed.iter().position(|l| TAIL_MARKERS.contains(l)) {
        let body_after = (at + 1..raw.len()).any(|i| keep[i] && trimmed_chars(i) > 60);
        if !body_after {
            keep[at..].iter_mut().for_each(|k| *k = false);
        }
    }

    // 3. Paragraphs: in files that separate paragraphs by blank lines, a line that continues
    //    the previous one (not indented, previous line mid-sentence) is joined to it.
    let mut paragraphs: Vec<Cow<'_, str>> = Vec::new();
    let mut prev_nonblank = false;
    for (i, line) in raw.iter().enumerate() {
        if !keep[i] {
            if !trimmed[i].is_empty() {
                report.removed_lines.push(trimmed[i].to_string());
            }
            prev_nonblank = false;
            continue;
        }
        let this = tidy[i];
        if this.is_empty() {
            prev_nonblank = false;
            continue;
        }
        let indented = line.starts_with([' ', '\t', '\u{3000}', '\u{a0}']);
        let mid_sentence = |p: &str| {
            p.ends_with(['；', ';', '，', ',', '、']) || p.chars().last().is_some_and(is_han)
        };
        let continues = (blank_separated
            && prev_nonblank
            && !indented
            && paragraphs.last().is_some_and(|p| mid_sentence(p)))
            // hard-wrapped text: a full-width previous line broken mid-sentence
            || wrap_width.is_some_and(|w| {
                i > 0
                    && tidy_chars[i - 1] + 1 >= w
                    && prev_nonblank
                    && mid_sentence(tidy[i - 1])
                    && roles::heading_marker(tidy[i - 1]).is_none()
                    && roles::heading_marker(this).is_none()
                    && !roles::is_salutation(this)
            });
        if continues {
            if let Some(last) = paragraphs.last_mut() {
                last.to_mut().push_str(this);
            }
        } else {
            paragraphs.push(Cow::Borrowed(this));
        }
        prev_nonblank = true;
    }

    // 4. Within each paragraph: spaces, punctuation, injected words; split title + salutation.
    let mut lines = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let line = normalize_line(&p, &mut report.injected);
        if line.is_empty() {
            continue;
        }
        match roles::split_title_salutation(&line) {
            Some(at) => {
                lines.push(line[..at].to_string());
                lines.push(line[at..].to_string());
            }
            None => lines.push(line),
        }
    }
    Cleaned { lines, report }
}

fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}')
}

/// The line width of hard-wrapped text: the most common length of long lines, when it is at
/// least 20 characters and at least eight long lines, half of them, have it (±1 for a trailing
/// mark). None otherwise.
fn wrap_width(line_chars: &[usize]) -> Option<usize> {
    let lens: Vec<usize> = line_chars.iter().copied().filter(|&n| n >= 15).collect();
    let mut counts = std::collections::HashMap::new();
    for &n in &lens {
        *counts.entry(n).or_insert(0usize) += 1;
    }
    let (&width, _) = counts.iter().max_by_key(|(n, c)| (**c, **n))?;
    let near = lens
        .iter()
        .filter(|&&n| n + 1 >= width && n <= width + 1)
        .count();
    (width >= 20 && near >= 8 && near * 2 >= lens.len()).then_some(width)
}

/// True when most paragraphs are separated by blank lines.
fn is_blank_separated(trimmed: &[&str]) -> bool {
    let mut followed_by_blank = 0;
    let mut nonblank = 0;
    for (i, l) in trimmed.iter().enumerate() {
        if l.is_empty() {
            continue;
        }
        nonblank += 1;
        if trimmed.get(i + 1).is_none_or(|n| n.is_empty()) {
            followed_by_blank += 1;
        }
    }
    nonblank > 0 && followed_by_blank * 10 >= nonblank * 6
}

/// Normalises one paragraph: drops spaces next to Chinese text, converts half-width
/// punctuation next to Chinese text to full width, writes leading markers in their standard
/// form, removes injected site words. Text runs without ASCII punctuation are copied as they are.
pub fn normalize_line(line: &str, injected: &mut Vec<String>) -> String {
    // most lines are clean Chinese text: only an injected word can go
    let text = if may_need_normalizing(line) {
        normalize_marks(line)
    } else {
        line.to_string()
    };
    remove_injected(drop_note_mark(text), injected)
}

/// A short line (a title) without the reference mark that points to a note below it
/// (`…构建新发展格局※`, `…讲话＊`).
fn drop_note_mark(text: String) -> String {
    let t = text.trim_end();
    // one mark only: a run (`※※`) is a placeholder, kept and reported
    let Some(bare) = t.strip_suffix(['※', '＊', '*']) else {
        return text;
    };
    let short = t.len() <= 60 * 4 && t.chars().count() <= 60 && !t.contains('。');
    if !short || !bare.ends_with(crate::doc::punct::is_han) {
        return text;
    }
    bare.to_string()
}

/// The spaces, punctuation, leading marker and footnote steps of [`normalize_line`].
fn normalize_marks(line: &str) -> String {
    // a byline keeps its ideographic space: （县委组织部　李明）
    let keep_ideographic = roles::is_byline(line);
    let spaced = drop_spaces(line, keep_ideographic);
    let punct = full_width(&spaced);
    // spaces left next to punctuation that has just become full width
    let text = match punct {
        Cow::Owned(p) => match drop_spaces(&p, keep_ideographic) {
            Cow::Owned(q) => q,
            Cow::Borrowed(_) => p,
        },
        Cow::Borrowed(_) => spaced.into_owned(),
    };
    let text = standard_leading_marker(text);
    drop_footnote_marks(text)
}

/// False when `line` has nothing that [`normalize_marks`] changes: no ASCII punctuation or
/// space (any byte below `0`, `:`…`?`, `[`), no Latin-1 character (the no-break space), no
/// ideographic space, no `［` and no `。` directly before another CJK mark (`。。。`). It may
/// say true for a line that needs nothing; it never says false for one that does. One
/// branch-free pass over blocks of bytes, so it vectorises.
fn may_need_normalizing(line: &str) -> bool {
    let b = line.as_bytes();
    let ascii = |c: u8| (c < b'0') | (c.wrapping_sub(b':') < 6) | (c == b'[') | (c == 0xC2);
    // the first two bytes, which no window of three starts after
    if b.iter().take(2).any(|&c| ascii(c)) {
        return true;
    }
    let Some(n) = b.len().checked_sub(2) else {
        return false;
    };
    let (x, y, z) = (&b[..n], &b[1..n + 1], &b[2..]);
    const BLOCK: usize = 128;
    (0..n).step_by(BLOCK).any(|start| {
        let end = (start + BLOCK).min(n);
        let (x, y, z) = (&x[start..end], &y[start..end], &z[start..end]);
        let mut hit = false;
        for i in 0..x.len() {
            let (x, y, z) = (x[i], y[i], z[i]);
            // U+3000 is E3 80 80, ［ is EF BC BB; 。 (E3 80 82) ends in 82 before E3 80
            hit |= ascii(z)
                | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
                | ((x == 0xEF) & (y == 0xBC) & (z == 0xBB))
                | ((x == 0x82) & (y == 0xE3) & (z == 0x80));
        }
        hit
    })
}

/// Drops footnote marks (`[1]`, `［2］`) that follow Chinese text or punctuation.
fn drop_footnote_marks(text: String) -> String {
    if memchr::memchr(b'[', text.as_bytes()).is_none() && !contains(&text, &WIDE_BRACKET) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '[' | '［') && i > 0 && (is_cjk(chars[i - 1]) || is_han(chars[i - 1])) {
            let digits = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if (1..=3).contains(&digits) && matches!(chars.get(i + 1 + digits), Some(']' | '］')) {
                i += digits + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A byte search built once: cheaper than `str::contains` on every line.
type Needle = std::sync::LazyLock<memchr::memmem::Finder<'static>>;

static NO_BREAK_SPACE: Needle = Needle::new(|| memchr::memmem::Finder::new("\u{a0}"));
static IDEOGRAPHIC_SPACE: Needle = Needle::new(|| memchr::memmem::Finder::new("\u{3000}"));
static WIDE_BRACKET: Needle = Needle::new(|| memchr::memmem::Finder::new("［"));

fn contains(text: &str, needle: &Needle) -> bool {
    needle.find(text.as_bytes()).is_some()
}

/// Byte length of the space (` `, tab, no-break space, and the ideographic space unless kept)
/// that starts at byte `i`, or 0. Each is told by its first byte, which never continues a
/// character, so any byte offset may be asked.
fn space_at(b: &[u8], i: usize, keep_ideographic: bool) -> usize {
    match b[i..] {
        [b' ' | b'\t', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE3, 0x80, 0x80, ..] if !keep_ideographic => 3,
        _ => 0,
    }
}

/// Drops runs of spaces unless they sit between two non-Chinese characters (`WORD and WPS`).
fn drop_spaces(text: &str, keep_ideographic: bool) -> Cow<'_, str> {
    let has = memchr::memchr2(b' ', b'\t', text.as_bytes()).is_some()
        || contains(text, &NO_BREAK_SPACE)
        || (!keep_ideographic && contains(text, &IDEOGRAPHIC_SPACE));
    if !has {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // text up to `copied` is in `out`; the runs of spaces between are left out
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if space_at(b, i, keep_ideographic) == 0 {
            i += 1;
            continue;
        }
        out.push_str(&text[copied..i]);
        while i < b.len() {
            match space_at(b, i, keep_ideographic) {
                0 => break,
                n => i += n,
            }
        }
        copied = i;
        let before = out.chars().next_back();
        let after = text[i..].chars().next();
        if let (Some(b), Some(a)) = (before, after)
            && !is_cjk(b)
            && !is_cjk(a)
            && !is_fullwidth_ascii_punct(b)
        {
            out.push(' ');
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A leading marker `1)` is written `1）`, `(1)` / `(一)` are written `（1）` / `（一）`
/// (full-width brackets in Chinese text); `1．` keeps its own dot.
fn standard_leading_marker(mut text: String) -> String {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let end_of = |from: usize, keep: &dyn Fn(char) -> bool| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| !keep(c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    // `1．` and `１.` stay as written: the speech's own marker (it is read as 1. all the same)
    let digits = end_of(0, &digit);
    if digits > 0 && text[digits..].starts_with(')') {
        text.replace_range(digits..digits + 1, "）");
        return text;
    }
    if text.starts_with('(') {
        let inner = end_of(1, &|c| {
            c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
        });
        if inner > 1 && text[inner..].starts_with(')') {
            text.replace_range(inner..inner + 1, "）");
            text.replace_range(0..1, "（");
        }
    }
    text
}

fn is_fullwidth_ascii_punct(c: char) -> bool {
    matches!(c as u32, 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
}

/// Removes a site word injected right after a clause break and before more text
/// (`……任务。心得体会四是……`); the same word used in a sentence (`撰写心得体会`) stays.
fn remove_injected(text: String, injected: &mut Vec<String>) -> String {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(INJECTED)
                .expect("fixed word list")
        });
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for m in FINDER.find_iter(&text) {
        let after_break = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(is_clause_punct);
        let before_text = text[m.end()..].chars().next().is_some_and(is_han);
        if after_break && before_text {
            cut.push((m.start(), m.end()));
        }
    }
    if cut.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in cut {
        injected.push(text[start..end].to_string());
        out.push_str(&text[from..start]);
        from = end;
    }
    out.push_str(&text[from..]);
    out
}

/// Finds the placeholders in cleaned paragraphs with the shared finder
/// ([`crate::doc::placeholder`]).
pub fn placeholders(lines: &[String]) -> Vec<Placeholder> {
    let mut found = Vec::new();
    for (ln, line) in lines.iter().enumerate() {
        for r in crate::doc::placeholder::find(line) {
            found.push(Placeholder {
                text: line[r.clone()].to_string(),
                line: ln + 1,
                column: line[..r.start].chars().count() + 1,
            });
        }
    }
    found
}

/// Resolves the head of one speech: of the short lines before the salutation or the first
/// paragraph, the last one before any byline is the title; earlier ones (the site's page title,
/// a repeated title) are dropped. Later lines that repeat the title are dropped too.
pub fn tidy_speech(lines: Vec<String>, report: &mut CleanReport) -> Vec<String> {
    let lines = join_two_line_title(lines);
    let head_end = lines
        .iter()
        .take(8)
        .position(|l| roles::is_salutation(l))
        .unwrap_or_else(|| {
            lines
                .iter()
                .position(|l| !(roles::could_be_title(l) || roles::is_byline(l)))
                .unwrap_or(lines.len())
        });
    let first_byline = lines[..head_end]
        .iter()
        .position(|l| roles::is_byline(l))
        .unwrap_or(head_end);
    // a line shaped like a speech title wins; else the last title-like line, unless a
    // longer one (the page title above a speaker's name) comes first
    let title_at = lines[..first_byline]
        .iter()
        .rposition(|l| {
            // `领导致辞` alone is a section label of the site, not a title
            roles::could_be_title(l) && roles::has_title_ending(l) && l.chars().count() >= 7
        })
        .or_else(|| {
            let cands: Vec<usize> = (0..first_byline)
                .filter(|&i| roles::could_be_title(&lines[i]) && !lines[i].starts_with(['-', '—']))
                .collect();
            let last = *cands.last()?;
            let longest = cands
                .iter()
                .copied()
                .max_by_key(|&i| (lines[i].chars().count(), usize::MAX - i))?;
            // a short last line under a longer one is the speaker's or authors' names
            let short = lines[last].chars().count();
            Some(
                if short <= 4 || (short <= 8 && lines[longest].chars().count() >= 2 * short) {
                    longest
                } else {
                    last
                },
            )
        });
    let title = title_at.map(|i| squash(&lines[i]));
    // photo captions naming other people (`集团理事 罗吉祥`) can stand above the speaker's own
    // line: of the office-and-name lines at the head, the one nearest the body is the speaker
    let speaker_at = lines[..head_end]
        .iter()
        .rposition(|l| roles::is_speaker_line(l));
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        let drop = if i < head_end {
            Some(i) != title_at
                && (!roles::is_byline(&line)
                    || (Some(i) != speaker_at && roles::is_speaker_line(&line)))
                && !(i + 1 == head_end && roles::is_salutation_start(&line))
        } else {
            title
                .as_deref()
                .is_some_and(|t| line.len() <= 2 * t.len() && squash(&line) == t)
        };
        if drop {
            report.removed_lines.push(line);
        } else {
            out.push(line);
        }
    }
    out
}

/// A title printed over two lines (`新发展阶段贯彻新发展理念` / `必然要求构建新发展格局`) is one
/// title: two title-like lines of at least six characters each at the head, neither a speech
/// title on its own nor a subtitle (`——…`), followed by a short line (a name) or a byline.
fn join_two_line_title(mut lines: Vec<String>) -> Vec<String> {
    let ok = |l: &str| {
        roles::could_be_title(l)
            && l.chars().count() >= 6
            && !roles::has_title_ending(l)
            && !l.starts_with(['-', '—'])
            && !roles::is_salutation_start(l)
    };
    for k in 0..lines.len().min(4).saturating_sub(2) {
        let next = &lines[k + 2];
        let then_name =
            (next.chars().count() <= 8 && roles::could_be_title(next)) || roles::is_byline(next);
        if ok(&lines[k]) && ok(&lines[k + 1]) && then_name {
            let second = lines.remove(k + 1);
            lines[k].push_str(&second);
            break;
        }
    }
    lines
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize_line(s, &mut Vec::new())
    }

    #[test]
    fn punctuation_goes_full_width_only_in_chinese_text() {
        assert_eq!(norm("同志们:"), "同志们：");
        assert_eq!(norm("大家好,今天开会;好!"), "大家好，今天开会；好！");
        assert_eq!(norm("(一)加强领导"), "（一）加强领导");
        assert_eq!(norm("党(工)委"), "党（工）委");
        assert_eq!(norm("1)增强纪律观念"), "1）增强纪律观念");
        assert_eq!(norm("时间 18:07:04, ok"), "时间18:07:04, ok");
        assert_eq!(norm("see (a, b)"), "see (a, b)");
        assert_eq!(norm("(1)X"), "（1）X");
        assert_eq!(norm("2)X"), "2）X");
        assert_eq!(norm("5.18博物馆日"), "5.18博物馆日");
        assert_eq!(norm("３．抓好学习"), "３．抓好学习");
        assert_eq!(norm("１２)抓好学习"), "１２）抓好学习");
        assert_eq!(norm("(二十)抓好学习"), "（二十）抓好学习");
    }

    #[test]
    fn lines_passed_over_need_no_normalizing() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for l in [format!("{c}"), format!("中{c}{c}{c}文"), format!("1{c}")] {
                if !may_need_normalizing(&l) {
                    assert_eq!(normalize_marks(&l), l, "{c:?}");
                }
            }
        }
        for l in [
            "同志们 好",
            "同志们,好",
            "好。。。",
            "［1］",
            "同\u{a0}志",
            "同\u{3000}志",
        ] {
            assert!(may_need_normalizing(l), "{l}");
        }
    }

    #[test]
    fn spaces_next_to_chinese_are_dropped() {
        assert_eq!(norm("一 要 选优配强"), "一要选优配强");
        assert_eq!(norm("全县11 位书记"), "全县11位书记");
        assert_eq!(norm("（一）健全体系。 基层"), "（一）健全体系。基层");
        assert_eq!(norm("WORD and WPS"), "WORD and WPS");
    }

    #[test]
    fn injected_words_go_but_real_uses_stay() {
        let mut inj = Vec::new();
        let got = normalize_line(
            "圆满完成任务。心得体会四是统筹推进。撰写心得体会，调动积极性。",
            &mut inj,
        );
        assert_eq!(
            got,
            "圆满完成任务。四是统筹推进。撰写心得体会，调动积极性。"
        );
        assert_eq!(inj, ["心得体会"]);
        let got = normalize_line("出实招、范文写作下功夫，工作总结保证落实", &mut inj);
        assert_eq!(got, "出实招、下功夫，保证落实");
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let wrapped = "同志们：\n\
今天召开全市营商环境工作会议，主要任务是总结去\n\
年以来优化营商环境的工作，分析存在的问题，部署\n\
今年的重点任务。\n\
一、认清形势\n\
当前，区域之间的竞争越来越表现为营商环境的竞争\n\
，我们必须增强紧迫感，把优化营商环境作为一号工\n\
程来抓，以环境之优赢得发展之先，切实做到人人都\n\
是营商环境，事事关系发展大局。\n\
二、突出重点\n\
要深化审批制度改革，推进一网通办、跨省通办，让\n\
企业和群众办事更方便、更快捷，把惠企政策落实到\n\
位，推动免申即享，真正让市场主体有感、满意、放\n\
心。\n";
        let lines = clean(wrapped).lines;
        assert_eq!(lines.len(), 6, "{lines:#?}");
        assert_eq!(
            lines[3],
            "当前，区域之间的竞争越来越表现为营商环境的竞争，我们必须增强紧迫感，把优化营商环境作为一号工程来抓，以环境之优赢得发展之先，切实做到人人都是营商环境，事事关系发展大局。"
        );
        assert_eq!(lines[2], "一、认清形势");
    }

    #[test]
    fn a_title_loses_its_note_mark() {
        let mut injected = Vec::new();
        assert_eq!(
            normalize_line("坚定不移推进县域高质量发展※", &mut injected),
            "坚定不移推进县域高质量发展"
        );
        // a run of marks is a placeholder, and a mark in running text stays
        let placeholder = "关于做好※※工作的讲话※※";
        assert_eq!(normalize_line(placeholder, &mut injected), placeholder);
        let sentence = "我们要坚定不移推进高质量发展。※见附件";
        assert_eq!(normalize_line(sentence, &mut injected), sentence);
    }

    #[test]
    fn a_dateline_with_its_source_is_noise_and_a_date_alone_is_not() {
        assert!(is_noise_line("2025年11月3日 县融媒体中心"));
        assert!(!is_noise_line("2025年11月3日"));
        assert!(!is_noise_line("（2025年11月3日）"));
        assert!(!is_noise_line(
            "2025年11月3日，县委召开常委会议，研究部署冬春农田水利建设。"
        ));
    }

    #[test]
    fn noise_lines() {
        for l in [
            "您当前的位置:首页 >  实用范文 > 内容",
            "2024-12-23 某某范文网",
            "时间:2022-05-19 04:50:00",
            "15位用户关注",
            "VIP免费下载文档",
            "《讲话.doc》",
            "预览阅读已结束，若您需要全文请联系。",
            "* * *",
            "——————",
        ] {
            assert!(is_noise_line(l), "{l}");
        }
        for l in [
            "同志们：",
            "一、加强组织领导",
            "在全县大会上的讲话",
            "2026年是关键之年。",
        ] {
            assert!(!is_noise_line(l), "{l}");
        }
    }

    #[test]
    fn finds_placeholders_without_touching_them() {
        let lines = vec![
            "XX等X个单位，20xx年，20**年，×个示范点，※个支部，以***同志为核心".to_string(),
            "使用WORD和WPS，tv摄制组，xx届四中全会".to_string(),
        ];
        let got: Vec<_> = placeholders(&lines)
            .into_iter()
            .map(|p| (p.text, p.line, p.column))
            .collect();
        assert_eq!(
            got,
            [
                ("XX".to_string(), 1, 1),
                ("X".to_string(), 1, 4),
                ("20xx".to_string(), 1, 9),
                ("20**".to_string(), 1, 15),
                ("×".to_string(), 1, 21),
                ("※".to_string(), 1, 27),
                ("***".to_string(), 1, 33),
                ("xx".to_string(), 2, 18),
            ]
        );
    }
}
