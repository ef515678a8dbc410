//! Page markup a copied or mirrored page carries around its text: a front matter block
//! (`---`/`+++`), HTML comments (`<!--more-->` cutting a paragraph in two), Markdown emphasis,
//! images and links. The text is kept; the markup goes, and the front matter's title is kept
//! aside as the page title (a candidate when the text has no title line of its own).

use std::borrow::Cow;

/// The text without markup, and the page title from the front matter, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
}

/// Strips page markup. Text without any of it is returned unchanged.
pub fn strip(text: &str) -> Page {
    let (title, body) = front_matter(text);
    let has_markup = ["<!--", "**", "](", "__"].iter().any(|m| contains(body, m));
    if !has_markup && title.is_none() {
        return Page {
            text: text.to_string(),
            title: None,
        };
    }
    let body = join_comments(body);
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let t = line.trim();
        // an image or a bare link on its own line is page furniture, not text
        if is_link_line(t) {
            out.push('\n');
            continue;
        }
        out.push_str(&inline(line));
        out.push('\n');
    }
    Page {
        text: out,
        title: title.map(|t| page_title(&t)),
    }
}

/// True when `text` holds `needle` (a byte search: pages are long and most have no markup).
fn contains(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

/// Splits off a leading front matter block; returns its `title` value and the rest.
fn front_matter(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    for fence in ["---", "+++"] {
        let Some(rest) = t.strip_prefix(fence) else {
            continue;
        };
        if !rest.starts_with('\n') && !rest.starts_with("\r\n") {
            continue;
        }
        let close = format!("\n{fence}");
        let Some(end) = rest.find(&close) else {
            continue;
        };
        let block = &rest[..end];
        let after = &rest[end + close.len()..];
        let title = block.lines().find_map(|l| {
            let l = l.trim();
            let v = l
                .strip_prefix("title:")
                .or_else(|| l.strip_prefix("title ="))
                .or_else(|| l.strip_prefix("title="))?;
            let v = v.trim().trim_matches(['"', '\'']).trim();
            (!v.is_empty()).then(|| v.to_string())
        });
        return (title, after);
    }
    (None, text)
}

/// Labels that open a news page's dateline (`来源：新华社`, `发稿时间：2021/7/1`).
const DATELINE_LABELS: &[&str] = &[
    "来源",
    "发稿时间",
    "发布时间",
    "发表时间",
    "更新时间",
    "时间：",
    "时间:",
    "稿源",
    "日期：",
    "日期:",
    "作者：",
    "作者:",
    "编辑：",
    "编辑:",
];

/// How far down a page its headline is looked for (lines).
const HEADLINE_WITHIN: usize = 40;

/// A news page's headline, for a page without front matter: the line right above the first
/// dateline (a line that is a date, `2016-05-01 新华社`, or opens with `来源：`, `发稿时间：` …),
/// without a column label (`时局 | 标题` → `标题`) or a closing exclamation mark. A breadcrumb, a sentence or a line of page
/// chrome is no headline.
pub fn headline(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADLINE_WITHIN)
        .collect();
    let at = lines.iter().position(|l| is_dateline(l))?;
    let line = *lines.get(at.checked_sub(1)?)?;
    let line = match line.split_once(" | ").or_else(|| line.split_once('｜')) {
        Some((label, rest)) if label.chars().count() <= 6 => rest.trim(),
        _ => line,
    };
    let n = line.chars().count();
    let sentence_inside = line
        .trim_end_matches(['！', '!'])
        .contains(['。', '！', '？', '；']);
    let headline = (4..=60).contains(&n)
        && !sentence_inside
        && !line.contains(['>', '＞', '|', '【', '】'])
        && !is_dateline(line)
        && !super::clean::is_noise_line(line)
        && !crate::doc::roles::is_salutation(line);
    // a news headline's exclamation (`…隆重召开！`) is not part of a speech title
    headline.then(|| line.trim_end_matches(['！', '!']).to_string())
}

