//! Building a `Store` in two phases, each in bounded steps so a page can yield in between.
//!
//! 1. `StoreBuilder` is an `ArticleSink`: a reader hands it each article in file order and it
//!    copies the fields into compact file-order columns (one text buffer per field, codes for
//!    categories). No owned `Article` is ever made.
//! 2. `into_indexer` sorts the rows by time and finds exact duplicates (same title and time)
//!    there, where they are neighbours, instead of in a hash table of every row while reading;
//!    it moves them from "loaded" to "duplicates" in the load report. `StoreIndexer` then copies
//!    the rows into the store in time order and tokenizes each title as it goes, so token lists
//!    are written once, already in time order. The postings and calendar keys come last.
//!
//! Contract: the report and the store equal those of reading into a `Dataset` and calling
//! `Store::build`, whatever the step sizes.

use super::store::{CLAUSE_BIT, NO_CATEGORY, NO_VIEWS, Store, TokenizerKind};
use super::text_column::TextColumn;
use super::time_keys::TimeKeys;
use super::tokenize::{for_each_plain_word, for_each_word};
use crate::ingest::{ArticleSink, Duplicate, Ingested};
use crate::model::{ArticleRef, LineNo, Outline};
use chrono::FixedOffset;
use rustc_hash::FxHashMap;

/// `ts_ms` of an article without a publication time.
const UNDATED: i64 = i64::MIN;

/// The articles' columns in file order, before sorting.
#[derive(Default)]
struct FileOrderColumns {
    ts_ms: Vec<i64>,
    has_time: Vec<bool>,
    views: Vec<u32>,
    category: Vec<u32>,
    titles: TextColumn,
    urls: TextColumn,
    bodies: TextColumn,
    lines: Vec<u32>,
}

/// Phase 1: collects articles into file-order columns. See the module contract.
pub struct StoreBuilder {
    columns: FileOrderColumns,
    tokenizer: TokenizerKind,
    /// Category codes in first-seen order, renumbered to sorted order by `into_indexer`.
    category_codes: FxHashMap<Box<str>, u32>,
    outline: Outline,
}

impl StoreBuilder {
    /// An empty builder expecting about `n_articles`.
    pub fn new(tokenizer: TokenizerKind, n_articles: usize) -> StoreBuilder {
        let n = n_articles;
        let columns = FileOrderColumns {
            ts_ms: Vec::with_capacity(n),
            has_time: Vec::with_capacity(n),
            views: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            titles: TextColumn::with_capacity(n, n * 60),
            urls: TextColumn::with_capacity(n, 0),
            bodies: TextColumn::with_capacity(n, 0),
            lines: Vec::with_capacity(n),
        };
        StoreBuilder { columns, tokenizer, category_codes: FxHashMap::default(), outline: Outline::default() }
    }

    /// Articles read so far (duplicates included until `into_indexer`).
    pub fn len(&self) -> usize {
        self.columns.ts_ms.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.columns.ts_ms.is_empty()
    }

    /// Date span and optional fields of the articles read so far.
    pub fn outline(&self) -> Outline {
        self.outline
    }

    /// Sorts the rows by time, records the duplicates in `report` (the report of the job that
    /// filled this builder) and starts phase 2, keying calendars in `time_zone`.
    pub fn into_indexer<D>(self, time_zone: FixedOffset, report: &mut Ingested<D>) -> StoreIndexer {
        let (indexer, duplicates) = self.into_indexer_and_duplicates(time_zone);
        report.n_loaded -= duplicates.len();
        report.duplicates.extend(duplicates);
        indexer
    }

