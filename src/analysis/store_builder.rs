//! Building a `Store` in two phases, each in bounded steps so a page can yield in between.
//!
//! 1. `StoreBuilder` is an `ArticleSink`: a reader hands it each article in file order and it
//!    copies the fields into compact file-order columns (one text buffer per field, codes for
//!    categories), refusing exact duplicates. No owned `Article` is ever made.
//! 2. `StoreIndexer` sorts the rows by time, then copies them into the store in time order and
//!    tokenizes each title as it goes, so token lists are written once, already in time order.
//!    The postings and calendar keys are built at the end.
//!
//! Contract: the result equals `Store::build` on the same articles, whatever the step sizes.

use super::store::{CLAUSE_BIT, NO_CATEGORY, NO_VIEWS, Store, TokenizerKind};
use super::text_column::TextColumn;
use super::time_keys::TimeKeys;
use super::tokenize::{for_each_plain_word, for_each_word};
use crate::ingest::{ArticleSink, DedupeIndex};
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
    seen: DedupeIndex,
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
        StoreBuilder {
            columns,
            tokenizer,
            category_codes: FxHashMap::default(),
            seen: DedupeIndex::with_capacity(n),
            outline: Outline::default(),
        }
    }

    /// Articles kept so far.
    pub fn len(&self) -> usize {
        self.columns.ts_ms.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.columns.ts_ms.is_empty()
    }

    /// Date span and optional fields of the articles kept so far.
    pub fn outline(&self) -> Outline {
        self.outline
    }

    /// Sorts the rows by time and starts phase 2, keying calendars in `time_zone`.
    pub fn into_indexer(self, time_zone: FixedOffset) -> StoreIndexer {
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
        let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
        let n_undated = columns.ts_ms.len() - order.len();
        let store = Store::with_capacity(
            order.len(),
            (columns.titles.heap_bytes(), columns.urls.heap_bytes(), columns.bodies.heap_bytes()),
            categories,
            n_undated,
            tokenizer,
            time_zone,
        );
        StoreIndexer { columns, order, next: 0, store, scratch: String::new() }
    }

    /// Both phases run to the end.
    pub fn finish(self, time_zone: FixedOffset) -> Store {
        let mut indexer = self.into_indexer(time_zone);
        while !indexer.step(usize::MAX) {}
        indexer.finish()
    }
}

impl ArticleSink for StoreBuilder {
    fn keep(&mut self, article: ArticleRef<'_>) -> Result<(), LineNo> {
        let columns = &mut self.columns;
        let ts = article.published_at.map_or(UNDATED, |p| p.unix_ms());
        let position = u32::try_from(columns.ts_ms.len()).unwrap_or(u32::MAX);
        let kept = &*columns;
        let is_same = |i: u32| kept.ts_ms[i as usize] == ts && kept.titles.get(i as usize) == article.title;
        let ms = (ts != UNDATED).then_some(ts);
        if let Some(earlier) = self.seen.earlier_copy(&article.title, ms, position, is_same) {
            return Err(LineNo::new(columns.lines[earlier as usize] as usize));
        }
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
    let report = crate::ingest::Job::start(&decoded, options, &mut builder)?.finish()?;
    Ok((report, builder.finish(options.site_offset)))
}
