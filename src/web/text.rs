//! Turning translated sentences and registry names into safe HTML.

use crate::campaign::markdown::{escape_html, footnote_marker, render_block, render_inline};
use crate::campaign::{Footnotes, Lang, Localized, Registry};
use crate::i18n::{Tr, arg};

/// A translated sentence whose `html` arguments are already-safe HTML (an
/// organisation with its footnote marker, a link): the sentence is escaped,
/// then the fragments are put in place.
pub fn sentence_with_html(
    tr: &Tr,
    key: &str,
    text: &[(&str, &str)],
    html: &[(&str, String)],
) -> String {
    let placeholder = |i: usize| format!("\u{E000}{i}\u{E001}");
    let args = text
        .iter()
        .map(|(name, value)| (*name, arg(value.to_string())))
        .chain(
            html.iter()
                .enumerate()
                .map(|(i, (name, _))| (*name, arg(placeholder(i)))),
        );
    let mut out = escape_html(&tr.args(key, args));
    for (i, (_, fragment)) in html.iter().enumerate() {
        out = out.replace(&placeholder(i), fragment);
    }
    out
}

/// An organisation's name in `lang` with its footnote marker, when labelled.
pub fn organisation_html(
    id: &str,
    registry: &Registry,
    lang: Lang,
    notes: &mut Footnotes,
) -> String {
    match registry.get(id) {
        Some(org) => {
            let mut html = escape_html(org.name.get(lang));
            if let Some(marker) = notes.mark(org) {
                html.push_str(&footnote_marker(id, &marker));
            }
            html
        }
        None => escape_html(id),
    }
}

/// The footnotes that explain the markers on a page, in marker order.
pub struct FootnoteView {
    pub anchor: String,
    pub marker: String,
    pub text: String,
}

pub fn footnotes(notes: &Footnotes, tr: &Tr) -> Vec<FootnoteView> {
    notes
        .entries()
        .map(|(marker, org)| {
            let name = org.name.get(tr.lang);
            let text = org
                .labels
                .iter()
                .map(|label| {
                    let mut sentence = tr.args(
                        &format!("label-{}", label.kind.code()),
                        [("name", arg(name))],
                    );
                    if let Some(since) = label.since {
                        sentence.push_str(&format!(
                            " ({})",
                            tr.args("label-since", [("date", arg(tr.date(since)))])
                        ));
                    }
                    sentence
                })
                .collect::<Vec<_>>()
                .join(" ");
            FootnoteView {
                anchor: format!("label-{}", org.id),
                marker,
                text,
            }
        })
        .collect()
}

/// A block of a campaign's text (Markdown) as HTML in the page's language;
/// when the campaign has none in it, the text's own first language, marked
/// with its `lang` and a short "not yet translated" note, never a gap.
pub fn block_html(tr: &Tr, text: &Localized, registry: &Registry, notes: &mut Footnotes) -> String {
    let (html, fallback) = shown_html(tr, text, registry, notes, render_block);
    match fallback {
        None => html,
        Some(own) => format!(
            "<div lang=\"{own}\" class=\"untranslated\"><p class=\"untranslated-note\" lang=\"{}\">{}</p>{html}</div>",
            tr.lang,
            escape_html(&tr.t("not-translated"))
        ),
    }
}

/// A line of a campaign's text (Markdown, inline) as HTML; in another
/// language than the page's, inside a span that says which.
pub fn inline_html(
    tr: &Tr,
    text: &Localized,
    registry: &Registry,
    notes: &mut Footnotes,
) -> String {
    let (html, fallback) = shown_html(tr, text, registry, notes, render_inline);
    match fallback {
        None => html,
        Some(own) => format!("<span lang=\"{own}\">{html}</span>"),
    }
}

/// `text` drawn by `render` in the language it is shown in, and that
/// language when it is not the page's.
fn shown_html(
    tr: &Tr,
    text: &Localized,
    registry: &Registry,
    notes: &mut Footnotes,
    render: fn(&str, Lang, &Registry, &mut Footnotes) -> String,
) -> (String, Option<Lang>) {
    let shown = text.shown(tr.lang);
    let html = render(
        shown.text,
        shown.fallback.unwrap_or(tr.lang),
        registry,
        notes,
    );
    (html, shown.fallback)
}