    /// `into_indexer`, handing back the duplicates (in file order) instead of recording them.
    pub fn into_indexer_and_duplicates(self, time_zone: FixedOffset) -> (StoreIndexer, Vec<Duplicate>) {
        let StoreBuilder { mut columns, tokenizer, category_codes, .. } = self;
        let mut by_name: Vec<(Box<str>, u32)> = category_codes.into_iter().collect();
        by_name.sort_unstable();
        let mut renumber = vec![NO_CATEGORY; by_name.len()];
        for (sorted_code, (_, first_code)) in by_name.iter().enumerate() {
            renumber[*first_code as usize] = u32::try_from(sorted_code).unwrap_or(NO_CATEGORY);
        }
        for code in &mut columns.category {
            if *code != NO_CATEGORY {
                *code = renumber[*code as usize];
            }
        }
        let categories = by_name.into_iter().map(|(name, _)| name.into()).collect();
        let mut keyed: Vec<(i64, u32)> = columns
            .ts_ms
            .iter()
            .enumerate()
            .filter(|&(_, &ts)| ts != UNDATED)
            .map(|(i, &ts)| (ts, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        keyed.sort_unstable();
        let (order, undated, duplicates) = drop_duplicates(&keyed, &columns);
        drop(keyed);
        let n_undated = undated;
        let store = Store::with_capacity(
            order.len(),
            (columns.titles.heap_bytes(), columns.urls.heap_bytes(), columns.bodies.heap_bytes()),
            categories,
            n_undated,
            tokenizer,
            time_zone,
        );
        (StoreIndexer { columns, order, next: 0, store, scratch: String::new() }, duplicates)
    }

    /// Both phases run to the end.
    pub fn finish<D>(self, time_zone: FixedOffset, report: &mut Ingested<D>) -> Store {
        let mut indexer = self.into_indexer(time_zone, report);
        while !indexer.step(usize::MAX) {}
        indexer.finish()
    }
}

impl ArticleSink for StoreBuilder {
    fn keep(&mut self, article: ArticleRef<'_>) -> Result<(), LineNo> {
        // Duplicates are found after sorting (see the module contract), so every article is kept here.
        let columns = &mut self.columns;
        let ts = article.published_at.map_or(UNDATED, |p| p.unix_ms());
        self.outline.add(&article);
        columns.ts_ms.push(ts);
        columns.has_time.push(article.published_at.is_some_and(|p| p.has_time_of_day));
        columns.views.push(article.views.map_or(NO_VIEWS, |v| u32::try_from(v).unwrap_or(NO_VIEWS - 1)));
        let code = article.category.map_or(NO_CATEGORY, |name| match self.category_codes.get(name) {
            Some(&code) => code,
            None => {
                let code = u32::try_from(self.category_codes.len()).unwrap_or(NO_CATEGORY);
                self.category_codes.insert(name.into(), code);
                code
            }
        });
        columns.category.push(code);
        columns.titles.push(&article.title);
        columns.urls.push(article.url.unwrap_or_default());
        columns.bodies.push(article.body.unwrap_or_default());
        columns.lines.push(article.line.get());
        Ok(())
    }
}

/// The time order without exact duplicates, the number of undated articles kept, and the
/// duplicates in file order. `keyed` is (instant, file row) of the dated rows, sorted, so copies
/// of one article are neighbours and the first of them is the earliest in the file.
fn drop_duplicates(keyed: &[(i64, u32)], columns: &FileOrderColumns) -> (Vec<u32>, usize, Vec<Duplicate>) {
    let mut order = Vec::with_capacity(keyed.len());
    let mut dropped: Vec<(u32, u32)> = Vec::new(); // (dropped row, kept row)
    let mut start = 0;
    while start < keyed.len() {
        let ts = keyed[start].0;
        let end = start + keyed[start..].iter().take_while(|k| k.0 == ts).count();
        let run = keyed[start..end].iter().map(|&(_, row)| row);
        if end - start <= 16 {
            let first = order.len();
            for row in run {
                let title = columns.titles.get(row as usize);
                match order[first..].iter().find(|&&kept| columns.titles.get(kept as usize) == title) {
                    Some(&kept) => dropped.push((row, kept)),
                    None => order.push(row),
                }
            }
        } else {
            keep_first_by_title(run, columns, &mut order, &mut dropped);
        }
        start = end;
    }
    let n_before = order.len();
    let undated = (0..columns.ts_ms.len()).filter(|&i| columns.ts_ms[i] == UNDATED);
    let mut undated_kept = Vec::new();
    keep_first_by_title(
        undated.map(|i| u32::try_from(i).unwrap_or(u32::MAX)),
        columns,
        &mut undated_kept,
        &mut dropped,
    );
    debug_assert_eq!(order.len(), n_before);
    dropped.sort_unstable();
    let line = |row: u32| LineNo::new(columns.lines[row as usize] as usize);
    let duplicates =
        dropped.into_iter().map(|(row, kept)| Duplicate { line: line(row), first_line: line(kept) }).collect();
    (order, undated_kept.len(), duplicates)
}

/// Pushes onto `kept` each row of `rows` whose title was not seen before among them, and onto
/// `dropped` the others with the row they copy.
fn keep_first_by_title(
    rows: impl Iterator<Item = u32>,
    columns: &FileOrderColumns,
    kept: &mut Vec<u32>,
    dropped: &mut Vec<(u32, u32)>,
) {
    let mut first_by_title: FxHashMap<&str, u32> = FxHashMap::default();
    for row in rows {
        match first_by_title.entry(columns.titles.get(row as usize)) {
            std::collections::hash_map::Entry::Occupied(first) => dropped.push((row, *first.get())),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row);
                kept.push(row);
            }
        }
    }
}

