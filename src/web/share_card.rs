//! Share cards: the 1200×630 PNG image messengers and social networks show
//! for a link to a campaign or a petition (Open Graph). The person's photo
//! (or, without one, a panel with their initials), the call, the status
//! and, for a petition, the count with its progress to the goal. Text is
//! drawn glyph by glyph from the bundled fonts' outlines, and wrapped by
//! the fonts' own advances.
//!
//! A card is known by the digest of what it shows ([`CardSpec::digest`]),
//! which names its address: a network that keeps the first image it
//! fetched for an address gets a new address when the card changes.

use sha2::{Digest, Sha256};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use crate::fonts::{BOLD, Metrics, REGULAR};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Changes whenever the drawing does, so every card gets a new address.
const DESIGN: &str = "card-1";
/// The photo's panel, at the left.
const PANEL: f32 = 420.0;
const MARGIN: f32 = 56.0;
const TEXT_X: f32 = PANEL + MARGIN;
const TEXT_WIDTH: f32 = WIDTH as f32 - TEXT_X - MARGIN;
const ACCENT: (u8, u8, u8) = (0xb3, 0x26, 0x1e);
const INK: (u8, u8, u8) = (0x11, 0x11, 0x11);
const GREY: (u8, u8, u8) = (0x55, 0x55, 0x55);

/// What a card shows, in the page's language.
#[derive(Debug, Clone, Default)]
pub struct CardSpec {
    /// "Свободу Борису Романову!"
    pub call: String,
    /// "Борис в СИЗО с 12 марта 2024 г."
    pub status: String,
    /// A petition's title, on its card.
    pub petition: Option<String>,
    /// A petition's count in words, and its progress to the goal.
    pub count: Option<(String, Option<(i64, u64)>)>,
    /// The site's name, or its host.
    pub site: String,
    /// The person's name, for the initials when there is no photo.
    pub name: String,
    /// The stored photo's digest, when there is one (its bytes are given
    /// to [`draw`]).
    pub photo: Option<String>,
}

impl CardSpec {
    /// The card's identity: what it shows, and the design it is drawn in.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        for part in [
            DESIGN,
            &self.call,
            &self.status,
            self.petition.as_deref().unwrap_or(""),
            self.count.as_ref().map_or("", |(c, _)| c.as_str()),
            &self.site,
            &self.name,
            self.photo.as_deref().unwrap_or(""),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        if let Some((_, Some((value, max)))) = &self.count {
            h.update(value.to_le_bytes());
            h.update(max.to_le_bytes());
        }
        hex::encode(&h.finalize()[..10])
    }

    /// The image's description for those who cannot see it.
    pub fn alt(&self) -> String {
        let mut alt = format!("{} {}", self.call, self.status);
        if let Some((count, _)) = &self.count {
            alt.push_str(". ");
            alt.push_str(count);
        }
        alt
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error("the card could not be drawn or encoded: {0}")]
    Draw(String),
}

/// A font for drawing: its outlines, measured as the delivery document is.
struct Font {
    metrics: Metrics,
}

impl Font {
    fn load(data: &'static [u8]) -> Result<Font, CardError> {
        Metrics::parse(data)
            .map(|metrics| Font { metrics })
            .ok_or(CardError::Font)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        self.metrics.width(text, size)
    }

    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        self.metrics.wrap(text, size, width)
    }

    /// Draws `text` with its baseline at (x, y).
    fn draw(
        &self,
        pixmap: &mut Pixmap,
        text: &str,
        x: f32,
        y: f32,
        size: f32,
        colour: (u8, u8, u8),
    ) {
        let mut path = Outline {
            builder: PathBuilder::new(),
            x,
            y,
            scale: self.metrics.scale(size),
        };
        for c in text.chars() {
            self.metrics
                .face()
                .outline_glyph(self.metrics.glyph(c), &mut path);
            path.x += self.metrics.advance(c, size);
        }
        if let Some(path) = path.builder.finish() {
            let mut paint = Paint::default();
            paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
            paint.anti_alias = true;
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
}

/// Font units to pixels, for one glyph after another.
struct Outline {
    builder: PathBuilder,
    x: f32,
    y: f32,
    scale: f32,
}

impl Outline {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.builder.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.builder.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x, y) = self.at(x, y);
        self.builder.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x2, y2) = self.at(x2, y2);
        let (x, y) = self.at(x, y);
        self.builder.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

