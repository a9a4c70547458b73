//! Integration tests: the real HTTP app over real stores (SQLite, and
//! PostgreSQL when `scripts/test` provides one), the real binary, real
//! Chromium and the Nu Html Checker. One binary, so the suite builds once.

mod support;

mod api;
mod api_signing;
mod browser;
mod caching;
mod campaign_forms;
mod cli;
mod crawlers;
mod delivery_document;
mod delivery_page;
mod deploy;
mod directory;
mod embeds;
mod feeds;
mod hostile;
mod html_validity;
mod i18n;
mod languages;
mod letters;
mod letters_sent;
mod many_campaigns;
mod mirrors;
mod organiser_keys;
mod pages;
mod paper_signatures;
mod passkeys;
mod peers;
mod petitions;
mod safety_defaults;
mod share_cards;
mod signer_data;
mod signers_privacy;
mod static_copy;
mod storage;
mod workspace;
