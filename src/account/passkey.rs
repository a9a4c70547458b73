//! Passkeys (WebAuthn, by webauthn-rs): a key pair kept by the organiser's
//! phone, laptop or security key, bound to the workspace's address. A
//! look-alike site gets nothing it can use, so a passkey cannot be phished,
//! unlike a password and a six-digit code. Sign-ins ask the authenticator
//! to verify its user (PIN, fingerprint, face), so a passkey alone stands
//! for both factors.
//!
//! The browser side is `static/workspace/passkey.js`: the page carries the
//! challenge, the script hands it to the browser and posts the answer back
//! in a form; nothing else needs script.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use rand::RngCore;
use webauthn_rs::prelude::{
    AuthenticationResult, Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

use super::Account;

/// The instance note that holds the owners' choice to require passkeys of
/// owners and delivery people.
pub const REQUIRED_NOTE: &str = "passkeys-required";

/// Seconds a page's challenge stays good.
pub const CEREMONY_SECONDS: i64 = 5 * 60;

#[derive(Debug, thiserror::Error)]
pub enum PasskeyError {
    #[error("the browser's answer could not be read")]
    Unreadable,
    #[error("the passkey did not prove itself: {0}")]
    Refused(String),
}

/// This workspace as a WebAuthn relying party.
pub struct RelyingParty(Webauthn);

impl RelyingParty {
    /// `None` when the workspace's address cannot carry passkeys: WebAuthn
    /// binds them to a domain name (`localhost` included), never to an IP
    /// address, and browsers offer them only on https or localhost.
    pub fn for_workspace(workspace_url: &str) -> Option<Self> {
        let origin = Url::parse(workspace_url).ok()?;
        let rp_id = origin.domain()?.to_string();
        let webauthn = WebauthnBuilder::new(&rp_id, &origin)
            .ok()?
            .rp_name("Svoboda")
            .build()
            .ok()?;
        Some(RelyingParty(webauthn))
    }

    /// The options a page hands to `navigator.credentials.create`, and the
    /// state that checks the answer (both JSON).
    pub fn start_registration(
        &self,
        account: &Account,
        existing: &[Passkey],
    ) -> Result<(String, String), PasskeyError> {
        let exclude = existing.iter().map(|p| p.cred_id().clone()).collect();
        let (options, state) = self
            .0
            .start_passkey_registration(
                Uuid::from_u64_pair(0, account.id as u64),
                account.login.as_str(),
                account.login.as_str(),
                Some(exclude),
            )
            .map_err(|e| PasskeyError::Refused(e.to_string()))?;
        Ok((to_json(&options)?, to_json(&state)?))
    }

    pub fn finish_registration(&self, answer: &str, state: &str) -> Result<Passkey, PasskeyError> {
        let answer: RegisterPublicKeyCredential =
            serde_json::from_str(answer).map_err(|_| PasskeyError::Unreadable)?;
        let state: PasskeyRegistration =
            serde_json::from_str(state).map_err(|_| PasskeyError::Unreadable)?;
        self.0
            .finish_passkey_registration(&answer, &state)
            .map_err(|e| PasskeyError::Refused(e.to_string()))
    }

    /// The options for `navigator.credentials.get` with `keys`, and the
    /// state that checks the answer.
    pub fn start_authentication(&self, keys: &[Passkey]) -> Result<(String, String), PasskeyError> {
        let (options, state) = self
            .0
            .start_passkey_authentication(keys)
            .map_err(|e| PasskeyError::Refused(e.to_string()))?;
        Ok((to_json(&options)?, to_json(&state)?))
    }

    /// Options that look like [`Self::start_authentication`]'s for a name
    /// with no passkey (or no account): whoever asks learns nothing.
    pub fn decoy_authentication(&self, workspace_url: &str) -> String {
        let random = |n: usize| {
            let mut bytes = vec![0u8; n];
            rand::thread_rng().fill_bytes(&mut bytes);
            B64URL.encode(bytes)
        };
        let rp_id = Url::parse(workspace_url)
            .ok()
            .and_then(|u| u.domain().map(str::to_string))
            .unwrap_or_default();
        serde_json::json!({ "publicKey": {
            "challenge": random(32),
            "timeout": 300000,
            "rpId": rp_id,
            "allowCredentials": [{ "type": "public-key", "id": random(16) }],
            "userVerification": "required"
        }})
        .to_string()
    }

    pub fn finish_authentication(
        &self,
        answer: &str,
        state: &str,
    ) -> Result<AuthenticationResult, PasskeyError> {
        let answer: PublicKeyCredential =
            serde_json::from_str(answer).map_err(|_| PasskeyError::Unreadable)?;
        let state: PasskeyAuthentication =
            serde_json::from_str(state).map_err(|_| PasskeyError::Unreadable)?;
        self.0
            .finish_passkey_authentication(&answer, &state)
            .map_err(|e| PasskeyError::Refused(e.to_string()))
    }
}

/// A passkey's id as browsers write it (base64url).
pub fn credential_id(passkey: &Passkey) -> String {
    B64URL.encode::<&[u8]>(passkey.cred_id().as_ref())
}

fn to_json(value: &impl serde::Serialize) -> Result<String, PasskeyError> {
    serde_json::to_string(value).map_err(|e| PasskeyError::Refused(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passkeys_need_a_domain_name() {
        assert!(RelyingParty::for_workspace("https://svoboda.example").is_some());
        assert!(RelyingParty::for_workspace("http://localhost:8080").is_some());
        assert!(RelyingParty::for_workspace("http://127.0.0.1:8080").is_none());
        assert!(RelyingParty::for_workspace("not a url").is_none());
    }

    #[test]
    fn a_decoy_looks_like_a_real_challenge() {
        let rp = RelyingParty::for_workspace("https://svoboda.example").expect("rp");
        let decoy: serde_json::Value =
            serde_json::from_str(&rp.decoy_authentication("https://svoboda.example"))
                .expect("JSON");
        assert_eq!(decoy["publicKey"]["rpId"], "svoboda.example");
        assert_eq!(decoy["publicKey"]["userVerification"], "required");
        assert!(
            decoy["publicKey"]["challenge"]
                .as_str()
                .is_some_and(|c| c.len() > 40)
        );
    }
}
