//! SVG rendering through the same draw functions as the canvas.

use super::spec::{BarsSpec, HeatmapSpec, HistogramSpec, TrendSpec, VolumeSpec};
use super::theme::Theme;
use super::{Chart, ChartError, Geometry, draw_bars, draw_heatmap, draw_histogram, draw_trend, draw_volume};
use plotters::coord::Shift;
use plotters::prelude::*;

macro_rules! chart_impl {
    ($spec:ty, $draw:ident) => {
        impl Chart for $spec {
            fn draw<DB: DrawingBackend>(
                &self,
                area: &DrawingArea<DB, Shift>,
                theme: &Theme,
            ) -> Result<Geometry, ChartError>
            where
                DB::ErrorType: 'static,
            {
                $draw(area, self, theme)
            }
            fn title(&self) -> &str {
                &self.title
            }
            fn key_points(&self) -> Vec<(f64, f64)> {
                self.key_points()
            }
            fn key_row_len(&self) -> usize {
                self.key_row_len()
            }
        }
    };
}

chart_impl!(VolumeSpec, draw_volume);
chart_impl!(BarsSpec, draw_bars);
chart_impl!(TrendSpec, draw_trend);
chart_impl!(HistogramSpec, draw_histogram);
chart_impl!(HeatmapSpec, draw_heatmap);

/// Renders `chart` as an SVG document of `size_px`.
///
/// ```
/// use headline_trends::chart::{spec::HistogramSpec, svg::render_svg, theme::Theme};
/// let spec = HistogramSpec { title: "Views".into(), bins: vec![] };
/// let svg = render_svg(&spec, (400, 300), &Theme::LIGHT).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("No articles with view counts"));
/// ```
pub fn render_svg(chart: &impl Chart, size_px: (u32, u32), theme: &Theme) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size_px).into_drawing_area();
        chart.draw(&area, theme)?;
        area.present()?;
    }
    Ok(svg)
}
