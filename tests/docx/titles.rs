//! Title breaking: our own titles pinned in a readable snapshot (`titles.txt`, BLESS=1 to
//! rewrite), and every title of the sample corpus checked for the typesetter's rules (the
//! corpus is third-party text: its breaks go to target/title-breaks-corpus.txt, not the repo).

use jianghua::render::Profile;
use jianghua::render::docx::title::{balance, split_subtitle};
use std::path::{Path, PathBuf};

/// Titles written by us, in the genre, each longer than one 2号 line or with a subtitle.
const OWN_TITLES: &[&str] = &[
    "在全县党委书记抓基层党建工作述职评议会上的讲话",
    "在全市机关党建“五星支部”创建推进会上的讲话",
    "在全市“作风建设提升年”活动第二阶段动员部署会上的讲话",
    "在学习贯彻党的二十届四中全会精神推进国家治理体系建设全体会议上的讲话",
    "在全区“平安建设”“法治建设”“作风建设”三项重点工作推进会上的讲话",
    "在全县二〇二六年第一季度重点项目建设调度例会上的讲话提纲",
    "以实干担当推动高质量发展——在县委理论学习中心组专题学习会上的发言",
    "在全市优化营商环境暨“万人助万企”活动推进大会上的讲话",
    "在2026年全县经济工作会议暨县委十五届六次全会上的讲话",
    "凝心聚力抓落实　奋勇争先开新局——在全区领导干部大会上的讲话",
    "在全省安全生产和消防工作电视电话会议结束后贯彻落实会议精神时的讲话",
    "在全县庆祝建党一百零五周年暨“两优一先”表彰大会上的讲话",
    "在全市退役军人工作会议暨双拥模范城创建推进会上的讲话",
    "在全区科技创新大会暨人才工作会议上的讲话",
    "在全县乡村振兴及农村人居环境整治现场推进会上的讲话",
];

/// Title characters per line in the official profile (2号 in a 156 mm block).
fn per_line() -> usize {
    let p = Profile::builtin("official").unwrap();
    (p.text_width_twips() as f64 / (p.title.size_pt * 20.0)).floor() as usize
}

const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '”', '’', '）', '》', '…', '—',
];
const OPENING: &[char] = &['“', '‘', '（', '《'];
/// Words a reader must never see split (from the defects found: 四／中全会, 体／系, 会／议).
const WORDS: &[&str] = &[
    "中全会",
    "体系",
    "会议",
    "讲话",
    "工作",
    "建设",
    "发展",
    "推进会",
    "座谈会",
    "部署会",
    "全体会议",
    "例会",
    "提纲",
    "大会",
    "发言",
    "环境",
    "整治",
];

/// The title as laid out: main lines, then subtitle lines, each as a string.
fn layout(title: &str) -> Vec<String> {
    let (main, sub) = split_subtitle(title);
    let mut lines: Vec<String> = balance(main, per_line())
        .lines()
        .map(String::from)
        .collect();
    if let Some(sub) = sub {
        // the subtitle is set at 3号 (16 pt): 27 characters a line
        lines.extend(balance(sub, 27).lines().map(String::from));
    }
    lines
}

/// What a typesetter would object to in `lines`, one message each.
fn faults(title: &str, lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let (main, sub) = split_subtitle(title);
    if lines.concat() != format!("{main}{}", sub.unwrap_or("")) {
        out.push("text changed".to_string());
    }
    for (i, line) in lines.iter().enumerate() {
        let n = line.chars().count();
        if n > per_line().max(27) {
            out.push(format!("line {} has {n} characters", i + 1));
        }
        if i > 0 && line.starts_with(CLOSING) && !line.starts_with("——") {
            out.push(format!("line {} starts with closing punctuation", i + 1));
        }
        if i + 1 < lines.len() && line.ends_with(OPENING) {
            out.push(format!("line {} ends with opening punctuation", i + 1));
        }
        if i + 1 < lines.len() && line.ends_with(['暨', '及', '和', '与']) {
            out.push(format!("line {} ends with a conjunction", i + 1));
        }
    }
    for pair in lines.windows(2) {
        let joint = format!("{}|{}", pair[0], pair[1]);
        for word in WORDS {
            let chars: Vec<char> = word.chars().collect();
            for k in 1..chars.len() {
                let (a, b): (String, String) =
                    (chars[..k].iter().collect(), chars[k..].iter().collect());
                if joint.contains(&format!("{a}|{b}")) && !pair[0].ends_with(word) {
                    out.push(format!("{word} split"));
                }
            }
        }
    }
    if let Some(sub) = sub
        && !lines
            .iter()
            .any(|l| l.starts_with("——") && sub.starts_with(l.as_str()))
    {
        out.push("subtitle not on its own line".to_string());
    }
    // balance: lines of the main title within a few characters of each other (a phrase
    // boundary may cost a few; the defect found was 16 against 6)
    let main_lines: Vec<usize> = lines
        .iter()
        .take_while(|l| !l.starts_with("——"))
        .map(|l| l.chars().count())
        .collect();
    if main_lines.len() > 1 {
        let (max, min) = (
            main_lines.iter().max().unwrap(),
            main_lines.iter().min().unwrap(),
        );
        if max - min > 8 {
            out.push(format!("unbalanced: {main_lines:?}"));
        }
    }
    out
}

fn readable(titles: &[String]) -> (String, usize) {
    let mut text = String::new();
    let mut bad = 0;
    for title in titles {
        let lines = layout(title);
        let faults = faults(title, &lines);
        bad += usize::from(!faults.is_empty());
        text.push_str(&lines.join(" ／ "));
        if !faults.is_empty() {
            text.push_str(&format!("    ← {}", faults.join("；")));
        }
        text.push('\n');
    }
    (text, bad)
}

#[test]
fn own_titles_break_like_a_typesetter() {
    let titles: Vec<String> = OWN_TITLES.iter().map(|t| t.to_string()).collect();
    let (text, bad) = readable(&titles);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx/titles.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &text).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("tests/docx/titles.txt: run BLESS=1");
    assert_eq!(
        text, want,
        "title breaks changed; check, then BLESS=1 cargo test --test docx"
    );
    assert_eq!(bad, 0, "{text}");
}

#[test]
fn corpus_titles_break_like_a_typesetter() {
    let Some(dir) = crate::common::corpus() else {
        println!("skipped: corpus titles (set JIANGHUA_CORPUS or put it at ../shared/corpus)");
        return;
    };
    let mut titles = Vec::new();
    for sub in ["seeds", "real/raw"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let Ok(mined) = jianghua::mine::mine_file(&file) else {
                continue;
            };
            for m in mined {
                if let Some(title) = m.doc().title() {
                    titles.push(title.to_string());
                }
            }
        }
    }
    assert!(titles.len() >= 10, "only {} titles found", titles.len());
    let (text, bad) = readable(&titles);
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("title-breaks-corpus.txt");
    std::fs::write(&out, &text).unwrap();
    println!(
        "{} corpus titles, breaks in {}",
        titles.len(),
        out.display()
    );
    assert_eq!(bad, 0, "titles a typesetter would object to:\n{text}");
}
