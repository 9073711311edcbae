//! A canvas that draws one chart spec with the same plotters function as the SVG export, at the
//! screen's pixel density, and maps pointer positions back to data for tooltips, clicks and
//! brushing. From the keyboard, the arrow keys (Home, End) step through the chart's marks
//! (`Chart::key_points`), showing each one's tooltip; Enter or Space clicks the mark in focus.

use super::browser::{pixel_ratio, prefers_dark};
use super::canvas_backend::{ContextState, MeasuredCanvas, PageBackend};
use super::state::use_dash;
use crate::chart::theme::Theme;
use crate::chart::{Chart, ChartError, Geometry};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Where the pointer went down, in CSS pixels, while a drag may be under way.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DragStart {
    x: f64,
}

/// Draws the chart on a canvas's drawing area (reading the spec signal, so the draw reruns when
/// it changes).
type DrawOn = Arc<dyn Fn(&DrawingArea<PageBackend, Shift>, &Theme) -> Result<Geometry, ChartError> + Send + Sync>;
/// The chart's marks for the keyboard, and how many make a row.
type KeyMarks = Arc<dyn Fn() -> (Vec<(f64, f64)>, usize) + Send + Sync>;

/// A chart on a canvas.
#[component]
pub fn ChartCanvas<S>(
    /// What to draw.
    spec: Signal<S>,
    /// Screen-reader description.
    #[prop(into)]
    label: Signal<String>,
    /// Height in CSS pixels.
    height: u32,
    /// Test hook on the canvas.
    testid: &'static str,
    /// Clicked data point.
    #[prop(optional)]
    on_click: Option<Callback<(f64, f64)>>,
    /// Dragged x range (data units), for brushing.
    #[prop(optional)]
    on_brush: Option<Callback<(f64, f64)>>,
    /// Tooltip text for a data point.
    #[prop(optional)]
    tooltip: Option<Callback<(f64, f64), Option<String>>>,
) -> impl IntoView
where
    S: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    // Only these two touch the spec's type; the canvas itself is one function for every chart
    // (monomorphized per chart, it was five copies in the page).
    let draw_on: DrawOn = Arc::new(move |area, theme| spec.with(|s| s.draw(area, theme)));
    let key_marks: KeyMarks = Arc::new(move || spec.with_untracked(|s| (s.key_points(), s.key_row_len().max(1))));
    canvas_view(CanvasProps { draw_on, key_marks, label, height, testid, on_click, on_brush, tooltip })
}

/// `ChartCanvas`'s props with the spec's type erased.
struct CanvasProps {
    draw_on: DrawOn,
    key_marks: KeyMarks,
    label: Signal<String>,
    height: u32,
    testid: &'static str,
    on_click: Option<Callback<(f64, f64)>>,
    on_brush: Option<Callback<(f64, f64)>>,
    tooltip: Option<Callback<(f64, f64), Option<String>>>,
}

