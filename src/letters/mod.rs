//! Letters to people in custody, written in the browser and passed on by a
//! campaign's volunteers: what a censor is likely to stop, what is sealed
//! on arrival, the writer's receipt and the sealed reply, the volunteers'
//! export and the pages they print.

pub mod checker;
pub mod export;
pub mod letter;
pub mod pdf;
pub mod pick;
pub mod receipt;
pub mod retention;
pub mod sending;
