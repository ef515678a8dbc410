//! Speech templates: the built-in set, user folders that shadow it file by file, and Handlebars setup.

pub mod check;
pub mod compact;
mod construct;
pub mod coverage;
pub mod front_matter;
pub mod helpers;
mod prebuilt;
pub mod reference;

use crate::error::{Result, SourceError, nearest};
use compact::compact_comments;
pub use front_matter::FrontMatter;
use handlebars::Handlebars;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Built-in template files, embedded at compile time. Names starting with `_` are partials.
pub const BUILTIN: &[(&str, &str)] = &[
    ("review.hbs", include_str!("../../templates/review.hbs")),
    (
        "promotion.hbs",
        include_str!("../../templates/promotion.hbs"),
    ),
    ("regular.hbs", include_str!("../../templates/regular.hbs")),
    (
        "mobilization.hbs",
        include_str!("../../templates/mobilization.hbs"),
    ),
    ("article.hbs", include_str!("../../templates/article.hbs")),
];

/// Where a template file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn(&'static str),
    File(PathBuf),
}

impl Origin {
    /// Path shown in error messages.
    pub fn display_path(&self) -> PathBuf {
        match self {
            Origin::BuiltIn(name) => PathBuf::from(format!("templates/{name}（内置）")),
            Origin::File(p) => p.clone(),
        }
    }
}

/// One template file's text and origin.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    pub source: String,
    pub origin: Origin,
}

/// The templates visible to one spec: user folders first, then the built-ins.
#[derive(Debug, Default)]
pub struct TemplateSet {
    /// Folders searched before the built-ins, highest priority first.
    pub overlays: Vec<PathBuf>,
    /// Templates already compiled, by (template value, spec folder): a batch or a benchmark
    /// compiles each template once.
    cache: Mutex<HashMap<(String, PathBuf), Arc<Prepared>>>,
}

/// A speech template ready to render, with its partials and front matter.
#[derive(Debug)]
pub struct Prepared {
    pub registry: Handlebars<'static>,
    pub front: FrontMatter,
    pub name: String,
    /// Template name → origin, to turn Handlebars errors into positioned ones.
    pub origins: BTreeMap<String, Origin>,
    /// The text of each file of the extends chain, to find which one an error is in.
    sources: Vec<(Origin, String)>,
}

impl TemplateSet {
    /// The overlay order for a spec: `--templates DIR`, then `templates/` beside the spec.
    pub fn for_spec(explicit: Option<&Path>, spec_path: &Path) -> Self {
        let mut overlays = Vec::new();
        if let Some(dir) = explicit {
            overlays.push(dir.to_path_buf());
        }
        let beside = spec_path
            .parent()
            .map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"));
        if beside.is_dir() && !overlays.contains(&beside) {
            overlays.push(beside);
        }
        TemplateSet::with_overlays(overlays)
    }

    /// A set searching `overlays` (highest priority first) before the built-ins.
    pub fn with_overlays(overlays: Vec<PathBuf>) -> Self {
        TemplateSet {
            overlays,
            cache: Mutex::default(),
        }
    }

