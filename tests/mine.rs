//! Mining: our own fixtures (noise, GB18030, UTF-8 with BOM, .docx, every numbering form) are
//! pinned with snapshots (`INSTA_UPDATE=always cargo test` or `cargo insta accept` to bless);
//! the round trip over the sample corpus in `$JIANGHUA_CORPUS/seeds` (default
//! `../shared/corpus`) mines each speech to a spec, writes it as TOML, loads it back, renders it
//! with the built-in templates and compares the text with the cleaned sample.

use jianghua::mine::{self, Mined};
use jianghua::template::TemplateSet;
use std::path::{Path, PathBuf};

mod common;
use common::{corpus, docx_of_lines};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mine")
}

fn mine_fixture(name: &str) -> Vec<Mined> {
    mine::mine_file(&fixtures().join(name)).unwrap()
}

/// The text of the .docx fixture (written by us); `BLESS=1` regenerates the file.
const ARTICLE: &[&str] = &[
    "以党建引领基层治理提质增效",
    "（县委组织部　李明）",
    "基层治理是国家治理的基石。近年来，我县坚持党建引领，推动治理重心下移，基层治理效能不断提升。为进一步巩固成果，要从以下四个方面持续用力。",
    "首先，健全组织体系，夯实治理根基。要推动党组织向网格、小区、楼栋延伸，做到哪里有群众，哪里就有党的组织。",
    "其次，整合治理资源，形成工作合力。要建立街道社区党组织牵头的联席会议制度，统筹驻区单位资源，实现共驻共建。",
    "再次，创新服务方式，提升群众满意度。要推行“群众点单、社区派单、党员接单”的服务模式，及时回应群众诉求。",
    "最后，强化激励保障，激发干事活力。要落实社区工作者待遇保障，完善容错纠错机制，让基层干部放开手脚干事。",
    "总之，党建引领基层治理是一项长期任务，必须坚持不懈、久久为功，不断开创基层治理新局面。",
];

/// Everything a user sees for one fixture: summary, outline, cleaning report, spec.
fn describe(mined: &[Mined]) -> String {
    let mut out = String::new();
    for m in mined {
        out.push_str(&format!(
            "## {}\n{}\n\n",
            m.source.label(),
            mine::outline::summary(m)
        ));
        out.push_str(&mine::outline::outline(m));
        out.push_str("\n### removed\n");
        for l in &m.report.removed_lines {
            out.push_str(&format!("- {l}\n"));
        }
        out.push_str(&format!("### injected: {:?}\n", m.report.injected));
        out.push_str("### placeholders\n");
        for p in &m.placeholders {
            out.push_str(&format!("- {} at {}:{}\n", p.text, p.line, p.column));
        }
        out.push_str("### spec\n");
        out.push_str(&toml::to_string(&m.spec()).unwrap());
        out.push('\n');
    }
    out
}

fn assert_round_trip(mined: &[Mined]) {
    for m in mined {
        let rendered = round_trip(m);
        let sim = mine::similarity(&rendered, &m.cleaned_text());
        assert!(
            sim >= 0.98,
            "{} {}: {:.2}%\n--- cleaned\n{}--- rendered\n{rendered}",
            m.file.display(),
            m.label,
            sim * 100.0,
            m.cleaned_text()
        );
    }
}

#[test]
fn review_with_site_noise() {
    let mined = mine_fixture("review_noise.txt");
    assert_eq!(mined.len(), 1);
    insta::assert_snapshot!("review_noise", describe(&mined));
    assert_round_trip(&mined);
}

#[test]
fn gb18030_promotion_with_yao_parts() {
    let mined = mine_fixture("promotion_gbk.txt");
    assert_eq!(mined[0].source, mine::decode::Source::Gb18030);
    insta::assert_snapshot!("promotion_gbk", describe(&mined));
    assert_round_trip(&mined);
}

#[test]
fn collection_with_pieces() {
    let mined = mine_fixture("collection.txt");
    let labels: Vec<&str> = mined.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["第1篇", "第2篇·篇一", "第2篇·篇二"]);
    insta::assert_snapshot!("collection", describe(&mined));
    assert_round_trip(&mined);
}

#[test]
fn docx_article() {
    let path = fixtures().join("article.docx");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, docx_of_lines(ARTICLE)).unwrap();
    }
    let mined = mine::mine_file(&path).unwrap();
    assert_eq!(
        mined[0].cleaned, ARTICLE,
        "article.docx is stale: run with BLESS=1"
    );
    insta::assert_snapshot!("article_docx", describe(&mined));
    assert_round_trip(&mined);
}

