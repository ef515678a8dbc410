//! Reading a spec file: TOML parsing with file/line/column errors in Chinese.

use super::Spec;
use super::locate::{Located, field_at_offset};
use crate::error::{Error, Result, SourceError, nearest};
use std::path::Path;

/// Reads and validates the spec at `path`.
pub fn load(path: &Path) -> Result<Located<Spec>> {
    let bytes = crate::fsx::read_capped(path, crate::fsx::SPEC_CAP, "要素文件")?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let shown = path.display();
    let a_draft = |help: String| -> crate::Error {
        SourceError::new(path, "这是一份讲话稿，不是要素文件（.toml）")
            .help(help)
            .into()
    };
    let advice = format!(
        "render 读取 .toml 要素文件。要从这份讲话稿提取要素文件，请用 jianghua mine {shown}；要检查它，请用 jianghua check {shown}"
    );
    if matches!(ext.as_str(), "docx" | "doc" | "wps" | "pdf") {
        return Err(a_draft(advice));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(
            SourceError::new(path, "这是一个 Word（.docx）文件，不是要素文件（.toml）")
                .help("把扩展名改为 .docx，再用 jianghua mine 从中提取要素文件")
                .into(),
        );
    }
    let source = crate::fsx::text_of(path, bytes, "要素文件")?;
    // a spec may have any name, but a .md or .txt that is not TOML is a draft
    match parse(&source, path) {
        Err(_)
            if matches!(ext.as_str(), "md" | "markdown" | "txt")
                && toml::from_str::<toml::Table>(&source).is_err() =>
        {
            Err(a_draft(format!(
                "{advice}（如果它确实是要素文件，请把扩展名改为 .toml）"
            )))
        }
        other => other,
    }
}

/// Parses and validates spec text; `path` is used in error messages.
pub fn parse(source: &str, path: &Path) -> Result<Located<Spec>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    reject_raw_control_chars(source, path)?;
    let spec: Spec = toml::from_str(source).map_err(|e| translate(&e, source, path))?;
    let located = Located::new(spec, source, path);
    super::validate::validate(&located)?;
    Ok(located)
}

/// A control character typed (or pasted) straight into the file.
fn reject_raw_control_chars(source: &str, path: &Path) -> Result<()> {
    if let Some((offset, c)) = source
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        let field = field_at_offset(source, offset);
        return Err(SourceError::new(
            path,
            format!(
                "字段 `{field}` 中有一个控制字符 U+{:04X}（多半是从别处粘贴带进来的）",
                c as u32
            ),
        )
        .at_offset(source, offset)
        .help("删除这个看不见的字符后重新运行；如在编辑器中看不到，可先删掉该行再手工重打")
        .into());
    }
    Ok(())
}

/// Turns a toml/serde error into a Chinese message with position and a suggestion.
fn translate(e: &toml::de::Error, source: &str, path: &Path) -> Error {
    let msg = e.message();
    let mut err = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let valid: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut err = SourceError::new(path, format!("未知字段 `{key}`"));
        err = match nearest(key, valid.iter().copied()) {
            Some(near) => err.help(format!("是不是想写 `{near}`？")),
            None => err.help(format!("这里可用的字段有：{}", valid.join("、"))),
        };
        err
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        SourceError::new(path, format!("缺少必填字段 `{key}`")).help(match key {
            "title" => "在文件开头加一行，例如：title = \"在全县工作会议上的讲话\"".to_string(),
            "template" => "在文件开头加一行，例如：template = \"review\"（可用 `jianghua templates` 查看全部类型）".to_string(),
            _ => format!("补上 `{key}` 字段"),
        })
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let line = e.span().map_or("", |span| line_at(source, span.start));
        SourceError::new(
            path,
            format!(
                "类型不对：这里需要{}，实际写的是{}",
                type_cn(expected),
                type_cn(found)
            ),
        )
        .help(type_help(expected, line))
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let valid: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let err = SourceError::new(path, format!("不认识的取值 `{value}`"));
        match nearest(value, valid.iter().copied()) {
            Some(near) => err.help(format!(
                "是不是想写 `{near}`？可用的取值：{}",
                valid.join("、")
            )),
            None => err.help(format!("可用的取值：{}", valid.join("、"))),
        }
    } else {
        let line = e.span().map_or("", |span| line_at(source, span.start));
        SourceError::new(path, syntax_message(msg)).help(syntax_help(msg, line))
    };
    if let Some(span) = e.span() {
        // serde reports a missing field at the table that lacks it; the top-level table spans
        // the whole file, so a position there would only mislead.
        let whole_file =
            span.start == 0 && (span.is_empty() || span.end >= source.trim_end().len());
        if !whole_file {
            err = err.at_offset(source, span.start);
        }
    }
    err.into()
}

fn type_cn(serde_name: &str) -> String {
    let s = serde_name.trim();
    let cn = if s.contains("sequence") || s.contains("array") {
        "数组（[\"…\", \"…\"]）"
    } else if s.starts_with("string") || s.contains("a string") {
        "文字（用双引号括起来）"
    } else if s.contains("integer") {
        "整数"
    } else if s.contains("float") {
        "小数"
    } else if s.contains("bool") {
        "true/false"
    } else if s.contains("map") || s.contains("struct") || s.contains("table") {
        "表（[…] 小节）"
    } else if s.contains("datetime") || s.contains("date") {
        "日期（如 2026-01-15）"
    } else {
        return s.to_string();
    };
    cn.to_string()
}

/// The whole source line containing `offset`.
fn line_at(source: &str, offset: usize) -> &str {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    &source[start..end]
}

