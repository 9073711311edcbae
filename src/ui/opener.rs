//! Opening a file: the button, the progress bar with Cancel, and the whole-file error line.
//! Dropping a file anywhere on the page is wired in `App`.

use super::format::thousands;
use super::load::{DataSource, ReadSettings, first_file, input_files};
use super::loader::use_loader;
use leptos::prelude::*;

/// Opens `file` in the page.
pub fn open_file(file: web_sys::File) {
    use_loader().open(DataSource::File(file), ReadSettings::default());
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

fn describe(status: &super::load::LoadStatus) -> String {
    let mut text = format!("{} {}", status.phase, status.name);
    if status.bytes.1 > 0.0 {
        text.push_str(&format!(" — {} of {}", megabytes(status.bytes.0), megabytes(status.bytes.1)));
    }
    if status.n_records > 0 {
        text.push_str(&format!(", {} records", thousands(status.n_records)));
    }
    text
}

/// The open button and load state.
#[component]
pub fn FileOpener() -> impl IntoView {
    let loader = use_loader();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = first_file(input_files(&ev)) {
            open_file(file);
        }
    };
    view! {
        <div class="opener">
            <label class="open-button">
                "Open a file…"
                <input
                    type="file"
                    class="visually-hidden"
                    data-testid="file-input"
                    accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.xml,.rss,.atom,.sgm,.sgml,.gz"
                    on:change=on_change
                />
            </label>
            <span class="privacy">"or drop one on the page. Files are read in this browser; nothing is uploaded."</span>
        </div>
        <Show when=move || loader.status.with(Option::is_some)>
            <div class="load-progress" data-testid="load-progress" role="status">
                <progress max="1" prop:value=move || loader.status.with(|s| s.as_ref().map_or(0.0, |s| s.fraction))></progress>
                <span>{move || loader.status.with(|s| s.as_ref().map(describe).unwrap_or_default())}</span>
                <button type="button" data-testid="load-cancel" on:click=move |_| loader.cancel()>"Cancel"</button>
            </div>
        </Show>
        {move || loader.error.get().map(|message| view! {
            <p class="load-error" data-testid="load-error" role="alert">{message}</p>
        })}
    }
}
