//! Every interface text exists in every language.

use std::collections::BTreeSet;
use svoboda::campaign::Lang;
use svoboda::i18n::Tr;

fn keys(lang: Lang) -> BTreeSet<String> {
    lang.message_keys().into_iter().collect()
}

#[test]
fn every_message_exists_in_every_shipped_language() {
    let en = keys(Lang::EN);
    assert!(en.len() > 100, "the files were read");
    for lang in Lang::BUILT_IN {
        let other = keys(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}; not in en: {extra:?}"
        );
    }
}

/// Every folder of `locales/` is a language the program ships (and tests).
#[test]
fn every_folder_of_locales_is_shipped() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for entry in std::fs::read_dir(&root).expect("locales") {
        let code = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            Lang::BUILT_IN.iter().any(|l| l.code() == code),
            "locales/{code} is not among Lang::BUILT_IN"
        );
    }
}

/// CLDR's example numbers of each plural category, as each shipped
/// language writes a count of signatures.
#[test]
fn counts_take_each_languages_plural_forms() {
    let cases: [(Lang, &[(i64, &str)]); 4] = [
        (
            Lang::RU,
            &[
                (1, "1 подпись"),
                (2, "2 подписи"),
                (5, "5 подписей"),
                (11, "11 подписей"),
                (21, "21 подпись"),
                (22, "22 подписи"),
                (25, "25 подписей"),
                (102, "102 подписи"),
                (112, "112 подписей"),
            ],
        ),
        (
            Lang::BE,
            &[
                (1, "1 подпіс"),
                (2, "2 подпісы"),
                (5, "5 подпісаў"),
                (11, "11 подпісаў"),
                (21, "21 подпіс"),
                (22, "22 подпісы"),
                (25, "25 подпісаў"),
                (102, "102 подпісы"),
                (112, "112 подпісаў"),
            ],
        ),
        (
            Lang::UK,
            &[
                (1, "1 підпис"),
                (2, "2 підписи"),
                (5, "5 підписів"),
                (11, "11 підписів"),
                (21, "21 підпис"),
                (22, "22 підписи"),
                (25, "25 підписів"),
                (102, "102 підписи"),
                (112, "112 підписів"),
            ],
        ),
        (
            Lang::EN,
            &[
                (1, "1 signature"),
                (2, "2 signatures"),
                (21, "21 signatures"),
                (0, "0 signatures"),
            ],
        ),
    ];
    for (lang, examples) in cases {
        let tr = Tr::new(lang);
        for (n, expected) in examples {
            let text = tr.args("petition-count", [("count", (*n).into())]);
            assert_eq!(text, *expected, "{lang} {n}");
        }
    }
}

#[test]
fn every_message_is_defined_once() {
    // A second definition, in another file, is dropped when the files load:
    // the text shown would be the other one.
    for lang in Lang::BUILT_IN {
        let keys = lang.message_keys();
        let mut seen = BTreeSet::new();
        let twice: Vec<_> = keys.iter().filter(|k| !seen.insert(*k)).collect();
        assert!(twice.is_empty(), "{lang}: defined twice: {twice:?}");
    }
}

#[test]
fn every_key_the_code_builds_from_an_enum_exists() {
    use svoboda::campaign::{ChannelKind, EventKind, LabelKind, LegalCode, StatusKind};
    let keys = keys(Lang::EN);
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
    for c in LegalCode::ALL {
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
    let keys = keys(Lang::RU);
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
