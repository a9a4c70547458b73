//! HTTP: handlers by page family, the page cache, error pages, assets and
//! security headers. Handlers read the in-memory content snapshot; only
//! photos and health checks touch the store.

pub mod api;
pub mod assets;
pub mod cache;
pub mod cached_first;
pub mod calendar;
pub mod campaign_page;
pub mod chart;
pub mod directory;
pub mod error;
pub mod language;
pub mod layout;
pub mod origin;
pub mod paths;
pub mod petition_page;
pub mod rate_limit;
pub mod security;
pub mod signing;
pub mod state;
pub mod text;
pub mod updates;

pub use state::{AppState, Clock, WebSettings};
