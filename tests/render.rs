//! Rendering rules a user relies on: counts, numbering schemes, enumerations, paragraphs, escaping.

use jianghua::render::render_markdown;
use jianghua::spec;
use jianghua::template::TemplateSet;
use std::path::Path;

fn render(toml: &str) -> String {
    let path = Path::new("test.toml");
    let spec = spec::parse(toml, path).unwrap_or_else(|e| panic!("{e}"));
    render_markdown(&spec, &TemplateSet::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn spec_with(head: &str, parts: usize, part_extra: &str) -> String {
    let mut s = format!("template = \"review\"\ntitle = \"讲话\"\n{head}\n");
    for i in 1..=parts {
        s.push_str(&format!(
            "[[parts]]\nheading = \"第{i}项工作\"\nparagraphs = [\"内容{i}。\"]\n{part_extra}\n"
        ));
    }
    s
}

#[test]
fn transition_counts_parts_with_liang_for_two() {
    let md = render(&spec_with("", 2, ""));
    assert!(md.contains("下面，我讲两点意见。"), "{md}");
    let md = render(&spec_with("", 11, ""));
    assert!(md.contains("下面，我讲十一点意见。"), "{md}");
    assert!(md.contains("## 十一、第11项工作"), "{md}");
    let md = render(&spec_with("transition = \"\"", 3, ""));
    assert!(!md.contains("意见"), "empty transition means none: {md}");
    let md = render(&spec_with("transition = \"我再强调{n}个方面。\"", 4, ""));
    assert!(md.contains("我再强调四个方面。"), "{md}");
}

#[test]
fn numbering_schemes() {
    let md = render(&spec_with("numbering = \"di\"", 2, ""));
    assert!(md.contains("**第一，第1项工作**。内容1。"), "{md}");
    assert!(md.contains("**第二，第2项工作**。内容2。"), "{md}");
    let md = render(&spec_with("numbering = \"shouxian\"", 4, ""));
    for (i, w) in ["首先", "其次", "再次", "最后"].iter().enumerate() {
        assert!(
            md.contains(&format!("**{w}，第{}项工作**。", i + 1)),
            "{md}"
        );
    }
    let md = render(&spec_with("numbering = \"shouxian\"", 3, ""));
    assert!(md.contains("**最后，第3项工作**"), "{md}");
    let md = render(&spec_with("numbering = \"yao\"", 2, ""));
    assert!(md.contains("**二要第2项工作**。内容2。"), "{md}");
    let md = render(&spec_with("numbering = \"none\"", 2, ""));
    assert!(md.contains("## 第2项工作\n\n内容2。"), "{md}");
}

#[test]
fn sections_follow_the_standard_hierarchy() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"甲\"\n[[parts.sections]]\nheading = \"乙\"\n[[parts.sections.sections]]\nheading = \"丙\"\n[[parts.sections.sections.sections]]\nheading = \"丁\"\nparagraphs = [\"正文。\"]\n[[parts.sections.sections.sections]]\nheading = \"戊\"\n",
    );
    assert!(
        md.contains(
            "## 一、甲\n\n### （一）乙\n\n#### 1.丙\n\n**（1）丁**。正文。\n\n**（2）戊**。"
        ),
        "{md}"
    );
}

#[test]
fn enumerations() {
    let cases = [
        ("shi", "一是甲。二是乙。"),
        ("yao", "一要甲。二要乙。"),
        ("di", "第一，甲。第二，乙。"),
        ("fangmian", "一方面，甲。另一方面，乙。"),
        ("list", "甲。\n\n乙。"),
    ];
    for (e, want) in cases {
        let md = render(&format!(
            "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"工作\"\npoints = [\"甲\", \"乙。\"]\nenumeration = \"{e}\"\n"
        ));
        assert!(md.contains(want), "{e}: {md}");
    }
}

#[test]
fn double_newline_starts_a_paragraph_and_optional_fields_are_optional() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"工作\"\nparagraphs = [\"第一段。\\n\\n第二段。\"]\n",
    );
    assert_eq!(
        md,
        "# 讲话\n\n同志们：\n\n下面，我讲一点意见。\n\n## 一、工作\n\n第一段。\n\n第二段。\n"
    );
}

