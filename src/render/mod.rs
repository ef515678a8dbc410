//! Rendering: spec → context → template wording + engine-built blocks → Doc, and the output
//! formats written from the Doc (Markdown, .docx).

pub(crate) mod assemble;
mod context;
pub mod docx;
pub mod profile;

pub use docx::{DocxMeta, write_docx};
pub use profile::Profile;

pub use context::heading_form;

use crate::doc::roles::MarkerError;
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
            let mut help = format!("可用的讲话类型：{}", names.join("、"));
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

/// Renders a spec to plain Markdown.
pub fn render_markdown(spec: &Located<Spec>, templates: &TemplateSet) -> Result<String> {
    Ok(markdown::to_markdown(&render_doc(spec, templates)?))
}

/// Chinese text for a numbering form that cannot number the items it was given.
pub fn marker_error_text(e: &MarkerError) -> String {
    match e {
        MarkerError::TooMany { form, max, got } => format!(
            "“{}”最多只能排{}项，这里有{}项",
            form.label(),
            crate::numerals::cardinal(*max as u64),
            crate::numerals::cardinal(*got as u64)
        ),
        MarkerError::NotTwo { got } => format!(
            "“一方面……另一方面……”只能用于两点，这里有{}点",
            crate::numerals::cardinal(*got as u64)
        ),
    }
}
