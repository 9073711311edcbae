//! plotters' canvas backend with text measured by the canvas itself.
//!
//! plotters asks a backend for the size of every axis label it lays out, and the canvas backend
//! answers the generic way: it adds a `<span>` to the page, reads its `offsetHeight` — which
//! makes the browser lay out the whole page there and then — and removes it again. Five charts
//! redrawn on a filter change did that dozens of times (about 5 ms a change at a million rows,
//! plus the style work the spans left behind). `MeasuredCanvas` answers with the canvas's own
//! `measureText`, which needs no layout.
//!
//! It also draws text itself: the plotters backend sets the font, alignment and colour before
//! every label — strings built (the colour's alpha through float formatting) and copied to
//! JavaScript each time, and a font string the canvas parses anew. Here the font, alignment and
//! baseline are set only when they change (they survive the `save`/`restore` around rotated
//! text because they are set before it), and widths once measured are remembered for the page's
//! life (bounded). Filled rectangles — every bar and heatmap cell — are drawn here too, the fill
//! colour set only when it changes. What the context was last set to (`ContextState`) is kept
//! from one draw of a canvas to the next, as the context keeps it (a context reset in between
//! is found out by its font): a redraw sets a font only if the chart's fonts differ. Other
//! shapes go to the plotters backend.

use crate::chart::either_backend::EitherBackend;
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What the page draws charts on: its canvas, or SVG for an export — one backend type, so every
/// draw function is compiled once (`chart::either_backend`).
pub type PageBackend = EitherBackend<MeasuredCanvas, plotters::prelude::SVGBackend<'static>>;

/// A text's width in a font: (style, size bits, family, text). The same labels are laid out on
/// every redraw (ticks, topic names); measuring them once saves the canvas a font change and a
/// `measureText` each, and plotters measures every label before drawing it.
type WidthKey = (&'static str, u64, String, String);

/// Widths kept at most; past it the cache starts again.
const MAX_TEXT_WIDTHS: usize = 4096;

thread_local! {
    static TEXT_WIDTHS: RefCell<FxHashMap<WidthKey, f64>> = RefCell::new(FxHashMap::default());
}

/// Height of a line of text per pixel of font size (a browser's "normal" line height).
const LINE_HEIGHT: f64 = 1.2;

/// A `CanvasBackend` whose text sizes come from `measureText`.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// What the context's text settings and fill were last set to, shared with the next
    /// backend drawn on the same canvas.
    context_state: Rc<RefCell<ContextState>>,
}

/// A canvas's text settings and fill colour as last set; `None` until first set. A context that
/// was reset since — the canvas resized, or lost and restored by the browser — is found out by
/// its font, which then reads back as the default (`MeasuredCanvas::new`).
#[derive(Default)]
pub struct ContextState {
    /// The context's font as it reads back after the last set.
    font_as_read: String,
    /// The fill colour as (red, green, blue, alpha bits); `None` also after a shape drawn by
    /// plotters' backend, which sets its own.
    fill: Option<(u8, u8, u8, u64)>,
    /// Font style, size (its bits) and family.
    font: Option<(&'static str, u64, String)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

impl MeasuredCanvas {
    /// Sets the canvas font to `style`'s unless it already is.
    fn use_font<S: BackendTextStyle>(&self, style: &S) {
        let family = style.family();
        let key = (font_style_css(style.style()), style.size().to_bits(), family.as_str());
        let mut state = self.context_state.borrow_mut();
        if state.font.as_ref().is_none_or(|(s, size, f)| (*s, *size, f.as_str()) != key) {
            self.context.set_font(&format!("{} {}px {}", key.0, style.size(), key.2));
            state.font = Some((key.0, key.1, key.2.to_owned()));
            state.font_as_read = self.context.font();
        }
    }

    /// Sets the fill colour unless it already is.
    fn use_fill(&self, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let key = Some((r, g, b, color.alpha.to_bits()));
        let mut state = self.context_state.borrow_mut();
        if state.fill != key {
            self.context.set_fill_style_str(&css_color(color));
            state.fill = key;
        }
    }

    /// Forgets the fill colour: plotters' backend is about to set its own.
    fn fill_unknown(&self) {
        self.context_state.borrow_mut().fill = None;
    }

    /// Sets the text alignment and baseline of `anchor` unless they already are.
    fn use_anchor(&self, h_pos: HPos, v_pos: VPos) {
        let align = match h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let baseline = match v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let mut state = self.context_state.borrow_mut();
        if state.align != Some(align) {
            self.context.set_text_align(align);
            state.align = Some(align);
        }
        if state.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            state.baseline = Some(baseline);
        }
    }
}

/// The CSS keyword of a font style, as plotters writes it (`FontStyle::as_str`).
fn font_style_css(style: FontStyle) -> &'static str {
    match style {
        FontStyle::Normal => "normal",
        FontStyle::Italic => "italic",
        FontStyle::Oblique => "oblique",
        FontStyle::Bold => "bold",
    }
}

