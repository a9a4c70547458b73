//! The sealed export of a petition's signatures: a text file, one signature
//! a line, `id <TAB> signed at <TAB> status <TAB> base64 of an age file`.
//! Each age file opens with stock `age --decrypt -i KEYFILE`; `svoboda
//! signatures decrypt` opens them all and writes CSV. The server never
//! sees the key that opens them. Written by the command line and by the
//! workspace's download alike.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use super::seal::age_file;
use crate::store::signatures::ExportedSignature;

pub const MAGIC: &str = "# svoboda signatures v1";

/// The first line, naming the petition as `campaign/petition`.
pub fn header(name: &str) -> String {
    format!("{MAGIC} petition={name}\n")
}

/// One signature's line, and whether retention deleted its sealed data
/// (then only its id, time and status remain).
pub fn line(s: &ExportedSignature) -> (String, bool) {
    let status = if s.confirmed_at.is_some() {
        "confirmed"
    } else {
        "pending"
    };
    let (data, purged) = match (&s.header, &s.sealed) {
        (Some(h), Some(sealed)) => (B64.encode(age_file(h, sealed)), false),
        _ => (String::new(), true),
    };
    let at = chrono::DateTime::from_timestamp(s.created_at, 0)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    (format!("{}\t{at}\t{status}\t{data}\n", s.id), purged)
}
