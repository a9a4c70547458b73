//! The organisers' accounts: who may do what (roles), and the rules of
//! signing in (passwords, one-time codes, recovery codes, sessions, the
//! slowing down of guessers). Nothing here knows about HTTP or SQL.

pub mod audit;
pub mod device;
pub mod login;
pub mod passkey;
pub mod password;
pub mod recovery;
pub mod role;
pub mod service;
pub mod session;
pub mod throttle;
pub mod token;
pub mod totp;

pub use audit::{AuditAction, AuditEntry};
pub use login::Login;
pub use role::{Access, Grant, Role};
pub use session::Lifetimes;

use crate::campaign::Lang;

/// A workspace account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub login: Login,
    pub owner: bool,
    pub lang: Lang,
    pub created_at: i64,
}

/// An open invitation: what its link makes of the person who accepts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub owner: bool,
    pub grant: Option<Grant>,
    pub invited_by: Option<i64>,
    pub expires_at: i64,
}

/// Hours an invitation link stays valid.
pub const INVITATION_HOURS: i64 = 24;

/// Everything an accepted invitation creates at once: an account exists
/// only when it has its password, its second factor and its recovery codes.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub login: Login,
    pub password_hash: String,
    pub lang: Lang,
    /// The TOTP secret, encrypted with the instance's workspace key.
    pub totp_sealed: Vec<u8>,
    /// The step of the code that confirmed the enrolment (spent).
    pub totp_step: i64,
    pub recovery_hashes: Vec<Vec<u8>>,
    pub created_at: i64,
}

/// A signed-in session as stored (its token only as a hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub account: i64,
    pub csrf: String,
    pub device: String,
    pub created_at: i64,
    pub seen_at: i64,
}

/// The TOTP credential of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpCredential {
    pub id: i64,
    pub sealed: Vec<u8>,
    pub last_step: i64,
}
