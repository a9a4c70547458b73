-- The content revision at which each campaign last changed: a process that
-- saw revision R reloads only the campaigns changed after R, and keeps the
-- cached pages of every other campaign.
ALTER TABLE campaigns ADD COLUMN rev BIGINT NOT NULL DEFAULT 0;
CREATE INDEX campaigns_by_rev ON campaigns (rev);
