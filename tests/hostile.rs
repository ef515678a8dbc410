//! A catalogue of bad and hostile inputs (issue 8), one case per line of a table: the files the
//! case adds to a fresh folder, the command, the exit status, the stderr (exact when the text
//! starts with `=`, else a stable part of it), and the files that must come out untouched.
//! Every case also checks that no temp file is left behind. Grow it with every bug found.
//! Signals and full devices are in scripts/check-hostile.sh.

mod common;

use common::jianghua;
use std::fs;
use std::path::Path;

/// Every case's folder holds this spec as `s.toml` and an earlier draft `old.md`.
const MINIMAL: &str = "template = \"review\"\ntitle = \"在全县工作会议上的讲话\"\n[[parts]]\nheading = \"统一思想\"\nparagraphs = [\"要把思想统一到县委的部署上来。\"]\n";
const OLD: &str = "旧稿\n";
const OFFICIAL: &str = include_str!("../templates/profiles/official.toml");

/// A file a case adds to its folder.
enum F {
    Text(&'static str),
    Dir,
    /// A symlink to the given path.
    Link(&'static str),
    /// A hard link to a file already made.
    HardLink(&'static str),
    /// Mode 0444.
    ReadOnly(&'static str),
    /// Bytes made by a function (encodings, zips, large files).
    Gen(fn() -> Vec<u8>),
}
use F::*;

type Case = (
    &'static str,
    &'static [(&'static str, F)],
    &'static [&'static str],
    i32,
    &'static str,
    &'static [&'static str],
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // (what, files added, arguments, exit status, stderr, untouched)
    // -- data lost: outputs that would replace an input, a device, a link, a read-only file
    ("-o 是要素文件本身", &[], &["render", "s.toml", "-o", "s.toml"], 1, "=错误：无法写入 s.toml：这是输入文件本身，写入会把它覆盖；请换一个输出文件名\n", &["s.toml"]),
    ("要素文件叫 x.md，不给 -o", &[("x.md", Text(MINIMAL))], &["render", "x.md"], 1, "=错误：无法写入 x.md：这是输入文件本身，写入会把它覆盖；请换一个输出文件名\n", &["x.md"]),
    ("--out-dir 是要素文件所在目录", &[("a.md", Text(MINIMAL))], &["render", "a.md", "--out-dir", "."], 1, "这是输入文件本身", &["a.md"]),
    ("-o 是要素文件的硬链接", &[("h.md", HardLink("s.toml"))], &["render", "s.toml", "-o", "h.md"], 1, "这是输入文件本身", &["s.toml", "h.md"]),
    ("-o 是版式文件本身", &[("p.toml", Text(OFFICIAL))], &["render", "s.toml", "--profile", "p.toml", "-o", "p.toml"], 1, "=错误：无法写入 p.toml：这是输入文件本身，写入会把它覆盖；请换一个输出文件名\n", &["p.toml"]),
    ("-o /dev/null", &[], &["render", "s.toml", "-o", "/dev/null"], 1, "=错误：无法写入 /dev/null：这不是普通文件（是设备、管道或套接字），不会写入；要输出到屏幕请用 -o -\n", &[]),
    ("-o /dev/stdout（指向管道的链接）", &[], &["render", "s.toml", "-o", "/dev/stdout"], 1, "这不是普通文件", &[]),
    ("-o 悬空的符号链接", &[("dang.md", Link("nowhere.md"))], &["render", "s.toml", "-o", "dang.md"], 1, "=错误：无法写入 dang.md：这是一个指向不存在文件的符号链接；请删除它，或换一个输出文件名\n", &[]),
    ("-o 只读文件", &[("ro.md", ReadOnly(OLD))], &["render", "s.toml", "-o", "ro.md"], 1, "=错误：无法写入 ro.md：文件是只读的；如确实要覆盖，请加 --force\n", &["ro.md"]),
    ("-o 目录", &[("d", Dir)], &["render", "s.toml", "-o", "d"], 1, "=错误：无法写入 d：这是一个目录；请给出文件名\n", &[]),
    ("-f md,docx 而 out.docx 是目录", &[("out.md", Text(OLD)), ("out.docx", Dir)], &["render", "s.toml", "-f", "md,docx", "-o", "out.md"], 1, "=错误：无法写入 out.docx：这是一个目录；请给出文件名\n", &["out.md"]),
    ("批量的第二个输出是目录", &[("b.toml", Text(MINIMAL)), ("o", Dir), ("o/old.md", Text(OLD)), ("o/s.md", Text(OLD)), ("o/b.md", Dir)], &["render", "s.toml", "b.toml", "--out-dir", "o"], 1, "=错误：无法写入 o/b.md：这是一个目录；请给出文件名\n", &["o/s.md"]),
    ("批量中一个要素文件有错", &[("b.toml", Text("title = 1\n")), ("o", Dir), ("o/s.md", Text(OLD))], &["render", "s.toml", "b.toml", "--out-dir", "o"], 1, "b.toml", &["o/s.md"]),
    ("批量写到不存在的目录且失败", &[("b.toml", Text("title = 1\n"))], &["render", "s.toml", "b.toml", "--out-dir", "new"], 1, "b.toml", &[]),
    // -- a draft given where a spec is expected
    ("render 一份 .docx 讲话稿", &[("d.docx", Text(""))], &["render", "d.docx", "-o", "-"], 1, "=错误：d.docx：这是一份讲话稿，不是要素文件（.toml）\n  提示：render 读取 .toml 要素文件。要从这份讲话稿提取要素文件，请用 jianghua mine d.docx；要检查它，请用 jianghua check d.docx\n", &[]),
    ("render 一份 .md 讲话稿", &[("d.md", Text("# 讲话\n\n同志们：\n\n今天开会。\n"))], &["render", "d.md", "-o", "-"], 1, "=错误：d.md：这是一份讲话稿，不是要素文件（.toml）\n  提示：render 读取 .toml 要素文件。要从这份讲话稿提取要素文件，请用 jianghua mine d.md；要检查它，请用 jianghua check d.md（如果它确实是要素文件，请把扩展名改为 .toml）\n", &["d.md"]),
    // -- limits
    ("/dev/zero 作要素文件", &[], &["render", "/dev/zero"], 1, "=错误：/dev/zero：要素文件超过 4 MB 的上限，没有读取（是不是给错了文件？）\n", &[]),
    ("/dev/zero 作版式文件", &[], &["render", "s.toml", "-f", "docx", "--profile", "/dev/zero"], 1, "=错误：/dev/zero：版式文件超过 256 KB 的上限，没有读取（是不是给错了文件？）\n", &[]),
    ("/dev/zero 作范文", &[], &["mine", "/dev/zero"], 1, "=错误：/dev/zero：范文文件超过 32 MB 的上限，没有读取（是不是给错了文件？）\n", &[]),
    ("5 MB 的要素文件", &[("big.toml", Gen(big_spec))], &["render", "big.toml"], 1, "=错误：big.toml：要素文件超过 4 MB 的上限，没有读取（是不是给错了文件？）\n", &["big.toml"]),
    ("2 MB 的模板", &[("t.hbs", Gen(big_template)), ("t.toml", Text("template = \"t.hbs\"\ntitle = \"讲话\"\n"))], &["render", "t.toml"], 1, "模板文件超过 1 MB 的上限", &[]),
    ("100 个部分", &[("p.toml", Gen(hundred_parts))], &["render", "p.toml"], 1, "=错误：p.toml:399:1：部分（[[parts]]）有 100 个，超过了讲话稿能编号的 99 个（九十九）\n    |\n399 | [[parts]]\n    | ^\n  提示：把内容合并归类到九十九项以内；数量很多的清单可以写进一段 paragraphs，或放到附件里\n", &[]),
    ("一个部分 100 个要点", &[("p.toml", Gen(hundred_points))], &["render", "p.toml"], 1, "要点（points）有 100 个，超过了讲话稿能编号的 99 个（九十九）", &[]),
    ("一千个小节", &[("p.toml", Gen(thousand_sections))], &["render", "p.toml"], 1, "=错误：p.toml:3:1：部分和各级小节一共有 1050 个，超过了一篇讲话稿的上限 999 个\n  |\n3 | [[parts]]\n  | ^\n  提示：一篇讲话的标题一般不过几十个；请合并归类，或拆成几篇讲话\n", &[]),
    ("解压后超过 64 MB 的 .docx", &[("bomb.docx", Gen(zip_bomb))], &["mine", "bomb.docx"], 1, "=错误：bomb.docx：无法读取 .docx 文件：正文部分 word/document.xml 解压后超过 64 MB 的上限\n  提示：请确认文件能在 Word 或 WPS 中打开；必要时重新“另存为”.docx\n", &[]),
    ("校验和不符的 .docx", &[("crc.docx", Gen(bad_crc_docx))], &["mine", "crc.docx"], 1, "=错误：crc.docx：无法读取 .docx 文件：压缩包已损坏（word/document.xml 校验和不符）\n  提示：请确认文件能在 Word 或 WPS 中打开；必要时重新“另存为”.docx\n", &[]),
    // -- encodings
    ("GBK 编码的要素文件", &[("g.toml", Gen(gbk_spec))], &["render", "g.toml"], 1, "=错误：g.toml:2:10：要素文件不是 UTF-8 编码（看起来是GBK/GB18030 编码），无法读取\n  |\n2 | title = \"在全县工作会议上的讲话\"\n  |          ^\n  提示：请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行\n", &["g.toml"]),
    ("UTF-16 带 BOM 的要素文件", &[("u.toml", Gen(utf16_bom_spec))], &["render", "u.toml"], 1, "=错误：u.toml:1:1：要素文件不是 UTF-8 编码（看起来是UTF-16 编码（带 BOM）），无法读取\n  提示：请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行\n", &["u.toml"]),
    ("UTF-16 不带 BOM 的要素文件", &[("u.toml", Gen(utf16_spec))], &["render", "u.toml"], 1, "=错误：u.toml:1:1：要素文件不是 UTF-8 编码（看起来是UTF-16 编码），无法读取\n  提示：请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行\n", &["u.toml"]),
    ("UTF-16 不带 BOM、只有英文字母的要素文件", &[("u.toml", Gen(utf16_ascii_spec))], &["render", "u.toml"], 1, "=错误：u.toml:1:1：要素文件不是 UTF-8 编码（看起来是UTF-16 编码），无法读取\n  提示：请用文本编辑器（如记事本“另存为”，编码选 UTF-8）把文件另存为 UTF-8 后再运行\n", &["u.toml"]),
    ("程序文件当作要素文件", &[("prog.toml", Gen(program_bytes))], &["render", "prog.toml"], 1, "=错误：prog.toml：要素文件不是文字文件（看起来是程序、图片之类的二进制文件），无法读取\n  提示：是不是给错了文件？要素文件应当能用文本编辑器打开，里面是文字\n", &["prog.toml"]),
    ("图片当作模板", &[("t.hbs", Gen(image_bytes)), ("t.toml", Text("template = \"t.hbs\"\ntitle = \"讲话\"\n"))], &["render", "t.toml"], 1, "模板文件不是文字文件（看起来是程序、图片之类的二进制文件），无法读取", &[]),
    ("GBK 编码的模板", &[("t.hbs", Gen(gbk_template)), ("t.toml", Text("template = \"t.hbs\"\ntitle = \"讲话\"\n"))], &["render", "t.toml"], 1, "t.hbs:1:1：模板文件不是 UTF-8 编码（看起来是GBK/GB18030 编码）", &[]),
    // -- command line in Chinese
    ("不认识的选项", &[], &["render", "s.toml", "--bogus"], 2, "=错误：不认识的选项 “--bogus”。\n\n用法：jianghua render <SPEC>...\n\n查看帮助：jianghua --help（或某个命令后加 --help，如 jianghua render --help）\n", &[]),
    ("拼错的选项", &[], &["render", "s.toml", "--out-dri", "o"], 2, "错误：不认识的选项 “--out-dri”。是不是想写 --out-dir？", &[]),
    ("不认识的命令", &[], &["rendr", "s.toml"], 2, "错误：没有名为 “rendr” 的命令。是不是想写 render？可用的命令：render、new、templates、profiles、mine", &[]),
    ("缺少参数", &[], &["render"], 2, "=错误：缺少必需的参数：<SPEC>...\n\n用法：jianghua render <SPEC>...\n\n查看帮助：jianghua --help（或某个命令后加 --help，如 jianghua render --help）\n", &[]),
    ("缺少命令", &[], &[], 2, "错误：缺少命令：可用的命令有 render、new、templates、profiles、mine", &[]),
    ("选项缺少取值", &[], &["render", "s.toml", "-o"], 2, "=错误：--output <FILE> 后面缺少取值。\n\n查看帮助：jianghua --help（或某个命令后加 --help，如 jianghua render --help）\n", &[]),
    ("mine -f 取值不对", &[], &["mine", "a.txt", "-f", "xml"], 2, "=错误：--format <FORMAT> 的取值 “xml” 不对。可用的取值：spec、outline、json、template\n\n查看帮助：jianghua --help（或某个命令后加 --help，如 jianghua render --help）\n", &[]),
    ("render -f 取值不对", &[], &["render", "s.toml", "-f", "pdf"], 1, "=错误：不支持的输出格式 `pdf`；可用：md、docx、html（可写成 -f md,docx 同时输出）\n", &[]),
    ("--templates 目录不存在", &[], &["render", "s.toml", "--templates", "no-such-dir"], 1, "=错误：no-such-dir：模板目录不存在或不是目录；请检查 --templates 后面的路径\n", &[]),
    // -- OS errors in Chinese, with the path
    ("要素文件不存在", &[], &["render", "nope.toml"], 1, "=错误：无法读取 nope.toml：文件或目录不存在\n", &[]),
    ("要素文件是目录", &[("d.toml", Dir)], &["render", "d.toml"], 1, "=错误：无法读取 d.toml：这是一个目录，不是文件\n", &[]),
    ("符号链接循环", &[("la.toml", Link("lb.toml")), ("lb.toml", Link("la.toml"))], &["render", "la.toml"], 1, "=错误：无法读取 la.toml：符号链接层数太多（可能有链接指向自己，形成了循环）\n", &[]),
    ("文件名太长", &[], &["render", LONG_NAME], 1, "文件名或路径太长；请缩短文件名或换一个层级较浅的目录\n", &[]),
    // -- TOML and profile messages
    ("TOML 嵌套太深", &[("deep.toml", Gen(deep_toml))], &["render", "deep.toml"], 1, "=错误：deep.toml:1:85：TOML 语法错误：嵌套太深，无法读取\n  |\n1 | …[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…\n  |                                                    ^\n  提示：减少方括号或表格的嵌套层数\n", &[]),
    ("版式文件的文字没加引号", &[("p.toml", Text("[page]\nsize = A4\n"))], &["render", "s.toml", "-f", "docx", "--profile", "p.toml"], 1, "=错误：p.toml:2:8：版式文件不是有效的 TOML：文字没有用英文双引号括起来\n  |\n2 | size = A4\n  |        ^\n  提示：检查这一行的引号、等号和方括号；文字要放在英文双引号里，如 font = \"黑体\"\n", &[]),
    ("页边距 1e308", &[("p.toml", Gen(huge_margin))], &["render", "s.toml", "-f", "docx", "--profile", "p.toml"], 1, "=错误：p.toml:15:18：页边距 `margin-left-mm`（1e308 毫米）比纸张（210 毫米）还大\n   |\n15 | margin-left-mm = 1e308\n   |                  ^\n  提示：页边距以毫米计，GB/T 9704 为上 37、下 35、左 28、右 26\n", &[]),
    // -- mine output
    ("mine --out-dir 是文件", &[("a.txt", Text(SAMPLE)), ("o", Text(OLD))], &["mine", "a.txt", "--out-dir", "o"], 1, "错误：无法写入 o：这是一个文件，不是目录；--out-dir 要给一个目录（不存在时会自动创建）\n", &["o"]),
    ("mine --stats 不是目录", &[], &["mine", "--stats", "s.toml"], 1, "=错误：s.toml：不是目录；--stats 需要一个存放范文的目录\n", &[]),
];

