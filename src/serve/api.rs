//! The JSON API behind the editor: list, open, preview, save, create and download specs.
//! Every handler answers a bad request with a Chinese error, never a panic.

use super::workspace::{Kind, Workspace, version};
use crate::doc::markdown;
use crate::error::{Error, SourceError};
use crate::render::{DocxMeta, Profile, html, render_doc, write_docx};
use crate::spec::{Located, Spec};
use crate::template::TemplateSet;
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Mutex;

/// Largest spec text accepted (the HTTP body limit sits a little above it).
pub const MAX_SPEC_BYTES: usize = 512 * 1024;

/// A reply: status code, content type, extra headers and body.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub disposition: Option<String>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, value: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            disposition: None,
            body: value.to_string().into_bytes(),
        }
    }

    pub fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({ "ok": false, "error": message.into() }))
    }
}

/// Shared state: the folder and the lock that makes check-then-write saves atomic.
pub struct Api {
    pub workspace: Workspace,
    save_lock: Mutex<()>,
}

/// The fields a preview, download or save request may carry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Draft {
    path: String,
    text: String,
    /// Template override (a built-in name or a `.hbs` path inside the folder); empty: the spec's.
    template: String,
    /// Profile name; empty: `official`.
    profile: String,
    /// The version the client opened (`null` for a file it believes new).
    base: Option<String>,
    /// Save even though the file changed on disk since it was opened.
    force: bool,
    /// Speech type for `new`.
    kind: String,
}

fn parse_draft(body: &[u8]) -> Result<Draft, Reply> {
    let draft: Draft = serde_json::from_slice(body)
        .map_err(|e| Reply::error(400, format!("请求格式错误（应为 JSON）：{e}")))?;
    if draft.text.len() > MAX_SPEC_BYTES {
        return Err(Reply::error(
            413,
            format!("要素文件太大（超过 {} KB）", MAX_SPEC_BYTES / 1024),
        ));
    }
    Ok(draft)
}

/// One error as the editor marks it.
fn error_json(e: &SourceError) -> Value {
    json!({
        "line": e.position.map(|p| p.0),
        "column": e.position.map(|p| p.1),
        "message": e.message,
        "help": e.help,
        "text": e.to_string(),
        // the offending line's text, where there is one
        "snippet": e.snippet,
    })
}

impl Api {
    pub fn new(workspace: Workspace) -> Api {
        Api {
            workspace,
            save_lock: Mutex::new(()),
        }
    }

    /// Errors with paths shown relative to the folder, as the CLI run there would show them.
    fn errors_json(&self, e: &Error) -> Vec<Value> {
        match e {
            Error::Many(all) => all.iter().flat_map(|e| self.errors_json(e)).collect(),
            Error::Source(s) => {
                let mut s = s.clone();
                s.path = self.workspace.relative(&s.path).into();
                vec![error_json(&s)]
            }
            other => {
                let text = other
                    .to_string()
                    .replace(&format!("{}/", self.workspace.root().display()), "");
                vec![json!({ "line": null, "column": null, "message": text, "text": text })]
            }
        }
    }

    /// `GET /api/files`: specs, templates, speech types and profiles.
    pub fn files(&self) -> Reply {
        let types = TemplateSet::with_overlays(Vec::new()).speech_names();
        let profiles: Vec<Value> = Profile::builtin_names()
            .iter()
            .map(|(n, d)| json!({ "name": n, "description": d }))
            .collect();
        Reply::json(
            200,
            &json!({
                "ok": true,
                "specs": self.workspace.list(Kind::Spec),
                "templates": self.workspace.list(Kind::Template),
                "types": types,
                "profiles": profiles,
            }),
        )
    }

