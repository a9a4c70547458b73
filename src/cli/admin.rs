//! `svoboda admin`: what only a shell on the server can do for the
//! workspace: invite its first owner (or a new one, when every owner lost
//! their access).

use std::sync::Arc;

use crate::account::service::Accounts;
use crate::account::{Grant, INVITATION_HOURS, Role};
use crate::config::Config;
use crate::store::instance_notes::WORKSPACE_URL;
use crate::store::{self, OpenMode};

use super::{AdminRole, CliError, secret};

/// Prints an invitation link, to the workspace of the server that runs on
/// this database (`public_url` when given). Creates nothing but the
/// invitation: the database and the secret are the server's.
pub async fn invite(
    config: &Config,
    role: AdminRole,
    campaign: Option<String>,
    public_url: Option<String>,
) -> Result<(), CliError> {
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
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
                AdminRole::Letters => Role::Letters,
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
    let secret = Arc::new(secret::load_existing(&config.petitions.secret_file)?);
    let accounts = Accounts::new(store.clone(), secret, config.sessions);
    let now = chrono::Utc::now().timestamp();
    let token = accounts
        .invite(grant.is_none(), grant.as_ref(), None, now)
        .await?;
    let base = match public_url {
        Some(url) => url,
        None => store
            .instance_note(WORKSPACE_URL)
            .await?
            .unwrap_or_else(|| config.public_url.clone()),
    };
    store.close().await;
    println!(
        "{}{}",
        base.trim_end_matches('/'),
        crate::web::admin::paths::invitation(config.default_language, &token)
    );
    eprintln!(
        "This link works once, for {INVITATION_HOURS} hours. Open it yourself, or send it over a safe channel."
    );
    Ok(())
}
