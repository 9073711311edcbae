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
        chart.draw_series(LineSeries::new(line.points.iter().copied(), theme.series(i).stroke_width(stroke)))?;
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
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    draw_legend(area, (xs.start, ys.start), &spec.lines, theme)?;
    Ok(super::geometry_of(&chart, (x0, x1), (0.0, y_max)))
}

/// The legend in the plotting area's upper left corner: each line's colour and label on a box
/// sized from the labels' characters. (plotters' own legend sizes its box by laying each label
/// out in the page's DOM: a forced layout, 1.3 ms of every filter change.)
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    corner: (i32, i32),
    lines: &[super::spec::TrendLine],
    theme: &Theme,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let font_px = theme.px(12.0);
    let len = |pixels| i32::try_from(theme.len(pixels)).unwrap_or(0);
    let (pad, sample) = (len(6), len(16));
    let labels: Vec<String> = lines.iter().map(|line| clip(&line.label, 24)).collect();
    #[expect(clippy::cast_precision_loss, clippy::cast_possible_truncation, reason = "a few hundred pixels")]
    let (row, text_width) = (
        (font_px * 1.4).ceil() as i32,
        (labels.iter().map(String::len).max().unwrap_or(0) as f64 * font_px * 0.6).ceil() as i32,
    );
    let (x, y) = (corner.0 + pad, corner.1 + pad);
    let bottom_right =
        (x + 3 * pad + sample + text_width, y + 2 * pad + row * i32::try_from(labels.len()).unwrap_or(0));
    area.draw(&Rectangle::new([(x, y), bottom_right], theme.background.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x, y), bottom_right], theme.grid))?;
    let font = theme.label_font().pos(Pos::new(HPos::Left, VPos::Center));
    for (i, label) in labels.iter().enumerate() {
        let middle = y + pad + row * i32::try_from(i).unwrap_or(0) + row / 2;
        let line = vec![(x + pad, middle), (x + pad + sample, middle)];
        area.draw(&PathElement::new(line, theme.series(i).stroke_width(theme.len(2))))?;
        area.draw(&Text::new(label.as_str(), (x + 2 * pad + sample, middle), font.clone()))?;
    }
    Ok(())
}
