//! `svoboda serve`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::config::{Config, MailSettings};
use crate::mail::outbox::Sender;
use crate::mail::transport::Transport;
use crate::petition::service::PetitionService;
use crate::store::{self, DatabaseUrl, OpenMode, redact};
use crate::web::{AppState, Clock, WebSettings};

use super::{CliError, secret};

/// What the web layer takes from the configuration.
pub fn web_settings(config: &Config) -> WebSettings {
    let mail_held = config.mail == MailSettings::Hold;
    WebSettings {
        public_url: config.public_url.clone(),
        mirrors: config.mirrors.clone(),
        onion_url: config.onion_url.clone(),
        default_lang: config.default_language,
        refresh_interval: config.refresh_interval,
        health_notes: if mail_held {
            vec![MAIL_HELD_NOTE.to_string()]
        } else {
            Vec::new()
        },
        sessions: config.sessions,
        key_change_delay: config.key_change_delay,
        mail: config.mail.clone(),
        demo: config.demo,
        admin_apart: config.admin_addr.is_some(),
    }
}

/// Said at start and by `/healthz` when no mail transport is configured.
pub const MAIL_HELD_NOTE: &str = "mail is held in the outbox and not sent: no mail_transport is configured (set mail_transport = \"smtp\")";

pub async fn run(config: Config) -> Result<(), CliError> {
    super::ensure_data_dir(&config)?;
    let store = store::connect(&config.database_url, OpenMode::CreateIfMissing).await?;
    warn_if_exposed(&config);
    if config.demo {
        let loaded = crate::demo::load(&store).await?;
        if loaded {
            tracing::info!("demo campaign loaded");
        }
    } else {
        refuse_demo_key(&store).await?;
    }
    let settings = web_settings(&config);
    // The nightly-style check, at every start: counters must match their rows.
    for d in store.recount().await? {
        tracing::warn!(
            petition = d.petition,
            stored = d.stored,
            counted = d.counted,
            "fixed a signature count that had drifted"
        );
    }
    let secret = Arc::new(secret::load(&config.petitions.secret_file)?);
    let petitions =
        PetitionService::start(store.clone(), secret.clone(), config.petitions.clone()).await?;
    let sender = match &config.mail {
        MailSettings::Hold => {
            eprintln!("note: {MAIL_HELD_NOTE}");
            None
        }
        settings => {
            let transport =
                Transport::from_settings(settings).map_err(|e| CliError::Usage(e.to_string()))?;
            let sender = Sender {
                store: store.clone(),
                secret,
                transport,
                poll: Duration::from_secs(1),
            };
            Some(sender.spawn())
        }
    };
    let maintenance = petitions.spawn_maintenance(store.clone(), Duration::from_secs(600));
    let state = AppState::new(store.clone(), settings, Clock::system(), petitions).await?;
    let refresher = state.spawn_refresher();
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| CliError::Usage(format!("cannot listen on {}: {e}", config.addr)))?;
    eprintln!(
        "Svoboda is serving http://{} ({} database {})",
        config.addr,
        store.backend(),
        redact(&config.database_url)
    );
    let admin = match config.admin_addr {
        Some(addr) => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| CliError::Usage(format!("cannot listen on {addr}: {e}")))?;
            eprintln!(
                "The workspace is served at http://{addr}/admin (and not on {})",
                config.addr
            );
            let app =
                axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
                    SocketAddr,
                >(crate::admin_app(state.clone()));
            Some(tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, app)
                    .with_graceful_shutdown(shutdown_signal())
                    .await
                {
                    tracing::error!(error = %e, "the workspace listener stopped");
                }
            }))
        }
        None => None,
    };
    // Connection addresses reach the rate limiters only, in memory.
    let app = axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
        SocketAddr,
    >(crate::app(state));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| CliError::Usage(format!("the server stopped: {e}")))?;
    refresher.abort();
    if let Some(admin) = admin {
        admin.abort();
    }
    if let Some(sender) = sender {
        sender.abort();
    }
    maintenance.abort();
    store.close().await;
    Ok(())
}

/// Outside the demo, a campaign sealed to the published demo key would let
/// anyone read its signers: refuse to serve it.
async fn refuse_demo_key(store: &store::Store) -> Result<(), CliError> {
    for campaign in store.campaigns().await? {
        if crate::demo::uses_demo_key(&campaign) {
            return Err(CliError::Usage(format!(
                "campaign '{}' seals signatures to the published demo key, which anyone can read: give it your own organiser_key (svoboda keys generate) and import it again, or run with --demo",
                campaign.slug
            )));
        }
    }
    Ok(())
}

/// Warns when the database or the mail folder lies in a git work tree
/// without being ignored: a `git add -A` would publish them.
fn warn_if_exposed(config: &Config) {
    let mut places = Vec::new();
    if let Ok(DatabaseUrl::Sqlite(path)) = DatabaseUrl::parse(&config.database_url) {
        places.push(path);
    }
    if let MailSettings::Directory { path, .. } = &config.mail {
        places.push(path.clone());
    }
    for path in places {
        if secret::exposed_to_git(&path) {
            tracing::warn!(path = %path.display(), "this lies in a git work tree and is not ignored: keep signers' data out of repositories");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
