//! The organisers' accounts: who may do what (roles), and the rules of
//! signing in (passwords, one-time codes, recovery codes, sessions, the
//! slowing down of guessers). Nothing here knows about HTTP or SQL.

pub mod audit;
pub mod login;
pub mod password;
pub mod recovery;
pub mod role;
pub mod session;
pub mod throttle;
pub mod token;
pub mod totp;

pub use audit::{AuditAction, AuditEntry};
pub use login::Login;
pub use role::{Access, Grant, Role};
