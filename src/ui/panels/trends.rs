//! Topics over time: chosen topics as lines (absolute or share of volume), bursts marked with
//! their top headline; clicking near a marker shows the burst's headlines.

use crate::analysis::bursts::rows_in_burst;
use crate::analysis::dashboard::N_SUGGESTED;
use crate::analysis::selection::intersect;
use crate::analysis::topic_rows::topic_rows;
use crate::analysis::topics::{TopicKind, TopicRef};
use crate::chart::labels::day_label;
use crate::chart::spec::{bucket_day, trend_spec};
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::state::{Drill, use_dash};
use leptos::prelude::*;
use std::sync::Arc;

/// The topics-over-time panel.
#[component]
pub fn TrendsPanel() -> impl IntoView {
    let dash = use_dash();
    let spec = Signal::derive(move || {
        let as_share = dash.view.with(|v| v.as_share);
        dash.store.with(|s| dash.data.with(|d| trend_spec(s, d, as_share)))
    });
    let tooltip = Callback::new(move |(x, _): (f64, f64)| {
        spec.with_untracked(|s| {
            let parts: Vec<String> = s
                .lines
                .iter()
                .filter_map(|line| {
                    let nearest = line.points.iter().min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))?;
                    Some(format!("{}: {:.1}", line.label, nearest.1))
                })
                .collect();
            let first = s.lines.first()?.points.iter().min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))?;
            Some(format!("{} — {}", day_label(first.0, s.width), parts.join(", ")))
        })
    });
    let on_click = Callback::new(move |(x, y): (f64, f64)| {
        let data = dash.data.get_untracked();
        let width = data.width;
        // The line of the marker nearest the point first, so overlapping bursts of two topics
        // resolve to the one whose marker was clicked (or focused with the keyboard).
        let nearest_line = spec.with_untracked(|s| {
            let distance = |m: &&crate::chart::spec::Marker| (m.x - x).abs() + (m.y - y).abs();
            s.markers.iter().min_by(|a, b| distance(a).total_cmp(&distance(b))).map(|m| m.line_index)
        });
        let mut candidates: Vec<usize> = (0..data.series.len()).collect();
        if let Some(line) = nearest_line.filter(|&l| l < candidates.len()) {
            candidates.retain(|&i| i != line);
            candidates.insert(0, line);
        }
        let hit = candidates.into_iter().map(|i| (&data.series[i], &data.bursts[i])).find_map(|(series, bursts)| {
            bursts
                .iter()
                .find(|b| {
                    (bucket_day(width, b.first_bucket) - 1.0..=bucket_day(width, b.last_bucket + 1) + 1.0).contains(&x)
                })
                .map(|b| (series.topic.clone(), b.clone()))
        });
        let Some((topic, burst)) = hit else { return };
        let topics = dash.user_topics.get_untracked();
        let rows = dash.store.with_untracked(|s| {
            let selected: Vec<u32> = data.selection.iter().collect();
            let topic_rows = intersect(&selected, &topic_rows(s, &topic, &topics));
            rows_in_burst(s, &topic_rows, &burst, width).collect::<Vec<_>>()
        });
        let label = format!(
            "burst of “{}” from {} ({} articles)",
            topic.key,
            day_label(bucket_day(width, burst.first_bucket), width),
            rows.len()
        );
        dash.drill.set(Some(Drill { label, rows: Arc::new(rows) }));
    });
    let add_topic = move |text: String| {
        if let Some(topic) = TopicRef::parse(text.trim()) {
            dash.draw_over_time(topic);
        }
    };
    // With no topic chosen, the chart draws the top rising ones (`DashboardData::series_are_suggested`)
    // and offers them a click each to choose (they follow the filters, as the rising list does).
    let suggested = move || {
        if dash.view.with(|v| !v.chosen_topics.is_empty()) {
            return Vec::new();
        }
        dash.data.with(|d| d.rising.0.iter().take(N_SUGGESTED).map(|t| t.keyword.clone()).collect::<Vec<_>>())
    };
    let drawn_suggested = move || dash.data.with(|d| d.series_are_suggested && !d.series.is_empty());
    let label = Signal::derive(move || {
        dash.data.with(|d| {
            let mut label = if d.series_are_suggested {
                "Top rising topics over time, until you choose"
            } else {
                "Chosen topics over time with bursts marked"
            }
            .to_owned();
            for (i, series) in d.series.iter().enumerate() {
                label.push_str(if i == 0 { ": " } else { ", " });
                label.push_str(&series.topic.to_string());
            }
            label
        })
    });
    view! {
        <section class="panel wide" data-testid="panel-topic-trends" aria-labelledby="trends-title">
            <h2 id="trends-title">"Topics over time"</h2>
            <div class="controls">
                <label class="field"><span>"Add a topic"</span>
                    <input type="text" data-testid="add-trend-topic" placeholder="ukraine, phrase:human rights, user:…" on:change=move |ev| {
                        add_topic(event_target_value(&ev));
                    }/>
                </label>
                <label class="field checkbox">
                    <input type="checkbox" data-testid="trend-share" prop:checked=move || dash.view.with(|v| v.as_share) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        dash.update_view(|v| v.as_share = on);
                    }/>
                    <span>"as share of all articles"</span>
                </label>
                <ul class="chips" aria-label="Topics drawn">
                    {move || dash.view.with(|v| v.chosen_topics.clone()).into_iter().map(|topic| {
                        let shown = topic.to_string();
                        view! {
                            <li class="chip">
                                <span>{shown.clone()}</span>
                                <button type="button" aria-label=format!("Stop drawing {shown}") on:click=move |_| {
                                    let topic = topic.clone();
                                    dash.update_view(|v| v.chosen_topics.retain(|t| *t != topic));
                                }>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || !suggested().is_empty()>
                    <p class="suggestions" data-testid="trend-suggestions">
                        <span>{move || if drawn_suggested() { "Showing the top rising topics until you pick one:" } else { "Rising now:" }}</span>
                        {move || suggested().into_iter().map(|keyword| {
                            let topic = TopicRef::new(TopicKind::Keyword, keyword.clone());
                            view! { <button type="button" on:click=move |_| dash.draw_over_time(topic.clone())>{keyword}</button> }
                        }).collect_view()}
                    </p>
                </Show>
            </div>
            <ChartCanvas spec=spec label=label height=300 testid="chart-trends" on_click=on_click tooltip=tooltip/>
            <crate::ui::export_menu::ExportMenu kind=crate::export::charts::ChartKind::TopicTrends/>
        </section>
    }
}
