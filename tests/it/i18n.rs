//! Every interface text exists in every language.

use std::collections::BTreeSet;
use svoboda::campaign::Lang;
use svoboda::i18n::Localizer;

#[test]
fn every_message_exists_in_every_language() {
    let en: BTreeSet<String> = Localizer::keys(Lang::En).into_iter().collect();
    let ru: BTreeSet<String> = Localizer::keys(Lang::Ru).into_iter().collect();
    assert!(en.len() > 100, "the files were read");
    let only_en: Vec<_> = en.difference(&ru).collect();
    let only_ru: Vec<_> = ru.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_ru.is_empty(),
        "only in en: {only_en:?}; only in ru: {only_ru:?}"
    );
}

#[test]
fn every_message_is_defined_once() {
    // A second definition, in another file, is dropped when the files load:
    // the text shown would be the other one.
    for lang in Lang::ALL {
        let keys = Localizer::keys(lang);
        let mut seen = BTreeSet::new();
        let twice: Vec<_> = keys.iter().filter(|k| !seen.insert(*k)).collect();
        assert!(twice.is_empty(), "{lang}: defined twice: {twice:?}");
    }
}

#[test]
fn every_key_the_code_builds_from_an_enum_exists() {
    use svoboda::campaign::{ChannelKind, EventKind, LabelKind, LegalCode, StatusKind};
    let keys: BTreeSet<String> = Localizer::keys(Lang::En).into_iter().collect();
    let mut wanted: Vec<String> = Vec::new();
    for s in StatusKind::ALL {
        wanted.push(format!("status-{}", s.code()));
        wanted.push(format!("status-banner-{}", s.code()));
    }
    for e in [
        EventKind::Search,
        EventKind::Detention,
        EventKind::Charge,
        EventKind::Transfer,
        EventKind::MeasureOfRestraint,
        EventKind::Hearing,
        EventKind::Verdict,
        EventKind::Appeal,
        EventKind::Release,
        EventKind::Other,
    ] {
        wanted.push(format!("event-{}", e.code()));
    }
    for c in [
        LegalCode::CriminalCodeRf,
        LegalCode::AdministrativeCodeRf,
        LegalCode::CriminalCodeBy,
        LegalCode::AdministrativeCodeBy,
    ] {
        wanted.push(format!("code-{}", c.code()));
    }
    for l in [
        LabelKind::ForeignAgent,
        LabelKind::Undesirable,
        LabelKind::Extremist,
        LabelKind::Terrorist,
    ] {
        wanted.push(format!("label-{}", l.code()));
    }
    for c in [
        ChannelKind::Telegram,
        ChannelKind::Vk,
        ChannelKind::Youtube,
        ChannelKind::Instagram,
        ChannelKind::X,
        ChannelKind::Website,
        ChannelKind::Email,
        ChannelKind::Other,
    ] {
        wanted.push(format!("channel-{}", c.code()));
    }
    for m in 1..=12 {
        wanted.push(format!("month-{m}"));
    }
    for a in svoboda::account::AuditAction::ALL {
        wanted.push(format!("admin-audit-{}", a.as_str()));
    }
    for r in svoboda::account::Role::ALL {
        wanted.push(format!("admin-role-{}", r.as_str()));
    }
    let missing: Vec<_> = wanted.iter().filter(|k| !keys.contains(*k)).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

/// Every `.t("...")` in the templates and the code names a message that exists.
#[test]
fn every_key_the_templates_use_exists() {
    let keys: BTreeSet<String> = Localizer::keys(Lang::Ru).into_iter().collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in files_under(&root.join("templates"))
        .into_iter()
        .chain(files_under(&root.join("src")))
    {
        let text = std::fs::read_to_string(&path).expect("read file");
        for (i, _) in text.match_indices(".t(\"") {
            let rest = &text[i + 4..];
            let key = &rest[..rest.find('"').expect("closing quote")];
            assert!(keys.contains(key), "{}: unknown key {key}", path.display());
        }
    }
}

/// Every file in `dir` and its subfolders.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}
