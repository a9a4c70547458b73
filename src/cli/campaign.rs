//! `svoboda campaign import | export | list`.

use std::path::Path;
use std::time::Duration;

use crate::account::{AuditAction, AuditEntry};
use crate::campaign::keys::Keys;
use crate::campaign::photo;
use crate::campaign::{Campaign, file};
use crate::config::Config;
use crate::store::{self, OpenMode, PhotoChange, SaveMode, Store};

use super::{CampaignCommand, CliError};

/// Name the photo gets inside an instance and in exports.
const PHOTO_FILE: &str = "photo.jpg";

pub async fn run(config: &Config, cmd: CampaignCommand) -> Result<(), CliError> {
    match cmd {
        CampaignCommand::Import { file } => {
            let store = store::connect(&config.database_url, OpenMode::CreateIfMissing).await?;
            let slug = import(&store, &file, config.key_change_delay).await?;
            store.close().await;
            println!("imported {slug}");
            Ok(())
        }
        CampaignCommand::Export { slug, out } => {
            let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
            let result = export(&store, &slug, out.as_deref()).await;
            store.close().await;
            result
        }
        CampaignCommand::List => {
            let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
            let summaries = store.campaign_summaries().await?;
            store.close().await;
            if summaries.is_empty() {
                println!("no campaigns yet: add one with `svoboda campaign import FILE`");
            }
            for s in summaries {
                println!(
                    "{}\t{}\t{}\tupdated {}",
                    s.slug,
                    s.status.code(),
                    s.name,
                    s.updated
                );
            }
            Ok(())
        }
    }
}

/// Reads, checks and stores a campaign file with its photo. The file's
/// organiser keys are changed as an owner would change them (see
/// `campaign::keys`): a key it adds waits `key_delay` unless the campaign
/// has none in force, and every change is audited.
pub async fn import(store: &Store, path: &Path, key_delay: Duration) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::io(path, e))?;
    let registry = store.organisations().await?;
    let mut campaign = file::parse(&text, &path.display().to_string(), &|id| {
        registry.contains(id)
    })?;
    if crate::demo::uses_demo_key(&campaign) {
        return Err(CliError::Usage(format!(
            "{}: field 'organiser_key': this is the demo's published key, whose identity anyone can download, so anyone could read the signers' data: create your own with `svoboda keys generate` (the demo itself runs with `svoboda serve --demo`)",
            path.display()
        )));
    }
    let photo = match &campaign.person.photo {
        Some(name) => {
            let photo_path = path.parent().unwrap_or(Path::new(".")).join(name);
            let bytes = std::fs::read(&photo_path).map_err(|e| {
                CliError::Usage(format!(
                    "{}: field 'person.photo': cannot read '{}': {e}",
                    path.display(),
                    photo_path.display()
                ))
            })?;
            let prepared = tokio::task::spawn_blocking(move || photo::prepare(&bytes))
                .await
                .map_err(|e| CliError::Usage(format!("processing the photo failed: {e}")))?
                .map_err(|source| CliError::Photo {
                    file: format!(
                        "{}: field 'person.photo': '{}'",
                        path.display(),
                        photo_path.display()
                    ),
                    source,
                })?;
            campaign.person.photo = Some(PHOTO_FILE.to_string());
            Some(prepared)
        }
        None => None,
    };
    change_keys(store, &campaign, key_delay).await?;
    store
        .save_campaign(
            &campaign,
            PhotoChange::from_file(photo.as_ref()),
            SaveMode::Replace,
        )
        .await?;
    Ok(campaign.slug.to_string())
}

/// Applies what the file's key list changes, and says so.
async fn change_keys(
    store: &Store,
    campaign: &Campaign,
    key_delay: Duration,
) -> Result<(), CliError> {
    let slug = campaign.slug.as_str();
    let records = store.key_records(slug).await?;
    let keys = Keys(&records);
    let now = chrono::Utc::now().timestamp();
    let plan = keys.plan_import(&campaign.organiser_keys(), now);
    let effective_at = keys.takes_effect(now, key_delay);
    let audit = |action, detail: String| AuditEntry {
        at: now,
        actor: None,
        actor_login: None,
        action,
        campaign: Some(slug.to_string()),
        detail,
    };
    for id in plan.cancel.iter().chain(&plan.remove) {
        let Some(record) = records.iter().find(|r| r.id == *id) else {
            continue;
        };
        let (action, what) = if plan.cancel.contains(id) {
            (AuditAction::OrganiserKeyCancelled, "cancelled")
        } else {
            (AuditAction::OrganiserKeyRemoved, "removed")
        };
        if store.close_key(slug, *id, None, now).await? {
            store.audit(&audit(action, record.key.clone())).await?;
            eprintln!("{slug}: organiser key {} {what}", record.key);
        }
    }
    for key in &plan.add {
        store
            .propose_key(slug, key, None, now, effective_at)
            .await?;
        let when = chrono::DateTime::from_timestamp(effective_at, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default();
        let detail = format!("{key} · {when}");
        store
            .audit(&audit(AuditAction::OrganiserKeyProposed, detail))
            .await?;
        if effective_at > now {
            eprintln!(
                "{slug}: organiser key {key} added; signatures are sealed to it from {when} (key_change_delay_hours); any owner can cancel it in the workspace until then"
            );
        }
    }
    if let Some(key) = plan.kept_last {
        eprintln!(
            "{slug}: organiser key {key} stays in force: a campaign keeps one key until another applies; import the file again once it has"
        );
    }
    Ok(())
}

async fn export(store: &Store, slug: &str, out: Option<&Path>) -> Result<(), CliError> {
    let campaign = store.campaign(slug).await?.ok_or_else(|| {
        CliError::Usage(format!(
            "there is no campaign '{slug}': see `svoboda campaign list`"
        ))
    })?;
    let registry = store.organisations().await?;
    let mut campaign = file::with_organisations(&campaign, &registry);
    let photo = store.photo(slug).await?;
    match out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| CliError::io(dir, e))?;
            campaign.person.photo = None;
            if let Some(photo) = &photo {
                let photo_path = dir.join(PHOTO_FILE);
                std::fs::write(&photo_path, &photo.jpeg)
                    .map_err(|e| CliError::io(&photo_path, e))?;
                campaign.person.photo = Some(PHOTO_FILE.to_string());
            }
            let toml_path = dir.join("campaign.toml");
            let text = file::to_toml(&campaign).map_err(|e| CliError::Usage(e.to_string()))?;
            std::fs::write(&toml_path, text).map_err(|e| CliError::io(&toml_path, e))?;
            eprintln!("exported {slug} to {}", toml_path.display());
        }
        None => {
            if photo.is_some() {
                eprintln!("note: the photo is not printed; use --out DIR to export it too");
            }
            campaign.person.photo = None;
            let text = file::to_toml(&campaign).map_err(|e| CliError::Usage(e.to_string()))?;
            print!("{text}");
        }
    }
    Ok(())
}
