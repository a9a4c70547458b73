//! The fonts bundled in the binary (DejaVu Sans, which covers Latin,
//! Cyrillic and more): the delivery document embeds them, share cards draw
//! with them. Pages never load them: they use the reader's system fonts.

pub static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
