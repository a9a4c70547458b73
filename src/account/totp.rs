//! Time-based one-time codes (RFC 6238: HMAC-SHA1, six digits, 30-second
//! steps), what every authenticator app speaks. A code is accepted one step
//! early or late (clocks drift), and each step only once.

use data_encoding::BASE32_NOPAD;
use rand::RngCore;
use sha1::Sha1;

/// RFC 4226 recommends 160 bits.
pub const SECRET_BYTES: usize = 20;
const STEP_SECONDS: u64 = 30;
const DIGITS: u32 = 6;

/// A fresh secret.
pub fn generate_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    secret
}

/// The secret as typed into an app by hand: Base32, in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    BASE32_NOPAD
        .encode(secret)
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` URI an app reads from the QR code.
pub fn uri(secret: &[u8], issuer: &str, login: &str) -> String {
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(login),
        BASE32_NOPAD.encode(secret),
        enc(issuer)
    )
}

/// The time step of a unix time.
pub fn step(unix: i64) -> i64 {
    unix.max(0) / STEP_SECONDS as i64
}

fn code_at(secret: &[u8], step: i64) -> String {
    totp_lite::totp_custom::<Sha1>(1, DIGITS, secret, step.max(0) as u64)
}

/// The code of `secret` at unix time `now` (for tests and enrolment hints).
pub fn code(secret: &[u8], now: i64) -> String {
    code_at(secret, step(now))
}

/// The step a typed code belongs to, if it is right at `now` and newer than
/// `last_used` (a code seen once is spent).
pub fn verify(secret: &[u8], typed: &str, now: i64, last_used: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = step(now);
    [current, current - 1, current + 1]
        .into_iter()
        .filter(|s| *s > last_used)
        .find(|s| super::token::constant_time_eq(code_at(secret, *s).as_bytes(), typed.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    #[test]
    fn matches_the_rfc_test_vectors() {
        let secret = b"12345678901234567890";
        assert_eq!(code(secret, 59), "287082");
        assert_eq!(code(secret, 1111111109), "081804");
        assert_eq!(code(secret, 2000000000), "279037");
    }

    #[test]
    fn codes_drift_one_step_and_work_once() {
        let secret = generate_secret();
        let now = 1_700_000_000;
        let c = code(&secret, now);
        let used = verify(&secret, &c, now, 0).expect("current code");
        assert_eq!(verify(&secret, &c, now, used), None, "spent");
        assert!(verify(&secret, &code(&secret, now - 30), now, 0).is_some());
        assert!(verify(&secret, &code(&secret, now + 30), now, 0).is_some());
        assert_eq!(verify(&secret, &code(&secret, now - 90), now, 0), None);
        assert_eq!(verify(&secret, "12345", now, 0), None);
        assert_eq!(verify(&secret, "abcdef", now, 0), None);
    }

    #[test]
    fn enrolment_shows_the_secret_as_text_and_qr() {
        let secret = generate_secret();
        let text = secret_text(&secret);
        assert_eq!(
            BASE32_NOPAD.decode(text.replace(' ', "").as_bytes()).ok(),
            Some(secret.clone())
        );
        let uri = uri(&secret, "Svoboda svoboda.test", "anna");
        assert!(uri.starts_with("otpauth://totp/Svoboda%20svoboda%2Etest:anna?secret="));
    }
}
