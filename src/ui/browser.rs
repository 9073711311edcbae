//! The few places that touch browser APIs directly: the URL, localStorage, the colour scheme.

use crate::analysis::topics::UserTopic;
use crate::analysis::view_state::ViewState;

const SAVED_TOPICS_KEY: &str = "headline-trends.user-topics";

/// The view the current URL describes.
pub fn view_from_location() -> ViewState {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    ViewState::from_query(&search)
}

/// Runs `task` when the browser is idle (after the frame being drawn), within half a second;
/// where there is no `requestIdleCallback` (Safari), at the next task.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let function = wasm_bindgen::JsCast::unchecked_ref::<js_sys::Function>(&callback);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(500);
    if window.request_idle_callback_with_options(function, &options).is_err() {
        window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 0).ok();
    }
}

/// Writes `view` into the URL as a new history entry, unless the URL already says it.
pub fn push_view(view: &ViewState) {
    let Some(window) = web_sys::window() else { return };
    let current = window.location().search().unwrap_or_default();
    // The dataset's own parameter stays: the link must reopen the same data.
    let data = form_urlencoded::parse(current.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "data")
        .map(|(_, v)| v.into_owned());
    let view_query = view.to_query();
    let query = match data {
        Some(url) => {
            let data_query = form_urlencoded::Serializer::new(String::new()).append_pair("data", &url).finish();
            if view_query.is_empty() { data_query } else { format!("{data_query}&{view_query}") }
        }
        None => view_query,
    };
    if current.trim_start_matches('?') == query {
        return;
    }
    let path = window.location().pathname().unwrap_or_else(|_| "/".to_owned());
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if let Ok(history) = window.history() {
        // A failed pushState (e.g. a sandboxed frame) leaves the page working without links.
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).ok();
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The user topics saved in localStorage (none when absent or unreadable).
pub fn load_saved_topics() -> Vec<UserTopic> {
    storage()
        .and_then(|s| s.get_item(SAVED_TOPICS_KEY).ok()?)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Saves the user topics to localStorage.
pub fn save_topics(topics: &[UserTopic]) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(topics)) {
        storage.set_item(SAVED_TOPICS_KEY, &json).ok();
    }
}

thread_local! {
    /// The colour-scheme query, made once: `matchMedia` parses and registers a new query list
    /// each call, while a kept list's `matches` follows the system setting.
    static DARK_QUERY: Option<web_sys::MediaQueryList> =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
}

/// True when the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    DARK_QUERY.with(|query| query.as_ref().is_some_and(web_sys::MediaQueryList::matches))
}

/// Device pixels per CSS pixel.
pub fn pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0)
}

/// Milliseconds since the page started (monotonic), for timings shown in data attributes.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

const MAPPING_KEY: &str = "headline-trends.mapping.";

/// The column mapping saved for a header signature.
pub fn saved_mapping(signature: &str) -> Option<crate::ingest::FieldMapping> {
    if signature.is_empty() {
        return None;
    }
    let json = storage()?.get_item(&format!("{MAPPING_KEY}{signature}")).ok()??;
    serde_json::from_str(&json).ok()
}

/// Remembers the column mapping chosen for a header signature.
pub fn save_mapping(signature: &str, mapping: &crate::ingest::FieldMapping) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(mapping)) {
        storage.set_item(&format!("{MAPPING_KEY}{signature}"), &json).ok();
    }
}
