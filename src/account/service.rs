//! The workspace's accounts at work: invitations, enrolment, signing in
//! and out, sessions. The rules come from the sibling modules; this joins
//! them with the store and the instance secret.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use serde::{Deserialize, Serialize};

use super::device::DeviceNote;
use super::login::{Login, LoginProblem};
use super::password::{self, PasswordProblem};
use super::throttle::Throttle;
use super::{
    Access, Account, AuditAction, AuditEntry, Grant, INVITATION_HOURS, Invitation, Lifetimes,
    NewAccount, Role, Session, recovery, session, token, totp,
};
use crate::campaign::Lang;
use crate::petition::background::WorkerThreads;
use crate::petition::secret::InstanceSecret;
use crate::store::{Accepted, Store, StoreError};

/// The name authenticator apps show beside the code.
pub const ISSUER: &str = "Svoboda";

pub struct Accounts {
    pub store: Store,
    secret: Arc<InstanceSecret>,
    pub lifetimes: Lifetimes,
    by_name: Throttle,
    by_client: Throttle,
}

/// An enrolment between its two steps (password chosen, code not yet
/// confirmed), sealed into the page so nothing is stored before the
/// account is whole.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Enrolment {
    pub login: String,
    pub password_hash: String,
    pub totp_secret: Vec<u8>,
    /// The invitation (or, for a new authenticator, the account) it is for.
    pub bound_to: Vec<u8>,
    pub expires_at: i64,
}

/// Why the first step of an enrolment was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolProblem {
    Login(LoginProblem),
    Password(PasswordProblem),
    PasswordsDiffer,
    LoginTaken,
}

/// The end of an invitation's enrolment.
#[derive(Debug)]
pub enum AcceptOutcome {
    Created {
        account: Account,
        recovery_codes: Vec<String>,
        session_token: String,
    },
    WrongCode,
    /// The enrolment's data did not come back intact, or is too old.
    Tampered,
    Gone,
    LoginTaken,
}

#[derive(Debug)]
pub enum SignInOutcome {
    SignedIn {
        account: Account,
        session_token: String,
        /// The sealed note that makes this browser known (see `device`).
        device_token: String,
    },
    /// Wrong name, password or code: one answer for all.
    Refused,
    /// Too many failures under this name or from this client.
    Wait(Duration),
    /// Right name, password and code, but the owners require this account
    /// (an owner's or delivery person's, with a passkey) to use its passkey.
    PasskeyRequired,
}

/// What the first half of signing in found.
struct PasswordChecked {
    /// The account of the name, and its password hash.
    found: Option<(Account, String)>,
    password_ok: bool,
    /// What the throttle counts this attempt under.
    name_key: String,
}

/// Asking a signed-in person to prove again who they are, before a change
/// that a stolen session must not be able to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    Confirmed,
    /// The password (or the code) was wrong.
    Refused,
    /// Too many failures under this name: wait before trying again.
    Wait(Duration),
}

/// A live session with its account and what the account may do.
#[derive(Debug, Clone)]
pub struct Signed {
    pub session: Session,
    pub account: Account,
    pub access: Access,
}

/// Seconds an enrolment's second step may take.
const ENROLMENT_SECONDS: i64 = 3600;

impl Accounts {
    pub fn new(store: Store, secret: Arc<InstanceSecret>, lifetimes: Lifetimes) -> Self {
        Accounts {
            store,
            secret,
            lifetimes,
            by_name: Throttle::new(),
            by_client: Throttle::new(),
        }
    }

    pub fn secret(&self) -> &InstanceSecret {
        &self.secret
    }

    pub async fn audit(
        &self,
        actor: Option<&Account>,
        action: AuditAction,
        campaign: Option<&str>,
        detail: impl Into<String>,
        now: i64,
    ) -> Result<(), StoreError> {
        self.store
            .audit(&AuditEntry {
                at: now,
                actor: actor.map(|a| a.id),
                actor_login: actor.map(|a| a.login.to_string()),
                action,
                campaign: campaign.map(str::to_string),
                detail: detail.into(),
            })
            .await
    }

