//! Letters to people in custody, written in the browser and passed on by a
//! campaign's volunteers (issue 22, in progress). This part holds the rules
//! that need no storage: what a censor is likely to stop.

pub mod checker;
