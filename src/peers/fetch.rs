//! One GET of a peer's file, over http or https (rustls, the web PKI's
//! roots): conditional when the last answer had validators, bounded in
//! time and in size. A peer that does not answer, answers slowly or sends
//! too much costs this instance a bounded wait, never its memory.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

/// Connecting, and then the whole answer, must each end within this.
const TIMEOUT: Duration = Duration::from_secs(20);

/// The validators of the last good answer, sent back as conditions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug)]
pub enum Answer {
    NotModified,
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) address: {0}")]
    Address(String),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("no answer within {}s", TIMEOUT.as_secs())]
    Timeout,
    #[error("answered {0}")]
    Status(u16),
    #[error("the answer is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the connection failed: {0}")]
    Protocol(String),
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

static TLS: LazyLock<Option<tokio_rustls::TlsConnector>> = LazyLock::new(|| {
    let roots = rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .ok()?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Some(tokio_rustls::TlsConnector::from(Arc::new(config)))
});

/// GETs `url`; `limit` bounds the body's bytes.
pub async fn get(url: &str, conditions: &Validators, limit: usize) -> Result<Answer, FetchError> {
    tokio::time::timeout(TIMEOUT, get_now(url, conditions, limit))
        .await
        .map_err(|_| FetchError::Timeout)?
}

async fn get_now(url: &str, conditions: &Validators, limit: usize) -> Result<Answer, FetchError> {
    let bad = || FetchError::Address(url.chars().take(100).collect());
    let parsed = url::Url::parse(url).map_err(|_| bad())?;
    let host = parsed.host_str().ok_or_else(bad)?.to_string();
    let port = parsed.port_or_known_default().ok_or_else(bad)?;
    let tcp = TcpStream::connect((host.trim_matches(['[', ']']), port))
        .await
        .map_err(|e| FetchError::Connect(e.to_string()))?;
    let io: Box<dyn Io> = match parsed.scheme() {
        "http" => Box::new(tcp),
        "https" => {
            let tls = TLS
                .as_ref()
                .ok_or_else(|| FetchError::Connect("no TLS".into()))?;
            let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|_| bad())?;
            Box::new(
                tls.connect(name, tcp)
                    .await
                    .map_err(|e| FetchError::Connect(e.to_string()))?,
            )
        }
        _ => return Err(bad()),
    };
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|e| FetchError::Protocol(e.to_string()))?;
    tokio::spawn(connection);
    let authority = match parsed.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.clone(),
    };
    let mut request = hyper::Request::get(&parsed[url::Position::BeforePath..])
        .header(header::HOST, authority)
        .header(header::USER_AGENT, "Svoboda (peer directory)")
        .header(header::ACCEPT, "application/json, image/*");
    if let Some(etag) = &conditions.etag {
        request = request.header(header::IF_NONE_MATCH, etag);
    }
    if let Some(modified) = &conditions.last_modified {
        request = request.header(header::IF_MODIFIED_SINCE, modified);
    }
    let request = request
        .body(Empty::<Bytes>::new())
        .map_err(|e| FetchError::Protocol(e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| FetchError::Protocol(e.to_string()))?;
    let status = response.status();
    if status == hyper::StatusCode::NOT_MODIFIED {
        return Ok(Answer::NotModified);
    }
    if !status.is_success() {
        return Err(FetchError::Status(status.as_u16()));
    }
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(200).collect::<String>())
    };
    let validators = Validators {
        etag: header_text(header::ETAG),
        last_modified: header_text(header::LAST_MODIFIED),
    };
    let declared = header_text(header::CONTENT_LENGTH).and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|l| l > limit) {
        return Err(FetchError::TooLarge(limit));
    }
    let mut body = response.into_body();
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| FetchError::Protocol(e.to_string()))?;
        if let Some(data) = frame.data_ref() {
            if bytes.len() + data.len() > limit {
                return Err(FetchError::TooLarge(limit));
            }
            bytes.extend_from_slice(data);
        }
    }
    Ok(Answer::Body { bytes, validators })
}
