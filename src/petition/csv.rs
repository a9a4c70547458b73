//! CSV for delivering a petition, safe to open in a spreadsheet.

/// One CSV field: quoted when needed, and neutralised when a spreadsheet
/// would take it for a formula (`= + - @`, and tab or carriage return).
pub fn field(value: &str) -> String {
    let neutral = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

pub fn row(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectors the delivery page's script runs too.
    #[derive(serde::Deserialize)]
    struct Vectors {
        csv_fields: Vec<(String, String)>,
        csv_rows: Vec<(Vec<String>, String)>,
    }

    #[test]
    fn formulas_are_neutralised_as_in_the_shared_vectors() {
        let vectors: Vectors =
            serde_json::from_str(include_str!("../../tests/fixtures/delivery-rules.json"))
                .expect("the shared vectors parse");
        for (value, written) in vectors.csv_fields {
            assert_eq!(field(&value), written, "{value:?}");
        }
        for (fields, written) in vectors.csv_rows {
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            assert_eq!(row(&fields), written);
        }
    }
}
