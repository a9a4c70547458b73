//! A rendered response kept in memory with its compressed forms and ETag, so
//! a page costs one hash lookup and a repeat visit costs a 304.

use std::io::Write;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

pub struct CachedPage {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    etag: HeaderValue,
    content_language: Option<HeaderValue>,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
    /// Every header of each answer, built once: a request only clones one.
    headers: Prebuilt,
}

/// The complete header sets of a page's answers, security headers included.
#[derive(Default)]
struct Prebuilt {
    identity: HeaderMap,
    gzip: HeaderMap,
    brotli: HeaderMap,
    not_modified: HeaderMap,
}

/// How long browsers and proxies may reuse a page without asking again.
pub const PAGE_MAX_AGE: &str = "public, max-age=60";
/// For files whose URL changes with their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Bodies smaller than this are not worth compressing.
const MIN_COMPRESS: usize = 512;

impl CachedPage {
    pub fn new(
        content_type: &'static str,
        cache_control: &'static str,
        body: impl Into<Bytes>,
    ) -> Self {
        let identity: Bytes = body.into();
        let digest = Sha256::digest(&identity);
        let etag = format!("\"{}\"", hex::encode(&digest[..12]));
        let compressible =
            identity.len() >= MIN_COMPRESS && !content_type.starts_with("image/jpeg");
        let mut page = CachedPage {
            content_type: HeaderValue::from_static(content_type),
            cache_control: HeaderValue::from_static(cache_control),
            etag: HeaderValue::from_str(&etag)
                .unwrap_or_else(|_| HeaderValue::from_static("\"0\"")),
            content_language: None,
            gzip: compressible.then(|| gzip(&identity)).flatten(),
            brotli: compressible.then(|| brotli(&identity)).flatten(),
            identity,
            headers: Prebuilt::default(),
        };
        page.prebuild();
        page
    }

    pub fn with_language(mut self, lang: crate::campaign::Lang) -> Self {
        self.content_language = Some(HeaderValue::from_static(lang.code()));
        self.prebuild();
        self
    }

    pub fn etag(&self) -> &HeaderValue {
        &self.etag
    }

    fn prebuild(&mut self) {
        let mut not_modified = HeaderMap::with_capacity(12);
        not_modified.insert(header::ETAG, self.etag.clone());
        not_modified.insert(header::CACHE_CONTROL, self.cache_control.clone());
        not_modified.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        super::security::apply(&mut not_modified);
        let mut identity = not_modified.clone();
        identity.insert(header::CONTENT_TYPE, self.content_type.clone());
        if let Some(lang) = &self.content_language {
            identity.insert(header::CONTENT_LANGUAGE, lang.clone());
        }
        let encoded = |coding: &'static str| {
            let mut h = identity.clone();
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            h
        };
        self.headers = Prebuilt {
            gzip: encoded("gzip"),
            brotli: encoded("br"),
            identity,
            not_modified,
        };
    }

    /// The response for a request with these headers: 304 when the client
    /// has this version, else the smallest encoding it accepts.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let fresh = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| {
                tags.split(',')
                    .any(|t| t.trim() == self.etag || t.trim() == "*")
            });
        if fresh {
            return (StatusCode::NOT_MODIFIED, self.headers.not_modified.clone()).into_response();
        }
        let accepted = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let (headers, body) = match (&self.brotli, &self.gzip) {
            (Some(br), _) if accepts(accepted, "br") => (&self.headers.brotli, br),
            (_, Some(gz)) if accepts(accepted, "gzip") => (&self.headers.gzip, gz),
            _ => (&self.headers.identity, &self.identity),
        };
        (headers.clone(), body.clone()).into_response()
    }
}

/// Whether an Accept-Encoding value allows `coding` (present, and not q=0).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn gzip(data: &[u8]) -> Option<Bytes> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

fn brotli(data: &[u8]) -> Option<Bytes> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut std::io::Cursor::new(data), &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_respects_q_zero() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("gzip;q=0.5", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("brotli", "br"));
    }
}