    /// `GET /api/spec?path=…`: the text and its version.
    pub fn open(&self, rel: &str) -> Reply {
        let path = match self.workspace.resolve(rel, Kind::Spec) {
            Ok(p) => p,
            Err(r) => return Reply::error(403, r.0),
        };
        match std::fs::read(&path) {
            Ok(bytes) if bytes.len() > MAX_SPEC_BYTES => Reply::error(413, "要素文件太大"),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Reply::json(
                    200,
                    &json!({ "ok": true, "path": rel, "version": version(text.as_bytes()), "text": text }),
                ),
                Err(_) => Reply::error(422, format!("{rel} 不是 UTF-8 编码的文本")),
            },
            Err(e) => Reply::error(
                404,
                format!("无法读取 {rel}：{}", crate::error::io_reason(&e)),
            ),
        }
    }

    /// Parses and renders a draft: the spec (for metadata), the Doc and the profile.
    fn render(&self, draft: &Draft) -> Result<(Located<Spec>, crate::Doc, Profile), Reply> {
        let path = self
            .workspace
            .resolve(&draft.path, Kind::Spec)
            .map_err(|r| Reply::error(403, r.0))?;
        let profile = if draft.profile.is_empty() {
            Profile::builtin("official")
        } else {
            Profile::builtin(&draft.profile)
        }
        .ok_or_else(|| Reply::error(400, Profile::unknown(&draft.profile).to_string()))?;
        let fail =
            |e: &Error| Reply::json(200, &json!({ "ok": false, "errors": self.errors_json(e) }));
        let mut spec = crate::spec::parse(&draft.text, &path).map_err(|e| fail(&e))?;
        if !draft.template.is_empty() {
            spec.value.template = draft.template.clone();
        }
        // a template given as a path is read only from inside the folder
        let template = spec.value.template.clone();
        if template.ends_with(".hbs") || template.contains('/') {
            let spec_dir = path.parent().unwrap_or(self.workspace.root());
            let rel = self.workspace.relative(&spec_dir.join(&template));
            if let Err(r) = self.workspace.resolve(&rel, Kind::Template) {
                return Err(Reply::json(
                    200,
                    &json!({ "ok": false, "errors": [{ "line": null, "column": null, "message": r.0, "text": r.0 }] }),
                ));
            }
        }
        let templates = TemplateSet::for_spec(None, &path);
        let doc = render_doc(&spec, &templates).map_err(|e| fail(&e))?;
        // the same refusal as `jianghua render`: a field announcing a count the parts lack
        crate::check::spec::guard(&spec, &doc).map_err(|e| fail(&Error::Source(e)))?;
        Ok((spec, doc, profile))
    }

    /// `POST /api/preview`: the page view of the draft, or its errors with line and column.
    pub fn preview(&self, body: &[u8]) -> Reply {
        let draft = match parse_draft(body) {
            Ok(d) => d,
            Err(r) => return r,
        };
        match self.render(&draft) {
            Ok((spec, doc, profile)) => Reply::json(
                200,
                &json!({
                    "ok": true,
                    "css": html::stylesheet(&profile),
                    "html": html::pages_html(&doc, &profile),
                    "pages": html::page_count(&doc, &profile),
                    "findings": self.findings_json(&spec, &doc, &draft.path),
                }),
            ),
            Err(r) => r,
        }
    }

    /// What `jianghua check` finds in the draft, positioned in the spec as the CLI shows it.
    fn findings_json(&self, spec: &Located<Spec>, doc: &crate::Doc, rel: &str) -> Vec<Value> {
        let options = crate::check::Options::default();
        let (_, findings) = crate::check::spec::check_spec(spec, doc, rel, &options);
        findings
            .iter()
            .map(|f| {
                json!({
                    "line": f.line,
                    "column": f.column,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "text": crate::check::output::line(f),
                })
            })
            .collect()
    }

    /// `POST /api/download?format=docx|md|html`: the draft as a file.
    pub fn download(&self, format: &str, body: &[u8]) -> Reply {
        let draft = match parse_draft(body) {
            Ok(d) => d,
            Err(r) => return r,
        };
        let (spec, doc, profile) = match self.render(&draft) {
            Ok(x) => x,
            Err(r) if r.status == 200 => {
                return Reply::error(422, "要素文件有错误，请先按提示改正");
            }
            Err(r) => return r,
        };
        let (bytes, content_type, ext) = match format {
            "docx" => {
                let meta = DocxMeta {
                    title: doc.title().unwrap_or(&spec.value.title).to_string(),
                    author: spec.value.speaker.clone().filter(|s| !s.trim().is_empty()),
                    created: spec.value.date.and_then(|d| d.date).and_then(|d| {
                        chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                    }),
                };
                match write_docx(&doc, &profile, &meta) {
                    Ok(b) => (
                        b,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "docx",
                    ),
                    Err(e) => return Reply::error(500, e.to_string()),
                }
            }
            "md" => (
                markdown::to_markdown(&doc).into_bytes(),
                "text/markdown; charset=utf-8",
                "md",
            ),
            "html" => (
                html::write_html(&doc, &profile).into_bytes(),
                "text/html; charset=utf-8",
                "html",
            ),
            other => {
                return Reply::error(400, format!("不支持的格式 “{other}”；可用：docx、md、html"));
            }
        };
        let stem = Path::new(&draft.path)
            .file_stem()
            .map_or_else(|| "speech".to_string(), |s| s.to_string_lossy().to_string());
        Reply {
            status: 200,
            content_type,
            disposition: Some(format!(
                "attachment; filename=\"speech.{ext}\"; filename*=UTF-8''{}.{ext}",
                percent_encode(&stem)
            )),
            body: bytes,
        }
    }

    /// `POST /api/save`: writes the draft atomically unless the file changed on disk since the
    /// client opened it (409, with the version on disk) and `force` is not set.
    pub fn save(&self, body: &[u8]) -> Reply {
        let draft = match parse_draft(body) {
            Ok(d) => d,
            Err(r) => return r,
        };
        let path = match self.workspace.resolve(&draft.path, Kind::Spec) {
            Ok(p) => p,
            Err(r) => return Reply::error(403, r.0),
        };
        // check and write under one lock, so two racing saves cannot both pass the check
        let _guard = self
            .save_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let on_disk = std::fs::read(&path).ok().map(|b| version(&b));
        if !draft.force && on_disk != draft.base {
            return Reply::json(
                409,
                &json!({
                    "ok": false,
                    "conflict": true,
                    "version": on_disk,
                    "error": format!("{} 在打开之后已被其他程序修改（或另一个窗口已保存）。要用这里的内容覆盖它吗？", draft.path),
                }),
            );
        }
        match crate::fsx::write_atomic(&path, draft.text.as_bytes()) {
            Ok(()) => Reply::json(
                200,
                &json!({ "ok": true, "version": version(draft.text.as_bytes()) }),
            ),
            Err(e) => Reply::error(500, self.errors_json(&e)[0]["text"].to_string()),
        }
    }

    /// `POST /api/new`: a new spec from a speech type's scaffold; never overwrites.
    pub fn create(&self, body: &[u8]) -> Reply {
        let draft = match parse_draft(body) {
            Ok(d) => d,
            Err(r) => return r,
        };
        let text = match crate::commands::scaffold(&draft.kind) {
            Ok(t) => t,
            Err(e) => return Reply::error(400, e.to_string()),
        };
        let rel = if draft.path.ends_with(".toml") {
            draft.path.clone()
        } else {
            format!("{}.toml", draft.path)
        };
        let path = match self.workspace.resolve(&rel, Kind::Spec) {
            Ok(p) => p,
            Err(r) => return Reply::error(403, r.0),
        };
        let _guard = self
            .save_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if path.symlink_metadata().is_ok() {
            return Reply::error(409, format!("{rel} 已存在；请换一个文件名"));
        }
        match crate::fsx::write_atomic(&path, text.as_bytes()) {
            Ok(()) => Reply::json(200, &json!({ "ok": true, "path": rel })),
            Err(e) => Reply::error(500, e.to_string()),
        }
    }
}

/// RFC 5987 percent-encoding of a file name.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
