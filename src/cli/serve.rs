//! `svoboda serve`.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::config::{Config, MailSettings};
use crate::mail::outbox::Sender;
use crate::mail::transport::Transport;
use crate::petition::secret::{InstanceSecret, SecretError};
use crate::petition::service::PetitionService;
use crate::store::{self, OpenMode, redact};
use crate::web::{AppState, Clock, WebSettings};

use super::CliError;

pub async fn run(config: Config, demo: bool) -> Result<(), CliError> {
    let store = store::connect(&config.database_url, OpenMode::CreateIfMissing).await?;
    if demo {
        let loaded = crate::demo::load(&store).await?;
        if loaded {
            tracing::info!("demo campaign loaded");
        }
    }
    let settings = WebSettings {
        public_url: config.public_url.clone(),
        default_lang: config.default_language,
        refresh_interval: config.refresh_interval,
    };
    // The nightly-style check, at every start: counters must match their rows.
    for d in store.recount().await? {
        tracing::warn!(
            petition = d.petition,
            stored = d.stored,
            counted = d.counted,
            "fixed a signature count that had drifted"
        );
    }
    let secret = Arc::new(load_secret(&config.petitions.secret_file)?);
    let petitions = PetitionService::start(
        store.clone(),
        secret.clone(),
        config.petitions.clone(),
        config.public_url.clone(),
    )
    .await?;
    let sender = match &config.mail {
        MailSettings::Hold => {
            tracing::warn!("mail_transport = \"hold\": mail waits in the outbox and is not sent");
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
    let state = AppState::new(store.clone(), settings, Clock::System, petitions).await?;
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
    // Connection addresses reach the rate limiter only, in memory.
    let app = crate::app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| CliError::Usage(format!("the server stopped: {e}")))?;
    refresher.abort();
    if let Some(sender) = sender {
        sender.abort();
    }
    maintenance.abort();
    store.close().await;
    Ok(())
}

/// The instance secret: `SVOBODA_SECRET`, or the file, created on first run.
fn load_secret(path: &Path) -> Result<InstanceSecret, CliError> {
    let bad = |e: SecretError, from: &str| CliError::Usage(format!("{from}: {e}"));
    if let Ok(hex) = std::env::var("SVOBODA_SECRET") {
        return InstanceSecret::from_hex(&hex).map_err(|e| bad(e, "SVOBODA_SECRET"));
    }
    match std::fs::read_to_string(path) {
        Ok(text) => {
            InstanceSecret::from_hex(&text).map_err(|e| bad(e, &path.display().to_string()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let hex = InstanceSecret::generate_hex();
            write_private(path, &format!("{hex}\n")).map_err(|e| CliError::io(path, e))?;
            tracing::info!(file = %path.display(), "created the instance secret; back it up with the database");
            InstanceSecret::from_hex(&hex).map_err(|e| bad(e, "generated secret"))
        }
        Err(e) => Err(CliError::io(path, e)),
    }
}

/// Writes a file only its owner can read.
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
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
