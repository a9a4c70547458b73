//! A campaign's fields as a form holds them: flat names (`timeline.2.text.ru`)
//! with the text as typed. Read from the campaign file, changed by the form's
//! buttons (add, remove, move), and written back into the file with every
//! problem named by the field it belongs to. Nothing typed is dropped on the
//! way: a value that does not parse stays in the form with its problem.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::{Table, Value};

use super::schema::{Field, Kind, SECTIONS, Section, TAG};
use crate::campaign::file::{self, PathSeg, Rule};
use crate::campaign::ids::{Slug, WebLink};
use crate::campaign::{Campaign, Lang};

/// Most entries one list may have: bounds the work a posted form can ask for.
pub const MAX_ITEMS: usize = 500;

/// What is wrong with a field, for the workspace to say in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    BadDate,
    BadTime,
    BadNumber,
    BadUrl,
    BadSlug,
    BadEmail,
    BadChoice,
    /// The demo's published key, outside the demo: anyone could read.
    DemoKey,
    /// A rule of the whole file (see [`file::validate`]).
    Rule(Rule),
}

impl Problem {
    /// The Fluent message; a `$value` argument comes from [`Problem::value`].
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Required => "problem-required",
            Problem::BadDate => "problem-date",
            Problem::BadTime => "problem-time",
            Problem::BadNumber => "problem-number",
            Problem::BadUrl => "problem-url",
            Problem::BadSlug => "problem-slug",
            Problem::BadEmail => "problem-email",
            Problem::BadChoice => "problem-choice",
            Problem::DemoKey => "problem-demo-key",
            Problem::Rule(rule) => rule.key(),
        }
    }

    pub fn value(&self) -> Option<&str> {
        match self {
            Problem::Rule(rule) => rule.value(),
            _ => None,
        }
    }
}

/// A problem and the form name of its field (without the language suffix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub name: String,
    pub problem: Problem,
}

/// The form's values by name, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormState {
    values: BTreeMap<String, String>,
}

/// The name of the hidden field that holds how many entries a list has.
pub fn count_name(list: &str) -> String {
    format!("{list}#")
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The parts (sections, by id) in which two versions of a campaign differ:
/// what publishing or a revision changes, in the words of the forms.
pub fn changed_sections(old: &Campaign, new: &Campaign) -> Vec<&'static str> {
    let (Ok(a), Ok(b)) = (document(old), document(new)) else {
        return SECTIONS.iter().map(|s| s.id).collect();
    };
    SECTIONS
        .iter()
        .filter(|s| s.fields.iter().any(|f| a.get(f.key) != b.get(f.key)))
        .map(|s| s.id)
        .collect()
}

/// One field whose value differs between two versions of a campaign, named
/// as the forms name it (`person.summary.ru`, `timeline.2.date`); an absent
/// value is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub name: String,
    pub before: String,
    pub after: String,
}

/// Every field that differs from `old` to `new`, in the order of the newer
/// document (fields only the older had come last).
pub fn changed_fields(old: &Campaign, new: &Campaign) -> Vec<FieldChange> {
    let flat = |c: &Campaign| {
        let mut out = Vec::new();
        if let Ok(doc) = document(c) {
            flatten("", &Value::Table(doc), &mut out);
        }
        out
    };
    let (before, after) = (flat(old), flat(new));
    let before_map: HashMap<&str, &str> = before
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let after_map: HashMap<&str, &str> = after
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut changes: Vec<FieldChange> = after
        .iter()
        .filter(|(k, v)| before_map.get(k.as_str()) != Some(&v.as_str()))
        .map(|(k, v)| FieldChange {
            name: k.clone(),
            before: before_map.get(k.as_str()).unwrap_or(&"").to_string(),
            after: v.clone(),
        })
        .collect();
    changes.extend(
        before
            .iter()
            .filter(|(k, _)| !after_map.contains_key(k.as_str()))
            .map(|(k, v)| FieldChange {
                name: k.clone(),
                before: v.clone(),
                after: String::new(),
            }),
    );
    changes
}

