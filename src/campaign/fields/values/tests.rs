use proptest::prelude::*;

use super::*;
use crate::campaign::fields::schema::{SECTIONS, section};

fn demo() -> Campaign {
    file::parse(crate::demo::DEMO_FILE, "demo.toml", &|_| false).expect("the demo is valid")
}

fn known(id: &str) -> bool {
    ["memorial", "ovd-info", "meduza", "mediazona"].contains(&id) || !id.is_empty()
}

fn state_of(section_id: &str, campaign: &Campaign) -> (FormState, Table) {
    let doc = document(campaign).expect("serialises");
    let s = section(section_id).expect("section");
    (FormState::from_document(s, &doc), doc)
}

#[test]
fn every_section_of_the_demo_reads_and_writes_back_unchanged() {
    let campaign = demo();
    let doc = document(&campaign).expect("serialises");
    let expected = Campaign::deserialize(Value::Table(doc.clone())).expect("reads back");
    for s in SECTIONS {
        let state = FormState::from_document(s, &doc);
        let mut target = doc.clone();
        let written = state
            .apply(s, &mut target, &known)
            .unwrap_or_else(|e| panic!("section {}: {e:?}", s.id));
        assert_eq!(written, expected, "section {} changed the campaign", s.id);
    }
}

/// The forms together hold every key of the file they promise to: a file
/// rebuilt from the forms alone (and the keys no form edits: organiser keys
/// change on a page of their own) is the same campaign.
#[test]
fn the_forms_together_cover_every_field_of_a_full_file() {
    let text = include_str!("../../../../tests/fixtures/full/campaign.toml");
    let full = file::parse(text, "full.toml", &|_| true).expect("the fixture is valid");
    let doc = document(&full).expect("serialises");
    let mut rebuilt = Table::new();
    for key in ["slug", "updated", "organisations", "organiser_keys"] {
        if let Some(v) = doc.get(key) {
            rebuilt.insert(key.into(), v.clone());
        }
    }
    let mut person = Table::new();
    if let Some(photo) = doc.get("person").and_then(|p| p.get("photo")) {
        person.insert("photo".into(), photo.clone());
    }
    rebuilt.insert("person".into(), Value::Table(person));
    let mut last = None;
    for s in SECTIONS {
        let state = FormState::from_document(s, &doc);
        last = Some(state.apply(s, &mut rebuilt, &|_| true));
    }
    let expected = Campaign::deserialize(Value::Table(doc)).expect("reads back");
    assert_eq!(last.expect("sections").expect("valid"), expected);
}

#[test]
fn a_missing_required_field_is_named_and_the_rest_is_kept() {
    let (mut state, mut doc) = state_of("person", &demo());
    state.set("person.name.ru".into(), "  ".into());
    state.set("person.name.en".into(), String::new());
    state.set("person.region.en".into(), "Tver region, edited".into());
    let Err(Applied::Problems(problems)) =
        state.apply(section("person").unwrap(), &mut doc, &known)
    else {
        panic!("must be refused");
    };
    assert_eq!(
        problems,
        vec![FieldProblem {
            name: "person.name".into(),
            problem: Problem::Required
        }]
    );
    assert_eq!(state.get("person.region.en"), "Tver region, edited");
}

#[test]
fn a_bad_date_is_named_and_its_text_stays() {
    let (mut state, mut doc) = state_of("timeline", &demo());
    state.set("timeline.1.date".into(), "2024-13-45".into());
    let Err(Applied::Problems(problems)) =
        state.apply(section("timeline").unwrap(), &mut doc, &known)
    else {
        panic!("must be refused");
    };
    assert_eq!(problems[0].name, "timeline.1.date");
    assert_eq!(problems[0].problem, Problem::BadDate);
    assert_eq!(state.get("timeline.1.date"), "2024-13-45");
}

#[test]
fn entries_are_added_removed_and_moved_with_their_values() {
    let s = section("timeline").unwrap();
    let (mut state, mut doc) = state_of("timeline", &demo());
    let n = state.count("timeline");
    assert!(n >= 3, "the demo has a timeline");
    let first = state.get("timeline.0.text.ru").to_string();
    let second = state.get("timeline.1.text.ru").to_string();
    assert!(state.shift(s, "timeline", 0, false));
    assert_eq!(state.get("timeline.0.text.ru"), second);
    assert_eq!(state.get("timeline.1.text.ru"), first);
    assert!(
        !state.shift(s, "timeline", 0, true),
        "nothing above the first"
    );
    assert!(state.remove(s, "timeline", 0));
    assert_eq!(state.count("timeline"), n - 1);
    assert_eq!(state.get("timeline.0.text.ru"), first);
    assert!(state.add(s, "timeline"));
    assert_eq!(state.count("timeline"), n);
    // The new entry is empty: saving drops it instead of refusing.
    let campaign = state.apply(s, &mut doc, &known).expect("valid");
    assert_eq!(campaign.timeline.len(), n - 1);
    assert!(!state.add(s, "person"), "not a list of this section");
    assert!(!state.remove(s, "timeline", 99));
}

#[test]
fn a_new_donation_starts_as_the_first_kind_and_keeps_its_kind() {
    let s = section("help").unwrap();
    let (mut state, mut doc) = state_of("help", &demo());
    let n = state.count("help.donations");
    assert!(state.add(s, "help.donations"));
    let item = format!("help.donations.{n}");
    assert_eq!(state.get(&format!("{item}.kind")), "bank-card");
    state.set(format!("{item}.kind"), "crypto".into());
    state.set(format!("{item}.currency"), "USDT".into());
    state.set(format!("{item}.address"), "TXYZ".into());
    let campaign = state.apply(s, &mut doc, &known).expect("valid");
    assert!(matches!(
        campaign.help.donations.last(),
        Some(crate::campaign::Donation::Crypto { currency, .. }) if currency == "USDT"
    ));
}