#[test]
fn markdown_keeps_every_character_the_user_typed() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"R&D\"\nparagraphs = [\"20**年要把<人才>工作和R&D投入抓好，做到“1+1>2”。\"]\n",
    );
    assert!(md.contains("## 一、R\\&D"), "{md}");
    assert!(
        md.contains("20\\*\\*年要把\\<人才\\>工作和R\\&D投入抓好，做到“1+1\\>2”。"),
        "{md}"
    );
    let doc = jianghua::doc::markdown::parse(&md);
    assert!(
        doc.plain_text()
            .contains("20**年要把<人才>工作和R&D投入抓好，做到“1+1>2”。")
    );
}

/// pandoc reads our Markdown back to exactly the user's text (skipped when pandoc is absent).
#[test]
fn pandoc_reads_back_every_character() {
    let Ok(out) = std::process::Command::new("pandoc")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped: pandoc not installed (set up by .ci/run)");
        assert!(
            std::env::var_os("JIANGHUA_REQUIRE_TOOLS").is_none(),
            "pandoc required"
        );
        return;
    };
    assert!(out.status.success());
    let tricky = "20**年、R&D、<人才>、a_b_c、$100、@张三、#1、~x~、^y^、“引号”、say \"ok\" now、--、...、[注]、`代码`、\\反斜杠";
    let md = render(&format!(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"工作\"\nparagraphs = [{}]\n",
        toml::Value::String(tricky.to_string())
    ));
    let mut child = std::process::Command::new("pandoc")
        .args(["-f", "markdown", "-t", "plain", "--wrap=none"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(md.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let plain = String::from_utf8(out.stdout).unwrap();
    // `...` after Chinese text is typeset as the ellipsis ……
    assert!(
        plain.contains(&tricky.replace("...", "……")),
        "pandoc read:\n{plain}"
    );
}

#[test]
fn users_punctuation_is_tidied_where_it_is_woven_in() {
    let md = render(
        "template = \"review\"\ntitle = \"测试\"\ntransition = \"下面,我讲{n}点意见\"\n[opening]\nmeeting = \"全县信访工作会议。\"\npurpose = \"研究部署信访积案化解工作。\"\njust-now = [\"县信访局通报了情况。\", \"3个乡镇作了发言；\"]\ncomment = \"发言很好\"\n[[parts]]\nheading = \"提高政治站位。\"\npoints = [\"信访工作是群众工作；\", \"要坚持人民至上,把群众的事当自己的事\", \"要做到事事有回音?\"]\nafter = [\"各单位要高度重视\"]\n",
    );
    assert!(md.contains("今天，我们召开全县信访工作会议，主要任务是研究部署信访积案化解工作。刚才，县信访局通报了情况，3个乡镇作了发言。发言很好。"), "{md}");
    assert!(md.contains("下面，我讲一点意见。"), "{md}");
    assert!(md.contains("## 一、提高政治站位\n"), "{md}");
    assert!(md.contains("一是信访工作是群众工作。二是要坚持人民至上，把群众的事当自己的事。三是要做到事事有回音？"), "{md}");
    assert!(md.contains("各单位要高度重视。"), "{md}");
}

#[test]
fn closing_call_gets_a_subject_only_when_it_has_none() {
    let base =
        "template = \"promotion\"\ntitle = \"测试\"\n[[parts]]\nheading = \"甲\"\n[closing]\n";
    let md = render(&format!(
        "{base}call = \"各级各部门要以只争朝夕的劲头抓落实\"\ngoal = \"推动工作上台阶\"\n"
    ));
    assert!(
        md.contains("各级各部门要以只争朝夕的劲头抓落实，推动工作上台阶！"),
        "{md}"
    );
    assert!(!md.contains("要各级各部门要"), "{md}");
    let md = render(&format!("{base}call = \"以只争朝夕的劲头抓落实\"\n"));
    assert!(md.contains("各级各部门要以只争朝夕的劲头抓落实！"), "{md}");
    let md = render(&format!("{base}goal = \"奋力谱写乡村振兴新篇章。\"\n"));
    assert!(
        md.contains("奋力谱写乡村振兴新篇章！"),
        "goal alone is kept: {md}"
    );
}

#[test]
fn run_in_parts_with_sections_and_siblings_that_look_alike() {
    let md = render(
        "template = \"promotion\"\ntitle = \"测试\"\n[[parts]]\nheading = \"要抓好下一步工作\"\n[[parts.sections]]\nheading = \"抓好甲\"\nparagraphs = [\"甲甲。\"]\n[[parts.sections]]\nheading = \"抓好乙\"\n[[parts.sections.sections]]\nheading = \"细项\"\nparagraphs = [\"丙丙。\"]\n[[parts]]\nheading = \"抓好丁\"\nparagraphs = [\"丁丁。\"]\n",
    );
    assert!(md.contains("**一要抓好下一步工作**。\n\n### （一）抓好甲\n\n甲甲。\n\n### （二）抓好乙\n\n**1.细项**。丙丙。"), "{md}");
    let doc = jianghua::doc::markdown::parse(&md);
    let levels: Vec<u8> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            jianghua::Block::Heading(h) => Some(h.level),
            jianghua::Block::Paragraph(p) => p.lead.as_ref().map(|l| l.level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, [1, 2, 2, 3, 1]);
}

#[test]
fn a_point_spanning_paragraphs_puts_every_point_in_its_own() {
    let md = render(
        "template = \"review\"\ntitle = \"测试\"\n[[parts]]\nheading = \"甲\"\npoints = [\"第一点。\\n\\n补充说明\", \"要第二点\"]\nenumeration = \"yao\"\n",
    );
    assert!(
        md.contains("一要第一点。\n\n补充说明。\n\n二要第二点。"),
        "{md}"
    );
}

#[test]
fn unheaded_parts_do_not_take_a_number_and_marker_words_are_kept() {
    let md = render(
        "template = \"review\"\ntitle = \"测试\"\n[[parts]]\nheading = \"。。\"\nparagraphs = [\"引言。\"]\n[[parts]]\nheading = \"甲\"\n[[parts]]\nheading = \"乙\"\n",
    );
    assert!(
        md.contains("下面，我讲两点意见。\n\n引言。\n\n## 一、甲\n\n## 二、乙"),
        "{md}"
    );
    let md = render(
        "template = \"promotion\"\ntitle = \"测试\"\n[[parts]]\nheading = \"要素保障要到位\"\npoints = [\"是非面前要清醒\", \"是否落实要跟踪\"]\n[[parts]]\nheading = \"抓落实\"\n[opening]\nmeeting = \"推进会\"\njust-now = [\"\", \"大家作了发言\", \"。\"]\n",
    );
    assert!(md.contains("**一要要素保障要到位**"), "{md}");
    assert!(
        md.contains("一是是非面前要清醒。二是是否落实要跟踪。"),
        "{md}"
    );
    assert!(md.contains("刚才，大家作了发言。"), "{md}");
}

fn doc(toml: &str) -> jianghua::doc::Doc {
    let spec = spec::parse(toml, Path::new("test.toml")).unwrap_or_else(|e| panic!("{e}"));
    jianghua::render::render_doc(&spec, &TemplateSet::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn any_salutation_is_a_flush_left_salutation() {
    use jianghua::doc::Block;
    let d = doc(
        "template = \"review\"\ntitle = \"讲话\"\nsalutation = [\"女士们、先生们\"]\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n",
    );
    assert_eq!(
        d.blocks[1],
        Block::Salutation {
            text: "女士们、先生们：".into()
        }
    );
}

#[test]
fn the_closing_addresses_the_speechs_own_audience() {
    let closing = |salutation: &str, template: &str| {
        let md = render(&format!(
            "template = \"{template}\"\ntitle = \"讲话\"\nsalutation = {salutation}\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n[closing]\ncall = \"携手共进\"\ngoal = \"共创美好未来\"\n"
        ));
        md.trim_end().rsplit("\n\n").next().unwrap().to_string()
    };
    // the stock 同志们， follows the salutation's last addressee when 同志们 is not among them
    assert_eq!(
        closing("[\"尊敬的各位来宾\", \"女士们、先生们\"]", "mobilization"),
        "女士们、先生们，任务已经明确，关键在于落实。让我们携手共进，共创美好未来！"
    );
    assert_eq!(
        closing("[]", "mobilization"),
        "同志们，任务已经明确，关键在于落实。让我们携手共进，共创美好未来！"
    );
    assert_eq!(
        closing("[\"尊敬的李华同志\", \"同志们\"]", "mobilization"),
        "同志们，任务已经明确，关键在于落实。让我们携手共进，共创美好未来！"
    );
}

#[test]
fn run_in_headings_keep_the_level_the_engine_gave_them() {
    use jianghua::doc::{Block, Heading};
    let leads = |d: &jianghua::doc::Doc| -> Vec<Heading> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => p.lead.clone(),
                _ => None,
            })
            .collect()
    };
    // a level-2 run-in heading under a part without a heading
    let d = doc(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nparagraphs = [\"引言。\"]\n[[parts.sections]]\nheading = \"加强领导\"\nparagraphs = [\"要加强领导。\"]\n",
    );
    assert_eq!(
        leads(&d),
        [Heading {
            level: 2,
            text: "（一）加强领导。".into()
        }]
    );
    // the same form at both levels: the section is still level 2
    let d = doc(
        "template = \"review\"\ntitle = \"讲话\"\nheading-forms = [\"yi\", \"yi\"]\n[[parts]]\nheading = \"甲\"\n[[parts.sections]]\nheading = \"乙\"\nparagraphs = [\"正文。\"]\n",
    );
    assert_eq!(
        leads(&d),
        [Heading {
            level: 2,
            text: "一、乙。".into()
        }]
    );
    assert!(d.blocks.contains(&Block::Heading(Heading {
        level: 1,
        text: "一、甲".into()
    })));
}

#[test]
fn a_markdown_list_in_a_template_is_refused_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.hbs"),
        "{{> head}}\n\n会议要求：\n\n- 第一项\n- 第二项\n\n{{> body}}\n",
    )
    .unwrap();
    let spec_path = dir.path().join("a.toml");
    let spec = spec::parse("template = \"mine.hbs\"\ntitle = \"讲话\"\n", &spec_path).unwrap();
    let err = render_markdown(&spec, &TemplateSet::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}:5:1：模板文字里写了 Markdown 的列表标记“-”：模板只写措辞，不写排版标记\n  提示：标题、称呼、各部分和列举由 {{{{> head}}}} 和 {{{{> body}}}} 按公文格式生成；要另起一段，空一行即可",
            dir.path().join("mine.hbs").display()
        )
    );
}

