//! `svoboda keys generate` and `svoboda signatures export | decrypt | recount`.
//!
//! The export's format is `petition::export`'s; `decrypt` opens every line
//! with the organisers' identity and writes CSV for delivering the petition.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::config::Config;
use crate::petition::export::PetitionText;
use crate::petition::seal::{Opener, generate_keys};
use crate::petition::{csv, export, pdf, screening};
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
async fn petition_of(
    store: &Store,
    name: &str,
    languages: &[crate::campaign::Lang],
) -> Result<(i64, PetitionText), CliError> {
    let (campaign, petition) = name.split_once('/').ok_or_else(|| {
        CliError::Usage(format!(
            "name the petition as CAMPAIGN/PETITION, e.g. boris-romanov/{name}"
        ))
    })?;
    let missing = || CliError::Usage(format!("there is no petition '{name}'"));
    let id = store
        .petitions()
        .await?
        .get(&(campaign.to_string(), petition.to_string()))
        .map(|row| row.id)
        .ok_or_else(missing)?;
    let registry = store.organisations().await?;
    let found = store.campaign(campaign).await?.ok_or_else(missing)?;
    let text = found
        .petition(petition)
        .map(|p| PetitionText::of(p, &registry, languages))
        .ok_or_else(missing)?;
    Ok((id, text))
}

/// Standard output, or a new file only its owner can read.
pub(super) fn output(out: Option<&Path>) -> Result<std::io::BufWriter<Box<dyn Write>>, CliError> {
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
    let (id, text) = petition_of(&store, name, &config.languages).await?;
    let total = store.signature_total(id).await?;
    let progress = std::io::stderr().is_terminal();
    let mut out = output(out_path)?;
    out.write_all(export::header(name, &text).as_bytes())
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

/// The opener of an identity file, and the export `file` to read with it.
pub(super) fn opener_and_input(
    identity: &Path,
    file: &Path,
) -> Result<(Opener, std::io::BufReader<std::fs::File>), CliError> {
    let key_text = std::fs::read_to_string(identity).map_err(|e| CliError::io(identity, e))?;
    let opener = Opener::from_identity_file(&key_text)
        .map_err(|e| CliError::Usage(format!("{}: {e}", identity.display())))?;
    let input = std::fs::File::open(file).map_err(|e| CliError::io(file, e))?;
    Ok((opener, std::io::BufReader::new(input)))
}

/// Says how many records (`what`) another organiser's identity must open.
pub(super) fn report_other_keys(count: u64, what: &str) {
    if count > 0 {
        eprintln!(
            "{count} {what}(s) were not sealed to this identity's key (sealed before it was added, or to other organisers' keys only): open them with another organiser's identity"
        );
    }
}

/// Opens an export with an identity file.
fn open_export(identity: &Path, file: &Path) -> Result<export::Opened, CliError> {
    let (mut opener, input) = opener_and_input(identity, file)?;
    let opened = export::open(input, &mut opener)
        .map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    report_other_keys(opened.not_sealed_to_this_key, "signature");
    Ok(opened)
}

/// Reads an export, opens every record with the identity, writes CSV.
pub fn decrypt(identity: &Path, file: &Path, out_path: Option<&Path>) -> Result<(), CliError> {
    let opened = open_export(identity, file)?;
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
    for s in &opened.signatures {
        let r = &s.record;
        let row = csv::row(&[
            &s.id,
            &r.signed_at,
            s.standing.code(),
            &r.name,
            r.email.as_deref().unwrap_or(""),
            r.city.as_deref().unwrap_or(""),
            r.country.as_deref().unwrap_or(""),
            if r.public { "yes" } else { "no" },
        ]);
        out.write_all(row.as_bytes()).map_err(write_err)?;
    }
    out.flush().map_err(write_err)
}

/// Writes the delivery document of an export: confirmed signatures only,
/// likely duplicates and throwaway addresses reported (and left out with
/// `exclude_suspect`).
pub fn pdf(
    identity: &Path,
    file: &Path,
    lang: crate::campaign::Lang,
    exclude_suspect: bool,
    out_path: Option<&Path>,
) -> Result<(), CliError> {
    if out_path.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "the PDF goes to standard output: redirect it (> petition.pdf) or use --out FILE"
                .into(),
        ));
    }
    let opened = open_export(identity, file)?;
    let text = opened.text.clone().ok_or_else(|| {
        CliError::Usage(format!(
            "{}: this export carries no petition text (made before Svoboda wrote it): export it again",
            file.display()
        ))
    })?;
    let confirmed: Vec<&export::OpenedSignature> = opened
        .signatures
        .iter()
        .filter(|s| s.standing == export::Standing::Confirmed)
        .collect();
    let records: Vec<&crate::petition::service::SealedRecord> =
        confirmed.iter().map(|s| &s.record).collect();
    let suspects = screening::screen(&records);
    for suspect in &suspects {
        let r = records[suspect.index];
        let why = match &suspect.reason {
            screening::Reason::SameAs(first) => format!(
                "the same name and city as signature {}",
                confirmed[*first].id
            ),
            screening::Reason::Disposable(domain) => format!("a throwaway address at {domain}"),
        };
        eprintln!(
            "suspect: signature {} ({}, {}): {why}",
            confirmed[suspect.index].id,
            r.name,
            r.city.as_deref().unwrap_or("-")
        );
    }
    let left_out: std::collections::HashSet<usize> = if exclude_suspect {
        suspects.iter().map(|s| s.index).collect()
    } else {
        Default::default()
    };
    let tr = crate::i18n::Tr::new(lang);
    let rows: Vec<pdf::Row> = records
        .iter()
        .enumerate()
        .filter(|(i, _)| !left_out.contains(i))
        .map(|(_, r)| pdf::Row {
            name: r.name.clone(),
            city: r.city.clone().unwrap_or_default(),
            country: r.country.clone().unwrap_or_default(),
            date: chrono::DateTime::parse_from_rfc3339(&r.signed_at)
                .map(|t| tr.date(t.date_naive()))
                .unwrap_or_default(),
        })
        .collect();
    let bytes = pdf::render(&text, &rows, lang).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut out = output(out_path)?;
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io(Path::new("-"), e))?;
    let unconfirmed = opened.signatures.len() - confirmed.len();
    eprintln!(
        "{}: {} signatures in the document; {} likely duplicates or throwaway addresses {}; {} unconfirmed left out",
        opened.petition,
        rows.len(),
        suspects.len(),
        if exclude_suspect {
            "left out"
        } else {
            "kept (--exclude-suspect leaves them out)"
        },
        unconfirmed
    );
    Ok(())
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
