//! Interface text from the Fluent files: `locales/` (compiled into the
//! binary) and languages added by files at start (`language`).

mod language;
pub mod plural;

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};

pub use language::{FILES, Lang, LanguageError, UnknownLang};

/// Formats `key` in `lang`; a message a language added by files lacks comes
/// in English, and a key nobody defines shows as itself.
fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let (bundle, pattern) = match message(lang, key) {
        Some(found) => found,
        None => match message(Lang::EN, key) {
            Some(found) => {
                tracing::debug!(key, %lang, "not translated: shown in English");
                found
            }
            None => {
                tracing::warn!(key, %lang, "missing translation");
                return key.to_string();
            }
        },
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, %lang, ?errors, "translation formatting errors");
    }
    text.into_owned()
}

fn message(
    lang: Lang,
    key: &str,
) -> Option<(
    &'static language::Bundle,
    &'static fluent_syntax::ast::Pattern<&'static str>,
)> {
    let bundle = lang.bundle();
    let pattern = bundle.get_message(key)?.value()?;
    Some((bundle, pattern))
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
        format(self.lang, key, None)
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
        format(self.lang, key, Some(&fargs))
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
