//! Encryption in place, shared by the sealed records and the instance
//! secret's boxes: the output is `prefix || ciphertext || tag`, made in one
//! allocation.

use chacha20poly1305::aead::{AeadInPlace, Nonce};

/// `prefix`, then `plaintext` encrypted under `nonce`, then the tag; `None`
/// only if the cipher refuses the length (beyond what any caller seals).
pub fn encrypt_after<C: AeadInPlace>(
    cipher: &C,
    nonce: &Nonce<C>,
    prefix: &[u8],
    plaintext: &[u8],
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(prefix.len() + plaintext.len() + 16);
    out.extend_from_slice(prefix);
    out.extend_from_slice(plaintext);
    let tag = cipher
        .encrypt_in_place_detached(nonce, b"", &mut out[prefix.len()..])
        .ok()?;
    out.extend_from_slice(&tag);
    Some(out)
}
