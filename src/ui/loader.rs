//! The page's dataset slot: which dataset is shown, which load is running (with its progress),
//! and the last whole-file error. A new dataset replaces the shown one only when it is ready.

use super::load::{DataSource, LoadError, LoadStatus, LoadTicket, Loaded, ReadSettings, load_source};
use super::read_settings::MappingInput;
use super::state::Shared;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::sync::Arc;

/// The loading context; `Copy`.
#[derive(Clone, Copy)]
pub struct Loader {
    /// The dataset shown.
    pub current: RwSignal<Option<Shared<Loaded>>>,
    /// The running load's progress.
    pub status: RwSignal<Option<LoadStatus>>,
    /// Load generation; bumping it cancels the running load.
    pub generation: RwSignal<u64>,
    /// The last whole-file error, in one sentence.
    pub error: RwSignal<Option<String>>,
    /// A file that needs its columns mapped before it can load (no title or time column found).
    pub needs_mapping: RwSignal<Option<Shared<MappingInput>>>,
    /// Where the shown (or loading) dataset comes from, to read it again.
    pub source: StoredValue<Option<DataSource>, LocalStorage>,
}

impl Loader {
    /// An empty slot.
    pub fn new() -> Loader {
        Loader {
            current: RwSignal::new(None),
            status: RwSignal::new(None),
            generation: RwSignal::new(0),
            error: RwSignal::new(None),
            needs_mapping: RwSignal::new(None),
            source: StoredValue::new_local(None),
        }
    }

    /// Starts a load (cancelling any running one); the result replaces the dataset shown.
    pub fn start<F, Fut>(&self, work: F)
    where
        F: FnOnce(LoadTicket) -> Fut + 'static,
        Fut: Future<Output = Result<Loaded, LoadError>> + 'static,
    {
        let loader = *self;
        let mine = self.generation.get_untracked() + 1;
        self.generation.set(mine);
        self.error.set(None);
        self.needs_mapping.set(None);
        let ticket = LoadTicket { status: self.status, generation: self.generation, mine };
        spawn_local(async move {
            let result = work(ticket).await;
            if loader.generation.get_untracked() != mine {
                return; // superseded or cancelled
            }
            loader.status.set(None);
            match result {
                Ok(loaded) => loader.current.set(Some(Shared(Arc::new(loaded)))),
                Err(LoadError::NeedsMapping { error, head, settings }) => {
                    loader.error.set(Some(format!("{error}. Choose the columns below and read the file again.")));
                    loader
                        .needs_mapping
                        .set(MappingInput::of_head(head, *settings).map(|input| Shared(Arc::new(input))));
                }
                Err(error) => loader.error.set(Some(error.to_string())),
            }
        });
    }

    /// Loads `source` with `settings`, remembering the source for a later re-read.
    pub fn open(&self, source: DataSource, settings: ReadSettings) {
        self.source.set_value(Some(source.clone()));
        self.start(move |ticket| load_source(source, settings, ticket));
    }

    /// Reads the current source again with other settings.
    pub fn reread(&self, settings: ReadSettings) {
        if let Some(source) = self.source.get_value() {
            self.open(source, settings);
        }
    }

    /// Cancels the running load; the dataset shown stays.
    pub fn cancel(&self) {
        self.generation.update(|g| *g += 1);
        self.status.set(None);
        self.error.set(Some(LoadError::Cancelled.to_string()));
    }
}

/// The loading context.
pub fn use_loader() -> Loader {
    expect_context::<Loader>()
}
