//! `jianghua render`: specs in, drafts out — every draft produced in memory before any is written.

use crate::cli::RenderArgs;
use crate::doc::{Doc, markdown};
use crate::error::{Error, Result};
use crate::fsx::write_atomic;
use crate::render::{DocxMeta, Profile, render_doc, write_docx};
use crate::spec::{self, Located, Spec};
use crate::template::TemplateSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Docx,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    fn parse(name: &str) -> Result<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Md),
            "docx" | "word" => Ok(Format::Docx),
            "html" | "htm" => Ok(Format::Html),
            other => Err(Error::Usage(format!(
                "不支持的输出格式 `{other}`；可用：md、docx、html（可写成 -f md,docx 同时输出）"
            ))),
        }
    }

    fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Where the rendered bytes of one spec go.
enum Target {
    Stdout,
    File(PathBuf),
}

pub fn run(args: &RenderArgs) -> Result<()> {
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    let formats = formats(args, to_stdout)?;
    if args.specs.len() > 1 && args.output.is_some() {
        return Err(Error::Usage(
            "一次渲染多个要素文件时不能用 -o；请用 --out-dir 目录 指定输出位置".to_string(),
        ));
    }
    if args.output.is_some() && args.out_dir.is_some() {
        return Err(Error::Usage("-o 和 --out-dir 只能选一个".to_string()));
    }
    // A named profile is checked even for Markdown-only runs, so a typo never goes unnoticed.
    let profile = match (&args.profile, formats.iter().any(|f| *f != Format::Md)) {
        (Some(name), _) => Some(Profile::resolve(name)?),
        (None, true) => Profile::builtin("official"),
        (None, false) => None,
    };
    let mut outputs: Vec<(Target, Vec<u8>)> = Vec::new();
    let mut errors = Vec::new();
    for spec_path in &args.specs {
        match render_one(spec_path, args, &formats, to_stdout, profile.as_ref()) {
            Ok(mut out) => outputs.append(&mut out),
            Err(e) => errors.push(e),
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (target, _) in &outputs {
        if let Target::File(path) = target
            && !seen.insert(path.clone())
        {
            errors.push(Error::Write {
                path: path.clone(),
                reason: "有两个要素文件要写到这同一个文件；请把它们改成不同的文件名，或分开渲染"
                    .to_string(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(Error::many(errors));
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::Write {
            path: dir.clone(),
            reason: crate::error::io_reason(&e),
        })?;
    }
    for (target, bytes) in outputs {
        match target {
            Target::Stdout => {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(&bytes)
                    .and_then(|()| stdout.flush())
                    .map_err(|e| Error::Write {
                        path: PathBuf::from("-"),
                        reason: crate::error::io_reason(&e),
                    })?;
            }
            Target::File(path) => {
                write_atomic(&path, &bytes)?;
                eprintln!("已生成 {}", path.display());
            }
        }
    }
    Ok(())
}

fn formats(args: &RenderArgs, to_stdout: bool) -> Result<Vec<Format>> {
    let mut formats = Vec::new();
    for name in &args.format {
        let f = Format::parse(name)?;
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    let from_output = args
        .output
        .as_deref()
        .filter(|_| !to_stdout)
        .and_then(Format::from_path);
    if formats.is_empty() {
        formats.push(from_output.unwrap_or(Format::Md));
    } else if let (Some(ext), [only]) = (from_output, formats.as_slice())
        && ext != *only
    {
        return Err(Error::Usage(format!(
            "-o 的扩展名是 .{}，但 -f 要求 {}；请让两者一致",
            ext.extension(),
            only.extension()
        )));
    }
    if to_stdout && formats != [Format::Md] {
        return Err(Error::Usage(
            "只有 Markdown 能输出到屏幕（-o -）；Word 文件请用 -o 文件名.docx".to_string(),
        ));
    }
    Ok(formats)
}

fn render_one(
    spec_path: &Path,
    args: &RenderArgs,
    formats: &[Format],
    to_stdout: bool,
    profile: Option<&Profile>,
) -> Result<Vec<(Target, Vec<u8>)>> {
    let spec = spec::load(spec_path)?;
    let templates = TemplateSet::for_spec(args.templates.as_deref(), spec_path);
    let doc = render_doc(&spec, &templates)?;
    crate::check::spec::guard(&spec, &doc)?;
    let mut out = Vec::new();
    for &format in formats {
        let bytes = produce(format, &doc, &spec, profile)?;
        let target = if to_stdout {
            Target::Stdout
        } else {
            Target::File(output_path(spec_path, args, format, formats.len()))
        };
        out.push((target, bytes));
    }
    Ok(out)
}

/// The bytes of one output format for a rendered speech.
fn produce(
    format: Format,
    doc: &Doc,
    spec: &Located<Spec>,
    profile: Option<&Profile>,
) -> Result<Vec<u8>> {
    match format {
        Format::Md => Ok(markdown::to_markdown(doc).into_bytes()),
        Format::Docx | Format::Html => {
            let official;
            let profile = match profile {
                Some(p) => p,
                None => {
                    official = Profile::builtin("official")
                        .ok_or_else(|| Error::Usage("内置版式 official 缺失".to_string()))?;
                    &official
                }
            };
            if format == Format::Html {
                return Ok(crate::render::html::write_html(doc, profile).into_bytes());
            }
            write_docx(doc, profile, &docx_meta(doc, &spec.value))
        }
    }
}

/// Document properties from the spec: title, the speaker as author, the speech's date.
fn docx_meta(doc: &Doc, spec: &Spec) -> DocxMeta {
    let created = spec
        .date
        .and_then(|d| d.date)
        .and_then(|d| chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
    DocxMeta {
        title: doc.title().unwrap_or(&spec.title).to_string(),
        author: spec.speaker.clone().filter(|s| !s.trim().is_empty()),
        created,
    }
}

fn output_path(spec_path: &Path, args: &RenderArgs, format: Format, n_formats: usize) -> PathBuf {
    let ext = format.extension();
    if let Some(out) = &args.output {
        return if n_formats == 1 {
            out.clone()
        } else {
            out.with_extension(ext)
        };
    }
    let stem = spec_path.file_stem().unwrap_or_default();
    match &args.out_dir {
        Some(dir) => dir.join(stem).with_extension(ext),
        None => spec_path.with_extension(ext),
    }
}