#[test]
fn template_text_is_kept_line_breaks_join_and_blank_lines_split() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.hbs"),
        "{{> head}}\n{{#if opening.meeting}}\n今天召开\n{{opening.meeting}}。\n{{/if}}\n\n另起一段。\n{{> body}}\n同志们，\n散会。\n",
    )
    .unwrap();
    let spec_path = dir.path().join("a.toml");
    let spec = spec::parse(
        "template = \"mine.hbs\"\ntitle = \"讲话\"\nsalutation = []\n[opening]\nmeeting = \"全县大会\"\n[[parts]]\nheading = \"甲\"\nparagraphs = [\"正文。\"]\n",
        &spec_path,
    )
    .unwrap();
    let d = jianghua::render::render_doc(&spec, &TemplateSet::default()).unwrap();
    let closing: Vec<bool> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            jianghua::doc::Block::Paragraph(p) => Some(p.closing),
            _ => None,
        })
        .collect();
    assert_eq!(
        d.plain_text(),
        "讲话\n今天召开全县大会。\n另起一段。\n一、甲\n正文。\n同志们，散会。\n"
    );
    assert_eq!(closing, [false, false, false, true]);
    // a template without {{> body}} would drop the parts: refused
    std::fs::write(dir.path().join("mine.hbs"), "{{> head}}\n").unwrap();
    let err = render_markdown(&spec, &TemplateSet::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("模板没有写 {{> body}}"), "{err}");
}

