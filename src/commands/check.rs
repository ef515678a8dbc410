//! `jianghua check FILE…`: reads each draft (.md, .txt, .docx, or a spec rendered first), prints
//! the findings and a summary, applies the safe fixes with `--fix`. Exit 0 without errors, 1 with
//! errors, 2 when a file cannot be read.

use crate::check::output::{self, FileReport};
use crate::check::read::{self, DraftKind};
use crate::check::{self as chk, Options, Severity, fix};
use crate::cli::{CheckArgs, CheckFormat};
use crate::error::Error;
use crate::template::TemplateSet;
use std::io::Write;
use std::path::Path;

/// Exit status: no errors.
pub const OK: u8 = 0;
/// Exit status: at least one error found.
pub const FOUND: u8 = 1;
/// Exit status: a file could not be read.
pub const UNREADABLE: u8 = 2;

/// Runs `check` and returns the exit status.
pub fn run(args: &CheckArgs) -> u8 {
    if !(args.rate.is_finite() && args.rate > 0.0) {
        eprintln!("错误：--rate 必须是大于 0 的数（每分钟字数），如 --rate 220");
        return UNREADABLE;
    }
    if args.minutes.is_some_and(|m| !(m.is_finite() && m > 0.0)) {
        eprintln!("错误：--minutes 必须是大于 0 的分钟数，如 --minutes 20");
        return UNREADABLE;
    }
    let options = Options {
        rate: args.rate,
        minutes: args.minutes,
    };
    let mut reports = Vec::new();
    let mut unreadable = 0;
    for path in &args.files {
        match check_file(path, &options, args.fix) {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("{}", crate::diagnostics::report(&e));
                unreadable += 1;
            }
        }
    }
    let out = match args.format {
        // a file that could not be read is not a file checked with no errors
        CheckFormat::Text if reports.is_empty() && unreadable > 0 => String::new(),
        CheckFormat::Text if unreadable > 0 => format!(
            "{}另有{unreadable}个文件无法检查，原因见上。\n",
            output::text(&reports, options.rate)
        ),
        CheckFormat::Text => output::text(&reports, options.rate),
        CheckFormat::Json => output::json(&reports),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return UNREADABLE;
    }
    let errors = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity == Severity::Error);
    if unreadable > 0 {
        UNREADABLE
    } else if errors {
        FOUND
    } else {
        OK
    }
}

/// Reads and checks one file (and fixes it when asked).
pub fn check_file(path: &Path, options: &Options, apply_fix: bool) -> crate::Result<FileReport> {
    let file = path.display().to_string();
    let is_spec = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_spec {
        let spec = crate::spec::load(path)?;
        let templates = TemplateSet::for_spec(None, path);
        let doc = crate::render::render_doc(&spec, &templates)?;
        let (draft, findings) = chk::spec::check_spec(&spec, &doc, &file, options);
        if apply_fix {
            eprintln!("{file}：要素文件不会被自动修改；请按提示改正相应字段");
        }
        return Ok(FileReport {
            file,
            docx: false,
            spec: true,
            findings,
            chars: chk::spoken_chars(&draft),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let draft = read::read_bytes(path, &bytes)?;
    let mut hits = chk::check_draft(&draft, options);
    if apply_fix {
        match fix::fixed_bytes(&draft, &bytes, &hits) {
            Ok((_, changes)) if changes.is_empty() => {}
            Ok((new, changes)) => {
                crate::fsx::write_atomic(path, &new)?;
                for c in &changes {
                    eprintln!(
                        "已修改 {file}:{}:{}：（{}）→（{}）",
                        c.line, c.column, c.from, c.to
                    );
                }
                eprintln!("{file}：共改正{}处", changes.len());
                // report what is left, on the fixed text
                let draft = read::read_bytes(path, &new)?;
                hits = chk::check_draft(&draft, options);
                return Ok(report(&draft, &file, &hits));
            }
            Err(fix::Refused::Kind) => {
                eprintln!("{file}：只自动修改 .md 和 .txt 文件；Word 文件请按提示手工改正");
            }
            Err(fix::Refused::NotRoundTrip) => {
                eprintln!(
                    "{file}：文件无法按原编码原样写回，未作修改；请另存为 UTF-8 编码后再用 --fix"
                );
            }
        }
    }
    Ok(report(&draft, &file, &hits))
}

fn report(draft: &read::Draft, file: &str, hits: &[chk::Hit]) -> FileReport {
    FileReport {
        file: file.to_string(),
        docx: draft.kind == DraftKind::Docx,
        spec: false,
        findings: chk::locate(draft, file, hits),
        chars: chk::spoken_chars(draft),
    }
}
