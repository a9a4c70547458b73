//! Any Accept-Language header: negotiation never panics and picks only a
//! language the header names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svoboda::web::public::language::negotiate;

fuzz_target!(|data: &[u8]| {
    let Ok(header) = std::str::from_utf8(data) else { return };
    if let Some(lang) = negotiate(header) {
        assert!(header.to_ascii_lowercase().contains(lang.code()));
    }
});
