//! Colours and fonts of every chart: light and dark themes, the Okabe–Ito colour-blind-safe
//! palette for categories, and a sequential scale for heatmaps.

use plotters::style::{Color, FontDesc, FontFamily, RGBColor, TextStyle};

/// The colours and text sizes of one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Chart background.
    pub background: RGBColor,
    /// Titles and labels.
    pub text: RGBColor,
    /// Axis and secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Bars and the main series.
    pub accent: RGBColor,
    /// Bars of topics in the filter.
    pub selected: RGBColor,
    /// Font scale (2.0 for exports at twice the pixel density).
    pub scale: f64,
}

/// Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(117, 112, 179), // slate (in place of yellow, unreadable on white)
];

impl Theme {
    /// The light theme.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(29, 31, 33),
        muted: RGBColor(91, 97, 102),
        grid: RGBColor(228, 230, 232),
        accent: RGBColor(0, 114, 178),
        selected: RGBColor(213, 94, 0),
        scale: 1.0,
    };

    /// The dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(31, 34, 38),
        text: RGBColor(230, 232, 234),
        muted: RGBColor(163, 169, 174),
        grid: RGBColor(58, 63, 69),
        accent: RGBColor(86, 180, 233),
        selected: RGBColor(230, 159, 0),
        scale: 1.0,
    };

    /// This theme with fonts scaled by `scale` (for high-density canvases and exports).
    pub fn scaled(self, scale: f64) -> Theme {
        Theme { scale, ..self }
    }

    /// Size in pixels of `points` at this theme's scale.
    pub fn px(&self, points: f64) -> f64 {
        points * self.scale
    }

    /// An integer pixel length at this theme's scale.
    pub fn len(&self, pixels: u32) -> u32 {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small positive sizes")]
        let scaled = (f64::from(pixels) * self.scale).round() as u32;
        scaled
    }

    /// The colour of series `index`.
    pub fn series(&self, index: usize) -> RGBColor {
        PALETTE[index % PALETTE.len()]
    }

    /// Chart titles.
    pub fn title_font(&self) -> TextStyle<'static> {
        FontDesc::new(FontFamily::SansSerif, self.px(15.0), plotters::style::FontStyle::Bold).color(&self.text)
    }

    /// Axis labels and annotations.
    pub fn label_font(&self) -> TextStyle<'static> {
        FontDesc::new(FontFamily::SansSerif, self.px(12.0), plotters::style::FontStyle::Normal).color(&self.text)
    }

    /// Small secondary text.
    pub fn small_font(&self) -> TextStyle<'static> {
        FontDesc::new(FontFamily::SansSerif, self.small_font_px(), plotters::style::FontStyle::Normal)
            .color(&self.muted)
    }

    /// The size of `small_font`, in pixels.
    pub fn small_font_px(&self) -> f64 {
        self.px(10.5)
    }

    /// A sequential colour for `t` in [0, 1] (light to dark blue-green, readable in both themes).
    pub fn sequential(&self, t: f64) -> RGBColor {
        const STOPS: [(u8, u8, u8); 5] =
            [(240, 249, 232), (186, 228, 188), (123, 204, 196), (67, 162, 202), (8, 104, 172)];
        let t = t.clamp(0.0, 1.0) * 4.0;
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "t in [0, 4]")]
        let i = (t.floor() as usize).min(3);
        let f = t - i as f64;
        let mix = |a: u8, b: u8| {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "between two u8 values")]
            let v = (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
            v
        };
        let (a, b) = (STOPS[i], STOPS[i + 1]);
        RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// A translucent fill of the accent (the brush).
    pub fn brush(&self) -> plotters::style::RGBAColor {
        self.selected.mix(0.18)
    }
}
