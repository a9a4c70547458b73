//! Interface text from the Fluent files in `locales/`, compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::campaign::Lang;

/// Per language: the public pages' texts, the workspace's, and the
/// labels of the campaign's fields in its forms.
const SOURCES: [(Lang, [&str; 3]); 2] = [
    (
        Lang::Ru,
        [
            include_str!("../locales/ru/main.ftl"),
            include_str!("../locales/ru/admin.ftl"),
            include_str!("../locales/ru/fields.ftl"),
        ],
    ),
    (
        Lang::En,
        [
            include_str!("../locales/en/main.ftl"),
            include_str!("../locales/en/admin.ftl"),
            include_str!("../locales/en/fields.ftl"),
        ],
    ),
];

pub struct Localizer {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

static LOCALIZER: LazyLock<Localizer> = LazyLock::new(Localizer::load);

impl Localizer {
    fn load() -> Self {
        let bundles = SOURCES
            .into_iter()
            .map(|(lang, sources)| {
                let langid = lang
                    .code()
                    .parse()
                    .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                // Isolation marks would end up inside attributes and titles.
                bundle.set_use_isolating(false);
                for source in sources {
                    // The files are part of the program and checked by the
                    // tests, so a syntax error is a build defect, not input.
                    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(
                        |(res, errors)| {
                            tracing::error!(?errors, %lang, "errors in the translation file");
                            res
                        },
                    );
                    if let Err(errors) = bundle.add_resource(resource) {
                        tracing::error!(?errors, %lang, "duplicate keys in the translation files");
                    }
                }
                (lang, bundle)
            })
            .collect();
        Localizer { bundles }
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, %lang, "missing translation");
            return key.to_string();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, %lang, ?errors, "translation formatting errors");
        }
        text.into_owned()
    }

    /// Message keys defined for `lang`, for the completeness test.
    pub fn keys(lang: Lang) -> Vec<String> {
        let sources = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| s.to_vec())
            .unwrap_or_default();
        sources
            .into_iter()
            .flat_map(|source| match FluentResource::try_new(source.to_string()) {
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
}

/// The translator for one page: its language and the messages.
#[derive(Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    pub fn t(&self, key: &str) -> String {
        LOCALIZER.format(self.lang, key, None)
    }

    pub fn args<'a>(
        &self,
        key: &str,
        args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
    ) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(name, value);
        }
        LOCALIZER.format(self.lang, key, Some(&fargs))
    }

    /// A date as people write it: "11 May 2022", "11 мая 2022 г.".
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", date.month()));
        self.args(
            "date-format",
            [
                ("day", FluentValue::from(date.day().to_string())),
                ("month", FluentValue::from(month)),
                ("year", FluentValue::from(date.year().to_string())),
            ],
        )
    }
}

impl Tr {
    /// A date with the time of day when known: "15 March 2024, 10:30".
    pub fn date_time(&self, date: chrono::NaiveDate, time: Option<chrono::NaiveTime>) -> String {
        match time {
            Some(t) => format!("{}, {}", self.date(date), t.format("%H:%M")),
            None => self.date(date),
        }
    }
}

/// A string argument for [`Tr::args`].
pub fn arg<'a>(s: impl Into<Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}
