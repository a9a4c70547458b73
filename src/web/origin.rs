//! Where a form POST comes from. Browsers say it (`Origin`, else
//! `Referer`): a hostile page can make a visitor's browser post our signing
//! form, but it cannot make the browser lie about the page it came from.

use axum::http::{HeaderMap, header};

use crate::config::normalize_origin;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostSource {
    /// This site, under any name it is reached by, or an embedding site
    /// listed in `embed_origins`.
    Allowed,
    /// Another site.
    Foreign,
    /// The browser said nothing (old browsers, some privacy tools).
    Unknown,
}

/// Classifies a POST by its `Origin` (or `Referer`) against the request's
/// own host, `public_url` and the allowed embedding origins.
pub fn post_source(headers: &HeaderMap, public_url: &str, embed_origins: &[String]) -> PostSource {
    // Set by the browser itself, never by a page: our own form.
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"same-origin")
    {
        return PostSource::Allowed;
    }
    let origin = match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        // "null": a sandboxed frame, a data: page, a redirect across sites.
        Some(o) if o.trim() == "null" => return PostSource::Foreign,
        Some(o) => normalize_origin(o),
        None => match headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
            Some(r) => normalize_origin(r),
            None => return PostSource::Unknown,
        },
    };
    let Some(origin) = origin else {
        return PostSource::Foreign;
    };
    let own_host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    // Behind a TLS proxy the scheme is not known here: compare host and port.
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
    let same_host = own_host.as_deref().is_some_and(|h| {
        h == origin_host || h.strip_suffix(":80").or(h.strip_suffix(":443")) == Some(origin_host)
    });
    let ours = normalize_origin(public_url).is_some_and(|p| p == origin);
    if same_host || ours || embed_origins.contains(&origin) {
        PostSource::Allowed
    } else {
        PostSource::Foreign
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().expect("header value"));
        }
        h
    }

    const PUBLIC: &str = "https://free-boris.example";

    #[test]
    fn our_own_pages_and_listed_partners_may_post() {
        let embed = vec!["https://partner.example".to_string()];
        for h in [
            headers(&[
                ("host", "free-boris.example"),
                ("origin", "https://free-boris.example"),
            ]),
            headers(&[
                ("host", "mirror.example"),
                ("origin", "https://mirror.example"),
            ]),
            headers(&[
                ("host", "127.0.0.1:8080"),
                ("origin", "http://127.0.0.1:8080"),
            ]),
            headers(&[
                ("host", "x.example"),
                ("referer", "https://free-boris.example/en/a/petition/b"),
            ]),
            headers(&[("host", "x.example"), ("origin", "https://PARTNER.example")]),
            headers(&[
                ("host", "x.example"),
                ("origin", "null"),
                ("sec-fetch-site", "same-origin"),
            ]),
        ] {
            assert_eq!(
                post_source(&h, PUBLIC, &embed),
                PostSource::Allowed,
                "{h:?}"
            );
        }
    }

    #[test]
    fn other_sites_are_foreign_and_silence_is_unknown() {
        for h in [
            headers(&[
                ("host", "free-boris.example"),
                ("origin", "https://evil.example"),
            ]),
            headers(&[("host", "free-boris.example"), ("origin", "null")]),
            headers(&[
                ("host", "free-boris.example"),
                ("origin", "null"),
                ("sec-fetch-site", "cross-site"),
            ]),
            headers(&[
                ("host", "free-boris.example"),
                ("referer", "https://evil.example/x"),
            ]),
            headers(&[
                ("host", "free-boris.example"),
                ("origin", "https://free-boris.example.evil.example"),
            ]),
        ] {
            assert_eq!(post_source(&h, PUBLIC, &[]), PostSource::Foreign, "{h:?}");
        }
        assert_eq!(
            post_source(&headers(&[("host", "free-boris.example")]), PUBLIC, &[]),
            PostSource::Unknown
        );
    }
}
