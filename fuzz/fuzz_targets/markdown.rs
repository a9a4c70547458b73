//! Any text as campaign Markdown: rendering never panics and never yields a
//! script tag or an event-handler attribute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use svoboda::campaign::markdown::{render_block, render_inline, render_plain};
use svoboda::campaign::{Footnotes, Lang, Registry};

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else { return };
    let registry = Registry::default();
    for html in [
        render_block(md, Lang::En, &registry, &mut Footnotes::default()),
        render_inline(md, Lang::Ru, &registry, &mut Footnotes::default()),
    ] {
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("").to_ascii_lowercase();
            assert!(!tag.starts_with("script"), "{html}");
            assert!(!tag.contains(" on"), "{html}");
            assert!(!tag.contains("javascript:"), "{html}");
        }
    }
    let _ = render_plain(md, Lang::En, &registry, 200);
});
