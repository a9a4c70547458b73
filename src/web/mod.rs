//! HTTP: the pages anyone can reach (`public/`), the organisers' workspace
//! (`admin/`), and what every page shares:
//! the page cache, error pages, layout, paths and security headers. Public
//! handlers read the in-memory content snapshot; only photos and health
//! checks touch the store.

pub mod admin;
pub mod cache;
pub mod cached_first;
pub mod chart;
pub mod content;
pub mod error;
pub mod layout;
pub mod origin;
pub mod page_cache;
pub mod pagination;
pub mod paths;
pub mod public;
pub mod qr;
pub mod rate_limit;
pub mod security;
pub mod share_card;
pub mod site;
pub mod state;
pub mod static_copy;
pub mod text;

pub use state::{AppState, Clock, WebSettings};
