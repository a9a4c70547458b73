//! The instance's secret, and what is derived from it: the keyed hash of
//! e-mail addresses, signed links, form stamps, and the key that protects
//! addresses waiting in the outbox. The secret lives in a file outside the
//! database (or in the environment), never in it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::aead::encrypt_after;
use crate::campaign::Lang;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the secret, as 64 hex digits in its file.
pub const SECRET_BYTES: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("the secret must be {SECRET_BYTES} bytes written as {} hex digits", SECRET_BYTES * 2)]
    Malformed,
    #[error(
        "this secret was published (in this program's repository): anyone could forge links and test addresses with it; delete it and start again to create a new one"
    )]
    Published,
}

/// SHA-256 of secrets that were ever published, as their hex text: a copy
/// of one of them protects nothing. (Digests, so the values themselves are
/// not repeated here.)
const PUBLISHED_SECRET_DIGESTS: &[&str] =
    &["30287503d0bce06d07c196ca53e85d32de5dd8e55983585ad0d136ba94259678"];

/// Whether `text` (hex, as in a secret file) is a published secret.
pub fn is_published(text: &str) -> bool {
    use sha2::Digest;
    let digest = hex::encode(Sha256::digest(text.trim().to_ascii_lowercase().as_bytes()));
    PUBLISHED_SECRET_DIGESTS.contains(&digest.as_str())
}

pub struct InstanceSecret {
    email_key: Zeroizing<[u8; 32]>,
    link_key: Zeroizing<[u8; 32]>,
    outbox_key: Zeroizing<[u8; 32]>,
    workspace_key: Zeroizing<[u8; 32]>,
    /// None in a stand-in secret (`throwaway`): it signs no directory.
    directory_seed: Option<Zeroizing<[u8; 32]>>,
}

/// What a signed link is for; part of what the MAC covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Confirm,
    Withdraw,
}

impl LinkKind {
    /// Its name: the link's path segment, and part of what the MAC covers.
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Confirm => "confirm",
            LinkKind::Withdraw => "withdraw",
        }
    }

    /// The link's path on the site, in a language: the mail's link and the
    /// page it opens agree on it.
    pub fn path(self, lang: Lang, token: &str) -> String {
        format!("/{lang}/{}/{token}", self.name())
    }
}

/// A signed link's content: which signature (its id and its random epoch,
/// so that the link names that row and no other), issued when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkClaim {
    pub signature: i64,
    pub epoch: i64,
    pub issued: i64,
}

/// Bytes of a link token: three numbers and a 128-bit tag.
const LINK_BODY: usize = 24;
const LINK_TAG: usize = 16;

impl InstanceSecret {
    pub fn new(master: &[u8; SECRET_BYTES]) -> Self {
        let hk = Hkdf::<Sha256>::new(Some(b"svoboda-instance-secret-v1"), master);
        let derive = |label: &[u8]| {
            let mut key = Zeroizing::new([0u8; 32]);
            // 32 bytes is always a valid HKDF-SHA256 output length.
            let _ = hk.expand(label, key.as_mut());
            key
        };
        InstanceSecret {
            email_key: derive(b"email-hash"),
            link_key: derive(b"links"),
            outbox_key: derive(b"outbox"),
            workspace_key: derive(b"workspace"),
            directory_seed: Some(derive(b"peer-directory-signing")),
        }
    }

    /// Reads a secret, refusing malformed and published ones.
    pub fn from_hex(text: &str) -> Result<Self, SecretError> {
        if is_published(text) {
            return Err(SecretError::Published);
        }
        let bytes = hex::decode(text.trim()).map_err(|_| SecretError::Malformed)?;
        let master: [u8; SECRET_BYTES] = bytes.try_into().map_err(|_| SecretError::Malformed)?;
        Ok(Self::new(&master))
    }

    pub fn generate_hex() -> String {
        let mut master = Zeroizing::new([0u8; SECRET_BYTES]);
        rand::rngs::OsRng.fill_bytes(master.as_mut());
        hex::encode(&master[..])
    }

    /// The key the instance signs its directory with, for peers: kept with
    /// the instance secret (derived from it), gone with it.
    pub fn directory_key(&self) -> Option<crate::peers::key::SigningKey> {
        crate::peers::key::SigningKey::from_seed(self.directory_seed.as_ref()?)
    }

