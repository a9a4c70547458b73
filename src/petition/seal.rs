//! Sealing signers' personal data to the organisers' age key.
//!
//! A public-key operation per signature would cap a core near 8,000
//! signatures a second, so the server wraps a fresh random *file key* to the
//! organisers' X25519 key once per epoch (a second, by default) and seals each
//! record with that file key. Each sealed record together with its epoch's
//! header is a complete file in the age format (age-encryption.org/v1), so
//! organisers can open it with stock `age` as well as with `svoboda`.
//! The file key lives only in memory and is wiped when its epoch ends; the
//! database holds only the header, which only the organisers' identity opens.
//! See SECURITY.md for what this protects and what it does not.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use age::secrecy::ExposeSecret;
use age_core::format::{FileKey, Stanza};
use age_core::primitives::hkdf;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::aead::encrypt_after;

const INTRO: &str = "age-encryption.org/v1";
const PAYLOAD_NONCE: usize = 16;
/// age's STREAM chunk size: records are far smaller, so each is one chunk.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("'{0}' is not an age public key (age1...)")]
    BadRecipient(String),
    #[error("the identity file holds no age X25519 identity (AGE-SECRET-KEY-1...)")]
    BadIdentity,
    #[error("wrapping the file key failed")]
    Wrap,
    #[error("a record is larger than one age chunk")]
    TooLarge,
    #[error("this record was not sealed to the given identity")]
    WrongIdentity,
    #[error("the sealed record is damaged")]
    Damaged,
}

/// The organisers' public key.
#[derive(Clone)]
pub struct OrganiserKey(age::x25519::Recipient);

impl OrganiserKey {
    pub fn parse(s: &str) -> Result<Self, SealError> {
        s.trim()
            .parse()
            .map(OrganiserKey)
            .map_err(|_| SealError::BadRecipient(s.to_string()))
    }
}

impl std::fmt::Display for OrganiserKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// One file key and the age header that carries it to the organisers.
pub struct Epoch {
    pub id: i64,
    pub header: String,
    /// The organiser keys the header opens to, space-separated: kept with
    /// the epoch so the workspace can say which keys open which signatures.
    pub recipients: Arc<str>,
    file_key: Zeroizing<[u8; 16]>,
    started: Instant,
}

impl Epoch {
    /// A fresh file key wrapped to each of `keys`: one public-key
    /// operation per key. Any one of their identities opens the records.
    pub fn new(keys: &[OrganiserKey]) -> Result<Epoch, SealError> {
        if keys.is_empty() {
            return Err(SealError::BadRecipient(String::new()));
        }
        let mut raw = Zeroizing::new([0u8; 16]);
        rand::rngs::OsRng.fill_bytes(raw.as_mut());
        let file_key = FileKey::new(Box::new(*raw));
        let mut stanzas = Vec::with_capacity(keys.len());
        for key in keys {
            let (wrapped, _) =
                age::Recipient::wrap_file_key(&key.0, &file_key).map_err(|_| SealError::Wrap)?;
            stanzas.extend(wrapped);
        }
        let header = header_text(&stanzas, &raw);
        let id = (rand::rngs::OsRng.next_u64() >> 1) as i64;
        let recipients = keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Epoch {
            id,
            header,
            recipients: Arc::from(recipients),
            file_key: raw,
            started: Instant::now(),
        })
    }

    /// `nonce || ciphertext`: with the header, an age file of `plaintext`.
    pub fn seal(&self, plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
        if plaintext.len() > CHUNK || plaintext.is_empty() {
            return Err(SealError::TooLarge);
        }
        let mut nonce = [0u8; PAYLOAD_NONCE];
        // Per record: the thread's CSPRNG (ChaCha, seeded from the OS), no
        // system call. Keys still come from the OS directly.
        rand::thread_rng().fill_bytes(&mut nonce);
        let key = Zeroizing::new(hkdf(&nonce, b"payload", self.file_key.as_ref()));
        let cipher = ChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key));
        encrypt_after(&cipher, &last_chunk_nonce(), &nonce, plaintext).ok_or(SealError::TooLarge)
    }
}

