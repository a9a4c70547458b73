//! Campaign Markdown to safe HTML.
//!
//! Organisations are referenced as links with the `org:` scheme:
//! `[Memorial](org:memorial)` shows "Memorial" with the footnote marker of its
//! legal label; `[](org:memorial)` takes the name from the registry in the
//! page's language. Raw HTML is shown as text, images become their alt text
//! (a page must never fetch from another host), and the result passes through
//! ammonia as a second line of defence.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::ids::WebLink;
use super::lang::Lang;
use super::organisation::{Footnotes, Registry};

const ORG_SCHEME: &str = "org:";

/// Renders Markdown as block HTML (paragraphs, lists...).
pub fn render_block(md: &str, lang: Lang, registry: &Registry, notes: &mut Footnotes) -> String {
    render(md, lang, registry, notes, false)
}

/// Renders a short Markdown text without the surrounding paragraph, for use
/// inside a list item or a sentence.
pub fn render_inline(md: &str, lang: Lang, registry: &Registry, notes: &mut Footnotes) -> String {
    render(md, lang, registry, notes, true)
}

/// Plain text for meta descriptions and calendars: no markup, organisation
/// references replaced by names, cut at `max_chars` with an ellipsis.
pub fn render_plain(md: &str, lang: Lang, registry: &Registry, max_chars: usize) -> String {
    let mut text = String::new();
    let mut open_org: Vec<(String, bool)> = Vec::new();
    // The same syntax as the pages, so ~~struck~~ loses its markers here too.
    for event in Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(id) = dest_url.strip_prefix(ORG_SCHEME) {
                    open_org.push((id.trim().to_string(), false));
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((id, false)) = open_org.pop() {
                    text.push_str(registry.get(&id).map(|o| o.name.get(lang)).unwrap_or(&id));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(open) = open_org.last_mut() {
                    open.1 = true;
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !text.ends_with(' ') => {
                text.push(' ')
            }
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// Organisation ids that `md` references, for validation on import.
pub fn org_references(md: &str) -> Vec<String> {
    Parser::new(md)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => dest_url
                .strip_prefix(ORG_SCHEME)
                .map(|id| id.trim().to_string()),
            _ => None,
        })
        .collect()
}

fn render(
    md: &str,
    lang: Lang,
    registry: &Registry,
    notes: &mut Footnotes,
    inline: bool,
) -> String {
    let mut events: Vec<Event> = Vec::new();
    // For each open link: Some(org id) when it is an organisation reference,
    // and whether it had any text of its own.
    let mut open_links: Vec<(Option<String>, bool, bool)> = Vec::new();
    let mut in_image = 0usize;
    let mut markers: Vec<String> = Vec::new();

    for event in Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if inline => {}
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(org) = dest_url.strip_prefix(ORG_SCHEME) {
                    open_links.push((Some(org.trim().to_string()), false, false));
                } else if WebLink::parse(&dest_url).is_ok() {
                    open_links.push((None, false, true));
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    // A link to somewhere a page must not send people
                    // (javascript:, data:...): keep the words, drop the link.
                    open_links.push((None, false, false));
                }
            }
            Event::End(TagEnd::Link) => match open_links.pop() {
                Some((Some(org_id), had_text, _)) => {
                    let org = registry.get(&org_id);
                    if !had_text {
                        let name = org.map(|o| o.name.get(lang)).unwrap_or(org_id.as_str());
                        events.push(Event::Text(CowStr::from(name.to_string())));
                    }
                    if let Some(marker) = org.and_then(|o| notes.mark(o)) {
                        // Put in after sanitising, which would add rel
                        // attributes meant for links that leave the page.
                        events.push(Event::Text(CowStr::from(marker_placeholder(markers.len()))));
                        markers.push(footnote_marker(&org_id, &marker));
                    }
                }
                Some((None, _, true)) => events.push(Event::End(TagEnd::Link)),
                _ => {}
            },
            Event::Text(text) | Event::Code(text) => {
                if let Some(link) = open_links.last_mut() {
                    link.1 = true;
                }
                if in_image == 0 || !text.is_empty() {
                    events.push(Event::Text(text));
                }
            }
            other => events.push(other),
        }
    }

    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let mut html = SANITIZER.clean(&html).to_string();
    for (i, marker) in markers.iter().enumerate() {
        html = html.replace(&marker_placeholder(i), marker);
    }
    html
}

/// Private-use characters: text no campaign contains and sanitising keeps.
fn marker_placeholder(index: usize) -> String {
    format!("\u{E002}{index}\u{E003}")
}

/// The marker links to the footnote that carries the label text.
pub fn footnote_marker(org_id: &str, marker: &str) -> String {
    format!(
        "<sup class=\"fn\"><a href=\"#label-{}\">{}</a></sup>",
        escape_html(org_id),
        escape_html(marker)
    )
}