    /// A new invitation; returns the token of its link (shown once).
    pub async fn invite(
        &self,
        owner: bool,
        grant: Option<&Grant>,
        by: Option<&Account>,
        now: i64,
    ) -> Result<String, StoreError> {
        let token = token::generate();
        let expires = now + INVITATION_HOURS * 3600;
        self.store
            .create_invitation(
                &token::hash(&token),
                owner,
                grant,
                by.map(|a| a.id),
                expires,
            )
            .await?;
        let what = match grant {
            Some(g) => g.role.as_str(),
            None => "owner",
        };
        self.audit(
            by,
            AuditAction::InvitationCreated,
            grant.map(|g| g.campaign.as_str()),
            what,
            now,
        )
        .await?;
        Ok(token)
    }

    pub async fn invitation(
        &self,
        token: &str,
        now: i64,
    ) -> Result<Option<Invitation>, StoreError> {
        if !token::well_formed(token) {
            return Ok(None);
        }
        self.store.invitation(&token::hash(token), now).await
    }

    /// Checks the chosen name and password; on success, the sealed
    /// enrolment for the page that shows the new authenticator secret.
    pub async fn start_enrolment(
        &self,
        invitation_token: &str,
        login: &str,
        password: &str,
        repeated: &str,
        now: i64,
    ) -> Result<Result<(Enrolment, String), Vec<EnrolProblem>>, StoreError> {
        let mut problems = Vec::new();
        let login = Login::parse(login).map_err(EnrolProblem::Login);
        if let Err(p) = &login {
            problems.push(*p);
        }
        let name = login.as_ref().map(|l| l.as_str()).unwrap_or_default();
        if let Err(p) = password::check(password, name) {
            problems.push(EnrolProblem::Password(p));
        } else if password != repeated {
            problems.push(EnrolProblem::PasswordsDiffer);
        }
        if let Ok(login) = &login
            && self.store.account_by_login(login).await?.is_some()
        {
            problems.push(EnrolProblem::LoginTaken);
        }
        let Ok(login) = login else {
            return Ok(Err(problems));
        };
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let password = password.to_string();
        let password_hash = hash_off_thread(password).await?;
        let enrolment = Enrolment {
            login: login.to_string(),
            password_hash,
            totp_secret: totp::generate_secret(),
            bound_to: token::hash(invitation_token),
            expires_at: now + ENROLMENT_SECONDS,
        };
        let sealed = self.seal_enrolment(&enrolment);
        Ok(Ok((enrolment, sealed)))
    }

    /// An authenticator secret for a signed-in account replacing its own.
    pub fn start_new_authenticator(&self, account: &Account, now: i64) -> (Enrolment, String) {
        let enrolment = Enrolment {
            login: account.login.to_string(),
            password_hash: String::new(),
            totp_secret: totp::generate_secret(),
            bound_to: account.id.to_be_bytes().to_vec(),
            expires_at: now + ENROLMENT_SECONDS,
        };
        let sealed = self.seal_enrolment(&enrolment);
        (enrolment, sealed)
    }

    fn seal_enrolment(&self, enrolment: &Enrolment) -> String {
        let json = serde_json::to_vec(enrolment).unwrap_or_default();
        B64URL.encode(self.secret.seal_workspace(&json))
    }

    /// The enrolment a page brought back, if this instance sealed it for
    /// `bound_to` and it is not too old.
    pub fn open_enrolment(&self, sealed: &str, bound_to: &[u8], now: i64) -> Option<Enrolment> {
        let raw = B64URL.decode(sealed.trim().as_bytes()).ok()?;
        let json = self.secret.open_workspace(&raw)?;
        let enrolment: Enrolment = serde_json::from_slice(&json).ok()?;
        (enrolment.bound_to == bound_to && enrolment.expires_at > now).then_some(enrolment)
    }

