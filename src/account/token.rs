//! Bearer tokens (sessions, invitations): random, shown once to their
//! holder, and stored only as a hash, so a copy of the database opens no
//! session and accepts no invitation.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A token's random bytes: 256 bits.
const TOKEN_BYTES: usize = 32;

/// A fresh token, URL- and cookie-safe.
pub fn generate() -> String {
    let mut bytes = [0u8; TOKEN_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    B64URL.encode(bytes)
}

/// What is stored of a token. A plain hash suffices: the token has 256
/// random bits, so nothing can be guessed from it.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Whether `text` looks like a token at all (cheap, before any lookup).
pub fn well_formed(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Compares secrets without leaking, by timing, where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_well_formed_and_hashed() {
        let a = generate();
        assert!(well_formed(&a), "{a}");
        assert_ne!(a, generate());
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), a.as_bytes());
        assert!(!well_formed("short"));
        assert!(!well_formed(&format!("{}=", &a[..42])));
    }
}
