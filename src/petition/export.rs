//! The sealed export of a petition's signatures: a text file, one signature
//! a line, `id <TAB> signed at <TAB> status <TAB> base64 of an age file`,
//! after two comment lines naming the petition and carrying its public text
//! (for the delivery document, made offline).
//! Each age file opens with stock `age --decrypt -i KEYFILE`; `svoboda
//! signatures decrypt` opens them all and writes CSV. The server never
//! sees the key that opens them. Written by the command line and by the
//! workspace's download alike.

use std::collections::BTreeMap;
use std::io::BufRead;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

use super::seal::{Opener, SealError, age_file, split_age_file};
use super::service::SealedRecord;
use crate::campaign::{Lang, Petition, Registry};
use crate::store::signatures::ExportedSignature;

pub const MAGIC: &str = "# svoboda signatures v1";
/// The line carrying the petition's text, as JSON.
pub const TEXT_LINE: &str = "# petition-text ";

/// What the petition says, in each language it is written in, by the
/// language's code (a reader that does not know a language still reads the
/// others): public already, and all the delivery document needs besides the
/// signers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PetitionText {
    pub title: BTreeMap<String, String>,
    #[serde(default)]
    pub addressee: BTreeMap<String, String>,
    /// Plain paragraphs (organisations' references become their names).
    #[serde(default)]
    pub paragraphs: BTreeMap<String, Vec<String>>,
}

impl PetitionText {
    /// The petition in the site's `languages`, and in any other it is
    /// written in.
    pub fn of(p: &Petition, registry: &Registry, languages: &[Lang]) -> Self {
        let mut written: Vec<Lang> = languages.to_vec();
        for lang in p.title.languages().chain(p.text.languages()) {
            if !written.contains(&lang) {
                written.push(lang);
            }
        }
        let in_each = |f: &dyn Fn(Lang) -> String| {
            written
                .iter()
                .map(|l| (l.code().to_string(), f(*l)))
                .collect()
        };
        PetitionText {
            title: in_each(&|l| p.title.get(l).to_string()),
            addressee: match &p.addressee {
                Some(a) => in_each(&|l| a.get(l).to_string()),
                None => BTreeMap::new(),
            },
            paragraphs: written
                .iter()
                .map(|&l| {
                    let paragraphs = p
                        .text
                        .get(l)
                        .split("\n\n")
                        .map(|md| {
                            crate::campaign::markdown::render_plain(md, l, registry, usize::MAX)
                        })
                        .filter(|t| !t.is_empty())
                        .collect();
                    (l.code().to_string(), paragraphs)
                })
                .collect(),
        }
    }
}

/// The first lines: the petition as `campaign/petition`, and its text.
pub fn header(name: &str, text: &PetitionText) -> String {
    let json = serde_json::to_string(text).unwrap_or_default();
    format!("{MAGIC} petition={name}\n{TEXT_LINE}{json}\n")
}

/// One signature's line, and whether retention deleted its sealed data
/// (then only its id, time and status remain).
pub fn line(s: &ExportedSignature) -> (String, bool) {
    let status = if s.confirmed_at.is_some() {
        "confirmed"
    } else {
        "pending"
    };
    let (data, purged) = match (&s.header, &s.sealed) {
        (Some(h), Some(sealed)) => (B64.encode(age_file(h, sealed)), false),
        _ => (String::new(), true),
    };
    let at = chrono::DateTime::from_timestamp(s.created_at, 0)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    (format!("{}\t{at}\t{status}\t{data}\n", s.id), purged)
}

/// Whether a signature counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Confirmed,
    Pending,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::Confirmed => "confirmed",
            Standing::Pending => "pending",
        }
    }
}

/// One signature of an export, opened.
#[derive(Debug, Clone)]
pub struct OpenedSignature {
    pub id: String,
    pub standing: Standing,
    pub record: SealedRecord,
}

/// An export opened with one organiser's identity.
#[derive(Debug, Default)]
pub struct Opened {
    /// `campaign/petition`, from the first line.
    pub petition: String,
    /// Absent from exports made before it was added.
    pub text: Option<PetitionText>,
    pub signatures: Vec<OpenedSignature>,
    /// Sealed to other organisers' keys only (or before this key was added).
    pub not_sealed_to_this_key: u64,
    /// Their data was deleted by retention: only their count remains.
    pub purged: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("line {line}: {what}")]
    Line { line: usize, what: String },
    #[error("cannot read the export: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads an export and opens every signature sealed to `opener`'s key.
pub fn open(input: impl BufRead, opener: &mut Opener) -> Result<Opened, ReadError> {
    let mut opened = Opened::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let bad = |what: &str| ReadError::Line {
            line: n + 1,
            what: what.to_string(),
        };
        if let Some(rest) = line.strip_prefix(MAGIC) {
            opened.petition = rest.trim().trim_start_matches("petition=").to_string();
            continue;
        }
        if let Some(json) = line.strip_prefix(TEXT_LINE) {
            opened.text = Some(
                serde_json::from_str(json).map_err(|_| bad("the petition's text is damaged"))?,
            );
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(id), Some(_), Some(status), Some(data)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("not a line of a signature export"));
        };
        if data.is_empty() {
            opened.purged += 1;
            continue;
        }
        let file_bytes = B64
            .decode(data)
            .map_err(|_| bad("the record is not base64"))?;
        let (header, sealed) =
            split_age_file(&file_bytes).ok_or_else(|| bad("the record is not an age file"))?;
        // Signatures sealed before this identity's key was added (or only
        // to other organisers' keys) are counted and reported, not fatal:
        // each organiser opens what was sealed to them.
        let plain = match opener.open(header, sealed) {
            Ok(plain) => plain,
            Err(SealError::WrongIdentity) => {
                opened.not_sealed_to_this_key += 1;
                continue;
            }
            Err(e) => return Err(bad(&e.to_string())),
        };
        let record: SealedRecord =
            serde_json::from_slice(&plain).map_err(|_| bad("the record's content is damaged"))?;
        opened.signatures.push(OpenedSignature {
            id: id.to_string(),
            standing: if status == "confirmed" {
                Standing::Confirmed
            } else {
                Standing::Pending
            },
            record,
        });
    }
    Ok(opened)
}
