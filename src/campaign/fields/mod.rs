//! The campaign file as forms: which fields there are ([`schema`]) and how
//! a form's typed values go to and from the file ([`values`]).

pub mod schema;
pub mod values;

pub use schema::{Field, Kind, SECTIONS, Section, Variant};
pub use values::{
    Applied, FieldChange, FieldProblem, FormState, Problem, changed_fields, changed_sections,
};
