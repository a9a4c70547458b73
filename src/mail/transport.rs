//! Where mail goes: an SMTP server, or a folder of .eml files.

use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::OutgoingMail;
use crate::config::{MailSettings, SmtpTls};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the sender address '{0}' is invalid")]
    BadFrom(String),
    /// Worth trying again later.
    #[error("sending failed: {0}")]
    Transient(String),
    /// Trying again will not help (a malformed address...).
    #[error("the message cannot be sent: {0}")]
    Permanent(String),
}

pub enum Transport {
    Smtp {
        mailer: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// Development and the demo: files only the owner reads, deleted after `keep`.
    Directory {
        path: PathBuf,
        from: Mailbox,
        keep: Duration,
        log_links: bool,
    },
}

impl Transport {
    pub fn from_settings(settings: &MailSettings) -> Result<Transport, MailError> {
        let parse_from = |from: &str| {
            from.parse::<Mailbox>()
                .map_err(|_| MailError::BadFrom(from.to_string()))
        };
        match settings {
            MailSettings::Hold => Err(MailError::Permanent(
                "mail is held: there is no transport".into(),
            )),
            MailSettings::Directory {
                path,
                from,
                keep,
                log_links,
            } => Ok(Transport::Directory {
                path: path.clone(),
                from: parse_from(from)?,
                keep: *keep,
                log_links: *log_links,
            }),
            MailSettings::Smtp {
                host,
                port,
                tls,
                username,
                password,
                from,
            } => {
                let builder = match tls {
                    SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
                    SmtpTls::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                        host,
                    )),
                }
                .map_err(|e| MailError::Permanent(e.to_string()))?;
                let mut builder = builder
                    .port(*port)
                    .timeout(Some(std::time::Duration::from_secs(20)));
                if let (Some(user), Some(pass)) = (username, password) {
                    builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
                }
                Ok(Transport::Smtp {
                    mailer: builder.build(),
                    from: parse_from(from)?,
                })
            }
        }
    }

    fn build(from: &Mailbox, mail: &OutgoingMail) -> Result<Message, MailError> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|_| MailError::Permanent("the recipient address is malformed".to_string()))?;
        Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.text.clone())
            .map_err(|e| MailError::Permanent(e.to_string()))
    }

    pub async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        match self {
            Transport::Smtp { mailer, from } => {
                let message = Self::build(from, mail)?;
                mailer.send(message).await.map(|_| ()).map_err(|e| {
                    if e.is_permanent() {
                        MailError::Permanent(e.to_string())
                    } else {
                        MailError::Transient(e.to_string())
                    }
                })
            }
            Transport::Directory {
                path,
                from,
                log_links,
                ..
            } => {
                let message = Self::build(from, mail)?;
                let name = format!(
                    "{}-{:016x}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    rand::random::<u64>()
                );
                let bytes = message.formatted();
                let dir = path.clone();
                tokio::task::spawn_blocking(move || write_private_file(&dir, &name, &bytes))
                    .await
                    .map_err(|e| MailError::Transient(e.to_string()))?
                    .map_err(|e| MailError::Transient(e.to_string()))?;
                if *log_links {
                    // Demo only: links are bearer tokens, logs travel further than mail.
                    tracing::info!(links = ?mail.links, "demo: mail written to the mail folder");
                }
                Ok(())
            }
        }
    }

    /// Deletes message files older than the directory transport keeps them.
    pub async fn sweep(&self) -> std::io::Result<usize> {
        let Transport::Directory { path, keep, .. } = self else {
            return Ok(0);
        };
        let (dir, keep) = (path.clone(), *keep);
        tokio::task::spawn_blocking(move || delete_older_than(&dir, keep))
            .await
            .map_err(std::io::Error::other)?
    }
}

/// Creates `dir` (0700) when missing and writes `name` in it (0600), whole
/// or not at all: written under a hidden name first, then renamed, so that
/// whoever reads the folder never sees half a message.
fn write_private_file(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    crate::owner_only::create_dir_all(dir)?;
    let part = dir.join(format!(".{name}.part"));
    let mut file = crate::owner_only::create_new(&part)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&part, dir.join(name))
}

fn delete_older_than(dir: &Path, keep: Duration) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut deleted = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= keep);
        if old && path.extension().is_some_and(|e| e == "eml") {
            std::fs::remove_file(&path)?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory(path: &Path, keep: Duration) -> Transport {
        Transport::from_settings(&MailSettings::Directory {
            path: path.to_path_buf(),
            from: "Svoboda <noreply@svoboda.test>".into(),
            keep,
            log_links: false,
        })
        .expect("transport")
    }

    fn mail() -> OutgoingMail {
        OutgoingMail {
            to: "anna@example.org".into(),
            subject: "s".into(),
            text: "t".into(),
            links: vec![],
        }
    }

    #[tokio::test]
    async fn message_files_are_private_and_deleted_after_their_time() {
        let root = tempfile::tempdir().expect("dir");
        let dir = root.path().join("mail");
        let keep = directory(&dir, Duration::from_secs(3600));
        keep.send(&mail()).await.expect("written");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            let file = std::fs::read_dir(&dir)
                .expect("dir")
                .flatten()
                .next()
                .expect("a file");
            assert_eq!(mode(&file.path()), 0o600);
        }
        assert_eq!(keep.sweep().await.expect("sweep"), 0, "young files stay");
        let expire = directory(&dir, Duration::ZERO);
        assert_eq!(expire.sweep().await.expect("sweep"), 1);
        assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 0);
    }
}
