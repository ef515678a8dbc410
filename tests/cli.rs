//! The `jianghua` binary as a user drives it: scaffolding, rendering, batches, and exact error texts.

mod common;

use common::{jianghua, stderr_of};
use std::fs;
use std::path::Path;

const MINIMAL: &str = "template = \"review\"\ntitle = \"在全县工作会议上的讲话\"\n[[parts]]\nheading = \"统一思想\"\nparagraphs = [\"要把思想统一到县委的部署上来。\"]\n";

#[test]
fn new_writes_a_spec_that_renders_next_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    jianghua(dir.path())
        .args(["new", "review", "-o", "my.toml"])
        .assert()
        .success();
    let spec = fs::read_to_string(dir.path().join("my.toml")).unwrap();
    assert!(spec.contains("# 标题（必填）"), "scaffold is commented");
    jianghua(dir.path())
        .args(["render", "my.toml"])
        .assert()
        .success();
    let md = fs::read_to_string(dir.path().join("my.md")).unwrap();
    assert!(md.starts_with("# 在全县党委书记抓基层党建工作述职评议会上的讲话\n"));
    assert!(md.contains("下面，我讲三点意见。"));
}

#[test]
fn new_refuses_to_overwrite_and_rejects_unknown_types() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("my.toml"), "原有内容").unwrap();
    let err = stderr_of(dir.path(), &["new", "review", "-o", "my.toml"]);
    assert_eq!(
        err,
        "错误：无法写入 my.toml：文件已存在；如要覆盖，请加 --force\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("my.toml")).unwrap(),
        "原有内容"
    );
    let err = stderr_of(dir.path(), &["new", "reveiw"]);
    assert_eq!(
        err,
        "错误：没有名为 “reveiw” 的讲话类型。是不是想写 review？可用的类型：article、mobilization、promotion、regular、review。自定义类型请加 --templates 模板目录，或把模板放在要素文件旁的 templates/ 里\n"
    );
}

#[test]
fn templates_lists_the_five_types_with_descriptions() {
    let dir = tempfile::tempdir().unwrap();
    let out = jianghua(dir.path()).arg("templates").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["article", "mobilization", "promotion", "regular", "review"]
    );
    assert!(text.contains("review        述职评议会讲话"), "{text}");
}

#[test]
fn render_to_stdout_and_batch_to_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.toml"), MINIMAL).unwrap();
    fs::write(
        dir.path().join("b.toml"),
        MINIMAL.replace("review", "regular"),
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["render", "a.toml", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# 在全县工作会议上的讲话\n\n同志们：\n\n下面，我讲一点意见。\n\n## 一、统一思想\n\n要把思想统一到县委的部署上来。\n"
    );
    jianghua(dir.path())
        .args(["render", "a.toml", "b.toml", "--out-dir", "out"])
        .assert()
        .success();
    assert!(dir.path().join("out/a.md").is_file());
    let b = fs::read_to_string(dir.path().join("out/b.md")).unwrap();
    assert!(
        b.contains("下面，就做好下一阶段工作，我讲一点意见。"),
        "{b}"
    );
}