#[test]
fn a_file_rule_is_named_by_the_field_the_user_sees() {
    let s = section("timeline").unwrap();
    let (mut state, mut doc) = state_of("timeline", &demo());
    // An empty entry before the one with the problem is dropped: the
    // problem still names the entry as the form numbers it.
    state.add(s, "timeline");
    state.shift(s, "timeline", state.count("timeline") - 1, true);
    let last = state.count("timeline") - 1;
    state.set(
        format!("timeline.{last}.text.en"),
        "Seen by [X](org:no-such-org)".into(),
    );
    let Err(Applied::Problems(problems)) = state.apply(s, &mut doc, &|id| id != "no-such-org")
    else {
        panic!("must be refused");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, format!("timeline.{last}.text"));
    assert_eq!(
        problems[0].problem,
        Problem::Rule(Rule::UnknownOrganisation("no-such-org".into()))
    );
}

#[test]
fn the_person_form_keeps_the_photo_it_does_not_show() {
    let mut campaign = demo();
    campaign.person.photo = Some("photo.jpg".into());
    let (state, mut doc) = state_of("person", &campaign);
    let saved = state
        .apply(section("person").unwrap(), &mut doc, &known)
        .expect("valid");
    assert_eq!(saved.person.photo.as_deref(), Some("photo.jpg"));
}

#[test]
fn petitions_need_a_key() {
    let mut campaign = demo();
    campaign.organiser_key = None;
    campaign.organiser_keys.clear();
    let (state, mut doc) = state_of("petitions", &campaign);
    let Err(Applied::Problems(problems)) =
        state.apply(section("petitions").unwrap(), &mut doc, &known)
    else {
        panic!("petitions without a key must be refused");
    };
    assert_eq!(problems[0].name, "organiser_keys");
    assert_eq!(problems[0].problem, Problem::Rule(Rule::NoOrganiserKey));
}

#[test]
fn letters_through_the_campaign_need_a_key() {
    let mut campaign = demo();
    campaign.petitions.clear();
    campaign.organiser_key = None;
    campaign.organiser_keys.clear();
    let letters: crate::campaign::Letters =
        toml::from_str("tips = \"Пишите о повседневном\"\nforward = true").expect("letters");
    campaign.help.letters = Some(letters);
    let (state, mut doc) = state_of("help", &campaign);
    let Err(Applied::Problems(problems)) = state.apply(section("help").unwrap(), &mut doc, &known)
    else {
        panic!("letters sent through the campaign without a key must be refused");
    };
    assert_eq!(problems[0].name, "organiser_keys");
    assert_eq!(problems[0].problem, Problem::Rule(Rule::LettersWithoutKey));
}

fn name_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("timeline#".to_string()),
        Just("timeline.0.date".to_string()),
        Just("help.donations#".to_string()),
        Just("help.donations.0.kind".to_string()),
        Just("help.order#".to_string()),
        Just("person.name.ru".to_string()),
        "[a-z_.#0-9]{0,24}",
    ]
}

proptest! {
    /// Whatever a client posts, reading, changing and applying a form
    /// neither panics nor grows past the list limit.
    #[test]
    fn any_posted_form_is_handled(
        pairs in proptest::collection::vec((name_strategy(), ".{0,12}"), 0..12),
        ops in proptest::collection::vec((0u8..4, 0usize..4), 0..6),
        which in 0usize..12,
    ) {
        let s = &SECTIONS[which % SECTIONS.len()];
        let mut state = FormState::from_pairs(s, &pairs);
        let list = s.fields[0].key;
        for (op, i) in ops {
            match op {
                0 => { state.add(s, list); }
                1 => { state.remove(s, list, i); }
                2 => { state.shift(s, list, i, true); }
                _ => { state.shift(s, list, i, false); }
            }
        }
        prop_assert!(state.count(list) <= MAX_ITEMS);
        let mut doc = document(&demo()).expect("serialises");
        let _ = state.apply(s, &mut doc, &known);
    }
}

#[test]
fn changed_parts_are_named_by_their_section() {
    let old = demo();
    let mut new = old.clone();
    assert!(changed_sections(&old, &new).is_empty());
    new.person.short_name = None;
    new.timeline.pop();
    assert_eq!(changed_sections(&old, &new), vec!["person", "timeline"]);
}

#[test]
fn changed_fields_name_each_field_with_its_before_and_after() {
    let old = demo();
    let mut new = old.clone();
    assert!(changed_fields(&old, &new).is_empty());
    new.person.summary = crate::campaign::Localized::new([
        (Lang::RU, old.person.summary.get(Lang::RU).to_string()),
        (Lang::EN, "A new summary.".to_string()),
    ]);
    let dropped = new.timeline.pop().expect("the demo has a timeline");
    let changes = changed_fields(&old, &new);
    let summary = changes
        .iter()
        .find(|c| c.name == "person.summary.en")
        .expect("the summary changed");
    assert_eq!(summary.before, old.person.summary.get(Lang::EN));
    assert_eq!(summary.after, "A new summary.");
    let last = old.timeline.len() - 1;
    let gone = changes
        .iter()
        .find(|c| c.name == format!("timeline.{last}.date"))
        .expect("the dropped event's date");
    assert_eq!(gone.before, dropped.date.to_string());
    assert_eq!(gone.after, "");
    assert!(
        changes
            .iter()
            .all(|c| c.name.starts_with("person.summary.en")
                || c.name.starts_with(&format!("timeline.{last}."))),
        "nothing else: {changes:?}"
    );
}