/// Escapes text for HTML content and quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The only tags campaign Markdown may produce.
pub const ALLOWED_TAGS: [&str; 18] = [
    "p",
    "br",
    "em",
    "strong",
    "del",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "sup",
];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = ALLOWED_TAGS.into_iter().collect();
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_relative(ammonia::UrlRelative::PassThrough);
    builder
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::ids::Slug;
    use crate::campaign::lang::Localized;
    use crate::campaign::organisation::{LabelKind, LegalLabel, Organisation};
    use proptest::prelude::*;

    fn registry() -> Registry {
        let slug = |s: &str| Slug::parse(s).expect("valid slug");
        Registry::new([
            Organisation {
                id: slug("memorial"),
                name: Localized::new([
                    (Lang::EN, "Memorial".into()),
                    (Lang::RU, "Мемориал".into()),
                ]),
                labels: vec![LegalLabel {
                    kind: LabelKind::ForeignAgent,
                    since: None,
                }],
            },
            Organisation {
                id: slug("human-library"),
                name: Localized::new([(Lang::EN, "Human Library".into())]),
                labels: vec![],
            },
        ])
    }

    fn block(md: &str) -> String {
        render_block(md, Lang::EN, &registry(), &mut Footnotes::default())
    }

    /// The markup of real tags: escaped text has no raw `<`, so whatever
    /// sits between `<` and `>` is a tag the browser will parse.
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or("").to_ascii_lowercase())
            .collect()
    }

    fn assert_harmless(html: &str) -> Result<(), TestCaseError> {
        for tag in tags(html) {
            let name = tag
                .trim_start_matches('/')
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
            prop_assert!(
                ALLOWED_TAGS.contains(&name.as_str()),
                "tag {} in {}",
                tag,
                html
            );
            prop_assert!(!tag.contains(" on"), "event attribute in <{}>", tag);
            prop_assert!(!tag.contains("javascript:"), "script URL in <{}>", tag);
            prop_assert!(!tag.contains("data:"), "data URL in <{}>", tag);
        }
        Ok(())
    }

    #[test]
    fn labelled_organisation_gets_a_footnote_marker() {
        let mut notes = Footnotes::default();
        let html = render_block(
            "[Memorial](org:memorial) recognised him.",
            Lang::EN,
            &registry(),
            &mut notes,
        );
        assert!(
            html.contains(
                "Memorial<sup class=\"fn\"><a href=\"#label-memorial\">*</a></sup> recognised"
            ),
            "{html}"
        );
        assert_eq!(notes.entries().count(), 1);
    }

    #[test]
    fn empty_reference_takes_the_name_in_the_page_language() {
        let mut notes = Footnotes::default();
        let html = render_inline("[](org:memorial)", Lang::RU, &registry(), &mut notes);
        assert!(html.starts_with("Мемориал<sup"), "{html}");
    }

    #[test]
    fn unlabelled_organisation_renders_plainly() {
        let mut notes = Footnotes::default();
        let html = render_inline("[](org:human-library)", Lang::EN, &registry(), &mut notes);
        assert_eq!(html, "Human Library");
        assert_eq!(notes.entries().count(), 0);
    }

    #[test]
    fn hostile_markdown_is_harmless() {
        let html = block(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> \
             ![t](https://tracker.example/p.gif) <a href=\"#\" onclick=\"x()\">y</a>",
        );
        assert_harmless(&html).expect("harmless");
        assert!(
            html.contains("&lt;script&gt;"),
            "raw HTML is shown as text: {html}"
        );
        assert!(!html.contains("tracker.example"), "{html}");
    }

    #[test]
    fn ordinary_links_get_safe_rel() {
        let html = block("[source](https://example.org/a)");
        assert!(html.contains("href=\"https://example.org/a\""), "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
    }

    #[test]
    fn plain_text_names_organisations_and_drops_markup() {
        let text = render_plain(
            "*Anna* met [](org:memorial) and [them](org:human-library).",
            Lang::EN,
            &registry(),
            100,
        );
        assert_eq!(text, "Anna met Memorial and them.");
        assert_eq!(render_plain("abcdef", Lang::EN, &registry(), 3), "abc…");
        assert_eq!(
            render_plain("not ~~only~~ this", Lang::EN, &registry(), 100),
            "not only this"
        );
    }

    #[test]
    fn references_are_found_for_validation() {
        assert_eq!(
            org_references("See [M](org:memorial) and [](org:ovd-info)."),
            vec!["memorial".to_string(), "ovd-info".to_string()]
        );
    }

    proptest! {
        #[test]
        fn no_input_produces_script_or_event_handlers(md in "\\PC{0,200}") {
            assert_harmless(&block(&md))?;
        }

        #[test]
        fn tag_soup_never_escapes_sanitising(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("<script>"), Just("<img src=x onerror=alert(1)>"), Just("[a]("),
                    Just("javascript:alert(1)"), Just(")"), Just("<a href='"), Just("'>"),
                    Just("\n\n"), Just("`"), Just("<svg onload=x>"), Just("&lt;script&gt;"),
                ],
                0..12,
            )
        ) {
            assert_harmless(&block(&parts.concat()))?;
        }
    }
}
