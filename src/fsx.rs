//! File input and output: size-capped reads, safe output targets, and atomic writes (temp file +
//! rename) staged so that a batch replaces either every output or none.

use crate::error::{Error, Result, io_reason};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Largest spec file read (a long speech is ~50 KB; 100,000 parts is ~5 MB).
pub const SPEC_CAP: u64 = 4 * 1024 * 1024;
/// Largest template file read.
pub const TEMPLATE_CAP: u64 = 1024 * 1024;
/// Largest Word profile read.
pub const PROFILE_CAP: u64 = 256 * 1024;
/// Largest sample file `mine` reads (a whole book of speeches is ~10 MB).
pub const SAMPLE_CAP: u64 = 32 * 1024 * 1024;
/// Largest uncompressed `word/document.xml` read from a .docx sample.
pub const DOCX_PART_CAP: u64 = 64 * 1024 * 1024;

/// A size in the units people use: 4 MB, 256 KB.
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} 字节")
    }
}

/// Reads at most `cap` bytes of `path`; a longer file (or an endless one like `/dev/zero`) is
/// an error naming the cap. `what` names the kind of file in the message (要素文件, 模板…).
pub fn read_capped(path: &Path, cap: u64, what: &str) -> Result<Vec<u8>> {
    let read_err = |source: std::io::Error| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    let too_big = || Error::Usage(too_big_text(path, cap, what));
    if meta.is_file() && meta.len() > cap {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(if meta.is_file() {
        meta.len() as usize
    } else {
        8192
    });
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(bytes)
}

/// The message for an input over its cap.
pub fn too_big_text(path: &Path, cap: u64, what: &str) -> String {
    format!(
        "{}：{what}超过 {} 的上限，没有读取（是不是给错了文件？）",
        path.display(),
        size_text(cap)
    )
}

/// Reads a text file the user wrote (spec, template, profile) with a size cap; text that is not
/// UTF-8 gets a message saying which encoding it looks like and to save it as UTF-8.
pub fn read_text(path: &Path, cap: u64, what: &str) -> Result<String> {
    text_of(path, read_capped(path, cap, what)?, what)
}

/// The bytes of a text file the user wrote as a string, or the error saying what they are
/// instead (another encoding, or not text at all).
pub fn text_of(path: &Path, bytes: Vec<u8>, what: &str) -> Result<String> {
    // UTF-16 of plain ASCII is valid UTF-8 too, with a NUL after every character, and so is
    // binary data without high bytes
    if memchr::memchr(0, &bytes).is_some() && sniff(&bytes) != Sniffed::Text {
        return Err(not_utf8(path, &bytes, what));
    }
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.as_bytes(), what))
}

/// The error for a text file that is not UTF-8: names the likely encoding, no raw bytes.
fn not_utf8(path: &Path, bytes: &[u8], what: &str) -> Error {
    let sniffed = sniff(bytes);
    if sniffed == Sniffed::Binary {
        return crate::error::SourceError::new(
            path,
            format!("{what}不是文字文件（看起来是程序、图片之类的二进制文件），无法读取"),
        )
        .help(format!(
            "是不是给错了文件？{what}应当能用文本编辑器打开，里面是文字"
        ))
        .into();
    }
    let looks_like = if sniffed == Sniffed::Utf16Bom {
        "UTF-16 编码（带 BOM）"
    } else if sniffed == Sniffed::Utf16 {
        "UTF-16 编码"
    } else if encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        "GBK/GB18030 编码"
    } else {
        "未知编码"
    };
    let err = crate::error::SourceError::new(
        path,
        format!("{what}不是 UTF-8 编码（看起来是{looks_like}），无法读取"),
    )
    .help("请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行");
    // UTF-16 has no useful line to point at: its NULs and BOM are already at the start
    if matches!(sniffed, Sniffed::Utf16Bom | Sniffed::Utf16) {
        return err.at(1, 1).into();
    }
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
    // GBK text can be shown (decoded) with the caret under the start of the Chinese text where
    // it stops being UTF-8 (some GBK pairs happen to be UTF-8 too: 同 is); binary input cannot
    let gbk = |b: &[u8]| {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(b)
            .map(|s| s.into_owned())
    };
    let line_start = bytes[..valid]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let run_start = bytes[line_start..valid]
        .iter()
        .rposition(|b| b.is_ascii())
        .map_or(line_start, |i| line_start + i + 1);
    match (gbk(bytes), gbk(&bytes[line_start..run_start])) {
        (Some(text), Some(before)) => err.at_in(&text, line, before.chars().count() + 1),
        _ => err.at(line, 1),
    }
    .into()
}

