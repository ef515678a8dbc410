//! `jianghua render -o x.docx`, `-f md,docx`, `--out-dir`, `--profile` and `jianghua profiles`
//! as a user drives them.

use super::ooxml::{body_text, parse, parts};
use crate::common::{jianghua, stderr_of};
use jianghua::render::render_doc;
use jianghua::spec;
use jianghua::template::TemplateSet;
use std::fs;
use std::path::Path;

fn example(dir: &Path, name: &str) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    fs::copy(src, dir.join(name)).unwrap();
}

fn part(docx: &Path, name: &str) -> super::ooxml::Element {
    let parts = parts(&fs::read(docx).unwrap());
    parse(&parts[name]).unwrap()
}

#[test]
fn render_writes_a_docx_with_the_drafts_text_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    example(dir.path(), "review.toml");
    fs::write(
        dir.path().join("review.toml"),
        fs::read_to_string(dir.path().join("review.toml"))
            .unwrap()
            .replace("# speaker = \"张明\"", "speaker = \"张明\""),
    )
    .unwrap();
    jianghua(dir.path())
        .args(["render", "review.toml", "-o", "speech.docx"])
        .assert()
        .success()
        .stderr("已生成 speech.docx\n");
    let spec_path = dir.path().join("review.toml");
    let spec = spec::load(&spec_path).unwrap();
    let doc = render_doc(&spec, &TemplateSet::for_spec(None, &spec_path)).unwrap();
    let docx = dir.path().join("speech.docx");
    assert_eq!(
        body_text(&part(&docx, "word/document.xml")),
        doc.plain_text()
    );
    let core = part(&docx, "docProps/core.xml");
    assert_eq!(
        core.find("dc:title").unwrap().text(),
        "在全县党委书记抓基层党建工作述职评议会上的讲话"
    );
    assert_eq!(core.find("dc:creator").unwrap().text(), "张明");
    assert_eq!(
        core.find("dcterms:created").unwrap().text(),
        "2026-01-15T00:00:00Z"
    );
    let styles = part(&docx, "word/styles.xml");
    let body = styles
        .descendants("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("BodyText"))
        .unwrap();
    assert_eq!(body.find("w:sz").unwrap().attr("w:val"), Some("32"));
}

#[test]
fn md_and_docx_from_one_run_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    example(dir.path(), "review.toml");
    example(dir.path(), "regular.toml");
    jianghua(dir.path())
        .args([
            "render",
            "review.toml",
            "-f",
            "md,docx",
            "--profile",
            "reading",
        ])
        .assert()
        .success();
    assert!(dir.path().join("review.md").is_file());
    let styles = part(&dir.path().join("review.docx"), "word/styles.xml");
    let body = styles
        .descendants("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("BodyText"))
        .unwrap();
    assert_eq!(
        body.find("w:sz").unwrap().attr("w:val"),
        Some("36"),
        "reading is 小二"
    );
    jianghua(dir.path())
        .args([
            "render",
            "review.toml",
            "regular.toml",
            "-f",
            "docx",
            "--out-dir",
            "out",
        ])
        .assert()
        .success();
    for name in ["out/review.docx", "out/regular.docx"] {
        let doc = part(&dir.path().join(name), "word/document.xml");
        assert!(!body_text(&doc).is_empty(), "{name}");
    }
}