/// STREAM nonce of chunk 0 when it is also the last one.
fn last_chunk_nonce() -> Nonce {
    let mut n = [0u8; 12];
    n[11] = 1;
    Nonce::from(n)
}

fn header_text(stanzas: &[Stanza], file_key: &[u8; 16]) -> String {
    let mut text = format!("{INTRO}\n");
    for s in stanzas {
        text.push_str("->");
        for part in std::iter::once(&s.tag).chain(s.args.iter()) {
            text.push(' ');
            text.push_str(part);
        }
        text.push('\n');
        let body = B64.encode(&s.body);
        let mut lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        // The last body line is always shorter than 64 columns, empty if need be.
        if body.len() % 64 == 0 {
            lines.push("");
        }
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
    }
    text.push_str("---");
    let mac = header_mac(file_key, text.as_bytes());
    text.push(' ');
    text.push_str(&B64.encode(mac));
    text.push('\n');
    text
}

fn header_mac(file_key: &[u8; 16], header_up_to_dashes: &[u8]) -> [u8; 32] {
    let key = Zeroizing::new(hkdf(&[], b"header", file_key));
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key.as_ref()).expect("HMAC takes any key length");
    mac.update(header_up_to_dashes);
    mac.finalize().into_bytes().into()
}

/// A complete age file: what stock `age --decrypt` opens.
pub fn age_file(header: &str, sealed: &[u8]) -> Vec<u8> {
    let mut file = Vec::with_capacity(header.len() + sealed.len());
    file.extend_from_slice(header.as_bytes());
    file.extend_from_slice(sealed);
    file
}

/// An age file split into its header text (through the MAC line) and payload.
pub fn split_age_file(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let mac_line = bytes.windows(4).position(|w| w == b"\n---")? + 1;
    let end = mac_line + bytes[mac_line..].iter().position(|&b| b == b'\n')? + 1;
    Some((std::str::from_utf8(&bytes[..end]).ok()?, &bytes[end..]))
}

/// Hands out the current epoch of each organiser key, starting a new one when
/// the current is older than `lifetime`; an old epoch's key is wiped once the
/// last signature sealed with it is done.
pub struct Sealer {
    lifetime: Duration,
    current: Mutex<HashMap<String, Arc<Epoch>>>,
}

impl Sealer {
    pub fn new(lifetime: Duration) -> Self {
        Sealer {
            lifetime,
            current: Mutex::new(HashMap::new()),
        }
    }

    /// Forgets epochs past their lifetime, so a file key does not outlive
    /// its second in memory when no signature comes to replace it. Called
    /// on a timer; returns how many were dropped.
    pub fn drop_expired(&self) -> usize {
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let before = current.len();
        current.retain(|_, epoch| epoch.started.elapsed() < self.lifetime);
        before - current.len()
    }

    /// How many epochs (file keys) this sealer holds now.
    pub fn live_epochs(&self) -> usize {
        self.current.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    /// The current epoch of the keys written as `key_text` (`age1...`,
    /// several separated by spaces): the keys are parsed only when a new
    /// epoch starts, not for every signature.
    pub fn epoch_for(&self, key_text: &str) -> Result<Arc<Epoch>, SealError> {
        let key_text = key_text.trim();
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(epoch) = current.get(key_text)
            && epoch.started.elapsed() < self.lifetime
        {
            return Ok(epoch.clone());
        }
        let keys = key_text
            .split_whitespace()
            .map(OrganiserKey::parse)
            .collect::<Result<Vec<_>, _>>()?;
        let epoch = Arc::new(Epoch::new(&keys)?);
        current.insert(key_text.to_string(), epoch.clone());
        Ok(epoch)
    }
}

/// The organisers' side: opens sealed records with their identity, one
/// public-key operation per epoch.
pub struct Opener {
    identity: age::x25519::Identity,
    file_keys: HashMap<String, Zeroizing<[u8; 16]>>,
}

impl Opener {
    /// From the text of an identity file as `svoboda keys generate` or
    /// `age-keygen` write it (comment lines allowed).
    pub fn from_identity_file(text: &str) -> Result<Self, SealError> {
        let identity = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("AGE-SECRET-KEY-"))
            .find_map(|l| l.parse::<age::x25519::Identity>().ok())
            .ok_or(SealError::BadIdentity)?;
        Ok(Opener {
            identity,
            file_keys: HashMap::new(),
        })
    }

