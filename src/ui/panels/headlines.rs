//! The filtered headlines (or those behind a clicked bar, cell or burst): sortable by time or
//! views, paged, search terms highlighted, links only for http(s) URLs. Headline text is always
//! inserted as text.

use crate::analysis::highlight::highlight_pieces;
use crate::analysis::views::top_headlines;
use crate::model::safe_http_url;
use crate::ui::format::{date_time_in, thousands};
use crate::ui::state::use_dash;
use leptos::prelude::*;

const PAGE_SIZE: usize = 50;

/// One headline with its time, views, category and source line.
#[component]
pub fn HeadlineRow(row: u32) -> impl IntoView {
    let dash = use_dash();
    let (title, url, when, views, category, line, noun) = dash.store.with_untracked(|s| {
        let r = row as usize;
        let category = s.categories.get(s.category[r] as usize).cloned();
        (
            s.titles.get(r).to_owned(),
            safe_http_url(s.urls.get(r)).map(str::to_owned),
            date_time_in(s.ts_ms[r], s.has_time[r], dash.offset()),
            s.views_of(row),
            category,
            s.lines[r],
            // A few bytes a row, and rows are few (a page of headlines).
            s.views_noun.clone(),
        )
    });
    // One text node (a list of 50 rows is rebuilt on every filter change).
    let mut meta = when;
    if let Some(v) = views {
        meta.push_str(&format!(" · {} {}", thousands(v as usize), noun));
    }
    if let Some(c) = category {
        meta.push_str(&format!(" · {c}"));
    }
    meta.push_str(&format!(" · line {line}"));
    let query = dash.view.with_untracked(|v| v.filter.query.clone());
    let pieces: Vec<(String, bool)> =
        highlight_pieces(&title, &query).into_iter().map(|(t, m)| (t.to_owned(), m)).collect();
    let text = pieces
        .into_iter()
        .map(|(t, is_match)| if is_match { view! { <mark>{t}</mark> }.into_any() } else { t.into_any() })
        .collect_view();
    // No attributes on the row's own elements (styled by position in `style/main.css`): with
    // erased component types every attribute of a rebuilt row is removed and set again.
    view! {
        <li>
            <span>
                {match url {
                    Some(href) => view! { <a href=href target="_blank" rel="noopener noreferrer nofollow">{text}</a> }.into_any(),
                    None => text.into_any(),
                }}
            </span>
            <small>{meta}</small>
        </li>
    }
}

/// The rows of the page starting at `start`: most viewed first, or newest first.
fn page_of(
    store: &crate::analysis::Store,
    selection: &crate::analysis::Selection,
    by_views: bool,
    start: usize,
) -> Vec<u32> {
    if by_views {
        return top_headlines(store, selection, start + PAGE_SIZE).into_iter().skip(start).collect();
    }
    match selection {
        crate::analysis::Selection::Range(r) => (r.start..r.end).rev().skip(start).take(PAGE_SIZE).collect(),
        crate::analysis::Selection::Rows(list) => list.iter().rev().skip(start).take(PAGE_SIZE).copied().collect(),
    }
}

/// The headlines panel.
#[component]
pub fn HeadlinesPanel() -> impl IntoView {
    let dash = use_dash();
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        dash.data.track();
        dash.drill.track();
        // Setting the page notifies even when unchanged, which would build the list twice.
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
    let total = move || {
        dash.drill.with(|d| d.as_ref().map(|d| d.rows.len())).unwrap_or_else(|| dash.data.with(|d| d.selection.len()))
    };
    let rows = move || {
        let by_views = dash.view.with(|v| v.sort_by_views);
        let start = page.get() * PAGE_SIZE;
        dash.store.with(|s| {
            dash.drill.with(|drill| {
                dash.data.with(|d| match drill {
                    Some(drill) => page_of(s, &crate::analysis::Selection::Rows(drill.rows.to_vec()), by_views, start),
                    None => page_of(s, &d.selection, by_views, start),
                })
            })
        })
    };
    let n_pages = move || total().div_ceil(PAGE_SIZE).max(1);
    view! {
        <section class="panel wide" data-testid="panel-headlines" aria-labelledby="headlines-title">
            <h2 id="headlines-title">"Headlines"</h2>
            <div class="controls">
                {move || dash.drill.get().map(|drill| view! {
                    <p class="chip drill" data-testid="drill">
                        <span>{format!("Showing {}", drill.label)}</span>
                        <button type="button" aria-label="Back to all filtered headlines" on:click=move |_| dash.drill.set(None)>"×"</button>
                    </p>
                })}
                <div role="group" aria-label="Sort headlines" class="presets">
                    <button type="button" aria-pressed=move || (!dash.view.with(|v| v.sort_by_views)).to_string() on:click=move |_| dash.update_view(|v| v.sort_by_views = false)>"Newest first"</button>
                    <button type="button" data-testid="sort-views" aria-pressed=move || dash.view.with(|v| v.sort_by_views).to_string() on:click=move |_| dash.update_view(|v| v.sort_by_views = true)>{dash.most_viewed_label()}</button>
                </div>
                <crate::ui::export_menu::ArticlesExport/>
                <span class="pager">
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"‹ Previous"</button>
                    {move || format!(" page {} of {} ({} headlines) ", page.get() + 1, thousands(n_pages()), thousands(total()))}
                    <button type="button" disabled=move || { page.get() + 1 >= n_pages() } on:click=move |_| page.update(|p| *p += 1)>"Next ›"</button>
                </span>
            </div>
            <Show when=move || { total() > 0 } fallback=|| view! { <p class="empty">"No headlines match the filters."</p> }>
                <ol class="headline-list">
                    {move || rows().into_iter().map(|row| view! { <HeadlineRow row/> }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}