    /// Finds a template file by file name (`review.hbs`, `_part.hbs`).
    pub fn file(&self, file_name: &str) -> Result<Option<TemplateFile>> {
        for dir in &self.overlays {
            let path = dir.join(file_name);
            if path.is_file() {
                let source = read_in(dir, &path)?;
                return Ok(Some(TemplateFile {
                    source,
                    origin: Origin::File(path),
                }));
            }
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == file_name)
            .map(|(n, s)| TemplateFile {
                source: s.to_string(),
                origin: Origin::BuiltIn(n),
            }))
    }

    /// Speech template names (without `.hbs`), built-in and from user folders, sorted.
    pub fn speech_names(&self) -> Vec<String> {
        let mut names: Vec<String> = BUILTIN
            .iter()
            .filter(|(n, _)| !n.starts_with('_'))
            .map(|(n, _)| n.trim_end_matches(".hbs").to_string())
            .collect();
        for dir in &self.overlays {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().to_string();
                    if let Some(stem) = name.strip_suffix(".hbs")
                        && !stem.starts_with('_')
                        && !names.iter().any(|n| n == stem)
                    {
                        names.push(stem.to_string());
                    }
                }
            }
        }
        names.sort();
        names
    }

    /// Resolves the spec's `template` value (a name, or a path ending in `.hbs` relative to
    /// the spec) and prepares it with every partial.
    pub fn prepare(
        &self,
        template: &str,
        spec_dir: &Path,
    ) -> Result<Arc<Prepared>, TemplateLookup> {
        let key = (template.to_string(), spec_dir.to_path_buf());
        if let Some(p) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(p);
        }
        let prepared = Arc::new(self.prepare_uncached(template, spec_dir)?);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, Arc::clone(&prepared));
        }
        Ok(prepared)
    }

    fn prepare_uncached(
        &self,
        template: &str,
        spec_dir: &Path,
    ) -> Result<Prepared, TemplateLookup> {
        for dir in &self.overlays {
            if !dir.is_dir() {
                return Err(TemplateLookup::Other(crate::Error::Usage(format!(
                    "找不到模板目录 {}（--templates 指定的目录应当存在，里面放 *.hbs 模板）",
                    dir.display()
                ))));
            }
        }
        let (name, file) = if template.ends_with(".hbs") || template.contains('/') {
            let path = spec_template_path(spec_dir, template).map_err(TemplateLookup::Path)?;
            let source = read(&path).map_err(TemplateLookup::Other)?;
            let name = path
                .file_stem()
                .map_or_else(|| template.to_string(), |s| s.to_string_lossy().to_string());
            (
                name,
                TemplateFile {
                    source,
                    origin: Origin::File(path),
                },
            )
        } else {
            match self
                .file(&format!("{template}.hbs"))
                .map_err(TemplateLookup::Other)?
            {
                Some(f) if !template.starts_with('_') => (template.to_string(), f),
                _ => {
                    let names = self.speech_names();
                    let suggestion =
                        nearest(template, names.iter().map(String::as_str)).map(str::to_string);
                    return Err(TemplateLookup::Unknown { names, suggestion });
                }
            }
        };
        self.register(name, file).map_err(TemplateLookup::Other)
    }

    fn register(&self, name: String, file: TemplateFile) -> Result<Prepared> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(plain);
        helpers::register(&mut registry);
        let mut origins = BTreeMap::new();
        let own_front = FrontMatter::parse(&file.source, &file.origin.display_path())?;
        // the chain of types this one extends, nearest first
        let mut chain: Vec<(String, TemplateFile, FrontMatter)> = Vec::new();
        let mut extends = own_front.extends.clone();
        let mut below = file.origin.clone();
        let mut child_source = file.source.clone();
        let mut child_origin = file.origin.clone();
        while let Some(parent) = extends {
            let at = child_source.find("extends").unwrap_or(0);
            // a type extends the one of the same name below it (a user's review.hbs extends
            // the built-in review), or another type found the usual way
            let current = chain.last().map_or(name.as_str(), |(n, _, _)| n.as_str());
            let found = if parent == current {
                self.file_below(&format!("{parent}.hbs"), &below)?
            } else {
                self.file(&format!("{parent}.hbs"))?
            };
            let seen =
                |o: &Origin| *o == file.origin || chain.iter().any(|(_, f, _)| f.origin == *o);
            if chain.len() >= 8 || found.as_ref().is_some_and(|f| seen(&f.origin)) {
                return Err(SourceError::new(
                    child_origin.display_path(),
                    format!("模板的继承绕成了圈：{name} 又回到了 {parent}"),
                )
                .help("extends 只能指向另一个讲话类型，且不能互相继承")
                .at_offset(&child_source, at)
                .into());
            }
            let Some(pfile) = found else {
                let names = self.speech_names();
                let mut help = format!("可用的讲话类型：{}", names.join("、"));
                if let Some(n) = nearest(&parent, names.iter().map(String::as_str)) {
                    help = format!("是不是想写 \"{n}\"？{help}");
                }
                return Err(SourceError::new(
                    child_origin.display_path(),
                    format!("extends 指向的讲话类型 \"{parent}\" 不存在"),
                )
                .help(help)
                .at_offset(&child_source, at)
                .into());
            };
            let pfront = FrontMatter::parse(&pfile.source, &pfile.origin.display_path())?;
            extends = pfront.extends.clone();
            below = pfile.origin.clone();
            child_source = pfile.source.clone();
            child_origin = pfile.origin.clone();
            chain.push((parent, pfile, pfront));
        }
        let mut front = own_front;
        for (_, _, pfront) in &chain {
            front = front.over(pfront.clone());
        }
        // each level is registered on its own: the type itself under its name, the types it
        // extends as partials `base-1`, `base-2` … that the level below calls at its end
        let sources: Vec<(String, &TemplateFile)> = std::iter::once((name.clone(), &file))
            .chain(
                chain
                    .iter()
                    .enumerate()
                    .map(|(i, (_, f, _))| (format!("base-{}", i + 1), f)),
            )
            .collect();
        let mut sources_kept = Vec::new();
        for (i, (reg_name, f)) in sources.iter().enumerate() {
            let mut text = compact_comments(&f.source);
            if i + 1 < sources.len() {
                check::extension_body(
                    f,
                    &sources[i + 1..].iter().map(|(_, f)| *f).collect::<Vec<_>>(),
                )?;
                text.push_str(&format!("{{{{> base-{}}}}}", i + 1));
            }
            register_text(&mut registry, reg_name, &text)
                .map_err(|e| template_error(&e, &f.source, &f.origin))?;
            check::markup(f)?;
            origins.insert(reg_name.clone(), f.origin.clone());
            sources_kept.push((f.origin.clone(), f.source.clone()));
        }
        // the head and the body are built by the engine; the template says where they go
        registry
            .register_partial("head", HEAD_MARK)
            .map_err(|e| template_error(&e, HEAD_MARK, &Origin::BuiltIn("_head.hbs")))?;
        registry
            .register_partial("body", BODY_MARK)
            .map_err(|e| template_error(&e, BODY_MARK, &Origin::BuiltIn("_body.hbs")))?;
        for partial in partial_names(self)? {
            let Some(file) = self.file(&format!("_{partial}.hbs"))? else {
                continue;
            };
            if RESERVED_PARTIALS.contains(&partial.as_str()) {
                return Err(SourceError::new(
                    file.origin.display_path(),
                    format!("片段 {partial} 由程序排版，不能用 _{partial}.hbs 覆盖"),
                )
                .help("删掉这个文件；标题、称呼和正文各部分的格式由程序按公文规范生成，措辞可在模板开头的默认设置里改")
                .into());
            }
            register_text(&mut registry, &partial, &compact_comments(&file.source))
                .map_err(|e| template_error(&e, &file.source, &file.origin))?;
            check::markup(&file)?;
            origins.insert(partial, file.origin);
        }
        check::partial_cycles(&registry, &origins)?;
        Ok(Prepared {
            registry,
            front,
            name,
            origins,
            sources: sources_kept,
        })
    }

    /// The file `file_name` as found below `origin` in the search order (overlays, then the
    /// built-ins): what a template extends when it has the same name as the one it changes.
    fn file_below(&self, file_name: &str, origin: &Origin) -> Result<Option<TemplateFile>> {
        let start = match origin {
            Origin::BuiltIn(_) => self.overlays.len(),
            Origin::File(path) => self
                .overlays
                .iter()
                .position(|d| path.parent() == Some(d.as_path()))
                .map_or(0, |i| i + 1),
        };
        for dir in &self.overlays[start..] {
            let path = dir.join(file_name);
            if Origin::File(path.clone()) != *origin && path.is_file() {
                return Ok(Some(TemplateFile {
                    source: read_in(dir, &path)?,
                    origin: Origin::File(path),
                }));
            }
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == file_name && Origin::BuiltIn(n) != *origin)
            .map(|(n, s)| TemplateFile {
                source: s.to_string(),
                origin: Origin::BuiltIn(n),
            }))
    }
}

