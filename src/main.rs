use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use svoboda::cli::{self, Cli};
use svoboda::config::LogLevel;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // Everything this process creates (database, backups, mail files,
    // exports, the secret) is for its owner only.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    let cli = Cli::parse();
    let level = match cli::log_level(&cli) {
        LogLevel::Error => tracing::Level::ERROR,
        LogLevel::Warn => tracing::Level::WARN,
        LogLevel::Info => tracing::Level::INFO,
        LogLevel::Debug => tracing::Level::DEBUG,
    };
    // sqlx reports PostgreSQL notices ("relation already exists, skipping")
    // at info level: noise for organisers running a command.
    let filter = Targets::new()
        .with_default(level)
        .with_target("sqlx", tracing::Level::WARN.min(level));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                // Colour codes only for a person at a terminal, never in a file or journal.
                .with_ansi(std::io::stderr().is_terminal()),
        )
        .with(filter)
        .init();
    match cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
