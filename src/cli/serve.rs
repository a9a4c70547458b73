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
    WebSettings {
        public_url: config.public_url.clone(),
        mirrors: config.mirrors.clone(),
        onion_url: config.onion_url.clone(),
        default_lang: config.default_language,
        languages: config.languages.clone(),
        refresh_interval: config.refresh_interval,
        page_cache_bytes: config.page_cache_bytes,
        health_notes: mail_held_note(config)
            .map(str::to_string)
            .into_iter()
            .collect(),
        sessions: config.sessions,
        key_change_delay: config.key_change_delay,
        mail: config.mail.clone(),
        demo: config.demo,
        admin_apart: config.admin_addr.is_some(),
        workspace_url: config.workspace_url.clone(),
        // Checked when the configuration was read.
        letter_words: std::sync::Arc::new(
            crate::letters::checker::load_lists(config.letters_words_dir.as_deref())
                .unwrap_or_else(|_| crate::letters::checker::load_lists(None).unwrap_or_default()),
        ),
        letters: config.letters,
    }
}

/// Said at start and by `/healthz` when mail is held: not configured, or
/// held on purpose (a mail server's maintenance).
pub fn mail_held_note(config: &Config) -> Option<&'static str> {
    match (&config.mail, config.mail_hold_chosen) {
        (MailSettings::Hold, false) => Some(
            "mail is held in the outbox and not sent: no mail_transport is configured (set mail_transport = \"smtp\")",
        ),
        (MailSettings::Hold, true) => Some(
            "mail is held in the outbox and not sent, as configured (mail_transport = \"hold\"); it is sent once another transport is set",
        ),
        _ => None,
    }
}

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
            if let Some(note) = mail_held_note(&config) {
                eprintln!("note: {note}");
            }
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
    let letters_retention =
        crate::letters::retention::spawn(store.clone(), settings.letters, Duration::from_secs(600));
    let state = AppState::new(store.clone(), settings, Clock::system(), petitions).await?;
    let refresher = state.spawn_refresher();
    let peers = tokio::spawn(crate::peers::run(
        store.clone(),
        config.peers_fetch_interval,
    ));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| CliError::Usage(format!("cannot listen on {}: {e}", config.addr)))?;
    eprintln!(
        "Svoboda is serving http://{} ({} database {})",
        config.addr,
        store.backend(),
        redact(&config.database_url)
    );
    // `svoboda admin invite` links to where the workspace answers.
    store
        .set_instance_note(store::instance_notes::WORKSPACE_URL, &config.workspace_url)
        .await?;
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
    peers.abort();
    if let Some(admin) = admin {
        admin.abort();
    }
    if let Some(sender) = sender {
        sender.abort();
    }
    maintenance.abort();
    letters_retention.abort();
    store.close().await;
    Ok(())
}

/// Outside the demo, a campaign sealed to the published demo key would let
/// anyone read its signers: refuse to serve it.
async fn refuse_demo_key(store: &store::Store) -> Result<(), CliError> {
    let mut sealed_to_demo_key = None;
    let now = chrono::Utc::now().timestamp();
    store
        .for_each_campaign(now, |campaign| {
            if sealed_to_demo_key.is_none() && crate::demo::uses_demo_key(&campaign) {
                sealed_to_demo_key = Some(campaign.slug);
            }
            Ok(())
        })
        .await?;
    match sealed_to_demo_key {
        Some(slug) => Err(CliError::Usage(format!(
            "campaign '{slug}' seals signatures to the published demo key, which anyone can read: give it your own organiser_key (svoboda keys generate) and import it again, or run with --demo"
        ))),
        None => Ok(()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{FileConfig, Overrides};

    fn note_for(file: &str) -> Option<&'static str> {
        let file = FileConfig::parse(file).expect("valid");
        mail_held_note(&Config::resolve(file, Overrides::default()))
    }

    #[test]
    fn held_mail_is_named_as_chosen_or_as_unconfigured() {
        assert!(note_for("").is_some_and(|n| n.contains("no mail_transport is configured")));
        let chosen = note_for("mail_transport = \"hold\"").expect("a note");
        assert!(chosen.contains("as configured") && !chosen.contains("no mail_transport"));
        assert_eq!(
            note_for("mail_transport = \"directory\"\nmail_directory = \"/tmp/m\""),
            None
        );
    }
}
