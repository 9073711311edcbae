//! Where each chart's marks are, for keyboard access: the canvas steps through these points
//! with the arrow keys, shows the tooltip of the point in focus and treats Enter as a click
//! there. The points use the same data coordinates as the draw functions.
//!
//! Contract: a point lies inside the mark it stands for, so the panels' tooltip and click
//! callbacks (which map a data point to a mark) give that mark's text and headlines.

use super::spec::{BarsSpec, HeatmapSpec, HistogramSpec, TrendSpec, VolumeSpec};
use crate::analysis::stats::sort_few_by;

/// The middle of a bar from 0 to `height`.
fn half(height: f64) -> f64 {
    height / 2.0
}

impl VolumeSpec {
    /// One point per bar, oldest first.
    pub fn key_points(&self) -> Vec<(f64, f64)> {
        self.bars.iter().map(|b| ((b.start_day + b.end_day) / 2.0, half(f64::from(b.n_articles)))).collect()
    }

    /// A single row of bars.
    pub fn key_row_len(&self) -> usize {
        1
    }
}

impl BarsSpec {
    /// One point per bar, top bar first (bar `i` spans `n - i - 1 .. n - i` on the y axis).
    pub fn key_points(&self) -> Vec<(f64, f64)> {
        let n = self.bars.len();
        (0..n)
            .map(|i| {
                let y = f64::from(u32::try_from(n - i).unwrap_or(0)) - 0.5;
                (half(self.bars[i].value), y)
            })
            .collect()
    }

    /// A list.
    pub fn key_row_len(&self) -> usize {
        1
    }
}

impl TrendSpec {
    /// One point per burst marker, in time order.
    pub fn key_points(&self) -> Vec<(f64, f64)> {
        let mut points: Vec<(f64, f64)> = self.markers.iter().map(|m| (m.x, m.y)).collect();
        sort_few_by(&mut points, &|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        points
    }

    /// A single row of markers.
    pub fn key_row_len(&self) -> usize {
        1
    }
}

impl HistogramSpec {
    /// One point per bin, fewest views first.
    pub fn key_points(&self) -> Vec<(f64, f64)> {
        (0..self.bins.len())
            .map(|i| (f64::from(u32::try_from(i).unwrap_or(0)) + 0.5, half(f64::from(self.bins[i].n_articles))))
            .collect()
    }

    /// A single row of bins.
    pub fn key_row_len(&self) -> usize {
        1
    }
}

impl HeatmapSpec {
    /// Every cell of the 7 × 24 grid, Monday 00:00 first, row by row (hour `h` spans x
    /// `h..h+1`, display row `r` spans y `6 - r .. 7 - r`).
    pub fn key_points(&self) -> Vec<(f64, f64)> {
        (0..7u32).flat_map(|row| (0..24u32).map(move |hour| (f64::from(hour) + 0.5, 6.5 - f64::from(row)))).collect()
    }

    /// 24 hours a row: Up and Down move a day.
    pub fn key_row_len(&self) -> usize {
        24
    }
}

#[cfg(test)]
mod tests {
    use crate::chart::spec::{HeatmapSpec, HistogramBin, HistogramSpec};

    #[test]
    fn heatmap_points_are_cell_centres_row_by_row() {
        let spec = HeatmapSpec { title: String::new(), value_label: String::new(), cells: Vec::new(), best: None };
        let points = spec.key_points();
        assert_eq!(points.len(), 168);
        assert_eq!(points[0], (0.5, 6.5)); // Monday 00:00, top row
        assert_eq!(points[25], (1.5, 5.5)); // Tuesday 01:00
        assert_eq!(points[167], (23.5, 0.5)); // Sunday 23:00
    }

    #[test]
    fn histogram_points_sit_inside_their_bars() {
        let bins = [(0, 10), (1, 0), (2, 4)].map(|(bin, n_articles)| HistogramBin { bin, n_articles });
        let spec = HistogramSpec { title: String::new(), bins: bins.to_vec() };
        assert_eq!(spec.key_points(), [(0.5, 5.0), (1.5, 0.0), (2.5, 2.0)]);
    }
}
