//! Campaigns, the organisation registry, photos, and the content revision.

use super::BeginWrite;
use chrono::{NaiveDate, Utc};
use futures_util::TryStreamExt;
use sqlx::Row;

use super::campaign_keys::insert_key;
use super::{Store, StoreError, bump_content_revision, on_pool};
use std::collections::HashMap;

use crate::campaign::keys::{KeyRecord, Keys, set_in_force};
use crate::campaign::photo::{Photo, PhotoMeta};
use crate::campaign::{Campaign, Organisation, Registry, StatusKind};

/// A line of `svoboda campaign list`.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignSummary {
    pub slug: String,
    pub name: String,
    pub status: StatusKind,
    pub updated: NaiveDate,
}

/// What saving does to a campaign's stored photo.
#[derive(Debug, Clone, Copy)]
pub enum PhotoChange<'a> {
    /// Leave it as it is (publishing from the workspace).
    Keep,
    Set(&'a Photo),
    Remove,
}

impl<'a> PhotoChange<'a> {
    /// The photo a campaign file brings, or none: the file is the truth.
    pub fn from_file(photo: Option<&'a Photo>) -> Self {
        photo.map_or(PhotoChange::Remove, PhotoChange::Set)
    }
}

/// What saving does when the campaign is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// Import: the file is the truth, campaign and organisations are replaced.
    Replace,
    /// Demo: an existing campaign or organisation is left exactly as it is.
    OnlyIfAbsent,
}

fn dimension(pixels: i64) -> Result<u32, StoreError> {
    u32::try_from(pixels).map_err(|_| StoreError::Corrupt(format!("photo size {pixels}")))
}

