//! The registry of organisations that campaign text mentions, with the legal
//! labels Russian law requires next to some of them ("foreign agent"...).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::OrgId;
use super::lang::Localized;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: OrgId,
    pub name: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LegalLabel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalLabel {
    pub kind: LabelKind,
    /// When the authorities added the organisation to their register.
    #[serde(
        default,
        deserialize_with = "super::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LabelKind {
    ForeignAgent,
    Undesirable,
    Extremist,
    Terrorist,
}

impl LabelKind {
    pub const ALL: [LabelKind; 4] = [
        LabelKind::ForeignAgent,
        LabelKind::Undesirable,
        LabelKind::Extremist,
        LabelKind::Terrorist,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LabelKind::ForeignAgent => "foreign-agent",
            LabelKind::Undesirable => "undesirable",
            LabelKind::Extremist => "extremist",
            LabelKind::Terrorist => "terrorist",
        }
    }
}

impl Organisation {
    pub fn is_labelled(&self) -> bool {
        !self.labels.is_empty()
    }
}

/// All organisations an instance knows, shared by its campaigns so that a
/// change of legal status is made once and shows on every page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registry(BTreeMap<OrgId, Organisation>);

impl Registry {
    pub fn new(orgs: impl IntoIterator<Item = Organisation>) -> Self {
        Registry(orgs.into_iter().map(|o| (o.id.clone(), o)).collect())
    }

    pub fn get(&self, id: &str) -> Option<&Organisation> {
        self.0
            .iter()
            .find(|(k, _)| k.as_str() == id)
            .map(|(_, v)| v)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Every organisation, by id.
    pub fn all(&self) -> impl Iterator<Item = &Organisation> {
        self.0.values()
    }
}

/// The labelled organisations a page mentions, numbered in order of first
/// mention, so each gets its footnote marker and one footnote at the bottom.
#[derive(Debug, Default)]
pub struct Footnotes {
    mentioned: Vec<Organisation>,
}

impl Footnotes {
    /// The marker for `org` ("*", "**"...), or `None` when it needs no label.
    pub fn mark(&mut self, org: &Organisation) -> Option<String> {
        if !org.is_labelled() {
            return None;
        }
        let index = match self.mentioned.iter().position(|o| o.id == org.id) {
            Some(i) => i,
            None => {
                self.mentioned.push(org.clone());
                self.mentioned.len() - 1
            }
        };
        Some(marker(index))
    }

    /// Footnotes in marker order: `(marker, organisation)`.
    pub fn entries(&self) -> impl Iterator<Item = (String, &Organisation)> {
        self.mentioned
            .iter()
            .enumerate()
            .map(|(i, o)| (marker(i), o))
    }
}

fn marker(index: usize) -> String {
    match index {
        0..=2 => "*".repeat(index + 1),
        n => format!("*{}", n + 1),
    }
}
