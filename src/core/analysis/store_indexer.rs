//! Phase 2 of building a `Store` (phase 1 is `store_builder`): the kept rows, already sorted
//! by time, copied into the store's columns and their titles tokenized — a bounded number of
//! rows per `step` on the page, or natively one contiguous share of the rows per core — then
//! the postings and calendar keys.
//!
//! Contract: the store is the same whatever the step sizes or the number of shares; token ids
//! are in first-seen order (tests in `tests/native/store_builder.rs`).

use super::store::Store;
use super::store_builder::{FileOrder, Row};
#[cfg(not(target_arch = "wasm32"))]
use super::text_column::TextColumn;
use super::time_keys::TimeKeys;
#[cfg(not(target_arch = "wasm32"))]
use super::vocab::Vocab;
use headline_trends_kernels::file_rows::{Columns, copy_fields, copy_titles};
#[cfg(not(target_arch = "wasm32"))]
use headline_trends_kernels::token_lists::OwnedTokenLists;
use headline_trends_kernels::token_lists::{TokenLists, tokenize_rows};

/// Phase 2: rows copied into time order and tokenized, a bounded number per step.
pub struct StoreIndexer<'t> {
    file: FileOrder<'t>,
    /// The kept dated rows in time order.
    order: Vec<Row>,
    /// Rows done so far.
    next: usize,
    store: Store,
    scratch: String,
}

impl<'t> StoreIndexer<'t> {
    /// Phase 2 for the kept dated rows `order` (in time order) of `file`, into `store`.
    pub(super) fn new(file: FileOrder<'t>, order: Vec<Row>, store: Store) -> StoreIndexer<'t> {
        StoreIndexer { file, order, next: 0, store, scratch: String::new() }
    }

    /// Indexes up to `budget` more rows; true when every row is in.
    pub fn step(&mut self, budget: usize) -> bool {
        let stop = self.next.saturating_add(budget).min(self.order.len());
        let first_row = self.store.titles.len();
        self.copy_columns(stop);
        let store = &mut self.store;
        let rows = first_row..store.titles.len();
        let mut out = TokenLists { vocab: &mut store.vocab, tokens: &mut store.tokens, ends: &mut store.token_ends };
        tokenize_rows(&store.titles, rows, store.tokenizer, &mut self.scratch, &mut out);
        self.next >= self.order.len()
    }

    /// Copies the columns of the rows up to `stop` into time order, titles included: the
    /// titles, scattered over the file-order buffer, are fetched in a tight loop whose reads
    /// overlap in the memory system, so that tokenizing then reads the store's own title
    /// column front to back.
    fn copy_columns(&mut self, stop: usize) {
        let (file, store) = (&self.file, &mut self.store);
        let rows = &self.order[self.next..stop];
        copy_fixed_columns(file, rows, store);
        copy_titles(rows, file.titles(), &mut store.titles);
        self.next = stop;
    }

    /// Indexes every row left: natively on every core (`index_rest_in_shares`, for 50,000 rows
    /// or more a core), in wasm in one go.
    pub fn index_rest(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            const MIN_ROWS_A_THREAD: usize = 50_000;
            let n_threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            self.index_rest_in_shares(n_threads.min(self.order.len().saturating_sub(self.next) / MIN_ROWS_A_THREAD));
        }
        while !self.step(usize::MAX) {}
    }