/// A TOML syntax error in Chinese: the common ones translated, the rest quoted after a
/// Chinese lead.
fn syntax_message(msg: &str) -> String {
    format!("TOML 语法错误：{}", syntax_reason(msg))
}

/// The Chinese reason for a TOML syntax error; unknown ones keep toml's text (shared with the
/// profile reader).
pub fn syntax_reason(msg: &str) -> String {
    let msg = msg.trim();
    let known = [
        ("duplicate key", "同一个字段写了两次"),
        ("missing escaped value", "反斜杠转义写错了"),
        ("invalid escape", "反斜杠转义写错了"),
        ("invalid date", "日期写错了"),
        ("invalid time", "时间写错了"),
        ("cannot recurse further", "嵌套太深，无法读取"),
        ("invalid basic string", "文字没有用双引号收尾"),
        ("string values must be quoted", "文字没有用英文双引号括起来"),
        ("invalid string", "文字没有用英文双引号括起来"),
        ("invalid number", "数字写错了"),
        ("invalid float", "数字写错了"),
        ("invalid integer", "整数写错了"),
        ("invalid table header", "小节标题（[…]）写错了"),
        ("invalid inline table", "行内表（{…}）写错了"),
        ("invalid array", "数组（[…]）写错了"),
        ("unclosed array", "数组少了右方括号 ]"),
        ("unclosed table", "小节标题少了右方括号 ]"),
        ("expected newline", "一行只能写一个字段"),
        ("key with no value", "字段名后面缺少等号 ="),
        ("expected `=`", "字段名后面缺少等号 ="),
        ("invalid key", "字段名写错了"),
    ];
    match known.iter().find(|(en, _)| msg.contains(en)) {
        Some((_, cn)) => cn.to_string(),
        None => msg.replace('\n', " "),
    }
}

/// The most likely cause of a TOML syntax error, judged from the offending line.
fn syntax_help(msg: &str, line: &str) -> String {
    if line.contains(['“', '”', '‘', '’']) {
        "文字要用英文双引号 \"…\" 括起来，不能用中文引号 “…”".to_string()
    } else if line.contains('＝') {
        "等号要用半角 =，不能用全角 ＝".to_string()
    } else if msg.contains("duplicate key") {
        "删掉重复的那一行（同一个小节里每个字段只能写一次）".to_string()
    } else if msg.contains("escape") {
        "文字里的反斜杠要写成 \\\\；或改用单引号 '…' 括起来，里面的反斜杠原样保留".to_string()
    } else if msg.contains("recurse") {
        "减少方括号或表格的嵌套层数".to_string()
    } else if msg.contains("date") || msg.contains("month") || msg.contains("day") {
        impossible_date(line).unwrap_or_else(|| {
            "日期写成 2026-01-15（年份四位，月、日各两位，不加引号）".to_string()
        })
    } else {
        "检查这一行的引号、等号和方括号是否成对；文字内容要放在英文双引号里".to_string()
    }
}

/// For a date written in the right form that does not exist (`2026-02-30`, `2026-13-01`):
/// what is wrong with it and the nearest date that exists.
fn impossible_date(line: &str) -> Option<String> {
    let value = line.split_once('=')?.1.trim();
    let digits = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())?
    };
    let mut fields = value.get(..10)?.split('-');
    let (y, m, d) = (
        digits(fields.next()?)?,
        digits(fields.next()?)?,
        digits(fields.next()?)?,
    );
    let year = i32::try_from(y).ok()?;
    if !(1..=12).contains(&m) {
        return Some(format!("没有 {m} 月：月份写 01 到 12，例如 {y:04}-01-15"));
    }
    let last = (28..=31)
        .rev()
        .find(|&day| chrono::NaiveDate::from_ymd_opt(year, m, day).is_some())?;
    (d == 0 || d > last).then(|| {
        format!("{y}年{m}月没有{d}日（这个月只有 {last} 天）；改成存在的日期，例如 {y:04}-{m:02}-{last:02}")
    })
}

fn type_help(expected: &str, line: &str) -> String {
    let (key, value) = line.split_once('=').unwrap_or((line, ""));
    let key = key.trim();
    // the value as written, without a trailing comment
    let value = match value.find(" #") {
        Some(at) => &value[..at],
        None => value,
    }
    .trim();
    let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
    if expected.contains("sequence") && line.trim_start().starts_with('[') {
        let name = line.trim().trim_matches(['[', ']']);
        format!("一个部分（表格数组）要用两层方括号：[[{name}]]")
    } else if expected.contains("sequence") && quoted && !key.is_empty() {
        // the writer's own text, put in brackets
        format!("写成数组，用方括号把文字括起来：{key} = [{value}]")
    } else if expected.contains("sequence") {
        let key = if key.is_empty() { "paragraphs" } else { key };
        format!("写成数组，例如：{key} = [\"第一项。\", \"第二项。\"]")
    } else if expected.contains("string") && !key.is_empty() && !value.is_empty() {
        if value.starts_with('[') {
            // the first item of the array
            let first = value.split('"').nth(1).unwrap_or("…");
            format!("这里只写一段文字，不用方括号，例如：{key} = \"{first}\"")
        } else {
            let text = value.trim_matches(['"', '\'']).trim();
            format!("文字要放在英文双引号里：{key} = \"{text}\"")
        }
    } else if expected.contains("string") {
        "文字要放在英文双引号里，例如：title = \"在全县工作会议上的讲话\"".to_string()
    } else if expected.contains("date") {
        "日期不加引号，例如：date = 2026-01-15".to_string()
    } else {
        format!("改成{}", type_cn(expected))
    }
}