fn canvas_view(props: CanvasProps) -> AnyView {
    let CanvasProps { draw_on, key_marks, label, height, testid, on_click, on_brush, tooltip } = props;
    let dash = use_dash();
    let canvas_ref = NodeRef::<Canvas>::new();
    let geometry = StoredValue::new(Geometry::empty());
    let drag: RwSignal<Option<DragStart>> = RwSignal::new(None);
    let brush_px: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let tip: RwSignal<Option<(f64, f64, String)>> = RwSignal::new(None);
    // The mark in keyboard focus and where it is, in CSS pixels.
    let key_focus: RwSignal<Option<usize>> = RwSignal::new(None);
    let key_ring: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let n_draws = StoredValue::new(0u32);
    let measured: StoredValue<Option<(i32, u32)>> = StoredValue::new(None);
    let context_state = Rc::new(RefCell::new(ContextState::default()));

    Effect::new(move |_| {
        let viewport = dash.viewport.get();
        let Some(canvas) = canvas_ref.get() else { return };
        // Reading a width forces a layout of the page; do it only on the first draw and after a
        // resize, not on every filter change (five charts would lay the page out five times).
        let css_width = match measured.get_value() {
            Some((width, at)) if at == viewport => width,
            _ => {
                let width = canvas.parent_element().map_or(600, |p| p.client_width()).max(200);
                measured.set_value(Some((width, viewport)));
                width
            }
        };
        let ratio = pixel_ratio();
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "canvas sizes are small positive numbers"
        )]
        let (width_px, height_px) =
            ((f64::from(css_width) * ratio).round() as u32, (f64::from(height) * ratio).round() as u32);
        // Resizing a canvas (even to its own size) clears it and invalidates style: only on change.
        if canvas.width() != width_px || canvas.height() != height_px {
            canvas.set_width(width_px);
            canvas.set_height(height_px);
            canvas.set_attribute("style", &format!("width:{css_width}px;height:{height}px")).ok();
        }
        let started = super::browser::now_ms();
        let Some(backend) = MeasuredCanvas::new(canvas.clone(), Rc::clone(&context_state)) else { return };
        let theme = if prefers_dark() { Theme::DARK } else { Theme::LIGHT }.scaled(ratio);
        let area = PageBackend::Left(backend).into_drawing_area();
        let drawn = draw_on(&area, &theme).and_then(|g| area.present().map(|()| g).map_err(Into::into));
        match drawn {
            Ok(g) => {
                geometry.set_value(g);
                // The plotting area in CSS pixels, for tests and assistive tooling.
                let (l, t, r, b) = g.plot_px;
                let css = |v: i32| (f64::from(v) / ratio).round();
                canvas.set_attribute("data-plot", &format!("{} {} {} {}", css(l), css(t), css(r), css(b))).ok();
            }
            Err(error) => leptos::logging::warn!("chart {testid}: {error}"),
        }
        n_draws.update_value(|n| *n += 1);
        canvas.set_attribute("data-draw-ms", &format!("{:.1}", super::browser::now_ms() - started)).ok();
        canvas.set_attribute("data-rendered", &n_draws.get_value().to_string()).ok();
    });

    let to_data = move |x: f64, y: f64| {
        let ratio = pixel_ratio();
        #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
        let point = geometry.with_value(|g| g.to_data((x * ratio) as i32, (y * ratio) as i32));
        point
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        drag.set(Some(DragStart { x: f64::from(ev.offset_x()) }));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        if let (Some(start), Some(_)) = (drag.get_untracked(), on_brush)
            && (x - start.x).abs() > 4.0
        {
            brush_px.set(Some((start.x.min(x), start.x.max(x))));
        }
        let text = to_data(x, y).and_then(|point| tooltip.and_then(|t| t.run(point)));
        tip.set(text.map(|t| (x, y, t)));
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let start = drag.get_untracked();
        drag.set(None);
        brush_px.set(None);
        let Some(start) = start else { return };
        if (x - start.x).abs() > 4.0 {
            if let (Some(brush), Some(a), Some(b)) = (on_brush, to_data(start.x, y), to_data(x, y)) {
                brush.run((a.0.min(b.0), a.0.max(b.0)));
            }
        } else if let (Some(click), Some(point)) = (on_click, to_data(x, y)) {
            click.run(point);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (points, row_len) = key_marks();
        let Some(last) = points.len().checked_sub(1) else { return };
        let current = key_focus.get_untracked().map(|i| i.min(last));
        let next = match ev.key().as_str() {
            "ArrowRight" => current.map_or(0, |i| (i + 1).min(last)),
            "ArrowLeft" => current.map_or(0, |i| i.saturating_sub(1)),
            "ArrowDown" => current.map_or(0, |i| if i + row_len <= last { i + row_len } else { i }),
            "ArrowUp" => current.map_or(0, |i| i.checked_sub(row_len).unwrap_or(i)),
            "Home" => 0,
            "End" => last,
            "Enter" | " " => {
                if let (Some(i), Some(click)) = (current, on_click) {
                    ev.prevent_default();
                    click.run(points[i]);
                }
                return;
            }
            "Escape" => {
                key_focus.set(None);
                key_ring.set(None);
                tip.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        key_focus.set(Some(next));
        let point = points[next];
        let ratio = pixel_ratio();
        let (px, py) = geometry.with_value(|g| g.to_px(point.0, point.1));
        let (x, y) = (px / ratio, py / ratio);
        key_ring.set(Some((x, y)));
        let text = tooltip.and_then(|t| t.run(point)).unwrap_or_else(|| format!("mark {} of {}", next + 1, last + 1));
        tip.set(Some((x, y, text)));
    };
    let on_blur = move |_| {
        key_focus.set(None);
        key_ring.set(None);
        tip.set(None);
    };
    let on_leave = move |_| {
        tip.set(None);
        drag.set(None);
        brush_px.set(None);
    };

    view! {
        <div class="chart-frame">
            <canvas
                node_ref=canvas_ref
                data-testid=testid
                role="img"
                aria-label=move || label.get()
                tabindex="0"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointerleave=on_leave
                on:keydown=on_key
                on:blur=on_blur
                aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End Enter"
            ></canvas>
            {move || key_ring.get().map(|(x, y)| view! {
                <div class="key-ring" data-testid=format!("{testid}-focus") style=format!("left:{}px;top:{}px", x - 7.0, y - 7.0)></div>
            })}
            {move || brush_px.get().map(|(a, b)| view! {
                <div class="brush-overlay" style=format!("left:{a}px;width:{}px", b - a)></div>
            })}
            {move || tip.get().map(|(x, y, text)| view! {
                <div class="chart-tooltip" role="status" style=format!("left:{}px;top:{}px", x + 12.0, y + 12.0)>{text}</div>
            })}
        </div>
    }
    .into_any()
}
