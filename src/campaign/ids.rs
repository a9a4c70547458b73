//! Small validated values: each checks itself when parsed, so a campaign file
//! with a bad one fails at the line that holds it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A URL path segment chosen by organisers: `boris-romanov`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error(
        "'{0}' is not a valid identifier: use 1 to 64 lowercase latin letters, digits and single hyphens, e.g. boris-romanov"
    )]
    BadSlug(String),
    #[error("'{0}' is not a link this page can show: use an http://, https:// or mailto: address")]
    BadLink(String),
}

impl Slug {
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(IdError::BadSlug(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Slug::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The key of an organisation in the registry, written in Markdown as
/// `[Memorial](org:memorial)`.
pub type OrgId = Slug;

/// A link a page may show: only schemes that cannot run script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct WebLink(String);

impl WebLink {
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let parsed = url::Url::parse(s).map_err(|_| IdError::BadLink(s.to_string()))?;
        let ok = match parsed.scheme() {
            "http" | "https" => parsed.host_str().is_some_and(|h| !h.is_empty()),
            "mailto" => !parsed.path().is_empty(),
            _ => false,
        };
        if ok {
            Ok(WebLink(s.to_string()))
        } else {
            Err(IdError::BadLink(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host, for "t.me" style captions.
    pub fn host(&self) -> Option<String> {
        url::Url::parse(&self.0)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
    }
}

impl<'de> Deserialize<'de> for WebLink {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        WebLink::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs_are_lowercase_words_with_hyphens() {
        assert!(Slug::parse("boris-romanov").is_ok());
        assert!(Slug::parse("case-2022").is_ok());
        for bad in ["", "Boris", "-a", "a-", "a--b", "a b", "a/b", "..", "ä"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn links_that_could_run_script_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "/relative",
            "http://",
        ] {
            assert!(WebLink::parse(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(WebLink::parse("https://t.me/free_boris").is_ok());
        assert!(WebLink::parse("mailto:team@example.org").is_ok());
    }

    proptest! {
        #[test]
        fn a_parsed_slug_is_always_safe_in_a_path(s in "\\PC{0,80}") {
            if let Ok(slug) = Slug::parse(&s) {
                prop_assert!(!slug.as_str().contains('/'));
                prop_assert!(!slug.as_str().contains('.'));
                prop_assert!(slug.as_str().len() <= 64);
            }
        }

        #[test]
        fn a_parsed_link_never_has_a_script_scheme(s in "[a-zA-Z]{1,12}:\\PC{0,40}") {
            if let Ok(link) = WebLink::parse(&s) {
                let lower = link.as_str().to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"));
            }
        }
    }
}