/// Many NUL bytes, nearly all at odd or all at even positions: UTF-16 text without a
/// byte-order mark (ASCII characters have a NUL half).
fn looks_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (at(0), at(1));
    let nuls = even + odd;
    sample.len() >= 2 && nuls * 4 >= sample.len() && even.max(odd) * 10 >= nuls * 9
}

/// What the start of a file that should be text looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    /// UTF-16 with a byte-order mark.
    Utf16Bom,
    /// UTF-16 without one.
    Utf16,
    /// Bytes no text editor writes: control characters (other than tab, line and page
    /// breaks) making up a tenth of the start, or NULs (one in a hundred bytes) that are not
    /// UTF-16's.
    Binary,
    /// Text in some 8-bit encoding; a stray control character pasted into a field is left to
    /// the reader to point at.
    Text,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Sniffed::Utf16Bom;
    }
    if looks_utf16(bytes) {
        return Sniffed::Utf16;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls * 100 >= sample.len().max(1) || control * 10 >= sample.len().max(1) {
        Sniffed::Binary
    } else {
        Sniffed::Text
    }
}

/// The identity of a file (device and inode), to tell whether an output is one of the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    /// The file's identity, following symlinks; None when it does not exist.
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        Self::of_meta(path, &meta)
    }

    /// The identity of `path` whose (followed) metadata is already at hand.
    fn of_meta(path: &Path, meta: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            Some(FileId(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            let canon = std::fs::canonicalize(path).ok()?;
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            canon.hash(&mut h);
            Some(FileId(0, h.finish()))
        }
    }
}

/// Checks that `path` may be written and returns the file to write: the path itself, or for a
/// symlink the file it points to (the link stays a link). Refused: one of `inputs`, a folder, a
/// device, a FIFO or socket, a dangling link, and a read-only file unless `force`.
pub fn check_output(path: &Path, inputs: &[FileId], force: bool) -> Result<PathBuf> {
    let fail = |reason: &str| Error::Write {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(fail(&io_reason(&e))),
    };
    let is_link = link.file_type().is_symlink();
    let meta = match if is_link {
        std::fs::metadata(path)
    } else {
        Ok(link)
    } {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(
                "这是一个指向不存在文件的符号链接；请删除它，或换一个输出文件名",
            ));
        }
        Err(e) => return Err(fail(&io_reason(&e))),
    };
    if meta.is_dir() {
        return Err(fail("这是一个目录；请给出文件名"));
    }
    if !meta.is_file() {
        return Err(fail(
            "这不是普通文件（是设备、管道或套接字），不会写入；要输出到屏幕请用 -o -",
        ));
    }
    if FileId::of_meta(path, &meta).is_some_and(|id| inputs.contains(&id)) {
        return Err(fail("这是输入文件本身，写入会把它覆盖；请换一个输出文件名"));
    }
    if meta.permissions().readonly() && !force {
        return Err(fail("文件是只读的；如确实要覆盖，请加 --force"));
    }
    if is_link {
        return std::fs::canonicalize(path).map_err(|e| fail(&io_reason(&e)));
    }
    Ok(path.to_path_buf())
}

/// Temp files not yet renamed into place; removed on SIGINT/SIGTERM/SIGHUP.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Installs (once) the handler that removes live temp files when the run is interrupted, then
/// ends the process the way the signal would have.
fn install_cleanup() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            let _ = std::thread::Builder::new()
                .name("cleanup".to_string())
                .spawn(move || {
                    if let Some(sig) = signals.forever().next() {
                        // waits for a commit in progress: a batch is renamed whole or not at all
                        let mut paths = live();
                        for p in paths.drain(..) {
                            let _ = std::fs::remove_file(p);
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(sig);
                        std::process::exit(128 + sig);
                    }
                });
        });
    }
}

