//! Views per article on log2 bins: bar `i` holds `2^i − 1 ..= 2^(i+1) − 2` views.

use super::labels::{compact_number, views_bin_label};
use super::spec::HistogramSpec;
use super::theme::Theme;
use super::{ChartError, Geometry, draw_message};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `spec` on `area`. In the returned geometry, bin `i` spans x from `i` to `i + 1`.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &HistogramSpec,
    theme: &Theme,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    if spec.bins.iter().all(|b| b.n_articles == 0) {
        return draw_message(area, theme, &spec.title, "No articles with view counts in this selection.");
    }
    #[expect(clippy::cast_precision_loss, reason = "at most 33 bins")]
    let n = spec.bins.len() as f64;
    let y_max = f64::from(spec.bins.iter().map(|b| b.n_articles).max().unwrap_or(1)) * 1.1;
    let mut chart = super::frame(area, theme, &spec.title, (34, 46), 0f64..n, 0f64..y_max)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.small_font())
        .y_desc("articles")
        .y_label_formatter(&|v| compact_number(*v))
        .draw()?;
    chart.draw_series(spec.bins.iter().enumerate().map(|(i, bin)| {
        #[expect(clippy::cast_precision_loss, reason = "at most 33 bins")]
        let x = i as f64;
        Rectangle::new([(x + 0.08, 0.0), (x + 0.92, f64::from(bin.n_articles))], theme.accent.filled())
    }))?;
    let style = theme.small_font().pos(Pos::new(HPos::Center, VPos::Top));
    // Every `step`-th bin is labelled, `step` chosen so the widest label (plus a gap) fits in
    // the bins it spans: at a narrow width or with many bins, labels never overlap.
    let widest = spec
        .bins
        .iter()
        .map(|bin| area.estimate_text_size(&views_bin_label(bin.bin), &style).map_or(0, |(w, _)| w))
        .max()
        .unwrap_or(0);
    let plot_px = f64::from(chart.plotting_area().dim_in_pixel().0.max(1));
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small positive count")]
    let step = ((f64::from(widest) + f64::from(theme.len(8))) / (plot_px / n)).ceil().max(1.0) as usize;
    for (i, bin) in spec.bins.iter().enumerate().filter(|(i, _)| i % step == 0) {
        #[expect(clippy::cast_precision_loss, reason = "at most 33 bins")]
        let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        area.draw(&Text::new(views_bin_label(bin.bin), (px, py + 4), style.clone()))?;
    }
    Ok(super::geometry_of(&chart, (0.0, n), (0.0, y_max)))
}
