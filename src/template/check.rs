//! Checks made when a template is compiled, each reported at its file, line and column:
//! Markdown written in the template's own text, blocks left open, partials that include each
//! other without end, and the body of a template that extends another.

use super::{Origin, TemplateFile};
use crate::error::{Result, SourceError, nearest};
use handlebars::template::{Parameter, Template, TemplateElement};
use std::collections::BTreeMap;

/// The `{{…}}` tags of a template: byte offset and the text between the braces.
pub fn tags(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = source[i..].find("{{") {
        let start = i + k;
        let close = if source[start..].starts_with("{{!--") {
            "--}}"
        } else {
            "}}"
        };
        let Some(end) = source[start + 2..].find(close) else {
            break;
        };
        out.push((start, &source[start + 2..start + 2 + end]));
        i = start + 2 + end + close.len();
    }
    out
}

/// The first block opened and never closed (`{{#if x}}` without `{{/if}}`): its offset and
/// name.
pub fn unclosed_block(source: &str) -> Option<(usize, String)> {
    let mut open: Vec<(usize, String)> = Vec::new();
    for (at, tag) in tags(source) {
        let tag = tag
            .trim_start_matches('{')
            .trim_start_matches('~')
            .trim_start();
        if let Some(rest) = tag.strip_prefix('#') {
            let rest = rest.trim_start_matches(['>', '*']).trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '~' && *c != '}')
                .collect();
            open.push((at, name));
        } else if let Some(close) = tag.strip_prefix('/') {
            let close = close.trim_end_matches('~').trim();
            match open.last() {
                Some((_, name)) if name == close => {
                    open.pop();
                }
                // closing something else: the innermost open block was left open
                Some(_) => return open.pop(),
                None => {}
            }
        }
    }
    open.into_iter().next()
}

/// Markdown written in a template's own text would reach the speech as literal characters:
/// refuse it where it stands.
pub fn markup(file: &TemplateFile) -> Result<()> {
    let source = &file.source;
    let tags = tags(source);
    let mut next_tag = tags.iter().peekable();
    let mut line_start = true;
    let mut i = 0;
    while i < source.len() {
        if let Some((at, tag)) = next_tag.peek()
            && *at == i
        {
            let len = if tag.starts_with("!--") {
                tag.len() + 6
            } else {
                tag.len() + 4
            };
            i += len;
            next_tag.next();
            line_start = false;
            continue;
        }
        let rest = &source[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if line_start && (c == ' ' || c == '\t') {
            i += 1;
            continue;
        }
        let found = if rest.starts_with("**") || rest.starts_with("__") {
            Some(("**", "加粗"))
        } else if line_start {
            markdown_line_start(rest)
        } else {
            None
        };
        if let Some((mark, what)) = found {
            return Err(SourceError::new(
                file.origin.display_path(),
                format!("模板文字里写了 Markdown 的{what}标记“{mark}”：模板只写措辞，不写排版标记"),
            )
            .help("标题、称呼、各部分和列举由 {{> head}} 和 {{> body}} 按公文格式生成；要另起一段，空一行即可")
            .at_offset(source, i)
            .into());
        }
        line_start = false;
        i += c.len_utf8();
    }
    Ok(())
}

/// A Markdown block marker at the start of a line: heading, list item, quote.
fn markdown_line_start(rest: &str) -> Option<(&'static str, &'static str)> {
    if rest.starts_with('#') {
        return Some(("#", "标题"));
    }
    for (mark, what) in [
        ("- ", "列表"),
        ("* ", "列表"),
        ("+ ", "列表"),
        ("> ", "引用"),
    ] {
        if rest.starts_with(mark) {
            return Some((mark.trim_end(), what));
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") ")) {
        return Some(("1.", "编号列表"));
    }
    None
}

fn name_of(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Name(n) => Some(n.clone()),
        Parameter::Path(
            handlebars::Path::Relative((_, raw)) | handlebars::Path::Local((_, _, raw)),
        ) => Some(raw.clone()),
        Parameter::Literal(v) => v.as_str().map(str::to_string),
        _ => None,
    }
}

