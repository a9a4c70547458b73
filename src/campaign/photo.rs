//! The person's photo: turned upright by its EXIF orientation, then
//! re-encoded at the size pages show, which drops every metadata block the
//! original may carry (EXIF with GPS location and camera serial, XMP, IPTC,
//! ICC comments): only pixels are kept.

use image::{DynamicImage, ImageDecoder, ImageFormat};

/// Largest side of the stored photo, in pixels: twice the CSS size for
/// high-density phone screens.
const MAX_SIDE: u32 = 640;
/// Refuse files larger than this before decoding them.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Refuse images of more pixels than this before decoding them: a small
/// file can claim a huge image (a decompression bomb). 50 megapixels is
/// more than any phone camera takes.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Bytes a decoded image may take, also refused before decoding: the
/// memory a photo upload may add to the server (with one decode at a time).
/// 96 MiB hold a 32-megapixel colour photo; a phone's default 12 MP take
/// 36 MB; 16-bit or transparent images count their larger pixels.
pub const DECODE_BUDGET: u64 = 96 * 1024 * 1024;

/// One decode at a time: two uploads together take one budget, not two.
static DECODING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Always JPEG.
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Photo {
    /// What a stored photo is known by without loading its bytes.
    pub fn meta(&self) -> PhotoMeta {
        use sha2::Digest;
        PhotoMeta {
            width: self.width,
            height: self.height,
            digest: hex::encode(&sha2::Sha256::digest(&self.jpeg)[..8]),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoMeta {
    pub width: u32,
    pub height: u32,
    /// Changes with the image, so its URL can be cached for ever.
    pub digest: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("the photo is larger than {} MB", MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the photo has more than {} million pixels", MAX_PIXELS / 1_000_000)]
    TooManyPixels,
    #[error("the photo is not a JPEG, PNG or WebP image this program can read: {0}")]
    Unreadable(String),
}

/// Decodes a JPEG, PNG or WebP, turns it upright, scales it down to fit
/// the page, and encodes JPEG.
pub fn prepare(bytes: &[u8]) -> Result<Photo, PhotoError> {
    prepare_to(bytes, MAX_SIDE)
}

/// As [`prepare`], to at most `max_side` pixels a side: a scan of a
/// handwritten reply must stay readable.
pub fn prepare_to(bytes: &[u8], max_side: u32) -> Result<Photo, PhotoError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|e| PhotoError::Unreadable(e.to_string()))?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoError::Unreadable(format!(
            "{format:?} files are not accepted"
        )));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(DECODE_BUDGET + 16 * 1024 * 1024);
    reader.limits(limits);
    let unreadable = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        e => PhotoError::Unreadable(e.to_string()),
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > DECODE_BUDGET {
        return Err(PhotoError::TooManyPixels);
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    // A panic while decoding leaves nothing behind the lock to repair.
    let turn = DECODING.lock().unwrap_or_else(|e| e.into_inner());
    let full = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    // Scaled down first (area averaging, with no buffer the size of the
    // original), turned upright after: no second full-size copy.
    let mut img = if full.width() > max_side || full.height() > max_side {
        let small = full.thumbnail(max_side, max_side);
        drop(full);
        small
    } else {
        full
    };
    drop(turn);
    img.apply_orientation(orientation);
    let rgb = img.to_rgb8();
    let mut jpeg = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 82);
    rgb.write_with_encoder(encoder)
        .map_err(|e| PhotoError::Unreadable(e.to_string()))?;
    Ok(Photo {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([120, 130, 140]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png)
            .expect("encode png");
        out.into_inner()
    }

    #[test]
    fn large_photo_is_scaled_to_fit_keeping_proportions() {
        let photo = prepare(&png(1600, 1200)).expect("valid png");
        assert_eq!((photo.width, photo.height), (640, 480));
        assert_eq!(
            image::guess_format(&photo.jpeg).ok(),
            Some(ImageFormat::Jpeg)
        );
    }

    #[test]
    fn small_photo_keeps_its_size() {
        let photo = prepare(&png(300, 400)).expect("valid png");
        assert_eq!((photo.width, photo.height), (300, 400));
    }

    #[test]
    fn a_huge_image_in_a_small_file_is_refused_before_decoding() {
        // A PNG header that claims 20,000 × 20,000 pixels, and nothing else.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.sum().to_be_bytes());
        assert!(
            matches!(prepare(&bomb), Err(PhotoError::TooManyPixels)),
            "{:?}",
            prepare(&bomb)
        );
    }

    #[test]
    fn an_image_whose_pixels_exceed_the_memory_budget_is_refused_before_decoding() {
        // 12,000 × 4,000 at 16 bits a channel with alpha: 384 MB decoded,
        // though fewer than MAX_PIXELS pixels.
        let mut deep = png(1, 1);
        deep[16..20].copy_from_slice(&12_000u32.to_be_bytes());
        deep[20..24].copy_from_slice(&4_000u32.to_be_bytes());
        deep[24] = 16;
        deep[25] = 6;
        let mut crc = flate2::Crc::new();
        crc.update(&deep[12..29]);
        deep[29..33].copy_from_slice(&crc.sum().to_be_bytes());
        assert!(
            matches!(prepare(&deep), Err(PhotoError::TooManyPixels)),
            "{:?}",
            prepare(&deep)
        );
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert!(matches!(
            prepare(b"not an image"),
            Err(PhotoError::Unreadable(_))
        ));
    }
}
