//! The languages pages can be shown in: the four shipped with the program
//! (their translation files compiled in) and any added by files alone, a
//! folder per language in `locales_dir` (`xx/main.ftl`, `xx/admin.ftl`,
//! `xx/fields.ftl`). Which of them a site offers, and in which order, is its
//! configuration's `languages`.
//!
//! A [`Lang`] is a copyable handle to its language's entry, made once for
//! the life of the process: shipped languages are statics, added ones are
//! loaded at start and kept.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::str::FromStr;
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

use super::plural::Rules;

pub type Bundle = FluentBundle<FluentResource>;

/// The translation files of a language, in the order they are added.
pub const FILES: [&str; 3] = ["main.ftl", "admin.ftl", "fields.ftl"];

/// Path segments the site uses for itself, never a language's code.
const RESERVED: [&str; 1] = ["api"];

pub struct Language {
    code: &'static str,
    source: Source,
}

enum Source {
    BuiltIn(usize),
    Loaded(&'static Loaded),
}

struct Loaded {
    bundle: Bundle,
    texts: Vec<String>,
}

macro_rules! built_in {
    ($code:literal) => {
        [
            include_str!(concat!("../../locales/", $code, "/main.ftl")),
            include_str!(concat!("../../locales/", $code, "/admin.ftl")),
            include_str!(concat!("../../locales/", $code, "/fields.ftl")),
        ]
    };
}

static BUILT_IN: [Language; 4] = [
    Language {
        code: "ru",
        source: Source::BuiltIn(0),
    },
    Language {
        code: "en",
        source: Source::BuiltIn(1),
    },
    Language {
        code: "be",
        source: Source::BuiltIn(2),
    },
    Language {
        code: "uk",
        source: Source::BuiltIn(3),
    },
];
static BUILT_IN_TEXTS: [[&str; 3]; 4] = [
    built_in!("ru"),
    built_in!("en"),
    built_in!("be"),
    built_in!("uk"),
];
static BUILT_IN_BUNDLES: [OnceLock<Bundle>; 4] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];
/// Languages added from files, in the order they were loaded.
static LOADED: RwLock<Vec<&'static Language>> = RwLock::new(Vec::new());

/// A language of the interface and of campaign texts.
#[derive(Clone, Copy)]
pub struct Lang(&'static Language);

impl Lang {
    pub const RU: Lang = Lang(&BUILT_IN[0]);
    pub const EN: Lang = Lang(&BUILT_IN[1]);
    pub const BE: Lang = Lang(&BUILT_IN[2]);
    pub const UK: Lang = Lang(&BUILT_IN[3]);
    /// The languages shipped with the program.
    pub const BUILT_IN: [Lang; 4] = [Lang::RU, Lang::EN, Lang::BE, Lang::UK];

    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The language's own name, for the language switch ("Беларуская").
    pub fn native_name(self) -> String {
        self.message("language-name")
            .unwrap_or_else(|| self.code().to_string())
    }

    /// Its locale as Open Graph writes it ("be_BY").
    pub fn locale(self) -> String {
        self.message("language-locale")
            .unwrap_or_else(|| self.code().to_string())
    }

    fn message(self, key: &str) -> Option<String> {
        let bundle = self.bundle();
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    pub(super) fn bundle(self) -> &'static Bundle {
        match self.0.source {
            Source::BuiltIn(i) => BUILT_IN_BUNDLES[i].get_or_init(|| {
                // The shipped files are part of the program and checked by
                // the tests, so an error in them is a build defect, logged.
                bundle(self.code(), BUILT_IN_TEXTS[i].iter().map(|t| t.to_string())).unwrap_or_else(
                    |e| {
                        tracing::error!(error = %e, "the shipped translation files have errors");
                        Bundle::new_concurrent(Vec::new())
                    },
                )
            }),
            Source::Loaded(loaded) => &loaded.bundle,
        }
    }

    /// The message keys this language's files define.
    pub fn message_keys(self) -> Vec<String> {
        let texts: Vec<&str> = match self.0.source {
            Source::BuiltIn(i) => BUILT_IN_TEXTS[i].to_vec(),
            Source::Loaded(loaded) => loaded.texts.iter().map(String::as_str).collect(),
        };
        texts
            .into_iter()
            .flat_map(|text| match FluentResource::try_new(text.to_string()) {
                Ok(res) | Err((res, _)) => res
                    .entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            })
            .collect()
    }

    /// Every language this process knows: shipped, then loaded.
    pub fn known() -> Vec<Lang> {
        let loaded = LOADED.read().map(|l| l.clone()).unwrap_or_default();
        Lang::BUILT_IN
            .into_iter()
            .chain(loaded.into_iter().map(Lang))
            .collect()
    }

    /// Loads every language in `dir` (a folder per language, named by its
    /// code) and returns them in the order of their codes. A language loaded
    /// before from the same files is returned again.
    pub fn load_dir(dir: &Path) -> Result<Vec<Lang>, LanguageError> {
        let read = |path: &Path, e: std::io::Error| LanguageError::Read {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut folders: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| read(dir, e))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        folders.sort_by_key(|e| e.file_name());
        let mut langs = Vec::new();
        for folder in folders {
            let code = folder.file_name().to_string_lossy().into_owned();
            let path = folder.path();
            if !path.join(FILES[0]).is_file() {
                // Not a language: say so rather than skip it silently.
                return Err(LanguageError::NoMain {
                    path: path.display().to_string(),
                });
            }
            let mut texts = Vec::new();
            for name in FILES {
                let file = path.join(name);
                match std::fs::read_to_string(&file) {
                    Ok(text) => texts.push(text),
                    // admin.ftl and fields.ftl may be missing: their messages
                    // then come in English.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(read(&file, e)),
                }
            }
            langs.push(register(&code, texts)?);
        }
        Ok(langs)
    }
}

/// Adds a language from its files' texts, once per process.
fn register(code: &str, texts: Vec<String>) -> Result<Lang, LanguageError> {
    check_code(code)?;
    if Lang::BUILT_IN.iter().any(|l| l.code() == code) {
        return Err(LanguageError::BuiltIn(code.to_string()));
    }
    let mut loaded = LOADED.write().map_err(|_| LanguageError::Poisoned)?;
    if let Some(existing) = loaded.iter().find(|l| l.code == code) {
        return match existing.source {
            Source::Loaded(l) if l.texts == texts => Ok(Lang(existing)),
            _ => Err(LanguageError::LoadedTwice(code.to_string())),
        };
    }
    let bundle = bundle(code, texts.iter().cloned())?;
    // Leaked on purpose: a language lives as long as the process, and
    // handles to it are plain references.
    let entry: &'static Loaded = Box::leak(Box::new(Loaded { bundle, texts }));
    let language: &'static Language = Box::leak(Box::new(Language {
        code: Box::leak(code.to_string().into_boxed_str()),
        source: Source::Loaded(entry),
    }));
    loaded.push(language);
    Ok(Lang(language))
}