const LONG_NAME: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.toml";

const SAMPLE: &str = "在全县工作会议上的讲话\n\n同志们：\n\n今天召开全县工作会议，主要任务是部署下一阶段工作。下面，我讲两点意见。\n\n一、统一思想\n\n要把思想统一到县委的部署上来。\n\n二、抓好落实\n\n各单位要抓好落实。\n";

fn big_spec() -> Vec<u8> {
    let mut s = MINIMAL.as_bytes().to_vec();
    s.extend(std::iter::repeat_n(b'#', 5 * 1024 * 1024));
    s
}

fn big_template() -> Vec<u8> {
    vec![b'a'; 2 * 1024 * 1024]
}

fn hundred_parts() -> Vec<u8> {
    let mut s = String::from("template = \"review\"\ntitle = \"讲话\"\n");
    for i in 0..100 {
        s.push_str(&format!(
            "[[parts]]\nheading = \"第{i}项\"\nparagraphs = [\"内容。\"]\n\n"
        ));
    }
    s.into_bytes()
}

fn thousand_sections() -> Vec<u8> {
    let mut s = String::from("template = \"review\"\ntitle = \"讲话\"\n");
    for i in 0..50 {
        s.push_str(&format!("[[parts]]\nheading = \"第{i}项\"\n"));
        for j in 0..20 {
            s.push_str(&format!(
                "[[parts.sections]]\nheading = \"第{j}小项\"\nparagraphs = [\"内容。\"]\n"
            ));
        }
    }
    s.into_bytes()
}

