//! Error types: every user-facing error names the file and, where there is one, the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in a file the user wrote (spec, template, profile, sample), with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: PathBuf,
    /// 1-based line and column, where the problem has a position.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in Chinese.
    pub message: String,
    /// How to fix it, in Chinese.
    pub help: Option<String>,
    /// The text of the line at `position`, where the source is at hand; the CLI shows it with a
    /// caret under the column (see `crate::diagnostics`).
    pub snippet: Option<String>,
}

impl SourceError {
    pub fn new(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        SourceError {
            path: path.as_ref().to_path_buf(),
            position: None,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// Sets the position from a byte offset into `source`, keeping that line's text.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_column(source, offset);
        self.at_in(source, line, column)
    }

    /// Sets the position (1-based line and column) in `source`, keeping that line's text.
    pub fn at_in(mut self, source: &str, line: usize, column: usize) -> Self {
        self.snippet = source
            .split('\n')
            .nth(line.saturating_sub(1))
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string());
        self.at(line, column)
    }

    /// The first line as shown: `path:line:column：message`.
    pub fn head(&self) -> String {
        match self.position {
            Some((line, column)) => {
                format!("{}:{line}:{column}：{}", self.path.display(), self.message)
            }
            None => format!("{}：{}", self.path.display(), self.message),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.head())?;
        if let Some(help) = &self.help {
            write!(f, "\n  提示：{help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SourceError {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let mut offset = offset;
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Source(#[from] SourceError),
    #[error("无法读取 {}：{}", .path.display(), io_reason(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("无法写入 {}：{}", .path.display(), .reason)]
    Write { path: PathBuf, reason: String },
    #[error("{0}")]
    Usage(String),
    /// Standard output was closed by the reader (`| head`): the run ends quietly.
    #[error("输出管道已被关闭")]
    BrokenPipe,
    /// Several independent failures (one per spec in a batch).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n错误："))]
    Many(Vec<Error>),
}

impl Error {
    /// One error as itself, several as `Many`.
    pub fn many(mut errors: Vec<Error>) -> Error {
        if errors.len() == 1 {
            errors.remove(0)
        } else {
            Error::Many(errors)
        }
    }
}

/// A Chinese reason for the common I/O failures; the rest keep the system's text after a
/// Chinese lead.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    #[cfg(target_os = "linux")]
    match err.raw_os_error() {
        Some(40) => return "符号链接层数太多（可能有链接指向自己，形成了循环）".to_string(),
        Some(36) => return "文件名或路径太长；请缩短文件名或换一个层级较浅的目录".to_string(),
        Some(28) => return "磁盘空间已满；请清理磁盘后重试".to_string(),
        Some(12) => return "内存不足".to_string(),
        _ => {}
    }
    match err.kind() {
        NotFound => "文件或目录不存在".to_string(),
        PermissionDenied => "没有权限（文件只读或目录不可写）".to_string(),
        AlreadyExists => "文件已存在".to_string(),
        IsADirectory => "这是一个目录，不是文件".to_string(),
        NotADirectory => "路径中有一段不是目录".to_string(),
        InvalidData => "内容不是有效的文本".to_string(),
        StorageFull => "磁盘空间已满；请清理磁盘后重试".to_string(),
        QuotaExceeded => "超出了磁盘配额".to_string(),
        FileTooLarge => "文件太大".to_string(),
        ReadOnlyFilesystem => "所在的文件系统是只读的".to_string(),
        InvalidFilename => "文件名无效或太长".to_string(),
        BrokenPipe => "输出管道已被关闭".to_string(),
        OutOfMemory => "内存不足".to_string(),
        ResourceBusy | ExecutableFileBusy => "文件正被其他程序占用".to_string(),
        CrossesDevices => "不能跨文件系统改名".to_string(),
        Interrupted => "操作被中断".to_string(),
        _ => format!("系统错误（{err}）"),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Edit distance between two strings, by characters; used to suggest the nearest valid name.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate nearest to `name`, if it is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(name.chars().count()) / 2).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "a = 1\ntitle = \"讲话\"x";
        let offset = src.find('x').unwrap();
        assert_eq!(line_column(src, offset), (2, 13));
        assert_eq!(line_column(src, 0), (1, 1));
    }

    #[test]
    fn a_position_in_the_source_keeps_its_line() {
        let src = "a = 1\r\ntitle = \"讲话\"x\r\n";
        let e = SourceError::new("s.toml", "坏").at_offset(src, src.find('x').unwrap());
        assert_eq!(e.position, Some((2, 13)));
        assert_eq!(e.snippet.as_deref(), Some("title = \"讲话\"x"));
        let e = SourceError::new("s.toml", "坏").at_in(src, 1, 3);
        assert_eq!(e.snippet.as_deref(), Some("a = 1"));
        // the line's text is for the CLI: the message itself reads as before
        assert_eq!(e.to_string(), "s.toml:1:3：坏");
        assert_eq!(SourceError::new("s.toml", "坏").at(1, 3).snippet, None);
    }

    #[test]
    fn suggests_nearest_name() {
        let keys = ["title", "template", "speaker", "speaker-title"];
        assert_eq!(nearest("titel", keys), Some("title"));
        assert_eq!(nearest("speaker_title", keys), Some("speaker-title"));
        assert_eq!(nearest("zzzzzzzz", keys), None);
    }
}
