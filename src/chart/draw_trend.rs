//! Topics over time: one line per topic with a legend, burst peaks marked and labelled.

use super::labels::{clip, compact_number};
use super::marker_labels::{LabelMetrics, place_marker_labels};
use super::spec::TrendSpec;
use super::theme::Theme;
use super::{ChartError, Geometry, draw_message};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `spec` on `area`.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
    theme: &Theme,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    let xs: Vec<f64> = spec.lines.iter().flat_map(|l| l.points.iter().map(|p| p.0)).collect();
    let (Some(x0), Some(x1)) = (xs.iter().copied().reduce(f64::min), xs.iter().copied().reduce(f64::max)) else {
        return draw_message(
            area,
            theme,
            &spec.title,
            "Choose topics (click a bar or a rising topic) to follow them over time.",
        );
    };
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let y_max = spec.lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::max).max(1.0) * 1.15;
    let mut chart = super::frame(area, theme, &spec.title, (26, 46), x0..x1, 0f64..y_max)?;
    let plot_px = chart.plotting_area().get_pixel_range().0;
    let day_labels = super::fitting_day_labels(area, plot_px, (x0, x1), spec.width, theme);
    chart
        .configure_mesh()
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .x_labels(6)
        .y_labels(5)
        .label_style(theme.small_font())
        .y_desc(spec.y_label.as_str())
        .x_label_formatter(&day_labels)
        .y_label_formatter(&|v| compact_number(*v))
        .draw()?;
    let stroke = theme.len(2);
    for (i, line) in spec.lines.iter().enumerate() {
        let color = theme.series(i);
        let legend_len = i32::try_from(theme.len(16)).unwrap_or(16);
        chart
            .draw_series(LineSeries::new(line.points.iter().copied(), color.stroke_width(stroke)))?
            .label(clip(&line.label, 24))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + legend_len, y)], color.stroke_width(stroke)));
    }
    let radius = i32::try_from(theme.len(4)).unwrap_or(4);
    let mut points = Vec::with_capacity(spec.markers.len());
    for marker in &spec.markers {
        let color = theme.series(marker.line_index);
        chart.draw_series(std::iter::once(Circle::new((marker.x, marker.y), radius, color.filled())))?;
        let (px, py) = chart.backend_coord(&(marker.x, marker.y));
        points.push((px, py, marker.text.as_str()));
    }
    #[expect(clippy::cast_possible_truncation, reason = "a font's height in pixels")]
    let metrics = LabelMetrics {
        char_px: theme.small_font_px() * 0.6,
        line_px: theme.small_font_px().ceil() as i32 + 2,
        gap_px: radius + 2,
        right_edge: i32::try_from(area.dim_in_pixel().0).unwrap_or(i32::MAX),
    };
    for label in place_marker_labels(&points, metrics) {
        let font = theme.small_font();
        let font = if label.left_of { font.pos(Pos::new(HPos::Right, VPos::Top)) } else { font };
        area.draw(&Text::new(points[label.marker].2, (label.x, label.y), font))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(theme.background.mix(0.85))
        .border_style(theme.grid)
        .label_font(theme.label_font())
        .draw()?;
    Ok(super::geometry_of(&chart, (x0, x1), (0.0, y_max)))
}