    /// Indexes every row left in `n_shares` contiguous shares of the rows, one thread each (at
    /// least one share): each thread copies its titles into time order and tokenizes them with a vocabulary of its own; the shares are merged in row order, interning each share's new tokens in their
    /// first-seen order, so ids, token lists and vocabulary equal those of `step` on one thread.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn index_rest_in_shares(&mut self, n_shares: usize) {
        let rows = &self.order[self.next..];
        let n_shares = n_shares.clamp(1, rows.len().max(1));
        // The calling thread also copies the fixed-size columns (3 – 4 % of the work of
        // tokenizing a share) while the others tokenize, so its own share is smaller.
        let mut bounds = vec![0];
        if n_shares == 1 {
            bounds.push(rows.len());
        } else {
            let first_share = rows.len() * 97 / (100 * n_shares);
            let rest = rows.len() - first_share;
            bounds.extend((0..n_shares).map(|i| first_share + rest * i / (n_shares - 1)));
        }
        let (file, store) = (&self.file, &mut self.store);
        let tokenizer = store.tokenizer;
        let others: Vec<(TextColumn, OwnedTokenLists)> = std::thread::scope(|scope| {
            let handles: Vec<_> = bounds[1..]
                .windows(2)
                .map(|share| {
                    let share = &rows[share[0]..share[1]];
                    scope.spawn(move || {
                        let n_bytes = share.iter().map(Row::title_len).sum();
                        let mut titles = TextColumn::with_capacity(share.len(), n_bytes);
                        copy_titles(share, file.titles(), &mut titles);
                        // As `Store::with_capacity` reserves: ten tokens a title is above the usual.
                        let mut own = OwnedTokenLists {
                            vocab: Vocab::default(),
                            tokens: Vec::with_capacity(share.len() * 10),
                            ends: Vec::with_capacity(share.len()),
                        };
                        tokenize_rows(&titles, 0..titles.len(), tokenizer, &mut String::new(), &mut own.lists());
                        (titles, own)
                    })
                })
                .collect();
            copy_fixed_columns(file, rows, store);
            let first_row = store.titles.len();
            copy_titles(&rows[..bounds[1]], file.titles(), &mut store.titles);
            let mut first =
                TokenLists { vocab: &mut store.vocab, tokens: &mut store.tokens, ends: &mut store.token_ends };
            tokenize_rows(&store.titles, first_row..store.titles.len(), tokenizer, &mut self.scratch, &mut first);
            handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
        });
        // The shares' titles are appended on one thread while their token lists are re-interned
        // and appended on this one (neither waits for the other).
        let (share_titles, share_lists): (Vec<TextColumn>, Vec<OwnedTokenLists>) = others.into_iter().unzip();
        let titles = &mut store.titles;
        let mut first = TokenLists { vocab: &mut store.vocab, tokens: &mut store.tokens, ends: &mut store.token_ends };
        std::thread::scope(|scope| {
            scope.spawn(move || share_titles.iter().for_each(|share| titles.append(share)));
            share_lists.into_iter().for_each(|share| first.append(share));
        });
        self.next = self.order.len();
    }

    /// Sets what the store's views count (`Store::views_noun`).
    pub fn name_views(&mut self, noun: String) {
        self.store.views_noun = noun;
    }

    /// Share of the rows indexed.
    pub fn fraction(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
        let fraction = self.next as f64 / self.order.len().max(1) as f64;
        fraction
    }

    /// The store, with postings and calendar keys (indexes any rows left first).
    pub fn finish(self) -> Store {
        self.into_unfinished().finish()
    }

    /// Indexes any rows left and lets go of the text read: what is left to do (postings and
    /// calendar keys) borrows nothing, so a caller can free the text first. In wasm, whose
    /// memory never shrinks, the postings then take the text's place instead of growing the
    /// memory (at a million rows: 31 MB less, and fewer fresh pages to fault in).
    pub fn into_unfinished(mut self) -> UnfinishedStore {
        self.index_rest();
        drop(self.file);
        drop(self.order);
        UnfinishedStore(self.store)
    }
}

/// A store whose rows are all indexed, without postings and calendar keys yet
/// (`StoreIndexer::into_unfinished`).
pub struct UnfinishedStore(Store);

impl UnfinishedStore {
    /// The store, with postings and calendar keys.
    pub fn finish(self) -> Store {
        self.finish_with(true)
    }

    /// The store with calendar keys and each token's count of rows, without the lists of
    /// those rows yet: the first call of `Store::postings` makes them. Everything the
    /// dashboard of a whole dataset shows is ready, so the page draws it first and lists the
    /// rows once it is idle (at a million rows, some 60 ms of the load).
    pub fn finish_listing_later(self) -> Store {
        self.finish_with(false)
    }

    fn finish_with(self, list_postings: bool) -> Store {
        let mut store = self.0;
        let (ts_ms, has_time) = (std::mem::take(&mut store.ts_ms), std::mem::take(&mut store.has_time));
        let offset = store.keys.offset;
        // Postings and calendar keys are independent: natively, on two threads.
        #[cfg(not(target_arch = "wasm32"))]
        let keys = std::thread::scope(|scope| {
            let keys = scope.spawn(|| TimeKeys::compute(&ts_ms, &has_time, offset));
            store.finish_vocab(list_postings);
            keys.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        #[cfg(target_arch = "wasm32")]
        let keys = {
            store.finish_vocab(list_postings);
            TimeKeys::compute(&ts_ms, &has_time, offset)
        };
        (store.ts_ms, store.has_time, store.keys) = (ts_ms, has_time, keys);
        store
    }
}

/// Appends the columns of `rows` other than titles and tokens to `store`.
fn copy_fixed_columns(file: &FileOrder<'_>, rows: &[Row], store: &mut Store) {
    let mut columns = Columns {
        ts_ms: &mut store.ts_ms,
        has_time: &mut store.has_time,
        views: &mut store.views,
        category: &mut store.category,
        lines: &mut store.lines,
        urls: &mut store.urls,
        bodies: &mut store.bodies,
    };
    copy_fields(rows, &file.sorted_codes, &file.urls, &file.bodies, &mut columns);
}
