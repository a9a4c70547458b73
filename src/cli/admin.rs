//! `svoboda admin`: what only a shell on the server can do for the
//! workspace: invite its first owner (or a new one, when every owner lost
//! their access).

use std::sync::Arc;

use crate::account::service::Accounts;
use crate::account::{Grant, INVITATION_HOURS, Role};
use crate::config::Config;
use crate::store::{self, OpenMode};

use super::{AdminRole, CliError, secret};

pub async fn invite(
    config: &Config,
    role: AdminRole,
    campaign: Option<String>,
) -> Result<(), CliError> {
    let store = store::connect(&config.database_url, OpenMode::CreateIfMissing).await?;
    let grant = match (role, campaign) {
        (AdminRole::Owner, None) => None,
        (AdminRole::Owner, Some(_)) => {
            return Err(CliError::Usage(
                "an owner works on every campaign: leave out --campaign".into(),
            ));
        }
        (role, Some(slug)) => {
            if store
                .campaigns()
                .await?
                .iter()
                .all(|c| c.slug.as_str() != slug)
            {
                return Err(CliError::Usage(format!(
                    "there is no campaign '{slug}' (svoboda campaign list shows them)"
                )));
            }
            let role = match role {
                AdminRole::Editor => Role::Editor,
                _ => Role::Delivery,
            };
            Some(Grant {
                campaign: slug,
                role,
            })
        }
        (_, None) => {
            return Err(CliError::Usage(
                "an editor or delivery role is for one campaign: add --campaign SLUG".into(),
            ));
        }
    };
    let secret = Arc::new(secret::load(&config.petitions.secret_file)?);
    let accounts = Accounts::new(store.clone(), secret, config.sessions);
    let now = chrono::Utc::now().timestamp();
    let token = accounts
        .invite(grant.is_none(), grant.as_ref(), None, now)
        .await?;
    store.close().await;
    println!(
        "{}{}",
        config.public_url,
        crate::web::admin::paths::invitation(config.default_language, &token)
    );
    eprintln!(
        "This link works once, for {INVITATION_HOURS} hours. Open it yourself, or send it over a safe channel."
    );
    Ok(())
}