/// Registers a template or partial: a built-in one as compiled when jianghua was built (see
/// `prebuilt.rs`), any other text compiled now.
fn register_text(
    registry: &mut Handlebars<'_>,
    name: &str,
    text: &str,
) -> std::result::Result<(), handlebars::TemplateError> {
    match prebuilt::compiled(name, text) {
        Some(template) => {
            registry.register_template(name, template);
            Ok(())
        }
        None => registry.register_template_string(name, text),
    }
}

/// Partial names (`_part.hbs` → `part`) from the built-ins and every overlay folder.
fn partial_names(set: &TemplateSet) -> Result<Vec<String>> {
    let mut names: Vec<String> = BUILTIN
        .iter()
        .filter_map(|(n, _)| n.strip_prefix('_')?.strip_suffix(".hbs"))
        .map(str::to_string)
        .collect();
    for dir in &set.overlays {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let file = entry.file_name().to_string_lossy().to_string();
            if let Some(name) = file.strip_prefix('_').and_then(|f| f.strip_suffix(".hbs"))
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
            }
        }
    }
    Ok(names)
}

/// Marks where `{{> head}}` and `{{> body}}` stood in the template's output. Private-use
/// characters that the escape function removes from every value, so no text can forge them.
pub const HEAD_MARK: &str = "\u{E000}head\u{E001}";
pub const BODY_MARK: &str = "\u{E000}body\u{E001}";