/// Lines of `text` at the largest size from `sizes` that fits `max_lines`;
/// at the smallest, the last line is cut with an ellipsis.
fn fit(font: &Font, text: &str, sizes: &[f32], max_lines: usize) -> (f32, Vec<String>) {
    let smallest = sizes.last().copied().unwrap_or(32.0);
    for &size in sizes {
        let lines = font.wrap(text, size, TEXT_WIDTH);
        if lines.len() <= max_lines {
            return (size, lines);
        }
    }
    let mut lines = font.wrap(text, smallest, TEXT_WIDTH);
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && font.width(&format!("{last}…"), smallest) > TEXT_WIDTH {
            last.pop();
        }
        last.push('…');
    }
    (smallest, lines)
}

fn fill_rect(pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8)) {
    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
        let mut paint = Paint::default();
        paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
        pixmap.fill_rect(rect, &paint, Transform::identity(), None);
    }
}

/// A photo made ready for cards: cut to fill the panel, in shades of grey
/// (a colour photo would make the PNG several times larger). Decoding and
/// scaling is most of a card's work, so the web layer keeps these by the
/// photo's digest and draws the cards of every language and count from one.
pub struct PhotoPanel {
    /// `PANEL` × `HEIGHT` grey levels, row by row.
    grey: Vec<u8>,
}

impl PhotoPanel {
    pub fn from_jpeg(jpeg: &[u8]) -> Result<PhotoPanel, CardError> {
        let photo = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg)
            .map_err(|e| CardError::Draw(e.to_string()))?
            .to_luma8();
        let (w, h) = (photo.width().max(1) as f32, photo.height().max(1) as f32);
        let scale = (PANEL / w).max(HEIGHT as f32 / h);
        let (sw, sh) = (
            ((w * scale).ceil() as u32).max(PANEL as u32),
            ((h * scale).ceil() as u32).max(HEIGHT),
        );
        let resized = image::imageops::thumbnail(&photo, sw, sh);
        // Centred across, and from the top, where the face usually is.
        let left = (sw - PANEL as u32) / 2;
        let top = (sh - HEIGHT) / 4;
        let mut grey = Vec::with_capacity(PANEL as usize * HEIGHT as usize);
        for y in 0..HEIGHT {
            for x in 0..PANEL as u32 {
                grey.push(resized.get_pixel(x + left, y + top).0[0]);
            }
        }
        Ok(PhotoPanel { grey })
    }

    fn paint(&self, pixmap: &mut Pixmap) {
        let data = pixmap.data_mut();
        for (y, row) in self.grey.chunks_exact(PANEL as usize).enumerate() {
            for (x, &v) in row.iter().enumerate() {
                let i = (y * WIDTH as usize + x) * 4;
                data[i..i + 4].copy_from_slice(&[v, v, v, 255]);
            }
        }
    }
}

/// Up to two initials of `name`.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The card as PNG bytes; `photo` is the stored photo named in the spec.
pub fn draw(spec: &CardSpec, photo: Option<&PhotoPanel>) -> Result<Vec<u8>, CardError> {
    let regular = Font::load(REGULAR)?;
    let bold = Font::load(BOLD)?;
    let mut pixmap =
        Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| CardError::Draw("no pixmap".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);

    match photo {
        Some(panel) => panel.paint(&mut pixmap),
        None => {
            fill_rect(&mut pixmap, 0.0, 0.0, PANEL, HEIGHT as f32, ACCENT);
            let letters = initials(&spec.name);
            let size = 160.0;
            let w = bold.width(&letters, size);
            bold.draw(
                &mut pixmap,
                &letters,
                (PANEL - w) / 2.0,
                370.0,
                size,
                (255, 255, 255),
            );
        }
    }
    // A strip of the accent colour joins the panel to the text.
    fill_rect(&mut pixmap, PANEL, 0.0, 8.0, HEIGHT as f32, ACCENT);

    regular.draw(&mut pixmap, &spec.site, TEXT_X, MARGIN + 26.0, 26.0, GREY);
    let mut y = MARGIN + 40.0;
    let has_count = spec.count.is_some();
    let (size, lines) = fit(
        &bold,
        &spec.call,
        &[64.0, 56.0, 48.0, 42.0, 36.0],
        if has_count { 3 } else { 4 },
    );
    for line in &lines {
        y += size * 1.18;
        bold.draw(&mut pixmap, line, TEXT_X, y, size, INK);
    }
    y += 18.0;
    let (status_size, status) = fit(&regular, &spec.status, &[30.0, 26.0], 2);
    for line in &status {
        y += status_size * 1.3;
        regular.draw(&mut pixmap, line, TEXT_X, y, status_size, GREY);
    }
    if let Some(title) = &spec.petition
        && has_count_room(y, has_count)
    {
        let (title_size, title_lines) = fit(&regular, title, &[28.0, 24.0], 1);
        for line in &title_lines {
            y += title_size * 1.4;
            regular.draw(&mut pixmap, line, TEXT_X, y, title_size, INK);
        }
    }
    if let Some((count, progress)) = &spec.count {
        let bottom = HEIGHT as f32 - MARGIN;
        let (count_size, count_lines) = fit(&bold, count, &[36.0, 30.0, 26.0, 22.0], 1);
        let baseline = bottom - if progress.is_some() { 36.0 } else { 0.0 };
        if let Some(line) = count_lines.first() {
            bold.draw(&mut pixmap, line, TEXT_X, baseline, count_size, ACCENT);
        }
        if let Some((value, max)) = progress {
            fill_rect(
                &mut pixmap,
                TEXT_X,
                bottom - 16.0,
                TEXT_WIDTH,
                16.0,
                (0xe5, 0xe5, 0xe5),
            );
            let filled = if *max == 0 {
                0.0
            } else {
                (*value as f32 / *max as f32).clamp(0.0, 1.0) * TEXT_WIDTH
            };
            fill_rect(&mut pixmap, TEXT_X, bottom - 16.0, filled, 16.0, ACCENT);
        }
    }
    encode(&pixmap)
}