/// `rgba(r,g,b,a)` with the alpha in thousandths, without float formatting.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "alpha is in 0..=1")]
    let thousandths = (color.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("rgba({r},{g},{b},{}.{:03})", thousandths / 1000, thousandths % 1000)
}

/// A canvas call's failure as a plotters error (plotters-canvas's own error type is closed).
fn canvas_error(error: wasm_bindgen::JsValue) -> DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType> {
    DrawingErrorKind::FontError(format!("canvas: {error:?}").into())
}

impl MeasuredCanvas {
    /// The backend for `canvas`, or `None` without a 2D context. `context_state` is what the
    /// canvas's context was last set to by the previous backend (default for a new canvas);
    /// it is dropped here if the context was reset since. A font string set again costs the
    /// canvas a parse, on every draw of every chart.
    pub fn new(canvas: HtmlCanvasElement, context_state: Rc<RefCell<ContextState>>) -> Option<MeasuredCanvas> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        if context_state.borrow().font_as_read != context.font() {
            context_state.replace(ContextState::default());
        }
        Some(MeasuredCanvas { inner: CanvasBackend::with_canvas_object(canvas)?, context, context_state })
    }
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.fill_unknown();
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Filled rectangles (every bar and heatmap cell) are drawn here so that a colour is set
        // once for a run of bars, not built as a string and parsed by the canvas for each.
        let color = style.color();
        if !fill || color.alpha == 0.0 {
            return self.inner.draw_rect(upper_left, bottom_right, style, fill);
        }
        self.use_fill(color);
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        self.context.fill_rect(x, y, f64::from(bottom_right.0) - x, f64::from(bottom_right.1) - y);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.fill_unknown();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.fill_unknown();
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        self.use_font(style);
        self.use_anchor(anchor.h_pos, anchor.v_pos);
        self.use_fill(color);
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        if quarter_turns == 0.0 {
            return self.context.fill_text(text, x, y).map_err(canvas_error);
        }
        self.context.save();
        let drawn = self
            .context
            .translate(x, y)
            .and_then(|()| self.context.rotate(quarter_turns * std::f64::consts::FRAC_PI_2))
            .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
        self.context.restore();
        drawn.map_err(canvas_error)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let key = (
            font_style_css(style.style()),
            style.size().to_bits(),
            style.family().as_str().to_owned(),
            text.to_owned(),
        );
        let width = TEXT_WIDTHS.with_borrow_mut(|widths| {
            if let Some(&width) = widths.get(&key) {
                return width;
            }
            self.use_font(style);
            let width = self.context.measure_text(text).map_or(0.0, |metrics| metrics.width());
            if widths.len() >= MAX_TEXT_WIDTHS {
                widths.clear();
            }
            widths.insert(key, width);
            width
        });
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "text sizes in pixels")]
        let size = (width.ceil() as u32, (style.size() * LINE_HEIGHT).ceil() as u32);
        Ok(size)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
