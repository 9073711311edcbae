//! Export buttons: each chart as PNG (2× pixel density, manifest in a text chunk), SVG (same
//! draw function, manifest as metadata) and CSV (the numbers shown); the filtered articles as
//! CSV or JSON Lines; the whole view as one ZIP.

use super::canvas_backend::{MeasuredCanvas, PageBackend};
use super::download::download;
use super::state::{Dash, use_dash};
use crate::chart::Chart;
use crate::chart::theme::Theme;
use crate::export::charts::{
    ChartKind, ExportContext, SpecVisitor, chart_csv, chart_svg_beside, render_with_caption, with_spec,
};
use crate::export::manifest::{Manifest, app_version};
use crate::export::png_text::with_text_chunk;
use crate::export::{articles, file_name, filter_text, view_zip_beside};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};

/// What an export needs from the page besides the dashboard state.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSource {
    /// Input name, size and hash.
    pub input: crate::export::manifest::InputFile,
    /// Format read.
    pub format: &'static str,
    /// Reference time used for relative dates.
    pub reference_time: Option<String>,
}

fn manifest(dash: Dash, source: &ExportSource) -> Manifest {
    let view = dash.view.get_untracked();
    Manifest {
        app: app_version(),
        input: source.input.clone(),
        format: source.format.to_owned(),
        reference_time: source.reference_time.clone(),
        time_zone: dash.offset().to_string(),
        filter: view.filter.clone(),
        user_topics: dash.user_topics.get_untracked(),
        view_query: view.to_query(),
        content: String::new(),
    }
}

/// Runs `work` with an export context of the current view.
fn with_context<R>(dash: Dash, source: &ExportSource, work: impl FnOnce(&ExportContext<'_>, String) -> R) -> R {
    let view = dash.view.get_untracked();
    let data = dash.data.get_untracked();
    let manifest = manifest(dash, source);
    let offset = dash.offset();
    dash.store.with_untracked(|store| {
        let (first, last) = match (view.filter.from_ms, view.filter.to_ms) {
            (Some(from), Some(to)) => (from, to - 1),
            _ => (
                data.selection.first().map_or(0, |r| store.ts_ms[r as usize]),
                data.selection.last().map_or(0, |r| store.ts_ms[r as usize]),
            ),
        };
        let ctx = ExportContext {
            store,
            data: &data,
            view: &view,
            filter_text: filter_text(&view, offset),
            manifest: &manifest,
        };
        let stem = |what: &str, ext: &str| file_name(what, first, last, offset, ext);
        work(&ctx, stem("{what}", "{ext}"))
    })
}

fn name_for(pattern: &str, what: &str, extension: &str) -> String {
    pattern.replace("{what}", what).replace("{ext}", extension)
}

/// Whether CSV downloads start with a UTF-8 byte-order mark (Excel then reads them as UTF-8).
#[derive(Clone, Copy)]
pub struct CsvBom(pub RwSignal<bool>);

fn save(bytes: &[u8], mime: &str, name: &str) {
    let with_bom = mime == "text/csv"
        && use_context::<CsvBom>().is_some_and(|b| b.0.get_untracked())
        && !bytes.starts_with(b"\xEF\xBB\xBF");
    let bytes = if with_bom { [b"\xEF\xBB\xBF".as_slice(), bytes].concat() } else { bytes.to_vec() };
    if let Err(error) = download(&bytes, mime, name) {
        leptos::logging::warn!("download of {name} failed: {error}");
    }
}

/// Draws the chart at twice its size on an offscreen canvas and returns PNG bytes.
async fn chart_png(dash: Dash, source: &ExportSource, kind: ChartKind) -> Result<Vec<u8>, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "no canvas")?;
    let (width, height) = kind.size_px();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let (json, drawn) = with_context(dash, source, |ctx, _| {
        let caption = ctx.caption();
        let json = ctx.manifest.for_content(&format!("{} chart (PNG)", kind.name())).to_json();
        let backend =
            super::canvas_backend::MeasuredCanvas::new(canvas.clone(), std::rc::Rc::default()).ok_or("no 2d context");
        let drawn = backend.map_err(str::to_owned).and_then(|backend| {
            let area = PageBackend::Left(backend).into_drawing_area();
            with_spec(kind, ctx, CanvasVisitor { area: &area, caption: &caption })
        });
        (json, drawn)
    });
    drawn?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            resolve.call1(&JsValue::NULL, &blob).ok();
        });
        canvas.to_blob(callback.unchecked_ref()).ok();
    });
    let blob: web_sys::Blob = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "no PNG")?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    let png = js_sys::Uint8Array::new(&buffer).to_vec();
    with_text_chunk(&png, "headline-trends-manifest", &json).ok_or_else(|| "the canvas did not make a PNG".to_owned())
}

