//! The filter bar: every active filter as a removable chip, search, minimum views, category,
//! clear all, and the number of selected articles.

use crate::ui::format::{date_in, thousands};
use crate::ui::state::use_dash;
use leptos::prelude::*;

/// One removable chip.
#[derive(Clone, Debug, PartialEq)]
struct Chip {
    text: String,
    id: usize,
}

/// The filter bar.
#[component]
pub fn FilterBar() -> impl IntoView {
    let dash = use_dash();
    let categories = Memo::new(move |_| dash.store.with(|s| s.categories.clone()));
    let noun = dash.views_noun();
    let label_noun = noun.clone();
    let chips = Memo::new(move |_| {
        let offset = dash.offset();
        dash.view.with(|v| {
            let f = &v.filter;
            let mut chips = Vec::new();
            for t in &f.any_topics {
                chips.push(format!("topic: {}", t.key));
            }
            for t in &f.all_topics {
                chips.push(format!("every: {}", t.key));
            }
            if f.from_ms.is_some() || f.to_ms.is_some() {
                let from = f.from_ms.map_or_else(|| "start".to_owned(), |ms| date_in(ms, offset));
                let to = f.to_ms.map_or_else(|| "end".to_owned(), |ms| date_in(ms - 1, offset));
                chips.push(format!("dates: {from} – {to}"));
            }
            if !f.query.is_empty() {
                chips.push(format!("search: {}", f.query));
            }
            if let Some(min) = f.min_views {
                chips.push(format!("{noun} ≥ {}", thousands(min as usize)));
            }
            if let Some(max) = f.max_views {
                chips.push(format!("{noun} ≤ {}", thousands(max as usize)));
            }
            for c in &f.categories {
                chips.push(format!("category: {c}"));
            }
            chips.into_iter().enumerate().map(|(id, text)| Chip { text, id }).collect::<Vec<_>>()
        })
    });
    let remove = move |id: usize| {
        dash.update_view(|v| {
            let f = &mut v.filter;
            let mut index = 0;
            let mut hit = |n: usize| {
                let range = index..index + n;
                index += n;
                range.contains(&id).then(|| id - range.start)
            };
            if let Some(i) = hit(f.any_topics.len()) {
                f.any_topics.remove(i);
            } else if let Some(i) = hit(f.all_topics.len()) {
                f.all_topics.remove(i);
            } else if hit(usize::from(f.from_ms.is_some() || f.to_ms.is_some())).is_some() {
                (f.from_ms, f.to_ms) = (None, None);
            } else if hit(usize::from(!f.query.is_empty())).is_some() {
                f.query.clear();
            } else if hit(usize::from(f.min_views.is_some())).is_some() {
                f.min_views = None;
            } else if hit(usize::from(f.max_views.is_some())).is_some() {
                f.max_views = None;
            } else if let Some(i) = hit(f.categories.len()) {
                f.categories.remove(i);
            }
        });
    };
    let count = move || dash.data.with(|d| d.selection.len());
    view! {
        <section class="filter-bar" data-testid="filter-bar" aria-label="Filters">
            <p class="selection">
                <span
                    class="selection-count"
                    data-testid="selection-count"
                    data-compute-ms=move || dash.data.with(|_| format!("{:.1}", dash.compute_ms.get_value()))
                    data-reused=move || dash.data.with(|_| dash.reused.get_value().to_string())
                >{count}</span>
                " articles selected"
            </p>
            <label class="field">
                <span>"Search headlines"</span>
                <input
                    type="search"
                    data-testid="search-input"
                    placeholder="words or \"a phrase\""
                    prop:value=move || dash.view.with(|v| v.filter.query.clone())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        dash.update_view(|v| v.filter.query = text.trim().to_owned());
                    }
                />
            </label>
            <label class="field checkbox">
                <input
                    type="checkbox"
                    prop:checked=move || dash.view.with(|v| v.filter.search_body)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        dash.update_view(|v| v.filter.search_body = on);
                    }
                />
                <span>"also search bodies"</span>
            </label>
            <label class="field">
                <span>{format!("Min. {label_noun}")}</span>
                <input
                    type="number"
                    min="0"
                    data-testid="min-views"
                    prop:value=move || dash.view.with(|v| v.filter.min_views.map(|m| m.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev).trim().parse::<u32>().ok();
                        dash.update_view(|v| v.filter.min_views = value);
                    }
                />
            </label>
            <Show when=move || categories.with(|c| !c.is_empty())>
                <label class="field">
                    <span>"Category"</span>
                    <select on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if !value.is_empty() {
                            dash.update_view(|v| if !v.filter.categories.contains(&value) { v.filter.categories.push(value) });
                        }
                    }>
                        <option value="">"add a category…"</option>
                        {move || categories.get().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <ul class="chips" aria-label="Active filters">
                <For each=move || chips.get() key=|chip| (chip.id, chip.text.clone()) let:chip>
                    <li class="chip">
                        <span>{chip.text.clone()}</span>
                        <button type="button" aria-label=format!("Remove {}", chip.text) on:click=move |_| remove(chip.id)>"×"</button>
                    </li>
                </For>
            </ul>
            <crate::ui::export_menu::ViewExport/>
            <button type="button" class="clear" data-testid="clear-all" on:click=move |_| dash.update_view(|v| v.filter = Default::default())>
                "Clear all"
            </button>
        </section>
    }
}