fn check_code(code: &str) -> Result<(), LanguageError> {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && !RESERVED.contains(&primary);
    let rest_ok = parts.all(|p| {
        (2..=8).contains(&p.len())
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if primary_ok && rest_ok && code.parse::<unic_langid::LanguageIdentifier>().is_ok() {
        Ok(())
    } else {
        Err(LanguageError::BadCode(code.to_string()))
    }
}

/// A Fluent bundle of `texts`, with `PLURAL()` computing the language's
/// plural categories (see `plural`).
fn bundle(code: &str, texts: impl Iterator<Item = String>) -> Result<Bundle, LanguageError> {
    let id = code.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks would end up inside attributes and titles.
    bundle.set_use_isolating(false);
    let rules = Rules::for_language(code);
    if matches!(rules, Rules::Unknown) {
        // Said once at start, rather than a wrong form silently.
        tracing::warn!(
            code,
            "no plural rules are known for this language: PLURAL() answers \"other\" for every number"
        );
    }
    let added = bundle.add_function("PLURAL", move |positional, _named| {
        let n = match positional.first() {
            Some(FluentValue::Number(n)) => Some(n.value),
            Some(FluentValue::String(s)) => s.parse().ok(),
            _ => None,
        };
        match n {
            Some(n) => FluentValue::String(rules.category(n).into()),
            None => FluentValue::Error,
        }
    });
    if added.is_err() {
        return Err(LanguageError::Syntax {
            code: code.to_string(),
            message: "PLURAL defined twice".into(),
        });
    }
    for text in texts {
        let resource =
            FluentResource::try_new(text).map_err(|(_, errors)| LanguageError::Syntax {
                code: code.to_string(),
                message: errors
                    .iter()
                    .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
                    .collect::<Vec<_>>()
                    .join("; "),
            })?;
        bundle
            .add_resource(resource)
            .map_err(|errors| LanguageError::Syntax {
                code: code.to_string(),
                message: errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            })?;
    }
    Ok(bundle)
}

#[derive(Debug, thiserror::Error)]
pub enum LanguageError {
    #[error("cannot read '{path}': {message}")]
    Read { path: String, message: String },
    #[error("'{path}' has no main.ftl: a language's folder holds its translation files")]
    NoMain { path: String },
    #[error(
        "'{0}' is not a language code: use two or three lower-case letters (a region may follow, as in pt-br)"
    )]
    BadCode(String),
    #[error("'{0}' is shipped with Svoboda: its files cannot be replaced from locales_dir")]
    BuiltIn(String),
    #[error("the language '{0}' was loaded already from other files: restart to load them")]
    LoadedTwice(String),
    #[error("errors in the translation files of '{code}': {message}")]
    Syntax { code: String, message: String },
    #[error("the list of languages is unusable after an earlier crash")]
    Poisoned,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Lang {}

impl Hash for Lang {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code().hash(state)
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{0}': use one of {known}", known = known_codes())]
pub struct UnknownLang(pub String);

fn known_codes() -> String {
    Lang::known()
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(lang) = Lang::BUILT_IN.into_iter().find(|l| l.code() == s) {
            return Ok(lang);
        }
        LOADED
            .read()
            .ok()
            .and_then(|loaded| loaded.iter().find(|l| l.code == s).map(|l| Lang(l)))
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(d)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Lang {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "A language's code (ru, en, be, uk, or one the instance added by files)",
            ))
            .pattern(Some("^[a-z]{2,3}(-[a-z0-9]{2,8})*$"))
            .into()
    }
}

impl utoipa::ToSchema for Lang {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_languages_parse_and_name_themselves() {
        for lang in Lang::BUILT_IN {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
            assert_ne!(lang.native_name(), lang.code(), "{lang} has language-name");
            assert!(lang.locale().contains('_'), "{lang} has language-locale");
        }
        assert_eq!(Lang::BE.native_name(), "Беларуская");
        assert!("xx".parse::<Lang>().is_err());
    }

    #[test]
    fn codes_are_checked() {
        for good in ["xx", "crh", "pt-br", "sr-latn"] {
            assert!(check_code(good).is_ok(), "{good}");
        }
        for bad in ["", "x", "XX", "api", "../x", "xx_yy", "xxxx", "x1", "xx-"] {
            assert!(check_code(bad).is_err(), "{bad}");
        }
    }
}
