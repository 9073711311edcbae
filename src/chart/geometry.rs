//! Where a chart's plotting area landed, to map pointer pixels back to data.

use serde::Serialize;

/// The plotting area in pixels and the data ranges it shows (linear in both axes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Geometry {
    /// Left, top, right, bottom pixel of the plotting area.
    pub plot_px: (i32, i32, i32, i32),
    /// Data value at the left and right edges.
    pub x_range: (f64, f64),
    /// Data value at the bottom and top edges.
    pub y_range: (f64, f64),
}

impl Geometry {
    /// The geometry of a chart with no plotting area.
    pub fn empty() -> Geometry {
        Geometry::default()
    }

    /// The data point under pixel `(x, y)`, if it is inside the plotting area.
    pub fn to_data(&self, x: i32, y: i32) -> Option<(f64, f64)> {
        let (left, top, right, bottom) = self.plot_px;
        if right <= left || bottom <= top || x < left || x > right || y < top || y > bottom {
            return None;
        }
        let fx = f64::from(x - left) / f64::from(right - left);
        let fy = f64::from(bottom - y) / f64::from(bottom - top);
        Some((
            self.x_range.0 + fx * (self.x_range.1 - self.x_range.0),
            self.y_range.0 + fy * (self.y_range.1 - self.y_range.0),
        ))
    }

    /// The pixel of data point `(x, y)` (the inverse of `to_data`).
    pub fn to_px(&self, x: f64, y: f64) -> (f64, f64) {
        let (_, top, _, bottom) = self.plot_px;
        let span = self.y_range.1 - self.y_range.0;
        let fy = if span == 0.0 { 0.0 } else { (y - self.y_range.0) / span };
        (self.x_to_px(x), f64::from(bottom) - fy * f64::from(bottom - top))
    }

    /// The pixel column of data value `x`.
    pub fn x_to_px(&self, x: f64) -> f64 {
        let (left, _, right, _) = self.plot_px;
        let span = self.x_range.1 - self.x_range.0;
        if span == 0.0 {
            f64::from(left)
        } else {
            f64::from(left) + (x - self.x_range.0) / span * f64::from(right - left)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_map_back_to_data() {
        let g = Geometry { plot_px: (100, 10, 300, 110), x_range: (0.0, 20.0), y_range: (0.0, 50.0) };
        assert_eq!(g.to_data(100, 110), Some((0.0, 0.0)));
        assert_eq!(g.to_data(200, 60), Some((10.0, 25.0)));
        assert_eq!(g.to_data(99, 60), None);
        assert!((g.x_to_px(10.0) - 200.0).abs() < 1e-9);
        assert_eq!(g.to_px(10.0, 25.0), (200.0, 60.0));
        let back = g.to_px(3.0, 40.0);
        #[expect(clippy::cast_possible_truncation, reason = "exact pixels here")]
        let data = g.to_data(back.0 as i32, back.1 as i32);
        assert_eq!(data, Some((3.0, 40.0)));
        assert_eq!(Geometry::empty().to_data(0, 0), None);
    }
}