/// `value`'s scalars as (dotted name, text), in document order.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let name = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match value {
        Value::Table(table) => {
            for (key, v) in table {
                flatten(&name(key), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&name(&i.to_string()), v, out);
            }
        }
        Value::String(text) => out.push((prefix.to_string(), text.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// The campaign as the forms edit it: its file as a table, with the old
/// single `organiser_key` moved into `organiser_keys`.
pub fn document(campaign: &Campaign) -> Result<Table, toml::ser::Error> {
    let mut doc = Table::try_from(campaign)?;
    if let Some(Value::String(key)) = doc.remove("organiser_key") {
        let keys = doc
            .entry("organiser_keys")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(keys) = keys
            && !keys.iter().any(|k| k.as_str() == Some(key.as_str()))
        {
            keys.insert(0, Value::String(key));
        }
    }
    Ok(doc)
}

impl FormState {
    /// The values of `section` as the file `doc` has them.
    pub fn from_document(section: &Section, doc: &Table) -> FormState {
        let mut state = FormState::default();
        for f in section.fields {
            state.read(f, doc.get(f.key), f.key);
        }
        state
    }

    /// The values a posted form carries for `section`; other names are ignored.
    pub fn from_pairs(section: &Section, pairs: &[(String, String)]) -> FormState {
        let belongs = |name: &str| {
            section.fields.iter().any(|f| {
                name == f.key
                    || name
                        .strip_prefix(f.key)
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('#'))
            })
        };
        FormState {
            values: pairs
                .iter()
                .filter(|(name, _)| belongs(name))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
        }
    }

    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    /// How many entries the list `name` has.
    pub fn count(&self, name: &str) -> usize {
        self.get(&count_name(name))
            .trim()
            .parse::<usize>()
            .unwrap_or(0)
            .min(MAX_ITEMS)
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    fn set(&mut self, name: String, value: String) {
        self.values.insert(name, value);
    }

    fn read(&mut self, f: &Field, value: Option<&Value>, name: &str) {
        match &f.kind {
            Kind::Group(fields) => {
                let table = value.and_then(Value::as_table);
                for sub in *fields {
                    self.read(
                        sub,
                        table.and_then(|t| t.get(sub.key)),
                        &join(name, sub.key),
                    );
                }
            }
            Kind::List(fields) => {
                let items = value
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                self.set(count_name(name), items.len().to_string());
                for (i, item) in items.iter().enumerate() {
                    let item_name = join(name, &i.to_string());
                    for sub in *fields {
                        let v = item.as_table().and_then(|t| t.get(sub.key));
                        self.read(sub, v, &join(&item_name, sub.key));
                    }
                }
            }
            Kind::Tagged(variants) => {
                let items = value
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                self.set(count_name(name), items.len().to_string());
                for (i, item) in items.iter().enumerate() {
                    let item_name = join(name, &i.to_string());
                    let tag = item
                        .get(TAG)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    if let Some(variant) = variants.iter().find(|v| v.code == tag) {
                        for sub in variant.fields {
                            let v = item.as_table().and_then(|t| t.get(sub.key));
                            self.read(sub, v, &join(&item_name, sub.key));
                        }
                    }
                    self.set(join(&item_name, TAG), tag);
                }
            }
            Kind::Values(_) => {
                let items = value
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                self.set(count_name(name), items.len().to_string());
                for (i, item) in items.iter().enumerate() {
                    self.set(join(name, &i.to_string()), scalar_text(Some(item)));
                }
            }
            _ if f.localized => {
                // Every language the process knows, so that a text in a
                // language the forms do not show side by side is kept.
                for lang in Lang::known() {
                    let text = match value {
                        Some(Value::Table(t)) => scalar_text(t.get(lang.code())),
                        other => scalar_text(other),
                    };
                    self.set(join(name, lang.code()), text);
                }
            }
            _ => self.set(name.to_string(), scalar_text(value)),
        }
    }

    /// Adds an empty entry at the end of the list `name` (of a Tagged list,
    /// of its first kind). False when `name` is not a list of the section.
    pub fn add(&mut self, section: &Section, name: &str) -> bool {
        let Some(f) = resolve(section, name) else {
            return false;
        };
        let n = self.count(name);
        match &f.kind {
            Kind::List(_) | Kind::Values(_) => {}
            Kind::Tagged(variants) => {
                if let Some(first) = variants.first() {
                    self.set(join(&join(name, &n.to_string()), TAG), first.code.into());
                }
            }
            _ => return false,
        }
        if n >= MAX_ITEMS {
            return false;
        }
        self.set(count_name(name), (n + 1).to_string());
        true
    }

    /// Removes entry `index` of the list `name`; the later ones move up.
    pub fn remove(&mut self, section: &Section, name: &str, index: usize) -> bool {
        let n = self.count(name);
        if !is_list(section, name) || index >= n {
            return false;
        }
        self.take_entry(name, index);
        for i in index + 1..n {
            let moved = self.take_entry(name, i);
            self.put_entry(name, i - 1, moved);
        }
        self.set(count_name(name), (n - 1).to_string());
        true
    }

    /// Swaps entry `index` with the one before it (`up`) or after it.
    pub fn shift(&mut self, section: &Section, name: &str, index: usize, up: bool) -> bool {
        let n = self.count(name);
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        let Some(other) = other.filter(|&o| o < n && index < n) else {
            return false;
        };
        if !is_list(section, name) {
            return false;
        }
        let a = self.take_entry(name, index);
        let b = self.take_entry(name, other);
        self.put_entry(name, other, a);
        self.put_entry(name, index, b);
        true
    }

    /// The values of entry `index` of list `name`, removed from the form,
    /// with names relative to the entry.
    fn take_entry(&mut self, name: &str, index: usize) -> Vec<(String, String)> {
        let exact = join(name, &index.to_string());
        let prefix = format!("{exact}.");
        let keys: Vec<String> = self
            .values
            .keys()
            .filter(|k| **k == exact || k.starts_with(&prefix))
            .cloned()
            .collect();
        keys.into_iter()
            .filter_map(|k| {
                let value = self.values.remove(&k)?;
                Some((k[exact.len()..].to_string(), value))
            })
            .collect()
    }

    fn put_entry(&mut self, name: &str, index: usize, entry: Vec<(String, String)>) {
        let exact = join(name, &index.to_string());
        for (rest, value) in entry {
            self.set(format!("{exact}{rest}"), value);
        }
    }

    /// Writes the section's values into `doc` (the campaign's file) and
    /// returns the campaign, or every problem found, each by its field.
    pub fn apply(
        &self,
        section: &Section,
        doc: &mut Table,
        known_org: &dyn Fn(&str) -> bool,
    ) -> Result<Campaign, Applied> {
        let mut problems = Vec::new();
        let mut indices = IndexMaps::new();
        for f in section.fields {
            let built = self.build(f, f.key, &mut problems, &mut indices);
            merge(doc, f, built);
        }
        if !problems.is_empty() {
            return Err(Applied::Problems(problems));
        }
        let campaign = Campaign::deserialize(Value::Table(doc.clone()))
            .map_err(|e| Applied::Unreadable(e.message().to_string()))?;
        let problems: Vec<FieldProblem> = file::validate(&campaign, known_org)
            .into_iter()
            .map(|(path, rule)| FieldProblem {
                name: form_name(&path, &indices),
                problem: Problem::Rule(rule),
            })
            .collect();
        if problems.is_empty() {
            Ok(campaign)
        } else {
            Err(Applied::Problems(problems))
        }
    }

    fn build(
        &self,
        f: &Field,
        name: &str,
        problems: &mut Vec<FieldProblem>,
        indices: &mut IndexMaps,
    ) -> Option<Value> {
        let value = match &f.kind {
            Kind::Group(fields) => self
                .build_table(fields, name, problems, indices, f.required)
                .map(Value::Table),
            // An entry left empty is dropped, not refused.
            Kind::List(fields) => self.entries(name, indices, |item, indices| {
                self.build_table(fields, item, problems, indices, false)
                    .map(Value::Table)
            }),
            Kind::Tagged(variants) => self.entries(name, indices, |item, indices| {
                let tag_name = join(item, TAG);
                let tag = self.get(&tag_name);
                let Some(variant) = variants.iter().find(|v| v.code == tag) else {
                    problems.push(FieldProblem {
                        name: tag_name,
                        problem: Problem::BadChoice,
                    });
                    return None;
                };
                let mut table = self.build_table(variant.fields, item, problems, indices, false)?;
                table.insert(TAG.to_string(), Value::String(tag.to_string()));
                Some(Value::Table(table))
            }),
            Kind::Values(kind) => self.entries(name, indices, |item, _| {
                scalar(kind, self.get(item)).unwrap_or_else(|problem| {
                    problems.push(FieldProblem {
                        name: item.to_string(),
                        problem,
                    });
                    None
                })
            }),
            kind if f.localized => {
                let mut table = Table::new();
                let known = Lang::known();
                for &lang in &known {
                    match scalar(kind, self.get(&join(name, lang.code()))) {
                        Ok(Some(v)) => {
                            table.insert(lang.code().to_string(), v);
                        }
                        Ok(None) => {}
                        Err(problem) => problems.push(FieldProblem {
                            name: name.to_string(),
                            problem,
                        }),
                    }
                }
                // The same text in every language is written once, as a
                // plain string (as a campaign file gives it).
                let mut texts = table.values();
                let first = texts.next();
                if table.len() == known.len() && first.is_some_and(|f| texts.all(|t| t == f)) {
                    first.cloned()
                } else {
                    (!table.is_empty()).then_some(Value::Table(table))
                }
            }
            kind => match scalar(kind, self.get(name)) {
                Ok(v) => v,
                Err(problem) => {
                    problems.push(FieldProblem {
                        name: name.to_string(),
                        problem,
                    });
                    return None;
                }
            },
        };
        if value.is_none() && f.required {
            problems.push(FieldProblem {
                name: name.to_string(),
                problem: Problem::Required,
            });
        }
        value
    }

    /// The fields under `prefix` as a table; `None` when they were all left
    /// empty (their "required" problems dropped with them), unless `keep`.
    fn build_table(
        &self,
        fields: &[Field],
        prefix: &str,
        problems: &mut Vec<FieldProblem>,
        indices: &mut IndexMaps,
        keep: bool,
    ) -> Option<Table> {
        let mut inner = Vec::new();
        let table = self.build_fields(fields, prefix, &mut inner, indices);
        if table.is_empty() && !keep && only_missing(&inner) {
            return None;
        }
        problems.extend(inner);
        Some(table)
    }

    /// The entries of the list `name`, each built by `entry` (`None`: left
    /// out of the file), recording which form entries were kept.
    fn entries(
        &self,
        name: &str,
        indices: &mut IndexMaps,
        mut entry: impl FnMut(&str, &mut IndexMaps) -> Option<Value>,
    ) -> Option<Value> {
        let mut items = Vec::new();
        let mut kept = Vec::new();
        for i in 0..self.count(name) {
            if let Some(value) = entry(&join(name, &i.to_string()), indices) {
                items.push(value);
                kept.push(i);
            }
        }
        indices.insert(name.to_string(), kept);
        (!items.is_empty()).then_some(Value::Array(items))
    }

    fn build_fields(
        &self,
        fields: &[Field],
        prefix: &str,
        problems: &mut Vec<FieldProblem>,
        indices: &mut IndexMaps,
    ) -> Table {
        let mut table = Table::new();
        for f in fields {
            if let Some(v) = self.build(f, &join(prefix, f.key), problems, indices) {
                table.insert(f.key.to_string(), v);
            }
        }
        table
    }
}

/// Why a form could not be written into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Problems(Vec<FieldProblem>),
    /// The file would not read back (should not happen once every field
    /// passed its own check): the reader's message.
    Unreadable(String),
}

/// Per list (by form name): the form index of each entry kept in the file,
/// to name a rule's problem by the field the user sees.
type IndexMaps = HashMap<String, Vec<usize>>;

fn only_missing(problems: &[FieldProblem]) -> bool {
    problems.iter().all(|p| p.problem == Problem::Required)
}

/// Puts a built field into the file. A group keeps the keys no form edits
/// (the photo of `person`).
fn merge(doc: &mut Table, f: &Field, built: Option<Value>) {
    match (&f.kind, doc.get_mut(f.key), built) {
        (Kind::Group(fields), Some(Value::Table(existing)), Some(Value::Table(new))) => {
            for sub in *fields {
                existing.remove(sub.key);
            }
            existing.extend(new);
        }
        (_, _, Some(value)) => {
            doc.insert(f.key.to_string(), value);
        }
        (_, _, None) => {
            doc.remove(f.key);
        }
    }
}

/// The form name of a path in the file (`timeline[3].text` →
/// `timeline.<form index>.text`).
fn form_name(path: &[PathSeg], indices: &IndexMaps) -> String {
    let mut name = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) => name = join(&name, k),
            PathSeg::Index(i) => {
                let form_index = indices
                    .get(&name)
                    .and_then(|kept| kept.get(*i))
                    .copied()
                    .unwrap_or(*i);
                name = join(&name, &form_index.to_string());
            }
        }
    }
    name
}

