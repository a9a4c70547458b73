//! Petitions people can sign safely: the rules of signing, the sealing of
//! signers' data to the organisers' key, the instance secret, and the service
//! that takes signatures in (group commit) and sends confirmations.

mod aead;
pub mod background;
pub mod csv;
pub mod email;
pub mod export;
pub mod form;
pub mod notice;
pub mod paper;
pub mod pdf;
pub mod screening;
pub mod seal;
pub mod secret;
pub mod service;
