//! File output: atomic writes (temp file + rename), so a failed run never leaves half a file.

use crate::error::{Error, Result, io_reason};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temp file in the same folder, renamed over the target.
/// The previous file survives any failure of this run. There is no fsync: it tripled the time of
/// a whole `render` on disk (≈9 ms of ≈13 ms), and the rename-over pattern is already flushed
/// before the rename by ext4 (`auto_da_alloc`) and by the other journalling filesystems in use.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |reason: String| Error::Write {
        path: path.to_path_buf(),
        reason,
    };
    if !dir.is_dir() {
        return Err(fail(format!(
            "目录 {} 不存在（请先创建它，或换一个输出位置）",
            dir.display()
        )));
    }
    if path.is_dir() {
        return Err(fail("这是一个目录；请给出文件名".to_string()));
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
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(io_reason(&e)))?;
    tmp.write_all(bytes).map_err(|e| fail(io_reason(&e)))?;
    tmp.persist(path).map_err(|e| {
        fail(format!(
            "{}（如果文件正在 Word 或 WPS 中打开，请先关闭）",
            io_reason(&e.error)
        ))
    })?;
    Ok(())
}

/// Writes a file the user asked jianghua to create (`new`, `profiles --eject`): `-` prints it,
/// an existing file is kept unless `force`. Returns true when a file was written.
pub fn create(path: &Path, text: &str, force: bool) -> Result<bool> {
    if path.as_os_str() == "-" {
        print!("{text}");
        return Ok(false);
    }
    if path.exists() && !force {
        return Err(Error::Write {
            path: path.to_path_buf(),
            reason: "文件已存在；如要覆盖，请加 --force".to_string(),
        });
    }
    write_atomic(path, text.as_bytes())?;
    Ok(true)
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
}