    /// A stand-in for a command that needs no secret of the instance's (a
    /// static copy): random, and signing no directory, which would then
    /// carry a key peers do not know.
    pub fn throwaway() -> Self {
        let mut master = Zeroizing::new([0u8; SECRET_BYTES]);
        rand::rngs::OsRng.fill_bytes(master.as_mut());
        let mut secret = Self::new(&master);
        secret.directory_seed = None;
        secret
    }

    /// Identifies an address within one petition without storing it: the
    /// same address in another petition gives an unrelated value.
    pub fn email_hash(&self, petition: i64, normalized_email: &str) -> [u8; 32] {
        let mut mac = self.mac(&self.email_key);
        mac.update(&petition.to_be_bytes());
        mac.update(normalized_email.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// A link token naming a signature, which only this instance can make.
    pub fn link_token(&self, kind: LinkKind, claim: LinkClaim) -> String {
        let mut token = Vec::with_capacity(LINK_BODY + LINK_TAG);
        token.extend_from_slice(&claim.signature.to_be_bytes());
        token.extend_from_slice(&claim.epoch.to_be_bytes());
        token.extend_from_slice(&claim.issued.to_be_bytes());
        token.extend_from_slice(&self.link_mac(kind, &token)[..LINK_TAG]);
        B64URL.encode(token)
    }

    pub fn verify_link(&self, kind: LinkKind, token: &str) -> Option<LinkClaim> {
        let raw = B64URL.decode(token.as_bytes()).ok()?;
        if raw.len() != LINK_BODY + LINK_TAG {
            return None;
        }
        let (body, tag) = raw.split_at(LINK_BODY);
        let expected = self.link_mac(kind, body);
        if !constant_time_eq(tag, &expected[..LINK_TAG]) {
            return None;
        }
        Some(LinkClaim {
            signature: i64::from_be_bytes(body[..8].try_into().ok()?),
            epoch: i64::from_be_bytes(body[8..16].try_into().ok()?),
            issued: i64::from_be_bytes(body[16..24].try_into().ok()?),
        })
    }

    /// A stamp of when a form was handed out, to refuse instant submissions.
    pub fn form_stamp(&self, now: i64) -> String {
        let body = now.to_be_bytes();
        let mut token = body.to_vec();
        token.extend_from_slice(&self.link_mac_labelled(b"form", &body)[..12]);
        B64URL.encode(token)
    }

    pub fn verify_form_stamp(&self, stamp: &str) -> Option<i64> {
        let raw = B64URL.decode(stamp.as_bytes()).ok()?;
        if raw.len() != 20 {
            return None;
        }
        let (body, tag) = raw.split_at(8);
        let expected = self.link_mac_labelled(b"form", body);
        constant_time_eq(tag, &expected[..12])
            .then(|| i64::from_be_bytes(body.try_into().unwrap_or_default()))
    }

    /// Encrypts a message waiting in the outbox (it holds an address).
    pub fn seal_outbox(&self, plaintext: &[u8]) -> Vec<u8> {
        seal(&self.outbox_key, plaintext)
    }

    pub fn open_outbox(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        open(&self.outbox_key, sealed)
    }

    /// Encrypts what the workspace keeps secret from a copy of the
    /// database (authenticator secrets) or hands to a browser to bring back
    /// unread (an enrolment in progress).
    pub fn seal_workspace(&self, plaintext: &[u8]) -> Vec<u8> {
        seal(&self.workspace_key, plaintext)
    }

    pub fn open_workspace(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        open(&self.workspace_key, sealed)
    }

    /// A stamp for a form that has no session yet (sign-in, invitation):
    /// made by this instance at `now`, for `purpose` only.
    pub fn workspace_stamp(&self, purpose: &str, now: i64) -> String {
        let body = now.to_be_bytes();
        let mut token = body.to_vec();
        token.extend_from_slice(&self.workspace_mac(purpose, &body)[..16]);
        B64URL.encode(token)
    }

    /// When a stamp for `purpose` was made, if this instance made it.
    pub fn verify_workspace_stamp(&self, purpose: &str, stamp: &str) -> Option<i64> {
        let raw = B64URL.decode(stamp.as_bytes()).ok()?;
        if raw.len() != 24 {
            return None;
        }
        let (body, tag) = raw.split_at(8);
        constant_time_eq(tag, &self.workspace_mac(purpose, body)[..16])
            .then(|| i64::from_be_bytes(body.try_into().unwrap_or_default()))
    }

    fn workspace_mac(&self, purpose: &str, body: &[u8]) -> [u8; 32] {
        let mut mac = self.mac(&self.workspace_key);
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(body);
        mac.finalize().into_bytes().into()
    }

    fn mac(&self, key: &[u8; 32]) -> HmacSha256 {
        <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC takes any key length")
    }

    fn link_mac(&self, kind: LinkKind, body: &[u8]) -> [u8; 32] {
        self.link_mac_labelled(kind.name().as_bytes(), body)
    }

    fn link_mac_labelled(&self, label: &[u8], body: &[u8]) -> [u8; 32] {
        let mut mac = self.mac(&self.link_key);
        mac.update(label);
        mac.update(&[0]);
        mac.update(body);
        mac.finalize().into_bytes().into()
    }
}

/// XChaCha20-Poly1305 with a random nonce in front.
fn seal(key: &[u8; 32], plaintext: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key));
    // A nonce needs uniqueness, not a system call: the thread's CSPRNG
    // (ChaCha, seeded and reseeded from the OS) gives it.
    let nonce = XChaCha20Poly1305::generate_nonce(&mut rand::thread_rng());
    // Encryption with a valid key and an in-memory buffer cannot fail.
    encrypt_after(&cipher, &nonce, &nonce, plaintext).unwrap_or_default()
}

