//! The browser app (wasm only): Leptos components that load a dataset and show it.
//!
//! Contract: this is the only module that names Leptos, web-sys or gloo. Components wire core
//! functions to the DOM; they hold no parsing or counting logic of their own. Headline text is
//! always inserted as text nodes, never as HTML.

mod format;
mod load;
mod load_report;
mod summary;

use leptos::prelude::*;
use load::{LoadError, load_demo};
use std::sync::Arc;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let loaded = LocalResource::new(load_demo);
    view! {
        <header class="app-header">
            <h1>"Headline Trends"</h1>
            <p class="tagline">"Which topics rise, which headlines draw views, when publishing pays off. Your file never leaves this browser."</p>
        </header>
        <main class="app-main">
            {move || match loaded.get() {
                None => view! { <p class="status" data-testid="loading">"Loading the demo dataset…"</p> }.into_any(),
                Some(Ok(ingested)) => view! { <DatasetView ingested/> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorView error/> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn DatasetView(ingested: Arc<crate::ingest::Ingested>) -> impl IntoView {
    view! {
        <summary::DatasetSummary ingested=ingested.clone()/>
        <load_report::LoadReport ingested/>
    }
}

#[component]
fn LoadErrorView(error: LoadError) -> impl IntoView {
    view! { <p class="load-error" data-testid="load-error" role="alert">{error.to_string()}</p> }
}