/// Whether the petition's title still fits above the count.
fn has_count_room(y: f32, has_count: bool) -> bool {
    !has_count || y + 40.0 < HEIGHT as f32 - MARGIN - 80.0
}

/// The card's colours: every shade of grey the photo and the dark texts
/// need (128 are more than the eye tells apart), the accent over white and
/// over the progress bar's grey, each in the steps anti-aliased edges need.
/// With one byte a pixel instead of three, the PNG is a third the work to
/// compress and about half the size.
struct Palette;

impl Palette {
    const GREYS: u16 = 128;
    const ACCENT_STEPS: u16 = 32;
    const BAR_STEPS: u16 = 8;
    const BAR: u8 = 0xe5;

    fn lerp(from: (u8, u8, u8), to: (u8, u8, u8), t: f32) -> [u8; 3] {
        let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        [mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2)]
    }

    fn entries() -> Vec<u8> {
        let mut out = Vec::with_capacity(3 * 256);
        for i in 0..Self::GREYS {
            let v = (u32::from(i) * 255 / u32::from(Self::GREYS - 1)) as u8;
            out.extend([v, v, v]);
        }
        for i in 0..Self::ACCENT_STEPS {
            let t = f32::from(i) / f32::from(Self::ACCENT_STEPS - 1);
            out.extend(Self::lerp((255, 255, 255), ACCENT, t));
        }
        for i in 0..Self::BAR_STEPS {
            let t = f32::from(i) / f32::from(Self::BAR_STEPS - 1);
            out.extend(Self::lerp((Self::BAR, Self::BAR, Self::BAR), ACCENT, t));
        }
        out
    }

    /// The entry nearest `p`: a grey by its level; a colour on the nearer
    /// of the two accent ramps, placed by its green (which moves most).
    fn index(p: [u8; 3]) -> u8 {
        if p[0] == p[1] && p[1] == p[2] {
            return ((u32::from(p[0]) * u32::from(Self::GREYS - 1) + 127) / 255) as u8;
        }
        if p == [ACCENT.0, ACCENT.1, ACCENT.2] {
            return (Self::GREYS + Self::ACCENT_STEPS - 1) as u8;
        }
        let step = |top: u8, steps: u16| -> u16 {
            let span = f32::from(top) - f32::from(ACCENT.1);
            let t = ((f32::from(top) - f32::from(p[1])) / span).clamp(0.0, 1.0);
            (t * f32::from(steps - 1)).round() as u16
        };
        let distance = |c: [u8; 3]| -> i32 {
            (0..3)
                .map(|k| (i32::from(c[k]) - i32::from(p[k])).pow(2))
                .sum()
        };
        let on_white = step(255, Self::ACCENT_STEPS);
        let white_colour = Self::lerp(
            (255, 255, 255),
            ACCENT,
            f32::from(on_white) / f32::from(Self::ACCENT_STEPS - 1),
        );
        let on_bar = step(Self::BAR, Self::BAR_STEPS);
        let bar_colour = Self::lerp(
            (Self::BAR, Self::BAR, Self::BAR),
            ACCENT,
            f32::from(on_bar) / f32::from(Self::BAR_STEPS - 1),
        );
        if distance(white_colour) <= distance(bar_colour) {
            (Self::GREYS + on_white) as u8
        } else {
            (Self::GREYS + Self::ACCENT_STEPS + on_bar) as u8
        }
    }
}

