//! Loading a dataset: from a file the user opens or drops, from `?data=<url>`, or the bundled
//! demo. Reading, parsing and indexing run in batches that yield to the browser, so the page
//! stays responsive, shows progress and can cancel. Every failure becomes one `LoadError`.

use super::checksum::Checksum;
use crate::analysis::{StoreBuilder, TokenizerKind};
use crate::demo;
use crate::ingest::{self, IngestError, Job, ParseOptions};
use chrono::FixedOffset;
use gloo_net::http::Request;
use std::sync::Arc;
use wasm_bindgen::JsCast;

pub use super::load_types::{DataSource, DatasetFacts, LoadError, LoadStatus, LoadTicket, Loaded, ReadSettings};

/// Records parsed (or articles indexed) between two yields to the browser.
const BATCH: usize = 25_000;
/// Bytes read from a file between two progress updates.
const READ_CHUNK: f64 = 8.0 * 1024.0 * 1024.0;

/// Milliseconds since the page started (monotonic), for the load time shown to the user.
fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Loads `source` with `settings`.
pub async fn load_source(source: DataSource, settings: ReadSettings, ticket: LoadTicket) -> Result<Loaded, LoadError> {
    match source {
        DataSource::File(file) => load_file(file, settings, ticket).await,
        DataSource::Url(url) => load_url(url, settings, ticket).await,
        DataSource::Demo => load_demo(settings, ticket).await,
    }
}

/// Milliseconds spent in each phase of a load.
struct Phases {
    done: Vec<(&'static str, f64)>,
    since: f64,
}

impl Phases {
    fn new(started: f64) -> Phases {
        Phases { done: Vec::new(), since: started }
    }

