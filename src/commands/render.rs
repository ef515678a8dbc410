//! `jianghua render`: specs in, drafts out — every draft produced in memory before any is written.

use crate::cli::RenderArgs;
use crate::doc::{Doc, markdown};
use crate::error::{Error, Result};
use crate::fsx::{FileId, Staged, check_output, commit, note, stage};
use crate::render::{DocxMeta, Frame, Profile, render_doc, write_docx};
use crate::spec::{self, Located, Spec};
use crate::template::TemplateSet;
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
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        return Err(Error::Usage(format!(
            "{}：模板目录不存在或不是目录；请检查 --templates 后面的路径",
            dir.display()
        )));
    }
    // A named profile is checked even for Markdown-only runs, so a typo never goes unnoticed.
    let profile = match (&args.profile, formats.iter().any(|f| *f != Format::Md)) {
        (Some(name), _) => Some(Profile::resolve(name)?),
        (None, true) => Profile::builtin("official"),
        (None, false) => None,
    };
    let sets = TemplateSets::new(args);
    if to_stdout {
        let mut text = Vec::new();
        for spec_path in &args.specs {
            let (doc, spec) = render_spec(spec_path, &sets)?;
            text.extend(produce(formats[0], &doc, &spec, profile.as_ref(), None)?);
        }
        return crate::fsx::out_bytes(&text);
    }
    let plan = plan(args, &formats)?;
    let created_dir = match &args.out_dir {
        Some(dir) if !dir.exists() => {
            std::fs::create_dir_all(dir).map_err(|e| Error::Write {
                path: dir.clone(),
                reason: crate::error::io_reason(&e),
            })?;
            Some(dir)
        }
        _ => None,
    };
    // one spec renders in a few milliseconds: interrupts wait for it instead of a cleanup
    // thread being started; a batch can take seconds and stops at once
    let written = if plan.len() == 1 {
        crate::fsx::hold_signals(|| write_all(&plan, &sets, profile.as_ref(), created_dir))
    } else {
        write_all(&plan, &sets, profile.as_ref(), created_dir)
    }?;
    if written.len() > SUMMARY_OVER {
        note(&format!(
            "已生成 {} 个文件{}",
            written.len(),
            args.out_dir
                .as_ref()
                .map(|d| format!("，在 {} 中", d.display()))
                .unwrap_or_default()
        ));
    } else {
        for path in written {
            note(&format!("已生成 {}", path.display()));
        }
    }
    Ok(())
}

/// Renders every planned spec to temp files (in parallel for a batch), then renames them all
/// into place — or, if any spec fails, none — and returns the files written.
fn write_all(
    plan: &[Planned],
    sets: &TemplateSets,
    profile: Option<&Profile>,
    created_dir: Option<&PathBuf>,
) -> Result<Vec<PathBuf>> {
    let progress = Progress::new(plan.len());
    // Word output: the parts that depend on the profile alone are built once for the run
    let wants_word = plan
        .iter()
        .any(|(_, targets)| targets.iter().any(|(f, _)| *f == Format::Docx));
    let frame = profile.filter(|_| wants_word).map(Frame::new).transpose()?;
    let stage_one = |(spec_path, targets): &Planned| {
        let result = render_spec(spec_path, sets).and_then(|(doc, spec)| {
            targets
                .iter()
                .map(|(format, target)| {
                    let bytes = produce(*format, &doc, &spec, profile, frame.as_ref())?;
                    stage(target, &bytes)
                })
                .collect::<Result<Vec<_>>>()
        });
        progress.inc();
        result
    };
    // render and write the temp files in parallel; nothing is renamed until every one is ready
    let results: Vec<Result<Vec<Staged>>> = if plan.len() > 1 {
        use rayon::prelude::*;
        plan.par_iter().map(stage_one).collect()
    } else {
        plan.iter().map(stage_one).collect()
    };
    progress.finish();
    let mut staged = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(mut s) => staged.append(&mut s),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        drop(staged);
        if let Some(dir) = created_dir {
            let _ = std::fs::remove_dir(dir);
        }
        return Err(Error::many(errors));
    }
    let written: Vec<PathBuf> = staged.iter().map(|s| s.target().to_path_buf()).collect();
    commit(staged)?;
    Ok(written)
}

/// Above this many files a batch reports one summary line instead of one line per file.
const SUMMARY_OVER: usize = 50;

