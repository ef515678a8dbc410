//! `jianghua serve`: starts the local editor on 127.0.0.1 and prints its address.

use crate::cli::ServeArgs;
use crate::error::{Error, Result, io_reason};
use crate::serve::{api::Api, serve, workspace::Workspace};
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: &ServeArgs) -> Result<()> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} 不是一个目录；请给出存放要素文件的目录",
            dir.display()
        )));
    }
    let workspace = Workspace::new(&dir).map_err(|source| Error::Read {
        path: dir.clone(),
        source,
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(format!("无法启动服务：{}", io_reason(&e))))?;
    runtime.block_on(async {
        // loopback only: the editor reads and writes files, it must not be reachable from outside
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port.unwrap_or(0)))
            .await
            .map_err(|e| {
                Error::Usage(format!(
                    "无法在 127.0.0.1:{} 上启动服务：{}（端口可能已被占用，换一个 --port 试试）",
                    args.port.unwrap_or(0),
                    io_reason(&e)
                ))
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Usage(io_reason(&e)))?;
        let url = format!("http://{addr}/");
        // a closed stdout (`jianghua serve | head -1`) must not stop the server
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "讲话稿编辑器已启动：{url}");
        let _ = writeln!(
            out,
            "工作目录：{}（按 Ctrl+C 退出）",
            workspace.root().display()
        );
        let _ = out.flush();
        drop(out);
        if args.open {
            open_browser(&url);
        }
        serve(listener, Api::new(workspace))
            .await
            .map_err(|e| Error::Usage(format!("服务中止：{}", io_reason(&e))))
    })
}

/// Opens `url` in the system browser; failing to do so only prints a hint.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .spawn()
        .is_err()
    {
        eprintln!("无法自动打开浏览器；请手动打开 {url}");
    }
}
