//! Russian grammar the pages need: "Свободу Борису Романову!" puts the name
//! in the dative case, which depends on the person's gender. The rules are
//! Petrovich's, the standard set for Russian personal names.

use super::model::Gender;

/// `name` ("Борис Романов", "Анна Сергеевна Пример") in the dative case:
/// the first word as a first name, the last as a surname, any between as
/// patronymics. Without a gender in the file it is guessed from the name
/// (Petrovich's heuristics); a word whose form would depend on an unknown
/// gender stays as it is, and so do words not in Cyrillic.
pub fn dative(name: &str, gender: Option<Gender>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let gender = match gender {
        Some(Gender::Male) => petrovich::Gender::Male,
        Some(Gender::Female) => petrovich::Gender::Female,
        None => petrovich::detect_gender(
            (last > 0).then(|| words[last]),
            words.first().copied(),
            (words.len() > 2).then(|| words[1]),
        ),
    };
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            if !word.chars().any(is_cyrillic) {
                return word.to_string();
            }
            let inflect = |g: petrovich::Gender| {
                let case = petrovich::Case::Dative;
                // Hyphenated surnames (Римский-Корсаков) inflect each part.
                word.split('-')
                    .map(|part| match i {
                        0 => petrovich::firstname(g, part, case),
                        i if i == last => petrovich::lastname(g, part, case),
                        _ => petrovich::middlename(g, part, case),
                    })
                    .collect::<Vec<_>>()
                    .join("-")
            };
            match gender {
                petrovich::Gender::Male | petrovich::Gender::Female => inflect(gender),
                petrovich::Gender::Androgynous => {
                    let (male, female) = (
                        inflect(petrovich::Gender::Male),
                        inflect(petrovich::Gender::Female),
                    );
                    if male == female {
                        male
                    } else {
                        word.to_string()
                    }
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_into_the_dative_case() {
        let cases = [
            ("Борис Романов", Some(Gender::Male), "Борису Романову"),
            ("Анна Пример", Some(Gender::Female), "Анне Пример"),
            ("Мария Алёхина", Some(Gender::Female), "Марии Алёхиной"),
            ("Алексей Горинов", Some(Gender::Male), "Алексею Горинову"),
            (
                "Анна Сергеевна Петрова",
                Some(Gender::Female),
                "Анне Сергеевне Петровой",
            ),
            ("Игорь Барышников", None, "Игорю Барышникову"),
            ("Мария Пономаренко", None, "Марии Пономаренко"),
            ("Boris Romanov", Some(Gender::Male), "Boris Romanov"),
        ];
        for (name, gender, expected) in cases {
            assert_eq!(dative(name, gender), expected, "{name}");
        }
    }
}