fn hundred_points() -> Vec<u8> {
    let points: Vec<String> = (0..100).map(|i| format!("\"要点{i}。\"")).collect();
    format!(
        "template = \"review\"\ntitle = \"讲话\"\n[[parts]]\nheading = \"统一思想\"\npoints = [{}]\n",
        points.join(", ")
    )
    .into_bytes()
}

fn gbk_spec() -> Vec<u8> {
    encoding_rs::GBK.encode(MINIMAL).0.into_owned()
}

fn gbk_template() -> Vec<u8> {
    encoding_rs::GBK
        .encode("同志们：{{title}}\n")
        .0
        .into_owned()
}

fn utf16(bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    for unit in MINIMAL.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

fn utf16_bom_spec() -> Vec<u8> {
    utf16(true)
}

fn utf16_spec() -> Vec<u8> {
    utf16(false)
}

fn utf16_ascii_spec() -> Vec<u8> {
    "template = \"review\"\ntitle = \"x\"\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

/// The start of a 64-bit ELF program: a header of NULs and control bytes.
fn program_bytes() -> Vec<u8> {
    let mut b = b"\x7fELF\x02\x01\x01".to_vec();
    b.extend((0u32..600).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 & 0x3f));
    b
}

/// A PNG signature and chunk header.
fn image_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    b.extend((0u32..300).map(|i| (i * 7 % 31) as u8));
    b
}

