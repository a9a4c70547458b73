//! The domain: what a campaign is, and the rules its content follows.
//! Nothing here knows about HTTP or SQL.

pub mod date;
pub mod fields;
pub mod file;
pub mod grammar;
pub mod ids;
pub mod keys;
pub mod lang;
pub mod listing;
pub mod markdown;
pub mod model;
pub mod organisation;
pub mod petition;
pub mod photo;
pub mod revision;
pub mod search;
pub mod starter;
pub mod status;
pub mod telegram;

pub use ids::{OrgId, Slug, WebLink};
pub use lang::{Lang, Localized};
pub use listing::Listing;
pub use model::*;
pub use organisation::{Footnotes, LabelKind, Organisation, Registry};
pub use petition::{Confirmation, Petition, PetitionState};
pub use status::{Facility, Status, StatusKind};
