//! QR codes drawn on the server as inline SVG: the authenticator's key at
//! enrolment, and donation details people scan rather than type. Nothing is
//! fetched from elsewhere.

/// `payload` as an inline `<svg>` named `label` for screen readers; `None`
/// when it is too long for a QR code.
pub fn svg(payload: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::new(payload.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    // Inline in HTML: no XML declaration, and a name for screen readers.
    let start = svg.find("<svg")?;
    let escaped = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    Some(svg[start..].replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\""),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_svg_with_a_name_and_no_xml_declaration() {
        let svg = svg("otpauth://totp/x?secret=ABC", "QR <code>").expect("svg");
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"QR &lt;code>\""));
        assert!(!svg.contains("<?xml"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn a_payload_too_long_for_a_qr_code_gives_none() {
        assert_eq!(svg(&"x".repeat(8000), "too long"), None);
    }
}
