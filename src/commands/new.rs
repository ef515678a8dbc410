//! `jianghua new`: writes a fully commented spec for one speech type, ready to render as it is.

use crate::cli::NewArgs;
use crate::error::{Error, Result, nearest};
use crate::fsx::create;
use std::path::PathBuf;

/// The commented example spec of each built-in speech type (the files in `examples/`).
const SCAFFOLDS: &[(&str, &str)] = &[
    ("review", include_str!("../../examples/review.toml")),
    ("promotion", include_str!("../../examples/promotion.toml")),
    ("regular", include_str!("../../examples/regular.toml")),
    (
        "mobilization",
        include_str!("../../examples/mobilization.toml"),
    ),
    ("article", include_str!("../../examples/article.toml")),
];

/// The scaffold for a speech type, or an error listing the valid types.
pub fn scaffold(kind: &str) -> Result<&'static str> {
    if let Some((_, text)) = SCAFFOLDS.iter().find(|(k, _)| *k == kind) {
        return Ok(text);
    }
    // listed as `jianghua templates` and the unknown-template error list them
    let mut names: Vec<&str> = SCAFFOLDS.iter().map(|(k, _)| *k).collect();
    names.sort_unstable();
    let hint = nearest(kind, names.iter().copied())
        .map(|n| format!("是不是想写 {n}？"))
        .unwrap_or_default();
    Err(Error::Usage(format!(
        "没有名为 “{kind}” 的讲话类型。{hint}可用的类型：{}",
        names.join("、")
    )))
}

pub fn run(args: &NewArgs) -> Result<()> {
    let text = scaffold(&args.kind)?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.toml", args.kind)));
    if !create(&path, text, args.force)? {
        return Ok(());
    }
    crate::fsx::note(&format!(
        "已生成 {}，修改其中的内容后运行：jianghua render {}",
        path.display(),
        path.display()
    ));
    Ok(())
}
