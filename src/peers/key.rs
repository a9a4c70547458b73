//! Signing keys of instances' directories: Ed25519. An instance's key is
//! derived from its instance secret (kept with it, gone with it); a peer's
//! public key is written `ed25519:` and 43 characters of base64url, the form
//! `svoboda peers key` prints and owners exchange out of band.

use std::fmt;

use data_encoding::BASE64URL_NOPAD;
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};

const PREFIX: &str = "ed25519:";

#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey([u8; 32]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not an instance's public key: it starts with ed25519: (as `svoboda peers key` prints it)"
)]
pub struct BadKey(pub String);

impl PublicKey {
    pub fn parse(text: &str) -> Result<Self, BadKey> {
        let text = text.trim();
        let bad = || BadKey(text.chars().take(80).collect());
        let encoded = text.strip_prefix(PREFIX).ok_or_else(bad)?;
        let bytes = BASE64URL_NOPAD
            .decode(encoded.as_bytes())
            .map_err(|_| bad())?;
        Ok(PublicKey(bytes.try_into().map_err(|_| bad())?))
    }

    /// Whether `signature` is this key's over `message`.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        UnparsedPublicKey::new(&ED25519, &self.0)
            .verify(message, signature)
            .is_ok()
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}", BASE64URL_NOPAD.encode(&self.0))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The instance's own key.
pub struct SigningKey(Ed25519KeyPair);

impl SigningKey {
    pub fn from_seed(seed: &[u8; 32]) -> Option<Self> {
        Ed25519KeyPair::from_seed_unchecked(seed)
            .ok()
            .map(SigningKey)
    }

    pub fn public(&self) -> PublicKey {
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(self.0.public_key().as_ref());
        PublicKey(bytes)
    }

    /// The signature of `message`, base64url.
    pub fn sign(&self, message: &[u8]) -> String {
        BASE64URL_NOPAD.encode(self.0.sign(message).as_ref())
    }
}

/// Decodes a signature as `SigningKey::sign` writes it.
pub fn decode_signature(text: &str) -> Option<Vec<u8>> {
    BASE64URL_NOPAD.decode(text.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_with_its_key_only() {
        let key = SigningKey::from_seed(&[7; 32]).expect("key");
        let other = SigningKey::from_seed(&[8; 32]).expect("key");
        let signature = decode_signature(&key.sign(b"directory")).expect("decodes");
        assert!(key.public().verifies(b"directory", &signature));
        assert!(!key.public().verifies(b"directory!", &signature));
        assert!(!other.public().verifies(b"directory", &signature));
    }

    #[test]
    fn public_keys_read_back_as_printed() {
        let public = SigningKey::from_seed(&[1; 32]).expect("key").public();
        let text = public.to_string();
        assert!(
            text.starts_with("ed25519:") && text.len() == 8 + 43,
            "{text}"
        );
        assert_eq!(PublicKey::parse(&format!(" {text}\n")), Ok(public));
        for bad in [
            "",
            "ed25519:",
            "age1xyz",
            "ed25519:AAAA",
            &text[..text.len() - 1],
        ] {
            assert!(PublicKey::parse(bad).is_err(), "{bad}");
        }
    }
}
