//! Rising and falling keywords (weighted log-odds, last 7 days against the rest of the
//! selection), each with a sparkline; clicking one draws it over time.

use crate::analysis::rising::RisingTopic;
use crate::analysis::topics::{TopicKind, TopicRef};
use crate::ui::state::use_dash;
use leptos::prelude::*;

fn sparkline_points(values: &[u32]) -> String {
    let max = f64::from(values.iter().copied().max().unwrap_or(1).max(1));
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            #[expect(clippy::cast_precision_loss, reason = "a few dozen points")]
            let x = i as f64 * 4.0;
            format!("{x:.0},{:.1}", 20.0 - f64::from(v) / max * 18.0)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
fn RisingItem(topic: RisingTopic) -> impl IntoView {
    let dash = use_dash();
    let key = topic.keyword.clone();
    let points = sparkline_points(&topic.sparkline);
    let add = move |_| dash.draw_over_time(TopicRef::new(TopicKind::Keyword, key.clone()));
    // Few attributes (the rest is in `style/main.css`, by position): with erased component
    // types every attribute of a rebuilt item is removed and set again on each change. Outside
    // any form, a button needs no `type`.
    view! {
        <li>
            <button on:click=add>
                <strong>{topic.keyword.clone()}</strong>
                <span>{format!("z {:+.1}", topic.z)}</span>
                <small>{format!("{} vs {}", topic.n_window, topic.n_baseline)}</small>
                <svg aria-hidden="true">
                    <polyline points=points/>
                </svg>
            </button>
        </li>
    }
}

/// The rising-topics panel.
#[component]
pub fn RisingPanel() -> impl IntoView {
    let dash = use_dash();
    let rising = move || dash.data.with(|d| d.rising.0.clone());
    let falling = move || dash.data.with(|d| d.rising.1.clone());
    view! {
        <section class="panel" data-testid="panel-rising" aria-labelledby="rising-title">
            <h2 id="rising-title">"Rising topics"</h2>
            <p class="hint">"Last 7 days of the selection against everything before (weighted log-odds, z-score; counts: window vs before)."</p>
            <Show when=move || !rising().is_empty() fallback=|| view! { <p class="empty">"Not enough articles before the last 7 days to compare."</p> }>
                <ol class="rising-list" title="Click a topic to draw it over time">{move || rising().into_iter().map(|topic| view! { <RisingItem topic/> }).collect_view()}</ol>
                <h3>"Falling"</h3>
                <ol class="rising-list falling" title="Click a topic to draw it over time">{move || falling().into_iter().take(5).map(|topic| view! { <RisingItem topic/> }).collect_view()}</ol>
            </Show>
        </section>
    }
}
