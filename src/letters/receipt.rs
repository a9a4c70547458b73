//! A letter's receipt: the private link the writer keeps, and the key it
//! carries. The server stores only the hash of the link's token, and the
//! public half of an age key derived from it: a reply is sealed to that key
//! on upload, and only the link opens it again. Without the link, nothing
//! stored says who wrote.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const TOKEN_BYTES: usize = 32;

/// The token of a receipt link, as the writer holds it.
pub struct Receipt {
    token: Zeroizing<[u8; TOKEN_BYTES]>,
}

impl Receipt {
    pub fn generate() -> Receipt {
        let mut token = Zeroizing::new([0u8; TOKEN_BYTES]);
        rand::rngs::OsRng.fill_bytes(token.as_mut());
        Receipt { token }
    }

    /// The token as written in a link; `None` for anything else.
    pub fn parse(text: &str) -> Option<Receipt> {
        if text.len() != 43 {
            return None;
        }
        let bytes = Zeroizing::new(B64URL.decode(text).ok()?);
        let mut token = Zeroizing::new([0u8; TOKEN_BYTES]);
        if bytes.len() != TOKEN_BYTES {
            return None;
        }
        token.copy_from_slice(&bytes);
        Some(Receipt { token })
    }

    /// What the link carries.
    pub fn token(&self) -> String {
        B64URL.encode(&self.token[..])
    }

    /// What the server keeps to find the letter again.
    pub fn hash(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(b"svoboda letter receipt\0");
        h.update(&self.token[..]);
        h.finalize().into()
    }

    /// The age identity only this link opens replies with.
    pub fn identity(&self) -> age::x25519::Identity {
        let hk = hkdf::Hkdf::<Sha256>::new(Some(b"svoboda letter reply key"), &self.token[..]);
        let mut secret = Zeroizing::new([0u8; 32]);
        // 32 bytes are always within HKDF-SHA256's output limit.
        let _ = hk.expand(b"x25519", secret.as_mut());
        let hrp = bech32::Hrp::parse_unchecked("AGE-SECRET-KEY-");
        let text = Zeroizing::new(
            bech32::encode_upper::<bech32::Bech32>(hrp, secret.as_ref()).unwrap_or_default(),
        );
        // A bech32 string of 32 bytes under age's prefix always parses.
        text.parse()
            .unwrap_or_else(|_| age::x25519::Identity::generate())
    }

    /// The public key replies are sealed to (`age1...`).
    pub fn reply_key(&self) -> String {
        self.identity().to_public().to_string()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReplyError {
    #[error("the letter's reply key is damaged")]
    BadKey,
    #[error("sealing the reply failed")]
    Seal,
    #[error("this reply was not sealed to this receipt")]
    Open,
}

/// A reply's bytes sealed to a receipt's key: a standard age file.
pub fn seal_reply(reply_key: &str, plain: &[u8]) -> Result<Vec<u8>, ReplyError> {
    let recipient: age::x25519::Recipient = reply_key.parse().map_err(|_| ReplyError::BadKey)?;
    age::encrypt(&recipient, plain).map_err(|_| ReplyError::Seal)
}

/// Opens a reply with the receipt it was sealed to.
pub fn open_reply(receipt: &Receipt, sealed: &[u8]) -> Result<Vec<u8>, ReplyError> {
    age::decrypt(&receipt.identity(), sealed).map_err(|_| ReplyError::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_round_trips_and_keeps_its_key() {
        let r = Receipt::generate();
        let again = Receipt::parse(&r.token()).expect("parses");
        assert_eq!(r.hash(), again.hash());
        assert_eq!(r.reply_key(), again.reply_key());
        assert!(r.reply_key().starts_with("age1"));
        assert_ne!(r.hash(), Receipt::generate().hash());
    }

    #[test]
    fn only_the_receipt_opens_its_reply() {
        let r = Receipt::generate();
        let sealed = seal_reply(&r.reply_key(), b"jpeg bytes").expect("seal");
        assert_eq!(open_reply(&r, &sealed).expect("open"), b"jpeg bytes");
        assert!(open_reply(&Receipt::generate(), &sealed).is_err());
    }

    proptest::proptest! {
        /// Whatever a link carries, reading it never panics, and what reads
        /// as a token writes back the same.
        #[test]
        fn any_text_is_read_safely(text in "\\PC{0,60}") {
            if let Some(r) = Receipt::parse(&text) {
                proptest::prop_assert_eq!(r.token(), text);
            }
        }
    }

    #[test]
    fn anything_else_is_not_a_token() {
        for bad in ["", "abc", &"A".repeat(44), &"*".repeat(43)] {
            assert!(Receipt::parse(bad).is_none(), "{bad}");
        }
    }
}
