//! Svoboda: support campaigns for people persecuted for their civic activity.
//!
//! Data flows one way: `web` → `campaign` → `store`. The domain (`campaign`)
//! knows neither HTTP nor SQL; the store returns domain types.

pub mod account;
pub mod app;
pub mod campaign;
pub mod cli;
pub mod config;
pub mod demo;
pub mod fonts;
pub mod i18n;
pub mod letters;
pub mod mail;
pub mod owner_only;
pub mod peers;
pub mod petition;
pub mod print;
pub mod priority;
pub mod store;
pub mod web;

pub use app::{App, admin_app, app};
