//! The browser app (wasm only): Leptos components that load a dataset and show it.
//!
//! Contract: this is the only module that names Leptos, web-sys or gloo. Components wire core
//! functions to the DOM; they hold no parsing or counting logic of their own. Headline text is
//! always inserted as text nodes, never as HTML.

mod browser;
mod canvas_backend;
mod chart_canvas;
mod checksum;
mod download;
mod export_menu;
mod format;
mod gunzip;
mod load;
mod load_report;
mod load_types;
mod loader;
mod opener;
mod panels;
mod read_settings;
mod state;
mod summary;

use crate::analysis::topics::TopicKind;
use leptos::prelude::*;
use load::{Loaded, data_url_from_location};
use loader::Loader;
use opener::{FileOpener, open_file};
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
    let loader = Loader::new();
    provide_context(loader);
    provide_context(export_menu::CsvBom(RwSignal::new(true)));
    let source = data_url_from_location().map_or(load::DataSource::Demo, load::DataSource::Url);
    loader.open(source, load::ReadSettings::default());
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = load::first_file(ev.data_transfer().and_then(|d| d.files())) {
            open_file(file);
        }
    };
    view! {
        <div
            class="page"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <header class="app-header">
                <h1>"Headline Trends"</h1>
                <p class="tagline">"Which topics rise, which headlines draw views, when publishing pays off."</p>
                <FileOpener/>
            </header>
            <main class="app-main">
                {move || loader.needs_mapping.get().map(|input| view! {
                    <div class="panels"><read_settings::ReadSettingsPanel input=input.0/></div>
                })}
                {move || loader.current.get().map(|loaded| view! { <Dashboard loaded=loaded.0.clone()/> })}
                {move || (loader.current.with(Option::is_none) && loader.status.with(Option::is_none) && loader.error.with(Option::is_none))
                    .then(|| view! { <p class="status" data-testid="loading">"Loading the dataset…"</p> })}
            </main>
        </div>
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
        // After the panels are drawn: a history entry costs the browser 1 – 3 ms, which the
        // change's frame need not wait for.
        browser::when_idle(move || browser::push_view(&view));
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
    provide_context(export_menu::ExportSource {
        input: loaded.facts.input.clone(),
        format: loaded.facts.format,
        reference_time: loaded.report.reference_time.map(|t| t.to_rfc3339()),
    });
    sync_with_browser(dash);
    // Type-erased panels: one small render path instead of a ten-tuple of view types.
    let panels: Vec<AnyView> = vec![
        view! { <VolumePanel/> }.into_any(),
        view! { <TopicsPanel/> }.into_any(),
        view! { <RisingPanel/> }.into_any(),
        view! { <TrendsPanel/> }.into_any(),
        view! { <ViewsPanel/> }.into_any(),
        view! { <TimingPanel/> }.into_any(),
        view! { <HeadlinesPanel/> }.into_any(),
        view! { <UserTopicsPanel/> }.into_any(),
        view! { <summary::DatasetSummary facts=loaded.facts.clone() report=loaded.report.clone()/> }.into_any(),
        view! { <load_report::LoadReport ingested=loaded.report.clone() name=loaded.facts.name.clone()/> }.into_any(),
        view! { <read_settings::ReadSettingsPanel input=Arc::new(read_settings::MappingInput::of_loaded(&loaded))/> }
            .into_any(),
    ];
    view! {
        <FilterBar/>
        <div class="panels">{panels}</div>
    }
    .into_any()
}