/// Renders `spec` (a.toml) in a temporary folder holding `files`, with that folder's
/// `templates/` as the overlay; the error text when it fails.
fn render_in(files: &[(&str, &[u8])], spec: &str) -> Result<String, String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let spec_path = dir.path().join("a.toml");
    std::fs::write(&spec_path, spec).unwrap();
    let spec = spec::load(&spec_path).map_err(|e| e.to_string())?;
    render_markdown(&spec, &TemplateSet::for_spec(None, &spec_path)).map_err(|e| {
        e.to_string()
            .replace(&dir.path().display().to_string(), "DIR")
    })
}

const REVIEW_SPEC: &str = "template = \"review\"\ntitle = \"讲话\"\n[opening]\nmeeting = \"述职评议会\"\njust-now = [\"大家作了述职\"]\n[[parts]]\nheading = \"肯定成绩\"\nkind = \"achievements\"\npoints = [\"甲。\", \"乙。\", \"丙。\"]\n[[parts]]\nheading = \"正视问题\"\nkind = \"problems\"\npoints = [\"丁。\", \"戊。\"]\n[closing]\ncall = \"抓好落实\"\ngoal = \"再创佳绩\"\n";

#[test]
fn a_template_that_extends_review_changes_only_its_closing() {
    let closing = "{{!--\nextends = \"review\"\n--}}\n{{#*inline \"closing\"}}\n同志们，{{closing.call}}，\n{{closing.goal}}！\n{{/inline}}\n";
    let md = render_in(&[("templates/review.hbs", closing.as_bytes())], REVIEW_SPEC).unwrap();
    let built_in = render(REVIEW_SPEC);
    let cut = |s: &str| s[..s.rfind("同志们").unwrap()].to_string();
    assert_eq!(
        cut(&md),
        cut(&built_in),
        "everything but the closing is inherited"
    );
    assert!(
        md.ends_with("同志们，希望大家抓好落实，再创佳绩！\n"),
        "{md}"
    );
    // an unknown block, and text outside a block, are refused where they stand
    let typo = closing.replace("\"closing\"", "\"closin\"");
    let err = render_in(&[("templates/review.hbs", typo.as_bytes())], REVIEW_SPEC).unwrap_err();
    assert_eq!(
        err,
        "DIR/templates/review.hbs:4:1：继承的类型里没有名为 \"closin\" 的块\n  提示：是不是想写 \"closing\"？可以改写的块：closing、opening"
    );
    let stray = format!("{closing}多写的一句。\n");
    let err = render_in(&[("templates/review.hbs", stray.as_bytes())], REVIEW_SPEC).unwrap_err();
    assert!(
        err.starts_with("DIR/templates/review.hbs:8:1：继承别的类型的模板只能写"),
        "{err}"
    );
    // only the defaults
    let defaults = "{{!--\nextends = \"review\"\ntransition = \"下面，我再强调{n}点。\"\n--}}\n";
    let md = render_in(
        &[("templates/my.hbs", defaults.as_bytes())],
        &REVIEW_SPEC.replace("\"review\"", "\"my\""),
    )
    .unwrap();
    assert!(md.contains("下面，我再强调两点。"), "{md}");
    assert!(md.contains("同志们，今天的述职评议会既是一次检阅"), "{md}");
}