/// Partials a template includes whatever the data (not inside `{{#if}}`/`{{#each}}`), and the
/// names of the blocks it lets a template that extends it redefine (`{{#> closing}}`).
fn walk(
    t: &Template,
    conditional: bool,
    calls: &mut Vec<(String, bool)>,
    blocks: &mut Vec<String>,
) {
    for e in &t.elements {
        match e {
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                if let Some(n) = name_of(&d.name) {
                    if matches!(e, TemplateElement::PartialBlock(_)) {
                        blocks.push(n.clone());
                    }
                    calls.push((n, conditional));
                }
                if let Some(inner) = &d.template {
                    walk(inner, conditional, calls, blocks);
                }
            }
            TemplateElement::HelperBlock(h) => {
                for inner in [&h.template, &h.inverse].into_iter().flatten() {
                    walk(inner, true, calls, blocks);
                }
            }
            TemplateElement::DecoratorBlock(d) => {
                if let Some(inner) = &d.template {
                    walk(inner, true, calls, blocks);
                }
            }
            _ => {}
        }
    }
}

/// Partials that include each other would recurse until the stack runs out (Handlebars has no
/// depth limit, and the engine builds the nested parts itself): refuse every cycle, naming
/// its files.
pub fn partial_cycles(
    registry: &handlebars::Handlebars<'_>,
    origins: &BTreeMap<String, Origin>,
) -> Result<()> {
    let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in origins.keys() {
        if let Some(t) = registry.get_template(name) {
            let (mut calls, mut blocks) = (Vec::new(), Vec::new());
            walk(t, false, &mut calls, &mut blocks);
            edges.insert(name.clone(), calls.into_iter().map(|(n, _)| n).collect());
        }
    }
    for start in edges.keys() {
        let mut path = vec![start.clone()];
        if let Some(cycle) = find_cycle(&edges, &mut path) {
            let files: Vec<String> = cycle
                .iter()
                .map(|n| {
                    origins
                        .get(n)
                        .map_or_else(|| n.clone(), |o| o.display_path().display().to_string())
                })
                .collect();
            let first = origins
                .get(&cycle[0])
                .map_or_else(|| std::path::PathBuf::from(&cycle[0]), Origin::display_path);
            return Err(SourceError::new(
                first,
                format!("模板片段互相引用，没有尽头：{}", files.join(" → ")),
            )
            .help("去掉其中一处 {{> 片段名}}；各部分的层层嵌套由 {{> body}} 排出，模板不必递归")
            .into());
        }
    }
    Ok(())
}

