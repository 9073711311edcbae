//! Publication volume over time, with a brush (drag) that sets the date range, date inputs and
//! presets. Clicking a bar shows its headlines.

use crate::analysis::time_keys::DAY_MS;
use crate::chart::labels::day_label;
use crate::chart::spec::volume_spec;
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::format::{date_input_value, parse_date_input};
use crate::ui::state::{Drill, use_dash};
use leptos::prelude::*;
use std::sync::Arc;

/// The volume panel.
#[component]
pub fn VolumePanel() -> impl IntoView {
    let dash = use_dash();
    let offset_ms = move || i64::from(dash.offset().local_minus_utc()) * 1000;
    let spec = Signal::derive(move || {
        let seconds = dash.offset().local_minus_utc();
        dash.data.with(|d| dash.view.with(|v| volume_spec(d, &v.filter, seconds)))
    });
    #[expect(clippy::cast_possible_truncation, reason = "day numbers")]
    let day_to_ms = move |day: f64| (day as i64) * DAY_MS - offset_ms();
    let on_brush = Callback::new(move |(a, b): (f64, f64)| {
        let (from, to) = (day_to_ms(a.floor()), day_to_ms(b.ceil()));
        dash.update_view(|v| (v.filter.from_ms, v.filter.to_ms) = (Some(from), Some(to)));
    });
    let bar_at =
        move |x: f64| spec.with_untracked(|s| s.bars.iter().find(|b| b.start_day <= x && x < b.end_day).copied());
    let on_click = Callback::new(move |(x, _): (f64, f64)| {
        let Some(bar) = bar_at(x) else { return };
        #[expect(clippy::cast_possible_truncation, reason = "day numbers")]
        let (from, to) =
            ((bar.start_day * DAY_MS as f64) as i64 - offset_ms(), (bar.end_day * DAY_MS as f64) as i64 - offset_ms());
        let rows = dash.store.with_untracked(|s| {
            dash.data.with_untracked(|d| d.selection.within(s.row_at(from), s.row_at(to)).iter().collect::<Vec<_>>())
        });
        let label = format!("{} ({} articles)", day_label(bar.start_day, spec.with_untracked(|s| s.width)), rows.len());
        dash.drill.set(Some(Drill { label, rows: Arc::new(rows) }));
    });
    let tooltip = Callback::new(move |(x, _): (f64, f64)| {
        let width = spec.with_untracked(|s| s.width);
        bar_at(x).map(|b| format!("{}: {} articles", day_label(b.start_day, width), b.n_articles))
    });
    let preset = move |days: Option<i64>| {
        let last = dash.store.with_untracked(|s| s.ts_ms.last().copied());
        dash.update_view(|v| match (days, last) {
            (Some(days), Some(last)) => {
                let end_day = (last + offset_ms()).div_euclid(DAY_MS) + 1;
                v.filter.to_ms = Some(end_day * DAY_MS - offset_ms());
                v.filter.from_ms = Some((end_day - days) * DAY_MS - offset_ms());
            }
            _ => (v.filter.from_ms, v.filter.to_ms) = (None, None),
        });
    };
    let from_value =
        move || dash.view.with(|v| v.filter.from_ms.map(|ms| date_input_value(ms, dash.offset())).unwrap_or_default());
    let to_value = move || {
        dash.view.with(|v| v.filter.to_ms.map(|ms| date_input_value(ms - 1, dash.offset())).unwrap_or_default())
    };
    view! {
        <section class="panel wide" data-testid="panel-volume" aria-labelledby="volume-title">
            <h2 id="volume-title">"Publication volume"</h2>
            <div class="controls">
                <label class="field"><span>"From"</span>
                    <input type="date" data-testid="date-from" prop:value=from_value on:change=move |ev| {
                        let ms = parse_date_input(&event_target_value(&ev), dash.offset());
                        dash.update_view(|v| v.filter.from_ms = ms);
                    }/>
                </label>
                <label class="field"><span>"To"</span>
                    <input type="date" data-testid="date-to" prop:value=to_value on:change=move |ev| {
                        let ms = parse_date_input(&event_target_value(&ev), dash.offset()).map(|ms| ms + DAY_MS);
                        dash.update_view(|v| v.filter.to_ms = ms);
                    }/>
                </label>
                <div class="presets" role="group" aria-label="Date presets">
                    <button type="button" on:click=move |_| preset(Some(7))>"Last 7 days"</button>
                    <button type="button" on:click=move |_| preset(Some(30))>"30 days"</button>
                    <button type="button" on:click=move |_| preset(Some(90))>"90 days"</button>
                    <button type="button" on:click=move |_| preset(None)>"All"</button>
                </div>
            </div>
            <ChartCanvas spec=spec label="Articles per time bucket; drag to choose a date range" height=240 testid="chart-volume" on_brush=on_brush on_click=on_click tooltip=tooltip/>
            <crate::ui::export_menu::ExportMenu kind=crate::export::charts::ChartKind::Volume/>
            <p class="hint">"Drag across the chart to filter dates; click a bar to see its headlines."</p>
        </section>
    }
}
