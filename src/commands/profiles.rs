//! `jianghua profiles`: lists the Word layout profiles, or ejects one to a file for editing.

use crate::cli::ProfilesArgs;
use crate::error::Result;
use crate::fsx::create;
use crate::render::Profile;
use std::path::PathBuf;

pub fn run(args: &ProfilesArgs) -> Result<()> {
    let Some(name) = &args.eject else {
        let names = Profile::builtin_names();
        let width = names.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        let mut text = String::new();
        for (name, description) in names {
            text.push_str(&format!("{name:width$}  {description}\n"));
        }
        return crate::fsx::out(&text);
    };
    let Some(source) = Profile::builtin_source(name) else {
        return Err(Profile::unknown(name));
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{name}.toml")));
    if !create(&path, source, args.force)? {
        return Ok(());
    }
    crate::fsx::note(&format!(
        "已导出 {}，修改后这样使用：jianghua render 要素.toml -o 讲话.docx --profile {}",
        path.display(),
        path.display()
    ));
    Ok(())
}