fn open(key: &[u8; 32], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 24 {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(24);
    XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key))
        .decrypt(&XNonce::from(<[u8; 24]>::try_from(nonce).ok()?), ciphertext)
        .ok()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn secret() -> InstanceSecret {
        InstanceSecret::from_hex(&InstanceSecret::generate_hex()).expect("valid")
    }

    #[test]
    fn email_hash_depends_on_petition_and_secret() {
        let s = secret();
        assert_eq!(s.email_hash(1, "a@b.ru"), s.email_hash(1, "a@b.ru"));
        assert_ne!(s.email_hash(1, "a@b.ru"), s.email_hash(2, "a@b.ru"));
        assert_ne!(s.email_hash(1, "a@b.ru"), secret().email_hash(1, "a@b.ru"));
    }

    #[test]
    fn links_are_bound_to_their_kind_and_instance() {
        let s = secret();
        let claim = LinkClaim {
            signature: 42,
            epoch: 7_000_000_000_123,
            issued: 1_700_000_000,
        };
        let token = s.link_token(LinkKind::Confirm, claim);
        assert_eq!(s.verify_link(LinkKind::Confirm, &token), Some(claim));
        assert_eq!(
            s.verify_link(LinkKind::Withdraw, &token),
            None,
            "a confirm link cannot withdraw"
        );
        assert_eq!(secret().verify_link(LinkKind::Confirm, &token), None);
    }

    #[test]
    fn outbox_round_trip_and_tamper() {
        let s = secret();
        let sealed = s.seal_outbox(b"to: a@b.ru");
        assert_eq!(s.open_outbox(&sealed).as_deref(), Some(&b"to: a@b.ru"[..]));
        let mut bad = sealed.clone();
        bad[30] ^= 1;
        assert_eq!(s.open_outbox(&bad), None);
        assert!(
            !sealed.windows(4).any(|w| w == b"a@b."),
            "no plaintext in the sealed form"
        );
    }

    #[test]
    fn workspace_seals_and_stamps_are_its_own() {
        let s = secret();
        let sealed = s.seal_workspace(b"totp");
        assert_eq!(s.open_workspace(&sealed).as_deref(), Some(&b"totp"[..]));
        assert_eq!(s.open_outbox(&sealed), None, "another key");
        assert_eq!(secret().open_workspace(&sealed), None);
        let stamp = s.workspace_stamp("sign-in", 1_700_000_000);
        assert_eq!(
            s.verify_workspace_stamp("sign-in", &stamp),
            Some(1_700_000_000)
        );
        assert_eq!(s.verify_workspace_stamp("invite", &stamp), None);
        assert_eq!(s.verify_form_stamp(&stamp), None);
    }

    #[test]
    fn malformed_secrets_are_refused() {
        assert!(InstanceSecret::from_hex("abc").is_err());
        assert!(InstanceSecret::from_hex(&"0".repeat(62)).is_err());
        assert!(InstanceSecret::from_hex(&"z".repeat(64)).is_err());
    }

    proptest! {
        #[test]
        fn forged_tokens_never_verify(token in "[A-Za-z0-9_-]{0,60}") {
            let s = secret();
            prop_assert!(s.verify_link(LinkKind::Confirm, &token).is_none());
            prop_assert!(s.verify_form_stamp(&token).is_none());
        }
    }
}
