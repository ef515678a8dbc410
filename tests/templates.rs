//! `jianghua templates show | eject | check` and custom types, tried as a new user would.

use std::fs;

mod common;
use common::{jianghua, stderr_of};

#[test]
fn built_in_templates_pass_their_own_check() {
    assert_eq!(
        jianghua::commands::check_templates(None)
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        Vec::<String>::new()
    );
}

#[test]
fn show_prints_a_template_with_its_defaults_and_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let out = jianghua(dir.path())
        .args(["templates", "show", "review"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        include_str!("../templates/review.hbs"),
        "show prints the file as it is"
    );
    assert!(text.contains("{ name = \"落实\", text = \"同志们，述职评议不是终点"));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "（来源：templates/review.hbs（内置）；可在继承它的模板里改写的块：closing、opening）\n"
    );
    assert_eq!(
        stderr_of(dir.path(), &["templates", "show", "reveiw"]),
        "错误：没有名为 “reveiw” 的讲话类型。是不是想写 review？可用的类型：article、mobilization、promotion、regular、review。自定义类型请加 --templates 目录\n"
    );
}

#[test]
fn eject_writes_copies_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    jianghua(dir.path())
        .args(["templates", "eject", "review", "article"])
        .assert()
        .success();
    let review = fs::read_to_string(dir.path().join("templates/review.hbs")).unwrap();
    assert_eq!(review, include_str!("../templates/review.hbs"));
    assert!(dir.path().join("templates/article.hbs").is_file());
    fs::write(dir.path().join("templates/review.hbs"), "改过的").unwrap();
    assert_eq!(
        stderr_of(dir.path(), &["templates", "eject", "review"]),
        "错误：无法写入 templates/review.hbs：文件已存在；如要覆盖，请加 --force\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("templates/review.hbs")).unwrap(),
        "改过的"
    );
    jianghua(dir.path())
        .args(["templates", "eject", "--all", "-o", "all", "--force"])
        .assert()
        .success();
    let names = common::names_in(&dir.path().join("all"));
    assert_eq!(
        names,
        [
            "article.hbs",
            "mobilization.hbs",
            "promotion.hbs",
            "regular.hbs",
            "review.hbs"
        ]
    );
}

const HONOURS: &str = "{{!--\ndescription = \"表彰大会讲话\"\nextends = \"mobilization\"\n\n[vars]\nrepresenting = \"县委、县政府\"\nhonorees = [\"城关镇\", \"河西乡\"]\n--}}\n{{#*inline \"opening\"}}\n今天，我们召开{{opening.meeting}}，隆重表彰{{join vars.honorees \"、\"}}等先进集体。\n首先，我代表{{vars.representing}}，向受到表彰的先进集体表示热烈祝贺！\n{{/inline}}\n";

