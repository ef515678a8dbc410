//! `jianghua mine`: sample files in; specs, outlines, JSON, templates or corpus statistics out.

use crate::cli::{MineArgs, MineFormat};
use crate::error::{Error, Result};
use crate::fsx::write_atomic;
use crate::mine::{self, Mined, outline, stats::Stats};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn run(args: &MineArgs) -> Result<()> {
    if let Some(dir) = &args.stats {
        let report = corpus_stats(dir)?;
        print!("{}", report.render());
        return Ok(());
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
            for (k, m) in mined.iter().enumerate() {
                if k > 0 {
                    println!();
                }
                println!("{}", heading(m));
                print!("{}", outline::outline(m));
            }
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
            println!("{text}");
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
    std::fs::create_dir_all(&dir).map_err(|e| Error::Write {
        path: dir.clone(),
        reason: crate::error::io_reason(&e),
    })?;
    let mut used = BTreeSet::new();
    let mut outputs: Vec<(PathBuf, String, String)> = Vec::new();
    for m in mined {
        let base = m.file_stem();
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
        && let Some((path, _, _)) = outputs.iter().find(|(p, _, _)| p.exists())
    {
        return Err(Error::Write {
            path: path.clone(),
            reason: "文件已存在；如要覆盖，请加 --force（这次什么也没有写）".to_string(),
        });
    }
    for (path, text, summary) in outputs {
        write_atomic(&path, text.as_bytes())?;
        if !summary.is_empty() {
            println!("{summary}");
            println!("  → 已写入 {}", path.display());
        }
    }
    Ok(())
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

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "docx" | "doc"
            )
        }) {
            out.push(p);
        }
    }
}
