//! Where mail goes: an SMTP server, or a folder of .eml files.

use std::path::PathBuf;

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
    Directory {
        path: PathBuf,
        from: Mailbox,
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
            MailSettings::Directory { path, from } => Ok(Transport::Directory {
                path: path.clone(),
                from: parse_from(from)?,
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
            Transport::Directory { path, from } => {
                let message = Self::build(from, mail)?;
                tokio::fs::create_dir_all(path)
                    .await
                    .map_err(|e| MailError::Transient(e.to_string()))?;
                let name = format!(
                    "{}-{:08x}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    rand::random::<u32>()
                );
                tokio::fs::write(path.join(&name), message.formatted())
                    .await
                    .map_err(|e| MailError::Transient(e.to_string()))?;
                // The links, not the address: enough to try the flow by hand.
                tracing::info!(file = %name, links = ?mail.links, "mail written to the mail folder");
                Ok(())
            }
        }
    }
}