#[test]
fn templates_beside_the_spec_shadow_the_built_ins_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.toml"), MINIMAL).unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    // a partial beside the spec is found by the built-in review.hbs's neighbours: here the
    // folder's own review.hbs uses it, and the head and body still come from the engine
    fs::write(
        dir.path().join("templates/review.hbs"),
        "{{> head}}\n\n{{> greeting}}\n\n{{> body}}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("templates/_greeting.hbs"),
        "今天的会，\n开得很好。\n",
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["render", "a.toml", "-o", "-"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        md,
        "# 在全县工作会议上的讲话\n\n同志们：\n\n今天的会，开得很好。\n\n## 一、统一思想\n\n要把思想统一到县委的部署上来。\n"
    );
    // --templates takes precedence over the folder beside the spec
    let mine = dir.path().join("mine");
    fs::create_dir(&mine).unwrap();
    fs::write(
        mine.join("review.hbs"),
        "{{> head}}\n\n自定义模板。\n\n{{> body}}\n",
    )
    .unwrap();
    let out = jianghua(dir.path())
        .args(["render", "a.toml", "-o", "-", "--templates", "mine"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# 在全县工作会议上的讲话\n\n同志们：\n\n自定义模板。\n\n## 一、统一思想\n\n要把思想统一到县委的部署上来。\n"
    );
    // the head and the body are the engine's: a file that would replace them is refused
    fs::write(mine.join("_head.hbs"), "# {{title}}\n").unwrap();
    assert_eq!(
        stderr_of(dir.path(), &["render", "a.toml", "--templates", "mine"]),
        "错误：mine/_head.hbs：片段 head 由程序排版，不能用 _head.hbs 覆盖\n  提示：删掉这个文件；标题、称呼和正文各部分的格式由程序按公文规范生成，措辞可在模板开头的默认设置里改\n"
    );
}

/// Each bad input, the exact error a user sees.
const BAD_INPUTS: &[(&str, &str, &str)] = &[
    (
        "malformed.toml",
        "template = \"review\"\ntitle = \"讲话\n",
        "错误：malformed.toml:2:12：TOML 语法错误：文字没有用双引号收尾\n  |\n2 | title = \"讲话\n  |              ^\n  提示：检查这一行的引号、等号和方括号是否成对；文字内容要放在英文双引号里\n",
    ),
    (
        "unknown.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"一\"\nheadng = \"x\"\n",
        "错误：unknown.toml:5:1：未知字段 `headng`\n  |\n5 | headng = \"x\"\n  | ^\n  提示：是不是想写 `heading`？\n",
    ),
    (
        "wrongtype.toml",
        "template = \"review\"\ntitle = 3\n",
        "错误：wrongtype.toml:2:9：类型不对：这里需要文字（用双引号括起来），实际写的是整数\n  |\n2 | title = 3\n  |         ^\n  提示：文字要放在英文双引号里：title = \"3\"\n",
    ),
    (
        "impossible-date.toml",
        "template = \"review\"\ntitle = \"讲话\"\ndate = 2026-02-30\n",
        "错误：impossible-date.toml:3:8：TOML 语法错误：日期写错了\n  |\n3 | date = 2026-02-30\n  |        ^\n  提示：2026年2月没有30日（这个月只有 28 天）；改成存在的日期，例如 2026-02-28\n",
    ),
    (
        "salutation-text.toml",
        "template = \"review\"\ntitle = \"讲话\"\nsalutation = \"同志们\"\n",
        "错误：salutation-text.toml:3:14：类型不对：这里需要数组（[\"…\", \"…\"]），实际写的是文字（用双引号括起来）\n  |\n3 | salutation = \"同志们\"\n  |              ^\n  提示：写成数组，用方括号把文字括起来：salutation = [\"同志们\"]\n",
    ),
    (
        "call-array.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[closing]\ncall = [\"担当作为\", \"狠抓落实\"]\n",
        "错误：call-array.toml:4:8：类型不对：这里需要文字（用双引号括起来），实际写的是数组（[\"…\", \"…\"]）\n  |\n4 | call = [\"担当作为\", \"狠抓落实\"]\n  |        ^\n  提示：这里只写一段文字，不用方括号，例如：call = \"担当作为\"\n",
    ),
    (
        "notitle.toml",
        "template = \"review\"\n[[parts]]\nheading = \"一\"\n",
        "错误：notitle.toml：缺少必填字段 `title`\n  提示：在文件开头加一行，例如：title = \"在全县工作会议上的讲话\"\n",
    ),
    (
        "badtpl.toml",
        "template = \"reveiw\"\ntitle = \"讲话\"\n",
        "错误：badtpl.toml:1:12：没有名为 \"reveiw\" 的模板\n  |\n1 | template = \"reveiw\"\n  |            ^\n  提示：是不是想写 \"review\"？可用的讲话类型：article、mobilization、promotion、regular、review。找过的模板目录：内置模板；自定义类型放在要素文件旁的 templates/ 里，或用 --templates 目录 指定\n",
    ),
    (
        "deep.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"a\"\n[[parts.sections]]\nheading = \"b\"\n[[parts.sections.sections]]\nheading = \"c\"\n[[parts.sections.sections.sections]]\nheading = \"d\"\n[[parts.sections.sections.sections.sections]]\nheading = \"e\"\n",
        "错误：deep.toml:11:1：层次太深：`parts[1].sections[1].sections[1].sections[1]` 已是第四层，讲话稿最多四层（一、（一）1.（1））\n   |\n11 | [[parts.sections.sections.sections.sections]]\n   | ^\n  提示：把第五层的内容并入上一层的 paragraphs 或 points\n",
    ),
    (
        "fangmian.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"a\"\npoints = [\"x\", \"y\", \"z\"]\nenumeration = \"fangmian\"\n",
        "错误：fangmian.toml:6:15：`parts[1]`：“一方面……另一方面……”只能用于两点，这里有三点\n  |\n6 | enumeration = \"fangmian\"\n  |               ^\n  提示：写成恰好两个 points，或改用 enumeration = \"shi\"（一是、二是……）\n",
    ),
    (
        "ctrl.toml",
        "template = \"review\"\ntitle = \"讲\u{7}话\"\n",
        "错误：ctrl.toml:2:11：字段 `title` 中有一个控制字符 U+0007（多半是从别处粘贴带进来的）\n  |\n2 | title = \"讲␇话\"\n  |            ^\n  提示：删除这个看不见的字符后重新运行；如在编辑器中看不到，可先删掉该行再手工重打\n",
    ),
    (
        "ctrl2.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"a\"\nparagraphs = [\"ab\\u0007c\"]\n",
        "错误：ctrl2.toml:5:15：字段 `parts[1].paragraphs[1]` 中有一个控制字符 U+0007，Word 文件里不能有它\n  |\n5 | paragraphs = [\"ab\\u0007c\"]\n  |               ^\n  提示：删除这个字符（多半是从别处粘贴时带进来的转义序列）\n",
    ),
    (
        "shouxian.toml",
        "template = \"article\"\ntitle = \"讲话\"\n[[parts]]\nheading=\"1\"\n[[parts]]\nheading=\"2\"\n[[parts]]\nheading=\"3\"\n[[parts]]\nheading=\"4\"\n[[parts]]\nheading=\"5\"\n",
        "错误：shouxian.toml:3:1：“首先、其次、再次、最后”最多只能排四项，这里有五项\n  |\n3 | [[parts]]\n  | ^\n  提示：减少这一层的部分数，或在要素文件中换一种 numbering（standard 或 di）\n",
    ),
    (
        "badenum.toml",
        "template = \"review\"\ntitle = \"讲话\"\nnumbering = \"shouxain\"\n",
        "错误：badenum.toml:3:13：不认识的取值 `shouxain`\n  |\n3 | numbering = \"shouxain\"\n  |             ^\n  提示：是不是想写 `shouxian`？可用的取值：standard、di、shouxian、yao、none\n",
    ),
    (
        "duplicate.toml",
        "template = \"review\"\ntitle = \"t\"\ntitle = \"u\"\n",
        "错误：duplicate.toml:3:1：TOML 语法错误：同一个字段写了两次\n  |\n3 | title = \"u\"\n  | ^\n  提示：删掉重复的那一行（同一个小节里每个字段只能写一次）\n",
    ),
    (
        "headingform.toml",
        "template = \"review\"\ntitle = \"t\"\n[[parts]]\nheading=\"a\"\n[[parts]]\nheading=\"b\"\n[[parts]]\nheading=\"c\"\nheading-form = \"fangmian\"\n",
        "错误：headingform.toml:9:16：“一方面……另一方面……”只能用于两点，这里有三点\n  |\n9 | heading-form = \"fangmian\"\n  |                ^\n  提示：换一种 heading-form，或删掉它，按这一层的编号\n",
    ),
    (
        "tplpath.toml",
        "template = \"nosuch.hbs\"\ntitle = \"t\"\n",
        "错误：tplpath.toml:1:12：无法读取模板文件 nosuch.hbs：文件或目录不存在\n  |\n1 | template = \"nosuch.hbs\"\n  |            ^\n  提示：模板路径相对于要素文件所在的目录；也可以写内置类型名，如 \"review\"\n",
    ),
    (
        "newline.toml",
        "template = \"review\"\ntitle = \"第一行\\n\\n第二行\"\n",
        "错误：newline.toml:2:9：字段 `title` 只能写一行，里面有换行\n  |\n2 | title = \"第一行\\n\\n第二行\"\n  |         ^\n  提示：去掉换行；要分段的内容请写进 paragraphs\n",
    ),
    (
        "quotes.toml",
        "template = \"review\"\ntitle = “讲话”\n",
        "错误：quotes.toml:2:9：TOML 语法错误：文字没有用英文双引号括起来\n  |\n2 | title = “讲话”\n  |         ^\n  提示：文字要用英文双引号 \"…\" 括起来，不能用中文引号 “…”\n",
    ),
    (
        "equals.toml",
        "template = \"review\"\ntitle ＝ \"讲话\"\n",
        "错误：equals.toml:2:7：TOML 语法错误：字段名后面缺少等号 =\n  |\n2 | title ＝ \"讲话\"\n  |       ^\n  提示：等号要用半角 =，不能用全角 ＝\n",
    ),
    (
        "table.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[parts]\nheading = \"一\"\n",
        "错误：table.toml:3:1：类型不对：这里需要数组（[\"…\", \"…\"]），实际写的是表（[…] 小节）\n  |\n3 | [parts]\n  | ^\n  提示：一个部分（表格数组）要用两层方括号：[[parts]]\n",
    ),
    (
        "points.toml",
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"一\"\npoints = \"加强领导\"\n",
        "错误：points.toml:5:10：类型不对：这里需要数组（[\"…\", \"…\"]），实际写的是文字（用双引号括起来）\n  |\n5 | points = \"加强领导\"\n  |          ^\n  提示：写成数组，用方括号把文字括起来：points = [\"加强领导\"]\n",
    ),
];

#[test]
fn bad_specs_get_exact_errors_and_never_touch_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    for (name, spec, want) in BAD_INPUTS {
        fs::write(dir.path().join(name), spec).unwrap();
        let out = Path::new(name).with_extension("md");
        fs::write(dir.path().join(&out), "上一次的稿子").unwrap();
        let err = stderr_of(dir.path(), &["render", name]);
        assert_eq!(&err, want, "{name}");
        assert_eq!(
            fs::read_to_string(dir.path().join(&out)).unwrap(),
            "上一次的稿子",
            "{name}: previous output kept"
        );
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_batch_never_writes_two_specs_to_one_file() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("s.toml"), MINIMAL).unwrap();
    }
    assert_eq!(
        stderr_of(
            dir.path(),
            &["render", "a/s.toml", "b/s.toml", "--out-dir", "out"]
        ),
        "错误：无法写入 out/s.md：有两个要素文件要写到这同一个文件；请把它们改成不同的文件名，或分开渲染\n"
    );
    assert!(!dir.path().join("out/s.md").exists());
}

