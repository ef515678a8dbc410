//! `jianghua serve`, HTTP side: the real binary on a free loopback port, driven with plain
//! HTTP/1.1 requests — traversal, symlinks out, oversized bodies, malformed TOML, racing saves.

#[allow(dead_code)] // shared with tests/docx.rs, which uses more of it
#[path = "docx/ooxml.rs"]
mod ooxml;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `jianghua serve DIR`, killed when dropped.
pub struct Server {
    child: Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jianghua"))
            .arg("serve")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        // keep reading what the server prints, as a terminal would
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let addr = line
            .trim()
            .strip_prefix("讲话稿编辑器已启动：http://")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "loopback only: {addr}");
        Server { child, addr }
    }

    /// One request; returns the status code and the body.
    pub fn request(&self, method: &str, target: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        let head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        // the body goes from another thread: a server refusing a huge body answers (and closes)
        // before reading all of it, and the answer must still be read
        let mut writer = stream.try_clone().unwrap();
        let body = body.to_vec();
        let sending = std::thread::spawn(move || {
            let _ = writer.write_all(&body);
        });
        let mut raw = Vec::new();
        if let Err(e) = stream.read_to_end(&mut raw) {
            eprintln!("read {method} {target}: {e} after {} bytes", raw.len());
        }
        let _ = sending.join();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = raw[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        (status, body)
    }

    pub fn json(
        &self,
        method: &str,
        target: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let body = if body.is_null() {
            String::new()
        } else {
            body.to_string()
        };
        let (status, bytes) = self.request(method, target, body.as_bytes());
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("{target}: not JSON: {}", String::from_utf8_lossy(&bytes)));
        (status, value)
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap()
}

/// A folder with the review example as `review.toml`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.toml"), example("review.toml")).unwrap();
    dir
}

#[test]
fn lists_opens_and_previews_a_spec_as_pages() {
    let dir = workspace();
    let server = Server::start(dir.path());
    let (status, files) = server.json("GET", "/api/files", &serde_json::json!(null));
    assert_eq!(status, 200);
    assert_eq!(files["specs"], serde_json::json!(["review.toml"]));
    let (status, spec) = server.json(
        "GET",
        "/api/spec?path=review.toml",
        &serde_json::json!(null),
    );
    assert_eq!(status, 200);
    assert_eq!(spec["text"], example("review.toml"));
    let (_, preview) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "review.toml", "text": spec["text"] }),
    );
    assert_eq!(preview["ok"], true);
    let html = preview["html"].as_str().unwrap();
    assert!(html.contains("下面，我讲三点意见。"));
    assert!(html.contains("— 1 —"));
    assert!(
        preview["css"]
            .as_str()
            .unwrap()
            .contains("@page{size:210mm 297mm")
    );
    // the embedded page and scripts
    let (status, page) = server.request("GET", "/", b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8(page).unwrap().contains("讲话稿编辑器"));
    let (status, js) = server.request("GET", "/assets/editor.js", b"");
    assert_eq!(status, 200);
    assert!(js.len() > 100_000);
}

