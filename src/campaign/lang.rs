//! Languages a page can be shown in, and text given per language.

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
///
/// Kept as a short list sorted by language: a campaign holds some hundred
/// of these, and thousands of campaigns are listed in memory, where a map's
/// node would cost ten times the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, utoipa::ToSchema)]
#[schema(value_type = std::collections::BTreeMap<Lang, String>)]
pub struct Localized(Vec<(Lang, Box<str>)>);

impl Localized {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        let mut texts: Vec<(Lang, Box<str>)> = Vec::new();
        for (lang, text) in pairs {
            // The last text given for a language wins, as in a map.
            match texts.binary_search_by_key(&lang, |(l, _)| *l) {
                Ok(i) => texts[i].1 = text.into_boxed_str(),
                Err(i) => texts.insert(i, (lang, text.into_boxed_str())),
            }
        }
        texts.shrink_to_fit();
        Localized(texts)
    }

    /// The text in exactly `lang`, if given.
    fn exactly(&self, lang: Lang) -> Option<&str> {
        self.0
            .binary_search_by_key(&lang, |(l, _)| *l)
            .ok()
            .map(|i| &*self.0[i].1)
    }

    /// The text in `lang`, or in the other language when it is missing, so a
    /// half-translated campaign still shows something rather than a gap.
    pub fn get(&self, lang: Lang) -> &str {
        self.exactly(lang)
            .or_else(|| Lang::ALL.iter().find_map(|l| self.exactly(*l)))
            .unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(_, v)| v.trim().is_empty())
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, v)| &**v)
    }
}

impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            map.serialize_entry(lang, &**text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than an untagged enum: that one buffers every
        // value first, and thousands of campaigns are read at start.
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = Localized;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, or a table of texts by language (ru, en)")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Localized, E> {
                Ok(Localized::new(
                    Lang::ALL.into_iter().map(|l| (l, s.to_string())),
                ))
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Localized, M::Error> {
                let mut pairs = Vec::new();
                while let Some((lang, text)) = map.next_entry::<Lang, String>()? {
                    pairs.push((lang, text));
                }
                if pairs.is_empty() {
                    return Err(serde::de::Error::custom(
                        "give the text in at least one language (ru, en)",
                    ));
                }
                Ok(Localized::new(pairs))
            }
        }
        d.deserialize_any(Texts)
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
