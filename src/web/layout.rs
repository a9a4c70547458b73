//! The frame every HTML page shares: head metadata, language switch, footer.

use askama::Template;

use super::cache::{CachedPage, PAGE_MAX_AGE};
use super::error::WebError;
use super::public::assets;
use super::site::{MirrorLink, Site};
use crate::campaign::Lang;
use crate::i18n::Tr;

pub struct Alternate {
    pub lang: &'static str,
    pub name: String,
    pub path: String,
    pub current: bool,
}

pub struct FeedLink {
    pub title: String,
    pub path: String,
}

pub struct Layout {
    pub tr: Tr,
    pub lang: &'static str,
    pub site_name: String,
    pub title: String,
    pub description: String,
    /// This page's path, the same in every language but for the prefix.
    pub path: String,
    pub alternates: Vec<Alternate>,
    /// Base of absolute links: the name the page is served on.
    pub public_url: String,
    /// This page on the instance's other names ("if this address is blocked").
    pub mirrors: Vec<MirrorLink>,
    /// A static copy: no form can post to it, no query reaches it.
    pub is_static: bool,
    pub og_type: &'static str,
    pub og_locale: String,
    pub og_image: Option<String>,
    /// The share card's description (its size is the card's, 1200×630).
    pub og_image_alt: Option<String>,
    pub feed: Option<FeedLink>,
    pub css_href: String,
    pub icon_href: String,
    /// The workspace's preview of a draft: says so, and leads back.
    pub preview: Option<PreviewBanner>,
}

/// Over a draft shown as the public page will show it.
pub struct PreviewBanner {
    pub text: String,
    pub back_href: String,
    pub back_label: String,
}

impl Layout {
    /// `path_in` gives this page's path in a language: `/{lang}/...`.
    pub fn new(
        lang: Lang,
        site: &Site,
        title: String,
        description: String,
        path_in: impl Fn(Lang) -> String,
    ) -> Self {
        let mut layout = Layout::bare(
            lang,
            site.base(),
            site.languages(),
            title,
            description,
            path_in,
        );
        layout.mirrors = site.elsewhere(&layout.path);
        layout.is_static = site.is_static();
        layout
    }

    /// A page outside any site (error pages): links are relative.
    pub fn bare(
        lang: Lang,
        public_url: &str,
        languages: &[Lang],
        title: String,
        description: String,
        path_in: impl Fn(Lang) -> String,
    ) -> Self {
        let tr = Tr::new(lang);
        Layout {
            mirrors: Vec::new(),
            is_static: false,
            lang: lang.code(),
            site_name: tr.t("site-name"),
            title,
            description,
            path: path_in(lang),
            alternates: alternates(languages, lang, &path_in),
            public_url: public_url.trim_end_matches('/').to_string(),
            og_type: "website",
            og_locale: lang.locale(),
            og_image: None,
            og_image_alt: None,
            feed: None,
            css_href: assets::stylesheet_href(),
            icon_href: assets::icon_href(),
            preview: None,
            tr,
        }
    }
}

/// The page in every language offered, for the language switch.
pub fn alternates(
    languages: &[Lang],
    lang: Lang,
    path_in: impl Fn(Lang) -> String,
) -> Vec<Alternate> {
    languages
        .iter()
        .copied()
        .map(|l| Alternate {
            lang: l.code(),
            name: l.native_name(),
            path: path_in(l),
            current: l == lang,
        })
        .collect()
}

/// Renders an HTML template into a cacheable page.
pub fn html_page(template: &impl Template, lang: Lang) -> Result<CachedPage, WebError> {
    let html = template
        .render()
        .map_err(|e| WebError::internal(format!("rendering a page failed: {e}")).in_lang(lang))?;
    Ok(CachedPage::new("text/html; charset=utf-8", PAGE_MAX_AGE, html).with_language(lang))
}