/// Phase 2: rows copied into time order and tokenized, a bounded number per step.
pub struct StoreIndexer {
    columns: FileOrderColumns,
    /// File-order row of each time-order row.
    order: Vec<u32>,
    /// Time-order rows done so far.
    next: usize,
    store: Store,
    scratch: String,
}

impl StoreIndexer {
    /// Indexes up to `budget` more rows; true when every row is in.
    pub fn step(&mut self, budget: usize) -> bool {
        let stop = self.next.saturating_add(budget).min(self.order.len());
        let (file, store) = (&self.columns, &mut self.store);
        for &index in &self.order[self.next..stop] {
            let i = index as usize;
            store.ts_ms.push(file.ts_ms[i]);
            store.has_time.push(file.has_time[i]);
            store.views.push(file.views[i]);
            store.category.push(file.category[i]);
            store.urls.push(file.urls.get(i));
            store.bodies.push(file.bodies.get(i));
            store.lines.push(file.lines[i]);
            let title = file.titles.get(i);
            store.titles.push(title);
            let (tokens, vocab) = (&mut store.tokens, &mut store.vocab);
            match store.tokenizer {
                TokenizerKind::Rich => for_each_word(title, &mut self.scratch, |word| {
                    let id = vocab.intern(word.token);
                    tokens.push(if word.starts_clause { id | CLAUSE_BIT } else { id });
                }),
                TokenizerKind::Plain => for_each_plain_word(title, |token| tokens.push(vocab.intern(token))),
            }
            store.token_ends.push(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
        }
        self.next = stop;
        self.next >= self.order.len()
    }

    /// Share of the rows indexed.
    pub fn fraction(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
        let fraction = self.next as f64 / self.order.len().max(1) as f64;
        fraction
    }

    /// The store, with postings and calendar keys (indexes any rows left first).
    pub fn finish(mut self) -> Store {
        while !self.step(usize::MAX) {}
        drop(self.columns);
        let mut store = self.store;
        store.finish_vocab();
        store.keys = TimeKeys::compute(&store.ts_ms, &store.has_time, store.keys.offset);
        store
    }
}

/// Reads a whole file (any accepted format, gzip or not) straight into a store: the load
/// report, and the store keyed in the options' site time zone.
pub fn read_store(
    bytes: &[u8],
    options: &crate::ingest::ParseOptions,
    tokenizer: TokenizerKind,
) -> Result<(crate::ingest::Ingested<()>, Store), crate::ingest::IngestError> {
    let bytes = crate::ingest::decompress(bytes)?;
    let decoded = crate::ingest::decode(&bytes)?;
    let mut builder = StoreBuilder::new(tokenizer, 0);
    let mut report = crate::ingest::Job::start(&decoded, options, &mut builder)?.finish()?;
    let store = builder.finish(options.site_offset, &mut report);
    Ok((report, store))
}
