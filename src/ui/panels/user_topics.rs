//! User topics: a name and a rule (`ukraine | zelensky | kyiv | -football`), created, edited and
//! removed here, kept in localStorage.

use crate::analysis::stats::sort_few_by;
use crate::analysis::topics::{TopicKind, TopicRef, UserTopic};
use crate::ui::state::use_dash;
use leptos::prelude::*;

/// The user-topics panel.
#[component]
pub fn UserTopicsPanel() -> impl IntoView {
    let dash = use_dash();
    let name = RwSignal::new(String::new());
    let rule = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = format!("{}={}", name.get_untracked().trim(), rule.get_untracked());
        match UserTopic::parse_compact(&text) {
            Some(topic) => {
                dash.saved_topics.update(|all| {
                    all.retain(|t| t.name != topic.name);
                    all.push(topic.clone());
                    sort_few_by(all, &Ord::cmp);
                });
                let reference = TopicRef::new(TopicKind::User, topic.name.clone());
                dash.update_view(|v| {
                    if !v.chosen_topics.contains(&reference) {
                        v.chosen_topics.push(reference)
                    }
                });
                message.set(format!("Saved “{}”.", topic.name));
                name.set(String::new());
                rule.set(String::new());
            }
            None => message
                .set("Give the topic a name and at least one word, e.g. ukraine | zelensky | -football.".to_owned()),
        }
    };
    view! {
        <section class="panel" data-testid="panel-user-topics" aria-labelledby="user-topics-title">
            <h2 id="user-topics-title">"Your topics"</h2>
            <form class="user-topic-form" on:submit=save>
                <label class="field"><span>"Name"</span>
                    <input type="text" data-testid="user-topic-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <label class="field"><span>"Any of (| between, - to exclude)"</span>
                    <input type="text" data-testid="user-topic-rule" placeholder="ukraine | zelensky | kyiv | -football" prop:value=move || rule.get() on:input=move |ev| rule.set(event_target_value(&ev))/>
                </label>
                <button type="submit">"Save topic"</button>
            </form>
            <p class="hint" role="status">{move || message.get()}</p>
            <ul class="user-topics">
                {move || dash.user_topics.get().into_iter().map(|topic| {
                    let for_edit = topic.clone();
                    let for_remove = topic.name.clone();
                    let rule_text = topic.to_compact().split_once('=').map(|(_, r)| r.replace('|', " | ")).unwrap_or_default();
                    view! {
                        <li>
                            <strong>{topic.name.clone()}</strong>
                            <span class="rule">{rule_text}</span>
                            <button type="button" on:click=move |_| {
                                name.set(for_edit.name.clone());
                                rule.set(for_edit.to_compact().split_once('=').map(|(_, r)| r.replace('|', " | ")).unwrap_or_default());
                            }>"Edit"</button>
                            <button type="button" on:click=move |_| {
                                let gone = for_remove.clone();
                                dash.saved_topics.update(|all| all.retain(|t| t.name != gone));
                                dash.update_view(|v| {
                                    v.user_topics.retain(|t| t.name != gone);
                                    v.chosen_topics.retain(|t| !(t.kind == TopicKind::User && t.key == gone));
                                    v.filter.any_topics.retain(|t| !(t.kind == TopicKind::User && t.key == gone));
                                });
                            }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
