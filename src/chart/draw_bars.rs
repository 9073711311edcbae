//! Topic frequency: horizontal bars, largest on top, topics in the filter highlighted.

use super::spec::BarsSpec;
use super::theme::Theme;
use super::{ChartError, Geometry, draw_message};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `spec` on `area`. In the returned geometry, bar `i` spans y from `n - i - 1` to `n - i`.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &BarsSpec,
    theme: &Theme,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    if spec.bars.is_empty() {
        return draw_message(area, theme, &spec.title, &spec.empty_note);
    }
    #[expect(clippy::cast_precision_loss, reason = "a few dozen bars")]
    let n = spec.bars.len() as f64;
    let x_max = spec.bars.iter().map(|b| b.value).fold(0.0, f64::max).max(f64::MIN_POSITIVE) * 1.18;
    let mut chart = super::frame(area, theme, &spec.title, (30, 196), 0f64..x_max, 0f64..n)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(4)
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.small_font())
        .x_desc(spec.value_label.as_str())
        .x_label_formatter(&|v| super::labels::compact_number(*v))
        .draw()?;
    let top = |i: usize| {
        #[expect(clippy::cast_precision_loss, reason = "a few dozen bars")]
        let y = n - i as f64;
        y
    };
    chart.draw_series(spec.bars.iter().enumerate().map(|(i, bar)| {
        let color = if bar.is_selected { theme.selected } else { theme.accent };
        Rectangle::new([(0.0, top(i) - 0.85), (bar.value, top(i) - 0.15)], color.filled())
    }))?;
    let value_style = theme.small_font().pos(Pos::new(HPos::Left, VPos::Center));
    let label_style = theme.label_font().pos(Pos::new(HPos::Right, VPos::Center));
    for (i, bar) in spec.bars.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, top(i) - 0.5));
        area.draw(&Text::new(
            bar.label.clone(),
            (x - i32::try_from(theme.len(6)).unwrap_or(6), y),
            label_style.clone(),
        ))?;
        let (vx, vy) = chart.backend_coord(&(bar.value, top(i) - 0.5));
        area.draw(&Text::new(
            bar.value_text.clone(),
            (vx + i32::try_from(theme.len(4)).unwrap_or(4), vy),
            value_style.clone(),
        ))?;
    }
    Ok(super::geometry_of(&chart, (0.0, x_max), (0.0, n)))
}