#[test]
fn path_traversal_and_other_files_are_refused() {
    let dir = workspace();
    let inner = dir.path().join("inner");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
    let server = Server::start(&inner);
    for target in [
        "/api/spec?path=../review.toml",
        "/api/spec?path=..%2Freview.toml",
        "/api/spec?path=%2Fetc%2Fpasswd",
        "/api/spec?path=..%2Fsecret.txt",
        "/api/spec?path=sub%2F..%2F..%2Freview.toml",
    ] {
        let (status, body) = server.json("GET", target, &serde_json::json!(null));
        assert_eq!(status, 403, "{target}: {body}");
        assert_eq!(body["ok"], false);
    }
    let (status, body) = server.json(
        "POST",
        "/api/save",
        &serde_json::json!({ "path": "../evil.toml", "text": "x", "base": null }),
    );
    assert_eq!(status, 403);
    assert!(body["error"].as_str().unwrap().contains("不在工作目录中"));
    assert!(!dir.path().join("evil.toml").exists());
    // a template path in the spec that leads outside is not read either
    std::fs::write(dir.path().join("outside.hbs"), "{{title}}").unwrap();
    let text =
        example("review.toml").replace("template = \"review\"", "template = \"../outside.hbs\"");
    let (_, body) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "a.toml", "text": text }),
    );
    assert_eq!(body["ok"], false);
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("不在工作目录中"),
        "{body}"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_leading_out_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("other.toml"), "title = \"外面\"").unwrap();
    let dir = workspace();
    std::os::unix::fs::symlink(
        outside.path().join("other.toml"),
        dir.path().join("link.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linkdir")).unwrap();
    let server = Server::start(dir.path());
    let (_, files) = server.json("GET", "/api/files", &serde_json::json!(null));
    assert_eq!(
        files["specs"],
        serde_json::json!(["review.toml"]),
        "links out are not listed"
    );
    for path in ["link.toml", "linkdir/other.toml", "linkdir/new.toml"] {
        let (status, body) = server.json(
            "GET",
            &format!("/api/spec?path={path}"),
            &serde_json::json!(null),
        );
        assert_eq!(status, 403, "{path}: {body}");
        let (status, _) = server.json(
            "POST",
            "/api/save",
            &serde_json::json!({ "path": path, "text": "title = \"改\"", "force": true }),
        );
        assert_eq!(status, 403, "{path}");
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("other.toml")).unwrap(),
        "title = \"外面\""
    );
    assert!(!outside.path().join("new.toml").exists());
}

#[test]
fn oversized_and_malformed_requests_get_errors_and_the_server_keeps_going() {
    let dir = workspace();
    let server = Server::start(dir.path());
    let huge = vec![b'x'; 2 * 1024 * 1024];
    let (status, body) = server.request("POST", "/api/preview", &huge);
    assert_eq!(status, 413);
    assert!(String::from_utf8(body).unwrap().contains("请求太大"));
    // a body within the HTTP cap carrying a spec over the spec cap
    let big_text = serde_json::json!({ "path": "review.toml", "text": "#".repeat(530 * 1024) });
    let (status, body) = server.json("POST", "/api/save", &big_text);
    assert_eq!(status, 413, "{body}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("review.toml")).unwrap(),
        example("review.toml")
    );
    let (status, body) = server.request("POST", "/api/preview", b"{not json");
    assert_eq!(status, 400);
    assert!(String::from_utf8(body).unwrap().contains("请求格式错误"));
    let (status, _) = server.request("GET", "/no/such/page", b"");
    assert_eq!(status, 404);
    let (status, _) = server.json(
        "POST",
        "/api/download?format=exe",
        &serde_json::json!({ "path": "review.toml", "text": example("review.toml") }),
    );
    assert_eq!(status, 400);
    // still answering
    let (status, _) = server.json("GET", "/api/files", &serde_json::json!(null));
    assert_eq!(status, 200);
}

#[test]
fn malformed_toml_is_reported_at_its_line_with_the_cli_message() {
    let dir = workspace();
    let server = Server::start(dir.path());
    let text = example("review.toml").replace("numbering = ", "numbring = ");
    let line = text
        .lines()
        .position(|l| l.starts_with("numbring"))
        .unwrap()
        + 1;
    std::fs::write(dir.path().join("bad.toml"), &text).unwrap();
    let cli = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .current_dir(dir.path())
        .args(["render", "bad.toml", "-o", "-"])
        .output()
        .unwrap();
    let cli = String::from_utf8(cli.stderr).unwrap();
    let (status, body) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "bad.toml", "text": text }),
    );
    assert_eq!(status, 200);
    assert_eq!(body["ok"], false);
    let error = &body["errors"][0];
    assert_eq!(error["line"], line);
    assert_eq!(error["column"], 1);
    assert_eq!(error["message"], "未知字段 `numbring`");
    let source_line = text.lines().nth(line - 1).unwrap();
    assert_eq!(error["snippet"], source_line);
    let shown = error["text"].as_str().unwrap();
    assert!(shown.starts_with(&format!("bad.toml:{line}:1：未知字段 `numbring`")));
    // the CLI shows the same message and hint, with the line and a caret between them
    let (head, help) = shown.split_once('\n').unwrap();
    let gutter = " ".repeat(line.to_string().len());
    assert_eq!(
        cli,
        format!("错误：{head}\n{gutter} |\n{line} | {source_line}\n{gutter} | ^\n{help}\n")
    );
    // unterminated string
    let (_, body) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "bad.toml", "text": "template = \"review\ntitle = \"x\"\n" }),
    );
    assert_eq!(body["ok"], false);
    assert_eq!(body["errors"][0]["line"], 1);
}