/// PNG with the card's palette (the card is opaque).
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, CardError> {
    let indices: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .map(|p| Palette::index([p[0], p[1], p[2]]))
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(Palette::entries());
    encoder.set_compression(png::Compression::Balanced);
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder
        .write_header()
        .map_err(|e| CardError::Draw(e.to_string()))?;
    writer
        .write_image_data(&indices)
        .map_err(|e| CardError::Draw(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| CardError::Draw(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A portrait-sized JPEG with a camera's grain: smooth shapes and
    /// noise, which PNG compresses worse than most real photos.
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

    fn spec() -> CardSpec {
        CardSpec {
            call: "Свободу Борису Романову!".into(),
            status: "Борис в СИЗО с 12 марта 2024 г.".into(),
            petition: Some("Прекратить уголовное дело".into()),
            count: Some((
                "1227 подписей: 1147 онлайн + 80 на бумаге".into(),
                Some((1227, 5000)),
            )),
            site: "svoboda.example".into(),
            name: "Борис Романов".into(),
            photo: Some("abc".into()),
        }
    }

    fn decoded(png: &[u8]) -> image::RgbImage {
        image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .expect("a PNG")
            .to_rgb8()
    }

    #[test]
    fn a_card_is_a_small_png_of_the_open_graph_size() {
        let panel = PhotoPanel::from_jpeg(&photo()).expect("photo");
        for photo in [Some(&panel), None] {
            let png = draw(&spec(), photo).expect("drawn");
            if let Ok(dir) = std::env::var("SVOBODA_CARD_DIR") {
                let name = format!(
                    "card-{}.png",
                    if photo.is_some() { "photo" } else { "initials" }
                );
                std::fs::write(std::path::Path::new(&dir).join(name), &png).expect("write");
            }
            let image = decoded(&png);
            assert_eq!((image.width(), image.height()), (1200, 630));
            assert!(png.len() < 300 * 1024, "{} bytes", png.len());
        }
    }

    #[test]
    fn the_text_is_really_drawn_in_both_scripts() {
        let blank = CardSpec {
            call: String::new(),
            status: String::new(),
            petition: None,
            count: None,
            ..spec()
        };
        let without = decoded(&draw(&blank, None).expect("drawn"));
        for call in ["Свободу Борису Романову!", "Free Boris Romanov!"] {
            let with = decoded(
                &draw(
                    &CardSpec {
                        call: call.into(),
                        ..blank.clone()
                    },
                    None,
                )
                .expect("drawn"),
            );
            // Dark pixels where the call goes, none there on the blank card.
            let dark = |img: &image::RgbImage| {
                img.enumerate_pixels()
                    .filter(|(x, y, p)| *x > 476 && *y > 96 && *y < 260 && p.0[0] < 100)
                    .count()
            };
            assert_eq!(dark(&without), 0);
            assert!(dark(&with) > 2000, "{call}: {} dark pixels", dark(&with));
        }
    }

    #[test]
    fn a_very_long_name_stays_on_the_card() {
        let long = CardSpec {
            call: format!(
                "Свободу {}!",
                "Константину Константинопольскому-Верхнедвинскому ".repeat(6)
            ),
            ..spec()
        };
        let bold = Font::load(BOLD).expect("font");
        let (size, lines) = fit(&bold, &long.call, &[64.0, 56.0, 48.0, 42.0, 36.0], 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        for line in &lines {
            assert!(bold.width(line, size) <= TEXT_WIDTH, "{line}");
        }
        let image = decoded(&draw(&long, None).expect("drawn"));
        // Nothing is drawn in the right margin.
        let margin_ink = image
            .enumerate_pixels()
            .filter(|(x, _, p)| *x >= WIDTH - 40 && p.0 != [255, 255, 255])
            .count();
        assert_eq!(margin_ink, 0);
    }

    #[test]
    fn the_digest_follows_what_is_shown() {
        let a = spec();
        assert_eq!(a.digest(), spec().digest());
        let counted = CardSpec {
            count: Some(("1228 подписей".into(), Some((1228, 5000)))),
            ..spec()
        };
        assert_ne!(a.digest(), counted.digest());
        let photo = CardSpec {
            photo: Some("def".into()),
            ..spec()
        };
        assert_ne!(a.digest(), photo.digest());
        assert_eq!(initials("Борис Романов"), "БР");
        assert_eq!(initials("anna"), "A");
    }
}
