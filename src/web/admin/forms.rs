//! The campaign in forms, one part of the file per page: every field with
//! Russian and English side by side, Markdown previewed on the server, list
//! entries added, removed and moved by buttons that post (no JavaScript).
//! A save writes the same draft revision the file editor writes; a problem
//! comes back next to its field with everything typed kept.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn};
use super::editing::{DiffView, campaign_file, current, diff_view, editable, save_draft};
use super::layout::{AdminLayout, Section as NavSection, render};
use super::paths;
use crate::account::AuditAction;
use crate::account::service::Signed;
use crate::campaign::fields::schema::{self, TAG, label_key};
use crate::campaign::fields::values;
use crate::campaign::fields::{Applied, Field, FieldProblem, FormState, Kind, Problem, Section};
use crate::campaign::{Campaign, Footnotes, Gender, Lang, markdown, starter};
use crate::i18n::{Tr, arg};
use crate::store::SavedRevision;
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Deserialize)]
pub struct FormParams {
    slug: String,
    section: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Buttons of one list entry: each posts the form with its `op`.
pub struct Controls {
    pub what: String,
    pub remove: String,
    pub up: Option<String>,
    pub down: Option<String>,
}

pub struct Input {
    pub name: String,
    pub id: String,
    pub label: String,
    /// `text`, `textarea`, `select`, `date`, `time`, `number`, `url`, `email`.
    pub control: &'static str,
    pub rows: u8,
    pub value: String,
    pub choices: Vec<Choice>,
    pub required: bool,
    pub lang: Option<&'static str>,
    pub errors: Vec<String>,
    pub controls: Option<Controls>,
    /// A kind select: its button shows the fields of the chosen kind.
    pub refresh: bool,
    /// The starter's sample, shown greyed in an empty field (never a value).
    pub placeholder: String,
}

pub struct Group {
    pub legend: String,
    pub id: String,
    pub errors: Vec<String>,
    pub controls: Option<Controls>,
    /// A list's hidden count field: (name, entries).
    pub count: Option<(String, usize)>,
}

pub struct Pair {
    pub label: String,
    pub id: String,
    pub markdown: bool,
    pub errors: Vec<String>,
    pub inputs: Vec<Input>,
    /// Texts in languages not edited side by side, carried unchanged.
    pub kept: Vec<(String, String)>,
    /// (language name, HTML) when a preview was asked for.
    pub previews: Vec<(String, String)>,
}

pub enum Row {
    Open(Group),
    Close,
    Input(Input),
    Pair(Pair),
    Add(String, String),
}

pub struct SectionLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// A problem for the summary at the top: the field's label and where it is.
pub struct ProblemLine {
    pub href: String,
    pub text: String,
    /// Opens in a new tab (another page), so what is typed here stays.
    pub new_tab: bool,
}

#[derive(Template)]
#[template(path = "admin/form.html")]
pub struct FormPage {
    pub layout: AdminLayout,
    pub action: String,
    pub base: i64,
    pub sections: Vec<SectionLink>,
    pub rows: Vec<Row>,
    pub notice: Option<String>,
    pub problems: Vec<ProblemLine>,
    pub conflict: Option<Vec<Option<DiffView>>>,
    pub edit_href: String,
    pub preview_href: String,
    pub publish_action: String,
    pub unpublished: bool,
    pub photo: Option<PhotoPart>,
    /// The choice of languages edited side by side (when the site has
    /// more than one): code, name, chosen.
    pub languages: Vec<(&'static str, String, bool)>,
}

/// What the page shows besides the fields.
#[derive(Default)]
struct Outcome {
    notice: Option<String>,
    problems: Vec<FieldProblem>,
    /// A message not tied to a field.
    general: Option<String>,
    conflict: Option<Vec<Option<DiffView>>>,
    previews: bool,
}

fn problem_text(tr: &Tr, problem: &Problem) -> String {
    match problem.value() {
        Some(v) => tr.args(problem.key(), [("value", arg(v.to_string()))]),
        None => tr.t(problem.key()),
    }
}

fn anchor(name: &str) -> String {
    format!("f-{}", name.replace(['.', '#'], "-"))
}

/// Walks the section's fields and builds the rows the template prints.
struct Rows<'a> {
    tr: Tr,
    state: &'a FormState,
    errors: HashMap<&'a str, Vec<String>>,
    organisations: Vec<(String, String)>,
    registry: &'a crate::campaign::Registry,
    previews: bool,
    rows: Vec<Row>,
    /// The person's: Russian names of a status agree with it ("осуждена").
    gender: Option<Gender>,
    /// The languages whose texts are edited side by side.
    languages: &'a [Lang],
}

impl Rows<'_> {
    fn errors(&self, name: &str) -> Vec<String> {
        self.errors.get(name).cloned().unwrap_or_default()
    }

