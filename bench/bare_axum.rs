//! The ceiling of Svoboda's HTTP stack, for `scripts/bench`: a bare axum
//! server answering responses captured from Svoboda (the very same bytes and
//! headers) from memory, doing nothing else. Svoboda's cached pages are
//! judged by their ratio to this server in the same run.
//!
//!   bare-axum ADDR DIR
//!
//! DIR holds `paths` (lines "PATH NAME", PATH with its query if any), and for each NAME the body
//! (`NAME.body`) and the headers as `curl -D` wrote them (`NAME.headers`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

type Pages = Arc<HashMap<String, (HeaderMap, Bytes)>>;

/// Headers hyper writes itself, like it does for Svoboda.
const OWN_HEADERS: [&str; 4] = ["date", "content-length", "connection", "transfer-encoding"];

fn load(dir: &std::path::Path) -> std::io::Result<Pages> {
    let mut pages = HashMap::new();
    for line in std::fs::read_to_string(dir.join("paths"))?.lines() {
        let Some((path, name)) = line.split_once(' ') else {
            continue;
        };
        let body = std::fs::read(dir.join(format!("{name}.body")))?;
        let raw = std::fs::read_to_string(dir.join(format!("{name}.headers")))?;
        let mut headers = HeaderMap::new();
        for header in raw.lines().skip(1) {
            let Some((k, v)) = header.split_once(':') else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            if OWN_HEADERS.contains(&k.as_str()) {
                continue;
            }
            if let (Ok(k), Ok(v)) = (HeaderName::try_from(k), HeaderValue::from_str(v.trim())) {
                headers.append(k, v);
            }
        }
        pages.insert(path.to_string(), (headers, Bytes::from(body)));
    }
    Ok(Arc::new(pages))
}

async fn answer(State(pages): State<Pages>, uri: Uri) -> Response {
    let target = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    match pages.get(target) {
        Some((headers, body)) => (headers.clone(), body.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: bare-axum ADDR DIR");
        std::process::exit(2);
    };
    let pages = load(std::path::Path::new(&dir))?;
    let app = Router::new().fallback(answer).with_state(pages);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await
}
