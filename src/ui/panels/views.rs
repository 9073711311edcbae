//! Views: the log-binned histogram (click a bin to see its headlines) and the most-viewed
//! headlines of the selection.

use crate::chart::labels::{views_bin_label, views_bin_range};
use crate::chart::spec::{capitalised, histogram_spec};
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::panels::headlines::HeadlineRow;
use crate::ui::state::{Drill, use_dash};
use leptos::prelude::*;
use std::sync::Arc;

/// The views panel.
#[component]
pub fn ViewsPanel() -> impl IntoView {
    let dash = use_dash();
    let noun = dash.views_noun();
    let spec_noun = noun.clone();
    let spec = Signal::derive(move || dash.data.with(|d| histogram_spec(d, &spec_noun)));
    let (tooltip_noun, drill_noun, empty_noun) = (noun.clone(), noun.clone(), noun.clone());
    let bin_at = move |x: f64| {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bin index")]
        let index = x.floor().max(0.0) as usize;
        spec.with_untracked(|s| s.bins.get(index).copied())
    };
    let tooltip = Callback::new(move |(x, _): (f64, f64)| {
        bin_at(x).map(|b| format!("{} {}: {} articles", views_bin_label(b.bin), tooltip_noun, b.n_articles))
    });
    let on_click = Callback::new(move |(x, _): (f64, f64)| {
        let Some(bin) = bin_at(x) else { return };
        let (lo, hi) = views_bin_range(bin.bin);
        let rows: Vec<u32> = dash.store.with_untracked(|s| {
            dash.data.with_untracked(|d| {
                d.selection
                    .iter()
                    .filter(|&r| s.views_of(r).is_some_and(|v| (lo..=hi).contains(&u64::from(v))))
                    .collect()
            })
        });
        let label = format!("{} {} ({} articles)", views_bin_label(bin.bin), drill_noun, rows.len());
        dash.drill.set(Some(Drill { label, rows: Arc::new(rows) }));
    });
    let top_rows = move || dash.data.with(|d| d.top_rows.clone());
    view! {
        <section class="panel" data-testid="panel-views" aria-labelledby="views-title">
            <h2 id="views-title">{capitalised(&noun)}</h2>
            <ChartCanvas spec=spec label=format!("Articles by {noun} on logarithmic bins") height=240 testid="chart-views" on_click=on_click tooltip=tooltip/>
            <crate::ui::export_menu::ExportMenu kind=crate::export::charts::ChartKind::Views/>
            <h3>{dash.most_viewed_label()}</h3>
            <Show when=move || dash.data.with(|d| !d.top_rows.is_empty()) fallback=move || view! { <p class="empty">{format!("No article in this selection has {empty_noun}.")}</p> }>
                <ol class="headline-list top-viewed" data-testid="top-headlines">
                    {move || top_rows().into_iter().map(|row| view! { <HeadlineRow row/> }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}
