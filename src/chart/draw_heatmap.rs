//! Publication timing: weekday (rows, Monday on top) × hour (columns), colour by value, the
//! best slot outlined.

use super::labels::WEEKDAYS_MONDAY_FIRST;
use super::spec::HeatmapSpec;
use super::theme::Theme;
use super::{ChartError, Geometry, draw_message};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `spec` on `area`. In the returned geometry, hour `h` spans x `h..h+1` and display row
/// `r` (Monday = 0) spans y `6 - r .. 7 - r`.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &HeatmapSpec,
    theme: &Theme,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    let max = spec.cells.iter().filter_map(|c| c.value).fold(0.0, f64::max);
    if max <= 0.0 {
        return draw_message(area, theme, &spec.title, "No articles with a time of day in this selection.");
    }
    let mut chart =
        super::frame(area, theme, &format!("{} ({})", spec.title, spec.value_label), (22, 40), 0f64..24.0, 0f64..7.0)?;
    chart.configure_mesh().disable_mesh().x_labels(0).y_labels(0).axis_style(theme.muted).draw()?;
    chart.draw_series(spec.cells.iter().map(|cell| {
        let (x, y) = (f64::from(cell.hour), 6.0 - row_f64(cell.row));
        let color = cell.value.map_or(theme.grid, |v| theme.sequential(v / max));
        Rectangle::new([(x + 0.04, y + 0.06), (x + 0.96, y + 0.94)], color.filled())
    }))?;
    if let Some((row, hour)) = spec.best {
        let (x, y) = (f64::from(hour), 6.0 - row_f64(row));
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x, y), (x + 1.0, y + 1.0)],
            theme.selected.stroke_width(theme.len(3)),
        )))?;
    }
    let right = theme.small_font().pos(Pos::new(HPos::Right, VPos::Center));
    for (row, name) in WEEKDAYS_MONDAY_FIRST.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(0.0, 6.5 - row_f64(row)));
        area.draw(&Text::new((*name).to_owned(), (px - 4, py), right.clone()))?;
    }
    let below = theme.small_font().pos(Pos::new(HPos::Center, VPos::Top));
    for hour in (0..24).step_by(3) {
        let (px, py) = chart.backend_coord(&(f64::from(hour) + 0.5, 0.0));
        area.draw(&Text::new(format!("{hour:02}"), (px, py + 3), below.clone()))?;
    }
    Ok(super::geometry_of(&chart, (0.0, 24.0), (0.0, 7.0)))
}

fn row_f64(row: usize) -> f64 {
    f64::from(u32::try_from(row).unwrap_or(0))
}
