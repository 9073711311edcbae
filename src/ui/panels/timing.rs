//! Publication timing: weekday × hour heatmap (articles or median views) in a chosen time zone,
//! the best slot in one line, headlines of a cell on click.

use crate::chart::labels::{WEEKDAYS_MONDAY_FIRST, compact_number};
use crate::chart::spec::heatmap_spec;
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::state::{Drill, use_dash};
use leptos::prelude::*;
use std::sync::Arc;

/// The grid's cell under a point: display row (Monday = 0) and hour.
fn cell_at(x: f64, y: f64) -> Option<(usize, u8)> {
    if !(0.0..24.0).contains(&x) || !(0.0..7.0).contains(&y) {
        return None;
    }
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "inside the grid")]
    Some(((6.0 - y.floor()) as usize, x.floor() as u8))
}

fn offset_label(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".to_owned();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

/// The timing panel.
#[component]
pub fn TimingPanel() -> impl IntoView {
    let dash = use_dash();
    let noun = dash.views_noun();
    let (spec_noun, tooltip_noun, best_noun) = (noun.clone(), noun.clone(), noun.clone());
    let spec = Signal::derive(move || {
        let by_views = dash.view.with(|v| v.heat_by_views);
        dash.data.with(|d| heatmap_spec(d, by_views, &spec_noun))
    });
    let tooltip = Callback::new(move |(x, y): (f64, f64)| {
        let (row, hour) = cell_at(x, y)?;
        spec.with_untracked(|s| {
            let cell = s.cells.iter().find(|c| c.row == row && c.hour == hour)?;
            let median = dash.data.with_untracked(|d| {
                d.timing
                    .0
                    .iter()
                    .find(|c| crate::chart::labels::display_row(c.weekday) == row && c.hour == hour)
                    .and_then(|c| c.median_views)
            });
            let noun = &tooltip_noun;
            let median =
                median.map_or_else(|| format!("no {noun}"), |m| format!("median {} {noun}", compact_number(m)));
            Some(format!(
                "{} {hour:02}:00–{hour:02}:59: {} articles, {median}",
                WEEKDAYS_MONDAY_FIRST[row], cell.n_articles
            ))
        })
    });
    let on_click = Callback::new(move |(x, y): (f64, f64)| {
        let Some((row, hour)) = cell_at(x, y) else { return };
        let weekday = u8::try_from((row + 1) % 7).unwrap_or(0);
        let rows: Vec<u32> = dash.store.with_untracked(|s| {
            dash.data.with_untracked(|d| {
                d.selection
                    .iter()
                    .filter(|&r| s.keys.weekday[r as usize] == weekday && s.keys.hour[r as usize] == hour)
                    .collect()
            })
        });
        let label = format!("{} {hour:02}:00 ({} articles)", WEEKDAYS_MONDAY_FIRST[row], rows.len());
        dash.drill.set(Some(Drill { label, rows: Arc::new(rows) }));
    });
    let best = move || {
        dash.data.with(|d| match d.best_slot {
            Some(c) => format!(
                "Best slot: {} {:02}:00 — median {} {best_noun} over {} articles (slots with at least half an average slot's articles).",
                WEEKDAYS_MONDAY_FIRST[crate::chart::labels::display_row(c.weekday)],
                c.hour,
                c.median_views.map_or_else(String::new, compact_number),
                c.n_with_views
            ),
            None => format!("Best slot: not enough articles with {best_noun} in any hour."),
        })
    };
    let date_only = move || dash.data.with(|d| d.timing.1);
    let site_minutes = dash.site_offset.local_minus_utc() / 60;
    let mut zones: Vec<i32> = (-12..=14).map(|h| h * 60).collect();
    if let Err(at) = zones.binary_search(&site_minutes) {
        zones.insert(at, site_minutes);
    }
    view! {
        <section class="panel" data-testid="panel-timing" aria-labelledby="timing-title">
            <h2 id="timing-title">"Publication timing"</h2>
            <div class="controls">
                <label class="field"><span>"Time zone"</span>
                    <select data-testid="time-zone" on:change=move |ev| {
                        let minutes = event_target_value(&ev).parse::<i32>().ok();
                        dash.update_view(|v| v.offset_minutes = minutes.filter(|m| *m != site_minutes));
                    }>
                        {zones.into_iter().map(|m| {
                            let text = if m == site_minutes { format!("{} (site)", offset_label(m)) } else { offset_label(m) };
                            view! { <option value=m.to_string() selected=move || dash.view.with(|v| v.offset_minutes.unwrap_or(site_minutes) == m)>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field checkbox">
                    <input type="checkbox" data-testid="heat-views" prop:checked=move || dash.view.with(|v| v.heat_by_views) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        dash.update_view(|v| v.heat_by_views = on);
                    }/>
                    <span>{format!("colour by median {noun}")}</span>
                </label>
            </div>
            <ChartCanvas spec=spec label="Articles by weekday and hour" height=260 testid="chart-timing" on_click=on_click tooltip=tooltip/>
            <crate::ui::export_menu::ExportMenu kind=crate::export::charts::ChartKind::Timing/>
            <p class="readout" data-testid="best-slot">{best}</p>
            <Show when=move || { date_only() > 0 }>
                <p class="hint">{move || format!("{} articles have a date but no time of day and are not in this grid.", date_only())}</p>
            </Show>
        </section>
    }
}