#[test]
fn saving_checks_the_version_and_racing_saves_lose_nothing() {
    let dir = workspace();
    let server = std::sync::Arc::new(Server::start(dir.path()));
    let (_, opened) = server.json(
        "GET",
        "/api/spec?path=review.toml",
        &serde_json::json!(null),
    );
    let base = opened["version"].clone();
    let texts: Vec<String> = (0..2)
        .map(|i| example("review.toml").replacen("title = \"", &format!("title = \"第{i}稿"), 1))
        .collect();
    let handles: Vec<_> = texts
        .iter()
        .map(|text| {
            let server = std::sync::Arc::clone(&server);
            let body = serde_json::json!({ "path": "review.toml", "text": text, "base": base });
            std::thread::spawn(move || server.json("POST", "/api/save", &body))
        })
        .collect();
    let results: Vec<(u16, serde_json::Value)> =
        handles.into_iter().map(|h| h.join().unwrap()).collect();
    let winners: Vec<usize> = (0..2).filter(|&i| results[i].0 == 200).collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    let loser = 1 - winners[0];
    assert_eq!(results[loser].0, 409);
    assert_eq!(results[loser].1["conflict"], true);
    let on_disk = std::fs::read_to_string(dir.path().join("review.toml")).unwrap();
    assert_eq!(on_disk, texts[winners[0]], "the saved text is whole");
    // the loser, told of the conflict, saves on purpose: nothing half-written, no temp files
    let (status, _) = server.json(
        "POST",
        "/api/save",
        &serde_json::json!({ "path": "review.toml", "text": texts[loser], "base": base, "force": true }),
    );
    assert_eq!(status, 200);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("review.toml")).unwrap(),
        texts[loser]
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "no temp files left");
    // a file changed on disk since it was opened is not overwritten silently
    std::fs::write(dir.path().join("review.toml"), "# 别人改的").unwrap();
    let (status, _) = server.json(
        "POST",
        "/api/save",
        &serde_json::json!({ "path": "review.toml", "text": "x", "base": base }),
    );
    assert_eq!(status, 409);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("review.toml")).unwrap(),
        "# 别人改的"
    );
}

#[test]
fn new_spec_from_a_type_never_overwrites_and_downloads_are_real_files() {
    let dir = workspace();
    let server = Server::start(dir.path());
    let (status, body) = server.json(
        "POST",
        "/api/new",
        &serde_json::json!({ "kind": "promotion", "path": "推进会" }),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["path"], "推进会.toml");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("推进会.toml")).unwrap(),
        example("promotion.toml")
    );
    let (status, _) = server.json(
        "POST",
        "/api/new",
        &serde_json::json!({ "kind": "review", "path": "review.toml" }),
    );
    assert_eq!(status, 409);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("review.toml")).unwrap(),
        example("review.toml")
    );
    let (status, body) = server.json(
        "POST",
        "/api/new",
        &serde_json::json!({ "kind": "reveiw", "path": "x" }),
    );
    assert_eq!(status, 400);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("是不是想写 review")
    );
    let draft = serde_json::json!({ "path": "review.toml", "text": example("review.toml") });
    let (status, md) = server.request(
        "POST",
        "/api/download?format=md",
        draft.to_string().as_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(String::from_utf8(md).unwrap(), example("review.md"));
    let (status, docx) = server.request(
        "POST",
        "/api/download?format=docx",
        draft.to_string().as_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(&docx[..2], b"PK");
    let archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    assert!(
        archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n == "word/document.xml"))
    );
}

// ---------------------------------------------------------------------------------------------
// Browser side: real headless Chromium through chromedriver (WebDriver, via fantoccini).