    pub fn open(&mut self, header: &str, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if !self.file_keys.contains_key(header) {
            let key = self.unwrap(header)?;
            self.file_keys.insert(header.to_string(), key);
        }
        let file_key = self.file_keys.get(header).ok_or(SealError::Damaged)?;
        if sealed.len() < PAYLOAD_NONCE {
            return Err(SealError::Damaged);
        }
        let (nonce, ciphertext) = sealed.split_at(PAYLOAD_NONCE);
        let key = Zeroizing::new(hkdf(nonce, b"payload", file_key.as_ref()));
        ChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key))
            .decrypt(&last_chunk_nonce(), ciphertext)
            .map_err(|_| SealError::Damaged)
    }

    fn unwrap(&self, header: &str) -> Result<Zeroizing<[u8; 16]>, SealError> {
        let (body, mac_line) = header.rsplit_once("---").ok_or(SealError::Damaged)?;
        let mut lines = body.lines();
        if lines.next() != Some(INTRO) {
            return Err(SealError::Damaged);
        }
        let stanzas = parse_stanzas(lines)?;
        let file_key = stanzas
            .iter()
            .find_map(|stanza| age::Identity::unwrap_stanza(&self.identity, stanza))
            .ok_or(SealError::WrongIdentity)?
            .map_err(|_| SealError::WrongIdentity)?;
        let mut raw = Zeroizing::new([0u8; 16]);
        raw.copy_from_slice(file_key.expose_secret());
        let expected = header_mac(&raw, format!("{body}---").as_bytes());
        let given = B64
            .decode(mac_line.trim())
            .map_err(|_| SealError::Damaged)?;
        if given.as_slice() != expected.as_slice() {
            return Err(SealError::Damaged);
        }
        Ok(raw)
    }
}

/// The stanzas of a header (one per organiser key): each starts with
/// `-> `, and its body ends with the first line shorter than 64 columns.
fn parse_stanzas<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Vec<Stanza>, SealError> {
    let mut stanzas = Vec::new();
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        let stanza_line = line.strip_prefix("-> ").ok_or(SealError::Damaged)?;
        let mut parts = stanza_line.split(' ');
        let tag = parts.next().unwrap_or_default().to_string();
        let args: Vec<String> = parts.map(str::to_string).collect();
        let mut body_b64 = String::new();
        for body_line in lines.by_ref() {
            body_b64.push_str(body_line);
            if body_line.len() < 64 {
                break;
            }
        }
        stanzas.push(Stanza {
            tag,
            args,
            body: B64
                .decode(body_b64.trim())
                .map_err(|_| SealError::Damaged)?,
        });
    }
    if stanzas.is_empty() {
        return Err(SealError::Damaged);
    }
    Ok(stanzas)
}

