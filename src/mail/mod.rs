//! Mail: messages wait in the outbox (encrypted, in the database) and a
//! background sender delivers them with retries, so a slow or failing mail
//! server never blocks or loses a signature.

pub mod outbox;
pub mod transport;

use serde::{Deserialize, Serialize};

/// A message written out, as a transport sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Links in the text, logged by the directory transport for development.
    #[serde(default)]
    pub links: Vec<String>,
}