#[test]
fn mined_templates_render_back_to_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "review_noise.txt",
        "promotion_gbk.txt",
        "collection.txt",
        "article.docx",
    ] {
        for (k, m) in mine_fixture(name).iter().enumerate() {
            let hbs_name = format!("mined{k}.hbs");
            let (hbs, spec) = mine::template::to_template(m, &hbs_name);
            std::fs::write(dir.path().join(&hbs_name), hbs).unwrap();
            let spec_path = dir.path().join(format!("mined{k}.toml"));
            let toml = toml::to_string(&spec).unwrap();
            let spec = jianghua::spec::parse(&toml, &spec_path).unwrap();
            let doc = jianghua::render::render_doc(&spec, &TemplateSet::default()).unwrap();
            let sim = mine::similarity(&doc.plain_text(), &m.cleaned_text());
            assert!(sim >= 0.98, "{name} {k}: {sim}\n{}", doc.plain_text());
        }
    }
}

#[test]
fn doc_and_other_files_are_refused_with_advice() {
    let err = mine::mine_bytes(Path::new("讲话.doc"), b"\xD0\xCF\x11\xE0").unwrap_err();
    assert_eq!(
        err.to_string(),
        "讲话.doc：这是旧版 Word 文件（.doc），无法直接读取\n  提示：请在 Word 或 WPS 中打开，“另存为”.docx 格式后再运行；或运行 `libreoffice --headless --convert-to docx 文件.doc`"
    );
    let err = mine::mine_bytes(Path::new("坏.docx"), b"not a zip").unwrap_err();
    assert_eq!(
        err.to_string(),
        "坏.docx：无法读取 .docx 文件：不是有效的 zip 压缩包\n  提示：请确认文件能在 Word 或 WPS 中打开；必要时重新“另存为”.docx"
    );
    let err = mine::mine_bytes(Path::new("乱码.txt"), &[0x81, 0x20, 0xFF, 0xFF]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "乱码.txt:1:1：无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK\n  提示：请用文本编辑器把文件另存为 UTF-8 编码后再运行"
    );
}

fn mine_seeds(dir: &Path) -> Vec<Mined> {
    let files = common::files_in(&dir.join("seeds"));
    files
        .iter()
        .flat_map(|f| mine::mine_file(f).unwrap())
        .collect()
}

/// Renders a mined speech's spec back to plain text, through TOML and the normal loader.
fn round_trip(m: &Mined) -> String {
    let toml = m.spec_toml();
    let path = Path::new("mined.toml");
    let spec = jianghua::spec::parse(&toml, path)
        .unwrap_or_else(|e| panic!("mined spec does not load: {e}\n{toml}"));
    let doc = jianghua::render::render_doc(&spec, &TemplateSet::default())
        .unwrap_or_else(|e| panic!("mined spec does not render: {e}\n{toml}"));
    doc.plain_text()
}

#[test]
fn corpus_round_trip_is_at_least_98_percent_per_speech() {
    let Some(dir) = corpus() else {
        println!("skipped: corpus not found (set JIANGHUA_CORPUS or put it at ../shared/corpus)");
        return;
    };
    let mined = mine_seeds(&dir);
    let mut failures = Vec::new();
    println!(
        "{:<24} {:>6} {:>9} {:>16}",
        "speech", "parts", "similar", "with ¶ breaks"
    );
    for m in &mined {
        let rendered = round_trip(m);
        let sim = mine::similarity(&rendered, &m.cleaned_text());
        // the same with paragraph breaks counted as characters: how much layout moved
        let breaks = |t: &str| t.replace('\n', "¶");
        let layout = mine::similarity(&breaks(&rendered), &breaks(&m.cleaned_text()));
        let name = format!(
            "{} {}",
            m.file
                .file_name()
                .unwrap()
                .to_string_lossy()
                .chars()
                .take(3)
                .collect::<String>(),
            if m.label.is_empty() { "-" } else { &m.label }
        );
        println!(
            "{name:<24} {:>6} {:>8.3}% {:>15.3}%",
            m.speech.parts.len(),
            sim * 100.0,
            layout * 100.0
        );
        if std::env::var_os("JIANGHUA_MINE_DEBUG").is_some() {
            println!(
                "--- cleaned\n{}--- rendered\n{rendered}---",
                m.cleaned_text()
            );
        }
        if sim < 0.98 {
            failures.push(format!("{name}: {:.2}%", sim * 100.0));
        }
    }
    // the same through a mined template
    let dir = tempfile::tempdir().unwrap();
    for (k, m) in mined.iter().enumerate() {
        let hbs_name = format!("seed{k}.hbs");
        let (hbs, spec) = mine::template::to_template(m, &hbs_name);
        std::fs::write(dir.path().join(&hbs_name), hbs).unwrap();
        let toml = toml::to_string(&spec).unwrap();
        let spec = jianghua::spec::parse(&toml, &dir.path().join("seed.toml")).unwrap();
        let doc = jianghua::render::render_doc(&spec, &TemplateSet::default()).unwrap();
        let sim = mine::similarity(&doc.plain_text(), &m.cleaned_text());
        if sim < 0.98 {
            failures.push(format!("template {k}: {:.2}%", sim * 100.0));
        }
    }
    assert_eq!(mined.len(), 16, "the seeds hold 16 speeches");
    assert!(failures.is_empty(), "below 98%: {failures:?}");
}

