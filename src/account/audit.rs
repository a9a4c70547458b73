//! The audit log: who did what in the workspace, and when. It names
//! accounts and campaigns, never signers, and no client addresses.

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignInWithRecoveryCode,
    SignOut,
    SessionEnded,
    SessionsEndedAll,
    InvitationCreated,
    InvitationAccepted,
    RoleGranted,
    RoleRevoked,
    AccountRemoved,
    PasswordChanged,
    AuthenticatorReplaced,
    RecoveryCodesRenewed,
    ExportDownloaded,
    MailTested,
    CampaignSaved,
    CampaignPublished,
    CampaignRestored,
    PhotoUploaded,
    OrganisationSaved,
    PetitionClosed,
    PetitionOpened,
    /// The password or code asked again before a sensitive change was wrong.
    ConfirmationFailed,
    OrganiserKeyProposed,
    OrganiserKeyCancelled,
    OrganiserKeyRemoved,
    PasskeyAdded,
    PasskeyRemoved,
    SignInWithPasskey,
    /// Owners required passkeys of owners and delivery people, or stopped.
    PasskeysRequirement,
    /// An owner added another group's instance to the directory, or removed one.
    PeerAdded,
    PeerRemoved,
    /// An editor added signatures collected on paper, or corrected an entry.
    PaperAdded,
    PaperCorrected,
    /// A letters volunteer downloaded a campaign's sealed letters, marked
    /// one sent or not passed on, or uploaded a reply (by number only).
    LettersDownloaded,
    LetterMarked,
    LetterReplyUploaded,
}

impl AuditAction {
    pub const ALL: [AuditAction; 38] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignInWithRecoveryCode,
        AuditAction::SignOut,
        AuditAction::SessionEnded,
        AuditAction::SessionsEndedAll,
        AuditAction::InvitationCreated,
        AuditAction::InvitationAccepted,
        AuditAction::RoleGranted,
        AuditAction::RoleRevoked,
        AuditAction::AccountRemoved,
        AuditAction::PasswordChanged,
        AuditAction::AuthenticatorReplaced,
        AuditAction::RecoveryCodesRenewed,
        AuditAction::ExportDownloaded,
        AuditAction::MailTested,
        AuditAction::CampaignSaved,
        AuditAction::CampaignPublished,
        AuditAction::CampaignRestored,
        AuditAction::PhotoUploaded,
        AuditAction::OrganisationSaved,
        AuditAction::PetitionClosed,
        AuditAction::PetitionOpened,
        AuditAction::ConfirmationFailed,
        AuditAction::OrganiserKeyProposed,
        AuditAction::OrganiserKeyCancelled,
        AuditAction::OrganiserKeyRemoved,
        AuditAction::PasskeyAdded,
        AuditAction::PasskeyRemoved,
        AuditAction::SignInWithPasskey,
        AuditAction::PasskeysRequirement,
        AuditAction::PeerAdded,
        AuditAction::PeerRemoved,
        AuditAction::PaperAdded,
        AuditAction::PaperCorrected,
        AuditAction::LettersDownloaded,
        AuditAction::LetterMarked,
        AuditAction::LetterReplyUploaded,
    ];

    /// The stored name, also the suffix of its translation key.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign-in",
            AuditAction::SignInFailed => "sign-in-failed",
            AuditAction::SignInWithRecoveryCode => "sign-in-recovery-code",
            AuditAction::SignOut => "sign-out",
            AuditAction::SessionEnded => "session-ended",
            AuditAction::SessionsEndedAll => "sessions-ended-all",
            AuditAction::InvitationCreated => "invitation-created",
            AuditAction::InvitationAccepted => "invitation-accepted",
            AuditAction::RoleGranted => "role-granted",
            AuditAction::RoleRevoked => "role-revoked",
            AuditAction::AccountRemoved => "account-removed",
            AuditAction::PasswordChanged => "password-changed",
            AuditAction::AuthenticatorReplaced => "authenticator-replaced",
            AuditAction::RecoveryCodesRenewed => "recovery-codes-renewed",
            AuditAction::ExportDownloaded => "export-downloaded",
            AuditAction::MailTested => "mail-tested",
            AuditAction::CampaignSaved => "campaign-saved",
            AuditAction::CampaignPublished => "campaign-published",
            AuditAction::CampaignRestored => "campaign-restored",
            AuditAction::PhotoUploaded => "photo-uploaded",
            AuditAction::OrganisationSaved => "organisation-saved",
            AuditAction::PetitionClosed => "petition-closed",
            AuditAction::PetitionOpened => "petition-opened",
            AuditAction::ConfirmationFailed => "confirmation-failed",
            AuditAction::OrganiserKeyProposed => "organiser-key-proposed",
            AuditAction::OrganiserKeyCancelled => "organiser-key-cancelled",
            AuditAction::OrganiserKeyRemoved => "organiser-key-removed",
            AuditAction::PasskeyAdded => "passkey-added",
            AuditAction::PasskeyRemoved => "passkey-removed",
            AuditAction::SignInWithPasskey => "sign-in-passkey",
            AuditAction::PasskeysRequirement => "passkeys-requirement",
            AuditAction::PeerAdded => "peer-added",
            AuditAction::PeerRemoved => "peer-removed",
            AuditAction::PaperAdded => "paper-added",
            AuditAction::PaperCorrected => "paper-corrected",
            AuditAction::LettersDownloaded => "letters-downloaded",
            AuditAction::LetterMarked => "letter-marked",
            AuditAction::LetterReplyUploaded => "letter-reply-uploaded",
        }
    }

    pub fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// One line of the log. The actor's login is kept as it was, so the line
/// stays readable after the account is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: Option<i64>,
    pub actor_login: Option<String>,
    pub action: AuditAction,
    pub campaign: Option<String>,
    /// Whom or what it concerned, in a few words (a login, a role, a petition).
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
    }
}
