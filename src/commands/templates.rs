//! `jianghua templates`: lists the speech types; `show` prints one, `eject` copies them out
//! for editing, `check` compiles a folder of templates and renders them against specs that
//! take every branch.

use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::error::{Error, Result, nearest};
use crate::fsx::create;
use crate::template::{BUILTIN, FrontMatter, Origin, TemplateSet, coverage};
use std::path::{Path, PathBuf};

/// Each visible speech template with its description and origin.
pub fn list(set: &TemplateSet) -> Result<Vec<(String, String, bool)>> {
    let mut rows = Vec::new();
    for name in set.speech_names() {
        if let Some(file) = set.file(&format!("{name}.hbs"))? {
            let front = FrontMatter::parse(&file.source, &file.origin.display_path())?;
            let builtin = matches!(file.origin, Origin::BuiltIn(_));
            rows.push((name, front.description, builtin));
        }
    }
    Ok(rows)
}

fn overlays(dir: Option<&PathBuf>) -> Result<TemplateSet> {
    if let Some(d) = dir
        && !d.is_dir()
    {
        return Err(Error::Usage(format!(
            "找不到模板目录 {}（--templates 指定的目录应当存在，里面放 *.hbs 模板）",
            d.display()
        )));
    }
    Ok(TemplateSet::with_overlays(
        dir.cloned().into_iter().collect(),
    ))
}

fn unknown(set: &TemplateSet, name: &str) -> Error {
    let names = set.speech_names();
    let hint = nearest(name, names.iter().map(String::as_str))
        .map(|n| format!("是不是想写 {n}？"))
        .unwrap_or_default();
    Error::Usage(format!(
        "没有名为 “{name}” 的讲话类型。{hint}可用的类型：{}。自定义类型请加 --templates 目录",
        names.join("、")
    ))
}

pub fn run(args: &TemplatesArgs) -> Result<()> {
    let set = overlays(args.templates.as_ref())?;
    match &args.action {
        None => {
            let rows = list(&set)?;
            // columns by display width: a Chinese character takes two
            let cols = |s: &str| {
                s.chars()
                    .map(|c| if c > '\u{2e80}' { 2 } else { 1 })
                    .sum::<usize>()
            };
            let width = rows.iter().map(|(n, _, _)| cols(n)).max().unwrap_or(0);
            let mut text = String::new();
            for (name, description, builtin) in rows {
                let mark = if builtin { "" } else { "（自定义）" };
                let pad = " ".repeat(width - cols(&name));
                text.push_str(&format!("{name}{pad}  {description}{mark}\n"));
            }
            crate::fsx::out(&text)
        }
        Some(TemplatesAction::Show { name }) => {
            let file = set
                .file(&format!("{name}.hbs"))?
                .filter(|_| !name.starts_with('_'))
                .ok_or_else(|| unknown(&set, name))?;
            crate::fsx::out(&file.source)?;
            let prepared = set.prepare(name, Path::new(".")).map_err(|e| match e {
                crate::template::TemplateLookup::Other(e) => e,
                _ => unknown(&set, name),
            })?;
            let blocks = prepared.blocks();
            crate::fsx::note(&format!(
                "（来源：{}；可在继承它的模板里改写的块：{}）",
                file.origin.display_path().display(),
                if blocks.is_empty() {
                    "无".to_string()
                } else {
                    blocks.join("、")
                }
            ));
            Ok(())
        }
        Some(TemplatesAction::Eject {
            names,
            all,
            output,
            force,
        }) => {
            let names: Vec<String> = if *all {
                BUILTIN
                    .iter()
                    .filter(|(n, _)| !n.starts_with('_'))
                    .map(|(n, _)| n.trim_end_matches(".hbs").to_string())
                    .collect()
            } else {
                names.clone()
            };
            let dir = output.clone().unwrap_or_else(|| PathBuf::from("templates"));
            // every name is checked before anything is written
            let mut files = Vec::new();
            for name in &names {
                let file = set
                    .file(&format!("{name}.hbs"))?
                    .filter(|_| !name.starts_with('_'))
                    .ok_or_else(|| unknown(&set, name))?;
                files.push((name, file));
            }
            std::fs::create_dir_all(&dir).map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?;
            for (name, file) in files {
                let path = dir.join(format!("{name}.hbs"));
                if create(&path, &file.source, *force)? {
                    crate::fsx::note(&format!("已导出 {}", path.display()));
                }
            }
            crate::fsx::note(&format!(
                "修改后放在要素文件旁的 templates/ 目录里即自动使用，或：jianghua render 要素.toml --templates {}",
                dir.display()
            ));
            Ok(())
        }
        Some(TemplatesAction::Check { dir }) => {
            let errors = check(dir.as_deref())?;
            if errors.is_empty() {
                crate::fsx::note("模板检查通过。");
                return Ok(());
            }
            for e in &errors {
                crate::fsx::note(&crate::diagnostics::report(e));
            }
            Err(Error::Usage(format!(
                "模板检查发现 {} 处问题",
                errors.len()
            )))
        }
    }
}

/// Compiles every speech template of `dir` (or the built-ins) and renders it against the
/// coverage specs; every distinct error, in the order found.
pub fn check(dir: Option<&Path>) -> Result<Vec<Error>> {
    let set = overlays(dir.map(Path::to_path_buf).as_ref())?;
    let names: Vec<String> = match dir {
        None => set.speech_names(),
        Some(d) => {
            let mut names: Vec<String> = std::fs::read_dir(d)
                .map_err(|source| Error::Read {
                    path: d.to_path_buf(),
                    source,
                })?
                .flatten()
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().to_string();
                    let stem = n.strip_suffix(".hbs")?;
                    (!stem.starts_with('_')).then(|| stem.to_string())
                })
                .collect();
            names.sort();
            names
        }
    };
    if let Some(d) = dir
        && names.is_empty()
    {
        return Err(Error::Usage(format!(
            "目录 {} 里没有讲话模板（*.hbs，不以 _ 开头）；请给出放模板的目录，或不给目录以检查内置模板",
            d.display()
        )));
    }
    let spec_dir = dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut errors: Vec<Error> = Vec::new();
    // names checked in every branch, whether or not a spec takes it
    if let Some(d) = dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "hbs"))
            .collect();
        files.sort();
        let partials: Vec<String> = files
            .iter()
            .filter_map(|p| {
                let n = p.file_stem()?.to_string_lossy().to_string();
                n.strip_prefix('_').map(str::to_string)
            })
            .collect();
        for path in files {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue; // reported when it is compiled
            };
            let file = crate::template::TemplateFile {
                source,
                origin: Origin::File(path),
            };
            for e in crate::template::check::unknown_names(&file, &partials) {
                push_once(&mut errors, e.into());
            }
        }
    }
    for name in &names {
        for (i, text) in coverage::SPECS.iter().enumerate() {
            let source = format!("template = \"{name}\"\n{text}");
            let path = spec_dir.join(format!("覆盖检查{}.toml", i + 1));
            let spec = crate::spec::parse(&source, &path)?;
            if let Err(e) = crate::render::render_doc(&spec, &set) {
                push_once(&mut errors, e);
            }
        }
    }
    Ok(errors)
}

/// Adds an error unless one with the same position and message (its first line) is there:
/// the static scan and a coverage render can find the same mistake with different hints.
fn push_once(errors: &mut Vec<Error>, e: Error) {
    let head = |e: &Error| e.to_string().lines().next().unwrap_or_default().to_string();
    if !errors.iter().any(|x| head(x) == head(&e)) {
        errors.push(e);
    }
}