    /// Ends the phase called `name`.
    fn lap(&mut self, name: &'static str) {
        let now = performance_now();
        self.done.push((name, now - self.since));
        self.since = now;
    }
}

/// Lets the browser paint and handle input before the next batch. A message to ourselves is a
/// new task at once; `setTimeout(0)` would wait at least 4 ms from the fifth nested call on
/// (80 yields for a million rows: a third of a second doing nothing).
pub(super) async fn yield_to_browser() {
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = channel.as_ref().is_some_and(|channel| {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok()
        });
        if !posted && let Some(window) = web_sys::window() {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    // Held until the message arrived: ports that nothing references may be collected together
    // with the message in flight, and the load would never resume.
    drop(channel);
}

/// Parses and indexes `bytes` in batches, reporting progress on `ticket`.
/// Takes the bytes by value so they are freed before the store is built (wasm memory never
/// shrinks, so the peak is what counts).
pub async fn load_bytes(
    mut bytes: Vec<u8>,
    checksum: Checksum,
    options: &ParseOptions,
    is_demo: bool,
    ticket: LoadTicket,
) -> Result<Loaded, LoadError> {
    // The file's own size (the export manifest's), before any decompression.
    let n_bytes = bytes.len();
    #[expect(clippy::cast_precision_loss, reason = "display only")]
    let total_bytes = bytes.len() as f64;
    let name = options.name.clone();
    let status = move |phase, fraction, n_records| LoadStatus {
        name: name.clone(),
        phase,
        fraction,
        bytes: (total_bytes, total_bytes),
        n_records,
    };
    let started = performance_now();
    let mut phases = Phases::new(started);
    if ingest::gzip::is_gzip(&bytes) {
        ticket.report(status("Decompressing", 0.3, 0));
        bytes = inflated(bytes, &ticket).await?;
        phases.lap("decompress");
    }
    let remembered;
    let options = match remembered_mapping(&bytes, options) {
        Some(mapping) => {
            remembered = ParseOptions { mapping, ..options.clone() };
            &remembered
        }
        None => options,
    };
    let head = bytes[..bytes.len().min(64 * 1024)].to_vec();
    phases.lap("mapping");
    let decompressed = ingest::decompress(&bytes).map_err(LoadError::Ingest)?;
    let decoded = ingest::decode(&decompressed).map_err(LoadError::Ingest)?;
    phases.lap("decode");
    // Titles stay where they are in `decoded` until the indexer has copied them into time
    // order (the text lives that long: 60 MB less to copy and hold at a million rows).
    let mut builder = StoreBuilder::over(&decoded.text, TokenizerKind::Rich, 0);
    let mut job = Job::start(&decoded, options, &mut builder).map_err(|error| match error {
        IngestError::MissingRole { .. } | IngestError::NoSuchColumn { .. } => LoadError::NeedsMapping {
            error: Box::new(error),
            head: head.clone(),
            settings: Box::new(ReadSettings {
                mapping: options.mapping.clone(),
                date_order: options.date_order,
                reference_time: options.reference_time,
                site_offset: Some(options.site_offset),
            }),
        },
        other => LoadError::Ingest(other),
    })?;
    loop {
        let done = job.step(BATCH);
        let progress = job.progress();
        ticket.report(status("Parsing", 0.3 + 0.4 * progress.fraction, progress.n_records));
        yield_to_browser().await;
        ticket.check()?;
        if done {
            break;
        }
    }
    let mut report = job.finish().map_err(LoadError::Ingest)?;
    phases.lap("parse");
    let input = checksum.finish(&options.name, n_bytes).await;
    phases.lap("checksum wait");
    let outline = builder.outline();
    let mut indexer = builder.into_indexer(options.site_offset, &mut report);
    phases.lap("sort");
    let facts = DatasetFacts {
        name: options.name.clone(),
        n_bytes,
        n_articles: report.n_loaded(),
        span: outline.span(),
        fields_present: outline.fields_present(),
        is_demo,
        load_ms: 0.0,
        load_phases: Vec::new(),
        input,
        format: report.format.name(),
    };
    while !indexer.step(BATCH) {
        ticket.report(status("Indexing", 0.7 + 0.25 * indexer.fraction(), report.n_records));
        yield_to_browser().await;
        ticket.check()?;
    }
    let unfinished = indexer.into_unfinished();
    phases.lap("tokenize");
    // The text read is freed before the postings are built, so that they take its place in
    // wasm memory, which never shrinks (`StoreIndexer::into_unfinished`).
    drop(decoded);
    drop(decompressed);
    drop(bytes);
    // Each word's count of rows is enough for the first dashboard; the rows themselves are
    // listed once it is drawn and the page is idle (`Dash::warm_up_search`).
    let store = unfinished.finish_listing_later();
    phases.lap("counts");
    let facts = DatasetFacts { load_ms: performance_now() - started, load_phases: phases.done, ..facts };
    let settings = ReadSettings {
        mapping: options.mapping.clone(),
        date_order: options.date_order,
        reference_time: options.reference_time,
        site_offset: Some(options.site_offset),
    };
    Ok(Loaded::new(store, Arc::new(report), facts, options.site_offset, head, settings))
}

/// The bytes of a gzip file, inflated by the browser (Cancel works meanwhile); the compressed
/// ones are freed here.
async fn inflated(compressed: Vec<u8>, ticket: &LoadTicket) -> Result<Vec<u8>, LoadError> {
    let keep_going = || ticket.check().is_ok();
    super::gunzip::gunzip(&compressed, ingest::MAX_DECOMPRESSED_BYTES, &keep_going).await.map_err(|stop| match stop {
        super::gunzip::Stop::Error(error) => LoadError::Ingest(error),
        super::gunzip::Stop::Stopped => LoadError::Cancelled,
    })
}

/// The mapping the user chose before for a file with this header, if they set none now.
fn remembered_mapping(bytes: &[u8], options: &ParseOptions) -> Option<ingest::FieldMapping> {
    if options.mapping != ingest::FieldMapping::default() {
        return None;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let preview = ingest::preview::preview(head, options, 0).ok()?;
    super::browser::saved_mapping(&preview.header_signature())
}

/// "Now", the one clock read of the app: the default reference time of a file without a
/// modification date.
fn now() -> chrono::DateTime<FixedOffset> {
    #[expect(clippy::cast_possible_truncation, reason = "ms since the epoch fit an i64")]
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().fixed_offset()
}

/// Files from this size on are worth readying the load path for (`demo::warm_up`, 60 – 130 ms
/// of the page's thread): reading or downloading them takes longer, and their load gains more.
const WARM_UP_FROM_BYTES: u64 = 32 << 20;

/// Readies the load path for a file of `n_bytes` while it is read or downloaded: the warm-up
/// runs at the caller's next `await` (the first chunk or the body in flight).
fn warm_up_for(n_bytes: u64) {
    if n_bytes >= WARM_UP_FROM_BYTES {
        wasm_bindgen_futures::spawn_local(async { demo::warm_up::warm_up() });
    }
}

/// Reads a file the user chose, in chunks with progress, then loads it. The reference time for
/// relative dates is the file's last-modified time.
pub async fn load_file(file: web_sys::File, settings: ReadSettings, ticket: LoadTicket) -> Result<Loaded, LoadError> {
    let total = file.size();
    let name = file.name();
    // The browser hashes the file in a worker while it is read and parsed here.
    let checksum = Checksum::of_file(&file);
    warm_up_for(total as u64);
    let mut bytes = Vec::with_capacity(usize::try_from(total as u64).unwrap_or(0));
    let mut offset = 0.0;
    while offset < total {
        let end = (offset + READ_CHUNK).min(total);
        let blob = file.slice_with_f64_and_f64(offset, end).map_err(|e| LoadError::File(format!("{e:?}")))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .map_err(|e| LoadError::File(format!("{e:?}")))?;
        // Straight into the buffer's spare room (`to_vec` would copy twice).
        let chunk = js_sys::Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        offset = end;
        ticket.report(LoadStatus {
            name: name.clone(),
            phase: "Reading",
            fraction: 0.3 * offset / total.max(1.0),
            bytes: (offset, total),
            n_records: 0,
        });
        ticket.check()?;
    }
    #[expect(clippy::cast_possible_truncation, reason = "ms since the epoch fit an i64")]
    let modified = chrono::DateTime::from_timestamp_millis(file.last_modified() as i64).map(|t| t.fixed_offset());
    let options = settings.apply(ParseOptions {
        name,
        reference_time: Some(modified.unwrap_or_else(now)),
        ..ParseOptions::default()
    });
    load_bytes(bytes, checksum, &options, false, ticket).await
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

/// Fetches `url` and loads it; the reference time for relative dates is the server's
/// Last-Modified time, or now.
pub async fn load_url(url: String, settings: ReadSettings, ticket: LoadTicket) -> Result<Loaded, LoadError> {
    let name = url.rsplit('/').next().unwrap_or(&url).split('?').next().unwrap_or_default().to_owned();
    ticket.report(LoadStatus {
        name: name.clone(),
        phase: "Downloading",
        fraction: 0.05,
        bytes: (0.0, 0.0),
        n_records: 0,
    });
    let response = Request::get(&url).send().await.map_err(|e| {
        LoadError::Network(format!(
            "{e}. If the file is on another site, that site must allow it (CORS); otherwise download it and open it here"
        ))
    })?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url });
    }
    // (An integer: parsing a float would add 14 KB of wasm.)
    warm_up_for(response.headers().get("content-length").and_then(|n| n.parse().ok()).unwrap_or(0));
    let modified = response.headers().get("last-modified").and_then(|t| chrono::DateTime::parse_from_rfc2822(&t).ok());
    let (bytes, checksum) = body_bytes(response).await?;
    ticket.check()?;
    let options = settings.apply(ParseOptions {
        name,
        reference_time: Some(modified.unwrap_or_else(now)),
        ..ParseOptions::default()
    });
    load_bytes(bytes, checksum, &options, false, ticket).await
}

/// The body of `response` copied into wasm memory, and its digest started in a worker on the
/// downloaded buffer itself.
async fn body_bytes(response: gloo_net::http::Response) -> Result<(Vec<u8>, Checksum), LoadError> {
    let network = |e: wasm_bindgen::JsValue| LoadError::Network(format!("{e:?}"));
    let buffer =
        wasm_bindgen_futures::JsFuture::from(web_sys::Response::from(response).array_buffer().map_err(network)?)
            .await
            .map_err(network)?
            .dyn_into::<js_sys::ArrayBuffer>()
            .map_err(network)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok((bytes, Checksum::of_buffer(&buffer)))
}

/// Fetches, parses and indexes the bundled demo dataset.
pub async fn load_demo(settings: ReadSettings, ticket: LoadTicket) -> Result<Loaded, LoadError> {
    let url = demo::DEMO_PATH;
    ticket.report(LoadStatus {
        name: "demo".into(),
        phase: "Downloading",
        fraction: 0.05,
        bytes: (0.0, 0.0),
        n_records: 0,
    });
    let response = Request::get(url).send().await.map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url: url.to_owned() });
    }
    let (bytes, checksum) = body_bytes(response).await?;
    let options = ParseOptions {
        name: "Generated demo data (demo-scrape.txt)".to_owned(),
        reference_time: Some(demo::reference_time()),
        site_offset: FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS).unwrap_or(ParseOptions::default().site_offset),
        ..ParseOptions::default()
    };
    load_bytes(bytes, checksum, &settings.apply(options), true, ticket).await
}

/// The first file of a drop or a file input's change event.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files?.get(0)
}

/// The file input behind an event.
pub fn input_files(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()
}