#[test]
fn stock_phrases_are_chosen_by_number_or_name_and_must_fit() {
    let md = render(REVIEW_SPEC);
    // the default comment and closing, and an intro without 几 before exactly two points
    assert!(md.contains("总的来看，大家的述职实事求是"), "{md}");
    assert!(
        md.contains("同志们，今天的述职评议会既是一次检阅，也是一次再动员。希望大家抓好落实"),
        "{md}"
    );
    assert!(md.contains("在肯定成绩的同时，也要清醒地看到"), "{md}");
    let md = render(&format!(
        "{REVIEW_SPEC}[phrases]\nclosing = 2\ncomment = \"坦诚\"\n"
    ));
    assert!(
        md.contains("同志们，述职评议不是终点，抓好落实才是关键。希望大家"),
        "{md}"
    );
    assert!(md.contains("大家的述职态度端正"), "{md}");
    // 在肯定成绩的同时 needs a part that affirmed something before it
    let no_affirm = REVIEW_SPEC.replace("kind = \"achievements\"", "kind = \"other\"");
    let md = render(&no_affirm);
    assert!(!md.contains("在肯定成绩的同时"), "{md}");
    assert!(
        md.contains("对照上级要求和群众期盼，工作中还存在一些差距和短板"),
        "{md}"
    );
    // 几条 never announces exactly two points
    let two = "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"体会\"\nkind = \"experience\"\npoints = [\"甲。\", \"乙。\"]\n";
    let md = render(two);
    assert!(
        md.contains("有这样一些体会值得坚持。一是甲。二是乙。"),
        "{md}"
    );
    let three = two.replace("\"乙。\"]", "\"乙。\", \"丙。\"]");
    assert!(render(&three).contains("有几条体会值得坚持。一是甲。"));
    // a pick that does not fit, or does not exist, is an error at the pick
    let path = Path::new("test.toml");
    let picked = format!("{two}[phrases]\nexperience = 1\n");
    let s = spec::parse(&picked, path).unwrap();
    let err = render_markdown(&s, &TemplateSet::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "test.toml:8:14：套话“回顾这一段工作，有几条体会值得坚持。”放在这里不合适：“几”预告的是三点以上，不用来预告一两点\n  提示：换一句，或删掉这一行，由程序挑一句合适的"
    );
    let s = spec::parse(
        &format!("{REVIEW_SPEC}[phrases]\nclosing = 4\nclosng = 1\n"),
        path,
    )
    .unwrap();
    let err = render_markdown(&s, &TemplateSet::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("模板没有名为 closng 的套话"), "{err}");
    assert!(err.contains("是不是想写 closing？"), "{err}");
    let s = spec::parse(&format!("{REVIEW_SPEC}[phrases]\nclosing = 4\n"), path).unwrap();
    let err = render_markdown(&s, &TemplateSet::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("套话 closing 没有这一句"), "{err}");
    assert!(err.contains("可选：1 检阅、2 落实、3 担当"), "{err}");
}