fn deep_toml() -> Vec<u8> {
    format!("a = {}1{}\n", "[".repeat(200), "]".repeat(200)).into_bytes()
}

fn huge_margin() -> Vec<u8> {
    OFFICIAL
        .replace("margin-left-mm = 28", "margin-left-mm = 1e308")
        .into_bytes()
}

/// A .docx whose document.xml inflates to 65 MB.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx whose document.xml is stored uncompressed with one byte changed after zipping.
fn bad_crc_docx() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(
        b"<w:document><w:body><w:p><w:r><w:t>MARKER</w:t></w:r></w:p></w:body></w:document>",
    )
    .unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    let at = bytes.windows(6).position(|w| w == b"MARKER").unwrap();
    bytes[at] = b'N';
    bytes
}

fn make(dir: &Path, name: &str, file: &F) {
    let path = dir.join(name);
    match file {
        Text(t) => fs::write(&path, t).unwrap(),
        Dir => fs::create_dir_all(&path).unwrap(),
        Link(to) => std::os::unix::fs::symlink(to, &path).unwrap(),
        HardLink(to) => fs::hard_link(dir.join(to), &path).unwrap(),
        ReadOnly(t) => {
            use std::os::unix::fs::PermissionsExt;
            fs::write(&path, t).unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        }
        Gen(f) => fs::write(&path, f()).unwrap(),
    }
}

