//! The workspace's start page (the campaigns one may work on) and a
//! campaign's overview (its petitions and their counts).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn};
use super::keys_page::utc_minute;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::Role;
use crate::campaign::keys::Keys;
use crate::campaign::{Campaign, Lang, Petition, PetitionState};
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::pagination::{Pagination, href, page_count, pagination};

pub struct CampaignLine {
    pub href: String,
    pub name: String,
    pub roles: String,
}

#[derive(Template)]
#[template(path = "admin/home.html")]
pub struct HomePage {
    pub layout: AdminLayout,
    /// One page of the campaigns one may see.
    pub campaigns: Vec<CampaignLine>,
    /// The search by name, shown when the list is longer than a page.
    pub search: Option<String>,
    pub home_href: String,
    /// A search's result, in words.
    pub found: Option<String>,
    pub pagination: Option<Pagination>,
    pub public_href: String,
    /// Owners: campaigns that exist only as drafts, and where to start one.
    pub drafts: Vec<(String, String)>,
    /// Organiser keys waiting to apply, for owners and delivery people of
    /// their campaign: (the keys page, in words).
    pub pending_keys: Vec<(String, String)>,
    pub new_href: Option<String>,
}

pub struct PetitionLine {
    pub title: String,
    pub count: i64,
    pub paper: i64,
    /// For editors: the page of paper signatures.
    pub paper_href: Option<String>,
    /// For editors: the HTML partner sites paste (the framed form, the counter).
    pub snippets: Option<(String, String)>,
    pub state: String,
    /// "opens … closes …", in words.
    pub dates: String,
    pub goal: Option<u64>,
    pub chart_svg: Option<String>,
    /// The sealed export's address, for whoever may deliver.
    pub export: Option<String>,
    /// Which organiser keys open which signatures (for whoever may deliver).
    pub periods: Vec<PeriodLine>,
    /// For editors: the button that closes it now, or opens it now.
    pub control: Option<(String, String)>,
}

