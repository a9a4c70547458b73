//! `svoboda updates import-telegram`.

use std::path::Path;

use crate::campaign::telegram;
use crate::campaign::{Lang, Localized, Slug, Update};
use crate::config::Config;
use crate::store::{self, OpenMode, PhotoChange, SaveMode};

use super::CliError;

pub async fn import_telegram(
    config: &Config,
    slug: &str,
    export: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    let json = std::fs::read_to_string(export).map_err(|e| CliError::io(export, e))?;
    let posts = telegram::posts(&json)
        .map_err(|e| CliError::Usage(format!("{}: {e}", export.display())))?;
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
    let result = async {
        let mut campaign = store.campaign(slug).await?.ok_or_else(|| {
            CliError::Usage(format!("no campaign '{slug}': see `svoboda campaign list`"))
        })?;
        let (mut added, mut skipped, mut photos) = (0usize, 0usize, 0usize);
        let total = posts.len();
        for (n, post) in posts.into_iter().enumerate() {
            let id = post.update_id();
            if campaign.update(&id).is_some() {
                skipped += 1;
                continue;
            }
            if let Some(relative) = &post.photo {
                // Through the same path as a campaign's photo: re-encoded,
                // so no EXIF (location, camera) of the original is kept.
                let path = export.parent().unwrap_or(Path::new(".")).join(relative);
                let bytes = std::fs::read(&path).map_err(|e| CliError::io(&path, e))?;
                let photo = crate::campaign::photo::prepare(&bytes)
                    .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
                store.save_update_photo(slug, &id, &photo).await?;
                photos += 1;
            }
            let one = |text: String| Localized::new([(lang, text)]);
            campaign.updates.push(Update {
                id: Slug::parse(&id).map_err(|e| CliError::Usage(e.to_string()))?,
                date: post.date,
                title: one(post.title),
                body: one(post.body),
            });
            added += 1;
            eprintln!("[{}/{total}] {id} {}", n + 1, post.date);
        }
        if added > 0 {
            store
                .save_campaign(&campaign, PhotoChange::Keep, SaveMode::Replace)
                .await?;
        }
        println!(
            "{slug}: {added} post(s) added as updates ({photos} with a photo), {skipped} imported before"
        );
        Ok::<(), CliError>(())
    }
    .await;
    store.close().await;
    result
}
