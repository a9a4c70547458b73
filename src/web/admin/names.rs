//! A name given in each language the site offers, as the fields
//! `name_ru`, `name_be`… of a workspace form (a new campaign's person, an
//! organisation).

use crate::campaign::Lang;
use crate::web::state::AppState;

pub struct NameField {
    pub lang: Lang,
    /// The language's own name, the field's label.
    pub label: String,
    pub value: String,
    /// The site's default language: what the others fall back to.
    pub main: bool,
}

/// Empty fields, one per offered language.
pub fn blank(state: &AppState) -> Vec<NameField> {
    state
        .languages()
        .iter()
        .map(|&lang| NameField {
            lang,
            label: lang.native_name(),
            value: String::new(),
            main: lang == state.settings.default_lang,
        })
        .collect()
}

/// The fields as `value` gives them by name (`name_xx`).
pub fn from_fields<'a>(
    state: &AppState,
    value: impl Fn(&str) -> Option<&'a str>,
) -> Vec<NameField> {
    let mut fields = blank(state);
    for field in &mut fields {
        field.value = value(&format!("name_{}", field.lang))
            .unwrap_or_default()
            .to_string();
    }
    fields
}

/// The names typed, trimmed, without the empty ones.
pub fn given(fields: &[NameField]) -> Vec<(Lang, String)> {
    fields
        .iter()
        .filter(|f| !f.value.trim().is_empty())
        .map(|f| (f.lang, f.value.trim().to_string()))
        .collect()
}
