//! The signatures-over-time chart: inline SVG drawn on the server, so it
//! needs neither JavaScript nor a request.

use chrono::NaiveDate;

use crate::campaign::markdown::escape_html;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;
const PAD: f64 = 4.0;

/// A cumulative line of confirmed signatures by day; `None` with fewer than
/// two days of data, where a line says nothing.
pub fn cumulative_svg(days: &[(NaiveDate, i64)], label: &str) -> Option<String> {
    if days.len() < 2 {
        return None;
    }
    let first = days.first()?.0;
    let span = (days.last()?.0 - first).num_days().max(1) as f64;
    let mut total = 0i64;
    let points: Vec<(f64, i64)> = days
        .iter()
        .map(|(day, n)| {
            total += n;
            ((*day - first).num_days() as f64 / span, total)
        })
        .collect();
    let max = points.iter().map(|(_, t)| *t).max().unwrap_or(1).max(1) as f64;
    let coords: Vec<String> = points
        .iter()
        .map(|(x, t)| {
            format!(
                "{:.1},{:.1}",
                PAD + x * (WIDTH - 2.0 * PAD),
                HEIGHT - PAD - (*t as f64 / max) * (HEIGHT - 2.0 * PAD)
            )
        })
        .collect();
    let label = escape_html(label);
    Some(format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"none\">\
         <title>{label}</title>\
         <polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\" points=\"{}\"/></svg>",
        coords.join(" ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_rises_with_the_total() {
        let d = |n| NaiveDate::from_ymd_opt(2024, 1, n).expect("date");
        let svg = cumulative_svg(&[(d(1), 10), (d(2), 0), (d(5), 30)], "chart").expect("svg");
        assert!(
            svg.contains("points=\"4.0,118.0 152.0,118.0 596.0,4.0\""),
            "{svg}"
        );
        assert!(cumulative_svg(&[(d(1), 5)], "x").is_none());
    }
}