/// PNG, SVG and CSV buttons for one chart.
#[component]
pub fn ExportMenu(kind: ChartKind) -> impl IntoView {
    let dash = use_dash();
    let source = expect_context::<ExportSource>();
    let (source_png, source_svg, source_csv) = (source.clone(), source.clone(), source);
    let png = move |_| {
        let source = source_png.clone();
        spawn_local(async move {
            let name = with_context(dash, &source, |_, pattern| name_for(&pattern, kind.name(), "png"));
            match chart_png(dash, &source, kind).await {
                Ok(bytes) => save(&bytes, "image/png", &name),
                Err(error) => leptos::logging::warn!("PNG export failed: {error}"),
            }
        });
    };
    let svg = move |_| {
        with_context(dash, &source_svg, |ctx, pattern| match chart_svg_beside::<MeasuredCanvas>(kind, ctx) {
            Ok(svg) => save(svg.as_bytes(), "image/svg+xml", &name_for(&pattern, kind.name(), "svg")),
            Err(error) => leptos::logging::warn!("SVG export failed: {error}"),
        });
    };
    let csv = move |_| {
        with_context(dash, &source_csv, |ctx, pattern| {
            save(&chart_csv(kind, ctx), "text/csv", &name_for(&pattern, kind.name(), "csv"))
        });
    };
    view! {
        <div class="export-menu" role="group" aria-label=format!("Export the {} chart", kind.name())>
            <span>"Export"</span>
            <button type="button" data-testid=format!("export-{}-png", kind.name()) on:click=png>"PNG"</button>
            <button type="button" data-testid=format!("export-{}-svg", kind.name()) on:click=svg>"SVG"</button>
            <button type="button" data-testid=format!("export-{}-csv", kind.name()) on:click=csv>"CSV"</button>
        </div>
    }
}

/// Buttons for the filtered articles.
#[component]
pub fn ArticlesExport() -> impl IntoView {
    let dash = use_dash();
    let source = expect_context::<ExportSource>();
    let source_jsonl = source.clone();
    let csv = move |_| {
        with_context(dash, &source, |ctx, pattern| {
            save(
                &articles::articles_csv(ctx.store, &ctx.data.selection, true),
                "text/csv",
                &name_for(&pattern, "articles", "csv"),
            )
        });
    };
    let jsonl = move |_| {
        with_context(dash, &source_jsonl, |ctx, pattern| {
            save(
                &articles::articles_jsonl(ctx.store, &ctx.data.selection),
                "application/x-ndjson",
                &name_for(&pattern, "articles", "jsonl"),
            );
        });
    };
    view! {
        <div class="export-menu" role="group" aria-label="Export the filtered articles">
            <span>"Export articles"</span>
            <button type="button" data-testid="export-articles-csv" on:click=csv>"CSV"</button>
            <button type="button" data-testid="export-articles-jsonl" on:click=jsonl>"JSON Lines"</button>
        </div>
    }
}

/// One ZIP with every chart (PNG, SVG, CSV), the articles and the manifest.
#[component]
pub fn ViewExport() -> impl IntoView {
    let dash = use_dash();
    let source = expect_context::<ExportSource>();
    let busy = RwSignal::new(false);
    let export = move |_| {
        let source = source.clone();
        busy.set(true);
        spawn_local(async move {
            let mut pngs = Vec::new();
            for kind in ChartKind::ALL {
                if let Ok(png) = chart_png(dash, &source, kind).await {
                    pngs.push((format!("{}.png", kind.name()), png));
                }
            }
            with_context(dash, &source, |ctx, pattern| {
                save(
                    &view_zip_beside::<MeasuredCanvas>(ctx, pngs),
                    "application/zip",
                    &name_for(&pattern, "view", "zip"),
                )
            });
            busy.set(false);
        });
    };
    let bom = expect_context::<CsvBom>().0;
    view! {
        <button type="button" data-testid="export-view-zip" disabled=move || busy.get() on:click=export>
            {move || if busy.get() { "Exporting…" } else { "Export view (ZIP)" }}
        </button>
        <label class="field checkbox">
            <input type="checkbox" data-testid="csv-bom" prop:checked=move || bom.get() on:change=move |ev| bom.set(event_target_checked(&ev))/>
            <span>"CSV for Excel (BOM)"</span>
        </label>
    }
}

/// Draws a spec at twice the density on a canvas, with the caption.
struct CanvasVisitor<'a> {
    area: &'a plotters::drawing::DrawingArea<PageBackend, plotters::coord::Shift>,
    caption: &'a str,
}

impl SpecVisitor for CanvasVisitor<'_> {
    type Output = Result<(), String>;
    fn visit<C: Chart>(self, chart: &C) -> Self::Output {
        render_with_caption(self.area, chart, &Theme::LIGHT.scaled(2.0), self.caption)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}