    fn label(&self, path: &[&str]) -> String {
        self.tr.t(&label_key(path))
    }

    fn fields(&mut self, fields: &[Field], prefix: &str, path: &mut Vec<&'static str>) {
        for f in fields {
            let name = if prefix.is_empty() {
                f.key.to_string()
            } else {
                format!("{prefix}.{}", f.key)
            };
            path.push(f.key);
            self.field(f, &name, path);
            path.pop();
        }
    }

    fn controls(&self, list: &str, i: usize, n: usize, what: String) -> Controls {
        Controls {
            what,
            remove: format!("remove:{list}.{i}"),
            up: (i > 0).then(|| format!("up:{list}.{i}")),
            down: (i + 1 < n).then(|| format!("down:{list}.{i}")),
        }
    }

    fn open(&mut self, legend: String, name: &str, controls: Option<Controls>) {
        self.rows.push(Row::Open(Group {
            legend,
            id: anchor(name),
            errors: self.errors(name),
            controls,
            count: None,
        }));
    }

    /// Opens a list: its fieldset carries how many entries it has.
    fn open_list(&mut self, legend: String, name: &str) -> usize {
        let n = self.state.count(name);
        self.rows.push(Row::Open(Group {
            legend,
            id: anchor(name),
            errors: self.errors(name),
            controls: None,
            count: Some((values::count_name(name), n)),
        }));
        n
    }

