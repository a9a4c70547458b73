//! What lists need of a campaign (the directory, its "help now" strip, the
//! sitemap, the workspace's list): a few hundred bytes, so that thousands of
//! campaigns stay in memory while a whole campaign is read from the store
//! only when a page of it is drawn.

use chrono::{NaiveDate, NaiveTime};

use super::{Campaign, EventKind, Gender, LegalCode, Localized, Slug, StatusKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub slug: Slug,
    pub updated: NaiveDate,
    pub name: Localized,
    pub gender: Option<Gender>,
    pub born: Option<NaiveDate>,
    pub region: Option<Localized>,
    pub status: StatusKind,
    pub status_since: NaiveDate,
    pub expected_release: Option<NaiveDate>,
    /// The first charge: what a card shows.
    pub charge: Option<ChargeSummary>,
    /// Every article charged, for search ("280.3").
    pub articles: Vec<String>,
    /// Court sittings, soonest first.
    pub sittings: Vec<Sitting>,
    pub petitions: Vec<PetitionSummary>,
    /// Updates' ids and dates.
    pub updates: Vec<(Slug, NaiveDate)>,
    /// Letters reach the person now: held at a facility, the campaign has
    /// a letters section, and it does not say they are stopped.
    pub takes_letters: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChargeSummary {
    pub code: LegalCode,
    pub article: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PetitionSummary {
    pub id: Slug,
    pub title: Localized,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sitting {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub kind: EventKind,
    pub place: Option<Localized>,
}

impl From<&Campaign> for Listing {
    fn from(c: &Campaign) -> Self {
        let mut sittings: Vec<Sitting> = c
            .timeline
            .iter()
            .filter(|e| e.kind.is_court_sitting())
            .map(|e| Sitting {
                date: e.date,
                time: e.time,
                kind: e.kind,
                place: e.place.clone(),
            })
            .collect();
        sittings.sort_by_key(|s| (s.date, s.time));
        Listing {
            takes_letters: c.status.accepts_letters()
                && c.help.letters.as_ref().is_some_and(|l| l.can_write),
            slug: c.slug.clone(),
            updated: c.updated,
            name: c.person.name.clone(),
            gender: c.person.gender,
            born: c.person.born,
            region: c.person.region.clone(),
            status: c.status.kind,
            status_since: c.status.since,
            expected_release: c.status.expected_release,
            charge: c.charges.first().map(|ch| ChargeSummary {
                code: ch.code,
                article: ch.article.clone(),
            }),
            articles: c.charges.iter().map(|ch| ch.article.clone()).collect(),
            sittings,
            petitions: c
                .petitions
                .iter()
                .map(|p| PetitionSummary {
                    id: p.id.clone(),
                    title: p.title.clone(),
                })
                .collect(),
            updates: c.updates.iter().map(|u| (u.id.clone(), u.date)).collect(),
        }
    }
}

impl Listing {
    /// Court sittings on or after `today`, soonest first.
    pub fn upcoming_sittings(&self, today: NaiveDate) -> impl Iterator<Item = &Sitting> {
        self.sittings.iter().filter(move |s| s.date >= today)
    }

    /// The next birthday on or after `today`, when the date of birth is known.
    pub fn next_birthday(&self, today: NaiveDate) -> Option<NaiveDate> {
        next_birthday(self.born?, today)
    }

    /// The texts a search looks in: names in every language, the region,
    /// the articles charged.
    pub fn search_texts(&self) -> impl Iterator<Item = &str> {
        self.name
            .values()
            .chain(self.region.iter().flat_map(|r| r.values()))
            .chain(self.articles.iter().map(String::as_str))
    }
}

/// The next birthday of someone born on `born`, on or after `today`.
pub fn next_birthday(born: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let in_year = |year: i32| {
        // 29 February is celebrated on 28 February in other years.
        NaiveDate::from_ymd_opt(year, born.month(), born.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
    };
    let this_year = in_year(today.year())?;
    if this_year >= today {
        Some(this_year)
    } else {
        in_year(today.year() + 1)
    }
}
