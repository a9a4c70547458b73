//! The name an organiser signs in with. It is not an e-mail address: the
//! workspace needs none, and an address is one more thing a seized server
//! would tell about the people running a campaign.

use std::fmt;

/// Characters of a login name, at most.
pub const MAX_LOGIN_CHARS: usize = 64;

/// A login name, trimmed and in lower case, so `Anna` and `anna ` are one name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Login(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginProblem {
    Empty,
    TooLong,
    /// Spaces inside, control characters, or characters easy to confuse.
    BadCharacters,
}

impl Login {
    /// Letters (of any script), digits, `.`, `-` and `_`.
    pub fn parse(text: &str) -> Result<Login, LoginProblem> {
        let name = text.trim().to_lowercase();
        if name.is_empty() {
            return Err(LoginProblem::Empty);
        }
        if name.chars().count() > MAX_LOGIN_CHARS {
            return Err(LoginProblem::TooLong);
        }
        if !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            return Err(LoginProblem::BadCharacters);
        }
        Ok(Login(name))
    }

    /// A name as stored: already checked when it was created.
    pub fn from_stored(name: String) -> Login {
        Login(name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_case_and_space_insensitive() {
        assert_eq!(Login::parse(" Anna ").ok(), Login::parse("anna").ok());
        assert_eq!(
            Login::parse("Ольга.К").map(|l| l.to_string()),
            Ok("ольга.к".into())
        );
        assert_eq!(Login::parse("  "), Err(LoginProblem::Empty));
        assert_eq!(Login::parse("an na"), Err(LoginProblem::BadCharacters));
        assert_eq!(Login::parse("a\u{0}b"), Err(LoginProblem::BadCharacters));
        assert_eq!(Login::parse(&"a".repeat(65)), Err(LoginProblem::TooLong));
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_is_idempotent(text in "\\PC{0,80}") {
            if let Ok(login) = Login::parse(&text) {
                prop_assert_eq!(Login::parse(login.as_str()), Ok(login.clone()));
            }
        }
    }
}