thread_local! {
    /// Set while [`hold_signals`] runs on this thread: interrupts wait, so no cleanup is needed.
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work` with SIGINT, SIGTERM and SIGHUP held back, for a short run on a process with no
/// other thread (one render): a signal that arrives meanwhile takes effect when `work` is done,
/// after its files are renamed into place, so none is left half-written or as a temp file — and
/// no cleanup thread has to be started for it.
pub fn hold_signals<R>(work: impl FnOnce() -> R) -> R {
    #[cfg(unix)]
    {
        // SAFETY: the sets are initialised by sigemptyset before use, and pthread_sigmask only
        // reads `held` and writes `before`, both live for the whole call.
        let mut held: libc::sigset_t = unsafe { std::mem::zeroed() };
        let mut before: libc::sigset_t = unsafe { std::mem::zeroed() };
        let blocked = unsafe {
            libc::sigemptyset(&mut held);
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaddset(&mut held, sig);
            }
            libc::pthread_sigmask(libc::SIG_BLOCK, &held, &mut before) == 0
        };
        if !blocked {
            return work();
        }
        HELD.set(true);
        let result = work();
        HELD.set(false);
        // SAFETY: restores the mask saved above; a pending signal is delivered here
        unsafe {
            libc::pthread_sigmask(libc::SIG_SETMASK, &before, std::ptr::null_mut());
        }
        result
    }
    #[cfg(not(unix))]
    {
        work()
    }
}

/// One output written to a temp file beside its target, waiting to be renamed into place.
/// Dropped without [`commit`], the temp file is removed.
#[derive(Debug)]
pub struct Staged {
    tmp: Option<tempfile::TempPath>,
    target: PathBuf,
}

impl Staged {
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let path = tmp.to_path_buf();
            drop(tmp);
            live().retain(|p| p.as_os_str() != path.as_os_str());
        }
    }
}

/// Writes `bytes` to a temp file in `path`'s folder, to be renamed over `path` by [`commit`].
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |reason: String| Error::Write {
        path: path.to_path_buf(),
        reason,
    };
    // one look at the target: a folder is refused, a file lends its permissions
    let existing = std::fs::metadata(path).ok();
    if existing.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(fail("这是一个目录；请给出文件名".to_string()));
    }
    if !HELD.get() {
        install_cleanup();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // the new file gets the old one's permissions, or those of any newly created file
    // (tempfile's own default, 0600, would hide the draft from colleagues sharing the folder)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o7777);
        // a read-only file replaced with --force stays read-only, but we must write the temp
        builder.permissions(std::fs::Permissions::from_mode(mode | 0o200));
    }
    let (file, tmp) = {
        // registered under the lock, so an interrupt never misses a temp file
        let mut paths = live();
        let tmp = builder.tempfile_in(dir).map_err(|e| {
            if dir.is_dir() {
                fail(io_reason(&e))
            } else {
                fail(format!(
                    "目录 {} 不存在（请先创建它，或换一个输出位置）",
                    dir.display()
                ))
            }
        })?;
        paths.push(tmp.path().to_path_buf());
        tmp.into_parts()
    };
    let staged = Staged {
        tmp: Some(tmp),
        target: path.to_path_buf(),
    };
    let mut file = file;
    file.write_all(bytes).map_err(|e| fail(io_reason(&e)))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Some(m) = &existing {
            let mode = m.permissions().mode() & 0o7777;
            if mode & 0o200 == 0 {
                let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
            }
        }
    }
    Ok(staged)
}

/// Renames every staged file into place. Interrupts wait until all are renamed.
pub fn commit(staged: Vec<Staged>) -> Result<()> {
    let mut paths = live();
    let mut result = Ok(());
    let mut rest = Vec::new();
    // no longer temp files once renamed (or removed on failure): struck from the live list in
    // one pass at the end, since the lock is held throughout
    let mut done = std::collections::HashSet::with_capacity(staged.len());
    for mut s in staged {
        if result.is_err() {
            rest.push(s);
            continue;
        }
        let Some(tmp) = s.tmp.take() else { continue };
        done.insert(tmp.as_os_str().to_os_string());
        if let Err(e) = tmp.persist(&s.target) {
            result = Err(Error::Write {
                path: s.target.clone(),
                reason: format!(
                    "{}（如果文件正在 Word 或 WPS 中打开，请先关闭）",
                    io_reason(&e.error)
                ),
            });
        }
    }
    paths.retain(|p| !done.contains(p.as_os_str()));
    // the rest remove their temp files as they drop, which takes the lock
    drop(paths);
    drop(rest);
    result
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder, renamed over the target.
/// The previous file survives any failure of this run. There is no fsync: it tripled the time of
/// a whole `render` on disk (≈9 ms of ≈13 ms), and the rename-over pattern is already flushed
/// before the rename by ext4 (`auto_da_alloc`) and by the other journalling filesystems in use.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    commit(vec![stage(path, bytes)?])
}

/// Writes a file the user asked jianghua to create (`new`, `profiles --eject`): `-` prints it,
/// an existing file is kept unless `force`. Returns true when a file was written.
pub fn create(path: &Path, text: &str, force: bool) -> Result<bool> {
    if path.as_os_str() == "-" {
        out(text)?;
        return Ok(false);
    }
    if std::fs::symlink_metadata(path).is_ok() && !force {
        return Err(Error::Write {
            path: path.to_path_buf(),
            reason: "文件已存在；如要覆盖，请加 --force".to_string(),
        });
    }
    let target = check_output(path, &[], force)?;
    write_atomic(&target, text.as_bytes())?;
    Ok(true)
}

/// Prints `text` to standard output. A closed pipe (`| head`) is [`Error::BrokenPipe`], which
/// ends the run quietly; any other failure (a full disk) is a write error.
pub fn out(text: &str) -> Result<()> {
    out_bytes(text.as_bytes())
}

/// [`out`] for bytes.
pub fn out_bytes(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(stdout_error)
}

/// The error for a failed write to standard output.
pub fn stdout_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Error::BrokenPipe
    } else {
        Error::Write {
            path: PathBuf::from("标准输出"),
            reason: io_reason(&e),
        }
    }
}

/// Prints a progress line to standard error; a closed or full stderr is ignored (there is
/// nowhere left to report it).
pub fn note(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("speech.md");
        write_atomic(&target, "旧稿".as_bytes()).unwrap();
        write_atomic(&target, "新稿".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "新稿");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_dropped_stage_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = stage(&dir.path().join("a.md"), b"a").unwrap();
        let b = stage(&dir.path().join("b.md"), b"b").unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        drop((a, b));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(!live().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn a_failed_rename_cleans_up_the_rest_without_deadlock() {
        let dir = tempfile::tempdir().unwrap();
        let a = stage(&dir.path().join("a.md"), b"a").unwrap();
        let b = stage(&dir.path().join("b.md"), b"b").unwrap();
        // a folder appears where `a.md` should go after its temp file was written
        std::fs::create_dir(dir.path().join("a.md")).unwrap();
        std::fs::write(dir.path().join("a.md/x"), b"x").unwrap();
        let err = commit(vec![a, b]).unwrap_err();
        assert!(err.to_string().starts_with("无法写入"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.md"], "no temp file and no b.md left");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_ordinary_permissions_and_replaced_files_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.md");
        write_atomic(&fresh, b"x").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode & 0o044,
            0o044,
            "readable by others unless the umask says no: {mode:o}"
        );
        let kept = dir.path().join("kept.md");
        std::fs::write(&kept, b"old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        let err = write_atomic(Path::new("/nonexistent-dir-xyz/a.md"), b"x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "无法写入 /nonexistent-dir-xyz/a.md：目录 /nonexistent-dir-xyz 不存在（请先创建它，或换一个输出位置）"
        );
    }

    #[test]
    fn capped_reads_name_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'a'; 2049]).unwrap();
        let err = read_capped(&big, 2048, "要素文件").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}：要素文件超过 2 KB 的上限，没有读取（是不是给错了文件？）",
                big.display()
            )
        );
        assert_eq!(read_capped(&big, 4096, "要素文件").unwrap().len(), 2049);
    }

    #[cfg(unix)]
    #[test]
    fn endless_devices_are_cut_at_the_cap() {
        let err = read_capped(Path::new("/dev/zero"), 1024, "模板").unwrap_err();
        assert!(err.to_string().contains("模板超过 1 KB 的上限"), "{err}");
    }
}
