//! Languages a page can be shown in, and text given per language.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::i18n::{Lang, UnknownLang};

/// Text given in one or more languages. A plain string in a campaign file
/// means the same text in every language (names of outlets, addresses).
///
/// Kept as a short list in the order the texts were given: the first is the
/// text's own language, shown (marked) where a translation is missing. A
/// campaign holds some hundred of these, and thousands of campaigns are
/// listed in memory, where a map's node would cost ten times the text.
#[derive(Debug, Clone, Default)]
pub struct Localized(Vec<(Option<Lang>, Box<str>)>);

/// A text as a page shows it: in the page's language, or else in `lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The language the text is in when it is not the page's.
    pub fallback: Option<Lang>,
}

impl Localized {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        let mut texts: Vec<(Option<Lang>, Box<str>)> = Vec::new();
        for (lang, text) in pairs {
            // The last text given for a language wins, as in a map.
            match texts.iter_mut().find(|(l, _)| *l == Some(lang)) {
                Some(entry) => entry.1 = text.into_boxed_str(),
                None => texts.push((Some(lang), text.into_boxed_str())),
            }
        }
        texts.shrink_to_fit();
        Localized(texts)
    }

    /// The same text in every language.
    pub fn same(text: impl Into<String>) -> Self {
        Localized(vec![(None, text.into().into_boxed_str())])
    }

    /// The text given for exactly `lang` (or for every language), if any.
    pub fn exactly(&self, lang: Lang) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l.is_none_or(|l| l == lang))
            .map(|(_, t)| &**t)
    }

    /// The text in `lang`, or in the text's first language when it is
    /// missing, so a half-translated campaign still shows something rather
    /// than a gap.
    pub fn get(&self, lang: Lang) -> &str {
        self.shown(lang).text
    }

    /// As [`get`](Self::get), saying which language a fallback is in.
    pub fn shown(&self, lang: Lang) -> Shown<'_> {
        if let Some(text) = self.exactly(lang) {
            return Shown {
                text,
                fallback: None,
            };
        }
        match self.0.first() {
            Some((l, text)) => Shown { text, fallback: *l },
            None => Shown {
                text: "",
                fallback: None,
            },
        }
    }

    /// The languages the text is given in (none for the same in every one).
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.iter().filter_map(|(l, _)| *l)
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(_, v)| v.trim().is_empty())
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, v)| &**v)
    }
}

/// Equal when the same texts are given for the same languages, in whatever order.
impl PartialEq for Localized {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().all(|entry| other.0.contains(entry))
    }
}

impl Eq for Localized {}

/// In the API: a string (the same in every language) or an object of texts
/// by language code, in the order given.
impl utoipa::PartialSchema for Localized {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The same text in every language")),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .description(Some(
                        "Texts by language code (ru, en, be, uk…); the first is the text's own language",
                    ))
                    .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String))),
            )
            .into()
    }
}

impl utoipa::ToSchema for Localized {}

impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let [(None, text)] = self.0.as_slice() {
            return s.serialize_str(text);
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            match lang {
                Some(lang) => map.serialize_entry(lang, &**text)?,
                // Not made by the program (same() holds one text only).
                None => map.serialize_entry("*", &**text)?,
            }
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
                f.write_str("a string, or a table of texts by language (ru = \"…\", en = \"…\")")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Localized, E> {
                Ok(Localized::same(s))
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
                        "give the text in at least one language (ru = \"…\", en = \"…\")",
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
        let text = Localized::new([(Lang::RU, "Борис".to_string())]);
        assert_eq!(text.get(Lang::EN), "Борис");
        assert_eq!(text.shown(Lang::EN).fallback, Some(Lang::RU));
        assert_eq!(text.shown(Lang::RU).fallback, None);
    }

    #[test]
    fn plain_string_means_every_language() {
        #[derive(Deserialize)]
        struct W {
            t: Localized,
        }
        let w: W = toml::from_str("t = \"Meduza\"").expect("valid");
        for lang in Lang::BUILT_IN {
            assert_eq!(w.t.shown(lang).text, "Meduza");
            assert_eq!(w.t.shown(lang).fallback, None, "the same in every language");
        }
        assert_eq!(
            serde_json::to_string(&w.t).expect("serialises"),
            "\"Meduza\""
        );
    }

    #[test]
    fn the_first_language_given_is_the_fallback() {
        #[derive(Deserialize)]
        struct W {
            t: Localized,
        }
        let w: W = toml::from_str("t = { en = \"Free\", ru = \"Свободу\" }").expect("valid");
        assert_eq!(w.t.shown(Lang::BE).text, "Free");
        assert_eq!(w.t.shown(Lang::BE).fallback, Some(Lang::EN));
        let reordered = Localized::new([
            (Lang::RU, "Свободу".to_string()),
            (Lang::EN, "Free".to_string()),
        ]);
        assert_eq!(w.t, reordered, "order does not make texts differ");
    }
}
