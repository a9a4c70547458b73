//! Who may do what. An owner may do everything; everyone else holds roles
//! per campaign, and a role grants only what its holder's work needs, so
//! that an account taken over harms as little as possible.

/// A role in one campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The campaign's content, updates, and its petitions' texts and dates.
    Editor,
    /// Downloads the sealed signature export and sees counts; nothing else.
    Delivery,
    /// Downloads the campaign's sealed letters, marks them sent or not
    /// passed on, and uploads replies; nothing else.
    Letters,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Editor, Role::Delivery, Role::Letters];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Delivery => "delivery",
            Role::Letters => "letters",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A role in a campaign, by its slug.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grant {
    pub campaign: String,
    pub role: Role,
}

/// What one signed-in account may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub owner: bool,
    pub grants: Vec<Grant>,
}

impl Access {
    fn holds(&self, campaign: &str, role: Role) -> bool {
        self.grants
            .iter()
            .any(|g| g.campaign == campaign && g.role == role)
    }

    /// Change the campaign's content, updates and petitions' texts.
    pub fn may_edit(&self, campaign: &str) -> bool {
        self.owner || self.holds(campaign, Role::Editor)
    }

    /// Download the sealed signature export of the campaign's petitions.
    pub fn may_deliver(&self, campaign: &str) -> bool {
        self.owner || self.holds(campaign, Role::Delivery)
    }

    /// Download, mark and answer the campaign's letters: its letters
    /// volunteers and owners; not editors, not delivery people.
    pub fn may_handle_letters(&self, campaign: &str) -> bool {
        self.owner || self.holds(campaign, Role::Letters)
    }

    /// Open signatures of some campaign: owners and delivery people.
    pub fn may_deliver_any(&self) -> bool {
        self.owner || self.grants.iter().any(|g| g.role == Role::Delivery)
    }

    /// See the campaign in the workspace at all (its counts, at least).
    pub fn may_see(&self, campaign: &str) -> bool {
        self.owner || self.grants.iter().any(|g| g.campaign == campaign)
    }

    /// Accounts, roles, the organisation registry, the audit log, settings.
    pub fn may_manage_instance(&self) -> bool {
        self.owner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(owner: bool, grants: &[(&str, Role)]) -> Access {
        Access {
            owner,
            grants: grants
                .iter()
                .map(|(c, r)| Grant {
                    campaign: c.to_string(),
                    role: *r,
                })
                .collect(),
        }
    }

    #[test]
    fn roles_reach_only_their_campaign_and_their_work() {
        let editor = access(false, &[("a", Role::Editor), ("b", Role::Delivery)]);
        assert!(editor.may_edit("a") && editor.may_see("a"));
        assert!(
            !editor.may_deliver("a"),
            "an editor does not download signers"
        );
        assert!(editor.may_deliver("b") && !editor.may_edit("b"));
        assert!(!editor.may_see("c") && !editor.may_edit("c") && !editor.may_deliver("c"));
        assert!(!editor.may_manage_instance());
        assert!(!editor.may_handle_letters("a") && !editor.may_handle_letters("b"));
        let volunteer = access(false, &[("a", Role::Letters)]);
        assert!(volunteer.may_handle_letters("a") && volunteer.may_see("a"));
        assert!(!volunteer.may_edit("a") && !volunteer.may_deliver("a"));
        assert!(!volunteer.may_handle_letters("b") && !volunteer.may_deliver_any());
        let owner = access(true, &[]);
        assert!(owner.may_edit("c") && owner.may_deliver("c") && owner.may_manage_instance());
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("owner"), None);
    }
}
