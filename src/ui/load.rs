//! Fetching and parsing a dataset; every failure becomes one `LoadError`, shown once.

use crate::demo;
use crate::ingest::{self, IngestError, Ingested, ParseOptions};
use gloo_net::http::Request;
use std::fmt;
use std::sync::Arc;

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

/// Fetches and parses the bundled demo dataset.
pub async fn load_demo() -> Result<Arc<Ingested>, LoadError> {
    let url = demo::DEMO_PATH;
    let response = Request::get(url).send().await.map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url: url.to_owned() });
    }
    let bytes = response.binary().await.map_err(|e| LoadError::Network(e.to_string()))?;
    let options = ParseOptions {
        name: "Generated demo data (demo-scrape.txt)".to_owned(),
        reference_time: Some(demo::reference_time()),
        site_offset: chrono::FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS)
            .unwrap_or(ParseOptions::default().site_offset),
        ..ParseOptions::default()
    };
    ingest::parse(&bytes, &options).map(Arc::new).map_err(LoadError::Ingest)
}