#[test]
fn a_batch_with_one_bad_spec_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.toml"), MINIMAL).unwrap();
    fs::write(dir.path().join("bad.toml"), "title = 1\n").unwrap();
    jianghua(dir.path())
        .args(["render", "good.toml", "bad.toml", "--out-dir", "out"])
        .assert()
        .failure();
    assert!(!dir.path().join("out/good.md").exists());
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.toml"),
        "template = \"mine.hbs\"\ntitle = \"讲话\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("mine.hbs"),
        "{{> head}}\n\n{{#if x}}\n{{/each}}\n",
    )
    .unwrap();
    assert_eq!(
        stderr_of(dir.path(), &["render", "a.toml"]),
        "错误：mine.hbs:4:1：模板块没有正确闭合：打开的是 {{#if}}，关闭的却是 {{/each}}\n  |\n4 | {{/each}}\n  | ^\n  提示：检查 {{ }} 是否成对，{{#if}}/{{#each}} 是否都有对应的 {{/if}}/{{/each}}\n"
    );
    fs::write(dir.path().join("mine.hbs"), "{{> head}}\n\n{{meeting}}\n").unwrap();
    assert_eq!(
        stderr_of(dir.path(), &["render", "a.toml"]),
        "错误：mine.hbs:3:1：模板引用了不存在的变量 `meeting`\n  |\n3 | {{meeting}}\n  | ^\n  提示：是不是想写 `opening.meeting`？可用的变量见 docs/templates.md\n"
    );
}

