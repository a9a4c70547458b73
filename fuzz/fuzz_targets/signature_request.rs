//! Any body sent to the JSON signing endpoint: reading it never panics, and
//! what is read is an object's fields.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svoboda::web::public::api::signatures::read;

fuzz_target!(|data: &[u8]| {
    if read(data).is_ok() {
        let value: serde_json::Value = serde_json::from_slice(data).expect("read parsed it");
        assert!(value.is_object());
    }
});
