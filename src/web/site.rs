//! The name a request came in on. One instance answers under `public_url`,
//! its `mirrors` and its onion address; a reader who reached it by one name
//! may find the others blocked, so every link a page gives (canonical,
//! feeds, share and mail links) stays on the name the reader used. A static
//! copy of the site (`svoboda mirror export`) is one more kind of site: it
//! cannot take a form, so its petition forms post to a live name.

use std::borrow::Cow;
use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};

use crate::campaign::Lang;
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;

/// Every live name of the instance: `public_url` first, then the mirrors,
/// then the onion address.
#[derive(Debug)]
pub struct Sites {
    names: Vec<Name>,
    onion: Option<usize>,
    /// The languages every name offers, the switch's order.
    languages: Vec<Lang>,
}

#[derive(Debug)]
struct Name {
    /// `scheme://host[:port]`, no trailing slash.
    base: String,
    /// `host[:port]` as a Host header names it, lower case, no default port.
    host: String,
}

impl Name {
    fn new(base: &str) -> Self {
        let base = base.trim_end_matches('/').to_string();
        let host = base
            .split_once("://")
            .map(|(_, h)| h)
            .unwrap_or(&base)
            .to_ascii_lowercase();
        Name { base, host }
    }
}

impl Sites {
    pub fn new(
        public_url: &str,
        mirrors: &[String],
        onion_url: Option<&str>,
        languages: Vec<Lang>,
    ) -> Self {
        let mut names = vec![Name::new(public_url)];
        for mirror in mirrors {
            let name = Name::new(mirror);
            if names.iter().all(|n| n.host != name.host) {
                names.push(name);
            }
        }
        let onion = onion_url.map(|o| {
            let name = Name::new(o);
            match names.iter().position(|n| n.host == name.host) {
                Some(i) => i,
                None => {
                    names.push(name);
                    names.len() - 1
                }
            }
        });
        Sites {
            names,
            onion,
            languages,
        }
    }

    /// Only `public_url`: every request gets the same pages.
    pub fn is_single(&self) -> bool {
        self.names.len() == 1
    }

    /// The name a Host header matches, else `public_url`'s.
    fn index_of(&self, host: Option<&HeaderValue>) -> usize {
        if self.is_single() {
            return 0;
        }
        let Some(host) = host.and_then(|h| h.to_str().ok()) else {
            return 0;
        };
        let host = host.trim().to_ascii_lowercase();
        let host = host
            .strip_suffix(":443")
            .or_else(|| host.strip_suffix(":80"))
            .unwrap_or(&host);
        self.names.iter().position(|n| n.host == host).unwrap_or(0)
    }
}

/// The site a page is rendered for.
#[derive(Debug, Clone)]
pub struct Site {
    sites: Arc<Sites>,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// One of the live names, by its index in `Sites`.
    Live(usize),
    /// A static copy whose own address is `base` (or, unknown, `public_url`).
    Static { base: String },
}

/// A link to this page under another name.
pub struct MirrorLink {
    pub href: String,
    pub label: String,
}

impl Site {
    /// The languages pages are offered in.
    pub fn languages(&self) -> &[Lang] {
        &self.sites.languages
    }

    /// The site of a request: the static copy being exported (only code in
    /// this process sets the extension), else by its Host header.
    pub fn of(sites: &Arc<Sites>, extensions: &Extensions, headers: &HeaderMap) -> Self {
        match extensions.get::<Site>() {
            Some(copy) => copy.clone(),
            None => Site::of_request(sites, headers),
        }
    }

    /// The site of a request on the network: by its Host header.
    pub fn of_request(sites: &Arc<Sites>, headers: &HeaderMap) -> Self {
        Site {
            kind: Kind::Live(sites.index_of(headers.get(header::HOST))),
            sites: sites.clone(),
        }
    }

    /// A static copy served at `base`, or at an address not known in
    /// advance (a USB stick) when `None`: absolute links then name `public_url`.
    pub fn static_copy(sites: &Arc<Sites>, base: Option<&str>) -> Self {
        let base = base.unwrap_or(&sites.names[0].base);
        Site {
            kind: Kind::Static {
                base: base.trim_end_matches('/').to_string(),
            },
            sites: sites.clone(),
        }
    }

    /// Base of absolute links on this site's pages.
    pub fn base(&self) -> &str {
        match &self.kind {
            Kind::Live(i) => &self.sites.names[*i].base,
            Kind::Static { base } => base,
        }
    }

    pub fn is_static(&self) -> bool {
        matches!(self.kind, Kind::Static { .. })
    }

    /// Where a form at `path` posts: itself, or from a static copy the same
    /// path on `public_url`.
    pub fn form_action(&self, path: &str) -> String {
        match self.kind {
            Kind::Live(_) => path.to_string(),
            Kind::Static { .. } => format!("{}{path}", self.sites.names[0].base),
        }
    }

