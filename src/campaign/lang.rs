//! Languages a page can be shown in, and text given per language.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the interface is translated into. Adding one means adding a
/// variant here and a folder under `locales/`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{0}': use one of ru, en")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            other => Err(UnknownLang(other.to_string())),
        }
    }
}

/// Text given in one or more languages. A plain string in a campaign file
/// means the same text in every language (names of outlets, addresses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Localized(BTreeMap<Lang, String>);

impl Localized {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        Localized(pairs.into_iter().collect())
    }

    /// The text in `lang`, or in the other language when it is missing, so a
    /// half-translated campaign still shows something rather than a gap.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| Lang::ALL.iter().find_map(|l| self.0.get(l)))
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(
            untagged,
            expecting = "a string, or a table of texts by language (ru, en)"
        )]
        enum Repr {
            Same(String),
            PerLang(BTreeMap<Lang, String>),
        }
        Ok(match Repr::deserialize(d)? {
            Repr::Same(s) => Localized(Lang::ALL.into_iter().map(|l| (l, s.clone())).collect()),
            Repr::PerLang(map) => {
                if map.is_empty() {
                    return Err(serde::de::Error::custom(
                        "give the text in at least one language (ru, en)",
                    ));
                }
                Localized(map)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_language_falls_back_to_another() {
        let text = Localized::new([(Lang::Ru, "Борис".to_string())]);
        assert_eq!(text.get(Lang::En), "Борис");
    }

    #[test]
    fn plain_string_means_every_language() {
        #[derive(Deserialize)]
        struct W {
            t: Localized,
        }
        let w: W = toml::from_str("t = \"Meduza\"").expect("valid");
        assert_eq!(w.t.get(Lang::Ru), "Meduza");
        assert_eq!(w.t.get(Lang::En), "Meduza");
    }
}