fn jianghua(args: &[&str], cwd: &Path) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_mine_writes_one_spec_per_speech_named_after_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixtures().join("collection.txt");
    let (ok, stdout, stderr) = jianghua(
        &["mine", file.to_str().unwrap(), "--out-dir", "specs"],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout,
        "《在全镇安全生产工作会议上的讲话》（第1篇）：类型 工作会议（内置模板没有这一类，用最接近的 mobilization），2 个部分，过渡句宣布两点，无占位符\n  → 已写入 specs/在全镇安全生产工作会议上的讲话.toml\n《经验交流会讲话篇一》（第2篇·篇一）：类型 mobilization，3 个部分，没有过渡句，无占位符\n  → 已写入 specs/经验交流会讲话篇一.toml\n《经验交流会讲话篇二》（第2篇·篇二）：类型 article，1 个部分，没有过渡句，无占位符\n  → 已写入 specs/经验交流会讲话篇二.toml\n"
    );
    let spec = jianghua::spec::load(&dir.path().join("specs/在全镇安全生产工作会议上的讲话.toml"))
        .unwrap();
    assert_eq!(spec.value.parts.len(), 2);
    assert_eq!(
        spec.value.transition.as_deref(),
        Some("下面，我讲{n}点意见。")
    );
    // rendering the written spec works from the command line too
    let (ok, md, stderr) = jianghua(
        &[
            "render",
            "specs/在全镇安全生产工作会议上的讲话.toml",
            "-o",
            "-",
        ],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    assert!(
        md.starts_with("# 在全镇安全生产工作会议上的讲话\n\n同志们：\n\n"),
        "{md}"
    );
    // mining again does not overwrite the specs (the user may have edited them) …
    let spec_path = dir.path().join("specs/在全镇安全生产工作会议上的讲话.toml");
    std::fs::write(&spec_path, "已修改").unwrap();
    let (ok, _, stderr) = jianghua(
        &["mine", file.to_str().unwrap(), "--out-dir", "specs"],
        dir.path(),
    );
    assert!(!ok);
    assert_eq!(
        stderr,
        "错误：无法写入 specs/在全镇安全生产工作会议上的讲话.toml：文件已存在；如要覆盖，请加 --force（这次什么也没有写）\n"
    );
    assert_eq!(std::fs::read_to_string(&spec_path).unwrap(), "已修改");
    // … unless asked to
    let (ok, _, stderr) = jianghua(
        &[
            "mine",
            file.to_str().unwrap(),
            "--out-dir",
            "specs",
            "--force",
        ],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    assert_ne!(std::fs::read_to_string(&spec_path).unwrap(), "已修改");
}

#[test]
fn cli_mine_outline_json_and_template() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixtures().join("promotion_gbk.txt");
    let file = file.to_str().unwrap();
    let (ok, stdout, stderr) = jianghua(&["mine", file, "--format", "outline"], dir.path());
    assert!(ok, "{stderr}");
    insta::assert_snapshot!("cli_outline", stdout.replace(file, "promotion_gbk.txt"));

    let (ok, stdout, _) = jianghua(&["mine", file, "-f", "json"], dir.path());
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let blocks = json[0]["doc"]["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["role"], "title");
    assert_eq!(blocks[1]["role"], "salutation");
    assert_eq!(json[0]["placeholders"][0]["text"], "X");

    let (ok, _, stderr) = jianghua(
        &["mine", file, "-f", "template", "--out-dir", "t"],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    let stem = "在全市乡村振兴重点工作推进会上的讲话";
    let hbs = std::fs::read_to_string(dir.path().join(format!("t/{stem}.hbs"))).unwrap();
    assert!(
        hbs.contains("transition = \"下面，就抓好下一阶段重点工作，我再强调几点意见。\""),
        "{hbs}"
    );
    assert!(hbs.contains("{{#if @first}}同志们，{{/if}}"), "{hbs}");
    let (ok, md, stderr) = jianghua(
        &["render", &format!("t/{stem}.toml"), "-o", "-"],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    assert!(
        md.contains("下面，就抓好下一阶段重点工作，我再强调几点意见。"),
        "{md}"
    );
    assert!(md.contains("同志们，时间过半"), "{md}");
}

#[test]
fn cli_mine_stats_summarises_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = jianghua(
        &["mine", "--stats", fixtures().to_str().unwrap()],
        dir.path(),
    );
    assert!(ok, "{stderr}");
    insta::assert_snapshot!("cli_stats", stdout);
}

#[test]
fn cli_mine_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = jianghua(&["mine", "没有这个文件.txt"], dir.path());
    assert!(!ok);
    assert_eq!(
        stderr,
        "错误：无法读取 没有这个文件.txt：文件或目录不存在\n"
    );
    std::fs::write(dir.path().join("旧.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    let (ok, _, stderr) = jianghua(&["mine", "旧.doc"], dir.path());
    assert!(!ok);
    assert!(
        stderr.starts_with("错误：旧.doc：这是旧版 Word 文件（.doc），无法直接读取\n  提示："),
        "{stderr}"
    );
    let (ok, _, stderr) = jianghua(&["mine", "--stats", "没有这个目录"], dir.path());
    assert!(!ok);
    assert_eq!(
        stderr,
        "错误：没有这个目录：不是目录；--stats 需要一个存放范文的目录\n"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;

    fn clause() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "加强",
                "领导",
                "落实",
                "基层",
                "党建",
                "工作",
                "推进",
                "一是",
                "二是",
                "要",
                "同志们",
                "X",
                "XX",
                "20xx",
                "×",
                "，",
                "、",
                "“",
                "”",
                "（",
                "）",
                "(",
                ")",
                ",",
                ":",
                " ",
                "心得体会",
                "1.5",
                "第一",
                "首先",
                "另一方面",
            ]),
            1..12,
        )
        .prop_map(|v| v.concat())
    }

    fn marker() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec![
                "一、",
                "二、",
                "三、",
                "（一）",
                "（二）",
                "(三)",
                "1.",
                "2、",
                "3．",
                "（1）",
                "(2)",
                "1）",
                "2)",
                "第一，",
                "第二，",
                "首先，",
                "其次，",
                "再次，",
                "最后，",
                "一要",
                "二要",
                "三要",
                "一是",
                "二是",
                "",
            ]),
            clause(),
            prop::sample::select(vec!["。", "！", "", "：", "；"]),
            prop::option::of(clause()),
        )
            .prop_map(|(m, head, end, body)| {
                let body = body.map(|b| format!("{b}。")).unwrap_or_default();
                format!("{m}{head}{end}{body}")
            })
    }

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => marker(),
            1 => Just("同志们：".to_string()),
            1 => Just("在全县工作会议上的讲话".to_string()),
            1 => Just("下面，我讲三点意见。".to_string()),
            1 => Just("同志们，要抓好落实！".to_string()),
            1 => Just("15位用户关注".to_string()),
            1 => Just("第2篇 述职会讲话".to_string()),
            1 => Just("讲话篇一".to_string()),
            1 => Just(String::new()),
            1 => "\\PC{0,20}",
        ]
    }

    proptest! {
        // 256 cases by default; `PROPTEST_CASES=20000 cargo test --test mine properties` digs
        // deeper, and a failure found is saved to tests/mine.proptest-regressions and re-run
        // first from then on
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
            ..ProptestConfig::default()
        })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            for name in ["a.txt", "a.docx", "a.md"] {
                if let Ok(mined) = mine::mine_bytes(Path::new(name), &bytes) {
                    for m in &mined {
                        let _ = m.spec_toml();
                        let _ = mine::outline::outline(m);
                    }
                }
            }
        }

        /// Segmenting loses no text, and every mined spec loads back and renders close to its
        /// sample (modulo numbering).
        #[test]
        fn genre_like_text_mines_losslessly_and_renders_back(lines in prop::collection::vec(line(), 1..25)) {
            let text = lines.join("\n");
            let mined = mine::mine_bytes(Path::new("p.txt"), text.as_bytes()).unwrap();
            for m in &mined {
                let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                prop_assert_eq!(squash(&m.doc().plain_text()), squash(&m.cleaned_text()));
                let toml = m.spec_toml();
                let spec = jianghua::spec::parse(&toml, Path::new("p.toml"));
                prop_assert!(spec.is_ok(), "{:?}\n{}", spec.err().map(|e| e.to_string()), toml);
                let doc = jianghua::render::render_doc(&spec.unwrap(), &TemplateSet::default());
                prop_assert!(doc.is_ok(), "{:?}\n{}", doc.err().map(|e| e.to_string()), toml);
                // a sample without a title gets the file name as its title
                let mut expected = m.cleaned_text();
                if m.speech.title.is_none() {
                    expected = format!("p\n{expected}");
                }
                // ordinals are renumbered by the renderer (二、 alone becomes 一、) and it tidies
                // sentence ends (a standalone heading loses its 。, a point ends in 。, a run of
                // marks at a sentence's end becomes one): compare modulo numerals and clause
                // punctuation, with every mark full-width (:! → ：！) and without spaces
                let no_numerals = |t: &str| {
                    squash(&jianghua::doc::punct::full_width(t))
                        .replace(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '1', '2', '3'], "")
                        .replace(jianghua::doc::punct::is_end_punct, "")
                        .replace("首先", "").replace("其次", "").replace("再次", "").replace("最后", "")
                };
                let sim = mine::similarity(
                    &no_numerals(&doc.unwrap().plain_text()),
                    &no_numerals(&expected),
                );
                // random line soups can ask for what no numbering writes (五个“首先”); the 98%
                // bar is held by the seeds and fixtures above
                // (a few characters of tidying weigh too much in a line or two)
                let long = expected.chars().filter(|c| !c.is_whitespace()).count() >= 40;
                prop_assert!(!long || sim >= 0.9, "{}: {}", sim, toml);
            }
        }
    }
}

