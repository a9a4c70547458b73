//! The pages anyone can reach: campaigns, petitions and signing, updates and
//! feeds, the directory, the JSON API, assets.

pub mod api;
pub mod assets;
pub mod calendar;
pub mod campaign_page;
pub mod crawlers;
pub mod directory;
pub mod embed;
pub mod language;
pub mod letter_page;
pub mod letter_sending;
pub mod petition_page;
pub mod receipt_page;
pub mod share_cards;
pub mod signing;
pub mod submission;
pub mod updates;