#[test]
fn every_built_in_type_offers_three_fitting_alternatives_for_each_stock_phrase() {
    let set = TemplateSet::default();
    for name in set.speech_names() {
        let p = set.prepare(&name, Path::new(".")).unwrap();
        for key in ["comment", "closing"] {
            let alts = &p.front.phrases[key];
            assert!(alts.0.len() >= 3, "{name}.{key}");
            assert!(
                alts.0.iter().all(|a| a.name().is_some()),
                "{name}.{key} named"
            );
        }
        for (kind, alts) in p.front.intro.by_kind() {
            assert!(alts.0.len() >= 3, "{name} intro {kind}");
            // whatever comes before and however many points follow, one alternative fits
            for points in 1..5 {
                for affirmed in [false, true] {
                    assert!(
                        alts.0.iter().any(|a| jianghua::doc::roles::intro_misfit(
                            a.text(),
                            points,
                            affirmed
                        )
                        .is_none()),
                        "{name} intro {kind}: {points} points, affirmed {affirmed}"
                    );
                }
            }
        }
    }
}

#[test]
fn custom_templates_read_the_specs_vars() {
    let t = "{{> head}}\n\n今天，我们隆重表彰{{join vars.honorees \"、\"}}等{{count vars.honorees}}个先进集体。\n\n{{> body}}\n";
    let md = render_in(
        &[("templates/表彰大会.hbs", t.as_bytes())],
        "template = \"表彰大会\"\ntitle = \"在表彰大会上的讲话\"\nsalutation = []\n[vars]\nhonorees = [\"城关镇\", \"河西乡\"]\n",
    )
    .unwrap();
    assert_eq!(
        md,
        "# 在表彰大会上的讲话\n\n今天，我们隆重表彰城关镇、河西乡等两个先进集体。\n"
    );
}

#[test]
fn a_misspelt_or_mistyped_var_is_an_error_not_the_templates_sample() {
    let t = "{{!--\ndescription = \"表彰大会讲话\"\n[vars]\nhonorees = [\"某某单位\", \"某某单位\"]\n--}}\n{{> head}}\n\n今天，我们隆重表彰{{join vars.honorees \"、\"}}。\n\n{{> body}}\n";
    let files: &[(&str, &[u8])] = &[("templates/表彰大会.hbs", t.as_bytes())];
    let head = "template = \"表彰大会\"\ntitle = \"在表彰大会上的讲话\"\nsalutation = []\n[vars]\n";
    assert_eq!(
        render_in(files, &format!("{head}honoree = [\"城关镇\"]\n")).unwrap_err(),
        "DIR/a.toml:5:11：模板没有用到 `vars.honoree`\n  提示：是不是想写 `honorees`？这个模板的 [vars] 有：honorees"
    );
    assert_eq!(
        render_in(files, &format!("{head}honorees = 3\n")).unwrap_err(),
        "DIR/a.toml:5:12：`vars.honorees` 的类型不对：模板要的是列表（[\"…\", \"…\"]），这里写的是数字\n  提示：照模板的样例写，例如 honorees = [\"某某单位\", \"某某单位\"]"
    );
    assert_eq!(
        render_in(files, &format!("{head}honorees = [\"城关镇\"]\n")).unwrap(),
        "# 在表彰大会上的讲话\n\n今天，我们隆重表彰城关镇。\n"
    );
}