/// The built-in templates' defaults are checked against what the miner finds in the seeds:
/// for each speech type, the template's default numbering is the one most seeds of that type
/// use at the first level, its default salutation is there exactly when the seeds have one,
/// and its closing opens the way the seeds' closings do (同志们， or 总之，).
#[test]
fn built_in_templates_match_what_the_seeds_do() {
    use jianghua::spec::Numbering;
    use jianghua::template::FrontMatter;
    use std::collections::BTreeMap;
    let Some(dir) = corpus() else {
        println!("skipped: corpus not found (set JIANGHUA_CORPUS or put it at ../shared/corpus)");
        return;
    };
    let mut by_type: BTreeMap<String, Vec<jianghua::Spec>> = BTreeMap::new();
    for m in mine_seeds(&dir) {
        let spec = m.spec();
        by_type.entry(spec.template.clone()).or_default().push(spec);
    }
    assert_eq!(
        by_type.keys().map(String::as_str).collect::<Vec<_>>(),
        ["article", "mobilization", "promotion", "regular", "review"],
        "every built-in type is represented in the seeds"
    );
    let set = TemplateSet::default();
    for (kind, specs) in &by_type {
        let file = set.file(&format!("{kind}.hbs")).unwrap().unwrap();
        let front = FrontMatter::parse(&file.source, Path::new(kind)).unwrap();
        let majority = |values: Vec<String>| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for v in values {
                *counts.entry(v).or_default() += 1;
            }
            counts.into_iter().max_by_key(|(_, n)| *n).unwrap().0
        };
        let numbered: Vec<String> = specs
            .iter()
            .filter(|s| !s.parts.is_empty())
            .map(|s| format!("{:?}", s.numbering.unwrap_or(Numbering::Standard)))
            .collect();
        assert_eq!(
            format!("{:?}", front.numbering.unwrap_or(Numbering::Standard)),
            majority(numbered),
            "{kind}: default numbering"
        );
        let greets = majority(
            specs
                .iter()
                .map(|s| {
                    s.salutation
                        .as_ref()
                        .is_some_and(|v| !v.is_empty())
                        .to_string()
                })
                .collect(),
        );
        let template_greets = front.salutation.as_ref().is_none_or(|v| !v.is_empty());
        assert_eq!(template_greets.to_string(), greets, "{kind}: salutation");
        let opener = majority(
            specs
                .iter()
                .filter_map(|s| s.closing.paragraphs.first())
                .map(|p| p.chars().take(3).collect())
                .collect(),
        );
        let toml = format!(
            "template = \"{kind}\"\ntitle = \"测试\"\n[[parts]]\nheading = \"甲\"\n[closing]\ncall = \"抓好落实\"\n"
        );
        let spec = jianghua::spec::parse(&toml, Path::new("t.toml")).unwrap();
        let text = jianghua::render::render_doc(&spec, &set)
            .unwrap()
            .plain_text();
        let closing = text.lines().last().unwrap();
        assert!(
            closing.starts_with(&opener),
            "{kind}: seeds close with {opener}…, the template with {closing}"
        );
    }
}

