//! `/{lang}/{slug}`: the case page, sections in the order a supporter needs
//! them: status, next hearing, who, charges, story, how to help, press, news.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::sync::Arc;

use crate::campaign::markdown::{escape_html, render_plain};
use crate::campaign::{Campaign, Donation, Event, Footnotes, HelpKind, Lang};
use crate::i18n::{Tr, arg};
use crate::web::cache::CachedPage;
use crate::web::error::WebError;
use crate::web::layout::{FeedLink, Layout, html_page};
use crate::web::page_cache::Scope;
use crate::web::paths;
use crate::web::site::Site;
use crate::web::state::{AppState, Content, Freshness};
use crate::web::text::{
    FootnoteView, block_html, footnotes, inline_html, organisation_html, sentence_with_html,
};

pub async fn handler(
    State(state): State<Arc<AppState>>,
    Path((lang, slug)): Path<(String, String)>,
    site: Site,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = paths::lang(&lang, &state)?;
    let content = state.content();
    let listing = &content.exists_or_404(&slug, lang)?.listing;
    let path = paths::campaign(lang, &slug);
    let key = site.cache_key(&path);
    // The page shows signature counts: a change of count replaces the entry.
    let freshness = if listing.petitions.is_empty() {
        Freshness::Content
    } else {
        state.counts_freshness(&content, Scope::Campaign(&slug))
    };
    let page = state
        .campaign_page(&content, &slug, lang, &key, freshness, |campaign| {
            render(&state, &content, &site, campaign, lang)
        })
        .await?;
    Ok(page.respond(&headers))
}