    fn field(&mut self, f: &Field, name: &str, path: &mut Vec<&'static str>) {
        let label = self.label(path);
        match &f.kind {
            Kind::Group(fields) => {
                self.open(label, name, None);
                self.fields(fields, name, path);
                self.rows.push(Row::Close);
            }
            Kind::List(fields) => {
                let n = self.open_list(label.clone(), name);
                for i in 0..n {
                    let entry = self.entry_label(&label, i);
                    let item = format!("{name}.{i}");
                    let controls = self.controls(name, i, n, entry.clone());
                    self.open(entry, &item, Some(controls));
                    self.fields(fields, &item, path);
                    self.rows.push(Row::Close);
                }
                self.add_button(name, &label);
                self.rows.push(Row::Close);
            }
            Kind::Tagged(variants) => {
                let n = self.open_list(label.clone(), name);
                for i in 0..n {
                    let entry = self.entry_label(&label, i);
                    let item = format!("{name}.{i}");
                    let controls = self.controls(name, i, n, entry.clone());
                    self.open(entry, &item, Some(controls));
                    let tag_name = format!("{item}.{TAG}");
                    let current = self.state.get(&tag_name).to_string();
                    path.push(TAG);
                    let kind_label = self.label(path);
                    let choices = variants
                        .iter()
                        .map(|v| Choice {
                            value: v.code.to_string(),
                            label: self.tr.t(&format!("{}-{}", label_key(path), v.code)),
                            selected: v.code == current,
                        })
                        .collect();
                    path.pop();
                    let mut input = self.input(&tag_name, kind_label, "select", true, None);
                    input.choices = choices;
                    input.refresh = true;
                    self.rows.push(Row::Input(input));
                    if let Some(variant) = variants.iter().find(|v| v.code == current) {
                        self.fields(variant.fields, &item, path);
                    }
                    self.rows.push(Row::Close);
                }
                self.add_button(name, &label);
                self.rows.push(Row::Close);
            }
            Kind::Values(kind) => {
                let n = self.open_list(label.clone(), name);
                for i in 0..n {
                    let item = format!("{name}.{i}");
                    let entry = self.entry_label(&label, i);
                    let mut input = self.scalar(kind, &item, entry.clone(), true, path, None);
                    input.controls = Some(self.controls(name, i, n, entry));
                    self.rows.push(Row::Input(input));
                }
                self.add_button(name, &label);
                self.rows.push(Row::Close);
            }
            kind if f.localized => {
                let markdown = matches!(kind, Kind::Markdown);
                let inputs = self
                    .languages
                    .iter()
                    .map(|lang| {
                        let input_name = format!("{name}.{}", lang.code());
                        let mut input = self.scalar(
                            kind,
                            &input_name,
                            format!("{label} ({})", lang.native_name()),
                            f.required,
                            path,
                            Some(*lang),
                        );
                        input.lang = Some(lang.code());
                        input
                    })
                    .collect();
                let kept = Lang::known()
                    .into_iter()
                    .filter(|l| !self.languages.contains(l))
                    .filter_map(|l| {
                        let input_name = format!("{name}.{}", l.code());
                        let text = self.state.get(&input_name);
                        (!text.is_empty()).then(|| (input_name, text.to_string()))
                    })
                    .collect();
                let previews = if markdown && self.previews {
                    self.languages
                        .iter()
                        .map(|lang| {
                            let text = self.state.get(&format!("{name}.{}", lang.code()));
                            let html = markdown::render_block(
                                text,
                                *lang,
                                self.registry,
                                &mut Footnotes::default(),
                            );
                            (lang.native_name().to_string(), html)
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                self.rows.push(Row::Pair(Pair {
                    label,
                    id: anchor(name),
                    markdown,
                    errors: self.errors(name),
                    inputs,
                    kept,
                    previews,
                }));
            }
            kind => {
                let input = self.scalar(kind, name, label, f.required, path, None);
                self.rows.push(Row::Input(input));
            }
        }
    }

    fn entry_label(&self, list_label: &str, i: usize) -> String {
        self.tr.args(
            "form-entry",
            [
                ("list", arg(list_label.to_string())),
                ("n", arg((i + 1).to_string())),
            ],
        )
    }

    fn add_button(&mut self, name: &str, label: &str) {
        let text = self.tr.args("form-add", [("list", arg(label.to_string()))]);
        self.rows.push(Row::Add(format!("add:{name}"), text));
    }

    fn input(
        &self,
        name: &str,
        label: String,
        control: &'static str,
        required: bool,
        lang: Option<Lang>,
    ) -> Input {
        // A localized field's problems stand beside the pair, not each input.
        let errors = if lang.is_some() {
            Vec::new()
        } else {
            self.errors(name)
        };
        // A new campaign's samples are placeholders, not values: the field
        // shows empty, and saving asks for the real fact.
        let value = self.state.get(name);
        let sample = starter::sample(name).filter(|s| *s == value.trim());
        Input {
            name: name.to_string(),
            id: anchor(name),
            label,
            control,
            rows: 0,
            value: if sample.is_some() {
                String::new()
            } else {
                value.to_string()
            },
            choices: Vec::new(),
            required,
            lang: None,
            errors,
            controls: None,
            refresh: false,
            placeholder: sample.unwrap_or_default().to_string(),
        }
    }

    fn scalar(
        &self,
        kind: &Kind,
        name: &str,
        label: String,
        required: bool,
        path: &[&str],
        lang: Option<Lang>,
    ) -> Input {
        let control = match kind {
            Kind::Lines | Kind::Markdown => "textarea",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Number => "number",
            Kind::Url => "url",
            Kind::Email => "email",
            Kind::Choice(_) | Kind::Organisation | Kind::Flag => "select",
            _ => "text",
        };
        let mut input = self.input(name, label, control, required, lang);
        // A typed value the control cannot hold (a date input shows no
        // "31.12.2024") is shown as text, so the person sees what they typed.
        if !fits(kind, &input.value) {
            input.control = "text";
        }
        input.rows = match kind {
            Kind::Markdown => 8,
            Kind::Lines => 3,
            _ => 0,
        };
        let current = input.value.clone();
        let empty = || Choice {
            value: String::new(),
            label: "—".to_string(),
            selected: current.is_empty(),
        };
        match kind {
            Kind::Choice(codes) => {
                let key = label_key(path);
                // A required choice not made yet (a new entry) offers no
                // default: saving asks for one instead of inventing a fact.
                input.choices = (!required || current.is_empty())
                    .then(empty)
                    .into_iter()
                    .chain(codes.iter().map(|code| Choice {
                        value: code.to_string(),
                        label: self.tr.args(
                            &format!("{key}-{code}"),
                            [("gender", arg(self.gender.map_or("other", Gender::code)))],
                        ),
                        selected: *code == current,
                    }))
                    .collect();
            }
            Kind::Flag => {
                // Unset keeps the default, which the label names.
                input.choices = std::iter::once(empty())
                    .chain(["true", "false"].into_iter().map(|code| Choice {
                        value: code.to_string(),
                        label: self.tr.t(&format!("admin-flag-{code}")),
                        selected: code == current,
                    }))
                    .collect();
            }
            Kind::Organisation => {
                let mut choices: Vec<Choice> = (!required).then(empty).into_iter().collect();
                choices.extend(self.organisations.iter().map(|(id, name)| Choice {
                    value: id.clone(),
                    label: name.clone(),
                    selected: *id == current,
                }));
                // A value not in the registry stays choosable, so it is not lost.
                if !current.is_empty() && !self.organisations.iter().any(|(id, _)| *id == current) {
                    choices.push(Choice {
                        value: current.clone(),
                        label: current.clone(),
                        selected: true,
                    });
                }
                input.choices = choices;
            }
            _ => {}
        }
        input
    }
}

/// Whether `value` is something the HTML control for `kind` can hold: a
/// typed control holds only what saving would accept.
fn fits(kind: &Kind, value: &str) -> bool {
    let typed = matches!(
        kind,
        Kind::Date | Kind::Time | Kind::Number | Kind::Url | Kind::Email
    );
    !typed || values::accepts(kind, value)
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    section: &'static Section,
    form: &FormState,
    base: i64,
    unpublished: bool,
    outcome: Outcome,
    status: StatusCode,
    about: &About,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let content = state.content();
    let mut errors: HashMap<&str, Vec<String>> = HashMap::new();
    for p in &outcome.problems {
        errors
            .entry(p.name.as_str())
            .or_default()
            .push(problem_text(&tr, &p.problem));
    }
    let mut organisations: Vec<(String, String)> = content
        .registry
        .all()
        .map(|o| (o.id.to_string(), o.name.get(lang).to_string()))
        .collect();
    organisations.sort_by(|a, b| a.1.cmp(&b.1));
    let mut rows = Rows {
        tr,
        state: form,
        errors,
        organisations,
        registry: &content.registry,
        previews: outcome.previews,
        rows: Vec::new(),
        gender: about.gender,
        languages: &about.languages,
    };
    rows.fields(section.fields, "", &mut Vec::new());
    let mut problems: Vec<ProblemLine> = outcome
        .general
        .iter()
        .map(|text| ProblemLine {
            href: String::new(),
            text: text.clone(),
            new_tab: false,
        })
        .collect();
    problems.extend(outcome.problems.iter().map(|p| ProblemLine {
        // Keys live on a page of their own.
        new_tab: p.name == "organiser_keys",
        href: if p.name == "organiser_keys" {
            paths::keys(lang, slug)
        } else {
            format!("#{}", anchor(&p.name))
        },
        text: format!(
            "{}: {}",
            field_label(&tr, &p.name),
            problem_text(&tr, &p.problem)
        ),
    }));
    let slug_owned = slug.to_string();
    let section_id = section.id;
    let title = tr.args(
        "form-title",
        [
            (
                "section",
                arg(tr.t(&format!("form-section-{}", section.id))),
            ),
            ("slug", arg(slug.to_string())),
        ],
    );
    let page = FormPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            NavSection::Campaigns,
            title,
            |l| paths::form(l, &slug_owned, section_id),
        ),
        action: format!(
            "{}{}",
            paths::form(lang, slug, section.id),
            langs_query(state, &about.languages)
        ),
        base,
        sections: section_links(&tr, lang, slug, section.id),
        rows: rows.rows,
        notice: outcome.notice,
        problems,
        conflict: outcome.conflict,
        edit_href: paths::edit(lang, slug),
        preview_href: paths::preview(lang, slug),
        publish_action: paths::publish(lang, slug),
        unpublished,
        photo: about.photo.clone(),
        languages: if state.languages().len() > 1 {
            state
                .languages()
                .iter()
                .map(|l| (l.code(), l.native_name(), about.languages.contains(l)))
                .collect()
        } else {
            Vec::new()
        },
    };
    render(&page, status)
}

/// The photo in the Person part: where a new one is sent, and the one the
/// page shows now or will after publishing (a thumbnail).
#[derive(Clone)]
pub struct PhotoPart {
    pub action: String,
    pub thumbnail: Option<String>,
    /// The thumbnail is a new photo, public only once published.
    pub waiting: bool,
}

/// What a form's page shows of the campaign beyond its own fields.
pub struct About {
    /// The person's: Russian status names agree with it.
    gender: Option<Gender>,
    /// Only in the Person part.
    photo: Option<PhotoPart>,
    /// The languages edited side by side.
    languages: Vec<Lang>,
}

/// The languages the organiser edits side by side: `langs` in the query
/// (repeated, as checkboxes send it, or separated by commas), else every
/// language the site offers. Texts in the others are carried unchanged.
fn side_by_side(state: &AppState, query: Option<&str>) -> Vec<Lang> {
    let asked: Vec<String> = url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .filter(|(k, _)| k == "langs")
        .flat_map(|(_, v)| {
            v.split(',')
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    // In the site's order, whatever order they were asked in.
    let chosen: Vec<Lang> = state
        .languages()
        .iter()
        .copied()
        .filter(|l| asked.iter().any(|a| a == l.code()))
        .collect();
    if chosen.is_empty() {
        state.languages().to_vec()
    } else {
        chosen
    }
}

/// `?langs=ru,be` for the form's own address, so that its buttons keep the
/// choice; nothing when every language is edited.
fn langs_query(state: &AppState, languages: &[Lang]) -> String {
    if languages == state.languages() {
        return String::new();
    }
    let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    format!("?langs={}", codes.join(","))
}

async fn about(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    campaign: &Campaign,
    section: &Section,
) -> Result<About, WebError> {
    let slug = campaign.slug.as_str();
    let photo = if section.id == "person" {
        let waiting = state
            .store
            .has_draft_photo(slug)
            .await
            .map_err(WebError::store(lang))?;
        let public = state.content().photo(slug).is_some();
        Some(PhotoPart {
            action: format!("{}?csrf={}", paths::photo(lang, slug), signed.session.csrf),
            thumbnail: if waiting {
                Some(paths::preview_photo(lang, slug))
            } else if public {
                Some(format!("/photos/{slug}.jpg"))
            } else {
                None
            },
            waiting,
        })
    } else {
        None
    };
    Ok(About {
        languages: state.languages().to_vec(),
        gender: campaign.person.gender,
        photo,
    })
}

/// Every section as a link, and the keys page (keys are not part of the
/// campaign's text: see `campaign::keys`).
pub fn section_links(tr: &Tr, lang: Lang, slug: &str, current: &str) -> Vec<SectionLink> {
    let mut links: Vec<SectionLink> = schema::SECTIONS
        .iter()
        .map(|s| SectionLink {
            href: paths::form(lang, slug, s.id),
            label: tr.t(&format!("form-section-{}", s.id)),
            current: s.id == current,
        })
        .collect();
    let petitions = links
        .iter()
        .position(|l| l.href.ends_with("/form/petitions"))
        .map_or(links.len(), |i| i + 1);
    links.insert(
        petitions,
        SectionLink {
            href: paths::keys(lang, slug),
            label: tr.t("form-section-keys"),
            current: false,
        },
    );
    links
}

/// "Status: Since", "Timeline: Timeline 3, Date": a field with the part of
/// the forms it is in, for messages outside that part's page.
pub fn section_and_field(tr: &Tr, name: &str) -> String {
    let section = name.split('.').next().unwrap_or_default();
    format!(
        "{}: {}",
        tr.t(&format!("form-section-{section}")),
        field_label(tr, name)
    )
}

/// "Timeline 3, What happened" for the summary of problems.
pub fn field_label(tr: &Tr, name: &str) -> String {
    let mut path: Vec<&str> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let parts: Vec<&str> = name.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        match part.parse::<usize>() {
            Ok(n) => {
                if let Some(last) = words.last_mut() {
                    *last = format!("{last} {}", n + 1);
                }
            }
            Err(_) => {
                path.push(part);
                // Only the last key and the lists on the way are named.
                let is_last = i + 1 == parts.len();
                let next_is_index = parts.get(i + 1).is_some_and(|p| p.parse::<usize>().is_ok());
                if is_last || next_is_index {
                    words.push(tr.t(&label_key(&path)));
                }
            }
        }
    }
    words.join(", ")
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<FormParams>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let section = schema::section(&params.section).ok_or(WebError::not_found(lang))?;
    let (campaign, base, unpublished) = editable(&state, lang, &signed, &params.slug).await?;
    let doc = document(&campaign)?;
    let form = FormState::from_document(section, &doc);
    let mut about = about(&state, lang, &signed, &campaign, section).await?;
    about.languages = side_by_side(&state, query.as_deref());
    page(
        &state,
        lang,
        &signed,
        &params.slug,
        section,
        &form,
        base,
        unpublished,
        Outcome::default(),
        StatusCode::OK,
        &about,
    )
}

/// The Person part again after a photo was sent: with `notice` when it was
/// taken, or the reason it was not.
pub(super) async fn person_after_photo(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    said: Result<String, String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let section = schema::section("person").ok_or(WebError::not_found(lang))?;
    let (campaign, base, unpublished) = editable(state, lang, signed, slug).await?;
    let form = FormState::from_document(section, &document(&campaign)?);
    let (notice, general) = match said {
        Ok(notice) => (Some(notice), None),
        Err(problem) => (None, Some(problem)),
    };
    let outcome = Outcome {
        notice,
        general,
        ..Outcome::default()
    };
    let about = about(state, lang, signed, &campaign, section).await?;
    page(
        state,
        lang,
        signed,
        slug,
        section,
        &form,
        base,
        unpublished,
        outcome,
        status,
        &about,
    )
}

fn document(campaign: &Campaign) -> Result<toml::Table, WebError> {
    values::document(campaign)
        .map_err(|e| WebError::internal(format!("writing a campaign file: {e}")))
}

/// What a button of the form asks for.
enum Op<'a> {
    Save,
    Preview,
    Refresh,
    Add(&'a str),
    Remove(&'a str, usize),
    Shift(&'a str, usize, bool),
}

fn op(text: &str) -> Op<'_> {
    fn entry(rest: &str) -> Option<(&str, usize)> {
        let (list, i) = rest.rsplit_once('.')?;
        Some((list, i.parse::<usize>().ok()?))
    }
    match text.split_once(':') {
        Some(("add", list)) => Op::Add(list),
        Some(("remove", rest)) => entry(rest).map_or(Op::Refresh, |(l, i)| Op::Remove(l, i)),
        Some(("up", rest)) => entry(rest).map_or(Op::Refresh, |(l, i)| Op::Shift(l, i, true)),
        Some(("down", rest)) => entry(rest).map_or(Op::Refresh, |(l, i)| Op::Shift(l, i, false)),
        _ => match text {
            "preview" => Op::Preview,
            "refresh" => Op::Refresh,
            _ => Op::Save,
        },
    }
}

pub async fn submit(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path(params): Path<FormParams>,
    RawQuery(query): RawQuery,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let section = schema::section(&params.section).ok_or(WebError::not_found(lang))?;
    // 403 for another's campaign, 404 for none, before any button acts.
    let (head_campaign, head, _) = editable(&state, lang, &signed, &params.slug).await?;
    let slug = params.slug.as_str();
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let base: i64 = field("base").and_then(|b| b.parse().ok()).unwrap_or(0);
    let mut about = about(&state, lang, &signed, &head_campaign, section).await?;
    about.languages = side_by_side(&state, query.as_deref());
    let mut form = FormState::from_pairs(section, &pairs);
    let previews = match op(field("op").unwrap_or("save")) {
        // A button that does not apply (no such list or entry) changes
        // nothing: the form comes back as it was.
        Op::Add(list) => {
            form.add(section, list);
            false
        }
        Op::Remove(list, i) => {
            form.remove(section, list, i);
            false
        }
        Op::Shift(list, i, up) => {
            form.shift(section, list, i, up);
            false
        }
        Op::Refresh => false,
        Op::Preview => true,
        Op::Save => {
            let head = (head_campaign, head);
            return save(
                &state, lang, &signed, slug, section, form, base, head, about,
            )
            .await;
        }
    };
    let outcome = Outcome {
        previews,
        ..Outcome::default()
    };
    page(
        &state,
        lang,
        &signed,
        slug,
        section,
        &form,
        base,
        true,
        outcome,
        StatusCode::OK,
        &about,
    )
}

/// Saves the form on `head` (the newest revision, or the public campaign)
/// unless someone saved since the form's `base`.
#[allow(clippy::too_many_arguments)]
async fn save(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    slug: &str,
    section: &'static Section,
    form: FormState,
    base: i64,
    (head_campaign, head): (Campaign, i64),
    about: About,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let mut doc = document(&head_campaign)?;
    let content = state.content();
    let applied = form.apply(section, &mut doc, &|id| content.registry.contains(id));
    let again = |base: i64, outcome: Outcome, status: StatusCode| {
        page(
            state, lang, signed, slug, section, &form, base, true, outcome, status, &about,
        )
    };
    let mut campaign = match applied {
        Ok(c) if !state.settings.demo && crate::demo::uses_demo_key(&c) => {
            let outcome = Outcome {
                problems: vec![FieldProblem {
                    name: "organiser_keys".into(),
                    problem: Problem::DemoKey,
                }],
                ..Outcome::default()
            };
            return again(base, outcome, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Ok(c) => c,
        Err(Applied::Problems(problems)) => {
            let outcome = Outcome {
                problems,
                ..Outcome::default()
            };
            return again(base, outcome, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(Applied::Unreadable(message)) => {
            let outcome = Outcome {
                general: Some(tr.args("fields-unreadable", [("message", arg(message))])),
                ..Outcome::default()
            };
            return again(base, outcome, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    // Someone saved since this form was opened: show their version against
    // this one, and save nothing until the editor decides.
    let conflict = |head_campaign: &Campaign, mine: &Campaign, head: i64| {
        let theirs = campaign_file(state, head_campaign)?;
        let mine = campaign_file(state, mine)?;
        let outcome = Outcome {
            general: Some(tr.t("form-conflict")),
            conflict: Some(diff_view(&theirs, &mine)),
            ..Outcome::default()
        };
        again(head, outcome, StatusCode::CONFLICT)
    };
    if head != base {
        return conflict(&head_campaign, &campaign, head);
    }
    let section_id = section.id;
    let draft = save_draft(
        state,
        signed,
        &mut campaign,
        base,
        AuditAction::CampaignSaved,
        |id| format!("#{id} ({section_id})"),
    )
    .await
    .map_err(WebError::store(lang))?;
    match draft.saved {
        SavedRevision::Saved(id) => {
            let saved = FormState::from_document(section, &document(&campaign)?);
            let outcome = Outcome {
                notice: Some(draft.notice(&tr, tr.t("admin-edit-saved"))),
                ..Outcome::default()
            };
            page(
                state,
                lang,
                signed,
                slug,
                section,
                &saved,
                id,
                true,
                outcome,
                StatusCode::OK,
                &about,
            )
        }
        SavedRevision::Conflict => {
            let (theirs, head, _) = current(state, lang, slug)
                .await?
                .ok_or(WebError::not_found(lang))?;
            conflict(&theirs, &campaign, head)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label, choice and section the forms can show is translated.
    #[test]
    fn every_form_text_has_a_translation_in_every_language() {
        fn keys_of(fields: &[Field], path: &mut Vec<&'static str>, out: &mut Vec<String>) {
            for f in fields {
                path.push(f.key);
                out.push(label_key(path));
                match &f.kind {
                    Kind::Group(sub) | Kind::List(sub) => keys_of(sub, path, out),
                    Kind::Tagged(variants) => {
                        path.push(TAG);
                        out.push(label_key(path));
                        for v in *variants {
                            out.push(format!("{}-{}", label_key(path), v.code));
                        }
                        path.pop();
                        for v in *variants {
                            keys_of(v.fields, path, out);
                        }
                    }
                    Kind::Choice(codes) | Kind::Values(Kind::Choice(codes)) => {
                        out.extend(codes.iter().map(|c| format!("{}-{c}", label_key(path))))
                    }
                    _ => {}
                }
                path.pop();
            }
        }
        let mut wanted = Vec::new();
        for s in schema::SECTIONS {
            wanted.push(format!("form-section-{}", s.id));
            keys_of(s.fields, &mut Vec::new(), &mut wanted);
        }
        let problems = [
            Problem::Required,
            Problem::BadDate,
            Problem::BadTime,
            Problem::BadNumber,
            Problem::BadUrl,
            Problem::BadSlug,
            Problem::BadEmail,
            Problem::BadChoice,
            Problem::DemoKey,
        ];
        wanted.extend(problems.iter().map(|p| p.key().to_string()));
        use crate::campaign::file::Rule;
        let rules = [
            Rule::Empty,
            Rule::PhotoPath,
            Rule::PhotoFormat,
            Rule::NoContact,
            Rule::NotEmail(String::new()),
            Rule::UnknownOrganisation(String::new()),
            Rule::NotLanguageCode(String::new()),
            Rule::NoOrganiserKey,
            Rule::LettersWithoutKey,
            Rule::NotAgeKey(String::new()),
            Rule::KeyTwice(String::new()),
            Rule::PetitionIdTwice(String::new()),
            Rule::ClosesBeforeOpens,
            Rule::GoalBelowOne,
            Rule::UpdateIdTwice(String::new()),
            Rule::OrganisationTwice(String::new()),
        ];
        wanted.extend(rules.iter().map(|r| r.key().to_string()));
        for lang in Lang::BUILT_IN {
            let have = lang.message_keys();
            let missing: Vec<&String> = wanted.iter().filter(|k| !have.contains(k)).collect();
            assert!(missing.is_empty(), "{lang}: missing {missing:?}");
        }
    }

    #[test]
    fn a_problem_is_summarised_by_the_labels_the_user_sees() {
        let tr = Tr::new(Lang::EN);
        assert_eq!(
            field_label(&tr, "timeline.2.text"),
            "Timeline 3, What happened"
        );
        assert_eq!(field_label(&tr, "person.name"), "Full name");
    }
}