    /// The key of a page at `path` in the page cache: pages differ by site.
    pub fn cache_key<'a>(&self, path: &'a str) -> Cow<'a, str> {
        match &self.kind {
            Kind::Live(0) => Cow::Borrowed(path),
            Kind::Live(i) => Cow::Owned(format!("@{i}{path}")),
            Kind::Static { .. } => Cow::Owned(format!("@static{path}")),
        }
    }

    /// `path` under every live name but this one: where to read (or sign)
    /// if this address is blocked.
    pub fn elsewhere(&self, path: &str) -> Vec<MirrorLink> {
        let current = match self.kind {
            Kind::Live(i) => Some(i),
            Kind::Static { .. } => None,
        };
        self.sites
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != current)
            .map(|(_, n)| MirrorLink {
                href: format!("{}{path}", n.base),
                label: n.host.clone(),
            })
            .collect()
    }

    /// The `Onion-Location` of `path_and_query`, when the instance has an
    /// onion service and this is another live name.
    pub fn onion_location(&self, path_and_query: &str) -> Option<HeaderValue> {
        let onion = self.sites.onion?;
        match self.kind {
            Kind::Live(i) if i != onion => {
                HeaderValue::from_str(&format!("{}{path_and_query}", self.sites.names[onion].base))
                    .ok()
            }
            _ => None,
        }
    }
}

impl FromRequestParts<Arc<AppState>> for Site {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Site::of(&state.sites, &parts.extensions, &parts.headers))
    }
}

/// Adds `Onion-Location` to HTML pages (Tor Browser offers the onion
/// address; other browsers ignore it).
pub async fn add_onion_location(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let site = Site::of(&state.sites, request.extensions(), request.headers());
    let location = request
        .uri()
        .path_and_query()
        .and_then(|pq| site.onion_location(pq.as_str()));
    let mut response = next.run(request).await;
    if let Some(location) = location {
        set_onion_location(&mut response, location);
    }
    response
}

/// Sets the header when `response` is an HTML page.
pub fn set_onion_location(response: &mut Response, location: HeaderValue) {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if html {
        response.headers_mut().insert("onion-location", location);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever Host a client sends, links name one of the instance's
        /// own names.
        #[test]
        fn any_host_gets_one_of_our_names(host in "\\PC{0,40}") {
            let sites = sites();
            let mut headers = HeaderMap::new();
            if let Ok(value) = HeaderValue::from_str(&host) {
                headers.insert(header::HOST, value);
            }
            let base = Site::of_request(&sites, &headers).base().to_string();
            prop_assert!(
                ["https://free-boris.example", "https://mirror.example", "http://abc.onion"]
                    .contains(&base.as_str()),
                "{}", base
            );
        }
    }

    fn sites() -> Arc<Sites> {
        Arc::new(Sites::new(
            "https://free-boris.example",
            &["https://mirror.example".into()],
            Some("http://abc.onion"),
            vec![Lang::RU, Lang::EN],
        ))
    }

    fn host(h: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_str(h).expect("host"));
        headers
    }

    #[test]
    fn a_request_keeps_the_name_it_came_on() {
        let sites = sites();
        let on = |h: &str| Site::of_request(&sites, &host(h)).base().to_string();
        assert_eq!(on("free-boris.example"), "https://free-boris.example");
        assert_eq!(on("MIRROR.example:443"), "https://mirror.example");
        assert_eq!(on("abc.onion"), "http://abc.onion");
        assert_eq!(on("evil.example"), "https://free-boris.example");
        assert_eq!(
            Site::of_request(&sites, &HeaderMap::new()).base(),
            "https://free-boris.example"
        );
    }

    #[test]
    fn pages_of_each_name_are_cached_apart() {
        let sites = sites();
        let main = Site::of_request(&sites, &host("free-boris.example"));
        let mirror = Site::of_request(&sites, &host("mirror.example"));
        let copy = Site::static_copy(&sites, None);
        let keys = [
            main.cache_key("/ru/"),
            mirror.cache_key("/ru/"),
            copy.cache_key("/ru/"),
        ];
        assert_eq!(keys[0], "/ru/");
        assert!(keys[1] != keys[0] && keys[2] != keys[0] && keys[1] != keys[2]);
    }

    #[test]
    fn the_onion_is_offered_everywhere_but_on_itself() {
        let sites = sites();
        let main = Site::of_request(&sites, &host("free-boris.example"));
        assert_eq!(
            main.onion_location("/ru/x?a=1").expect("offered"),
            "http://abc.onion/ru/x?a=1"
        );
        assert!(
            Site::of_request(&sites, &host("abc.onion"))
                .onion_location("/")
                .is_none()
        );
        let labels: Vec<String> = main
            .elsewhere("/ru/")
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, ["mirror.example", "abc.onion"]);
        let copy = Site::static_copy(&sites, Some("https://copy.example/"));
        assert_eq!(copy.base(), "https://copy.example");
        assert_eq!(copy.elsewhere("/").len(), 3, "a copy lists every live name");
        assert_eq!(
            copy.form_action("/ru/x/petition/p"),
            "https://free-boris.example/ru/x/petition/p"
        );
    }
}
