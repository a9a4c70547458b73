//! The fonts bundled in the binary (DejaVu Sans, which covers Latin,
//! Cyrillic and more): the delivery document embeds them, share cards draw
//! with them. Pages never load them: they use the reader's system fonts.
//! Both lay text out here, by the fonts' own advances.

pub static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// A bundled font, read for its glyphs and their advances.
pub struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    pub fn parse(data: &'static [u8]) -> Option<Metrics> {
        ttf_parser::Face::parse(data, 0)
            .ok()
            .map(|face| Metrics { face })
    }

    pub fn face(&self) -> &ttf_parser::Face<'static> {
        &self.face
    }

    /// The glyph drawn for `c`: its own, else the question mark's.
    pub fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('?'))
            .unwrap_or_default()
    }

    /// Font units to size `size`.
    pub fn scale(&self, size: f32) -> f32 {
        size / f32::from(self.face.units_per_em())
    }

    pub fn advance(&self, c: char, size: f32) -> f32 {
        let units = self.face.glyph_hor_advance(self.glyph(c)).unwrap_or(0);
        f32::from(units) * self.scale(size)
    }

    /// The width of `text` at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }

    /// `text` in lines no wider than `width`; a word longer than a line is
    /// cut where it must be.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if self.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}
