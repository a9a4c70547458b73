//! What a crowd of sign-ins and the worst photo uploads add to Svoboda's
//! memory (issue: within 128 MiB of idle), measured on the real code paths
//! in one process: the account service over a SQLite store, and photo
//! preparation as the upload handler runs it (on blocking threads).
//!
//!   cargo run --release --example bench-memory [ROUNDS]
//!
//! Each phase resets the kernel's high-water mark of resident memory
//! (`/proc/self/clear_refs`) and reads it after (`VmHWM`); the figure is
//! that peak less the resident memory just before the phase.

use std::sync::Arc;
use std::time::{Duration, Instant};

use svoboda::account::Lifetimes;
use svoboda::account::service::Accounts;
use svoboda::campaign::photo;
use svoboda::petition::secret::InstanceSecret;
use svoboda::store::{self, OpenMode};

const SIGN_INS: usize = 50;
const MIB: f64 = 1024.0 * 1024.0;

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Runs `phase` and returns (its peak resident memory above the resident
/// memory before it, in MiB; how long it took).
async fn measure<F: std::future::Future<Output = ()>>(phase: F) -> (f64, Duration) {
    // "5" resets the peak resident size (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kib("VmRSS:");
    let started = Instant::now();
    phase.await;
    let took = started.elapsed();
    let peak = status_kib("VmHWM:");
    (peak.saturating_sub(before) as f64 * 1024.0 / MIB, took)
}

/// The largest colour photo the budget takes, turned by its EXIF
/// orientation (6: a phone held upright), as a JPEG a phone would send.
fn worst_photo() -> Vec<u8> {
    let side = ((photo::DECODE_BUDGET / 3) as f64).sqrt() as u32 - 8;
    let img = image::RgbImage::from_fn(side, side, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x ^ y) % 239) as u8])
    });
    let mut jpeg = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut jpeg, 85,
    ))
    .expect("encode");
    // APP1 Exif: big-endian TIFF with one IFD entry, Orientation = 6.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend(1u16.to_be_bytes());
    tiff.extend(0x0112u16.to_be_bytes());
    tiff.extend(3u16.to_be_bytes());
    tiff.extend(1u32.to_be_bytes());
    tiff.extend([0, 6, 0, 0]);
    tiff.extend(0u32.to_be_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(u16::try_from(app1.len() + 2).expect("short").to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

#[tokio::main]
async fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = store::connect(&url, OpenMode::CreateIfMissing)
        .await
        .expect("store");
    let secret =
        Arc::new(InstanceSecret::from_hex(&InstanceSecret::generate_hex()).expect("secret"));
    let accounts = Arc::new(Accounts::new(store, secret, Lifetimes::default()));
    let photo_bytes = Arc::new(worst_photo());
    println!(
        "idle: {:.1} MiB resident; the upload is {:.1} MB, {} megapixels decoded",
        status_kib("VmRSS:") as f64 / 1024.0,
        photo_bytes.len() as f64 / 1e6,
        photo::DECODE_BUDGET / 3 / 1_000_000
    );
    let mut sign_ins = Vec::new();
    let mut uploads = Vec::new();
    for round in 1..=rounds {
        let now = chrono::Utc::now().timestamp();
        let clock = Instant::now();
        let (grown, took) = measure(async {
            let attempts: Vec<_> = (0..SIGN_INS)
                .map(|i| {
                    let accounts = accounts.clone();
                    tokio::spawn(async move {
                        // Each its own name and address: none is throttled,
                        // every one is hashed.
                        let name = format!("organiser{round}x{i}");
                        let client = format!("198.51.{round}.{i}");
                        accounts
                            .sign_in(
                                &name,
                                "a guessed password",
                                "123456",
                                &client,
                                "bench",
                                None,
                                now,
                                clock,
                            )
                            .await
                            .expect("sign in");
                    })
                })
                .collect();
            for a in attempts {
                a.await.expect("task");
            }
        })
        .await;
        println!("round {round}: {SIGN_INS} sign-ins at once: +{grown:.1} MiB, {took:.2?}");
        sign_ins.push(grown);
        let (grown, took) = measure(async {
            let both: Vec<_> = (0..2)
                .map(|_| {
                    let bytes = photo_bytes.clone();
                    tokio::task::spawn_blocking(move || photo::prepare(&bytes))
                })
                .collect();
            for upload in both {
                let prepared = upload.await.expect("task").expect("the photo is accepted");
                assert!(prepared.width <= 640 && prepared.height <= 640);
            }
        })
        .await;
        println!("round {round}: two worst-case uploads at once: +{grown:.1} MiB, {took:.2?}");
        uploads.push(grown);
    }
    // The first round pays for what later ones reuse (the hashing
    // threads' memory): the worst round is the figure.
    let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!(
        "worst of {rounds} rounds: sign-ins +{:.1} MiB, uploads +{:.1} MiB (target: each within +128 MiB of idle); {:.1} MiB resident after",
        worst(&sign_ins),
        worst(&uploads),
        status_kib("VmRSS:") as f64 / 1024.0
    );
}
