//! The load report: records read, loaded, rejected (with line numbers), duplicates, warnings.

use super::format::thousands;
use crate::ingest::Ingested;
use leptos::prelude::*;
use std::sync::Arc;

/// How many rejected lines the page lists before it summarises the rest.
const MAX_LISTED: usize = 200;

/// The report panel.
#[component]
pub fn LoadReport(ingested: Arc<Ingested<()>>, name: String) -> impl IntoView {
    let n_rejected = ingested.rejected.len();
    let headline = format!(
        "Read {} records: {} loaded, {} rejected, {} duplicates collapsed.",
        thousands(ingested.n_records),
        thousands(ingested.n_loaded()),
        thousands(n_rejected),
        thousands(ingested.duplicates.len())
    );
    let warnings: Vec<String> = ingested.warnings.iter().map(ToString::to_string).collect();
    let rows: Vec<(u32, String, String)> = ingested
        .rejected
        .iter()
        .take(MAX_LISTED)
        .map(|r| (r.line.get(), r.reason.to_string(), r.raw.clone()))
        .collect();
    let n_unlisted = n_rejected.saturating_sub(MAX_LISTED);
    view! {
        <section class="panel load-report" data-testid="load-report" aria-labelledby="report-title">
            <h2 id="report-title">"Load report"</h2>
            <p data-testid="load-totals">{headline}</p>
            <ul class="warnings">
                {warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            {(n_rejected > 0).then(|| view! {
                <table class="rejected" data-testid="rejected-lines">
                    <caption>"Rejected records"</caption>
                    <thead><tr><th scope="col">"Line"</th><th scope="col">"Reason"</th><th scope="col">"Raw text"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(line, reason, raw)| view! {
                            <tr><td class="num">{line}</td><td>{reason}</td><td class="raw">{raw}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {(n_unlisted > 0).then(|| view! { <p>{format!("…and {} more rejected records.", thousands(n_unlisted))}</p> })}
            {(n_rejected > 0).then(|| {
                let report = ingested.clone();
                view! {
                    <button type="button" data-testid="download-rejected" on:click=move |_| {
                        let name = format!("headline-trends_rejected_{}.csv", name.replace(['/', '\\'], "_"));
                        if let Err(error) = super::download::download(&crate::export::rejected_csv(&report), "text/csv", &name) {
                            leptos::logging::warn!("download failed: {error}");
                        }
                    }>"Download rejected lines (CSV)"</button>
                }
            })}
        </section>
    }
}