/// A stored photo from its row: `(jpeg, width, height)`.
pub(super) fn photo_from_row(
    (jpeg, width, height): (Vec<u8>, i64, i64),
) -> Result<Photo, StoreError> {
    Ok(Photo {
        jpeg,
        width: dimension(width)?,
        height: dimension(height)?,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, doc: &str) -> Result<T, StoreError> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

impl Store {
    /// Saves a campaign, the organisations it brings, and the change of its
    /// photo, in one transaction. Returns whether anything was written.
    pub async fn save_campaign(
        &self,
        campaign: &Campaign,
        photo: PhotoChange<'_>,
        mode: SaveMode,
    ) -> Result<bool, StoreError> {
        let now = Utc::now().to_rfc3339();
        let at = Utc::now().timestamp();
        let slug = campaign.slug.as_str();
        let mut doc = campaign.clone();
        // The stored file lists the keys recorded, never others (readers
        // put the keys in force at their time in anyway).
        let records = self.key_records(slug).await?;
        if !records.is_empty() {
            set_in_force(&mut doc, &Keys(&records).in_force(at));
        }
        let organisations = std::mem::take(&mut doc.organisations);
        let doc = to_json(&doc)?;
        let org_docs = organisations
            .iter()
            .map(|o| Ok((o.id.as_str(), to_json(o)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let (campaign_sql, org_sql) = match mode {
            SaveMode::Replace => (
                "INSERT INTO campaigns (slug, doc, created_at, modified_at) VALUES ($1, $2, $3, $3)
                 ON CONFLICT (slug) DO UPDATE SET doc = excluded.doc, modified_at = excluded.modified_at",
                "INSERT INTO organisations (id, doc) VALUES ($1, $2)
                 ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            ),
            SaveMode::OnlyIfAbsent => (
                "INSERT INTO campaigns (slug, doc, created_at, modified_at) VALUES ($1, $2, $3, $3)
                 ON CONFLICT (slug) DO NOTHING",
                "INSERT INTO organisations (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
            ),
        };

        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let existed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaigns WHERE slug = $1")
                .bind(slug)
                .fetch_one(&mut *tx)
                .await?;
            let existed = existed > 0;
            let written = sqlx::query(campaign_sql)
                .bind(slug)
                .bind(&doc)
                .bind(&now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                > 0;
            if !written {
                return Ok(false);
            }
            // A new campaign whose keys were never recorded takes its file's
            // keys (an import or the demo); after that, only the rules of
            // `campaign::keys` change them, whatever a file lists.
            let recorded: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM campaign_keys WHERE slug = $1")
                    .bind(slug)
                    .fetch_one(&mut *tx)
                    .await?;
            if recorded == 0 && !existed {
                for key in campaign.organiser_keys() {
                    insert_key!(&mut *tx, slug, key, None::<&str>, at, at)?;
                }
            }
            for (id, org_doc) in &org_docs {
                sqlx::query(org_sql)
                    .bind(*id)
                    .bind(org_doc)
                    .execute(&mut *tx)
                    .await?;
            }
            for petition in &campaign.petitions {
                sqlx::query(
                    "INSERT INTO petitions (campaign, slug) VALUES ($1, $2) ON CONFLICT (campaign, slug) DO NOTHING",
                )
                .bind(slug)
                .bind(petition.id.as_str())
                .execute(&mut *tx)
                .await?;
            }
            match photo {
                PhotoChange::Keep => {}
                PhotoChange::Set(p) => {
                    sqlx::query(
                        "INSERT INTO photos (slug, jpeg, width, height, digest) VALUES ($1, $2, $3, $4, $5)
                         ON CONFLICT (slug) DO UPDATE SET jpeg = excluded.jpeg,
                             width = excluded.width, height = excluded.height, digest = excluded.digest",
                    )
                    .bind(slug)
                    .bind(&p.jpeg)
                    .bind(i64::from(p.width))
                    .bind(i64::from(p.height))
                    .bind(p.meta().digest)
                    .execute(&mut *tx)
                    .await?;
                }
                PhotoChange::Remove => {
                    sqlx::query("DELETE FROM photos WHERE slug = $1")
                        .bind(slug)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            bump_content_revision!(&mut *tx, campaign = slug)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Adds or changes one organisation of the registry; every page that
    /// mentions it changes with the next content refresh.
    pub async fn save_organisation(&self, org: &Organisation) -> Result<(), StoreError> {
        let doc = to_json(org)?;
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "INSERT INTO organisations (id, doc) VALUES ($1, $2)
                 ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            )
            .bind(org.id.as_str())
            .bind(&doc)
            .execute(&mut *tx)
            .await?;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every campaign, by slug, with the organiser keys in force now.
    pub async fn campaigns(&self) -> Result<Vec<Campaign>, StoreError> {
        let keys = self.all_key_records().await?;
        self.campaigns_at(&keys, Utc::now().timestamp()).await
    }

    /// Every campaign, by slug, with the keys of `keys` in force at `now`.
    pub async fn campaigns_at(
        &self,
        keys: &HashMap<String, Vec<KeyRecord>>,
        now: i64,
    ) -> Result<Vec<Campaign>, StoreError> {
        let docs: Vec<(String, String)> = on_pool!(self, |pool| {
            sqlx::query("SELECT slug, doc FROM campaigns ORDER BY slug")
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(|row| Ok((row.try_get("slug")?, row.try_get("doc")?)))
                .collect::<Result<_, sqlx::Error>>()?
        });
        docs.iter()
            .map(|(slug, doc)| {
                let mut campaign: Campaign = from_json(&format!("campaign '{slug}'"), doc)?;
                let records = keys.get(slug).map(Vec::as_slice).unwrap_or_default();
                set_in_force(&mut campaign, &Keys(records).in_force(now));
                Ok(campaign)
            })
            .collect()
    }

    pub async fn campaign(&self, slug: &str) -> Result<Option<Campaign>, StoreError> {
        let doc: Option<String> = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT doc FROM campaigns WHERE slug = $1")
                .bind(slug)
                .fetch_optional(pool)
                .await?
        });
        let Some(doc) = doc else { return Ok(None) };
        let mut campaign: Campaign = from_json(&format!("campaign '{slug}'"), &doc)?;
        let records = self.key_records(slug).await?;
        set_in_force(
            &mut campaign,
            &Keys(&records).in_force(Utc::now().timestamp()),
        );
        Ok(Some(campaign))
    }

    pub async fn campaign_summaries(&self) -> Result<Vec<CampaignSummary>, StoreError> {
        Ok(self
            .campaigns()
            .await?
            .into_iter()
            .map(|c| CampaignSummary {
                name: c.person.name.get(crate::campaign::Lang::EN).to_string(),
                slug: c.slug.to_string(),
                status: c.status.kind,
                updated: c.updated,
            })
            .collect())
    }

    pub async fn organisations(&self) -> Result<Registry, StoreError> {
        let docs: Vec<String> = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT doc FROM organisations ORDER BY id")
                .fetch_all(pool)
                .await?
        });
        let orgs = docs
            .iter()
            .map(|d| from_json::<Organisation>("organisation", d))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Registry::new(orgs))
    }

    pub async fn photo(&self, slug: &str) -> Result<Option<Photo>, StoreError> {
        let row: Option<(Vec<u8>, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT jpeg, width, height FROM photos WHERE slug = $1")
                .bind(slug)
                .fetch_optional(pool)
                .await?
        });
        row.map(photo_from_row).transpose()
    }

    /// Size and digest of the photos of campaigns changed after content
    /// revision `since` (every photo for -1), without the images.
    pub async fn photo_metas_since(
        &self,
        since: i64,
    ) -> Result<HashMap<String, PhotoMeta>, StoreError> {
        let rows: Vec<(String, i64, i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.slug, p.width, p.height, p.digest FROM photos p
                 JOIN campaigns c ON c.slug = p.slug WHERE c.rev > $1",
            )
            .bind(since)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(slug, width, height, digest)| {
                Ok((
                    slug,
                    PhotoMeta {
                        width: dimension(width)?,
                        height: dimension(height)?,
                        digest,
                    },
                ))
            })
            .collect()
    }

    /// Stores an update's photo (already re-encoded); shown once the
    /// campaign is saved next (which bumps the content revision).
    pub async fn save_update_photo(
        &self,
        slug: &str,
        update: &str,
        photo: &Photo,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO update_photos (campaign, update_id, jpeg, width, height, digest)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (campaign, update_id) DO UPDATE SET jpeg = excluded.jpeg,
                     width = excluded.width, height = excluded.height, digest = excluded.digest",
            )
            .bind(slug)
            .bind(update)
            .bind(&photo.jpeg)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(photo.meta().digest)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn update_photo(
        &self,
        slug: &str,
        update: &str,
    ) -> Result<Option<Photo>, StoreError> {
        let row: Option<(Vec<u8>, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT jpeg, width, height FROM update_photos WHERE campaign = $1 AND update_id = $2",
            )
            .bind(slug)
            .bind(update)
            .fetch_optional(pool)
            .await?
        });
        row.map(photo_from_row).transpose()
    }

    /// Size and digest of the updates' photos of campaigns changed after
    /// content revision `since`, by (campaign, update).
    pub async fn update_photo_metas_since(
        &self,
        since: i64,
    ) -> Result<HashMap<(String, String), PhotoMeta>, StoreError> {
        let rows: Vec<(String, String, i64, i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT u.campaign, u.update_id, u.width, u.height, u.digest FROM update_photos u
                 JOIN campaigns c ON c.slug = u.campaign WHERE c.rev > $1",
            )
            .bind(since)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(campaign, update, width, height, digest)| {
                Ok((
                    (campaign, update),
                    PhotoMeta {
                        width: dimension(width)?,
                        height: dimension(height)?,
                        digest,
                    },
                ))
            })
            .collect()
    }

    /// The campaigns changed after content revision `since` (all for -1),
    /// each handed to `each` as it is read: thousands of campaigns are never
    /// all parsed in memory at once. Organiser keys are not applied.
    pub async fn campaigns_changed_since(
        &self,
        since: i64,
        mut each: impl FnMut(String, i64, Campaign) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut rows = sqlx::query_as::<_, (String, i64, String)>(
                "SELECT slug, rev, doc FROM campaigns WHERE rev > $1",
            )
            .bind(since)
            .fetch(pool);
            while let Some((slug, rev, doc)) = rows.try_next().await? {
                let campaign: Campaign = from_json(&format!("campaign '{slug}'"), &doc)?;
                each(slug, rev, campaign)?;
            }
        });
        Ok(())
    }

    /// Every campaign with the organiser keys in force at `now`, handed to
    /// `each` one at a time (thousands are never all in memory at once).
    pub async fn for_each_campaign(
        &self,
        now: i64,
        mut each: impl FnMut(Campaign) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let keys = self.all_key_records().await?;
        self.campaigns_changed_since(-1, |slug, _, mut campaign| {
            let records = keys.get(&slug).map(Vec::as_slice).unwrap_or_default();
            set_in_force(&mut campaign, &Keys(records).in_force(now));
            each(campaign)
        })
        .await
    }

    /// A campaign with the organiser keys in force at `now`, its content
    /// revision, and when its keys change next (a waiting key applies).
    pub async fn campaign_at(
        &self,
        slug: &str,
        now: i64,
    ) -> Result<Option<(i64, Campaign, Option<i64>)>, StoreError> {
        let row: Option<(i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT rev, doc FROM campaigns WHERE slug = $1")
                .bind(slug)
                .fetch_optional(pool)
                .await?
        });
        let Some((rev, doc)) = row else {
            return Ok(None);
        };
        let mut campaign: Campaign = from_json(&format!("campaign '{slug}'"), &doc)?;
        let records = self.key_records(slug).await?;
        let keys = Keys(&records);
        set_in_force(&mut campaign, &keys.in_force(now));
        Ok(Some((rev, campaign, keys.next_change(now))))
    }

    /// Changes whenever public content changes, in any process.
    pub async fn content_revision(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT value FROM content_revision WHERE id = 1")
                .fetch_one(pool)
                .await?
        }))
    }
}
