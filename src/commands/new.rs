//! `jianghua new`: writes a fully commented spec for one speech type, ready to render as it is.

use crate::cli::NewArgs;
use crate::error::{Error, Result, nearest};
use crate::fsx::create;
use crate::template::{Origin, TemplateLookup, TemplateSet};
use std::path::{Path, PathBuf};

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

/// A commented spec for a custom type found in `set`'s folders, with the template's example
/// `[vars]`; None when no folder has it.
pub fn scaffold_custom(set: &TemplateSet, kind: &str) -> Result<Option<String>> {
    let Some(file) = set
        .file(&format!("{kind}.hbs"))?
        .filter(|f| !kind.starts_with('_') && !matches!(f.origin, Origin::BuiltIn(_)))
    else {
        return Ok(None);
    };
    let prepared = set.prepare(kind, Path::new(".")).map_err(|e| match e {
        TemplateLookup::Other(e) => e,
        _ => Error::Usage(format!("无法读取模板 {kind}")),
    })?;
    let front = &prepared.front;
    let mut text = format!(
        "# 讲话稿要素文件（{kind}{}）\n# 修改下面的内容后运行：jianghua render 本文件名.toml --templates {}\n# 带 # 的行是注释，不会进入讲话稿。\n\n# 讲话类型：自定义模板 {}\ntemplate = \"{kind}\"\n\n# 标题（必填）。\ntitle = \"在{kind}上的讲话\"\n\n# 称呼（可选）。默认 [\"同志们\"]。\n# salutation = [\"同志们\"]\n\n[opening]\n# 会议名称。\nmeeting = \"{kind}\"\n\n# 正文各部分：每个 [[parts]] 是一部分，编号由程序生成。\n[[parts]]\nheading = \"第一部分的标题\"\nparagraphs = [\"第一部分的正文。\"]\n",
        if front.description.is_empty() {
            String::new()
        } else {
            format!("：{}", front.description)
        },
        file.origin
            .display_path()
            .parent()
            .map_or_else(|| ".".into(), |p| p.display().to_string()),
        file.origin.display_path().display(),
    );
    if !front.vars.is_empty() {
        text.push_str("\n# 这个类型自己的字段（模板里写作 vars.名字），下面是模板给的示例值，改成实际内容。\n[vars]\n");
        text.push_str(&toml::to_string(&front.vars).unwrap_or_default());
    }
    Ok(Some(text))
}

pub fn run(args: &NewArgs) -> Result<()> {
    let spec_dir = args
        .output
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        return Err(Error::Usage(format!(
            "找不到模板目录 {}（--templates 指定的目录应当存在，里面放 *.hbs 模板）",
            dir.display()
        )));
    }
    let set = TemplateSet::for_spec(args.templates.as_deref(), &spec_dir.join("x.toml"));
    let text = match scaffold(&args.kind) {
        Ok(text) => text.to_string(),
        Err(e) => match scaffold_custom(&set, &args.kind)? {
            Some(text) => text,
            None if set.overlays.is_empty() => {
                return Err(Error::Usage(format!(
                    "{}。自定义类型请加 --templates 模板目录，或把模板放在要素文件旁的 templates/ 里",
                    e.to_string().trim_end_matches('。')
                )));
            }
            None => {
                let names = set.speech_names();
                let dirs: Vec<String> = set
                    .overlays
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect();
                let hint = nearest(&args.kind, names.iter().map(String::as_str))
                    .map(|n| format!("是不是想写 {n}？"))
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "没有名为 “{}” 的讲话类型。{hint}可用的类型：{}（找过的模板目录：{}、内置模板）",
                    args.kind,
                    names.join("、"),
                    dirs.join("、")
                )));
            }
        },
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.toml", args.kind)));
    if !create(&path, &text, args.force)? {
        return Ok(());
    }
    crate::fsx::note(&format!(
        "已生成 {}，修改其中的内容后运行：jianghua render {}",
        path.display(),
        path.display()
    ));
    Ok(())
}