/// The field (of any depth) a form name of a list points to, indices skipped.
pub fn resolve(section: &Section, name: &str) -> Option<&'static Field> {
    let section: &'static Section = super::schema::section(section.id)?;
    let mut fields: &'static [Field] = section.fields;
    let mut found: Option<&'static Field> = None;
    for part in name.split('.') {
        if part.parse::<usize>().is_ok() {
            continue;
        }
        let f = fields.iter().find(|f| f.key == part).or_else(|| {
            // Inside a Tagged list: the fields of every kind.
            match found.map(|f| &f.kind) {
                Some(Kind::Tagged(variants)) => variants
                    .iter()
                    .flat_map(|v| v.fields.iter())
                    .find(|f| f.key == part),
                _ => None,
            }
        })?;
        fields = match &f.kind {
            Kind::Group(sub) | Kind::List(sub) => sub,
            _ => &[],
        };
        found = Some(f);
    }
    found
}

fn is_list(section: &Section, name: &str) -> bool {
    matches!(
        resolve(section, name).map(|f| &f.kind),
        Some(Kind::List(_) | Kind::Tagged(_) | Kind::Values(_))
    )
}

fn scalar_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Integer(n)) => n.to_string(),
        Some(Value::Float(n)) => n.to_string(),
        Some(Value::Boolean(b)) => b.to_string(),
        Some(Value::Datetime(d)) => d.to_string(),
        _ => String::new(),
    }
}