pub struct PhotoView {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

pub struct HearingView {
    pub date: String,
    pub iso: String,
    pub time: Option<String>,
    pub kind: String,
    pub place: Option<String>,
}

pub struct ChargeView {
    pub citation: String,
    pub title: String,
    pub max_penalty: Option<String>,
}

pub struct EventView {
    pub date: String,
    pub iso: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub text_html: String,
    pub place: Option<String>,
    pub source: Option<String>,
    pub upcoming: bool,
}

pub struct FieldView {
    pub label: String,
    pub value: String,
    /// Worth a copy button-sized monospace block: card numbers, addresses.
    pub copyable: bool,
}

pub struct DonationView {
    pub heading: String,
    pub fields: Vec<FieldView>,
    pub link: Option<(String, String)>,
    /// What a phone scans instead of typing: a wallet address or a payment
    /// link, drawn on the server.
    pub qr_svg: Option<String>,
    pub note: Option<String>,
    pub risk: Option<String>,
}

pub struct LettersView {
    pub facility: String,
    pub address: String,
    pub recipient: String,
    pub tips_html: String,
    /// "Letters do not reach Boris now": set when they do not.
    pub paused: Option<String>,
    /// "Letters in Russian only", when the facility lets through one language.
    pub languages: String,
    /// Paid e-letter services: (name, address, cost).
    pub services: Vec<(String, String, Option<String>)>,
    /// The page that checks a letter before it is sent.
    pub write_href: String,
    /// The campaign's volunteers pass letters sent from that page on.
    pub forwarded: bool,
}

/// "The facility lets through letters in: Russian."
pub fn letter_languages(tr: &Tr, letters: &crate::campaign::model::Letters) -> String {
    let names: Vec<String> = letters
        .facility_languages()
        .iter()
        .map(|code| tr.args("letters-language", [("code", arg(code.as_str()))]))
        .collect();
    tr.args("letters-languages", [("languages", arg(names.join(", ")))])
}

pub struct PetitionCard {
    pub title: String,
    pub href: String,
    pub count_text: String,
    pub goal_text: Option<String>,
    pub progress: Option<(i64, u64)>,
    pub state_text: Option<String>,
    pub open: bool,
    pub anonymous: bool,
}

pub struct ShareLink {
    pub name: &'static str,
    pub href: String,
}

pub struct PublicationView {
    pub date: String,
    pub iso: String,
    pub outlet_html: String,
    pub title: String,
    pub url: String,
    pub language: String,
}

pub struct UpdateLink {
    pub date: String,
    pub iso: String,
    pub title: String,
    pub href: String,
}

pub struct ChannelView {
    pub kind: String,
    pub title: String,
    pub url: String,
}

#[derive(Template)]
#[template(path = "campaign.html")]
pub struct CampaignPage {
    pub layout: Layout,
    /// The headline: "Free Boris Romanov!", or the organisers' own.
    pub call: String,
    /// Whether the call is the organisers' own (then the name is shown
    /// under it, since it may not be in it).
    pub own_call: bool,
    /// The first screen's row of actions: (anchor, label), in the
    /// organisers' order of the help sections.
    pub actions: Vec<(&'static str, String)>,
    pub name: String,
    pub status_code: &'static str,
    pub status_banner: String,
    pub status_since: String,
    pub status_since_iso: String,
    pub sentence: Option<String>,
    /// "Custody runs until ...", "Expected release: ...", when known.
    pub terms: Vec<(String, String)>,
    pub next_hearing: Option<HearingView>,
    pub more_hearings: usize,
    pub ics_href: String,
    pub photo: PhotoView,
    pub region: Option<String>,
    pub born: Option<String>,
    pub summary_html: String,
    pub biography_html: Option<String>,
    pub links: Vec<(String, String)>,
    pub charges: Vec<ChargeView>,
    pub charges_heading: String,
    pub timeline: Vec<EventView>,
    pub recognitions: Vec<String>,
    /// "How can I help?" sections in the organiser's order.
    pub help_order: Vec<HelpKind>,
    pub petitions: Vec<PetitionCard>,
    pub donations: Vec<DonationView>,
    pub letters: Option<LettersView>,
    pub share_url: String,
    pub share_links: Vec<ShareLink>,
    pub publications: Vec<PublicationView>,
    pub updates: Vec<UpdateLink>,
    pub updates_total: usize,
    pub updates_href: String,
    pub feed_href: String,
    pub channels: Vec<ChannelView>,
    pub updated: String,
    pub updated_iso: String,
    pub contact_href: Option<String>,
    pub footnotes: Vec<FootnoteView>,
}

/// Length of meta descriptions: what previews show.
pub const DESCRIPTION_CHARS: usize = 200;

/// How many updates the case page lists before "all updates".
const UPDATES_ON_PAGE: usize = 3;

pub(crate) fn render(
    state: &AppState,
    content: &Content,
    site: &Site,
    c: &Campaign,
    lang: Lang,
) -> Result<CachedPage, WebError> {
    let page = build(state, content, site, c, lang);
    html_page(&page, lang)
}

pub fn build(
    state: &AppState,
    content: &Content,
    site: &Site,
    c: &Campaign,
    lang: Lang,
) -> CampaignPage {
    let tr = Tr::new(lang);
    let registry = &content.registry;
    let mut notes = Footnotes::default();
    let today = content.today;
    let slug = c.slug.as_str();
    let name = c.person.name.get(lang).to_string();
    let short = c.person.short_name().get(lang);
    let gender = c.person.gender.map(|g| g.code()).unwrap_or("other");
    let summary_text = c.person.summary.get(lang).to_string();
    let call = call(&tr, c);

    let mut layout = Layout::new(
        lang,
        site,
        call.clone(),
        render_plain(&summary_text, lang, registry, DESCRIPTION_CHARS),
        |l| paths::campaign(l, slug),
    );
    layout.og_type = "article";
    layout.feed = Some(FeedLink {
        title: tr.args("feed-title", [("name", arg(name.as_str()))]),
        path: paths::feed(lang, slug),
    });
    let photo = paths::photo(content, c.slug.as_str(), &c.person.name, &tr);
    let card = super::share_cards::spec(state, content, site, c, None, lang);
    super::share_cards::show_on(&mut layout, &card, &paths::campaign(lang, slug));

    let sittings = c.upcoming_sittings(today);
    let next_hearing = sittings.first().map(|e| HearingView {
        date: tr.date(e.date),
        iso: e.date.to_string(),
        time: e.time.map(|t| t.format("%H:%M").to_string()),
        kind: tr.t(&format!("event-{}", e.kind.code())),
        place: e.place.as_ref().map(|p| p.get(lang).to_string()),
    });

    // Sections are built in page order, so footnote markers number in the
    // order a reader meets them.
    let summary_html = block_html(&tr, &c.person.summary, registry, &mut notes);
    let biography_html = c
        .person
        .biography
        .as_ref()
        .map(|b| block_html(&tr, b, registry, &mut notes));
    let charges: Vec<ChargeView> = c.charges.iter().map(|ch| charge_view(&tr, ch)).collect();
    let timeline = c
        .timeline_in_order()
        .into_iter()
        .map(|e| event_view(&tr, e, today, registry, &mut notes))
        .collect();
    let recognitions = c
        .recognitions
        .iter()
        .map(|r| {
            let org = organisation_html(r.by.as_str(), registry, lang, &mut notes);
            let mut html = sentence_with_html(
                &tr,
                "recognised-by",
                &[("name", short), ("gender", gender)],
                &[("org", org)],
            );
            if let Some(date) = r.date {
                html.push_str(&format!(" ({})", escape_html(&tr.date(date))));
            }
            html.push('.');
            if let Some(url) = &r.url {
                html.push_str(&format!(
                    " <a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape_html(url.as_str()),
                    escape_html(&tr.t("source"))
                ));
            }
            html
        })
        .collect();

    let letters = c
        .help
        .letters
        .as_ref()
        .zip(c.status.facility.as_ref())
        .and_then(|(l, f)| {
            c.status.accepts_letters().then(|| LettersView {
                facility: f.name.get(lang).to_string(),
                address: f.address.get(lang).to_string(),
                recipient: name.clone(),
                tips_html: block_html(&tr, &l.tips, registry, &mut notes),
                paused: letters_paused(&tr, c),
                languages: letter_languages(&tr, l),
                write_href: paths::letter(lang, slug),
                forwarded: l.forward && !c.organiser_keys().is_empty(),

                services: l
                    .services
                    .iter()
                    .map(|s| {
                        (
                            s.name.clone(),
                            s.url.as_str().to_string(),
                            s.cost.as_ref().map(|c| c.get(lang).to_string()),
                        )
                    })
                    .collect(),
            })
        });
    let donations: Vec<DonationView> = c
        .help
        .donations
        .iter()
        .map(|d| donation_view(&tr, d))
        .collect();
    let petitions: Vec<PetitionCard> = c
        .petitions
        .iter()
        .filter_map(|p| {
            let row = content.petition_row(slug, p.id.as_str())?;
            let count = state.tally(row);
            let petition_state = p.state(today);
            Some(PetitionCard {
                title: p.title.get(lang).to_string(),
                href: paths::petition(lang, slug, p.id.as_str()),
                count_text: super::petition_page::count_text(&tr, count),
                goal_text: p.goal.map(|g| {
                    tr.args(
                        "petition-goal",
                        [("goal", fluent_bundle::FluentValue::from(g))],
                    )
                }),
                progress: super::petition_page::progress(count, p.goal),
                state_text: super::petition_page::state_text(&tr, p, petition_state, count),
                open: petition_state == crate::campaign::PetitionState::Open,
                anonymous: p.confirmation == crate::campaign::Confirmation::Anonymous,
            })
        })
        .collect();
    let help_order: Vec<HelpKind> = c
        .help
        .ordered_kinds()
        .into_iter()
        .filter(|kind| match kind {
            HelpKind::Petition => !petitions.is_empty(),
            HelpKind::Donate => !donations.is_empty(),
            HelpKind::Letters => letters.is_some(),
            HelpKind::Share => true,
        })
        .collect();

    let publications = c
        .publications
        .iter()
        .map(|p| PublicationView {
            date: tr.date(p.date),
            iso: p.date.to_string(),
            outlet_html: match &p.organisation {
                Some(org) => {
                    let mut html = escape_html(p.outlet.get(lang));
                    if let Some(marker) = registry.get(org.as_str()).and_then(|o| notes.mark(o)) {
                        html.push_str(&crate::campaign::markdown::footnote_marker(
                            org.as_str(),
                            &marker,
                        ));
                    }
                    html
                }
                None => escape_html(p.outlet.get(lang)),
            },
            title: p.title.clone(),
            url: p.url.as_str().to_string(),
            language: p.language.clone(),
        })
        .collect();

    let updates_all = c.updates_newest_first();
    let updates = updates_all
        .iter()
        .take(UPDATES_ON_PAGE)
        .map(|u| UpdateLink {
            date: tr.date(u.date),
            iso: u.date.to_string(),
            title: u.title.get(lang).to_string(),
            href: paths::update(lang, slug, u.id.as_str()),
        })
        .collect();

    let share_url = format!("{}{}", layout.public_url, paths::campaign(lang, slug));
    let share_text = tr.args("share-text", [("name", arg(name.as_str()))]);

    let actions = help_order
        .iter()
        .map(|kind| match kind {
            HelpKind::Petition => ("#petition", tr.t("action-sign")),
            HelpKind::Donate => ("#donate", tr.t("action-donate")),
            HelpKind::Letters => ("#letters", tr.t("action-letter")),
            HelpKind::Share => ("#share", tr.t("action-share")),
        })
        .collect();

    CampaignPage {
        call,
        own_call: c
            .headline
            .as_ref()
            .and_then(|h| h.exactly(lang))
            .is_some_and(|h| !h.trim().is_empty()),
        actions,
        status_code: c.status.kind.code(),
        status_banner: status_banner(&tr, c),
        status_since: status_since(&tr, c),
        status_since_iso: c.status.since.to_string(),
        sentence: c.status.sentence.as_ref().map(|s| s.get(lang).to_string()),
        terms: c
            .status
            .until
            .map(|d| ("status-until", d))
            .into_iter()
            .chain(
                c.status
                    .expected_release
                    .map(|d| ("status-expected-release", d)),
            )
            .map(|(key, day)| (day.to_string(), tr.args(key, [("date", arg(tr.date(day)))])))
            .collect(),
        next_hearing,
        more_hearings: sittings.len().saturating_sub(1),
        ics_href: paths::hearings(lang, slug),
        photo: photo.unwrap_or_else(|| paths::placeholder_photo(&tr, &name)),
        region: c.person.region.as_ref().map(|r| r.get(lang).to_string()),
        born: c.person.born.map(|d| tr.date(d)),
        summary_html,
        biography_html,
        links: c
            .person
            .links
            .iter()
            .map(|l| (l.title.get(lang).to_string(), l.url.as_str().to_string()))
            .collect(),
        charges_heading: tr.args(
            "charges-heading",
            [("name", arg(short)), ("gender", arg(gender))],
        ),
        charges,
        timeline,
        recognitions,
        help_order,
        petitions,
        donations,
        letters,
        share_links: share_links(&share_url, &share_text),
        share_url,
        publications,
        updates_total: updates_all.len(),
        updates,
        updates_href: paths::updates(lang, slug),
        feed_href: paths::feed(lang, slug),
        channels: c
            .channels
            .iter()
            .map(|ch| ChannelView {
                kind: tr.t(&format!("channel-{}", ch.kind.code())),
                title: ch
                    .title
                    .as_ref()
                    .map(|t| t.get(lang).to_string())
                    .or_else(|| ch.url.host())
                    .unwrap_or_default(),
                url: ch.url.as_str().to_string(),
            })
            .collect(),
        updated: tr.date(c.updated),
        updated_iso: c.updated.to_string(),
        contact_href: c.contact.href(),
        footnotes: footnotes(&notes, &tr),
        name,
        layout,
    }
}

fn charge_view(tr: &Tr, ch: &crate::campaign::Charge) -> ChargeView {
    let clause = ch.clause.as_ref().map(|c| c.get(tr.lang).to_string());
    let form = match (&ch.part, &clause) {
        (Some(_), Some(_)) => "apc",
        (Some(_), None) => "ap",
        (None, Some(_)) => "ac",
        (None, None) => "a",
    };
    ChargeView {
        citation: tr.args(
            "charge-citation",
            [
                ("form", arg(form)),
                ("article", arg(ch.article.as_str())),
                ("part", arg(ch.part.clone().unwrap_or_default())),
                ("clause", arg(clause.unwrap_or_default())),
                ("code", arg(tr.t(&format!("code-{}", ch.code.code())))),
            ],
        ),
        title: tr.args("quoted", [("text", arg(ch.title.get(tr.lang)))]),
        max_penalty: ch.max_penalty.as_ref().map(|p| p.get(tr.lang).to_string()),
    }
}

fn event_view(
    tr: &Tr,
    e: &Event,
    today: chrono::NaiveDate,
    registry: &crate::campaign::Registry,
    notes: &mut Footnotes,
) -> EventView {
    EventView {
        date: tr.date_time(e.date, e.time),
        iso: e.date.to_string(),
        kind: tr.t(&format!("event-{}", e.kind.code())),
        kind_code: e.kind.code(),
        text_html: inline_html(tr, &e.text, registry, notes),
        place: e.place.as_ref().map(|p| p.get(tr.lang).to_string()),
        source: e.source.as_ref().map(|s| s.as_str().to_string()),
        upcoming: e.date >= today,
    }
}

/// The person's short name and grammatical gender, as status texts take them.
fn name_and_gender<'a>(tr: &Tr, c: &'a Campaign) -> (&'a str, &'static str) {
    let short = c.person.short_name().get(tr.lang);
    (short, c.person.gender.map(|g| g.code()).unwrap_or("other"))
}

/// "Борис в СИЗО".
fn status_banner(tr: &Tr, c: &Campaign) -> String {
    let (short, gender) = name_and_gender(tr, c);
    tr.args(
        &format!("status-banner-{}", c.status.kind.code()),
        [("name", arg(short)), ("gender", arg(gender))],
    )
}

/// "с 12 марта 2024 г.".
fn status_since(tr: &Tr, c: &Campaign) -> String {
    tr.args("status-since", [("date", arg(tr.date(c.status.since)))])
}

/// "Борис в СИЗО с 12 марта 2024 г.": the status in one line, as on cards.
pub fn status_line(tr: &Tr, c: &Campaign) -> String {
    format!("{} {}", status_banner(tr, c), status_since(tr, c))
}

/// "Letters do not reach Anna now", when the campaign says they do not.
pub fn letters_paused(tr: &Tr, c: &Campaign) -> Option<String> {
    let paused = c.help.letters.as_ref().is_some_and(|l| !l.can_write);
    paused.then(|| {
        let (short, gender) = name_and_gender(tr, c);
        tr.args(
            "letters-paused",
            [("name", arg(short)), ("gender", arg(gender))],
        )
    })
}

/// The organisers' headline in the page's language, else "Free NAME!" (in
/// Russian with the name in the dative case: "Свободу Борису Романову!").
/// Only a name written in Russian is declined, by Petrovich's rules; any
/// other name, and every other language, gets a call that needs no
/// declension ("Барыс Раманаў мае быць на волі!"): never a wrongly
/// declined name.
pub fn call(tr: &Tr, c: &Campaign) -> String {
    if let Some(own) = c.headline.as_ref().and_then(|h| h.exactly(tr.lang))
        && !own.trim().is_empty()
    {
        return own.trim().to_string();
    }
    let shown = c.person.name.shown(tr.lang);
    let gender = c.person.gender.map(|g| g.code()).unwrap_or("other");
    if tr.lang == Lang::RU && shown.fallback.is_none() {
        let dative = crate::campaign::grammar::dative(shown.text, c.person.gender);
        return tr.args(
            "campaign-title",
            [
                ("name", arg(shown.text)),
                ("dative", arg(dative)),
                ("gender", arg(gender)),
            ],
        );
    }
    tr.args(
        "campaign-title-plain",
        [("name", arg(shown.text)), ("gender", arg(gender))],
    )
}

fn donation_view(tr: &Tr, d: &Donation) -> DonationView {
    let lang = tr.lang;
    let field = |key: &str, value: String, copyable: bool| FieldView {
        label: tr.t(key),
        value,
        copyable,
    };
    let (heading, fields, link) = match d {
        Donation::BankCard {
            number,
            bank,
            system,
            recipient,
            ..
        } => {
            let mut fields = vec![field("donation-card-number", number.clone(), true)];
            let bank = match system {
                Some(system) => format!("{}, {}", bank.get(lang), system),
                None => bank.get(lang).to_string(),
            };
            fields.push(field("donation-bank", bank, false));
            fields.push(field(
                "donation-recipient",
                recipient.get(lang).to_string(),
                false,
            ));
            (tr.t("donation-bank-card"), fields, None)
        }
        Donation::BankTransfer {
            details, recipient, ..
        } => (
            tr.t("donation-bank-transfer"),
            vec![
                field("donation-recipient", recipient.get(lang).to_string(), false),
                field("donation-details", details.get(lang).to_string(), true),
            ],
            None,
        ),
        Donation::Crypto {
            currency,
            network,
            address,
            ..
        } => {
            let mut fields = vec![field("donation-currency", currency.clone(), false)];
            if let Some(network) = network {
                fields.push(field("donation-network", network.clone(), false));
            }
            fields.push(field("donation-address", address.clone(), true));
            (tr.t("donation-crypto"), fields, None)
        }
        Donation::Link { title, url, .. } => (
            tr.t("donation-link"),
            Vec::new(),
            Some((title.get(lang).to_string(), url.as_str().to_string())),
        ),
    };
    let scanned = match d {
        Donation::Crypto { address, .. } => Some(address.as_str()),
        Donation::Link { url, .. } => Some(url.as_str()),
        Donation::BankCard { .. } | Donation::BankTransfer { .. } => None,
    };
    let qr_svg = scanned.and_then(|payload| {
        crate::web::qr::svg(
            payload,
            &tr.args("donation-qr-label", [("what", arg(heading.as_str()))]),
        )
    });
    DonationView {
        heading,
        fields,
        link,
        qr_svg,
        note: d.note().map(|n| n.get(lang).to_string()),
        risk: d.risk().map(|r| r.get(lang).to_string()),
    }
}

/// Plain links to the networks' own share pages: no widget, no script, and
/// nothing is sent anywhere unless the visitor follows one.
fn share_links(url: &str, text: &str) -> Vec<ShareLink> {
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let (u, t) = (enc(url), enc(text));
    vec![
        ShareLink {
            name: "Telegram",
            href: format!("https://t.me/share/url?url={u}&text={t}"),
        },
        ShareLink {
            name: "VK",
            href: format!("https://vk.com/share.php?url={u}"),
        },
        ShareLink {
            name: "WhatsApp",
            href: format!("https://wa.me/?text={t}%20{u}"),
        },
        ShareLink {
            name: "X",
            href: format!("https://x.com/intent/post?url={u}&text={t}"),
        },
        ShareLink {
            name: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            name: "E-mail",
            href: format!("mailto:?subject={t}&body={u}"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Localized;

    fn boris() -> Campaign {
        crate::campaign::file::parse(crate::demo::DEMO_FILE, "demo.toml", &|_| true)
            .expect("the demo parses")
    }

    #[test]
    fn only_a_russian_name_is_declined() {
        let mut c = boris();
        assert_eq!(call(&Tr::new(Lang::RU), &c), "Свободу Борису Романову!");
        assert_eq!(call(&Tr::new(Lang::EN), &c), "Free Boris Romanov!");
        // No Belarusian or Ukrainian name: the first given, undeclined.
        assert_eq!(
            call(&Tr::new(Lang::BE), &c),
            "Boris Romanov мае быць на волі!"
        );
        assert_eq!(
            call(&Tr::new(Lang::UK), &c),
            "Boris Romanov має бути на волі!"
        );
        c.person.name = Localized::new([
            (Lang::BE, "Барыс Раманаў".to_string()),
            (Lang::UK, "Борис Романов".to_string()),
        ]);
        assert_eq!(
            call(&Tr::new(Lang::BE), &c),
            "Барыс Раманаў мае быць на волі!"
        );
        // A Russian page of a name written only in Belarusian: Petrovich's
        // rules are not Belarusian ones, so no declension.
        assert_eq!(
            call(&Tr::new(Lang::RU), &c),
            "Барыс Раманаў должен быть на свободе!"
        );
    }

    #[test]
    fn the_organisers_headline_is_used_in_its_own_language_only() {
        let mut c = boris();
        c.headline = Some(Localized::new([(
            Lang::BE,
            "Свабоду Барысу Раманаву!".to_string(),
        )]));
        assert_eq!(call(&Tr::new(Lang::BE), &c), "Свабоду Барысу Раманаву!");
        assert_eq!(call(&Tr::new(Lang::RU), &c), "Свободу Борису Романову!");
        assert_eq!(
            call(&Tr::new(Lang::UK), &c),
            "Boris Romanov має бути на волі!"
        );
    }
}
