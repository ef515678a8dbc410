//! Rendering: spec → context → template wording + engine-built blocks → Doc, and the output
//! formats written from the Doc (Markdown, .docx).

mod assemble;
mod context;
pub mod docx;
pub mod html;
pub mod profile;

pub use docx::{DocxMeta, Frame, write_docx};
pub use profile::Profile;

pub use context::heading_form;

use crate::doc::{Doc, markdown};
use crate::error::Result;
use crate::spec::{Located, Seg, Spec};
use crate::template::{TemplateLookup, TemplateSet};

/// Renders a spec to the Doc its template produces.
pub fn render_doc(spec: &Located<Spec>, templates: &TemplateSet) -> Result<Doc> {
    let spec_dir = spec
        .path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let prepared = match templates.prepare(&spec.value.template, &spec_dir) {
        Ok(p) => p,
        Err(TemplateLookup::Unknown { names, suggestion }) => {
            let mut help = format!(
                "可用的讲话类型：{}。找过的模板目录：{}；自定义类型放在要素文件旁的 templates/ 里，或用 --templates 目录 指定",
                names.join("、"),
                searched(templates)
            );
            if let Some(s) = suggestion {
                help = format!("是不是想写 \"{s}\"？{help}");
            }
            return Err(spec
                .error_at(
                    &[Seg::Key("template")],
                    format!("没有名为 \"{}\" 的模板", spec.value.template),
                )
                .help(help)
                .into());
        }
        // a template path that cannot be read: say so at the spec's `template` line
        Err(TemplateLookup::Other(crate::Error::Read { path, source })) => {
            return Err(spec
                .error_at(
                    &[Seg::Key("template")],
                    format!(
                        "无法读取模板文件 {}：{}",
                        path.display(),
                        crate::error::io_reason(&source)
                    ),
                )
                .help("模板路径相对于要素文件所在的目录；也可以写内置类型名，如 \"review\"")
                .into());
        }
        Err(TemplateLookup::Path(why)) => {
            return Err(spec
                .error_at(&[Seg::Key("template")], why)
                .help("把模板文件放在要素文件旁边（或其子目录里），写相对路径，如 \"mine.hbs\"")
                .into());
        }
        Err(TemplateLookup::Other(e)) => return Err(e),
    };
    let ctx = context::build(spec, &prepared.front)?;
    let text = prepared
        .registry
        .render(&prepared.name, &ctx)
        .map_err(|e| prepared.render_error(&e))?;
    assemble::assemble(&text, &ctx).ok_or_else(|| {
        let path = prepared
            .origins
            .get(&prepared.name)
            .map_or_else(|| prepared.name.clone().into(), |o| o.display_path());
        crate::error::SourceError::new(
            path,
            "模板没有写 {{> body}}，要素文件中的各部分（parts）无处安放",
        )
        .help("在模板中开场白之后、结束语之前单独写一行 {{> body}}")
        .into()
    })
}

/// The template folders searched, for messages.
fn searched(templates: &TemplateSet) -> String {
    let mut dirs: Vec<String> = templates
        .overlays
        .iter()
        .map(|d| d.display().to_string())
        .collect();
    dirs.push("内置模板".to_string());
    dirs.join("、")
}

/// Renders a spec to plain Markdown.
pub fn render_markdown(spec: &Located<Spec>, templates: &TemplateSet) -> Result<String> {
    Ok(markdown::to_markdown(&render_doc(spec, templates)?))
}

pub use crate::doc::roles::marker_error_text;

#[cfg(test)]
mod tests {
    use crate::template::{TemplateSet, coverage, helpers, reference};

    /// Every path of a JSON value, arrays written `name[]`.
    fn paths(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    out.push(p.clone());
                    if !matches!(k.as_str(), "phrases" | "vars") {
                        paths(v, &p, out);
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for v in a {
                    paths(v, &format!("{prefix}[]"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_reference_lists_every_variable_and_helper() {
        let docs = include_str!("../../docs/templates.md");
        let set = TemplateSet::default();
        let mut seen = Vec::new();
        for text in coverage::SPECS {
            let spec = crate::spec::parse(
                &format!("template = \"review\"\n{text}"),
                std::path::Path::new("c.toml"),
            )
            .unwrap();
            let prepared = set.prepare("review", std::path::Path::new(".")).unwrap();
            let ctx = super::context::build(&spec, &prepared.front).unwrap();
            paths(&serde_json::to_value(&ctx).unwrap(), "", &mut seen);
        }
        seen.sort();
        seen.dedup();
        let listed: Vec<&str> = reference::VARIABLES.iter().map(|v| v.0).collect();
        for p in &seen {
            let mut p = p.clone();
            while p.contains("parts[].sections[]") {
                p = p.replace("parts[].sections[]", "parts[]");
            }
            assert!(
                listed.contains(&p.as_str()),
                "context variable {p} is not in reference::VARIABLES"
            );
        }
        for (name, ..) in reference::VARIABLES {
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/templates.md lacks `{name}`"
            );
        }
        for name in helpers::names() {
            assert!(
                reference::HELPERS.iter().any(|h| h.0 == name),
                "helper {name} is not in reference::HELPERS"
            );
        }
        for (name, _) in reference::HELPERS {
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/templates.md lacks helper `{name}`"
            );
        }
        for block in ["opening", "closing"] {
            assert!(
                docs.contains(&format!("`{block}`")),
                "docs/templates.md lacks block `{block}`"
            );
        }
    }
}
