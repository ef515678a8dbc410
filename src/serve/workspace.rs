//! The folder `jianghua serve` works in: which files a request may read or write (specs and
//! templates inside it, no `..`, no symlink leading out), and their versions for safe saving.

use std::path::{Component, Path, PathBuf};

/// What kind of file a request names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A spec (`.toml`).
    Spec,
    /// A template (`.hbs`).
    Template,
}

/// Why a path is refused, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// The served folder, canonical.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

/// Folders never listed.
const SKIPPED: &[&str] = &["node_modules", "target"];
/// Depth and count limits of the listing, so a huge folder cannot stall the server.
const MAX_DEPTH: usize = 4;
const MAX_FILES: usize = 2000;

impl Workspace {
    pub fn new(root: &Path) -> std::io::Result<Self> {
        Ok(Workspace {
            root: root.canonicalize()?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The absolute path of `rel`, a `/`-separated path inside the folder naming a file of
    /// `kind`. The file need not exist, but its folder must, and neither may lead outside.
    pub fn resolve(&self, rel: &str, kind: Kind) -> Result<PathBuf, Refused> {
        let ext = match kind {
            Kind::Spec => "toml",
            Kind::Template => "hbs",
        };
        if rel.is_empty() || rel.len() > 1024 || rel.contains('\0') || rel.contains('\\') {
            return Err(Refused(format!("文件名 “{rel}” 无效")));
        }
        let path = Path::new(rel);
        if path.extension().is_none_or(|e| e != ext) {
            return Err(Refused(format!(
                "只能读写 .{ext} 文件，“{rel}” 不是；请给出以 .{ext} 结尾的文件名"
            )));
        }
        if !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Refused(format!(
                "“{rel}” 不在工作目录中：只能使用工作目录内的相对路径，不能含 .. 或以 / 开头"
            )));
        }
        let full = self.root.join(path);
        let outside = || {
            Refused(format!(
                "“{rel}” 指向工作目录以外（符号链接），出于安全考虑不能读写"
            ))
        };
        match full.symlink_metadata() {
            Ok(_) => {
                let real = full.canonicalize().map_err(|_| outside())?;
                if !real.starts_with(&self.root) {
                    return Err(outside());
                }
                if real.is_dir() {
                    return Err(Refused(format!("“{rel}” 是一个目录")));
                }
            }
            Err(_) => {
                let parent = full.parent().ok_or_else(outside)?;
                let real = parent
                    .canonicalize()
                    .map_err(|_| Refused(format!("“{rel}” 所在的目录不存在")))?;
                if !real.starts_with(&self.root) {
                    return Err(outside());
                }
            }
        }
        Ok(full)
    }

    /// The path of `full` relative to the folder, `/`-separated.
    pub fn relative(&self, full: &Path) -> String {
        full.strip_prefix(&self.root)
            .unwrap_or(full)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Files of `kind` inside the folder (hidden folders and symlinks leading out skipped),
    /// relative and sorted.
    pub fn list(&self, kind: Kind) -> Vec<String> {
        let ext = match kind {
            Kind::Spec => "toml",
            Kind::Template => "hbs",
        };
        let mut out = Vec::new();
        let mut stack = vec![(self.root.clone(), 0)];
        while let Some((dir, depth)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if out.len() >= MAX_FILES {
                    break;
                }
                let name = entry.file_name().to_string_lossy().to_string();
                if name.starts_with('.') || SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                let path = entry.path();
                let Ok(real) = path.canonicalize() else {
                    continue;
                };
                if !real.starts_with(&self.root) {
                    continue;
                }
                if real.is_dir() {
                    if depth + 1 < MAX_DEPTH && !entry.file_type().is_ok_and(|t| t.is_symlink()) {
                        stack.push((path, depth + 1));
                    }
                } else if path.extension().is_some_and(|e| e == ext) {
                    out.push(self.relative(&path));
                }
            }
        }
        out.sort();
        out
    }
}

/// A content hash for "changed on disk since opened" (not cryptographic: it guards against
/// accidents, not attackers).
pub fn version(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_paths_of_the_right_kind_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let ws = Workspace::new(dir.path()).unwrap();
        assert!(ws.resolve("a.toml", Kind::Spec).is_ok());
        assert!(ws.resolve("sub/a.toml", Kind::Spec).is_ok());
        for bad in [
            "../a.toml",
            "/etc/a.toml",
            "sub/../../a.toml",
            "a.txt",
            "a.hbs",
            "",
            "nosuch/a.toml",
        ] {
            assert!(ws.resolve(bad, Kind::Spec).is_err(), "{bad}");
        }
        assert!(ws.resolve("t.hbs", Kind::Template).is_ok());
    }
}
