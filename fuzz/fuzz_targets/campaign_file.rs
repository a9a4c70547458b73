//! Any bytes as a campaign file: parsing and validation never panic, and what
//! parses exports to a file that parses back to the same campaign.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svoboda::campaign::file;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(campaign) = file::parse(text, "fuzz.toml", &|_| true) {
        let exported = file::to_toml(&campaign).expect("a parsed campaign exports");
        let again = file::parse(&exported, "export.toml", &|_| true).expect("an export parses");
        assert_eq!(campaign, again);
    }
});