/// Every file under `dir` (not following links), with its bytes (None for non-files).
fn snapshot(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let kind = e.file_type().unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            if kind.is_dir() {
                stack.push(e.path());
                out.push((rel, None));
            } else if kind.is_file() {
                out.push((rel, Some(fs::read(e.path()).unwrap())));
            } else {
                out.push((rel, None));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn hostile_inputs_get_chinese_errors_and_lose_nothing() {
    let mut failures = Vec::new();
    for (what, files, args, code, expected, untouched) in CASES {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("s.toml"), MINIMAL).unwrap();
        fs::write(dir.path().join("old.md"), OLD).unwrap();
        for (name, file) in *files {
            make(dir.path(), name, file);
        }
        let before = snapshot(dir.path());
        let out = jianghua(dir.path()).args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let after = snapshot(dir.path());
        let mut problems = Vec::new();
        if out.status.code() != Some(*code) {
            problems.push(format!("exit {:?}, expected {code}", out.status.code()));
        }
        let text_ok = match expected.strip_prefix('=') {
            Some(exact) if exact.ends_with('\n') => stderr == exact,
            Some(prefix) => stderr.starts_with(prefix),
            None => stderr.contains(expected),
        };
        if !text_ok {
            problems.push(format!("stderr {stderr:?}, expected {expected:?}"));
        }
        if stderr.contains('\0') {
            problems.push("raw NUL in the message".to_string());
        }
        for name in *untouched {
            let was = before.iter().find(|(n, _)| n == name);
            let now = after.iter().find(|(n, _)| n == name);
            if was != now {
                problems.push(format!("{name} changed"));
            }
        }
        if let Some((tmp, _)) = after.iter().find(|(n, _)| n.ends_with(".tmp")) {
            problems.push(format!("temp file left: {tmp}"));
        }
        if *code != 0 && before.len() != after.len() {
            let new: Vec<_> = after
                .iter()
                .filter(|a| !before.contains(a))
                .map(|a| &a.0)
                .collect();
            problems.push(format!("a failed run created files: {new:?}"));
        }
        if !problems.is_empty() {
            failures.push(format!("{what} ({args:?}): {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_symlinked_output_writes_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.toml"), MINIMAL).unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join("drafts/real.md"), OLD).unwrap();
    std::os::unix::fs::symlink("drafts/real.md", dir.path().join("link.md")).unwrap();
    jianghua(dir.path())
        .args(["render", "s.toml", "-o", "link.md"])
        .assert()
        .success();
    let link = fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    let text = fs::read_to_string(dir.path().join("drafts/real.md")).unwrap();
    assert!(text.starts_with("# 在全县工作会议上的讲话\n"), "{text}");
}

#[test]
fn force_replaces_a_read_only_output_and_keeps_it_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.toml"), MINIMAL).unwrap();
    make(dir.path(), "ro.md", &ReadOnly(OLD));
    jianghua(dir.path())
        .args(["render", "s.toml", "-o", "ro.md", "--force"])
        .assert()
        .success();
    let path = dir.path().join("ro.md");
    assert!(fs::read_to_string(&path).unwrap().starts_with("# 在全县"));
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn dotted_spec_names_keep_their_own_output_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("v1.2.toml"), MINIMAL).unwrap();
    fs::write(dir.path().join("v1.3.toml"), MINIMAL).unwrap();
    jianghua(dir.path())
        .args(["render", "v1.2.toml", "v1.3.toml", "--out-dir", "o"])
        .assert()
        .success();
    let names = common::names_in(&dir.path().join("o"));
    assert_eq!(names, ["v1.2.md", "v1.3.md"]);
    jianghua(dir.path())
        .args(["render", "v1.2.toml", "-o", "d/v1.2", "-f", "md,docx"])
        .assert()
        .failure();
    fs::create_dir(dir.path().join("d")).unwrap();
    jianghua(dir.path())
        .args(["render", "v1.2.toml", "-o", "d/v1.2", "-f", "md,docx"])
        .assert()
        .success();
    let names = common::names_in(&dir.path().join("d"));
    assert_eq!(names, ["v1.2.docx", "v1.2.md"]);
}

#[test]
fn stats_does_not_follow_symlinks_or_count_a_file_twice() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), SAMPLE).unwrap();
    fs::hard_link(corpus.join("a.txt"), corpus.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("loop1")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("loop2")).unwrap();
    std::os::unix::fs::symlink("a.txt", corpus.join("c.txt")).unwrap();
    let out = jianghua(dir.path())
        .args(["mine", "--stats", "c"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("1 篇"), "one file, counted once:\n{text}");
}

#[test]
fn a_mined_title_with_dots_and_direction_marks_becomes_a_plain_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let sample = SAMPLE.replace(
        "在全县工作会议上的讲话",
        "../../在全县工作会议上的讲话\u{202E}txt",
    );
    fs::write(dir.path().join("a.txt"), sample).unwrap();
    jianghua(dir.path())
        .args(["mine", "a.txt", "--out-dir", "o"])
        .assert()
        .success();
    let names: Vec<String> = fs::read_dir(dir.path().join("o"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    assert!(!name.starts_with('.'), "{name}");
    assert!(!name.contains('\u{202E}'), "{name:?}");
    assert!(name.ends_with(".toml"), "{name}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing written outside o/"
    );
}
