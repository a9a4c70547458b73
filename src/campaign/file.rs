//! The campaign file: a TOML document with Markdown in its text fields, which
//! organisers keep under version control and move between instances.
//!
//! A broken file is refused as a whole, with the file, line and field named.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use toml::de::{DeTable, DeValue};

use super::lang::Localized;
use super::markdown;
use super::model::Campaign;
use super::organisation::Registry;

/// One step of a path to a value in the file: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// Where in a file something is wrong, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field '{field}'")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FileError {}

/// Parses and validates a campaign file. `known_org` says whether an
/// organisation id is already in the instance's registry, so a file may refer
/// to organisations it does not define itself.
pub fn parse(
    text: &str,
    file: &str,
    known_org: &dyn Fn(&str) -> bool,
) -> Result<Campaign, FileError> {
    let campaign: Campaign = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start);
        FileError {
            file: file.to_string(),
            line: offset.map(|o| line_of(text, o)),
            field: offset.and_then(|o| field_at(text, o)),
            message: e.message().trim().to_string(),
        }
    })?;
    if let Some((path, rule)) = validate(&campaign, known_org).into_iter().next() {
        return Err(FileError {
            file: file.to_string(),
            line: locate(text, &path).map(|o| line_of(text, o)),
            field: Some(path_to_string(&path)),
            message: rule.to_string(),
        });
    }
    Ok(campaign)
}

/// The file a new campaign starts from in the workspace: valid, with every
/// required field, each to be replaced.
pub const STARTER: &str = include_str!("starter.toml");

/// The campaign as a file, the inverse of [`parse`].
pub fn to_toml(campaign: &Campaign) -> Result<String, toml::ser::Error> {
    toml::to_string_pretty(campaign)
}

/// A rule of the file broken at a path.
pub type Problem = (Vec<PathSeg>, Rule);

/// The rules [`validate`] checks. `Display` is the English text the CLI and
/// file errors give; the workspace translates by [`Rule::key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Empty,
    PhotoPath,
    PhotoFormat,
    NoContact,
    NotEmail(String),
    UnknownOrganisation(String),
    NotLanguageCode(String),
    NoOrganiserKey,
    /// Letters sent through the campaign are sealed to its organiser keys.
    LettersWithoutKey,
    NotAgeKey(String),
    KeyTwice(String),
    PetitionIdTwice(String),
    ClosesBeforeOpens,
    GoalBelowOne,
    UpdateIdTwice(String),
    OrganisationTwice(String),
}

impl Rule {
    /// The Fluent message of this rule; its one argument, if any, is `$value`.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Empty => "rule-empty",
            Rule::PhotoPath => "rule-photo-path",
            Rule::PhotoFormat => "rule-photo-format",
            Rule::NoContact => "rule-no-contact",
            Rule::NotEmail(_) => "rule-not-email",
            Rule::UnknownOrganisation(_) => "rule-unknown-organisation",
            Rule::NotLanguageCode(_) => "rule-not-language-code",
            Rule::NoOrganiserKey => "rule-no-organiser-key",
            Rule::LettersWithoutKey => "rule-letters-without-key",
            Rule::NotAgeKey(_) => "rule-not-age-key",
            Rule::KeyTwice(_) => "rule-key-twice",
            Rule::PetitionIdTwice(_) => "rule-petition-id-twice",
            Rule::ClosesBeforeOpens => "rule-closes-before-opens",
            Rule::GoalBelowOne => "rule-goal-below-one",
            Rule::UpdateIdTwice(_) => "rule-update-id-twice",
            Rule::OrganisationTwice(_) => "rule-organisation-twice",
        }
    }

    pub fn value(&self) -> Option<&str> {
        match self {
            Rule::NotEmail(v)
            | Rule::UnknownOrganisation(v)
            | Rule::NotLanguageCode(v)
            | Rule::NotAgeKey(v)
            | Rule::KeyTwice(v)
            | Rule::PetitionIdTwice(v)
            | Rule::UpdateIdTwice(v)
            | Rule::OrganisationTwice(v) => Some(v),
            _ => None,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Empty => write!(f, "must not be empty"),
            Rule::PhotoPath => write!(
                f,
                "must be a file name next to the campaign file, like photo.jpg"
            ),
            Rule::PhotoFormat => write!(f, "must be a JPEG or PNG file (.jpg, .jpeg, .png)"),
            Rule::NoContact => write!(
                f,
                "give an email or a url where readers can report an inaccuracy"
            ),
            Rule::NotEmail(v) => write!(f, "'{v}' is not an e-mail address"),
            Rule::UnknownOrganisation(v) => write!(
                f,
                "organisation '{v}' is not in the registry: add it under [[organisations]]"
            ),
            Rule::NotLanguageCode(v) => {
                write!(f, "'{v}' is not a two-letter language code like ru or en")
            }
            Rule::NoOrganiserKey => write!(
                f,
                "a campaign with petitions needs the organisers' public key (age1...): create one with `svoboda keys generate`"
            ),
            Rule::LettersWithoutKey => write!(
                f,
                "letters sent through the campaign are sealed to the organisers' public key (age1...): add one, or set help.letters.forward = false"
            ),
            Rule::NotAgeKey(v) => write!(f, "'{v}' is not an age public key (age1...)"),
            Rule::KeyTwice(v) => write!(f, "the key '{v}' is given twice"),
            Rule::PetitionIdTwice(v) => write!(f, "another petition already has the id '{v}'"),
            Rule::ClosesBeforeOpens => write!(f, "closes before it opens"),
            Rule::GoalBelowOne => write!(f, "a goal must be at least 1"),
            Rule::UpdateIdTwice(v) => write!(f, "another update already has the id '{v}'"),
            Rule::OrganisationTwice(v) => write!(f, "organisation '{v}' is defined twice"),
        }
    }
}

fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.to_string())
}

/// Rules the types alone cannot express. Returns every problem found, in file order.
pub fn validate(c: &Campaign, known_org: &dyn Fn(&str) -> bool) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    let defined: HashSet<&str> = c.organisations.iter().map(|o| o.id.as_str()).collect();
    let org_exists = |id: &str| defined.contains(id) || known_org(id);

    let mut require_text = |path: Vec<PathSeg>, text: &Localized| {
        if text.is_blank() {
            problems.push((path, Rule::Empty));
        }
    };
    require_text(vec![key("person"), key("name")], &c.person.name);
    require_text(vec![key("person"), key("summary")], &c.person.summary);

    if let Some(photo) = &c.person.photo {
        let lower = photo.to_ascii_lowercase();
        let safe_path = !photo.starts_with('/')
            && !photo.contains('\\')
            && !photo.split('/').any(|p| p == ".." || p.is_empty());
        if !safe_path {
            problems.push((vec![key("person"), key("photo")], Rule::PhotoPath));
        } else if ![".jpg", ".jpeg", ".png"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            problems.push((vec![key("person"), key("photo")], Rule::PhotoFormat));
        }
    }

    match (&c.contact.email, &c.contact.url) {
        (None, None) => problems.push((vec![key("contact")], Rule::NoContact)),
        (Some(email), _) if !looks_like_email(email) => problems.push((
            vec![key("contact"), key("email")],
            Rule::NotEmail(email.clone()),
        )),
        _ => {}
    }

    let mut check_ref = |path: Vec<PathSeg>, id: &str| {
        if !org_exists(id) {
            problems.push((path, Rule::UnknownOrganisation(id.to_string())));
        }
    };
    for (i, r) in c.recognitions.iter().enumerate() {
        check_ref(
            vec![key("recognitions"), PathSeg::Index(i), key("by")],
            r.by.as_str(),
        );
    }
    for (i, p) in c.publications.iter().enumerate() {
        if let Some(org) = &p.organisation {
            check_ref(
                vec![key("publications"), PathSeg::Index(i), key("organisation")],
                org.as_str(),
            );
        }
    }
    for (path, text) in markdown_fields(c) {
        for id in text.values().flat_map(markdown::org_references) {
            check_ref(path.clone(), &id);
        }
    }

    for (i, p) in c.publications.iter().enumerate() {
        let lang_ok = p.language.len() == 2 && p.language.bytes().all(|b| b.is_ascii_lowercase());
        if !lang_ok {
            problems.push((
                vec![key("publications"), PathSeg::Index(i), key("language")],
                Rule::NotLanguageCode(p.language.clone()),
            ));
        }
    }

    if !c.petitions.is_empty() && c.organiser_key.is_none() && c.organiser_keys.is_empty() {
        problems.push((vec![key("organiser_keys")], Rule::NoOrganiserKey));
    } else if c.help.letters.as_ref().is_some_and(|l| l.forward)
        && c.organiser_key.is_none()
        && c.organiser_keys.is_empty()
    {
        problems.push((vec![key("organiser_keys")], Rule::LettersWithoutKey));
    }
    let keys = c
        .organiser_key
        .iter()
        .map(|k| (vec![key("organiser_key")], k))
        .chain(
            c.organiser_keys
                .iter()
                .enumerate()
                .map(|(i, k)| (vec![key("organiser_keys"), PathSeg::Index(i)], k)),
        );
    let mut seen = HashSet::new();
    for (path, k) in keys {
        if !super::keys::is_age_key(k) {
            problems.push((path, Rule::NotAgeKey(k.clone())));
        } else if !seen.insert(k.trim()) {
            problems.push((path, Rule::KeyTwice(k.clone())));
        }
    }
    let mut seen = HashSet::new();
    for (i, p) in c.petitions.iter().enumerate() {
        if !seen.insert(p.id.as_str()) {
            problems.push((
                vec![key("petitions"), PathSeg::Index(i), key("id")],
                Rule::PetitionIdTwice(p.id.to_string()),
            ));
        }
        if p.closes.is_some_and(|closes| closes < p.opens) {
            problems.push((
                vec![key("petitions"), PathSeg::Index(i), key("closes")],
                Rule::ClosesBeforeOpens,
            ));
        }
        if p.goal == Some(0) {
            problems.push((
                vec![key("petitions"), PathSeg::Index(i), key("goal")],
                Rule::GoalBelowOne,
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, u) in c.updates.iter().enumerate() {
        if !seen.insert(u.id.as_str()) {
            problems.push((
                vec![key("updates"), PathSeg::Index(i), key("id")],
                Rule::UpdateIdTwice(u.id.to_string()),
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, o) in c.organisations.iter().enumerate() {
        if !seen.insert(o.id.as_str()) {
            problems.push((
                vec![key("organisations"), PathSeg::Index(i), key("id")],
                Rule::OrganisationTwice(o.id.to_string()),
            ));
        }
    }
    problems
}

pub(crate) fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// The campaign with the registry entries it mentions, as a file carries it.
pub fn with_organisations(c: &Campaign, registry: &Registry) -> Campaign {
    let mut full = c.clone();
    full.organisations = referenced_organisations(c)
        .iter()
        .filter_map(|id| registry.get(id).cloned())
        .collect();
    full
}

/// Ids of the registry organisations a campaign mentions anywhere: what an
/// export must carry along.
pub fn referenced_organisations(c: &Campaign) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = c
        .recognitions
        .iter()
        .map(|r| r.by.to_string())
        .chain(
            c.publications
                .iter()
                .filter_map(|p| p.organisation.as_ref().map(|o| o.to_string())),
        )
        .collect();
    for (_, text) in markdown_fields(c) {
        ids.extend(text.values().flat_map(markdown::org_references));
    }
    ids
}

/// Every Markdown field, with its path, for checks on references.
fn markdown_fields(c: &Campaign) -> Vec<(Vec<PathSeg>, &Localized)> {
    let mut fields = vec![(vec![key("person"), key("summary")], &c.person.summary)];
    if let Some(bio) = &c.person.biography {
        fields.push((vec![key("person"), key("biography")], bio));
    }
    for (i, e) in c.timeline.iter().enumerate() {
        fields.push((
            vec![key("timeline"), PathSeg::Index(i), key("text")],
            &e.text,
        ));
    }
    for (i, u) in c.updates.iter().enumerate() {
        fields.push((
            vec![key("updates"), PathSeg::Index(i), key("body")],
            &u.body,
        ));
    }
    for (i, p) in c.petitions.iter().enumerate() {
        fields.push((
            vec![key("petitions"), PathSeg::Index(i), key("text")],
            &p.text,
        ));
    }
    if let Some(letters) = &c.help.letters {
        fields.push((
            vec![key("help"), key("letters"), key("tips")],
            &letters.tips,
        ));
    }
    fields
}

fn path_to_string(path: &[PathSeg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            PathSeg::Index(i) => s.push_str(&format!("[{}]", i + 1)),
        }
    }
    s
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Byte offset of the value at `path`, or of its nearest existing parent.
fn locate(text: &str, path: &[PathSeg]) -> Option<usize> {
    let root = DeTable::parse(text).ok()?;
    let mut table: &DeTable = root.get_ref();
    let mut found: Option<usize> = None;
    let mut value: Option<&DeValue> = None;
    for seg in path {
        let next = match (seg, value) {
            (PathSeg::Key(k), None) => table.get(k.as_str()),
            (PathSeg::Key(k), Some(DeValue::Table(t))) => {
                table = t;
                table.get(k.as_str())
            }
            (PathSeg::Index(i), Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                found = Some(v.span().start);
                value = Some(v.get_ref());
            }
            None => break,
        }
    }
    found
}

/// The path of the innermost value whose span holds `offset`. A table's span
/// covers only its header, so the whole tree is searched.
fn field_at(text: &str, offset: usize) -> Option<String> {
    fn visit(value: &DeValue, offset: usize, path: &mut Vec<PathSeg>, best: &mut Vec<PathSeg>) {
        let children: Vec<(PathSeg, &toml::Spanned<DeValue>)> = match value {
            DeValue::Table(t) => t
                .iter()
                .map(|(k, v)| (PathSeg::Key(k.get_ref().to_string()), v))
                .collect(),
            DeValue::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, v)| (PathSeg::Index(i), v))
                .collect(),
            _ => return,
        };
        for (seg, child) in children {
            path.push(seg);
            if child.span().contains(&offset) && path.len() > best.len() {
                *best = path.clone();
            }
            visit(child.get_ref(), offset, path, best);
            path.pop();
        }
    }
    let root = DeTable::parse(text).ok()?;
    let mut best = Vec::new();
    visit(
        &DeValue::Table(root.into_inner()),
        offset,
        &mut Vec::new(),
        &mut best,
    );
    (!best.is_empty()).then(|| path_to_string(&best))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
slug = "test-person"
updated = 2024-01-02

[person]
name = { en = "Test Person", ru = "Тестовый Человек" }
summary = { en = "Activist.", ru = "Активист." }

[status]
kind = "house-arrest"
since = 2023-05-06

[contact]
email = "team@example.org"
"#;

    fn no_registry(_: &str) -> bool {
        false
    }

    #[test]
    fn the_starter_file_is_valid() {
        assert!(parse(STARTER, "starter.toml", &no_registry).is_ok());
    }

    #[test]
    fn minimal_file_parses() {
        let c = parse(MINIMAL, "c.toml", &no_registry).expect("valid");
        assert_eq!(c.slug.as_str(), "test-person");
    }

    #[test]
    fn unknown_field_names_file_line_and_field() {
        let text = MINIMAL.replace("summary =", "sumary =");
        let err = parse(&text, "c.toml", &no_registry).expect_err("typo must fail");
        assert_eq!(err.file, "c.toml");
        assert_eq!(err.line, Some(7));
        assert!(err.message.contains("sumary"), "{err}");
    }

    #[test]
    fn bad_value_names_its_field() {
        let text = MINIMAL.replace("\"house-arrest\"", "\"house-arest\"");
        let err = parse(&text, "c.toml", &no_registry).expect_err("bad status must fail");
        assert_eq!(err.line, Some(10));
        assert_eq!(err.field.as_deref(), Some("status.kind"), "{err}");
    }

    #[test]
    fn unknown_organisation_is_refused_with_its_line() {
        let text = format!("{MINIMAL}\n[[recognitions]]\nby = \"memorial\"\n");
        let err = parse(&text, "c.toml", &no_registry).expect_err("unknown org");
        assert_eq!(err.field.as_deref(), Some("recognitions[1].by"));
        assert_eq!(err.line, Some(17));
        let known = |id: &str| id == "memorial";
        assert!(parse(&text, "c.toml", &known).is_ok());
    }

    #[test]
    fn photo_outside_the_campaign_folder_is_refused() {
        let text = MINIMAL.replace("summary =", "photo = \"../../etc/passwd.jpg\"\nsummary =");
        let err = parse(&text, "c.toml", &no_registry).expect_err("traversal");
        assert_eq!(err.field.as_deref(), Some("person.photo"));
    }

    #[test]
    fn exported_file_parses_back_to_the_same_campaign() {
        let c = parse(MINIMAL, "c.toml", &no_registry).expect("valid");
        let again =
            parse(&to_toml(&c).expect("serialises"), "c.toml", &no_registry).expect("valid");
        assert_eq!(c, again);
    }
}
