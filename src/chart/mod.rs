//! Charts: plain-data specs drawn by one plotters function per chart, generic over the backend,
//! so the same code paints the page's canvas, writes the SVG export and runs in native tests.
//!
//! Contract: `chart` only draws a spec; it never filters, counts or parses. Specs are built from
//! analysis results in `spec`; colours and fonts live only in `theme`. Every draw function
//! returns the `Geometry` of its plotting area so the UI can map a pointer back to data.
//! An empty spec draws a plain "nothing to show" message instead of an empty axis.
#![warn(missing_docs)]

mod draw_bars;
mod draw_heatmap;
mod draw_histogram;
mod draw_trend;
mod draw_volume;
pub mod either_backend;
mod error;
mod geometry;
mod key_points;
pub mod labels;
pub mod marker_labels;
pub mod spec;
pub mod svg;
pub mod theme;

pub use draw_bars::draw_bars;
pub use draw_heatmap::draw_heatmap;
pub use draw_histogram::draw_histogram;
pub use draw_trend::draw_trend;
pub use draw_volume::draw_volume;
pub use error::ChartError;
pub use geometry::Geometry;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use theme::Theme;

/// Anything that can draw itself on a plotters drawing area.
pub trait Chart {
    /// Draws on `area`, returning where the plotting area landed. The caller presents the
    /// area (so a caption or other parts can be added first).
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<Geometry, ChartError>
    where
        DB::ErrorType: 'static;

    /// The chart's title.
    fn title(&self) -> &str;

    /// The marks a keyboard user steps through (bars, cells, burst markers), as data points in
    /// reading order; a tooltip or click at one of them means that mark.
    fn key_points(&self) -> Vec<(f64, f64)>;

    /// Marks per visual row, for Up and Down (1 for a list or a single row).
    fn key_row_len(&self) -> usize {
        1
    }
}

/// The plotting frame every chart shares: background, margin, title, label areas of
/// `label_px` (x axis height, y axis width) and linear `x` × `y` ranges.
pub(crate) fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    title: &str,
    label_px: (u32, u32),
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, ChartError>
where
    DB::ErrorType: 'static,
{
    area.fill(&theme.background)?;
    Ok(ChartBuilder::on(area)
        .margin(theme.len(8))
        .caption(title, theme.title_font())
        .x_label_area_size(theme.len(label_px.0))
        .y_label_area_size(theme.len(label_px.1))
        .build_cartesian_2d(x, y)?)
}

/// The date labels of a time axis, leaving out any that, centred on its tick, would stick out
/// past the chart's right edge (the frame keeps 8 px there; a date is some 60 px wide):
/// `plot_px` is the plotting area's pixel range across, `x` its range in days. The width is
/// reckoned from the characters (the SVG backend measures no text): 0.6 em each, more than
/// the small font's digits and letters take.
pub(crate) fn fitting_day_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot_px: std::ops::Range<i32>,
    x: (f64, f64),
    width: crate::analysis::volume::BucketWidth,
    theme: &Theme,
) -> impl Fn(&f64) -> String + use<DB> {
    let right_edge = f64::from(area.dim_in_pixel().0);
    let char_px = theme.small_font_px() * 0.6;
    move |day: &f64| {
        let label = labels::day_label(*day, width);
        let at = f64::from(plot_px.start) + (day - x.0) / (x.1 - x.0) * f64::from(plot_px.end - plot_px.start);
        #[expect(clippy::cast_precision_loss, reason = "a dozen characters")]
        let half_width = label.chars().count() as f64 * char_px / 2.0;
        if at + half_width > right_edge { String::new() } else { label }
    }
}

/// Where a chart's plotting area landed, for `Geometry`.
pub(crate) fn geometry_of<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    x: (f64, f64),
    y: (f64, f64),
) -> Geometry {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    Geometry { plot_px: (xs.start, ys.start, xs.end, ys.end), x_range: x, y_range: y }
}

/// Fills `area` and writes `message` in its middle (for empty selections).
pub(crate) fn draw_message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    title: &str,
    message: &str,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    area.fill(&theme.background)?;
    let (width, height) = area.dim_in_pixel();
    area.draw(&Text::new(title.to_owned(), (12, 8), theme.title_font()))?;
    let style = theme.label_font().pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Center,
        plotters::style::text_anchor::VPos::Center,
    ));
    let center = (i32::try_from(width / 2).unwrap_or(0), i32::try_from(height / 2).unwrap_or(0));
    area.draw(&Text::new(message.to_owned(), center, style))?;
    Ok(Geometry::empty())
}