/// Whether `raw` is a value of `kind` (or empty): what saving would accept.
pub fn accepts(kind: &Kind, raw: &str) -> bool {
    scalar(kind, raw).is_ok()
}

/// One typed value as the file holds it; `None` when left empty.
fn scalar(kind: &Kind, raw: &str) -> Result<Option<Value>, Problem> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    // Longer texts are kept as typed (browsers send CR LF), so a form read
    // and saved unchanged leaves the file unchanged.
    let text = if matches!(kind, Kind::Lines | Kind::Markdown) {
        raw.replace("\r\n", "\n")
    } else {
        raw.trim().to_string()
    };
    let string = |s: String| Ok(Some(Value::String(s)));
    match kind {
        Kind::Date => chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(|d| Some(Value::String(d.to_string())))
            .map_err(|_| Problem::BadDate),
        Kind::Time => chrono::NaiveTime::parse_from_str(&text, "%H:%M")
            .or_else(|_| chrono::NaiveTime::parse_from_str(&text, "%H:%M:%S"))
            .map(|t| Some(Value::String(t.format("%H:%M").to_string())))
            .map_err(|_| Problem::BadTime),
        Kind::Number => match text.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(Some(Value::Integer(n))),
            _ => Err(Problem::BadNumber),
        },
        Kind::Url => WebLink::parse(&text)
            .map(|_| Some(Value::String(text.clone())))
            .map_err(|_| Problem::BadUrl),
        Kind::Slug => Slug::parse(&text)
            .map(|_| Some(Value::String(text.clone())))
            .map_err(|_| Problem::BadSlug),
        Kind::Email if !file::looks_like_email(&text) => Err(Problem::BadEmail),
        Kind::Choice(codes) if !codes.contains(&text.as_str()) => Err(Problem::BadChoice),
        Kind::Flag => match text.as_str() {
            "true" => Ok(Some(Value::Boolean(true))),
            "false" => Ok(Some(Value::Boolean(false))),
            _ => Err(Problem::BadChoice),
        },
        _ => string(text),
    }
}

#[cfg(test)]
mod tests;