pub struct PeriodLine {
    pub from: String,
    pub until: String,
    pub signatures: i64,
    /// Empty: sealed before epochs recorded their keys (to the key of then).
    pub keys: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/campaign.html")]
pub struct CampaignPage {
    pub layout: AdminLayout,
    pub public_href: String,
    pub petitions: Vec<PetitionLine>,
    /// Which partner sites may frame the petitions (`embed_origins`).
    pub embed_note: String,
    pub may_deliver: bool,
    /// The page that opens the export in the browser.
    pub deliver_href: String,
    pub edit_href: Option<String>,
    /// The keys new signatures are sealed to now.
    pub keys: Vec<String>,
    /// Keys waiting to apply: (key, from when).
    pub pending_keys: Vec<(String, String)>,
    pub keys_href: String,
    /// The letters page, for letters volunteers and owners.
    pub letters_href: Option<String>,
    /// Just published: the public page at an address no cache holds yet.
    pub published_href: Option<String>,
}

/// What the account is in a campaign, in words.
fn roles_text(tr: &Tr, owner: bool, roles: &[Role]) -> String {
    if owner {
        return tr.t("admin-role-owner");
    }
    roles
        .iter()
        .map(|r| tr.t(&format!("admin-role-{}", r.as_str())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Campaigns on one page of the workspace's list.
const CAMPAIGNS_PER_PAGE: usize = 50;

#[derive(Deserialize, Default)]
pub struct HomeQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: String,
}

pub async fn home(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Query(query): Query<HomeQuery>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let content = state.content();
    let search: String = query.q.trim().chars().take(100).collect();
    let visible: Vec<_> = content
        .find(&search, None)
        .into_iter()
        .filter(|e| signed.access.may_see(e.listing.slug.as_str()))
        .collect();
    let pages = page_count(visible.len(), CAMPAIGNS_PER_PAGE);
    let page = query.page.trim().parse().unwrap_or(1usize).clamp(1, pages);
    let href_of = |n: usize| href(paths::home(lang), &[("q", search.as_str())], n);
    let found = (!search.is_empty()).then(|| {
        tr.args(
            "directory-found",
            [("n", fluent_bundle::FluentValue::from(visible.len()))],
        )
    });
    // The search shows where there is something to search.
    let searchable = !search.is_empty() || visible.len() > CAMPAIGNS_PER_PAGE;
    let pagination = pagination(&tr, page, pages, href_of);
    let campaigns = visible
        .iter()
        .skip((page - 1) * CAMPAIGNS_PER_PAGE)
        .take(CAMPAIGNS_PER_PAGE)
        .map(|e| &e.listing)
        .map(|c| {
            let roles: Vec<Role> = signed
                .access
                .grants
                .iter()
                .filter(|g| g.campaign == c.slug.as_str())
                .map(|g| g.role)
                .collect();
            CampaignLine {
                href: paths::campaign(lang, c.slug.as_str()),
                name: c.name.get(lang).to_string(),
                roles: roles_text(&tr, signed.access.owner, &roles),
            }
        })
        .collect();
    let drafts = if signed.access.may_manage_instance() {
        state
            .store
            .draft_only_slugs()
            .await
            .map_err(WebError::store(lang))?
            .into_iter()
            .map(|slug| (paths::edit(lang, &slug), slug))
            .collect()
    } else {
        Vec::new()
    };
    let now = state.clock.now();
    let pending_keys = state
        .store
        .all_key_records()
        .await
        .map_err(WebError::store(lang))?
        .iter()
        .filter(|(slug, _)| signed.access.may_deliver(slug))
        .flat_map(|(slug, records)| {
            let name = content
                .listing(slug)
                .map_or_else(|| slug.clone(), |c| c.name.get(lang).to_string());
            Keys(records)
                .pending(now)
                .into_iter()
                .map(|r| {
                    let line = tr.args(
                        "admin-home-pending-key",
                        [
                            ("campaign", arg(name.clone())),
                            ("who", arg(r.proposed_by.clone().unwrap_or_default())),
                            ("time", arg(utc_minute(r.effective_at))),
                        ],
                    );
                    (paths::keys(lang, slug), line)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let page = HomePage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed),
            Section::Campaigns,
            tr.t("admin-home-title"),
            paths::home,
        ),
        campaigns,
        home_href: paths::home(lang),
        search: searchable.then_some(search),
        found,
        pagination,
        public_href: crate::web::paths::directory(lang),
        drafts,
        pending_keys,
        new_href: signed
            .access
            .may_manage_instance()
            .then(|| paths::new_campaign(lang)),
    };
    render(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct SlugParam {
    slug: String,
}

#[derive(Deserialize, Default)]
pub struct OverviewQuery {
    /// Set by publishing (its time): say so, and link the fresh page.
    #[serde(default)]
    published: Option<i64>,
}

/// What a partner site pastes: the framed petition, and the counter image
/// linking to the petition, with absolute addresses on the public name.
fn embed_snippets(
    state: &AppState,
    lang: Lang,
    campaign: &Campaign,
    p: &Petition,
) -> (String, String) {
    let lang = state
        .offered(lang.code())
        .unwrap_or(state.settings.default_lang);
    let base = state.settings.public_url.trim_end_matches('/');
    let petition = crate::web::paths::petition(lang, campaign.slug.as_str(), p.id.as_str());
    let title = crate::campaign::markdown::escape_html(p.title.get(lang));
    (
        format!(
            r#"<iframe src="{base}{petition}/embed" title="{title}" width="100%" height="620" style="border:0;max-width:480px" loading="lazy"></iframe>"#
        ),
        format!(
            r#"<a href="{base}{petition}"><img src="{base}{petition}/count.svg" alt="{title}" width="320" height="76"></a>"#
        ),
    )
}

pub async fn overview(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<SlugParam>,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    // One answer for "no such campaign" and "not yours": nobody learns
    // from the workspace which campaigns exist beyond their own.
    if !signed.access.may_see(&params.slug) {
        return Err(WebError::forbidden(lang));
    }
    let content = state.content();
    let campaign = state.campaign_or_404(&content, &params.slug, lang).await?;
    let may_deliver = signed.access.may_deliver(campaign.slug.as_str());
    let may_edit = signed.access.may_edit(campaign.slug.as_str());
    let hour = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|t| t.format("%Y-%m-%d %H:00 UTC").to_string())
            .unwrap_or_default()
    };
    let mut petitions = Vec::with_capacity(campaign.petitions.len());
    for p in &campaign.petitions {
        let row = content.petition_row(campaign.slug.as_str(), p.id.as_str());
        let tally = row.map(|row| state.tally(row)).unwrap_or_default();
        let (days, periods) = match row {
            Some(row) => {
                let store_err = WebError::store(lang);
                let days = state
                    .store
                    .signature_days(row.id)
                    .await
                    .map_err(store_err)?;
                let periods = if may_deliver {
                    state
                        .store
                        .sealing_periods(row.id)
                        .await
                        .map_err(store_err)?
                } else {
                    Vec::new()
                };
                (days, periods)
            }
            None => (Vec::new(), Vec::new()),
        };
        let dates = match p.closes {
            Some(closes) => tr.args(
                "admin-petition-dates",
                [
                    ("opens", arg(tr.date(p.opens))),
                    ("closes", arg(tr.date(closes))),
                ],
            ),
            None => tr.args("admin-petition-opens", [("opens", arg(tr.date(p.opens)))]),
        };
        let petition_state = p.state(content.today);
        let control = may_edit.then(|| {
            let (what, label) = match petition_state {
                PetitionState::Open => ("close", "admin-petition-close-now"),
                _ => ("open", "admin-petition-open-now"),
            };
            (
                paths::petition_control(lang, campaign.slug.as_str(), p.id.as_str(), what),
                tr.t(label),
            )
        });
        petitions.push(PetitionLine {
            title: p.title.get(lang).to_string(),
            count: tally.online,
            paper: tally.paper,
            paper_href: may_edit.then(|| paths::paper(lang, campaign.slug.as_str(), p.id.as_str())),
            snippets: may_edit.then(|| embed_snippets(&state, lang, &campaign, p)),
            control,
            state: tr.t(match petition_state {
                PetitionState::NotYetOpen => "admin-petition-not-yet-open",
                PetitionState::Open => "admin-petition-open",
                PetitionState::Closed => "admin-petition-closed",
            }),
            dates,
            goal: p.goal,
            chart_svg: crate::web::chart::cumulative_svg(&days, &tr.t("admin-petition-count")),
            export: may_deliver.then(|| paths::export(lang, campaign.slug.as_str(), p.id.as_str())),
            periods: periods
                .into_iter()
                .map(|period| PeriodLine {
                    from: hour(period.from),
                    until: hour(period.until),
                    signatures: period.signatures,
                    keys: period.keys.unwrap_or_default(),
                })
                .collect(),
        });
    }
    let records = state
        .store
        .key_records(&params.slug)
        .await
        .map_err(WebError::store(lang))?;
    let pending_keys = Keys(&records)
        .pending(state.clock.now())
        .into_iter()
        .map(|r| (r.key.clone(), utc_minute(r.effective_at)))
        .collect();
    let slug = params.slug.clone();
    let origins = &state.petitions.settings.embed_origins;
    let embed_note = if origins.is_empty() {
        tr.t("admin-embed-nobody")
    } else {
        tr.args(
            "admin-embed-origins",
            [("origins", arg(origins.join(", ")))],
        )
    };
    let page = CampaignPage {
        embed_note,
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed),
            Section::Campaigns,
            campaign.person.name.get(lang).to_string(),
            |l| paths::campaign(l, &slug),
        ),
        public_href: crate::web::paths::campaign(lang, campaign.slug.as_str()),
        petitions,
        may_deliver,
        deliver_href: paths::deliver(lang),
        keys: campaign
            .organiser_keys()
            .into_iter()
            .map(str::to_string)
            .collect(),
        pending_keys,
        keys_href: paths::keys(lang, campaign.slug.as_str()),
        letters_href: (signed.access.may_handle_letters(campaign.slug.as_str())
            && campaign.help.letters.is_some())
        .then(|| paths::letters(lang, campaign.slug.as_str())),
        // A browser may hold the public page for a minute (max-age): an
        // address it has not seen shows the new version at once.
        published_href: query.published.map(|at| {
            format!(
                "{}?v={at}",
                crate::web::paths::campaign(lang, campaign.slug.as_str())
            )
        }),
        edit_href: signed
            .access
            .may_edit(campaign.slug.as_str())
            .then(|| paths::edit(lang, campaign.slug.as_str())),
    };
    render(&page, StatusCode::OK)
}