#[test]
fn bad_templates_are_errors_at_their_place() {
    let spec = "template = \"mine.hbs\"\ntitle = \"讲话\"\n";
    let err = |t: &str| render_in(&[("mine.hbs", t.as_bytes())], spec).unwrap_err();
    assert_eq!(
        err("{{> head}}\n\n{{#if opening.meeting}}\n开会。\n\n{{> body}}\n"),
        "DIR/mine.hbs:3:1：{{#if}} 没有对应的 {{/if}}\n  提示：在这一块结束的地方写 {{/if}}"
    );
    assert_eq!(
        err("{{> head}}\n{{#each opening.paragraphs}}\n{{this}}\n{{> body}}\n"),
        "DIR/mine.hbs:2:1：{{#each}} 没有对应的 {{/each}}\n  提示：在这一块结束的地方写 {{/each}}"
    );
    // partials that include each other
    let e = render_in(
        &[
            ("mine.hbs", b"{{> head}}\n{{> a}}\n{{> body}}\n"),
            ("templates/_a.hbs", b"{{> b}}"),
            ("templates/_b.hbs", b"{{> a}}"),
        ],
        spec,
    )
    .unwrap_err();
    assert_eq!(
        e,
        "DIR/templates/_a.hbs：模板片段互相引用，没有尽头：DIR/templates/_a.hbs → DIR/templates/_b.hbs → DIR/templates/_a.hbs\n  提示：去掉其中一处 {{> 片段名}}；各部分的层层嵌套由 {{> body}} 排出，模板不必递归"
    );
    // a partial including itself, even under a condition
    let e = render_in(
        &[
            ("mine.hbs", b"{{> head}}\n{{#> me}}x{{/me}}\n{{> body}}\n"),
            ("templates/_me.hbs", b"{{#if title}}{{> me}}{{/if}}"),
        ],
        spec,
    )
    .unwrap_err();
    assert!(
        e.starts_with("DIR/templates/_me.hbs：模板片段互相引用，没有尽头：DIR/templates/_me.hbs → DIR/templates/_me.hbs"),
        "{e}"
    );
    // bad UTF-8 in a partial is blamed on the partial
    let e = render_in(
        &[
            ("mine.hbs", b"{{> head}}\n{{> a}}\n{{> body}}\n"),
            ("templates/_a.hbs", b"\xe8\xae\xb2\n\xff\xfe"),
        ],
        spec,
    )
    .unwrap_err();
    assert_eq!(
        e,
        "DIR/templates/_a.hbs:2:1：模板文件不是 UTF-8 编码（看起来是未知编码），无法读取\n  提示：请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行"
    );
    // a front-matter type error is positioned
    let e = err("{{!--\nnumbering = 3\n--}}\n{{> head}}\n{{> body}}\n");
    assert!(
        e.starts_with("DIR/mine.hbs:2:13：模板开头的默认设置有误"),
        "{e}"
    );
}

#[test]
fn a_spec_template_path_stays_in_the_specs_folder() {
    for bad in [
        "/etc/passwd",
        "../../x.hbs",
        "/proc/self/environ",
        "/dev/zero",
    ] {
        let e = render_in(&[], &format!("template = \"{bad}\"\ntitle = \"讲话\"\n")).unwrap_err();
        assert_eq!(
            e,
            "DIR/a.toml:1:12：模板路径只能指向要素文件所在目录（或其子目录）里的文件\n  提示：把模板文件放在要素文件旁边（或其子目录里），写相对路径，如 \"mine.hbs\"",
            "{bad}"
        );
    }
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.hbs")).unwrap();
        let spec_path = dir.path().join("a.toml");
        std::fs::write(&spec_path, "template = \"link.hbs\"\ntitle = \"讲话\"\n").unwrap();
        let s = spec::load(&spec_path).unwrap();
        let e = render_markdown(&s, &TemplateSet::for_spec(None, &spec_path))
            .unwrap_err()
            .to_string();
        assert!(e.contains("指向要素文件所在目录之外的链接"), "{e}");
        // a template folder's link leading outside is not followed
        let tdir = dir.path().join("templates");
        std::fs::create_dir(&tdir).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", tdir.join("review.hbs")).unwrap();
        std::fs::write(&spec_path, "template = \"review\"\ntitle = \"讲话\"\n").unwrap();
        let s = spec::load(&spec_path).unwrap();
        let e = render_markdown(&s, &TemplateSet::for_spec(None, &spec_path))
            .unwrap_err()
            .to_string();
        assert!(e.contains("指向模板目录之外的链接"), "{e}");
    }
    // --templates naming a folder that does not exist
    let s = spec::parse(
        "template = \"review\"\ntitle = \"讲话\"\n",
        Path::new("a.toml"),
    )
    .unwrap();
    let e = render_markdown(
        &s,
        &TemplateSet::for_spec(Some(Path::new("no-such-dir")), Path::new("a.toml")),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("找不到模板目录 no-such-dir"), "{e}");
}

