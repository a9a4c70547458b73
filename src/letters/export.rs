//! The sealed export of a campaign's letters, for its letters volunteers:
//! a text file, one letter a line, `number <TAB> received at <TAB> base64
//! of an age file`, after two comment lines naming the campaign and whom the
//! letters go to (public already: the person and the facility's address).
//! Each age file opens with stock `age --decrypt -i KEYFILE`; `svoboda
//! letters pdf` and the workspace's letters page open them all.

use std::io::BufRead;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

use super::letter::LetterRecord;
use crate::campaign::{Campaign, Lang};
use crate::petition::seal::{Opener, SealError, age_file, split_age_file};

pub const MAGIC: &str = "# svoboda letters v1";
/// The line saying whom the letters go to, as JSON.
pub const TO_LINE: &str = "# letters-to ";

/// Whom the letters go to, in the language letters are written in there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// The language of the printed pages' own words (a code Svoboda knows).
    pub lang: String,
    pub name: String,
    pub facility: String,
    /// The facility's postal address, lines as on an envelope.
    pub address: String,
    /// Where the person sends a reply, for the reply slip.
    #[serde(default)]
    pub reply_to: String,
}

impl Recipient {
    /// `None` when the campaign has no facility to send letters to.
    pub fn of(c: &Campaign, known: &[Lang]) -> Option<Recipient> {
        let letters = c.help.letters.as_ref()?;
        let facility = c.status.facility.as_ref()?;
        let lang = letters
            .facility_languages()
            .iter()
            .find_map(|code| known.iter().copied().find(|l| l.code() == code))
            .unwrap_or(Lang::RU);
        Some(Recipient {
            lang: lang.code().to_string(),
            name: c.person.name.get(lang).to_string(),
            facility: facility.name.get(lang).to_string(),
            address: facility.address.get(lang).to_string(),
            reply_to: letters.reply_to.clone().unwrap_or_default(),
        })
    }
}

/// One letter as stored, for the export.
pub struct ExportedLetter {
    pub number: i64,
    pub received_at: i64,
    pub header: String,
    pub sealed: Vec<u8>,
}

/// The first lines: the campaign, and whom its letters go to.
pub fn header(slug: &str, to: &Recipient) -> String {
    let json = serde_json::to_string(to).unwrap_or_default();
    format!("{MAGIC} campaign={slug}\n{TO_LINE}{json}\n")
}

pub fn line(l: &ExportedLetter) -> String {
    let at = chrono::DateTime::from_timestamp(l.received_at, 0)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    let data = B64.encode(age_file(&l.header, &l.sealed));
    format!("{}\t{at}\t{data}\n", l.number)
}

#[derive(Debug, Clone)]
pub struct OpenedLetter {
    pub number: i64,
    pub record: LetterRecord,
}

#[derive(Debug, Default)]
pub struct Opened {
    pub campaign: String,
    pub to: Recipient,
    pub letters: Vec<OpenedLetter>,
    /// Sealed only to other keys of the campaign.
    pub not_sealed_to_this_key: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("this is not an export of letters (it should start with '{MAGIC}')")]
    NotAnExport,
    #[error("line {line}: {what}")]
    Line { line: usize, what: String },
    #[error("cannot read the export: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads an export and opens every letter sealed to `opener`'s key.
pub fn open(input: impl BufRead, opener: &mut Opener) -> Result<Opened, ReadError> {
    let mut opened = Opened::default();
    let mut seen_magic = false;
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let bad = |what: &str| ReadError::Line {
            line: n + 1,
            what: what.to_string(),
        };
        if let Some(rest) = line.strip_prefix(MAGIC) {
            seen_magic = true;
            opened.campaign = rest.trim().trim_start_matches("campaign=").to_string();
            continue;
        }
        if !seen_magic {
            return Err(ReadError::NotAnExport);
        }
        if let Some(json) = line.strip_prefix(TO_LINE) {
            opened.to =
                serde_json::from_str(json).map_err(|_| bad("whom the letters go to is damaged"))?;
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(number), Some(_), Some(data)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("not a line of a letters export"));
        };
        let number = number
            .parse()
            .map_err(|_| bad("the letter's number is damaged"))?;
        let bytes = B64
            .decode(data)
            .map_err(|_| bad("the letter is not base64"))?;
        let (header, sealed) =
            split_age_file(&bytes).ok_or_else(|| bad("the letter is not an age file"))?;
        let plain = match opener.open(header, sealed) {
            Ok(plain) => plain,
            Err(SealError::WrongIdentity) => {
                opened.not_sealed_to_this_key += 1;
                continue;
            }
            Err(e) => return Err(bad(&e.to_string())),
        };
        let record =
            serde_json::from_slice(&plain).map_err(|_| bad("the letter's content is damaged"))?;
        opened.letters.push(OpenedLetter { number, record });
    }
    if !seen_magic {
        return Err(ReadError::NotAnExport);
    }
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::letter::LetterRecord;
    use crate::petition::seal::{Epoch, OrganiserKey, generate_keys};

    fn export_of(texts: &[&str]) -> (String, String) {
        let (identity, public) = generate_keys("test");
        let epoch = Epoch::new(&[OrganiserKey::parse(&public).expect("key")]).expect("epoch");
        let to = Recipient {
            lang: "ru".into(),
            name: "Анна Пример".into(),
            ..Recipient::default()
        };
        let mut text = header("anna", &to);
        for (i, t) in texts.iter().enumerate() {
            let record = LetterRecord {
                written_at: String::new(),
                lang: "ru".into(),
                text: t.to_string(),
                name: None,
                return_address: None,
                notice: false,
            };
            let sealed = epoch
                .seal(&serde_json::to_vec(&record).expect("json"))
                .expect("seal");
            text.push_str(&line(&ExportedLetter {
                number: i as i64 + 1,
                received_at: 0,
                header: epoch.header.clone(),
                sealed,
            }));
        }
        (text, identity)
    }

    #[test]
    fn an_export_opens_with_its_key_and_counts_what_another_key_sealed() {
        let (text, identity) = export_of(&["Привет", "Держись"]);
        let mut opener = Opener::from_identity_file(&identity).expect("identity");
        let opened = open(text.as_bytes(), &mut opener).expect("opens");
        assert_eq!(opened.campaign, "anna");
        assert_eq!(opened.to.name, "Анна Пример");
        let letters: Vec<(i64, &str)> = opened
            .letters
            .iter()
            .map(|l| (l.number, l.record.text.as_str()))
            .collect();
        assert_eq!(letters, vec![(1, "Привет"), (2, "Держись")]);
        let (other, _) = generate_keys("other");
        let mut stranger = Opener::from_identity_file(&other).expect("identity");
        let none = open(text.as_bytes(), &mut stranger).expect("reads");
        assert_eq!((none.letters.len(), none.not_sealed_to_this_key), (0, 2));
        assert!(matches!(
            open("# svoboda signatures v1\n".as_bytes(), &mut opener),
            Err(ReadError::NotAnExport)
        ));
    }

    proptest::proptest! {
        /// A damaged or foreign file is refused with a reason, never a panic.
        #[test]
        fn any_damage_is_refused_not_a_panic(cut in 0usize..2000, junk in "\\PC{0,80}") {
            let (text, identity) = export_of(&["Привет"]);
            let mut opener = Opener::from_identity_file(&identity).expect("identity");
            let mut damaged = text.chars().take(cut).collect::<String>();
            damaged.push_str(&junk);
            let _ = open(damaged.as_bytes(), &mut opener);
        }
    }
}
