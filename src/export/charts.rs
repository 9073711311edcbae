//! Each chart as an export: its numbers as CSV (one row per bar, cell or point, with units in
//! the headers), and its drawing as SVG with a caption line (filters and data source) and the
//! manifest as `<metadata>`. The page's PNG export draws the same `render_with_caption`.

use super::csv_table::{Cell, write_table};
use super::manifest::Manifest;
use crate::analysis::dashboard::DashboardData;
use crate::analysis::frequency::add_views;
use crate::analysis::stats::sort_few_by;
use crate::analysis::store::Store;
use crate::analysis::view_state::ViewState;
use crate::chart::either_backend::EitherBackend;
use crate::chart::labels::{WEEKDAYS_MONDAY_FIRST, day_label, display_row, views_bin_range};
use crate::chart::spec::{
    bucket_day, heatmap_spec, histogram_spec, measure_label, topics_spec, trend_spec, volume_spec,
};
use crate::chart::theme::Theme;
use crate::chart::{Chart, ChartError, Geometry};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::marker::PhantomData;

/// The exportable charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Publication volume.
    Volume,
    /// Topic frequency.
    Topics,
    /// Topics over time.
    TopicTrends,
    /// Views histogram.
    Views,
    /// Publication timing heatmap.
    Timing,
}

impl ChartKind {
    /// Every chart.
    pub const ALL: [ChartKind; 5] =
        [ChartKind::Volume, ChartKind::Topics, ChartKind::TopicTrends, ChartKind::Views, ChartKind::Timing];

    /// The name in file names and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Volume => "volume",
            ChartKind::Topics => "topics",
            ChartKind::TopicTrends => "topic-trends",
            ChartKind::Views => "views",
            ChartKind::Timing => "timing",
        }
    }

    /// The chart named `name`.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Export size in CSS pixels (PNG doubles it).
    pub fn size_px(self) -> (u32, u32) {
        match self {
            ChartKind::Volume | ChartKind::TopicTrends => (960, 380),
            ChartKind::Topics => (720, 560),
            ChartKind::Views => (720, 380),
            ChartKind::Timing => (800, 340),
        }
    }
}

/// Everything an export of the current view needs.
pub struct ExportContext<'a> {
    /// The store.
    pub store: &'a Store,
    /// The computed panels.
    pub data: &'a DashboardData,
    /// The view.
    pub view: &'a ViewState,
    /// The manifest of the view (content is filled per file).
    pub manifest: &'a Manifest,
    /// A one-line description of the filters.
    pub filter_text: String,
}

impl ExportContext<'_> {
    /// `Filters: … · Source: name (N articles)`.
    pub fn caption(&self) -> String {
        format!(
            "{} · Source: {} ({} articles selected)",
            self.filter_text,
            self.manifest.input.name,
            self.data.selection.len()
        )
    }
}

/// Draws `chart` with a caption line under it.
pub fn render_with_caption<DB: DrawingBackend, C: Chart>(
    area: &DrawingArea<DB, Shift>,
    chart: &C,
    theme: &Theme,
    caption: &str,
) -> Result<Geometry, ChartError>
where
    DB::ErrorType: 'static,
{
    let (_, height) = area.dim_in_pixel();
    let caption_height = theme.len(26);
    let (main, bottom) = area.split_vertically(height.saturating_sub(caption_height));
    let geometry = chart.draw(&main, theme)?;
    bottom.fill(&theme.background)?;
    let style = theme.small_font().pos(Pos::new(HPos::Left, VPos::Center));
    bottom.draw(&Text::new(
        caption.to_owned(),
        (i32::try_from(theme.len(10)).unwrap_or(10), i32::try_from(caption_height / 2).unwrap_or(12)),
        style,
    ))?;
    area.present()?;
    Ok(geometry)
}

/// Something done with a chart spec of any type (drawing it on some backend).
pub trait SpecVisitor {
    /// What the visit returns.
    type Output;
    /// Does the work with `chart`.
    fn visit<C: Chart>(self, chart: &C) -> Self::Output;
}

/// Builds the spec of `kind` for the view and hands it to `visitor`.
pub fn with_spec<V: SpecVisitor>(kind: ChartKind, ctx: &ExportContext<'_>, visitor: V) -> V::Output {
    let (data, view) = (ctx.data, ctx.view);
    let offset = ctx.store.keys.offset.local_minus_utc();
    let noun = &ctx.store.views_noun;
    match kind {
        ChartKind::Volume => visitor.visit(&volume_spec(data, &view.filter, offset)),
        ChartKind::Topics => visitor.visit(&topics_spec(data, &view.filter, view.measure, noun)),
        ChartKind::TopicTrends => visitor.visit(&trend_spec(ctx.store, data, view.as_share)),
        ChartKind::Views => visitor.visit(&histogram_spec(data, noun)),
        ChartKind::Timing => visitor.visit(&heatmap_spec(data, view.heat_by_views, noun)),
    }
}

/// Renders a spec as SVG with a caption, through `EitherBackend<L, SVGBackend>` (see
/// `chart_svg_beside`).
struct SvgVisitor<'a, L> {
    size_px: (u32, u32),
    caption: &'a str,
    beside: PhantomData<fn() -> L>,
}

