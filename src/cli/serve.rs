//! `svoboda serve`.

use crate::config::Config;
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
    let state = AppState::new(store.clone(), settings, Clock::System).await?;
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
    axum::serve(listener, crate::app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| CliError::Usage(format!("the server stopped: {e}")))?;
    refresher.abort();
    store.close().await;
    Ok(())
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