/// Characters reserved for the marks above.
pub fn is_mark_char(c: char) -> bool {
    matches!(c, '\u{E000}' | '\u{E001}')
}

/// Partials the engine provides: `{{> head}}` (title, bylines, salutation) and `{{> body}}`
/// (transition and every part).
pub const RESERVED_PARTIALS: [&str; 2] = ["head", "body"];

/// The escape function: values are plain text (the Markdown writer escapes on output); only the
/// characters reserved for the engine's marks are removed.
pub fn plain(text: &str) -> String {
    text.chars().filter(|c| !is_mark_char(*c)).collect()
}

/// Why a template could not be prepared.
#[derive(Debug)]
pub enum TemplateLookup {
    /// No template of that name; the valid names and the nearest one.
    Unknown {
        names: Vec<String>,
        suggestion: Option<String>,
    },
    /// A template path the spec may not use (outside its folder, not a file).
    Path(String),
    Other(crate::Error),
}

fn read(path: &Path) -> Result<String> {
    crate::fsx::read_text(path, crate::fsx::TEMPLATE_CAP, "模板文件")
}

/// Reads a template file of a template folder; a link leading out of the folder is refused.
fn read_in(dir: &Path, path: &Path) -> Result<String> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        let inside = match (dir.canonicalize(), path.canonicalize()) {
            (Ok(d), Ok(p)) => p.starts_with(d),
            _ => false,
        };
        if !inside {
            return Err(
                SourceError::new(path, "这个模板文件是指向模板目录之外的链接，不会读取")
                    .help("把模板文件本身复制到模板目录里")
                    .into(),
            );
        }
    }
    read(path)
}

/// Where a spec's `template = "x.hbs"` points: a file inside the spec's folder. Absolute
/// paths, `..`, links leading out and anything but a regular file are refused.
fn spec_template_path(spec_dir: &Path, template: &str) -> Result<PathBuf, String> {
    let rel = Path::new(template);
    if rel.is_absolute()
        || rel.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
    {
        return Err("模板路径只能指向要素文件所在目录（或其子目录）里的文件".to_string());
    }
    let path = spec_dir.join(rel);
    if let (Ok(d), Ok(p)) = (
        spec_dir.canonicalize().or_else(|_| std::env::current_dir()),
        path.canonicalize(),
    ) {
        if !p.starts_with(&d) {
            return Err("模板文件是指向要素文件所在目录之外的链接".to_string());
        }
        if !p.is_file() {
            return Err("模板路径指向的不是普通文件".to_string());
        }
    }
    Ok(path)
}

/// A Handlebars syntax error as a positioned error in the template file.
fn template_error(e: &handlebars::TemplateError, source: &str, origin: &Origin) -> crate::Error {
    use handlebars::TemplateErrorReason as R;
    let help = "检查 {{ }} 是否成对，{{#if}}/{{#each}} 是否都有对应的 {{/if}}/{{/each}}";
    let reason = match e.reason() {
        R::MismatchingClosedHelper(open, close) => {
            format!("模板块没有正确闭合：打开的是 {{{{#{open}}}}}，关闭的却是 {{{{/{close}}}}}")
        }
        R::InvalidSyntax(_) | R::NestedSubexpression => {
            // a block left open is reported by Handlebars at the end of the file: point at
            // where it was opened instead
            if let Some((at, name)) = check::unclosed_block(source) {
                return SourceError::new(
                    origin.display_path(),
                    format!("{{{{#{name}}}}} 没有对应的 {{{{/{name}}}}}"),
                )
                .help(format!("在这一块结束的地方写 {{{{/{name}}}}}"))
                .at_offset(source, at)
                .into();
            }
            "模板语法错误：{{ }} 里的写法不对".to_string()
        }
        R::MismatchingClosedDecorator(open, close) => {
            format!("模板块没有正确闭合：打开的是 {{{{#*{open}}}}}，关闭的却是 {{{{/{close}}}}}")
        }
        other => format!("模板语法错误：{other}"),
    };
    let mut err = SourceError::new(origin.display_path(), reason).help(help);
    if let Some((line, col)) = e.pos() {
        err = err.at_in(source, line, col);
    }
    err.into()
}

