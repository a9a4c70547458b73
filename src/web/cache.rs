//! A rendered response kept in memory with its compressed forms and ETag, so
//! a page costs one hash lookup and a repeat visit costs a 304.

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

pub struct CachedPage {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    etag: HeaderValue,
    content_language: Option<HeaderValue>,
    /// A page partner sites may frame: its own policy (see `security::framable`).
    frame_policy: Option<HeaderValue>,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
    /// The densest brotli form, made off the request path once the page
    /// proved popular (see [`DENSE_AFTER`]).
    dense: Arc<OnceLock<Bytes>>,
    brotli_served: AtomicU32,
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

/// Brotli's densest level (a fifth smaller than level 5, but some 30 ms
/// for a 20 KB page): for pages that are read again and again.
const BROTLI_DENSE: i32 = 11;
/// About a millisecond for a 20 KB page: every page starts with this, so
/// thousands of pages read once each cost little.
const BROTLI_FAST: i32 = 5;
/// Brotli answers after which a page is compressed again at the densest
/// level, on a blocking thread.
const DENSE_AFTER: u32 = 8;

/// The codings a page is kept in, with their levels.
struct Codings {
    gzip: Option<flate2::Compression>,
    brotli: Option<i32>,
}

impl CachedPage {
    /// A page to keep: compressed once, as small as the codecs can make it.
    pub fn new(
        content_type: &'static str,
        cache_control: &'static str,
        body: impl Into<Bytes>,
    ) -> Self {
        Self::build(content_type, cache_control, body.into(), |compressible| {
            Codings {
                gzip: compressible.then_some(flate2::Compression::best()),
                brotli: compressible.then_some(BROTLI_FAST),
            }
        })
    }

    /// A page answered once (a search): compressed only in the coding the
    /// request accepts, at a level a single request can afford.
    pub fn once(
        content_type: &'static str,
        cache_control: &'static str,
        body: impl Into<Bytes>,
        request: &HeaderMap,
    ) -> Self {
        let accepted = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let br = accepts(accepted, "br");
        let gz = !br && accepts(accepted, "gzip");
        Self::build(content_type, cache_control, body.into(), |compressible| {
            Codings {
                gzip: (compressible && gz).then_some(flate2::Compression::new(4)),
                brotli: (compressible && br).then_some(BROTLI_FAST),
            }
        })
    }

    fn build(
        content_type: &'static str,
        cache_control: &'static str,
        identity: Bytes,
        codings: impl FnOnce(bool) -> Codings,
    ) -> Self {
        // A rendered page's buffer grew by doubling: keep an exact copy, so
        // the cache's byte budget is what it really holds.
        let identity = Bytes::copy_from_slice(&identity);
        let digest = Sha256::digest(&identity);
        let etag = format!("\"{}\"", hex::encode(&digest[..12]));
        let compressible =
            identity.len() >= MIN_COMPRESS && !matches!(content_type, "image/jpeg" | "image/png");
        let codings = codings(compressible);
        let mut page = CachedPage {
            content_type: HeaderValue::from_static(content_type),
            cache_control: HeaderValue::from_static(cache_control),
            etag: HeaderValue::from_str(&etag)
                .unwrap_or_else(|_| HeaderValue::from_static("\"0\"")),
            content_language: None,
            frame_policy: None,
            gzip: codings.gzip.and_then(|level| gzip(&identity, level)),
            brotli: codings
                .brotli
                .and_then(|quality| brotli(&identity, quality)),
            dense: Arc::default(),
            brotli_served: AtomicU32::new(0),
            identity,
            headers: Prebuilt::default(),
        };
        page.prebuild();
        page
    }

    /// Bytes this page holds in memory, its headers included.
    pub fn size(&self) -> usize {
        const HEADERS: usize = 2048;
        self.identity.len()
            + self.gzip.as_ref().map_or(0, Bytes::len)
            // Room for the dense form, about as large.
            + 2 * self.brotli.as_ref().map_or(0, Bytes::len)
            + HEADERS
    }

    pub fn with_language(mut self, lang: crate::campaign::Lang) -> Self {
        self.content_language = Some(HeaderValue::from_static(lang.code()));
        self.prebuild();
        self
    }

    /// Partner sites may frame it, as `policy` says.
    pub fn framable(mut self, policy: HeaderValue) -> Self {
        self.frame_policy = Some(policy);
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
        match &self.frame_policy {
            Some(policy) => super::security::framable(&mut not_modified, policy),
            None => super::security::apply(&mut not_modified),
        }
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
            (Some(br), _) if accepts(accepted, "br") => {
                let body = match self.dense.get() {
                    Some(dense) => dense,
                    None => {
                        self.densify_when_popular();
                        br
                    }
                };
                (&self.headers.brotli, body)
            }
            (_, Some(gz)) if accepts(accepted, "gzip") => (&self.headers.gzip, gz),
            _ => (&self.headers.identity, &self.identity),
        };
        (headers.clone(), body.clone()).into_response()
    }
}

impl CachedPage {
    /// Counts a brotli answer; the one that makes the page popular starts
    /// the dense compression, whose result later answers use.
    fn densify_when_popular(&self) {
        if self.brotli_served.fetch_add(1, Ordering::Relaxed) + 1 != DENSE_AFTER {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let (identity, dense) = (self.identity.clone(), self.dense.clone());
        runtime.spawn_blocking(move || {
            if let Some(bytes) = brotli(&identity, BROTLI_DENSE) {
                let _ = dense.set(bytes);
            }
        });
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

/// The bytes without the spare capacity the buffer grew.
fn exact(mut buffer: Vec<u8>) -> Bytes {
    buffer.shrink_to_fit();
    Bytes::from(buffer)
}

fn gzip(data: &[u8], level: flate2::Compression) -> Option<Bytes> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(data).ok()?;
    encoder.finish().ok().map(exact)
}

fn brotli(data: &[u8], quality: i32) -> Option<Bytes> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut std::io::Cursor::new(data), &mut out, &params).ok()?;
    Some(exact(out))
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

    /// A page read often is compressed again, more densely, off the
    /// request path; both forms decompress to the page.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_popular_page_gets_its_densest_brotli() {
        // Prose-like: words in a pseudo-random order, as a real page has.
        let words = [
            "свобода",
            "письмо",
            "суд",
            "заседание",
            "campaign",
            "letter",
            "court",
            "<p>",
            "</p>",
            "статья",
            "приговор",
        ];
        let mut seed = 7u32;
        let html: String = (0..3000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                format!(
                    "{} {} ",
                    words[(seed >> 16) as usize % words.len()],
                    seed % 1000
                )
            })
            .collect();
        let page = CachedPage::new("text/html; charset=utf-8", PAGE_MAX_AGE, html.clone());
        let mut asks = HeaderMap::new();
        asks.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br"));
        let body = |response: Response| async move {
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("body")
        };
        let first = body(page.respond(&asks)).await;
        for _ in 1..DENSE_AFTER {
            page.respond(&asks);
        }
        for _ in 0..500 {
            if page.dense.get().is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        let later = body(page.respond(&asks)).await;
        assert!(
            later.len() < first.len(),
            "{} < {}",
            later.len(),
            first.len()
        );
        for compressed in [first, later] {
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut std::io::Cursor::new(&compressed), &mut out)
                .expect("brotli");
            assert_eq!(out, html.as_bytes());
        }
    }
}