#[test]
fn a_custom_type_is_listed_scaffolded_rendered_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("mytpl")).unwrap();
    fs::write(dir.path().join("mytpl/表彰大会.hbs"), HONOURS).unwrap();
    let out = jianghua(dir.path())
        .args(["templates", "--templates", "mytpl"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("表彰大会讲话（自定义）")
    );
    jianghua(dir.path())
        .args(["new", "表彰大会", "--templates", "mytpl", "-o", "表彰.toml"])
        .assert()
        .success();
    let spec = fs::read_to_string(dir.path().join("表彰.toml")).unwrap();
    assert!(
        spec.contains("[vars]\nhonorees = [\"城关镇\", \"河西乡\"]"),
        "{spec}"
    );
    let spec = spec.replace("\"城关镇\", \"河西乡\"", "\"东关街道\"");
    fs::write(dir.path().join("表彰.toml"), spec).unwrap();
    let out = jianghua(dir.path())
        .args(["render", "表彰.toml", "--templates", "mytpl", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# 在表彰大会上的讲话\n\n同志们：\n\n今天，我们召开表彰大会，隆重表彰东关街道等先进集体。首先，我代表县委、县政府，向受到表彰的先进集体表示热烈祝贺！\n\n下面，我讲一点意见。\n\n## 一、第一部分的标题\n\n第一部分的正文。\n"
    );
    jianghua(dir.path())
        .args(["templates", "check", "mytpl"])
        .assert()
        .success();
    // without --templates, the error says where it looked and what to add
    assert_eq!(
        stderr_of(dir.path(), &["render", "表彰.toml"]),
        "错误：表彰.toml:6:12：没有名为 \"表彰大会\" 的模板\n  |\n6 | template = \"表彰大会\"\n  |            ^\n  提示：可用的讲话类型：article、mobilization、promotion、regular、review。找过的模板目录：内置模板；自定义类型放在要素文件旁的 templates/ 里，或用 --templates 目录 指定\n"
    );
    assert_eq!(
        stderr_of(dir.path(), &["new", "表彰大会"]),
        "错误：没有名为 “表彰大会” 的讲话类型。可用的类型：article、mobilization、promotion、regular、review。自定义类型请加 --templates 模板目录，或把模板放在要素文件旁的 templates/ 里\n"
    );
    // broken in a branch no spec of the user's takes: check finds it, positioned, exit 1
    fs::write(
        dir.path().join("mytpl/表彰大会.hbs"),
        HONOURS.replace("vars.representing", "vars.represnting"),
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["templates", "check", "mytpl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "错误：mytpl/表彰大会.hbs:11:7：模板引用了不存在的变量 `vars.represnting`\n   |\n11 | 首先，我代表{{vars.represnting}}，向受到表彰的先进集体表示热烈祝贺！\n   |             ^\n  提示：是不是想写 `vars.representing`？可用的变量见 docs/templates.md\n错误：模板检查发现 1 处问题\n"
    );
    assert_eq!(
        stderr_of(dir.path(), &["templates", "check", "no-such-dir"]),
        "错误：找不到模板目录 no-such-dir（--templates 指定的目录应当存在，里面放 *.hbs 模板）\n"
    );
}

#[test]
fn check_reports_every_unknown_helper_and_partial_even_in_branches_no_spec_takes() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("t")).unwrap();
    fs::write(
        dir.path().join("t/会.hbs"),
        "{{> head}}\n今天，{{jion opening.just_now \"，\"}}。\n{{#if vars.never}}{{cnt 3}}{{> thanks}}{{/if}}\n{{> body}}\n",
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["templates", "check", "t"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let helpers = "cn、count、ordinal、join、sentence、date、date-cn、if、unless、each、with、lookup、eq、ne、gt、gte、lt、lte、and、or、not、len、log、raw";
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "错误：t/会.hbs:2:4：模板用了不存在的辅助函数 `jion`\n  |\n2 | 今天，{{{{jion opening.just_now \"，\"}}}}。\n  |       ^\n  提示：是不是想写 join？可用的辅助函数：{helpers}\n错误：t/会.hbs:3:19：模板用了不存在的辅助函数 `cnt`\n  |\n3 | {{{{#if vars.never}}}}{{{{cnt 3}}}}{{{{> thanks}}}}{{{{/if}}}}\n  |                   ^\n  提示：是不是想写 cn？可用的辅助函数：{helpers}\n错误：t/会.hbs:3:28：模板引用了不存在的片段 `thanks`\n  |\n3 | {{{{#if vars.never}}}}{{{{cnt 3}}}}{{{{> thanks}}}}{{{{/if}}}}\n  |                            ^\n  提示：片段文件名应为 _名字.hbs，放在模板目录中\n错误：模板检查发现 3 处问题\n"
        )
    );
}

#[test]
fn check_reports_a_missing_partial_once_and_refuses_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("t")).unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    // the partial is missing on a branch every spec takes: the scan and the coverage renders
    // both find it, and it is reported once, without suggesting the template itself
    fs::write(
        dir.path().join("t/会.hbs"),
        "{{> head}}\n\n今天开会。\n\n{{> body}}\n\n{{> 结尾}}\n",
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["templates", "check", "t"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "错误：t/会.hbs:7:1：模板引用了不存在的片段 `结尾`\n  |\n7 | {{> 结尾}}\n  | ^\n  提示：片段文件名应为 _名字.hbs，放在模板目录中\n错误：模板检查发现 1 处问题\n"
    );
    let out = jianghua(dir.path())
        .args(["templates", "check", "empty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "错误：目录 empty 里没有讲话模板（*.hbs，不以 _ 开头）；请给出放模板的目录，或不给目录以检查内置模板\n"
    );
}
