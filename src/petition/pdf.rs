//! The delivery document: the petition as it is handed to its addressee,
//! with the number of signatures and the table of signers, in one
//! language, Cyrillic included (DejaVu Sans is embedded, subset to the
//! glyphs used). Laid out here (words wrapped by their measured widths,
//! the table's header repeated on every page, "page N of M"), drawn by krilla.

use super::export::PetitionText;
use crate::campaign::Lang;
use crate::i18n::Tr;

pub use crate::print::PdfError;
use crate::print::{self, Layout, MARGIN, Placed};

const TEXT_SIZE: f32 = 11.0;
const TABLE_SIZE: f32 = 9.5;
/// The table's columns: number, name, city, country, date (their widths).
const COLUMNS: [f32; 5] = [30.0, 170.0, 100.0, 80.0, 103.0];

/// One signer's row.
#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    pub city: String,
    pub country: String,
    pub date: String,
}

/// The signers' table.
impl Layout<'_> {
    /// Each cell of a row in lines that fit its column: nothing a signer
    /// wrote is cut.
    fn cell_lines(&self, cells: [&str; 5], bold: bool) -> Vec<Vec<String>> {
        let face = if bold { self.bold } else { self.regular };
        cells
            .iter()
            .zip(COLUMNS)
            .map(|(cell, width)| face.wrap(cell, TABLE_SIZE, width - 6.0))
            .collect()
    }

    /// How tall a row of `cells` is.
    fn row_height(&self, cells: [&str; 5], bold: bool) -> f32 {
        let lines = self
            .cell_lines(cells, bold)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1);
        TABLE_SIZE * 1.45 * lines as f32
    }

    /// One table row, each cell wrapped in its column.
    fn row(&mut self, cells: [&str; 5], bold: bool) {
        let leading = TABLE_SIZE * 1.45;
        let top = self.y;
        let mut x = MARGIN;
        let mut lowest = top + leading;
        for (lines, width) in self.cell_lines(cells, bold).into_iter().zip(COLUMNS) {
            for (i, text) in lines.into_iter().enumerate() {
                let y = top + leading * (i + 1) as f32;
                lowest = lowest.max(y);
                self.page().push(Placed {
                    x,
                    y,
                    size: TABLE_SIZE,
                    bold,
                    text,
                });
            }
            x += width;
        }
        self.y = lowest;
    }
}

/// The document in `lang`.
pub fn render(text: &PetitionText, rows: &[Row], lang: Lang) -> Result<Vec<u8>, PdfError> {
    let tr = Tr::new(lang);
    let (title, pages) = lay_out(text, rows, lang)?;
    print::write(title, lang, pages, |page, pages| {
        tr.args(
            "pdf-page",
            [
                ("page", fluent_bundle::FluentValue::from(page)),
                ("pages", fluent_bundle::FluentValue::from(pages)),
            ],
        )
    })
}

/// The document's title, and its text placed page by page.
fn lay_out(
    text: &PetitionText,
    rows: &[Row],
    lang: Lang,
) -> Result<(String, Vec<Vec<Placed>>), PdfError> {
    let tr = Tr::new(lang);
    let in_lang = |map: &std::collections::BTreeMap<String, String>| {
        map.get(lang.code())
            .or_else(|| map.values().next())
            .cloned()
            .unwrap_or_default()
    };
    let title = in_lang(&text.title);
    let mut layout = Layout::new()?;
    let addressee = in_lang(&text.addressee);
    if !addressee.is_empty() {
        layout.paragraph(
            &format!("{}: {addressee}", tr.t("pdf-to")),
            TEXT_SIZE,
            false,
            10.0,
        );
    }
    layout.paragraph(&title, 16.0, true, 8.0);
    let paragraphs = text
        .paragraphs
        .get(lang.code())
        .or_else(|| text.paragraphs.values().next())
        .cloned()
        .unwrap_or_default();
    for p in &paragraphs {
        layout.paragraph(p, TEXT_SIZE, false, 6.0);
    }
    layout.y += 6.0;
    let count = tr.args(
        "pdf-signatures",
        [("count", fluent_bundle::FluentValue::from(rows.len()))],
    );
    layout.paragraph(&count, 12.0, true, 4.0);
    let header = [
        tr.t("pdf-col-number"),
        tr.t("pdf-col-name"),
        tr.t("pdf-col-city"),
        tr.t("pdf-col-country"),
        tr.t("pdf-col-date"),
    ];
    let header_cells = [
        header[0].as_str(),
        header[1].as_str(),
        header[2].as_str(),
        header[3].as_str(),
        header[4].as_str(),
    ];
    layout.need(layout.row_height(header_cells, true) + TABLE_SIZE * 1.45);
    layout.row(header_cells, true);
    for (n, row) in rows.iter().enumerate() {
        let number = (n + 1).to_string();
        let cells = [
            number.as_str(),
            row.name.as_str(),
            row.city.as_str(),
            row.country.as_str(),
            row.date.as_str(),
        ];
        if layout.need(layout.row_height(cells, false)) {
            layout.row(header_cells, true);
        }
        layout.row(cells, false);
    }

    Ok((title, layout.pages))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Wrapped lines fit the width and lose no word.
        #[test]
        fn wrapping_fits_and_keeps_every_word(text in "[a-zа-я ]{0,300}", width in 40.0f32..480.0) {
            let Ok((regular, _)) = print::FACES.as_ref() else { panic!("fonts") };
            let lines = regular.wrap(&text, TEXT_SIZE, width);
            for line in &lines {
                prop_assert!(regular.width(line, TEXT_SIZE) <= width || line.chars().count() == 1, "{line}");
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            prop_assert_eq!(joined, original);
        }
    }

    #[test]
    fn a_long_name_is_delivered_whole_wrapped_in_its_column() {
        let name = "Черноусова-Длиннофамильная Анастасия-Александра Константиновна";
        let rows = [Row {
            name: name.into(),
            city: "Петропавловск-Камчатский".into(),
            country: "Россия".into(),
            date: "1 ноября 2026".into(),
        }];
        let (_, pages) = lay_out(&PetitionText::default(), &rows, Lang::RU).expect("lays out");
        let placed: Vec<&Placed> = pages.iter().flatten().collect();
        let name_x = MARGIN + COLUMNS[0];
        let name_lines: Vec<&str> = placed
            .iter()
            .filter(|p| (p.x - name_x).abs() < 0.5 && !p.bold)
            .map(|p| p.text.as_str())
            .collect();
        assert!(name_lines.len() > 1, "wrapped: {name_lines:?}");
        assert_eq!(name_lines.concat().replace(' ', ""), name.replace(' ', ""));
        assert!(placed.iter().all(|p| !p.text.contains('…')));
    }

    #[test]
    fn a_long_petition_breaks_into_pages_each_with_the_tables_header() {
        let text = PetitionText {
            title: [("ru".to_string(), "Прекратить дело".to_string())].into(),
            ..Default::default()
        };
        let rows: Vec<Row> = (0..200)
            .map(|i| Row {
                name: format!("Подписант {i}"),
                city: "Казань".into(),
                country: "Россия".into(),
                date: "1 ноября 2026".into(),
            })
            .collect();
        let pdf = render(&text, &rows, Lang::RU).expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
        let pages = pdf
            .windows(b"/Type /Page\n".len())
            .filter(|w| *w == b"/Type /Page\n")
            .count();
        let pages = pages.max(
            pdf.windows(b"/Type/Page/".len())
                .filter(|w| *w == b"/Type/Page/")
                .count(),
        );
        assert!(
            pages == 0 || pages >= 3,
            "200 rows take several pages: {pages}"
        );
    }
}