fn tool_present(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

/// Where the screenshots go (kept after the run, for people to look at).
fn shots_dir() -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn browser_edits_previews_saves_and_downloads() {
    if !tool_present("chromedriver") || !tool_present("chromium") {
        println!("skipped: chromium or chromedriver not installed (set up by .ci/run)");
        assert!(
            std::env::var_os("JIANGHUA_REQUIRE_TOOLS").is_none(),
            "chromium and chromedriver required"
        );
        return;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(browser_session());
}

async fn browser_session() {
    use fantoccini::{ClientBuilder, Locator, key::Key};
    use std::time::Duration;

    let dir = workspace();
    let downloads = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let driver = start_driver();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_string(),
        serde_json::json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.path().display()),
                "--window-size=1600,1000",
            ],
            "prefs": {
                "download.default_directory": downloads.path().display().to_string(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a WebDriver session");
    let shots = shots_dir();
    let js = |script: &'static str| {
        let client = client.clone();
        async move { client.execute(script, vec![]).await.unwrap() }
    };
    // polls `script` until it returns true (5 s at most)
    let until = |script: &'static str, what: &'static str| {
        let client = client.clone();
        async move {
            for _ in 0..100 {
                if client.execute(script, vec![]).await.unwrap() == serde_json::json!(true) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let state = client
                .execute(
                    "return [jianghua.editor.getText().slice(-300), document.querySelector('#errors').innerText, document.querySelector('#status').innerText]",
                    vec![],
                )
                .await
                .unwrap();
            panic!("timed out waiting for {what}; end of the editor, errors, status: {state}");
        }
    };

    client
        .goto(&format!("http://{}/?spec=review.toml", server.addr))
        .await
        .unwrap();
    until(
        "return !!document.querySelector('#preview .page')",
        "the first preview",
    )
    .await;
    let preview_text = "return document.querySelector('#preview').innerText";
    let text = js(preview_text).await;
    assert!(text.as_str().unwrap().contains("下面，我讲三点意见。"));
    let pages_before: usize = js("return document.querySelectorAll('#preview .page').length")
        .await
        .as_u64()
        .unwrap() as usize;
    std::fs::write(
        shots.join("1-opened.png"),
        client.screenshot().await.unwrap(),
    )
    .unwrap();

    // type a fourth part at the end of the spec
    let content = client.find(Locator::Css(".cm-content")).await.unwrap();
    content.click().await.unwrap();
    content
        .send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .unwrap();
    let point = "要加强作风建设，持之以恒纠治形式主义、官僚主义，为基层减负松绑。".repeat(21);
    content
        .send_keys(&format!(
            "\n[[parts]]\nheading = \"从严从实，切实加强作风建设\"\nparagraphs = [\"{point}\"]\n"
        ))
        .await
        .unwrap();
    until(
        "return document.querySelector('#preview').innerText.includes('下面，我讲四点意见。')",
        "the count word to become 四点",
    )
    .await;
    let pages_after = js("return document.querySelectorAll('#preview .page').length")
        .await
        .as_u64()
        .unwrap() as usize;
    assert!(
        pages_after > pages_before,
        "a page more: {pages_before} → {pages_after}"
    );
    let text = js(preview_text).await;
    assert!(
        text.as_str()
            .unwrap()
            .contains("四、从严从实，切实加强作风建设")
    );
    assert!(
        text.as_str()
            .unwrap()
            .contains(&format!("— {pages_after} —"))
    );
    client
        .execute("document.querySelector('#right').scrollTop = 1e9", vec![])
        .await
        .unwrap();
    std::fs::write(
        shots.join("2-fourth-point.png"),
        client.screenshot().await.unwrap(),
    )
    .unwrap();

    // a mistyped key on line 1: marked at its line with the CLI's message
    content
        .send_keys(&format!(
            "{}{}{}titel = \"x\"\n",
            Key::Control,
            Key::Home,
            Key::Null
        ))
        .await
        .unwrap();
    until(
        "return !!document.querySelector('#errors li.error[data-line=\"1\"]')",
        "the error at line 1",
    )
    .await;
    let error = js("return document.querySelector('#errors li.error').innerText").await;
    assert_eq!(
        error.as_str().unwrap(),
        "review.toml:1:1：未知字段 `titel`\n  提示：是不是想写 `title`？"
    );
    until(
        "return !!document.querySelector('.cm-lint-marker-error') && !!document.querySelector('.cm-lintRange-error')",
        "the error marked in the editor",
    )
    .await;
    std::fs::write(
        shots.join("3-bad-key.png"),
        client.screenshot().await.unwrap(),
    )
    .unwrap();

    // remove the bad line again, then save
    content
        .send_keys(&format!(
            "{}{}{}{}{}{}",
            Key::Control,
            Key::Home,
            Key::Null,
            Key::Shift,
            Key::Down,
            Key::Null
        ))
        .await
        .unwrap();
    content
        .send_keys(&Key::Backspace.to_string())
        .await
        .unwrap();
    until(
        "return document.querySelectorAll('#errors li.error').length === 0 && document.querySelector('#preview').innerText.includes('四点意见')",
        "the error to go away",
    )
    .await;
    client
        .find(Locator::Id("save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        "return document.querySelector('#status').innerText.startsWith('已保存')",
        "the save",
    )
    .await;
    let editor_text = js("return jianghua.editor.getText()").await;
    let on_disk = std::fs::read_to_string(dir.path().join("review.toml")).unwrap();
    assert_eq!(on_disk, editor_text.as_str().unwrap());
    assert!(on_disk.contains("heading = \"从严从实，切实加强作风建设\""));
    assert!(!on_disk.contains("titel"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "no temp file left beside the spec");
    std::fs::write(
        shots.join("4-saved.png"),
        client.screenshot().await.unwrap(),
    )
    .unwrap();

    // download the .docx and open it with the .docx checks: every XML part parses strictly
    client
        .find(Locator::Id("dl-docx"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let docx_path = downloads.path().join("review.docx");
    for _ in 0..100 {
        if docx_path.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let bytes = std::fs::read(&docx_path).expect("the downloaded .docx");
    let parts = ooxml::parts(&bytes);
    for (name, xml) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            ooxml::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let document = ooxml::parse(&parts["word/document.xml"]).unwrap();
    let body = ooxml::body_text(&document);
    assert!(body.contains("下面，我讲四点意见。"));
    assert!(body.contains("从严从实，切实加强作风建设"));
    client.close().await.unwrap();
    println!("screenshots in {}", shots.display());
}

#[test]
fn preview_shows_check_findings_and_refuses_a_wrong_count_like_the_cli() {
    let dir = workspace();
    let server = Server::start(dir.path());
    // a leftover placeholder in the opening: a finding at its line, as `jianghua check` says it
    let text =
        example("review.toml").replace("comment = \"大家的述职", "comment = \"XX同志和大家的述职");
    std::fs::write(dir.path().join("draft.toml"), &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("comment = \"XX"))
        .unwrap()
        + 1;
    let cli = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .current_dir(dir.path())
        .args(["check", "draft.toml"])
        .output()
        .unwrap();
    let cli = String::from_utf8(cli.stdout).unwrap();
    let (_, body) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "draft.toml", "text": text }),
    );
    assert_eq!(body["ok"], true);
    let findings = body["findings"].as_array().unwrap();
    let placeholder = findings
        .iter()
        .find(|f| f["rule"] == "placeholder")
        .expect("placeholder finding");
    assert_eq!(placeholder["line"], line);
    assert_eq!(placeholder["severity"], "error");
    let shown = placeholder["text"].as_str().unwrap();
    assert!(cli.contains(shown), "same text as the CLI:\n{cli}\n{shown}");
    // a transition announcing more parts than the spec has: refused as `render` refuses it
    let wrong = example("review.toml").replace("我讲{n}点意见", "我讲五点意见");
    let (_, body) = server.json(
        "POST",
        "/api/preview",
        &serde_json::json!({ "path": "review.toml", "text": wrong }),
    );
    assert_eq!(body["ok"], false);
    let line = wrong
        .lines()
        .position(|l| l.starts_with("transition"))
        .unwrap()
        + 1;
    assert_eq!(body["errors"][0]["line"], line);
}
