//! `svoboda mirror export`.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::petition::secret::InstanceSecret;
use crate::petition::service::PetitionService;
use crate::store::{self, OpenMode};
use crate::web::static_copy::{self, Progress};
use crate::web::{AppState, Clock};

use super::CliError;

pub async fn export(config: &Config, dir: &Path, url: Option<&str>) -> Result<(), CliError> {
    let url = url
        .map(|u| {
            crate::config::site_base(u).ok_or_else(|| {
                CliError::Usage(format!(
                    "--url '{u}' is not an address like https://mirror.example"
                ))
            })
        })
        .transpose()?;
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
    // A copy carries no form stamps and sends no mail: the instance secret
    // only signs the directory for peers. Without it here the copy has no
    // such document (one signed by another key would be refused by peers).
    let secret = match super::secret::load_existing(&config.petitions.secret_file) {
        Ok(secret) => secret,
        Err(_) => {
            eprintln!(
                "no instance secret here: the copy has no signed directory for peers ({})",
                crate::web::public::api::directory::PATH
            );
            InstanceSecret::throwaway()
        }
    };
    let petitions =
        PetitionService::start(store.clone(), Arc::new(secret), config.petitions.clone()).await?;
    let state = AppState::new(
        store.clone(),
        super::serve::web_settings(config),
        Clock::system(),
        petitions,
    )
    .await?;
    let report = static_copy::export(state, dir, url.as_deref(), |step| match step {
        Progress::Written(file) => eprintln!("written  {file}"),
        Progress::Removed(file) => eprintln!("removed  {file}"),
    })
    .await
    .map_err(|e| CliError::Usage(e.to_string()))?;
    store.close().await;
    println!(
        "{}: {} files, {} written, {} unchanged, {} removed; forms post to {}",
        dir.display(),
        report.files,
        report.written,
        report.files - report.written,
        report.removed,
        config.public_url
    );
    Ok(())
}