/// A spec and the files (format, path) it will write.
type Planned<'a> = (&'a PathBuf, Vec<(Format, PathBuf)>);

/// Every spec with the files it will write, checked before anything is rendered: no two specs
/// to one file, no output that is an input, a folder, a device or (without --force) read-only.
fn plan<'a>(args: &'a RenderArgs, formats: &[Format]) -> Result<Vec<Planned<'a>>> {
    let mut inputs: Vec<FileId> = args.specs.iter().filter_map(|p| FileId::of(p)).collect();
    if let Some(p) = &args.profile {
        inputs.extend(FileId::of(Path::new(p)));
    }
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut plan = Vec::new();
    for spec_path in &args.specs {
        let mut targets = Vec::new();
        for &format in formats {
            let path = output_path(spec_path, args, format, formats.len());
            if !seen.insert(path.clone()) {
                errors.push(Error::Write {
                    path: path.clone(),
                    reason:
                        "有两个要素文件要写到这同一个文件；请把它们改成不同的文件名，或分开渲染"
                            .to_string(),
                });
                continue;
            }
            match check_output(&path, &inputs, args.force) {
                Ok(target) => targets.push((format, target)),
                Err(e) => errors.push(e),
            }
        }
        plan.push((spec_path, targets));
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(Error::many(errors))
    }
}

/// One template set per overlay list, shared by every spec of a batch, so each template is
/// compiled once per run.
struct TemplateSets {
    sets: Vec<TemplateSet>,
    by_spec: std::collections::HashMap<PathBuf, usize>,
}

impl TemplateSets {
    fn new(args: &RenderArgs) -> Self {
        let mut sets: Vec<TemplateSet> = Vec::new();
        let mut by_spec = std::collections::HashMap::new();
        for spec in &args.specs {
            let set = TemplateSet::for_spec(args.templates.as_deref(), spec);
            let index = match sets.iter().position(|s| s.overlays == set.overlays) {
                Some(i) => i,
                None => {
                    sets.push(set);
                    sets.len() - 1
                }
            };
            by_spec.insert(spec.clone(), index);
        }
        TemplateSets { sets, by_spec }
    }

    fn get(&self, spec_path: &Path) -> &TemplateSet {
        &self.sets[self.by_spec.get(spec_path).copied().unwrap_or(0)]
    }
}

/// A progress bar on a terminal for batches of many specs; nothing when stderr is piped.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(n: usize) -> Self {
        use std::io::IsTerminal;
        if n < 20 || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(n as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("正在生成 {bar:30} {pos}/{len}")
        {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
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
    if to_stdout && formats != [Format::Md] && formats != [Format::Html] {
        return Err(Error::Usage(
            "只有 Markdown 或 HTML 能输出到屏幕（-o -），一次一种；Word 文件请用 -o 文件名.docx"
                .to_string(),
        ));
    }
    Ok(formats)
}

fn render_spec(spec_path: &Path, sets: &TemplateSets) -> Result<(Doc, Located<Spec>)> {
    let spec = spec::load(spec_path)?;
    let doc = render_doc(&spec, sets.get(spec_path))?;
    crate::check::spec::guard(&spec, &doc)?;
    Ok((doc, spec))
}

/// The bytes of one output format for a rendered speech. Word output uses `frame` when the
/// run built one for the profile.
fn produce(
    format: Format,
    doc: &Doc,
    spec: &Located<Spec>,
    profile: Option<&Profile>,
    frame: Option<&Frame>,
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
            let meta = docx_meta(doc, &spec.value);
            match frame {
                Some(frame) => frame.write(doc, &meta),
                None => write_docx(doc, profile, &meta),
            }
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
        } else if Format::from_path(out).is_some() {
            out.with_extension(ext)
        } else {
            // `-o v1.2 -f md,docx` → v1.2.md and v1.2.docx, not v1.md
            let mut name = out.as_os_str().to_os_string();
            name.push(".");
            name.push(ext);
            PathBuf::from(name)
        };
    }
    let stem = spec_path.file_stem().unwrap_or_default();
    match &args.out_dir {
        // `v1.2.toml` → `v1.2.md`: only the spec's own extension is replaced
        Some(dir) => {
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(ext);
            dir.join(name)
        }
        None => spec_path.with_extension(ext),
    }
}