#[test]
fn output_in_a_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.toml"), MINIMAL).unwrap();
    assert_eq!(
        stderr_of(dir.path(), &["render", "a.toml", "-o", "nope/a.md"]),
        "错误：无法写入 nope/a.md：目录 nope 不存在（请先创建它，或换一个输出位置）\n"
    );
}

#[test]
fn help_is_in_chinese_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["render", "--help"],
        vec!["new", "--help"],
        vec!["templates", "--help"],
        vec!["profiles", "--help"],
        vec!["mine", "--help"],
    ] {
        let out = jianghua(dir.path()).args(&args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("用法："), "{args:?}: {text}");
        assert!(
            text.contains("-h, --help") && text.contains("显示帮助"),
            "{args:?}: {text}"
        );
        for english in [
            "Print help",
            "Usage:",
            "Options:",
            "Possible values",
            "[default:",
        ] {
            assert!(!text.contains(english), "{args:?} shows {english}: {text}");
        }
    }
}

#[test]
fn an_error_shows_its_line_with_the_caret_under_the_character() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("讲话.toml"),
        "template = \"review\"\ntitle = \"在全县工作会议上的讲话\"\ntransition = \"今天，我着重讲二点意见。\"\n[[parts]]\nheading = \"提高认识\"\n[[parts]]\nheading = \"压实责任\"\n",
    )
    .unwrap();
    // 二 is the 22nd character of line 3; before it, 14 ASCII columns and 7 Chinese characters
    // two columns each: the caret is 28 columns into the line
    assert_eq!(
        stderr_of(dir.path(), &["render", "讲话.toml"]),
        format!(
            "错误：讲话.toml:3:22：[liang] “二点”应写作“两点”：量词前的“二”习惯写“两”\n  \
             |\n\
             3 | transition = \"今天，我着重讲二点意见。\"\n  \
             | {}^\n  \
             提示：量词前写“两”：两点、两个、两项；检查全文可运行 jianghua check 要素文件\n",
            " ".repeat(28)
        )
    );
}