/// Our own Word and Markdown output mines back to the speech it came from: the title whole
/// (a long title is broken into lines in Word), no Markdown markup left.
#[test]
fn our_own_docx_and_markdown_mine_back() {
    use jianghua::render::docx::{DocxMeta, write_docx};
    use jianghua::render::profile::Profile;
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for name in ["review", "promotion", "mobilization"] {
        let spec_path = examples.join(format!("{name}.toml"));
        let spec = jianghua::spec::load(&spec_path).unwrap();
        let doc = jianghua::render::render_doc(&spec, &TemplateSet::default()).unwrap();
        let meta = DocxMeta {
            title: spec.value.title.clone(),
            author: None,
            created: None,
        };
        let docx = write_docx(&doc, &Profile::builtin("official").unwrap(), &meta).unwrap();
        for (file, bytes) in [
            (format!("{name}.docx"), docx),
            (
                format!("{name}.md"),
                std::fs::read(spec_path.with_extension("md")).unwrap(),
            ),
        ] {
            let mined = mine::mine_bytes(Path::new(&file), &bytes).unwrap();
            assert_eq!(mined.len(), 1, "{file}");
            assert_eq!(
                mined[0].doc().title(),
                Some(spec.value.title.as_str()),
                "{file}"
            );
            let text = mined[0].cleaned_text();
            assert!(
                !text.contains("**") && !text.contains("##"),
                "{file}: {text}"
            );
            assert_eq!(
                mined[0].speech.parts.len(),
                spec.value.parts.len(),
                "{file}"
            );
        }
    }
}

/// Structure the miner gets wrong on the real set, with why; the test fails when one of them
/// starts to pass (shorten the list) as much as when a new one appears.
/// - 04: `总之，…` opens a paragraph five from the end, inside the sixth part's argument; the
///   reader takes only the last paragraph as the closing. No mark tells the two apart.
/// - 16: the closing is the last three paragraphs of a speech without parts or closing words.
// 03's title is only in the page title, a .docx paragraph in the Title style that the
// miner does not read as such yet
const KNOWN_MISSES: &[(&str, &str)] = &[("03", "title"), ("04", "closing"), ("16", "closing")];

