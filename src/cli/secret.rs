//! The instance secret's file: loading it with the checks that keep a
//! careless setup from serving with a secret others can know, and
//! `svoboda secret destroy`, the panic button.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::config::Config;
use crate::petition::secret::{InstanceSecret, SecretError};
use crate::store::{self, OpenMode};

use super::CliError;

/// The environment variable that overrides the secret file.
pub const SECRET_ENV: &str = "SVOBODA_SECRET";

/// The instance secret: `SVOBODA_SECRET`, or the file, created on first run.
/// Refuses a file that git tracks, that group or others may read, or that
/// holds a published value.
/// The instance secret of a server that has run: never created here.
pub fn load_existing(path: &Path) -> Result<InstanceSecret, CliError> {
    if std::env::var(SECRET_ENV).is_err() && !path.exists() {
        return Err(CliError::Usage(format!(
            "there is no instance secret at '{}': start `svoboda serve` once to create it (with --demo for the demo)",
            path.display()
        )));
    }
    load(path)
}

pub fn load(path: &Path) -> Result<InstanceSecret, CliError> {
    let bad = |e: SecretError, from: &str| CliError::Usage(format!("{from}: {e}"));
    if let Ok(hex) = std::env::var(SECRET_ENV) {
        return InstanceSecret::from_hex(&hex).map_err(|e| bad(e, SECRET_ENV));
    }
    match std::fs::read_to_string(path) {
        Ok(text) => {
            check_file(path)?;
            InstanceSecret::from_hex(&text).map_err(|e| bad(e, &path.display().to_string()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let hex = InstanceSecret::generate_hex();
            write_private(path, &format!("{hex}\n")).map_err(|e| CliError::io(path, e))?;
            check_file(path)?;
            tracing::info!(file = %path.display(), "created the instance secret; keep it apart from backups of the database");
            InstanceSecret::from_hex(&hex).map_err(|e| bad(e, "generated secret"))
        }
        Err(e) => Err(CliError::io(path, e)),
    }
}

/// The checks on a secret file that exists.
fn check_file(path: &Path) -> Result<(), CliError> {
    let shown = path.display();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(|e| CliError::io(path, e))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(CliError::Usage(format!(
                "the secret file {shown} may be read by group or others (mode {:o}): run `chmod 600 {shown}`",
                mode & 0o777
            )));
        }
    }
    if tracked_by_git(path) {
        return Err(CliError::Usage(format!(
            "the secret file {shown} is tracked by git, so it is as public as the repository: `git rm --cached` it, then `svoboda secret destroy` to make a new one"
        )));
    }
    Ok(())
}

/// Whether git tracks `path` in the work tree it lies in. False when git is
/// not installed or the file is not in a work tree.
pub fn tracked_by_git(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let args = [
        OsStr::new("ls-files"),
        OsStr::new("--error-unmatch"),
        OsStr::new("--"),
        name,
    ];
    git_succeeds(folder_of(path), args)
}

/// Whether `path` lies in a git work tree without being ignored: a
/// `git add -A` there would publish it.
pub fn exposed_to_git(path: &Path) -> bool {
    let dir = if path.is_dir() { path } else { folder_of(path) };
    let name = path.file_name().unwrap_or(path.as_os_str());
    git_succeeds(dir, ["rev-parse", "--is-inside-work-tree"].map(OsStr::new))
        && !git_succeeds(
            dir,
            [
                OsStr::new("check-ignore"),
                OsStr::new("-q"),
                OsStr::new("--"),
                name,
            ],
        )
}

/// The folder a file lies in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Runs `git -C dir ARGS` quietly; false when it fails or git is missing.
fn git_succeeds<const N: usize>(dir: &Path, args: [&OsStr; N]) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `svoboda secret generate FILE`.
pub fn generate(path: &Path) -> Result<(), CliError> {
    let hex = InstanceSecret::generate_hex();
    write_private(path, &format!("{hex}\n")).map_err(|e| CliError::io(path, e))?;
    println!(
        "wrote a new instance secret to {} (mode 600); keep it apart from backups of the database",
        path.display()
    );
    Ok(())
}

/// Writes a new file only its owner can read.
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = crate::owner_only::create_new(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Overwrites a file's bytes in place before unlinking it, so the old
/// content is not left in the file's blocks (as far as the filesystem
/// rewrites in place; see SECURITY.md).
fn shred(path: &Path) -> std::io::Result<()> {
    let len = std::fs::metadata(path)?.len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut noise = vec![0u8; usize::try_from(len).unwrap_or(0)];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut noise);
    file.write_all(&noise)?;
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)
}

/// `svoboda secret destroy`.
pub async fn destroy(config: &Config) -> Result<(), CliError> {
    let path = &config.petitions.secret_file;
    let store = store::connect(&config.database_url, OpenMode::MustExist).await?;
    let report = store.forget_addresses().await?;
    // A seized laptop may hold an open workspace session.
    let sessions = store.end_all_sessions().await?;
    store.close().await;
    let mut lines = vec![
        format!(
            "cleared the keyed address hash of {} signatures",
            report.hashes_cleared
        ),
        format!(
            "emptied the outbox: {} messages deleted unsent",
            report.outbox_deleted
        ),
        format!("signed out every workspace session: {sessions} ended"),
    ];
    match shred(path) {
        Ok(()) => lines.push(format!("overwrote and removed {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            lines.push(format!("there was no secret file at {}", path.display()))
        }
        Err(e) => return Err(CliError::io(path, e)),
    }
    write_private(path, &format!("{}\n", InstanceSecret::generate_hex()))
        .map_err(|e| CliError::io(path, e))?;
    lines.push(format!("wrote a new secret to {}", path.display()));
    for line in lines {
        println!("{line}");
    }
    println!(
        "Pending confirmation and withdrawal links no longer work, and a signer who signs again is counted again. Restart every `svoboda serve` of this instance now: a running one still holds the old secret in memory."
    );
    println!(
        "Authenticator apps of the workspace were set up under the old secret: each organiser signs in once with a recovery code, then sets up the app again under My account."
    );
    if std::env::var_os(SECRET_ENV).is_some() {
        println!(
            "{SECRET_ENV} is set in this environment and overrides the file: remove it from wherever it is kept."
        );
    }
    Ok(())
}
