//! Fetching, parsing and indexing a dataset; every failure becomes one `LoadError`, shown once.

use crate::analysis::{Store, TokenizerKind};
use crate::demo;
use crate::ingest::{self, IngestError, Ingested, ParseOptions};
use crate::model::Published;
use chrono::FixedOffset;
use gloo_net::http::Request;
use std::fmt;
use std::sync::{Arc, Mutex};

/// Why a dataset could not be shown.
#[derive(Clone, Debug)]
pub enum LoadError {
    /// The request did not complete.
    Network(String),
    /// The server answered with an error status.
    Http {
        /// The status code.
        status: u16,
        /// What was requested.
        url: String,
    },
    /// The bytes arrived but are not a dataset.
    Ingest(IngestError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(message) => write!(f, "The dataset could not be fetched: {message}"),
            LoadError::Http { status, url } => write!(f, "The server answered {status} for {url}."),
            LoadError::Ingest(error) => write!(f, "{error}"),
        }
    }
}

/// What the summary shows about the loaded file.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetFacts {
    /// Display name.
    pub name: String,
    /// Articles loaded.
    pub n_articles: usize,
    /// First and last publication time.
    pub span: Option<(Published, Published)>,
    /// Optional fields with values.
    pub fields_present: Vec<&'static str>,
    /// True for the bundled demo.
    pub is_demo: bool,
}

/// A loaded dataset: the store (handed to the dashboard once), the load report (without the
/// articles, which moved into the store) and the facts.
pub struct Loaded {
    store: Mutex<Option<Store>>,
    /// The load report.
    pub report: Arc<Ingested>,
    /// Summary facts.
    pub facts: DatasetFacts,
    /// The site's offset naive times were read in.
    pub site_offset: FixedOffset,
}

impl Loaded {
    /// Takes the store out (the first caller gets it).
    pub fn take_store(&self) -> Option<Store> {
        self.store.lock().ok()?.take()
    }
}

/// Parses `bytes` and builds the store.
pub fn load_bytes(bytes: &[u8], options: &ParseOptions, is_demo: bool) -> Result<Loaded, LoadError> {
    let mut ingested = ingest::parse(bytes, options).map_err(LoadError::Ingest)?;
    let dataset = std::mem::take(&mut ingested.dataset);
    let facts = DatasetFacts {
        name: options.name.clone(),
        n_articles: dataset.len(),
        span: dataset.date_span(),
        fields_present: dataset.fields_present(),
        is_demo,
    };
    let store = Store::build(dataset, TokenizerKind::Rich, options.site_offset);
    Ok(Loaded { store: Mutex::new(Some(store)), report: Arc::new(ingested), facts, site_offset: options.site_offset })
}

/// The `data` parameter of the page's URL: a dataset to fetch instead of the demo.
pub fn data_url_from_location() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let query = search.trim_start_matches('?');
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == "data")
        .map(|(_, value)| value.into_owned())
        .filter(|v| !v.is_empty())
}

/// "Now", the one clock read of the app: the default reference time of a file without a
/// Last-Modified date.
fn now() -> chrono::DateTime<FixedOffset> {
    #[expect(clippy::cast_possible_truncation, reason = "ms since the epoch fit an i64")]
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().fixed_offset()
}

/// Fetches `url` and loads it; the reference time for relative dates is the server's
/// Last-Modified time, or now.
pub async fn load_url(url: String) -> Result<Arc<Loaded>, LoadError> {
    let response = Request::get(&url).send().await.map_err(|e| {
        LoadError::Network(format!(
            "{e}. If the file is on another site, that site must allow it (CORS); or download it and open it here"
        ))
    })?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url });
    }
    let modified = response.headers().get("last-modified").and_then(|t| chrono::DateTime::parse_from_rfc2822(&t).ok());
    let bytes = response.binary().await.map_err(|e| LoadError::Network(e.to_string()))?;
    let name = url.rsplit('/').next().unwrap_or(&url).split('?').next().unwrap_or_default().to_owned();
    let options = ParseOptions { name, reference_time: Some(modified.unwrap_or_else(now)), ..ParseOptions::default() };
    load_bytes(&bytes, &options, false).map(Arc::new)
}

/// Loads the dataset the URL names, or the bundled demo.
pub async fn load_initial() -> Result<Arc<Loaded>, LoadError> {
    match data_url_from_location() {
        Some(url) => load_url(url).await,
        None => load_demo().await,
    }
}

/// Fetches, parses and indexes the bundled demo dataset.
pub async fn load_demo() -> Result<Arc<Loaded>, LoadError> {
    let url = demo::DEMO_PATH;
    let response = Request::get(url).send().await.map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url: url.to_owned() });
    }
    let bytes = response.binary().await.map_err(|e| LoadError::Network(e.to_string()))?;
    let options = ParseOptions {
        name: "Generated demo data (demo-scrape.txt)".to_owned(),
        reference_time: Some(demo::reference_time()),
        site_offset: FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS).unwrap_or(ParseOptions::default().site_offset),
        ..ParseOptions::default()
    };
    load_bytes(&bytes, &options, true).map(Arc::new)
}