fn find_cycle(
    edges: &BTreeMap<String, Vec<String>>,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    let last = path.last()?.clone();
    for next in edges.get(&last).into_iter().flatten() {
        if *next == path[0] {
            let mut cycle = path.clone();
            cycle.push(next.clone());
            return Some(cycle);
        }
        if !path.contains(next) && path.len() < 16 {
            path.push(next.clone());
            if let Some(c) = find_cycle(edges, path) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

/// A template that extends another holds only comments and the blocks it redefines, each one
/// a block the type it extends offers.
pub fn extension_body(file: &TemplateFile, parents: &[&TemplateFile]) -> Result<()> {
    let err = |msg: String, help: String, line: usize, col: usize| -> crate::Error {
        SourceError::new(file.origin.display_path(), msg)
            .help(help)
            .at_in(&file.source, line, col)
            .into()
    };
    let Ok(t) = Template::compile(&file.source) else {
        return Ok(()); // the syntax error is reported when it is registered
    };
    let mut offered = Vec::new();
    for p in parents {
        if let Ok(pt) = Template::compile(&p.source) {
            walk(&pt, false, &mut Vec::new(), &mut offered);
        }
    }
    offered.retain(|n| !super::RESERVED_PARTIALS.contains(&n.as_str()));
    offered.sort();
    offered.dedup();
    for (k, e) in t.elements.iter().enumerate() {
        let (line, col) = t.mapping.get(k).map_or((1, 1), |m| (m.0, m.1));
        match e {
            TemplateElement::Comment(_) => {}
            TemplateElement::RawString(s) if s.trim().is_empty() => {}
            TemplateElement::DecoratorBlock(d) if name_of(&d.name).as_deref() == Some("inline") => {
                let block = d.params.first().and_then(name_of).unwrap_or_default();
                if !offered.contains(&block) {
                    let mut help = format!("可以改写的块：{}", offered.join("、"));
                    if let Some(n) = nearest(&block, offered.iter().map(String::as_str)) {
                        help = format!("是不是想写 \"{n}\"？{help}");
                    }
                    return Err(err(
                        format!("继承的类型里没有名为 \"{block}\" 的块"),
                        help,
                        line,
                        col,
                    ));
                }
            }
            _ => {
                return Err(err(
                    "继承别的类型的模板只能写开头的默认设置和要改写的块".to_string(),
                    "把这段文字放进 {{#*inline \"closing\"}} …… {{/inline}} 这样的块里；可以改写的块见 jianghua templates show".to_string(),
                    line,
                    col,
                ));
            }
        }
    }
    Ok(())
}

/// The blocks a template offers to the templates that extend it (`{{#> closing}}…`).
pub fn offered_blocks(t: &Template) -> Vec<String> {
    let mut blocks = Vec::new();
    walk(t, false, &mut Vec::new(), &mut blocks);
    blocks.retain(|n| !super::RESERVED_PARTIALS.contains(&n.as_str()));
    blocks
}

/// Every helper call to a helper that does not exist and every `{{> partial}}` that names no
/// partial, anywhere in the file (also in branches no spec takes), with the nearest name.
pub fn unknown_names(file: &TemplateFile, partials: &[String]) -> Vec<SourceError> {
    let Ok(t) = Template::compile(&file.source) else {
        return Vec::new();
    };
    let helpers: Vec<&str> = super::reference::HELPERS.iter().map(|h| h.0).collect();
    let mut known_partials: Vec<String> = partials.to_vec();
    known_partials.extend(super::RESERVED_PARTIALS.iter().map(|s| s.to_string()));
    let mut out = Vec::new();
    let mut inline = Vec::new();
    collect_inline(&t, &mut inline);
    known_partials.extend(inline);
    let path = file.origin.display_path();
    let mut report = |line: usize, col: usize, msg: String, help: String| {
        out.push(
            SourceError::new(&path, msg)
                .help(help)
                .at_in(&file.source, line, col),
        );
    };
    visit(&t, &mut |e, line, col| match e {
        TemplateElement::Expression(h)
        | TemplateElement::HtmlExpression(h)
        | TemplateElement::HelperBlock(h) => {
            let name = name_of(&h.name).unwrap_or_default();
            if (!h.params.is_empty() || !h.hash.is_empty()) && !helpers.contains(&name.as_str()) {
                let list = format!("可用的辅助函数：{}", helpers.join("、"));
                let help = match nearest(&name, helpers.iter().copied()) {
                    Some(n) => format!("是不是想写 {n}？{list}"),
                    None => list,
                };
                report(
                    line,
                    col,
                    format!("模板用了不存在的辅助函数 `{name}`"),
                    help,
                );
            }
        }
        TemplateElement::PartialExpression(d) => {
            let name = name_of(&d.name).unwrap_or_default();
            if !known_partials.contains(&name) {
                let help = match nearest(&name, known_partials.iter().map(String::as_str)) {
                    Some(n) => format!(
                        "是不是想写 {{{{> {n}}}}}？片段文件名应为 _名字.hbs，放在模板目录中"
                    ),
                    None => "片段文件名应为 _名字.hbs，放在模板目录中".to_string(),
                };
                report(line, col, format!("模板引用了不存在的片段 `{name}`"), help);
            }
        }
        _ => {}
    });
    out
}

fn collect_inline(t: &Template, out: &mut Vec<String>) {
    for e in &t.elements {
        if let TemplateElement::DecoratorBlock(d) = e
            && name_of(&d.name).as_deref() == Some("inline")
            && let Some(n) = d.params.first().and_then(name_of)
        {
            out.push(n);
        }
    }
}

/// Calls `f` on every element (nested blocks and subexpressions included) with its position.
fn visit(t: &Template, f: &mut dyn FnMut(&TemplateElement, usize, usize)) {
    for (k, e) in t.elements.iter().enumerate() {
        let (line, col) = t.mapping.get(k).map_or((1, 1), |m| (m.0, m.1));
        visit_element(e, line, col, f);
    }
}

fn visit_element(
    e: &TemplateElement,
    line: usize,
    col: usize,
    f: &mut dyn FnMut(&TemplateElement, usize, usize),
) {
    f(e, line, col);
    let (params, inner): (Vec<&Parameter>, Vec<&Template>) = match e {
        TemplateElement::Expression(h)
        | TemplateElement::HtmlExpression(h)
        | TemplateElement::HelperBlock(h) => (
            h.params.iter().chain(h.hash.values()).collect(),
            [&h.template, &h.inverse].into_iter().flatten().collect(),
        ),
        TemplateElement::DecoratorBlock(d)
        | TemplateElement::DecoratorExpression(d)
        | TemplateElement::PartialBlock(d)
        | TemplateElement::PartialExpression(d) => (
            d.params.iter().chain(d.hash.values()).collect(),
            d.template.iter().collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    for p in params {
        if let Parameter::Subexpression(s) = p {
            visit_element(&s.element, line, col, f);
        }
    }
    for t in inner {
        visit(t, f);
    }
}