impl<L: DrawingBackend> SpecVisitor for SvgVisitor<'_, L>
where
    L::ErrorType: 'static,
{
    type Output = Result<String, ChartError>;
    fn visit<C: Chart>(self, chart: &C) -> Self::Output {
        let mut svg = String::new();
        {
            let backend = EitherBackend::<L, SVGBackend>::Right(SVGBackend::with_string(&mut svg, self.size_px));
            let area = backend.into_drawing_area();
            render_with_caption(&area, chart, &Theme::LIGHT, self.caption)?;
        }
        Ok(svg)
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The chart as an SVG document with its manifest in `<metadata>`.
pub fn chart_svg(kind: ChartKind, ctx: &ExportContext<'_>) -> Result<String, ChartError> {
    chart_svg_beside::<SVGBackend<'static>>(kind, ctx)
}

/// `chart_svg` for a caller that also draws charts on backend `L` (the page: its canvas). The
/// SVG is drawn through `EitherBackend<L, SVGBackend>`, the type the caller draws its `L`
/// through too, so every draw function is compiled once for both.
pub fn chart_svg_beside<L: DrawingBackend>(kind: ChartKind, ctx: &ExportContext<'_>) -> Result<String, ChartError>
where
    L::ErrorType: 'static,
{
    let caption = ctx.caption();
    let visitor = SvgVisitor::<L> { size_px: kind.size_px(), caption: &caption, beside: PhantomData };
    let svg = with_spec(kind, ctx, visitor)?;
    let metadata = format!(
        "<metadata>{}</metadata>",
        xml_escape(&ctx.manifest.for_content(&format!("{} chart (SVG)", kind.name())).to_json())
    );
    Ok(match svg.find('>') {
        Some(end) => format!("{}\n{metadata}{}", &svg[..=end], &svg[end + 1..]),
        None => svg,
    })
}

/// The numbers the chart shows, as CSV.
pub fn chart_csv(kind: ChartKind, ctx: &ExportContext<'_>) -> Vec<u8> {
    let (data, store) = (ctx.data, ctx.store);
    let share = |x: f64| Cell::Float((x * 1e6).round() / 1e6);
    match kind {
        ChartKind::Volume => {
            let rows = data
                .volume
                .iter()
                .map(|&(key, n)| {
                    vec![Cell::Text(day_label(bucket_day(data.width, key), data.width)), Cell::Int(i64::from(n))]
                })
                .collect::<Vec<_>>();
            write_table(&["bucket_start", "articles"], &rows, false)
        }
        ChartKind::Topics => {
            let mut topics = data.topics.clone();
            add_views(store, data.topics_selection(), &mut topics, &ctx.view.user_topics);
            let rows = topics
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    vec![
                        Cell::Int(i64::try_from(i + 1).unwrap_or(0)),
                        Cell::Text(t.topic.kind.name().to_owned()),
                        Cell::Text(t.label.clone()),
                        Cell::Int(i64::from(t.n_articles)),
                        share(t.share_of_articles),
                        Cell::Int(t.views.map_or(0, |v| i64::try_from(v.total).unwrap_or(i64::MAX))),
                        share(t.views.map_or(0.0, |v| v.share)),
                        t.views.and_then(|v| v.median).map_or(Cell::Empty, Cell::Float),
                    ]
                })
                .collect::<Vec<_>>();
            let ranked_by = format!("rank_by_{}", measure_label(ctx.view.measure).replace(' ', "_"));
            write_table(
                &[
                    &ranked_by,
                    "kind",
                    "topic",
                    "articles",
                    "share_of_articles",
                    "total_views",
                    "share_of_views",
                    "median_views",
                ],
                &rows,
                false,
            )
        }
        ChartKind::TopicTrends => {
            let rows = data
                .series
                .iter()
                .flat_map(|s| {
                    s.points.iter().map(|p| {
                        vec![
                            Cell::Text(day_label(bucket_day(data.width, p.bucket), data.width)),
                            Cell::Text(s.topic.to_string()),
                            Cell::Int(i64::from(p.n_articles)),
                            share(p.share),
                        ]
                    })
                })
                .collect::<Vec<_>>();
            write_table(&["bucket_start", "topic", "articles", "share_of_articles_in_bucket"], &rows, false)
        }
        ChartKind::Views => {
            let rows = data
                .views_histogram
                .iter()
                .enumerate()
                .map(|(bin, &n)| {
                    let (lo, hi) = views_bin_range(u32::try_from(bin).unwrap_or(0));
                    vec![
                        Cell::Int(i64::try_from(bin).unwrap_or(0)),
                        Cell::Int(i64::try_from(lo).unwrap_or(0)),
                        Cell::Int(i64::try_from(hi).unwrap_or(0)),
                        Cell::Int(i64::from(n)),
                    ]
                })
                .collect::<Vec<_>>();
            write_table(&["log2_bin", "views_from", "views_to", "articles"], &rows, false)
        }
        ChartKind::Timing => {
            let mut cells: Vec<_> = data.timing.0.iter().collect();
            sort_few_by(&mut cells, &|a, b| (display_row(a.weekday), a.hour).cmp(&(display_row(b.weekday), b.hour)));
            let rows = cells
                .into_iter()
                .map(|c| {
                    vec![
                        Cell::Text(WEEKDAYS_MONDAY_FIRST[display_row(c.weekday)].to_owned()),
                        Cell::Int(i64::from(c.hour)),
                        Cell::Int(i64::from(c.n_articles)),
                        Cell::Int(i64::from(c.n_with_views)),
                        c.median_views.map_or(Cell::Empty, Cell::Float),
                    ]
                })
                .collect::<Vec<_>>();
            let _ = store;
            write_table(&["weekday", "hour", "articles", "articles_with_views", "median_views"], &rows, false)
        }
    }
}
