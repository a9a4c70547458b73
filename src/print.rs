//! A4 pages of text for printing, in any of Svoboda's scripts (DejaVu
//! Sans is embedded, subset to the glyphs used): words wrapped by their
//! measured widths, pages filled top to bottom, each with its footer line,
//! drawn by krilla. The delivery document and the letters volunteers print
//! are laid out with it.

use std::sync::LazyLock;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

use crate::campaign::Lang;
use crate::fonts::{BOLD, Metrics, REGULAR};

/// A4 in points, and its margins.
pub const PAGE: (f32, f32) = (595.0, 842.0);
pub const MARGIN: f32 = 56.0;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font cannot be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// A face for measuring, and the same font for drawing.
pub struct Face {
    pub measure: Metrics,
    pub draw: Font,
}

impl Face {
    fn load(data: &'static [u8]) -> Result<Face, PdfError> {
        Ok(Face {
            measure: Metrics::parse(data).ok_or(PdfError::Font)?,
            draw: Font::new(data.into(), 0).ok_or(PdfError::Font)?,
        })
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.measure.width(text, size)
    }

    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        self.measure.wrap(text, size, width)
    }
}

pub static FACES: LazyLock<Result<(Face, Face), String>> = LazyLock::new(|| {
    Ok((
        Face::load(REGULAR).map_err(|e| e.to_string())?,
        Face::load(BOLD).map_err(|e| e.to_string())?,
    ))
});

/// A piece of text placed on a page.
pub struct Placed {
    pub x: f32,
    /// The baseline, from the page's top.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

/// Pages being filled, top to bottom.
pub struct Layout<'a> {
    pub regular: &'a Face,
    pub bold: &'a Face,
    pub pages: Vec<Vec<Placed>>,
    pub y: f32,
}

impl Layout<'_> {
    /// Where the last baseline may go: above the page number.
    pub const BOTTOM: f32 = PAGE.1 - MARGIN - 18.0;

    pub fn page(&mut self) -> &mut Vec<Placed> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Room for `height` more, or a new page.
    pub fn need(&mut self, height: f32) -> bool {
        self.page();
        if self.y + height > Self::BOTTOM {
            self.new_page();
            return true;
        }
        false
    }

    pub fn line(&mut self, x: f32, text: String, size: f32, bold: bool, leading: f32) {
        self.need(leading);
        self.y += leading;
        let y = self.y;
        self.page().push(Placed {
            x,
            y,
            size,
            bold,
            text,
        });
    }

    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, after: f32) {
        let face = if bold { self.bold } else { self.regular };
        for line in face.wrap(text, size, PAGE.0 - 2.0 * MARGIN) {
            self.line(MARGIN, line, size, bold, size * 1.4);
        }
        self.y += after;
    }
}

impl Layout<'static> {
    /// An empty document in the embedded faces.
    pub fn new() -> Result<Layout<'static>, PdfError> {
        let (regular, bold) = FACES.as_ref().map_err(|_| PdfError::Font)?;
        Ok(Layout {
            regular,
            bold,
            pages: Vec::new(),
            y: MARGIN,
        })
    }
}

/// The PDF of laid-out `pages`, with `footer(page, pages)` centred at the
/// foot of each.
pub fn write(
    title: String,
    lang: Lang,
    pages: Vec<Vec<Placed>>,
    footer: impl Fn(usize, usize) -> String,
) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = FACES.as_ref().map_err(|_| PdfError::Font)?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(lang.code().to_string())
            .creator("Svoboda".to_string()),
    );
    let total = pages.len();
    let settings =
        PageSettings::from_wh(PAGE.0, PAGE.1).ok_or_else(|| PdfError::Write("page size".into()))?;
    for (i, placed) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for p in placed {
            let font = if p.bold { &bold.draw } else { &regular.draw };
            surface.draw_text(
                Point::from_xy(p.x, p.y),
                font.clone(),
                p.size,
                &p.text,
                false,
                TextDirection::Auto,
            );
        }
        let text = footer(i + 1, total);
        let width = regular.width(&text, 9.0);
        surface.draw_text(
            Point::from_xy((PAGE.0 - width) / 2.0, PAGE.1 - MARGIN + 10.0),
            regular.draw.clone(),
            9.0,
            &text,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}
