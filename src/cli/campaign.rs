//! `svoboda campaign import | export | list`.

use std::path::Path;

use crate::campaign::file;
use crate::campaign::photo;
use crate::config::Config;
use crate::store::{self, OpenMode, PhotoChange, SaveMode, Store};

use super::{CampaignCommand, CliError};

/// Name the photo gets inside an instance and in exports.
const PHOTO_FILE: &str = "photo.jpg";

pub async fn run(config: &Config, cmd: CampaignCommand) -> Result<(), CliError> {
    match cmd {
        CampaignCommand::Import { file } => {
            let store = store::connect(&config.database_url, OpenMode::CreateIfMissing).await?;
            let slug = import(&store, &file).await?;
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

/// Reads, checks and stores a campaign file with its photo; all or nothing.
pub async fn import(store: &Store, path: &Path) -> Result<String, CliError> {
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
    store
        .save_campaign(
            &campaign,
            PhotoChange::from_file(photo.as_ref()),
            SaveMode::Replace,
        )
        .await?;
    Ok(campaign.slug.to_string())
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
