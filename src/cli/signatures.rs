//! `svoboda keys generate` and `svoboda signatures export | decrypt | recount`.
//!
//! The export's format is `petition::export`'s; `decrypt` opens every line
//! with the organisers' identity and writes CSV for delivering the petition.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use crate::config::Config;
use crate::petition::seal::{Opener, SealError, generate_keys};
use crate::petition::service::SealedRecord;
use crate::petition::{csv, export};
use crate::store::{self, OpenMode, Store};

use super::CliError;

/// Writes a new identity file and prints the public key for the campaign file.
pub fn generate(out: &Path) -> Result<(), CliError> {
    let (identity, public) =
        generate_keys("Svoboda organiser key: keep this file secret and backed up");
    super::secret::write_private(out, &identity).map_err(|e| CliError::io(out, e))?;
    eprintln!(
        "identity written to {} (keep it off the server)",
        out.display()
    );
    println!("{public}");
    Ok(())
}

/// `campaign/petition` → the petition's row id.
async fn petition_id(store: &Store, name: &str) -> Result<i64, CliError> {
    let (campaign, petition) = name.split_once('/').ok_or_else(|| {
        CliError::Usage(format!(
            "name the petition as CAMPAIGN/PETITION, e.g. boris-romanov/{name}"
        ))
    })?;
    store
        .petitions()
        .await?
        .get(&(campaign.to_string(), petition.to_string()))
        .map(|row| row.id)
        .ok_or_else(|| CliError::Usage(format!("there is no petition '{name}'")))
}

/// Standard output, or a new file only its owner can read.
fn output(out: Option<&Path>) -> Result<std::io::BufWriter<Box<dyn Write>>, CliError> {
    let sink: Box<dyn Write> = match out {
        None => Box::new(std::io::stdout()),
        Some(path) => {
            Box::new(crate::owner_only::create_new(path).map_err(|e| CliError::io(path, e))?)
        }
    };
    Ok(std::io::BufWriter::new(sink))
}

pub async fn export(config: &Config, name: &str, out_path: Option<&Path>) -> Result<(), CliError> {
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
    let id = petition_id(&store, name).await?;
    let total = store.signature_total(id).await?;
    let progress = std::io::stderr().is_terminal();
    let mut out = output(out_path)?;
    out.write_all(export::header(name).as_bytes())
        .map_err(|e| CliError::io(Path::new("-"), e))?;
    let mut written = 0i64;
    let mut purged = 0i64;
    let count = store
        .export_signatures(id, |s| {
            let (line, gone) = export::line(&s);
            purged += i64::from(gone);
            out.write_all(line.as_bytes())
                .map_err(|e| store::StoreError::Unsupported(format!("writing the export: {e}")))?;
            written += 1;
            if progress && written % 10_000 == 0 {
                eprint!("\rexported {written} of {total}");
            }
            Ok(())
        })
        .await?;
    out.flush().map_err(|e| CliError::io(Path::new("-"), e))?;
    store.close().await;
    if progress {
        eprintln!("\rexported {count} of {total}");
    }
    if purged > 0 {
        eprintln!(
            "note: {purged} signatures had their data deleted by retention; only their count remains"
        );
    }
    Ok(())
}

/// Reads an export, opens every record with the identity, writes CSV.
pub fn decrypt(identity: &Path, file: &Path, out_path: Option<&Path>) -> Result<(), CliError> {
    let key_text = std::fs::read_to_string(identity).map_err(|e| CliError::io(identity, e))?;
    let mut opener = Opener::from_identity_file(&key_text)
        .map_err(|e| CliError::Usage(format!("{}: {e}", identity.display())))?;
    let input = std::fs::File::open(file).map_err(|e| CliError::io(file, e))?;
    let mut out = output(out_path)?;
    let write_err = |e| CliError::io(Path::new("-"), e);
    out.write_all(
        csv::row(&[
            "id",
            "signed_at",
            "status",
            "name",
            "email",
            "city",
            "country",
            "public",
        ])
        .as_bytes(),
    )
    .map_err(write_err)?;
    let mut not_mine = 0u64;
    for (n, line) in std::io::BufReader::new(input).lines().enumerate() {
        let line = line.map_err(|e| CliError::io(file, e))?;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| CliError::Usage(format!("{}:{}: {what}", file.display(), n + 1));
        let mut fields = line.split('\t');
        let (Some(id), Some(_), Some(status), Some(data)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("not a line of a signature export"));
        };
        if data.is_empty() {
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
                not_mine += 1;
                continue;
            }
            Err(e) => return Err(bad(&e.to_string())),
        };
        let r: SealedRecord =
            serde_json::from_slice(&plain).map_err(|_| bad("the record's content is damaged"))?;
        let row = csv::row(&[
            id,
            &r.signed_at,
            status,
            &r.name,
            r.email.as_deref().unwrap_or(""),
            r.city.as_deref().unwrap_or(""),
            r.country.as_deref().unwrap_or(""),
            if r.public { "yes" } else { "no" },
        ]);
        out.write_all(row.as_bytes()).map_err(write_err)?;
    }
    out.flush().map_err(write_err)?;
    if not_mine > 0 {
        eprintln!(
            "{not_mine} signature(s) were not sealed to this identity's key (sealed before it was added, or to other organisers' keys only): open them with another organiser's identity"
        );
    }
    Ok(())
}

/// An age file split into its header text (through the MAC line) and payload.
fn split_age_file(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let mac_line = bytes.windows(4).position(|w| w == b"\n---")? + 1;
    let end = mac_line + bytes[mac_line..].iter().position(|&b| b == b'\n')? + 1;
    Some((std::str::from_utf8(&bytes[..end]).ok()?, &bytes[end..]))
}

pub async fn recount(config: &Config) -> Result<(), CliError> {
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
    let drifts = store.recount().await?;
    store.close().await;
    if drifts.is_empty() {
        println!("every petition's count matches its signatures");
    }
    for d in drifts {
        println!(
            "petition {}: stored {}, counted {}: fixed",
            d.petition, d.stored, d.counted
        );
    }
    Ok(())
}
