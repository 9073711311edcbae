//! Publication volume: vertical bars per bucket, the date filter as a shaded brush.

use super::labels::compact_number;
use super::spec::VolumeSpec;
use super::theme::Theme;
use super::{ChartError, Geometry, draw_message};
use plotters::coord::Shift;
use plotters::prelude::*;

/// From this many bars on, they are drawn as one skyline without gaps.
pub const SKYLINE_FROM: usize = 120;

/// Draws `spec` on `area`.
pub fn draw_volume<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &VolumeSpec,
    theme: &Theme,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    let (Some(first), Some(last)) = (spec.bars.first(), spec.bars.last()) else {
        return draw_message(area, theme, &spec.title, "No articles match the filters.");
    };
    let (x0, x1) = (first.start_day, last.end_day);
    let y_max = f64::from(spec.bars.iter().map(|b| b.n_articles).max().unwrap_or(1).max(1)) * 1.1;
    let mut chart = super::frame(area, theme, &spec.title, (26, 46), x0..x1, 0f64..y_max)?;
    let plot_px = chart.plotting_area().get_pixel_range().0;
    let day_labels = super::fitting_day_labels(area, plot_px, (x0, x1), spec.width, theme);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .x_labels(6)
        .y_labels(5)
        .label_style(theme.small_font())
        .x_label_formatter(&day_labels)
        .y_label_formatter(&|n| compact_number(*n))
        .draw()?;
    if let Some((from, to)) = spec.brush_days {
        let (from, to) = (from.max(x0), to.min(x1));
        if to > from {
            chart.draw_series(std::iter::once(Rectangle::new([(from, 0.0), (to, y_max)], theme.brush().filled())))?;
        }
    }
    if spec.bars.len() < SKYLINE_FROM {
        chart.draw_series(spec.bars.iter().map(|bar| {
            let pad = (bar.end_day - bar.start_day) * 0.12;
            Rectangle::new(
                [(bar.start_day + pad, 0.0), (bar.end_day - pad, f64::from(bar.n_articles))],
                theme.accent.filled(),
            )
        }))?;
    } else {
        // Bars a pixel or two wide touch anyway: one outline of all of them is one fill on a
        // canvas (and one element in SVG) instead of hundreds.
        let outline = spec.bars.iter().flat_map(|bar| {
            let height = f64::from(bar.n_articles);
            [(bar.start_day, 0.0), (bar.start_day, height), (bar.end_day, height), (bar.end_day, 0.0)]
        });
        chart.draw_series(std::iter::once(Polygon::new(outline.collect::<Vec<_>>(), theme.accent.filled())))?;
    }
    Ok(super::geometry_of(&chart, (x0, x1), (0.0, y_max)))
}