/// What a reader sees in one real speech (`real/expect/*.json`).
#[derive(serde::Deserialize, Debug)]
struct Expect {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    parts: usize,
    announced: Option<u64>,
    salutation: Option<String>,
    first_heading: Option<String>,
    last_heading: Option<String>,
    closing_starts: Option<String>,
}

/// Text with whitespace removed and a heading sentence's end mark dropped, for comparing
/// headings and salutations.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['。', '：', ':', '；', '！', '，'])
        .to_string()
}

/// The real pages (`$JIANGHUA_CORPUS/real`): every speech mined from its raw page, with its
/// noise, renders back ≥ 98% like the hand-made gold body, and its structure (parts, announced
/// count, salutation, first and last heading, closing) is what a reader sees. Prints a table.
#[test]
fn real_pages_mine_to_their_speech() {
    let Some(dir) = corpus() else {
        println!("skipped: corpus not found (set JIANGHUA_CORPUS or put it at ../shared/corpus)");
        return;
    };
    let real = dir.join("real");
    if !real.join("raw").is_dir() {
        assert!(
            std::env::var_os("JIANGHUA_CORPUS").is_none(),
            "{} has no real/raw folder",
            dir.display()
        );
        println!("skipped: no real/ set in the corpus");
        return;
    }
    let raws = common::files_in(&real.join("raw"));
    let filter = std::env::var("JIANGHUA_REAL").unwrap_or_default();
    println!(
        "{:<6} {:>8} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  type",
        "speech", "similar", "parts", "annc", "salut", "first", "last", "close", "title"
    );
    let mut failures = Vec::new();
    for raw in &raws {
        let stem = raw.file_stem().unwrap().to_string_lossy().to_string();
        if !stem.starts_with(&filter) {
            continue;
        }
        let gold = std::fs::read_to_string(real.join("gold").join(format!("{stem}.txt"))).unwrap();
        let expect: Expect = serde_json::from_str(
            &std::fs::read_to_string(real.join("expect").join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        let mined = mine::mine_file(raw).unwrap_or_else(|e| panic!("{stem}: {e}"));
        // the speech is the mined piece most like the gold body (a page may hold others)
        let scored: Vec<(f64, String, &Mined)> = mined
            .iter()
            .map(|m| {
                let body = rendered_body(m);
                (mine::similarity(&body, &gold), body, m)
            })
            .collect();
        let (sim, body, m) = scored
            .into_iter()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        let s = &m.speech;
        let heading = |p: Option<&mine::segment::Section>| {
            p.map(|p| squash(&format!("{}{}", p.marker, p.heading)))
        };
        let announced = match s.announced() {
            Some(jianghua::doc::roles::Announced::Count(n)) => Some(n),
            _ => None,
        };
        let closing = {
            // a stand-alone vocative line (同志们、朋友们！) before the closing is not its start
            let mut c = s
                .closing
                .iter()
                .skip_while(|p| jianghua::doc::roles::is_vocative_line(p));
            c.next().cloned()
        };
        let checks = [
            s.parts.len() == expect.parts,
            announced == expect.announced,
            s.salutation.as_deref().map(squash) == expect.salutation.as_deref().map(squash),
            heading(s.parts.first()) == expect.first_heading.as_deref().map(squash),
            heading(s.parts.last()) == expect.last_heading.as_deref().map(squash),
            match (&closing, &expect.closing_starts) {
                (Some(c), Some(e)) => c.starts_with(e.as_str()),
                (None, None) => true,
                _ => false,
            },
            s.title.as_deref().map(squash) == Some(squash(&expect.title)),
        ];
        let mark = |ok: bool| if ok { "ok" } else { "NO" };
        println!(
            "{:<6} {:>7.2}% {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {} → {}",
            &stem[..2],
            sim * 100.0,
            format!("{}{}", mark(checks[0]), s.parts.len()),
            mark(checks[1]),
            mark(checks[2]),
            mark(checks[3]),
            mark(checks[4]),
            mark(checks[5]),
            mark(checks[6]),
            expect.kind,
            mine::to_spec::type_label(&m.speech)
        );
        // JIANGHUA_MINE_DEBUG=DIR writes each speech's rendered body and mined structure there
        if let Some(out) = std::env::var_os("JIANGHUA_MINE_DEBUG") {
            let out = PathBuf::from(out);
            std::fs::create_dir_all(&out).unwrap();
            std::fs::write(out.join(format!("{stem}.rendered")), &body).unwrap();
            std::fs::write(out.join(format!("{stem}.cleaned")), m.cleaned_text()).unwrap();
            std::fs::write(out.join(format!("{stem}.speech")), format!("{s:#?}")).unwrap();
        }
        let names = [
            "parts",
            "announced",
            "salutation",
            "first",
            "last",
            "closing",
            "title",
        ];
        let wrong: Vec<&str> = names
            .iter()
            .zip(&checks)
            .filter(|(_, ok)| !**ok)
            .map(|(n, _)| *n)
            .collect();
        let known: Vec<&str> = KNOWN_MISSES
            .iter()
            .filter(|(s, _)| stem.starts_with(s))
            .map(|(_, f)| *f)
            .collect();
        if sim < 0.98 || wrong != known {
            failures.push(format!(
                "{stem}: {:.2}% wrong {wrong:?}, known misses {known:?}",
                sim * 100.0
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}: {failures:#?}",
        failures.len(),
        raws.len()
    );
}

/// The mined spec rendered back, without the title and byline lines (the gold body has none).
fn rendered_body(m: &Mined) -> String {
    let toml = m.spec_toml();
    let spec = jianghua::spec::parse(&toml, Path::new("mined.toml"))
        .unwrap_or_else(|e| panic!("mined spec does not load: {e}\n{toml}"));
    let doc = jianghua::render::render_doc(&spec, &TemplateSet::default())
        .unwrap_or_else(|e| panic!("mined spec does not render: {e}\n{toml}"));
    doc.blocks
        .iter()
        .filter(|b| {
            !matches!(
                b,
                jianghua::doc::Block::Title { .. } | jianghua::doc::Block::Byline { .. }
            )
        })
        .map(|b| format!("{}\n", b.text()))
        .collect()
}

/// Our own pages, one per kind of noise or layout real pages have (issue 9), each pinned with a
/// snapshot (outline with the miner's certainty, removed lines, spec) and rendered back ≥ 98%.
fn noise_fixture(name: &str) -> Vec<Mined> {
    let mined = mine_fixture(name);
    insta::assert_snapshot!(name.replace('.', "_"), describe(&mined));
    assert_round_trip(&mined);
    mined
}

/// Title among page noise: a sidebar link list with `[06-10]` dates, a hit counter whose `次`
/// stands on its own line; `同学们、老师们：`, an Arabic announced count, a closing without
/// `同志们，`.
#[test]
fn title_after_links_and_counter() {
    let m = noise_fixture("title_noise.txt");
    assert_eq!(m.len(), 1);
    let s = &m[0].speech;
    assert_eq!(s.title.as_deref(), Some("在全县秋季开学工作会议上的讲话"));
    assert_eq!(s.salutation.as_deref(), Some("同学们、老师们："));
    assert_eq!(
        s.announced(),
        Some(jianghua::doc::roles::Announced::Count(4))
    );
    assert_eq!(s.parts.len(), 4);
    assert!(s.closing[0].starts_with("最后，祝"), "{:?}", s.closing);
    assert!(!m[0].cleaned_text().contains('次'));
}

/// A Markdown page whose date line comes before its `# 标题`.
#[test]
fn markdown_date_line_before_title() {
    let m = noise_fixture("title_noise.md");
    assert_eq!(
        m[0].speech.title.as_deref(),
        Some("在全县防汛工作会议上的讲话")
    );
    assert!(!m[0].cleaned_text().contains("2025-06-10"));
}

/// A lead box before the speech, a photo caption, footnote marks, print/close links,
/// previous/next links and a site footer after it: only the speech is left, no footnote mark.
#[test]
fn footer_links_and_lead_box_go() {
    let m = noise_fixture("footer_noise.txt");
    assert_eq!(m.len(), 1);
    let text = m[0].cleaned_text();
    for noise in [
        "导读",
        "图为",
        "[1]",
        "打印",
        "上一篇",
        "信箱",
        "版权",
        "地址",
    ] {
        assert!(!text.contains(noise), "{noise} kept:\n{text}");
    }
    assert!(text.ends_with("谢谢大家！\n"), "{text}");
}

/// The speech's own markers and punctuation come back as written: `三、` and `（四）` where the
/// renderer would start at 一, `1．`, a list item's `；`, inline `一是…；二是…`, a heading's `。`.
#[test]
fn the_speech_keeps_its_own_words() {
    let m = noise_fixture("own_words.txt");
    let rendered = round_trip(&m[0]);
    for words in [
        "三、下一步工作安排",
        "（四）强化要素保障。",
        "逐项协调解决；",
        "1．抓好开工项目。一是加快手续办理；二是加快征地拆迁；",
        "2．抓好储备项目。",
        "最后，我就项目服务工作再强调四点意见。",
    ] {
        assert!(rendered.contains(words), "{words} lost:\n{rendered}");
    }
}

/// A slogan line under the title stays out of the parts; `1+X` is not a placeholder.
#[test]
fn slogan_is_not_a_part_and_1_plus_x_is_no_placeholder() {
    let m = noise_fixture("slogan_levels.txt");
    let s = &m[0].speech;
    assert_eq!(s.parts.len(), 3);
    assert!(
        s.parts
            .iter()
            .all(|p| p.level == 1 && p.marker.ends_with('、'))
    );
    assert!(m[0].placeholders.is_empty(), "{:?}", m[0].placeholders);
}

/// Two reports on one page are two speeches; the news item after them is no part of either.
#[test]
fn several_texts_on_one_page() {
    let m = noise_fixture("several_texts.txt");
    let titles: Vec<_> = m
        .iter()
        .map(|m| m.speech.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["县发改局局长述职报告", "县财政局局长述职报告"]);
    assert!(
        !m[1].cleaned_text().contains("展销会"),
        "{}",
        m[1].cleaned_text()
    );
}

/// `各位教职员工，大家好！` is a salutation; `强调3个问题` announces three; a 座谈会 is reported as
/// such with the nearest built-in template.
#[test]
fn other_audiences_and_occasions() {
    let m = noise_fixture("audiences.txt");
    let s = &m[0].speech;
    assert_eq!(s.salutation.as_deref(), Some("各位教职员工"));
    assert_eq!(
        s.announced(),
        Some(jianghua::doc::roles::Announced::Count(3))
    );
    assert!(
        mine::outline::summary(&m[0])
            .contains("类型 座谈会（内置模板没有这一类，用最接近的 regular）"),
        "{}",
        mine::outline::summary(&m[0])
    );
    assert!(m[0].spec_toml().contains("# 场合：座谈会。"));
}

/// A speaker line of office and name under the title (`分管副局长王建国`), with photo captions
/// naming other people above it: the title stays the title, the last line names the speaker
/// and the captions go.
#[test]
fn an_office_and_name_line_is_the_speaker_not_the_title() {
    let page = "领导致辞\n坚持创新驱动 建设一流队伍\n会场全景\n办公室主任 李晓东\n分管副局长王建国\n\
        今天，全系统的业务骨干齐聚一堂，交流经验、共谋发展，我代表局党组向大家表示感谢。\n\
        过去一年，我们在服务企业、优化流程、培养人才等方面做了大量工作，成绩来之不易。\n\
        新的一年，希望大家继续发扬实干精神，把各项工作做细做实，为全局发展再立新功。\n";
    let m = mine::mine_text(Path::new("speaker.txt"), mine::decode::Source::Utf8, page);
    assert_eq!(m.len(), 1);
    let s = &m[0].speech;
    assert_eq!(s.title.as_deref(), Some("坚持创新驱动建设一流队伍"));
    assert_eq!(s.bylines, ["分管副局长王建国"]);
    let spec = mine::to_spec::to_spec(s, "speaker");
    assert_eq!(spec.speaker.as_deref(), Some("王建国"));
    assert_eq!(spec.speaker_title.as_deref(), Some("分管副局长"));
    assert!(!m[0].cleaned_text().contains("李晓东"));
}

/// A title line that names its speaker first (`县委副书记、县长刘建国在……上的讲话`): the title
/// is the `在……上的讲话` part and the office and name are the speaker.
#[test]
fn a_speaker_named_before_the_title_is_the_speaker() {
    let page = "县委副书记、县长刘建国在全县经济工作会议上的讲话\n同志们：\n\
        今天召开全县经济工作会议，主要任务是总结今年工作，部署明年任务。\n\
        今年以来，全县上下稳增长、调结构、惠民生，主要指标好于预期，成绩来之不易。\n\
        明年工作任务艰巨，希望大家坚定信心、真抓实干，确保各项目标顺利完成。\n";
    let m = mine::mine_text(Path::new("speaker.txt"), mine::decode::Source::Utf8, page);
    assert_eq!(m.len(), 1);
    let s = &m[0].speech;
    assert_eq!(s.title.as_deref(), Some("在全县经济工作会议上的讲话"));
    let spec = mine::to_spec::to_spec(s, "speaker");
    assert_eq!(spec.speaker.as_deref(), Some("刘建国"));
    assert_eq!(spec.speaker_title.as_deref(), Some("县委副书记、县长"));
}

/// A news page without a title line of its own: the headline above the dateline is the title.
#[test]
fn a_news_headline_above_the_dateline_is_the_title() {
    let page = "网站首页\n新闻中心 > 要闻\n要闻 | 全县秋冬农田水利建设现场会召开！\n\
        2025年11月3日 县融媒体中心\n同志们：\n\
        今天我们在这里召开现场会，目的是看现场、找差距、促落实，推动农田水利建设再上新台阶。\n\
        各乡镇要对照先进找差距，抓住冬春有利时机，集中力量推进重点工程，确保按期完工。\n\
        希望大家迅速行动起来，以实干实绩迎接新一年的农业丰收。\n";
    let m = mine::mine_text(Path::new("news.txt"), mine::decode::Source::Utf8, page);
    assert_eq!(m.len(), 1);
    assert_eq!(
        m[0].speech.title.as_deref(),
        Some("全县秋冬农田水利建设现场会召开")
    );
    assert_eq!(m[0].speech.salutation.as_deref(), Some("同志们："));
}