    /// The second step: the code from the new authenticator proves it was
    /// set up; then the account is created whole, and signed in.
    pub async fn accept(
        &self,
        invitation_token: &str,
        sealed: &str,
        code: &str,
        lang: Lang,
        device: &str,
        now: i64,
    ) -> Result<AcceptOutcome, StoreError> {
        let bound = token::hash(invitation_token);
        let Some(enrolment) = self.open_enrolment(sealed, &bound, now) else {
            return Ok(AcceptOutcome::Tampered);
        };
        let Some(step) = totp::verify(&enrolment.totp_secret, code, now, 0) else {
            return Ok(AcceptOutcome::WrongCode);
        };
        let recovery_codes = recovery::generate();
        let new = NewAccount {
            login: Login::from_stored(enrolment.login.clone()),
            password_hash: enrolment.password_hash.clone(),
            lang,
            totp_sealed: self.secret.seal_workspace(&enrolment.totp_secret),
            totp_step: step,
            recovery_hashes: recovery_codes
                .iter()
                .filter_map(|c| recovery::hash(c))
                .collect(),
            created_at: now,
        };
        let id = match self.store.accept_invitation(&bound, now, &new).await? {
            Accepted::Created(id) => id,
            Accepted::Gone => return Ok(AcceptOutcome::Gone),
            Accepted::LoginTaken => return Ok(AcceptOutcome::LoginTaken),
        };
        let account = self
            .store
            .account(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("account {id} vanished")))?;
        let access = self.store.access(&account).await?;
        let (detail, campaign) = match access.grants.first() {
            Some(g) if !account.owner => (g.role.as_str(), Some(g.campaign.as_str())),
            _ => ("owner", None),
        };
        self.audit(
            Some(&account),
            AuditAction::InvitationAccepted,
            campaign,
            detail,
            now,
        )
        .await?;
        let session_token = self.open_session(&account, device, now).await?;
        Ok(AcceptOutcome::Created {
            account,
            recovery_codes,
            session_token,
        })
    }

    async fn open_session(
        &self,
        account: &Account,
        device: &str,
        now: i64,
    ) -> Result<String, StoreError> {
        let token = token::generate();
        self.store
            .create_session(
                &token::hash(&token),
                account.id,
                &token::generate(),
                device,
                now,
            )
            .await?;
        Ok(token)
    }

    /// Signs in with a name, a password and a code (from the authenticator,
    /// or a recovery code). Unknown names cost as much time as known ones
    /// and get the same answer.
    ///
    /// A browser known for this name (`device_token`, from an earlier
    /// sign-in) is throttled under its own key, not the name's: strangers
    /// guessing cannot lock it out.
    #[allow(clippy::too_many_arguments)]
    pub async fn sign_in(
        &self,
        name: &str,
        password: &str,
        code: &str,
        client: &str,
        device: &str,
        device_token: Option<&str>,
        now: i64,
        clock: Instant,
    ) -> Result<SignInOutcome, StoreError> {
        let checked = match self
            .password_checked(name, password, client, device_token, now, clock)
            .await?
        {
            Ok(checked) => checked,
            Err(wait) => return Ok(SignInOutcome::Wait(wait)),
        };
        let (found, password_ok, name_key) = (checked.found, checked.password_ok, checked.name_key);
        let mut factor = None;
        if password_ok && let Some((account, _)) = &found {
            factor = self.second_factor(account, code, now).await?;
        }
        if let (Some((account, _)), Some(_)) = (&found, factor)
            && self.must_use_passkey(account).await?
        {
            self.by_name.succeed(&name_key);
            self.by_client.succeed(client);
            self.audit(
                Some(account),
                AuditAction::SignInFailed,
                None,
                "passkey required",
                now,
            )
            .await?;
            return Ok(SignInOutcome::PasskeyRequired);
        }
        match (found, factor) {
            (Some((account, _)), Some(action)) => {
                self.by_name.succeed(&name_key);
                self.by_client.succeed(client);
                let session_token = self.open_session(&account, device, now).await?;
                self.audit(Some(&account), action, None, "", now).await?;
                let device_token = self.device_token(&account, now);
                Ok(SignInOutcome::SignedIn {
                    account,
                    session_token,
                    device_token,
                })
            }
            (found, _) => {
                let account = found.map(|(a, _)| a);
                self.audit(account.as_ref(), AuditAction::SignInFailed, None, "", now)
                    .await?;
                Ok(SignInOutcome::Refused)
            }
        }
    }

    /// The first half of signing in: throttled (per name, or per known
    /// browser, and per client), counted before hashing; `Err` is the wait.
    async fn password_checked(
        &self,
        name: &str,
        password: &str,
        client: &str,
        device_token: Option<&str>,
        now: i64,
        clock: Instant,
    ) -> Result<Result<PasswordChecked, Duration>, StoreError> {
        let name_key = device_token
            .and_then(|t| self.device_note(t))
            .and_then(|note| note.key_for(name, now))
            .unwrap_or_else(|| name.trim().to_lowercase());
        let wait = self
            .by_name
            .wait(&name_key, clock)
            .max(self.by_client.wait(client, clock));
        if !wait.is_zero() {
            return Ok(Err(wait));
        }
        // Counted before hashing, forgiven on success: a burst of attempts
        // is throttled while its first ones are still being checked.
        self.by_name.fail(&name_key, clock);
        self.by_client.fail(client, clock);
        let found = match Login::parse(name) {
            Ok(login) => self.store.account_by_login(&login).await?,
            Err(_) => None,
        };
        // Unknown names are checked against a decoy, computed once on the
        // hashing threads like any other hash.
        let stored = found.as_ref().map(|(_, h)| h.clone());
        let password_ok = verify_off_thread(password.to_string(), stored).await? && found.is_some();
        Ok(Ok(PasswordChecked {
            found,
            password_ok,
            name_key,
        }))
    }

    /// A password whose second factor is a passkey (the code left empty):
    /// `Ok(Some(account))` when it is right. The answer's page is the same
    /// either way (a challenge nothing answers when it is wrong), so the
    /// password is never confirmed to a guesser.
    pub async fn password_before_passkey(
        &self,
        name: &str,
        password: &str,
        client: &str,
        device_token: Option<&str>,
        now: i64,
        clock: Instant,
    ) -> Result<Result<Option<Account>, Duration>, StoreError> {
        let checked = match self
            .password_checked(name, password, client, device_token, now, clock)
            .await?
        {
            Ok(checked) => checked,
            Err(wait) => return Ok(Err(wait)),
        };
        let found = checked.found.map(|(a, _)| a);
        if !checked.password_ok {
            self.audit(found.as_ref(), AuditAction::SignInFailed, None, "", now)
                .await?;
            return Ok(Ok(None));
        }
        self.by_name.succeed(&checked.name_key);
        self.by_client.succeed(client);
        Ok(Ok(found))
    }

    /// Whether the owners require `account` to sign in with its passkey: an
    /// owner's, a delivery person's or a letters volunteer's account (they
    /// can read signers or writers) that has one. Accounts without a
    /// passkey still sign in with a code, so that they can add one.
    async fn must_use_passkey(&self, account: &Account) -> Result<bool, StoreError> {
        let note = self
            .store
            .instance_note(super::passkey::REQUIRED_NOTE)
            .await?;
        if note.as_deref() != Some("yes") {
            return Ok(false);
        }
        let access = self.store.access(account).await?;
        let delivers = access.owner
            || access
                .grants
                .iter()
                .any(|g| matches!(g.role, Role::Delivery | Role::Letters));
        Ok(delivers && !self.store.passkeys_of(account.id).await?.is_empty())
    }

    /// Opens a session for `account`, whose passkey just proved itself (the
    /// authenticator verified its user: both factors at once); audited.
    /// Returns the session's and the device cookie's tokens.
    pub async fn sign_in_with_passkey(
        &self,
        account: &Account,
        device: &str,
        now: i64,
    ) -> Result<(String, String), StoreError> {
        let session_token = self.open_session(account, device, now).await?;
        self.audit(Some(account), AuditAction::SignInWithPasskey, None, "", now)
            .await?;
        Ok((session_token, self.device_token(account, now)))
    }

    /// A sealed note that this browser signed in to `account` (its cookie).
    pub fn device_token(&self, account: &Account, now: i64) -> String {
        let note = DeviceNote::new(account.login.as_str(), now);
        let plain = serde_json::to_vec(&note).unwrap_or_default();
        B64URL.encode(self.secret.seal_workspace(&plain))
    }

    fn device_note(&self, token: &str) -> Option<DeviceNote> {
        let sealed = B64URL.decode(token.as_bytes()).ok()?;
        let plain = self.secret.open_workspace(&sealed)?;
        serde_json::from_slice(&plain).ok()
    }

    /// Checks a code: the authenticator's, else a recovery code (spent).
    async fn second_factor(
        &self,
        account: &Account,
        code: &str,
        now: i64,
    ) -> Result<Option<AuditAction>, StoreError> {
        if let Some(credential) = self.store.totp_credential(account.id).await?
            && let Some(secret) = self.secret.open_workspace(&credential.sealed)
            && let Some(step) = totp::verify(&secret, code, now, credential.last_step)
            && self.store.spend_totp_step(credential.id, step).await?
        {
            return Ok(Some(AuditAction::SignIn));
        }
        if let Some(hash) = recovery::hash(code)
            && self.store.spend_recovery_code(account.id, &hash).await?
        {
            return Ok(Some(AuditAction::SignInWithRecoveryCode));
        }
        Ok(None)
    }

    /// Whether `code` is the current one of the account's authenticator
    /// (to confirm a sensitive change). Spends it.
    pub async fn check_code(
        &self,
        account: &Account,
        code: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        Ok(self.second_factor(account, code, now).await?.is_some())
    }

    /// The live session of a cookie's token, with its account and access.
    /// Why the session of a cookie's token was ended by an owner, if it was.
    pub async fn session_ending(
        &self,
        token: &str,
        now: i64,
    ) -> Result<Option<crate::store::sessions::SessionEnding>, StoreError> {
        if !token::well_formed(token) {
            return Ok(None);
        }
        self.store.session_ending(&token::hash(token), now).await
    }

    pub async fn session(&self, token: &str, now: i64) -> Result<Option<Signed>, StoreError> {
        if !token::well_formed(token) {
            return Ok(None);
        }
        let Some(session) = self.store.session(&token::hash(token)).await? else {
            return Ok(None);
        };
        if !self
            .lifetimes
            .alive(session.created_at, session.seen_at, now)
        {
            self.store.end_session(session.account, session.id).await?;
            return Ok(None);
        }
        let Some(account) = self.store.account(session.account).await? else {
            return Ok(None);
        };
        if now - session.seen_at >= session::SEEN_GRANULARITY {
            self.store.touch_session(session.id, now).await?;
        }
        let access = self.store.access(&account).await?;
        Ok(Some(Signed {
            session,
            account,
            access,
        }))
    }

    pub async fn sign_out(&self, signed: &Signed, now: i64) -> Result<(), StoreError> {
        self.store
            .end_session(signed.account.id, signed.session.id)
            .await?;
        self.audit(Some(&signed.account), AuditAction::SignOut, None, "", now)
            .await
    }

    /// Checks the account's password again, and with `code` its second
    /// factor too (spending the code). Throttled and audited like signing
    /// in, under the same name: a stolen session cannot guess the password.
    pub async fn confirm(
        &self,
        signed: &Signed,
        password: &str,
        code: Option<&str>,
        now: i64,
        clock: Instant,
    ) -> Result<Confirmation, StoreError> {
        let name_key = signed.account.login.as_str().to_string();
        let wait = self.by_name.wait(&name_key, clock);
        if !wait.is_zero() {
            return Ok(Confirmation::Wait(wait));
        }
        self.by_name.fail(&name_key, clock);
        let stored = self
            .store
            .password_hash(signed.account.id)
            .await?
            .unwrap_or_default();
        let mut confirmed = verify_off_thread(password.to_string(), stored).await?;
        if confirmed && let Some(code) = code {
            confirmed = self
                .second_factor(&signed.account, code, now)
                .await?
                .is_some();
        }
        if confirmed {
            self.by_name.succeed(&name_key);
            return Ok(Confirmation::Confirmed);
        }
        self.audit(
            Some(&signed.account),
            AuditAction::ConfirmationFailed,
            None,
            "",
            now,
        )
        .await?;
        Ok(Confirmation::Refused)
    }

    /// Changes the password; the current one was confirmed before (see
    /// [`Accounts::confirm`]).
    pub async fn change_password(
        &self,
        signed: &Signed,
        new: &str,
        repeated: &str,
        now: i64,
    ) -> Result<Result<(), Vec<EnrolProblem>>, StoreError> {
        if let Err(p) = password::check(new, signed.account.login.as_str()) {
            return Ok(Err(vec![EnrolProblem::Password(p)]));
        }
        if new != repeated {
            return Ok(Err(vec![EnrolProblem::PasswordsDiffer]));
        }
        let hash = hash_off_thread(new.to_string()).await?;
        self.store.set_password(signed.account.id, &hash).await?;
        // Whoever knew the old password may hold a session: end the others.
        self.store
            .end_sessions(signed.account.id, Some(signed.session.id))
            .await?;
        self.audit(
            Some(&signed.account),
            AuditAction::PasswordChanged,
            None,
            "",
            now,
        )
        .await?;
        Ok(Ok(()))
    }

    /// Replaces the account's authenticator once a code of the new one is typed.
    pub async fn replace_authenticator(
        &self,
        signed: &Signed,
        sealed: &str,
        code: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let bound = signed.account.id.to_be_bytes();
        let Some(enrolment) = self.open_enrolment(sealed, &bound, now) else {
            return Ok(false);
        };
        let Some(step) = totp::verify(&enrolment.totp_secret, code, now, 0) else {
            return Ok(false);
        };
        let sealed_secret = self.secret.seal_workspace(&enrolment.totp_secret);
        self.store
            .replace_totp(signed.account.id, &sealed_secret, step, now)
            .await?;
        self.audit(
            Some(&signed.account),
            AuditAction::AuthenticatorReplaced,
            None,
            "",
            now,
        )
        .await?;
        Ok(true)
    }

    /// Ten new recovery codes; the old ones stop working.
    pub async fn renew_recovery_codes(
        &self,
        signed: &Signed,
        now: i64,
    ) -> Result<Vec<String>, StoreError> {
        let codes = recovery::generate();
        let hashes: Vec<Vec<u8>> = codes.iter().filter_map(|c| recovery::hash(c)).collect();
        self.store
            .replace_recovery_codes(signed.account.id, &hashes)
            .await?;
        self.audit(
            Some(&signed.account),
            AuditAction::RecoveryCodesRenewed,
            None,
            "",
            now,
        )
        .await?;
        Ok(codes)
    }

    /// Forgets throttling records and sessions that are over.
    pub async fn tidy(&self, now: i64, clock: Instant) -> Result<u64, StoreError> {
        self.by_name.forget_idle(clock);
        self.by_client.forget_idle(clock);
        self.store
            .end_expired_sessions(
                self.lifetimes.idle_cutoff(now),
                self.lifetimes.absolute_cutoff(now),
            )
            .await
    }
}

