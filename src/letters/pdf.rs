//! The pages letters volunteers print (`svoboda letters pdf`): each letter
//! on pages of its own, under the person's full name and the facility's
//! address, signed as the writer chose, and ending in a reply slip that
//! carries the letter's number, so a reply finds its writer.

use fluent_bundle::FluentValue;

use super::export::Opened;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::print::{self, Layout, MARGIN, PAGE, PdfError};

const TEXT_SIZE: f32 = 11.5;
const SMALL: f32 = 10.0;

/// The letters of `opened`, each from a new page, in the language of the
/// facility (`opened.to.lang`, Russian if Svoboda does not know it).
pub fn render(opened: &Opened) -> Result<Vec<u8>, PdfError> {
    let lang = Lang::known()
        .into_iter()
        .find(|l| l.code() == opened.to.lang)
        .unwrap_or(Lang::RU);
    let tr = Tr::new(lang);
    let pages = lay_out(opened, &tr)?;
    let title = tr.args(
        "letters-pdf-title",
        [("name", arg(opened.to.name.as_str()))],
    );
    print::write(title, lang, pages, |page, pages| {
        tr.args(
            "pdf-page",
            [
                ("page", FluentValue::from(page)),
                ("pages", FluentValue::from(pages)),
            ],
        )
    })
}

fn lay_out(opened: &Opened, tr: &Tr) -> Result<Vec<Vec<print::Placed>>, PdfError> {
    let mut layout = Layout::new()?;
    let to = &opened.to;
    for letter in &opened.letters {
        layout.new_page();
        let number = FluentValue::from(letter.number);
        for line in to
            .address
            .lines()
            .chain([to.facility.as_str(), to.name.as_str()])
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            layout.paragraph(line, SMALL, false, 0.0);
        }
        layout.y += 18.0;
        layout.paragraph(
            &tr.args("letters-pdf-number", [("number", number.clone())]),
            SMALL,
            true,
            10.0,
        );
        let record = &letter.record;
        for paragraph in record.text.split('\n') {
            if paragraph.trim().is_empty() {
                layout.y += TEXT_SIZE * 0.7;
            } else {
                layout.paragraph(paragraph.trim_end(), TEXT_SIZE, false, 2.0);
            }
        }
        if let Some(name) = &record.name {
            layout.y += 8.0;
            layout.paragraph(name, TEXT_SIZE, false, 0.0);
        }
        if let Some(address) = &record.return_address {
            layout.y += 6.0;
            layout.paragraph(
                &tr.args("letters-pdf-return", [("address", arg(address.as_str()))]),
                SMALL,
                false,
                0.0,
            );
        }
        // The slip stays whole: on this page if it fits, else on the next.
        layout.need(SMALL * 1.4 * 6.0 + 30.0);
        layout.y += 24.0;
        layout.paragraph(&"- ".repeat(48), SMALL, false, 4.0);
        layout.paragraph(
            &tr.args("letters-pdf-slip-title", [("number", number.clone())]),
            SMALL,
            true,
            2.0,
        );
        let slip = if to.reply_to.trim().is_empty() {
            tr.args("letters-pdf-slip-keep-number", [("number", number)])
        } else {
            tr.args(
                "letters-pdf-slip-send-to",
                [("number", number), ("address", arg(to.reply_to.trim()))],
            )
        };
        layout.paragraph(&slip, SMALL, false, 0.0);
    }
    if opened.letters.is_empty() {
        layout.paragraph(&tr.t("letters-pdf-none"), TEXT_SIZE, false, 0.0);
    }
    debug_assert!(layout.y <= PAGE.1 - MARGIN);
    Ok(layout.pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::export::{OpenedLetter, Recipient};
    use crate::letters::letter::LetterRecord;

    fn opened(text: &str) -> Opened {
        Opened {
            campaign: "anna".into(),
            to: Recipient {
                lang: "ru".into(),
                name: "Анна Пример".into(),
                facility: "СИЗО-1".into(),
                address: "123456, г. Москва,\nул. Матросская Тишина, 18".into(),
                reply_to: "101000, Москва, а/я 7".into(),
            },
            letters: vec![OpenedLetter {
                number: 42,
                record: LetterRecord {
                    written_at: "2026-12-01T10:11:12Z".into(),
                    lang: "ru".into(),
                    text: text.into(),
                    name: Some("Мария".into()),
                    return_address: None,
                    notice: false,
                },
            }],
            not_sealed_to_this_key: 0,
        }
    }

    #[test]
    fn each_letter_carries_the_address_its_number_and_a_reply_slip() {
        let tr = Tr::new(Lang::RU);
        let pages = lay_out(&opened("Здравствуйте, Анна!\n\nДержитесь."), &tr).expect("lays out");
        let text: Vec<String> = pages.iter().flatten().map(|p| p.text.clone()).collect();
        let all = text.join("\n");
        for expected in [
            "123456, г. Москва,",
            "ул. Матросская Тишина, 18",
            "Анна Пример",
            "Здравствуйте, Анна!",
            "Мария",
            "42",
            "а/я 7",
        ] {
            assert!(all.contains(expected), "{expected} in {all}");
        }
        let pdf = render(&opened("Здравствуйте")).expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn a_long_letter_takes_several_pages_and_loses_no_word() {
        let long = "Слово за словом. ".repeat(1200);
        let tr = Tr::new(Lang::RU);
        let pages = lay_out(&opened(&long), &tr).expect("lays out");
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let words: usize = pages
            .iter()
            .flatten()
            .map(|p| p.text.matches("Слово").count())
            .sum();
        assert_eq!(words, 1200);
        for page in &pages {
            for p in page {
                assert!(p.y <= Layout::BOTTOM + 0.1, "{} below the bottom", p.y);
            }
        }
    }
}