/// A page's dateline: a short line that is a date or opens with a source or time label.
fn is_dateline(line: &str) -> bool {
    if line.chars().count() > 40 || line.contains('。') {
        return false;
    }
    if DATELINE_LABELS.iter().any(|l| line.starts_with(l)) {
        return true;
    }
    // a line that starts with a date: 2014年3月20日, 2016-05-01, 2021/7/1, 2021.7.1
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4
        && line[4..].starts_with(['年', '-', '/', '.'])
        && line[4..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// The speech's own title inside a page title: `站名->标题——副题 | 站名` → `标题`.
fn page_title(t: &str) -> String {
    let mut t = t;
    if let Some((_, after)) = t.rsplit_once("->") {
        t = after;
    }
    if let Some((before, _)) = t.split_once(" | ").or_else(|| t.split_once('|')) {
        t = before;
    }
    if let Some((before, _)) = t.split_once("——")
        && before.chars().count() >= 4
    {
        t = before;
    }
    t.trim().to_string()
}

/// Removes HTML comments; a comment that cut a sentence in two (`…向<!--more-->\n你们…`)
/// joins the halves again.
fn join_comments(text: &str) -> String {
    if !text.contains("<!--") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<!--") {
        let Some(len) = rest[at..].find("-->") else {
            break;
        };
        let before = &rest[..at];
        out.push_str(before);
        let mut after = &rest[at + len + 3..];
        let ended = out
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '。' | '！' | '？' | '”' | '：' | '；'));
        if !ended {
            // mid-sentence: drop the line breaks around the comment
            while out.ends_with(['\n', '\r', ' ']) {
                out.pop();
            }
            after = after.trim_start_matches(['\n', '\r', ' ']);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// True for a line that is only an image or a link (`![图](…)`, `[转入文章首发地址](…)`).
fn is_link_line(t: &str) -> bool {
    let t = t.strip_prefix('!').unwrap_or(t);
    t.starts_with('[') && t.ends_with(')') && t.contains("](")
}

/// Inline markup: `**bold**`, `__bold__`, `[text](url)` → text, images dropped, `#` heading
/// marks dropped.
fn inline(line: &str) -> Cow<'_, str> {
    let emphasis = memchr::memchr2(b'*', b'_', line.as_bytes()).is_some()
        && (line.contains("**") || line.contains("__"));
    if !emphasis
        && !line.trim_start().starts_with('#')
        && memchr::memchr(b'[', line.as_bytes()).is_none()
    {
        return Cow::Borrowed(line);
    }
    let mut s = line.replace("**", "").replace("__", "");
    let trimmed = s.trim_start();
    if trimmed.starts_with('#') {
        s = trimmed.trim_start_matches('#').trim_start().to_string();
    }
    while let Some(open) = s.find('[') {
        let Some(mid) = s[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = s[mid..].find(')').map(|c| mid + c) else {
            break;
        };
        let image = open > 0 && s[..open].ends_with('!');
        let text = if image {
            String::new()
        } else {
            s[open + 1..mid].to_string()
        };
        let from = if image { open - 1 } else { open };
        s.replace_range(from..=close, &text);
    }
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_stands_above_the_dateline() {
        let page = "网站首页\n新闻中心 > 要闻\n要闻 | 全县秋冬农田水利建设现场会召开！\n2025年11月3日 县融媒体中心\n11月3日，全县秋冬农田水利建设现场会召开，县长王林出席并讲话。\n";
        assert_eq!(
            headline(page).as_deref(),
            Some("全县秋冬农田水利建设现场会召开")
        );
        let sourced = "县政府办公室\n在全县安全生产工作会议上的讲话\n来源：县政府网 发布时间：2025-11-03\n同志们：\n";
        assert_eq!(
            headline(sourced).as_deref(),
            Some("在全县安全生产工作会议上的讲话")
        );
        // a breadcrumb, a sentence or no dateline at all: no headline
        assert_eq!(headline("首页 > 要闻 > 会议\n2025-11-03\n"), None);
        assert_eq!(headline("会议指出，要抓好落实。\n2025年11月3日\n"), None);
        assert_eq!(headline("在全县工作会议上的讲话\n同志们：\n"), None);
    }

    #[test]
    fn front_matter_comments_and_emphasis_go() {
        let text = "---\ntitle: 某大学->在开学典礼上的讲话——校长致辞 | 某站\ntags:\n- 新闻\n---\n**同学们：**\n\n今天我们相聚在这里，迎接新<!--more-->\n同学。\n\n![图](http://x/1.jpg)\n\n[原文地址](http://x/2)\n";
        let page = strip(text);
        assert_eq!(page.title.as_deref(), Some("在开学典礼上的讲话"));
        assert_eq!(
            page.text,
            "\n同学们：\n\n今天我们相聚在这里，迎接新同学。\n\n\n\n\n"
        );
    }

    #[test]
    fn a_comment_at_a_sentence_end_keeps_the_break() {
        assert_eq!(join_comments("好。<!--more-->\n再见"), "好。\n再见");
    }

    #[test]
    fn plain_text_is_untouched() {
        let t = "同志们：\n今天开会。\n";
        assert_eq!(strip(t).text, t);
    }
}