/// A new organiser key pair: (identity file text, public key).
pub fn generate_keys(comment: &str) -> (String, String) {
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let secret = identity.to_string();
    let text = format!(
        "# {comment}\n# created: {}\n# public key: {public}\n{}\n",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
        secret.expose_secret()
    );
    (text, public)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (String, OrganiserKey) {
        let (identity, public) = generate_keys("test");
        (identity, OrganiserKey::parse(&public).expect("valid"))
    }

    #[test]
    fn sealed_records_open_with_the_identity() {
        let (identity, key) = keys();
        let epoch = Epoch::new(std::slice::from_ref(&key)).expect("epoch");
        let sealed = epoch.seal(b"{\"name\":\"Anna\"}").expect("seal");
        let mut opener = Opener::from_identity_file(&identity).expect("identity");
        assert_eq!(
            opener.open(&epoch.header, &sealed).expect("open"),
            b"{\"name\":\"Anna\"}"
        );
    }

    /// What stock age does: the reference implementation opens each record.
    #[test]
    fn each_record_is_a_standard_age_file() {
        let (identity_text, key) = keys();
        let epoch = Epoch::new(std::slice::from_ref(&key)).expect("epoch");
        let identity: age::x25519::Identity = identity_text
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .expect("key line")
            .parse()
            .expect("identity");
        for record in [&b"x"[..], b"{\"email\":\"a@b.ru\"}", &[7u8; 5000]] {
            let file = age_file(&epoch.header, &epoch.seal(record).expect("seal"));
            let plain = age::decrypt(&identity, &file).expect("age opens it");
            assert_eq!(plain, record);
        }
    }

    /// Several organiser keys: each identity alone opens every record, with
    /// svoboda and with stock age; the epoch names the keys it was made for.
    #[test]
    fn a_record_sealed_to_several_keys_opens_with_any_one_of_them() {
        let (first_identity, first) = keys();
        let (second_identity, second) = keys();
        let sealer = Sealer::new(Duration::from_secs(3600));
        let epoch = sealer
            .epoch_for(&format!("{first} {second}"))
            .expect("epoch");
        assert_eq!(&*epoch.recipients, format!("{first} {second}"));
        let sealed = epoch.seal(b"{\"name\":\"Anna\"}").expect("seal");
        for identity_text in [&first_identity, &second_identity] {
            let mut opener = Opener::from_identity_file(identity_text).expect("identity");
            assert_eq!(
                opener.open(&epoch.header, &sealed).expect("open"),
                b"{\"name\":\"Anna\"}"
            );
            let identity: age::x25519::Identity = identity_text
                .lines()
                .find(|l| l.starts_with("AGE-SECRET-KEY-"))
                .expect("key line")
                .parse()
                .expect("identity");
            let file = age_file(&epoch.header, &sealed);
            assert!(age::decrypt(&identity, &file).is_ok(), "stock age opens it");
        }
        let (stranger, _) = keys();
        let mut opener = Opener::from_identity_file(&stranger).expect("identity");
        assert!(matches!(
            opener.open(&epoch.header, &sealed),
            Err(SealError::WrongIdentity)
        ));
    }

    #[test]
    fn another_identity_cannot_open_and_tampering_is_detected() {
        let (_, key) = keys();
        let (other_identity, _) = keys();
        let epoch = Epoch::new(std::slice::from_ref(&key)).expect("epoch");
        let sealed = epoch.seal(b"secret").expect("seal");
        let mut other = Opener::from_identity_file(&other_identity).expect("identity");
        assert!(matches!(
            other.open(&epoch.header, &sealed),
            Err(SealError::WrongIdentity)
        ));
        let (identity, key2) = keys();
        let epoch2 = Epoch::new(std::slice::from_ref(&key2)).expect("epoch");
        let mut sealed2 = epoch2.seal(b"secret").expect("seal");
        let last = sealed2.len() - 1;
        sealed2[last] ^= 1;
        let mut opener = Opener::from_identity_file(&identity).expect("identity");
        assert!(matches!(
            opener.open(&epoch2.header, &sealed2),
            Err(SealError::Damaged)
        ));
    }

    #[test]
    fn epochs_rotate_and_share_within_their_lifetime() {
        let (_, key) = keys();
        let sealer = Sealer::new(Duration::from_secs(3600));
        let a = sealer.epoch_for(&key.to_string()).expect("epoch");
        let b = sealer.epoch_for(&key.to_string()).expect("epoch");
        assert_eq!(a.id, b.id);
        let quick = Sealer::new(Duration::ZERO);
        let c = quick.epoch_for(&key.to_string()).expect("epoch");
        let d = quick.epoch_for(&key.to_string()).expect("epoch");
        assert_ne!(c.id, d.id);
        assert_ne!(c.header, d.header, "a new file key each epoch");
    }

    #[test]
    fn an_idle_epoch_key_is_dropped_by_the_timer_not_by_the_next_signature() {
        let (_, key) = keys();
        let sealer = Sealer::new(Duration::from_millis(20));
        let epoch = sealer.epoch_for(&key.to_string()).expect("epoch");
        drop(epoch);
        assert_eq!(sealer.drop_expired(), 0, "still within its lifetime");
        assert_eq!(sealer.live_epochs(), 1);
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(sealer.drop_expired(), 1);
        assert_eq!(sealer.live_epochs(), 0, "no file key is left in memory");
    }
}
