//! How long a share card takes to draw, and how large it is: the median
//! and the slowest of many draws, with a portrait photo and without, in
//! Cyrillic and Latin. Run by `scripts/bench` (release build).
//!
//!   cargo run --release --example bench-share-card [DRAWS]

use std::time::Instant;

use svoboda::web::share_card::{CardSpec, PhotoPanel, draw};

/// A 960×1280 portrait JPEG with a camera's grain (PNG compresses grain
/// worse than most real photos, so sizes here are on the safe side).
fn photo() -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let img = image::RgbImage::from_fn(960, 1280, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 25) as i32 - 12;
        let (dx, dy) = (x as i32 - 480, y as i32 - 500);
        let face = if dx * dx + dy * dy < 300 * 300 {
            190
        } else {
            70
        };
        let v = |base: i32| (base + grain + (y / 8) as i32 % 40).clamp(0, 255) as u8;
        image::Rgb([v(face), v(face - 30), v(face - 50)])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&img)
        .expect("jpeg");
    jpeg
}

fn main() {
    let draws: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let jpeg = photo();
    // The first card of a photo decodes and scales it; later ones (other
    // languages, new counts) reuse it, as the server does.
    let mut first = Vec::with_capacity(draws);
    for _ in 0..draws {
        let start = Instant::now();
        let panel = PhotoPanel::from_jpeg(&jpeg).expect("photo");
        draw(&ru_spec(), Some(&panel)).expect("drawn");
        first.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    first.sort_by(f64::total_cmp);
    println!(
        "share card (first of a 960x1280 photo: decoded, scaled, drawn): {draws} draws, median {:.1} ms, slowest {:.1} ms",
        first[draws / 2],
        first[draws - 1]
    );
    let panel = PhotoPanel::from_jpeg(&jpeg).expect("photo");
    let ru = ru_spec();
    let en = CardSpec {
        call: "Free Boris Romanov!".into(),
        status: "Boris is in pre-trial detention since 12 March 2024".into(),
        petition: None,
        count: None,
        photo: None,
        ..ru.clone()
    };
    for (name, spec, photo) in [
        ("petition, Cyrillic, with photo", &ru, Some(&panel)),
        ("campaign, Latin, no photo", &en, None),
    ] {
        let mut times = Vec::with_capacity(draws);
        let mut bytes = 0;
        for _ in 0..draws {
            let start = Instant::now();
            let png = draw(spec, photo).expect("drawn");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            bytes = png.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "share card ({name}): {draws} draws, median {:.1} ms, slowest {:.1} ms (target < 50 ms); {bytes} bytes (target < 300 KB)",
            times[draws / 2],
            times[draws - 1]
        );
    }
}

fn ru_spec() -> CardSpec {
    CardSpec {
        call: "Свободу Борису Романову!".into(),
        status: "Борис в СИЗО с 12 марта 2024 г.".into(),
        petition: Some("Прекратить уголовное преследование".into()),
        count: Some((
            "1227 подписей: 1147 онлайн + 80 на бумаге".into(),
            Some((1227, 5000)),
        )),
        site: "svoboda.example".into(),
        name: "Борис Романов".into(),
        photo: Some("p".into()),
    }
}