impl Prepared {
    /// The blocks a template extending this one may redefine, sorted.
    pub fn blocks(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .origins
            .keys()
            .filter(|n| **n == self.name || n.starts_with("base-"))
            .filter_map(|n| self.registry.get_template(n))
            .flat_map(check::offered_blocks)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A Handlebars render error as a positioned error in the template file.
    pub fn render_error(&self, e: &handlebars::RenderError) -> crate::Error {
        use handlebars::RenderErrorReason as R;
        let mut origin = e
            .template_name
            .as_ref()
            .and_then(|n| self.origins.get(n))
            .or_else(|| self.origins.get(&self.name));
        // a block a template redefines ({{#*inline}}) runs inside the template it extends:
        // blame the file whose text at that position is the tag that failed
        if let (Some(line), Some(col)) = (e.line_no, e.column_no) {
            let tag_at = |o: &&Origin| {
                self.sources
                    .iter()
                    .find(|(so, _)| so == *o)
                    .is_some_and(|(_, src)| {
                        src.lines()
                            .nth(line.saturating_sub(1))
                            .and_then(|l| {
                                l.chars()
                                    .skip(col.saturating_sub(1))
                                    .collect::<String>()
                                    .get(..2)
                                    .map(|s| s == "{{")
                            })
                            .unwrap_or(false)
                    })
            };
            if !origin.is_some_and(|o| tag_at(&o)) {
                let chain: Vec<&Origin> = std::iter::once(self.name.as_str())
                    .chain(
                        self.origins
                            .keys()
                            .map(String::as_str)
                            .filter(|n| n.starts_with("base-")),
                    )
                    .filter_map(|n| self.origins.get(n))
                    .collect();
                if let Some(o) = chain.into_iter().find(|o| tag_at(o)) {
                    origin = Some(o);
                }
            }
        }
        let path = origin.map_or_else(|| PathBuf::from(&self.name), Origin::display_path);
        let (message, help) = match e.reason() {
            R::MissingVariable(Some(var)) => {
                (format!("模板引用了不存在的变量 `{var}`"), {
                    let names: Vec<String> = reference::VARIABLES
                        .iter()
                        .map(|v| v.0.to_string())
                        .chain(self.front.vars.keys().map(|k| format!("vars.{k}")))
                        .collect();
                    // `meeting` written for `opening.meeting`: the full path first
                    let suffix = format!(".{var}");
                    let found = names
                        .iter()
                        .find(|n| n.ends_with(&suffix) && !n.contains("[]"))
                        .map(String::as_str)
                        .or_else(|| nearest(var, names.iter().map(String::as_str)));
                    match found {
                        Some(n) => format!("是不是想写 `{n}`？可用的变量见 docs/templates.md"),
                        None => "检查变量名的拼写；可用的变量见 docs/templates.md".to_string(),
                    }
                })
            }
            R::PartialNotFound(p) => (format!("模板引用了不存在的片段 `{p}`"), {
                // partials only: the speech template itself is no suggestion
                let names: Vec<&str> = self
                    .origins
                    .keys()
                    .map(String::as_str)
                    .filter(|n| *n != self.name)
                    .chain(RESERVED_PARTIALS)
                    .collect();
                match nearest(p, names.iter().copied()) {
                    Some(n) => format!(
                        "是不是想写 {{{{> {n}}}}}？片段文件名应为 _名字.hbs，放在模板目录中"
                    ),
                    None => "片段文件名应为 _名字.hbs，放在模板目录中".to_string(),
                }
            }),
            R::CannotIncludeSelf => (
                "模板片段不能在 {{#> 名字}} 块里引用它自己".to_string(),
                "去掉这一处对自身的引用".to_string(),
            ),
            R::HelperNotFound(h) => (format!("模板用了不存在的辅助函数 `{h}`"), {
                let names: Vec<&str> = reference::HELPERS.iter().map(|h| h.0).collect();
                let list = format!("可用的辅助函数：{}", names.join("、"));
                match nearest(h, names.iter().copied()) {
                    Some(n) => format!("是不是想写 {n}？{list}"),
                    None => list,
                }
            }),
            other => (
                format!("模板渲染失败：{other}"),
                "检查这一行的写法".to_string(),
            ),
        };
        let mut err = SourceError::new(path, message).help(help);
        if let (Some(line), Some(col)) = (e.line_no, e.column_no) {
            let source = origin.and_then(|o| self.sources.iter().find(|(so, _)| so == o));
            err = match source {
                Some((_, src)) => err.at_in(src, line, col),
                None => err.at(line, col),
            };
        }
        err.into()
    }
}
