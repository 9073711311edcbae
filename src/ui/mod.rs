//! The browser app (wasm only): Leptos components that load a dataset and show it.
//!
//! Contract: this is the only module that names Leptos, web-sys or gloo. Components wire core
//! functions to the DOM; they hold no parsing or counting logic of their own. Headline text is
//! always inserted as text nodes, never as HTML.

mod browser;
mod chart_canvas;
mod format;
mod load;
mod load_report;
mod panels;
mod state;
mod summary;

use crate::analysis::topics::TopicKind;
use leptos::prelude::*;
use load::{LoadError, Loaded, load_initial};
use panels::filter_bar::FilterBar;
use panels::headlines::HeadlinesPanel;
use panels::rising::RisingPanel;
use panels::timing::TimingPanel;
use panels::topics::TopicsPanel;
use panels::trends::TrendsPanel;
use panels::user_topics::UserTopicsPanel;
use panels::views::ViewsPanel;
use panels::volume::VolumePanel;
use state::Dash;
use std::sync::Arc;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let loaded = LocalResource::new(load_initial);
    view! {
        <header class="app-header">
            <h1>"Headline Trends"</h1>
            <p class="tagline">"Which topics rise, which headlines draw views, when publishing pays off. Your file never leaves this browser."</p>
        </header>
        <main class="app-main">
            {move || match loaded.get() {
                None => view! { <p class="status" data-testid="loading">"Loading the dataset…"</p> }.into_any(),
                Some(Ok(loaded)) => view! { <Dashboard loaded/> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorView error/> }.into_any(),
            }}
        </main>
    }
}

/// Keeps the URL, localStorage and canvas sizes in step with the state.
fn sync_with_browser(dash: Dash) {
    Effect::new(move |_| {
        let mut view = dash.view.get();
        let topics = dash.user_topics.get();
        view.user_topics = topics
            .into_iter()
            .filter(|t| {
                let used = |r: &crate::analysis::topics::TopicRef| r.kind == TopicKind::User && r.key == t.name;
                view.chosen_topics.iter().any(used)
                    || view.filter.any_topics.iter().any(used)
                    || view.filter.all_topics.iter().any(used)
            })
            .collect();
        browser::push_view(&view);
    });
    Effect::new(move |_| dash.saved_topics.with(|topics| browser::save_topics(topics)));
    let popstate = window_event_listener(leptos::ev::popstate, move |_| dash.set_view(browser::view_from_location()));
    let resize = window_event_listener(leptos::ev::resize, move |_| dash.viewport.update(|n| *n += 1));
    on_cleanup(move || {
        popstate.remove();
        resize.remove();
    });
}

#[component]
fn Dashboard(loaded: Arc<Loaded>) -> impl IntoView {
    let Some(store) = loaded.take_store() else {
        return view! { <p class="load-error">"The dataset was already shown."</p> }.into_any();
    };
    let dash = Dash::new(store, loaded.site_offset, browser::view_from_location(), browser::load_saved_topics());
    provide_context(dash);
    sync_with_browser(dash);
    view! {
        <FilterBar/>
        <div class="panels">
            <VolumePanel/>
            <TopicsPanel/>
            <RisingPanel/>
            <TrendsPanel/>
            <ViewsPanel/>
            <TimingPanel/>
            <HeadlinesPanel/>
            <UserTopicsPanel/>
            <summary::DatasetSummary facts=loaded.facts.clone() report=loaded.report.clone()/>
            <load_report::LoadReport ingested=loaded.report.clone()/>
        </div>
    }
    .into_any()
}

#[component]
fn LoadErrorView(error: LoadError) -> impl IntoView {
    view! { <p class="load-error" data-testid="load-error" role="alert">{error.to_string()}</p> }
}
