//! What was loaded: name, article count, date span, fields present.

use super::format::{day_and_time, thousands};
use super::load::DatasetFacts;
use crate::ingest::Ingested;
use leptos::prelude::*;
use std::sync::Arc;

/// Bytes of WebAssembly memory in use (it only grows).
fn wasm_memory_bytes() -> String {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    format!("{}", buffer.byte_length())
}

/// Notes on the page's root, for the benchmark, how long listing each word's rows took after
/// the load (`Dash::warm_up_search`) and the WebAssembly memory in use after it.
pub fn note_listing(ms: f64) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        root.set_attribute("data-listing", &format!("{ms:.0} ms, {} bytes", wasm_memory_bytes())).ok();
    }
}

/// The dataset's headline numbers.
#[component]
pub fn DatasetSummary(facts: DatasetFacts, report: Arc<Ingested<()>>) -> impl IntoView {
    let span = facts.span.map_or_else(
        || "no dates".to_owned(),
        |(first, last)| format!("{} – {}", day_and_time(&first), day_and_time(&last)),
    );
    let phases = facts.load_phases.iter().map(|(name, ms)| format!("{name} {ms:.0} ms")).collect::<Vec<_>>().join(", ");
    let mut fields = vec!["title", "published time"];
    fields.extend(facts.fields_present.iter().copied());
    view! {
        <section class="panel summary" data-testid="dataset-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{facts.name.clone()}</h2>
            {facts.is_demo.then(|| view! {
                <p class="demo-note" data-testid="demo-note">
                    "Generated demo data: invented headlines with realistic topics, bursts and view counts. Load your own file to see yours."
                </p>
            })}
            <dl class="facts">
                <div><dt>"Articles"</dt><dd data-testid="article-count">{facts.n_articles}</dd></div>
                <div><dt>"Date span"</dt><dd data-testid="date-span">{span}</dd></div>
                <div><dt>"Format"</dt><dd>{report.format.name()}</dd></div>
                <div><dt>"Fields"</dt><dd data-testid="fields-present">{fields.join(", ")}</dd></div>
            </dl>
            <p class="counts">
                {format!("{} articles from {:.1} MB, ", thousands(facts.n_articles), facts.n_bytes as f64 / 1_048_576.0)}
                "ready in "<span data-testid="load-ms" title=phases.clone() data-phases=phases>{format!("{:.0}", facts.load_ms)}</span>" ms; "
                "memory in use: "<span data-testid="wasm-bytes">{wasm_memory_bytes()}</span>" bytes."
            </p>
        </section>
    }
}
