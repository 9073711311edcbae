//! The values a load produces and is steered by: the loaded dataset, its facts, the user's read
//! settings, where it came from, progress, cancellation and the one error it may end in.

use crate::analysis::Store;
use crate::export::manifest::InputFile;
use crate::ingest::{self, IngestError, Ingested, ParseOptions};
use crate::model::Published;
use chrono::FixedOffset;
use leptos::prelude::*;
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
    /// The browser could not read the file.
    File(String),
    /// The user cancelled (or started another load).
    Cancelled,
    /// No title or time column was found: the user can map them.
    NeedsMapping {
        /// What was missing.
        error: Box<IngestError>,
        /// The file's first 64 KiB, for the dialog's preview.
        head: Vec<u8>,
        /// The settings of the attempt.
        settings: Box<ReadSettings>,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(message) => write!(f, "The dataset could not be fetched: {message}"),
            LoadError::Http { status, url } => write!(f, "The server answered {status} for {url}."),
            LoadError::Ingest(error) => write!(f, "{error}"),
            LoadError::File(message) => write!(f, "The file could not be read: {message}"),
            LoadError::Cancelled => write!(f, "Loading was cancelled; the previous dataset is still shown."),
            LoadError::NeedsMapping { error, .. } => write!(f, "{error}"),
        }
    }
}

/// What the summary shows about the loaded file.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetFacts {
    /// Display name.
    pub name: String,
    /// Size of the input in bytes.
    pub n_bytes: usize,
    /// Articles loaded.
    pub n_articles: usize,
    /// First and last publication time.
    pub span: Option<(Published, Published)>,
    /// Optional fields with values.
    pub fields_present: Vec<&'static str>,
    /// True for the bundled demo.
    pub is_demo: bool,
    /// Milliseconds from the start of parsing to a ready store.
    pub load_ms: f64,
    /// How `load_ms` divides into phases (name, milliseconds), in order.
    pub load_phases: Vec<(&'static str, f64)>,
    /// Name, size and SHA-256 of the input, for export manifests.
    pub input: InputFile,
    /// The format read.
    pub format: &'static str,
}

/// A loaded dataset: the store (handed to the dashboard once), the load report (without the
/// articles, which moved into the store) and the facts.
pub struct Loaded {
    store: Mutex<Option<Store>>,
    /// The load report.
    pub report: Arc<Ingested<()>>,
    /// Summary facts.
    pub facts: DatasetFacts,
    /// The site's offset naive times were read in.
    pub site_offset: FixedOffset,
    /// The first 64 KiB of the input, for the mapping dialog's preview.
    pub head: Vec<u8>,
    /// The settings it was read with.
    pub settings: ReadSettings,
}

impl Loaded {
    /// A loaded dataset whose store the dashboard will take.
    pub fn new(
        store: Store,
        report: Arc<Ingested<()>>,
        facts: DatasetFacts,
        site_offset: FixedOffset,
        head: Vec<u8>,
        settings: ReadSettings,
    ) -> Loaded {
        Loaded { store: Mutex::new(Some(store)), report, facts, site_offset, head, settings }
    }

    /// Takes the store out (the first caller gets it).
    pub fn take_store(&self) -> Option<Store> {
        self.store.lock().ok()?.take()
    }
}

/// The user's choices for reading a file: column roles, date order, reference time, site
/// offset. Unset choices are detected (or default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadSettings {
    /// Column roles chosen in the mapping dialog.
    pub mapping: ingest::FieldMapping,
    /// `M/D/Y` or `D/M/Y`, when the user decided.
    pub date_order: Option<ingest::DateOrder>,
    /// "Now" for relative dates, when the user set it.
    pub reference_time: Option<chrono::DateTime<FixedOffset>>,
    /// The site's offset for times without one, when the user set it.
    pub site_offset: Option<FixedOffset>,
}

impl ReadSettings {
    /// `options` with these choices applied.
    pub fn apply(&self, mut options: ParseOptions) -> ParseOptions {
        options.mapping = self.mapping.clone();
        options.date_order = self.date_order.or(options.date_order);
        options.reference_time = self.reference_time.or(options.reference_time);
        options.site_offset = self.site_offset.unwrap_or(options.site_offset);
        options
    }
}

/// Where a dataset came from, so it can be read again with other settings.
#[derive(Clone, Debug)]
pub enum DataSource {
    /// A file the user opened or dropped.
    File(web_sys::File),
    /// `?data=<url>`.
    Url(String),
    /// The bundled demo.
    Demo,
}

/// Where a load is, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadStatus {
    /// The file's name.
    pub name: String,
    /// What is happening.
    pub phase: &'static str,
    /// 0 to 1 within the whole load.
    pub fraction: f64,
    /// Bytes read so far and in all.
    pub bytes: (f64, f64),
    /// Records read so far.
    pub n_records: usize,
}

/// A running load's handle: its progress and whether it is still wanted.
#[derive(Clone, Copy)]
pub struct LoadTicket {
    /// Progress for the page.
    pub status: RwSignal<Option<LoadStatus>>,
    /// Incremented to cancel; a load whose number is stale stops at its next batch.
    pub generation: RwSignal<u64>,
    /// This load's number.
    pub mine: u64,
}

impl LoadTicket {
    /// `Err(Cancelled)` once a newer load started or the user cancelled.
    pub fn check(&self) -> Result<(), LoadError> {
        if self.generation.get_untracked() == self.mine { Ok(()) } else { Err(LoadError::Cancelled) }
    }

    /// Shows `status`, if this load is still the current one.
    pub fn report(&self, status: LoadStatus) {
        if self.generation.get_untracked() == self.mine {
            self.status.set(Some(status));
        }
    }
}
