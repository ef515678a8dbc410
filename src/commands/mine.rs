//! `jianghua mine`: sample files in; specs, outlines, JSON, templates or corpus statistics out.

use crate::cli::{MineArgs, MineFormat};
use crate::error::{Error, Result};
use crate::fsx::{FileId, check_output, commit, out, stage};
use crate::mine::{self, Mined, outline, stats::Stats};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn run(args: &MineArgs) -> Result<()> {
    if let Some(dir) = &args.stats {
        let report = corpus_stats(dir)?;
        return out(&report.render());
    }
    let mut mined = Vec::new();
    let mut errors = Vec::new();
    for file in &args.files {
        match mine::mine_file(file) {
            Ok(mut m) => mined.append(&mut m),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Error::many(errors));
    }
    // say where the miner guessed, so the user checks those places
    for m in &mined {
        let guessed = outline::guesses(m);
        if !guessed.is_empty() {
            eprintln!(
                "提示：{}：{}是推测的，请用 --format outline 核对",
                source_name(m),
                guessed.join("、")
            );
        }
    }
    match args.format {
        MineFormat::Outline => {
            let mut text = String::new();
            for (k, m) in mined.iter().enumerate() {
                if k > 0 {
                    text.push('\n');
                }
                text.push_str(&heading(m));
                text.push('\n');
                text.push_str(&outline::outline(m));
            }
            out(&text)?;
        }
        MineFormat::Json => {
            let items: Vec<_> = mined
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "file": m.file.display().to_string(),
                        "label": m.label,
                        "placeholders": m.placeholders,
                        "doc": m.doc(),
                    })
                })
                .collect();
            let text = serde_json::to_string_pretty(&items).unwrap_or_default();
            out(&format!("{text}\n"))?;
        }
        MineFormat::Spec | MineFormat::Template => write_files(args, &mined)?,
    }
    Ok(())
}

fn heading(m: &Mined) -> String {
    if m.label.is_empty() {
        format!("== {} ==", m.file.display())
    } else {
        format!("== {}（{}）==", m.file.display(), m.label)
    }
}

/// Writes one spec (and for `template`, one `.hbs`) per speech; names follow the titles.
fn write_files(args: &MineArgs, mined: &[Mined]) -> Result<()> {
    let dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if std::fs::metadata(&dir).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::Write {
            path: dir.clone(),
            reason: "这是一个文件，不是目录；--out-dir 要给一个目录（不存在时会自动创建）"
                .to_string(),
        });
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::Write {
        path: dir.clone(),
        reason: crate::error::io_reason(&e),
    })?;
    let mut used = BTreeSet::new();
    let mut outputs: Vec<(PathBuf, String, String)> = Vec::new();
    for m in mined {
        let base = safe_stem(&m.file_stem());
        let mut stem = base.clone();
        let mut n = 2;
        while !used.insert(stem.clone()) {
            stem = format!("{base}（{n}）");
            n += 1;
        }
        let spec_path = dir.join(format!("{stem}.toml"));
        match args.format {
            MineFormat::Template => {
                let hbs_name = format!("{stem}.hbs");
                let (hbs, spec) = mine::template::to_template(m, &hbs_name);
                outputs.push((dir.join(&hbs_name), hbs, String::new()));
                let toml = format!(
                    "# 由 jianghua mine 从 {} 提取，配合模板 {hbs_name} 使用。\n{}",
                    source_name(m),
                    toml::to_string(&spec).unwrap_or_default()
                );
                outputs.push((spec_path, toml, outline::summary(m)));
            }
            _ => outputs.push((spec_path, m.spec_toml(), outline::summary(m))),
        }
    }
    if !args.force
        && let Some((path, _, _)) = outputs
            .iter()
            .find(|(p, _, _)| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(Error::Write {
            path: path.clone(),
            reason: "文件已存在；如要覆盖，请加 --force（这次什么也没有写）".to_string(),
        });
    }
    let inputs: Vec<FileId> = args.files.iter().filter_map(|f| FileId::of(f)).collect();
    // every temp file first, renamed only when all are written
    let mut staged = Vec::new();
    let mut report = String::new();
    for (path, text, summary) in &outputs {
        let target = check_output(path, &inputs, args.force)?;
        staged.push(stage(&target, text.as_bytes())?);
        if !summary.is_empty() {
            report.push_str(&format!("{summary}\n  → 已写入 {}\n", path.display()));
        }
    }
    commit(staged)?;
    out(&report)
}

fn source_name(m: &Mined) -> String {
    if m.label.is_empty() {
        m.file.display().to_string()
    } else {
        format!("{}（{}）", m.file.display(), m.label)
    }
}

/// Mines every sample file under `dir` (recursively, in name order).
pub fn corpus_stats(dir: &Path) -> Result<Stats> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}：不是目录；--stats 需要一个存放范文的目录",
            dir.display()
        )));
    }
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    // mine in parallel across files, add up in name order
    use rayon::prelude::*;
    let results: Vec<_> = files.par_iter().map(|f| mine::mine_file(f)).collect();
    let mut stats = Stats::default();
    for result in results {
        match result {
            Ok(m) => stats.add(&m),
            Err(e) => stats.unreadable.push(e.to_string().replace('\n', " ")),
        }
    }
    Ok(stats)
}

/// Sample files under `dir`, recursively. Symlinks are not followed (a link to `.` would loop
/// and a linked file would count twice), and a file reached by two hard links counts once.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            // the entry's own type: a symlink reports as a symlink, not as what it points to
            let Ok(kind) = e.file_type() else { continue };
            let p = e.path();
            if kind.is_dir() {
                stack.push(p);
            } else if kind.is_file()
                && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "txt" | "md" | "docx" | "doc"
                    )
                })
                && FileId::of(&p).is_none_or(|id| seen.insert(id))
            {
                out.push(p);
            }
        }
    }
}

/// A mined title as a safe file name: no folders (`/`, `\\`, `..`), no control or direction
/// characters (U+202E would show `txt.exe` as `exe.txt`), no leading dot, at most 60 characters.
pub fn safe_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => '_',
            c => c,
        })
        .take(60)
        .collect();
    let trimmed = cleaned
        .trim_matches(|c: char| c == '.' || c == '_' || c.is_whitespace())
        .to_string();
    if trimmed.is_empty() {
        "讲话".to_string()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::safe_stem;

    #[test]
    fn mined_titles_become_safe_file_names() {
        assert_eq!(safe_stem("../../etc/passwd"), "etc_passwd");
        assert_eq!(
            safe_stem("在会上的讲话\u{202E}txt.exe"),
            "在会上的讲话_txt.exe"
        );
        assert_eq!(safe_stem("..."), "讲话");
        assert_eq!(safe_stem(".hidden"), "hidden");
        assert_eq!(safe_stem("一\n二"), "一_二");
        assert_eq!(safe_stem(&"长".repeat(100)).chars().count(), 60);
    }
}
