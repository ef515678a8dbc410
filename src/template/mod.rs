//! Speech templates: the built-in set, user folders that shadow it file by file, and Handlebars setup.

pub mod front_matter;
pub mod helpers;

use crate::doc::markdown;
use crate::error::{Result, SourceError, nearest};
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
    ("_head.hbs", include_str!("../../templates/_head.hbs")),
    ("_body.hbs", include_str!("../../templates/_body.hbs")),
    ("_part.hbs", include_str!("../../templates/_part.hbs")),
    ("_points.hbs", include_str!("../../templates/_points.hbs")),
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
                let source = read(&path)?;
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
        let (name, file) = if template.ends_with(".hbs") || template.contains('/') {
            let path = spec_dir.join(template);
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
        registry.register_escape_fn(markdown::escape);
        helpers::register(&mut registry);
        let mut origins = BTreeMap::new();
        let front = FrontMatter::parse(&file.source, &file.origin.display_path())?;
        registry
            .register_template_string(&name, without_leading_comment(&file.source))
            .map_err(|e| template_error(&e, &file.origin))?;
        origins.insert(name.clone(), file.origin);
        for partial in partial_names(self) {
            let Some(file) = self.file(&format!("_{partial}.hbs"))? else {
                continue;
            };
            registry
                .register_partial(&partial, without_leading_comment(&file.source))
                .map_err(|e| template_error(&e, &file.origin))?;
            origins.insert(partial, file.origin);
        }
        Ok(Prepared {
            registry,
            front,
            name,
            origins,
        })
    }
}

/// The template with its leading `{{!-- … --}}` comment (front matter, description) reduced to
/// an empty comment holding only its line breaks, so error positions still match the file and
/// the comment line is still dropped from the output. Handlebars' parser works
/// out a line and column for every element from the start of the text, so a long leading
/// comment made compiling the built-ins about a third slower.
fn without_leading_comment(source: &str) -> String {
    let body = source.trim_start();
    let (Some(rest), lead) = (body.strip_prefix("{{!--"), source.len() - body.len()) else {
        return source.to_string();
    };
    let Some(end) = rest.find("--}}") else {
        return source.to_string();
    };
    let comment_len = lead + "{{!--".len() + end + "--}}".len();
    let newlines = source[..comment_len].matches('\n').count();
    let mut out = format!("{{{{!{}}}}}", "\n".repeat(newlines));
    out.push_str(&source[comment_len..]);
    out
}

/// Partial names (`_part.hbs` → `part`) from the built-ins and every overlay folder.
fn partial_names(set: &TemplateSet) -> Vec<String> {
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
    names
}

/// Why a template could not be prepared.
#[derive(Debug)]
pub enum TemplateLookup {
    /// No template of that name; the valid names and the nearest one.
    Unknown {
        names: Vec<String>,
        suggestion: Option<String>,
    },
    Other(crate::Error),
}

fn read(path: &Path) -> Result<String> {
    crate::fsx::read_text(path, crate::fsx::TEMPLATE_CAP, "模板文件")
}

/// A Handlebars syntax error as a positioned error in the template file.
fn template_error(e: &handlebars::TemplateError, origin: &Origin) -> crate::Error {
    let reason = match e.reason() {
        handlebars::TemplateErrorReason::MismatchingClosedHelper(open, close) => {
            format!("模板块没有正确闭合：打开的是 {{{{#{open}}}}}，关闭的却是 {{{{/{close}}}}}")
        }
        other => format!("模板语法错误：{other}"),
    };
    let mut err = SourceError::new(origin.display_path(), reason)
        .help("检查 {{ }} 是否成对，{{#if}}/{{#each}} 是否都有对应的 {{/if}}/{{/each}}");
    if let Some((line, col)) = e.pos() {
        err = err.at(line, col);
    }
    err.into()
}

impl Prepared {
    /// A Handlebars render error as a positioned error in the template file.
    pub fn render_error(&self, e: &handlebars::RenderError) -> crate::Error {
        use handlebars::RenderErrorReason as R;
        let origin = e
            .template_name
            .as_ref()
            .and_then(|n| self.origins.get(n))
            .or_else(|| self.origins.get(&self.name));
        let path = origin.map_or_else(|| PathBuf::from(&self.name), Origin::display_path);
        let (message, help) = match e.reason() {
            R::MissingVariable(Some(var)) => (
                format!("模板引用了不存在的变量 `{var}`"),
                "检查变量名的拼写；可用的变量见 README 的“模板参考”".to_string(),
            ),
            R::PartialNotFound(p) => (
                format!("模板引用了不存在的片段 `{p}`"),
                "片段文件名应为 _名字.hbs，放在模板目录中".to_string(),
            ),
            R::HelperNotFound(h) => (
                format!("模板用了不存在的辅助函数 `{h}`"),
                "可用的辅助函数：cn、count、ordinal、join、date、date-cn、sentence".to_string(),
            ),
            other => (
                format!("模板渲染失败：{other}"),
                "检查这一行的写法".to_string(),
            ),
        };
        let mut err = SourceError::new(path, message).help(help);
        if let (Some(line), Some(col)) = (e.line_no, e.column_no) {
            err = err.at(line, col);
        }
        err.into()
    }
}