#[test]
fn a_number_the_writer_typed_is_not_doubled() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\n\
         [[parts]]\nheading = \"一、要紧盯重点\"\npoints = [\"一是抓学习\", \"二是：抓落实\", \"一方面要学，另一方面要做\"]\n\
         [[parts]]\nheading = \"（二）抓好考核\"\nparagraphs = [\"内容。\"]\n\
         [[parts]]\nheading = \"第三，一流营商环境\"\nparagraphs = [\"内容。\"]\n",
    );
    assert!(md.contains("## 一、要紧盯重点\n"), "{md}");
    assert!(
        md.contains("一是抓学习。二是抓落实。三是一方面要学，另一方面要做。"),
        "{md}"
    );
    assert!(md.contains("## 二、抓好考核\n"), "{md}");
    assert!(md.contains("## 三、一流营商环境\n"), "{md}");
    let md = render(
        "template = \"promotion\"\ntitle = \"讲话\"\n\
         [[parts]]\nheading = \"一要抓学习\"\n\
         [[parts]]\nheading = \"第二，抓落实\"\n\
         [[parts]]\nheading = \"要素保障\"\n",
    );
    assert!(md.contains("**一要抓学习**"), "{md}");
    assert!(md.contains("**二要抓落实**"), "{md}");
    assert!(md.contains("**三要要素保障**"), "{md}");
}

#[test]
fn unnumbered_headings_and_list_items_keep_the_writers_numbers() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\n\
         [[parts]]\nheading = \"三、下一步工作\"\nheading-form = \"unnumbered\"\npoints = [\"一是抓学习\", \"二是抓落实\"]\nenumeration = \"list\"\n",
    );
    assert!(md.contains("三、下一步工作"), "{md}");
    assert!(md.contains("一是抓学习。\n\n二是抓落实。"), "{md}");
}

#[test]
fn a_run_in_heading_ending_in_a_quote_is_bold_up_to_the_quote_and_reads_back_whole() {
    let md = render(
        "template = \"review\"\ntitle = \"讲话\"\nnumbering = \"di\"\n[[parts]]\nheading = \"突出抓好“三个环节”\"\nparagraphs = [\"正文。\"]\n[[parts]]\nheading = \"落实《条例》\"\nparagraphs = [\"正文。\"]\n",
    );
    assert!(md.contains("**第一，突出抓好“三个环节”**。正文。"), "{md}");
    assert!(md.contains("**第二，落实《条例》**。正文。"), "{md}");
    let read = jianghua::doc::markdown::parse(&md);
    let leads: Vec<String> = read
        .blocks
        .iter()
        .filter_map(|b| match b {
            jianghua::doc::Block::Paragraph(p) => p.lead.as_ref().map(|l| l.text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        leads,
        ["第一，突出抓好“三个环节”。", "第二，落实《条例》。"]
    );
}

#[test]
fn a_lone_part_gets_no_word_that_promises_more() {
    for numbering in ["shouxian", "di", "yao"] {
        let md = render(&spec_with(&format!("numbering = \"{numbering}\""), 1, ""));
        assert!(md.contains("\n**第1项工作**。内容1。"), "{numbering}: {md}");
        let md = render(&spec_with(&format!("numbering = \"{numbering}\""), 2, ""));
        assert!(!md.contains("\n**第1项工作**"), "{numbering}: {md}");
    }
    // the standard forms still number a lone part
    let md = render(&spec_with("numbering = \"standard\"", 1, ""));
    assert!(md.contains("## 一、第1项工作"), "{md}");
}

#[test]
fn a_heading_that_is_only_a_marker_keeps_its_words() {
    // the numbering writes its own marker and drops the one typed before the words; a heading
    // with no other words (`一是，`) keeps what it has instead of vanishing
    let md = render(
        "template = \"review\"\ntitle = \"测试\"\n[[parts]]\nheading = \"甲\"\n[[parts.sections]]\nheading = \"一是，\"\nparagraphs = [\"内容。\"]\n[[parts.sections]]\nheading = \"（2）乙\"\n",
    );
    assert!(md.contains("（一）一是"), "{md}");
    assert!(md.contains("（二）乙"), "{md}");
}