#[test]
fn bad_profiles_and_outputs_get_exact_errors_and_keep_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    example(dir.path(), "review.toml");
    fs::write(dir.path().join("speech.docx"), "上一次的稿子").unwrap();
    let mine = jianghua::render::Profile::builtin_source("official")
        .unwrap()
        .replace("margin-right-mm = 26", "margin-right-mm = -1");
    fs::write(dir.path().join("mine.toml"), mine).unwrap();
    for (args, want) in [
        (
            vec!["--profile", "mine.toml"],
            "错误：mine.toml:16:19：页边距 `margin-right-mm` 不能为负数（现在是 -1）\n   |\n16 | margin-right-mm = -1\n   |                   ^\n  提示：页边距以毫米计，GB/T 9704 为上 37、下 35、左 28、右 26\n",
        ),
        (
            vec!["--profile", "offical"],
            "错误：没有名为 “offical” 的版式。是不是想写 official？可用的版式：official、reading、windows；也可以给出版式文件（.toml）的路径\n",
        ),
        (
            vec!["--profile", "gone/mine.toml"],
            "错误：无法读取 gone/mine.toml：文件或目录不存在\n",
        ),
    ] {
        let mut all = vec!["render", "review.toml", "-o", "speech.docx"];
        all.extend(args);
        assert_eq!(stderr_of(dir.path(), &all), want);
        assert_eq!(
            fs::read_to_string(dir.path().join("speech.docx")).unwrap(),
            "上一次的稿子"
        );
    }
    assert_eq!(
        stderr_of(
            dir.path(),
            &["render", "review.toml", "-o", "nope/speech.docx"]
        ),
        "错误：无法写入 nope/speech.docx：目录 nope 不存在（请先创建它，或换一个输出位置）\n"
    );
    assert_eq!(
        stderr_of(
            dir.path(),
            &["render", "review.toml", "-o", "speech.md", "-f", "docx"]
        ),
        "错误：-o 的扩展名是 .md，但 -f 要求 docx；请让两者一致\n"
    );
}

#[test]
fn read_only_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    example(dir.path(), "review.toml");
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("speech.docx"), "上一次的稿子").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(locked.join("probe"), "").is_ok() {
        println!("skipped: running as root, a read-only folder is still writable");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let err = stderr_of(
        dir.path(),
        &["render", "review.toml", "-o", "locked/speech.docx"],
    );
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        err,
        "错误：无法写入 locked/speech.docx：没有权限（文件只读或目录不可写）\n"
    );
    assert_eq!(
        fs::read_to_string(locked.join("speech.docx")).unwrap(),
        "上一次的稿子"
    );
}

#[test]
fn profiles_lists_and_ejects() {
    let dir = tempfile::tempdir().unwrap();
    jianghua(dir.path())
        .arg("profiles")
        .assert()
        .success()
        .stdout(
            "official  公文格式（GB/T 9704-2012）：A4，三号仿宋，每页 22 行、每行 28 字\n\
             reading   念稿版：小二号字，行距 35 磅，每页 18 行，便于在讲台上朗读\n\
             windows   公文格式，改用 Windows 自带的仿宋、楷体、黑体、宋体：电脑上没有 GB2312 字体时用\n",
        );
    jianghua(dir.path())
        .args(["profiles", "--eject", "official", "-o", "mine.toml"])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.toml")).unwrap(),
        jianghua::render::Profile::builtin_source("official").unwrap()
    );
    assert_eq!(
        stderr_of(
            dir.path(),
            &["profiles", "--eject", "official", "-o", "mine.toml"]
        ),
        "错误：无法写入 mine.toml：文件已存在；如要覆盖，请加 --force\n"
    );
    assert_eq!(
        stderr_of(dir.path(), &["profiles", "--eject", "mine.toml"]),
        "错误：没有名为 “mine.toml” 的版式。可用的版式：official、reading、windows；也可以给出版式文件（.toml）的路径\n"
    );
    // The ejected file, edited, is used as it is.
    example(dir.path(), "review.toml");
    fs::write(
        dir.path().join("mine.toml"),
        fs::read_to_string(dir.path().join("mine.toml"))
            .unwrap()
            .replace("size-pt = 22", "size-pt = 24"),
    )
    .unwrap();
    jianghua(dir.path())
        .args([
            "render",
            "review.toml",
            "-o",
            "a.docx",
            "--profile",
            "mine.toml",
        ])
        .assert()
        .success();
    let styles = part(&dir.path().join("a.docx"), "word/styles.xml");
    let title = styles
        .descendants("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("SpeechTitle"))
        .unwrap();
    assert_eq!(title.find("w:sz").unwrap().attr("w:val"), Some("48"));
}
