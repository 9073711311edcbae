//! Topic frequency: the top topics of a kind by a measure; clicking a bar toggles the topic in
//! the filter. A keyboard-reachable list mirrors the bars.

use crate::analysis::frequency::{Measure, add_views};
use crate::analysis::topics::TopicKind;
use crate::chart::spec::{measure_label, measure_text, topics_being_found_spec, topics_spec};
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::state::use_dash;
use leptos::prelude::*;

const MEASURES: [Measure; 5] =
    [Measure::Articles, Measure::ShareOfArticles, Measure::TotalViews, Measure::ShareOfViews, Measure::MedianViews];

/// The topic-frequency panel.
#[component]
pub fn TopicsPanel() -> impl IntoView {
    let dash = use_dash();
    let noun = dash.views_noun();
    let tooltip_noun = noun.clone();
    let options_noun = noun.clone();
    let spec = Signal::derive(move || {
        let kind = dash.view.with(|v| v.topic_kind);
        match dash.store.with(|s| s.lacks_grams(kind).then(|| s.len())) {
            Some(n_articles) => topics_being_found_spec(kind, n_articles),
            None => dash.data.with(|d| dash.view.with(|v| topics_spec(d, &v.filter, v.measure, &noun))),
        }
    });
    let bar_at = move |y: f64| {
        spec.with_untracked(|s| {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss,
                reason = "bar index"
            )]
            let index = (s.bars.len() as f64 - y).floor() as usize;
            s.bars.get(index).cloned()
        })
    };
    let on_click = Callback::new(move |(_, y): (f64, f64)| {
        if let Some(bar) = bar_at(y) {
            dash.update_view(|v| v.filter.toggle_topic(bar.topic));
        }
    });
    let tooltip = Callback::new(move |(_, y): (f64, f64)| {
        let stat = bar_at(y)?;
        dash.data.with_untracked(|d| {
            let mut topic = d.topics.iter().find(|t| t.topic == stat.topic)?.clone();
            // Ranked by articles, the views are counted on hover (one topic: well under a millisecond).
            dash.store.with_untracked(|store| {
                dash.user_topics.with_untracked(|user_topics| {
                    add_views(store, d.topics_selection(), std::slice::from_mut(&mut topic), user_topics);
                });
            });
            let views = topic.views?;
            let noun = &tooltip_noun;
            let median = views.median.map_or_else(|| format!("no {noun}"), |m| format!("median {m:.0} {noun}"));
            Some(format!(
                "{}: {} articles ({:.1}%), {} {noun}, {median}",
                topic.label,
                topic.n_articles,
                topic.share_of_articles * 100.0,
                views.total
            ))
        })
    });
    let list_open = RwSignal::new(false);
    view! {
        <section class="panel" data-testid="panel-topics" aria-labelledby="topics-title">
            <h2 id="topics-title">"Topic frequency"</h2>
            <div class="controls">
                <label class="field"><span>"Kind"</span>
                    <select data-testid="topic-kind" on:change=move |ev| {
                        let kind = TopicKind::from_name(&event_target_value(&ev)).unwrap_or(TopicKind::Keyword);
                        dash.update_view(|v| v.topic_kind = kind);
                    }>
                        {TopicKind::ALL.into_iter().map(|k| view! {
                            <option value=k.name() selected=move || dash.view.with(|v| v.topic_kind == k)>{k.name()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>"Measure"</span>
                    <select data-testid="topic-measure" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let measure = MEASURES.into_iter().find(|m| measure_label(*m) == value).unwrap_or_default();
                        dash.update_view(|v| v.measure = measure);
                    }>
                        {MEASURES.into_iter().map(|m| view! {
                            <option value=measure_label(m) selected=move || dash.view.with(|v| v.measure == m)>{measure_text(m, &options_noun)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <ChartCanvas spec=spec label="Top topics as bars; click a bar to filter by it" height=460 testid="chart-topics" on_click=on_click tooltip=tooltip/>
            <crate::ui::export_menu::ExportMenu kind=crate::export::charts::ChartKind::Topics/>
            <details class="data-list" on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                list_open.set(open);
            }>
                <summary>"Topics as a list (keyboard)"</summary>
                // Built only while open: closed, it would be rebuilt unseen on every filter change.
                <ul>
                    {move || if list_open.get() { spec.get().bars } else { Vec::new() }.into_iter().map(|bar| {
                        let topic = bar.topic.clone();
                        view! {
                            <li><button type="button" aria-pressed=bar.is_selected.to_string() on:click=move |_| {
                                let topic = topic.clone();
                                dash.update_view(|v| v.filter.toggle_topic(topic));
                            }>{format!("{} — {}", bar.label, bar.value_text)}</button></li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </section>
    }
}