/// Argon2 hashes at once, each on a thread of its own: a hash takes 19 MiB
/// for a fifth of a second, and the same two threads reuse that memory. On
/// the blocking pool each hash could land on another thread, whose freed
/// memory the allocator keeps: 50 sign-ins at once then left 340 MiB behind.
const HASHING_THREADS: usize = 2;

fn hashers() -> Result<&'static WorkerThreads, StoreError> {
    static HASHERS: OnceLock<Option<WorkerThreads>> = OnceLock::new();
    HASHERS
        .get_or_init(|| WorkerThreads::start("svoboda-hash", HASHING_THREADS).ok())
        .as_ref()
        .ok_or_else(|| StoreError::Unsupported("no thread for password hashing".into()))
}

/// Runs `work` on a hashing thread, waiting for its turn.
async fn on_hasher<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let queued = hashers()?.run(move || {
        let _ = reply.send(work());
    });
    if !queued {
        return Err(StoreError::Unsupported("password hashing stopped".into()));
    }
    answer
        .await
        .map_err(|_| StoreError::Unsupported("password hashing stopped".into()))
}

async fn hash_off_thread(password: String) -> Result<String, StoreError> {
    on_hasher(move || password::hash(&password)).await
}

/// Checks `password` against `stored`, or against the decoy hash when
/// there is no stored one (so an unknown name takes as long).
async fn verify_off_thread(
    password: String,
    stored: impl Into<Option<String>>,
) -> Result<bool, StoreError> {
    let stored = stored.into();
    on_hasher(move || match stored {
        Some(stored) => password::verify(&password, &stored),
        None => password::verify(&password, password::decoy_hash()),
    })
    .await
}
