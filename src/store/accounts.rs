//! Workspace accounts: their second factors, recovery codes, roles, and
//! the invitations that create them.

use super::BeginWrite;
use super::sessions::{SessionEnding, note_endings_in};
use super::{Store, StoreError, on_pool};
use crate::account::{Access, Account, Grant, Invitation, Login, NewAccount, Role, TotpCredential};
use crate::campaign::Lang;

/// What accepting an invitation came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    Created(i64),
    /// Used already, expired, or never issued.
    Gone,
    /// Another account has this login name.
    LoginTaken,
}

type AccountRow = (i64, String, bool, String, i64);
type InvitationRow = (bool, Option<String>, Option<String>, Option<i64>, i64);

fn account_from(row: AccountRow) -> Result<Account, StoreError> {
    let (id, login, owner, lang, created_at) = row;
    Ok(Account {
        id,
        login: Login::from_stored(login),
        owner,
        // A language no longer loaded (its files were removed) is no reason
        // to lock the person out: the workspace speaks English to them.
        lang: lang.parse::<Lang>().unwrap_or(Lang::EN),
        created_at,
    })
}

fn grant_from(campaign: String, role: String) -> Result<Grant, StoreError> {
    let role = Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role '{role}'")))?;
    Ok(Grant { campaign, role })
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

const ACCOUNT_COLUMNS: &str = "id, login, owner, lang, created_at";

impl Store {
    pub async fn create_invitation(
        &self,
        token_hash: &[u8],
        owner: bool,
        grant: Option<&Grant>,
        invited_by: Option<i64>,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO invitations (token_hash, owner, campaign, role, invited_by, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(token_hash)
            .bind(owner)
            .bind(grant.map(|g| g.campaign.as_str()))
            .bind(grant.map(|g| g.role.as_str()))
            .bind(invited_by)
            .bind(expires_at)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// An invitation that is still open at `now`.
    pub async fn invitation(
        &self,
        token_hash: &[u8],
        now: i64,
    ) -> Result<Option<Invitation>, StoreError> {
        let row: Option<InvitationRow> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT owner, campaign, role, invited_by, expires_at FROM invitations
                     WHERE token_hash = $1 AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(owner, campaign, role, invited_by, expires_at)| {
            let grant = match (campaign, role) {
                (Some(c), Some(r)) => Some(grant_from(c, r)?),
                _ => None,
            };
            Ok(Invitation {
                owner,
                grant,
                invited_by,
                expires_at,
            })
        })
        .transpose()
    }

    /// Uses an invitation and creates its account, with its second factor,
    /// recovery codes and role, all at once or not at all.
    pub async fn accept_invitation(
        &self,
        token_hash: &[u8],
        now: i64,
        new: &NewAccount,
    ) -> Result<Accepted, StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let invitation: Option<(bool, Option<String>, Option<String>)> = sqlx::query_as(
                "DELETE FROM invitations WHERE token_hash = $1 AND expires_at > $2
                 RETURNING owner, campaign, role",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((owner, campaign, role)) = invitation else {
                return Ok(Accepted::Gone);
            };
            let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
                "INSERT INTO accounts (login, password_hash, owner, lang, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(new.login.as_str())
            .bind(&new.password_hash)
            .bind(owner)
            .bind(new.lang.code())
            .bind(new.created_at)
            .fetch_one(&mut *tx)
            .await;
            let id = match inserted {
                Ok((id,)) => id,
                Err(e) if is_unique_violation(&e) => return Ok(Accepted::LoginTaken),
                Err(e) => return Err(e.into()),
            };
            sqlx::query(
                "INSERT INTO credentials (account, kind, secret, last_step, created_at)
                 VALUES ($1, 'totp', $2, $3, $4)",
            )
            .bind(id)
            .bind(&new.totp_sealed)
            .bind(new.totp_step)
            .bind(new.created_at)
            .execute(&mut *tx)
            .await?;
            for hash in &new.recovery_hashes {
                sqlx::query("INSERT INTO recovery_codes (account, hash) VALUES ($1, $2)")
                    .bind(id)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await?;
            }
            if let (Some(campaign), Some(role)) = (campaign, role) {
                sqlx::query("INSERT INTO grants (account, campaign, role) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(campaign)
                    .bind(role)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(Accepted::Created(id))
        })
    }

    pub async fn account(&self, id: i64) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let row: Option<AccountRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        row.map(account_from).transpose()
    }

    /// An account and its password hash, by login name.
    pub async fn account_by_login(
        &self,
        login: &Login,
    ) -> Result<Option<(Account, String)>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE login = $1");
        let row: Option<(i64, String, bool, String, i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(login.as_str())
                .fetch_optional(pool)
                .await?
        });
        row.map(|(id, login, owner, lang, created, hash)| {
            Ok((account_from((id, login, owner, lang, created))?, hash))
        })
        .transpose()
    }

    pub async fn password_hash(&self, account: i64) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
                .bind(account)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Every account with its roles, by login name.
    pub async fn accounts(&self) -> Result<Vec<(Account, Vec<Grant>)>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY login");
        let rows: Vec<AccountRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .fetch_all(pool)
                .await?
        });
        let grants: Vec<(i64, String, String)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT account, campaign, role FROM grants ORDER BY campaign, role")
                .fetch_all(pool)
                .await?
        });
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let account = account_from(row)?;
            let mine = grants
                .iter()
                .filter(|(a, _, _)| *a == account.id)
                .map(|(_, c, r)| grant_from(c.clone(), r.clone()))
                .collect::<Result<Vec<_>, _>>()?;
            out.push((account, mine));
        }
        Ok(out)
    }

    /// What an account may do, read afresh: a removed role ends at once.
    pub async fn access(&self, account: &Account) -> Result<Access, StoreError> {
        let rows: Vec<(String, String)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT campaign, role FROM grants WHERE account = $1 ORDER BY campaign, role",
            )
            .bind(account.id)
            .fetch_all(pool)
            .await?
        });
        Ok(Access {
            owner: account.owner,
            grants: rows
                .into_iter()
                .map(|(c, r)| grant_from(c, r))
                .collect::<Result<_, _>>()?,
        })
    }

    pub async fn totp_credential(
        &self,
        account: i64,
    ) -> Result<Option<TotpCredential>, StoreError> {
        let row: Option<(i64, Vec<u8>, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, secret, last_step FROM credentials
                 WHERE account = $1 AND kind = 'totp' ORDER BY id DESC LIMIT 1",
            )
            .bind(account)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(id, sealed, last_step)| TotpCredential {
            id,
            sealed,
            last_step,
        }))
    }

    /// Marks a TOTP step as used; false when it (or a later one) already
    /// was, so two requests racing with one code cannot both sign in.
    pub async fn spend_totp_step(&self, credential: i64, step: i64) -> Result<bool, StoreError> {
        let done = on_pool!(self, |pool| {
            sqlx::query("UPDATE credentials SET last_step = $2 WHERE id = $1 AND last_step < $2")
                .bind(credential)
                .bind(step)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// Replaces an account's authenticator (a new phone).
    pub async fn replace_totp(
        &self,
        account: i64,
        sealed: &[u8],
        step: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM credentials WHERE account = $1 AND kind = 'totp'")
                .bind(account)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO credentials (account, kind, secret, last_step, created_at)
                 VALUES ($1, 'totp', $2, $3, $4)",
            )
            .bind(account)
            .bind(sealed)
            .bind(step)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Uses a recovery code: true when it was one of the account's unused codes.
    pub async fn spend_recovery_code(&self, account: i64, hash: &[u8]) -> Result<bool, StoreError> {
        let done = on_pool!(self, |pool| {
            sqlx::query("DELETE FROM recovery_codes WHERE account = $1 AND hash = $2")
                .bind(account)
                .bind(hash)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    pub async fn recovery_codes_left(&self, account: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE account = $1")
                .bind(account)
                .fetch_one(pool)
                .await?
        }))
    }

    /// Replaces all of an account's recovery codes.
    pub async fn replace_recovery_codes(
        &self,
        account: i64,
        hashes: &[Vec<u8>],
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM recovery_codes WHERE account = $1")
                .bind(account)
                .execute(&mut *tx)
                .await?;
            for hash in hashes {
                sqlx::query("INSERT INTO recovery_codes (account, hash) VALUES ($1, $2)")
                    .bind(account)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn set_password(&self, account: i64, hash: &str) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .bind(account)
                .bind(hash)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn set_account_lang(&self, account: i64, lang: Lang) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE accounts SET lang = $2 WHERE id = $1")
                .bind(account)
                .bind(lang.code())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Gives a role; false when the account held it already.
    pub async fn grant(&self, account: i64, grant: &Grant) -> Result<bool, StoreError> {
        let done = on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO grants (account, campaign, role) VALUES ($1, $2, $3)
                 ON CONFLICT (account, campaign, role) DO NOTHING",
            )
            .bind(account)
            .bind(&grant.campaign)
            .bind(grant.role.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// Takes a role away and ends the account's sessions: whoever lost a
    /// role signs in anew. False when the account did not hold it.
    /// Takes a role away and ends the account's sessions at once, noting
    /// why for their next request.
    pub async fn revoke(&self, account: i64, grant: &Grant, now: i64) -> Result<bool, StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(
                "DELETE FROM grants WHERE account = $1 AND campaign = $2 AND role = $3",
            )
            .bind(account)
            .bind(&grant.campaign)
            .bind(grant.role.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 1 {
                note_endings_in!(tx, account, SessionEnding::RolesChanged, now);
            }
            sqlx::query("DELETE FROM sessions WHERE account = $1")
                .bind(account)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(done == 1)
        })
    }

    /// Removes an account; its sessions, factors and roles go with it.
    pub async fn remove_account(&self, account: i64, now: i64) -> Result<bool, StoreError> {
        let done = on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            note_endings_in!(tx, account, SessionEnding::AccountRemoved, now);
            let done = sqlx::query("DELETE FROM accounts WHERE id = $1")
                .bind(account)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            done
        });
        Ok(done == 1)
    }

    pub async fn owner_count(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE owner")
                .fetch_one(pool)
                .await?
        }))
    }
}
