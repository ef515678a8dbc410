//! `jianghua serve`: a local web editor — the spec on the left, its typeset A4 pages on the right.
//! Loopback only; pages and scripts are embedded in the binary, nothing is fetched from outside.

pub mod api;
pub mod workspace;

use api::{Api, Reply};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::sync::Arc;

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = api::MAX_SPEC_BYTES + 64 * 1024;

const INDEX: &str = include_str!("../../web/index.html");
const APP_JS: &str = include_str!("../../web/app.js");
const APP_CSS: &str = include_str!("../../web/app.css");
const EDITOR_JS: &str = include_str!("../../web/dist/editor.js");

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(d) = self
            .disposition
            .and_then(|d| HeaderValue::from_str(&d).ok())
        {
            headers.insert(header::CONTENT_DISPOSITION, d);
        }
        response
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // the page may load only what the binary serves
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:",
            ),
        ],
        body,
    )
        .into_response()
}

type Shared = State<Arc<Api>>;

/// Runs a synchronous handler off the async threads.
async fn blocking(f: impl FnOnce() -> Reply + Send + 'static) -> Reply {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|_| Reply::error(500, "服务器内部错误"))
}

/// A request body, or the error for one too large to read (Chinese, as JSON).
type Body = Result<Bytes, axum::extract::rejection::BytesRejection>;

/// Runs `f` with the body off the async threads.
async fn with_body(
    api: Arc<Api>,
    body: Body,
    f: impl FnOnce(&Api, &[u8]) -> Reply + Send + 'static,
) -> Reply {
    match body {
        Ok(bytes) => blocking(move || f(&api, &bytes)).await,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Reply::error(
            413,
            format!("请求太大（超过 {} KB）", MAX_BODY_BYTES / 1024),
        ),
        Err(e) => Reply::error(400, format!("无法读取请求：{}", e.body_text())),
    }
}

fn query_path(q: &HashMap<String, String>) -> String {
    q.get("path").cloned().unwrap_or_default()
}

/// The routes of the editor.
pub fn router(api: Arc<Api>) -> Router {
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX) }))
        .route(
            "/assets/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/assets/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .route(
            "/assets/editor.js",
            get(|| async { asset("text/javascript; charset=utf-8", EDITOR_JS) }),
        )
        .route(
            "/api/files",
            get(|State(api): Shared| async move { blocking(move || api.files()).await }),
        )
        .route(
            "/api/spec",
            get(
                |State(api): Shared, Query(q): Query<HashMap<String, String>>| async move {
                    blocking(move || api.open(&query_path(&q))).await
                },
            ),
        )
        .route(
            "/api/preview",
            post(|State(api): Shared, body: Body| async move {
                with_body(api, body, |api, body| api.preview(body)).await
            }),
        )
        .route(
            "/api/save",
            post(|State(api): Shared, body: Body| async move {
                with_body(api, body, |api, body| api.save(body)).await
            }),
        )
        .route(
            "/api/new",
            post(|State(api): Shared, body: Body| async move {
                with_body(api, body, |api, body| api.create(body)).await
            }),
        )
        .route(
            "/api/download",
            post(
                |State(api): Shared, Query(q): Query<HashMap<String, String>>, body: Body| async move {
                    let format = q.get("format").cloned().unwrap_or_default();
                    with_body(api, body, move |api, body| api.download(&format, body)).await
                },
            ),
        )
        .fallback(|| async { Reply::error(404, "没有这个地址") })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(api)
}

/// Serves `api` on an already bound loopback listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, api: Api) -> std::io::Result<()> {
    axum::serve(listener, router(Arc::new(api))).await
}
