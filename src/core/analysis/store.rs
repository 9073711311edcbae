//! The columnar, time-sorted store every aggregation reads.
//!
//! Contract: built once, by a `StoreBuilder` (see `store_builder`) or from a `Dataset`. Rows are the
//! dated articles sorted by publication instant (ties keep file order); articles without a time
//! are counted in `n_undated` and left out, since every chart is about time. Columns: instant,
//! has-time-of-day, views, category code, title (one buffer), url, source line, token ids.
//! Calendar keys (`TimeKeys`) are derived for one time zone and can be recomputed for another.

#[cfg(target_arch = "wasm32")]
use super::grams::NO_GRAMS;
use super::grams::{Grams, Pause, find_names, find_phrases};
#[cfg(not(target_arch = "wasm32"))]
use super::grams::{finished_now, no_pause};
use super::stopwords::{BENCH_PLAIN, is_english_stopword};
use super::store_builder::StoreBuilder;
use super::text_column::TextColumn;
use super::time_keys::TimeKeys;
use super::tokenize::{for_each_plain_word, for_each_word};
use super::topics::TopicKind;
use super::vocab::{Postings, TokenId, Vocab};
use crate::ingest::ArticleSink;
use crate::model::Dataset;
use chrono::FixedOffset;
use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The flags of an entry of `Store::tokens` and the mask of its id (see `vocab`).
pub use super::vocab::{CLAUSE_BIT, ID_BITS, REPEAT_BIT};
/// Which tokenizer fills the token column.
pub use headline_trends_kernels::token_lists::TokenizerKind;
/// `views` of an article without a view count.
pub use headline_trends_kernels::week_grid::NO_VIEWS;
/// `category` of an article without a category.
pub const NO_CATEGORY: u32 = u32::MAX;

/// Names whose rows `Store::find_grams` finds with them: as many as the topic chart shows.
const NAMES_SHOWN_FIRST: usize = 20;

/// The store. See the module contract.
#[derive(Debug)]
pub struct Store {
    /// Publication instants, ms since the epoch, ascending.
    pub ts_ms: Vec<i64>,
    /// False for date-only rows.
    pub has_time: Vec<bool>,
    /// View counts (saturating at `u32::MAX - 1`), `NO_VIEWS` when absent.
    pub views: Vec<u32>,
    /// Index into `categories`, `NO_CATEGORY` when absent.
    pub category: Vec<u32>,
    /// Distinct categories, sorted.
    pub categories: Vec<String>,
    /// Headlines.
    pub titles: TextColumn,
    /// Links (empty when absent).
    pub urls: TextColumn,
    /// Bodies or summaries (empty when absent).
    pub bodies: TextColumn,
    /// Source line of each row.
    pub lines: Vec<u32>,
    /// Token ids of every row, with `CLAUSE_BIT` on clause starts and `REPEAT_BIT` on words
    /// seen before in the same row.
    pub tokens: Vec<u32>,
    pub(super) token_ends: Vec<u32>,
    /// The vocabulary, with document frequencies.
    pub vocab: Vocab,
    /// The rows of each token: listed with the store, or (in the page) after the first
    /// dashboard has been drawn, on first use (`postings`).
    postings: OnceLock<Postings>,
    /// Calendar keys in the current time zone.
    pub keys: TimeKeys,
    /// Articles left out for having no publication time.
    pub n_undated: usize,
    /// The tokenizer used.
    pub tokenizer: TokenizerKind,
    /// What `views` counts, in the plural, for labels: "views", "points", "upvotes"…
    /// (`ingest::roles::views_noun` of the mapped column; "views" when built without a report).
    pub views_noun: String,
    phrases: OnceLock<Grams>,
    names: OnceLock<Grams>,
    by_views: OnceLock<Vec<u32>>,
    views_prefix: OnceLock<Vec<u64>>,
    /// The rows of each phrase or name topic asked for so far (`rows_of_term`).
    term_rows: Mutex<FxHashMap<String, Arc<Vec<u32>>>>,
    /// The weekday × hour grid of all rows in the current time zone (reset on re-keying).
    pub(crate) all_rows_timing: OnceLock<(Vec<super::timing::TimingCell>, u32)>,
}

impl Store {
    /// Builds the store from `dataset`, keyed in `time_zone` (the same as reading the articles
    /// into a `StoreBuilder`).
    pub fn build(dataset: Dataset, tokenizer: TokenizerKind, time_zone: FixedOffset) -> Store {
        let mut builder = StoreBuilder::new(tokenizer, dataset.articles.len());
        for article in &dataset.articles {
            builder.keep(&article.as_ref()).ok();
        }
        drop(dataset);
        // A dataset's articles are distinct already (a hand-made one may not be: copies are left out).
        let (mut indexer, _) = builder.into_indexer_and_duplicates(time_zone);
        while !indexer.step(usize::MAX) {}
        indexer.finish()
    }

    /// An empty store with room for `n` rows and the given text sizes, to be filled in time order.
    pub(super) fn with_capacity(
        n: usize,
        (title_bytes, url_bytes, body_bytes): (usize, usize, usize),
        categories: Vec<String>,
        n_undated: usize,
        tokenizer: TokenizerKind,
        time_zone: FixedOffset,
    ) -> Store {
        Store {
            ts_ms: Vec::with_capacity(n),
            has_time: Vec::with_capacity(n),
            views: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            categories,
            titles: TextColumn::with_capacity(n, title_bytes),
            urls: TextColumn::with_capacity(n, url_bytes),
            bodies: TextColumn::with_capacity(n, body_bytes),
            lines: Vec::with_capacity(n),
            tokens: Vec::with_capacity(n * 10),
            token_ends: Vec::with_capacity(n),
            vocab: Vocab::default(),
            postings: OnceLock::new(),
            keys: TimeKeys::compute(&[], &[], time_zone),
            n_undated,
            tokenizer,
            views_noun: crate::ingest::roles::views_noun(None),
            phrases: OnceLock::new(),
            names: OnceLock::new(),
            by_views: OnceLock::new(),
            views_prefix: OnceLock::new(),
            term_rows: Mutex::default(),
            all_rows_timing: OnceLock::new(),
        }
    }

    /// Flags stopwords and counts each token's rows; lists them too when `list_postings`.
    pub(super) fn finish_vocab(&mut self, list_postings: bool) {
        let plain = self.tokenizer == TokenizerKind::Plain;
        self.vocab.is_stop = self
            .vocab
            .iter()
            .map(|(_, token)| {
                if plain {
                    BENCH_PLAIN.binary_search(&token).is_ok()
                } else {
                    is_english_stopword(token) || token.chars().count() < 2 || token.chars().all(|c| !c.is_alphabetic())
                }
            })
            .collect();
        if list_postings {
            let postings = self.vocab.index_rows(&mut self.tokens, &self.token_ends);
            self.postings = OnceLock::from(postings);
        } else {
            self.vocab.count_rows(&mut self.tokens, &self.token_ends);
        }
    }

    /// The rows token `id` occurs in, ascending (see `all_postings`).
    pub fn postings(&self, id: TokenId) -> &[u32] {
        self.all_postings().of(id)
    }

    /// The rows of every token; listed now if the store was finished without them
    /// (`UnfinishedStore::finish_listing_later`).
    pub fn all_postings(&self) -> &Postings {
        self.postings.get_or_init(|| self.vocab.postings(&self.tokens, &self.token_ends))
    }

    /// True once the rows of every token are listed.
    pub fn has_postings(&self) -> bool {
        self.postings.get().is_some()
    }

    /// Frequent phrases, found on first use (in the page: by `find_grams` before; none until then).
    pub fn phrases(&self) -> &Grams {
        #[cfg(target_arch = "wasm32")]
        return self.phrases.get().unwrap_or(&NO_GRAMS);
        #[cfg(not(target_arch = "wasm32"))]
        self.phrases.get_or_init(|| finished_now(find_phrases(self, &mut no_pause)))
    }

    /// Names (runs of capitalised words), found on first use (in the page: by `find_grams`
    /// before; none until then).
    pub fn names(&self) -> &Grams {
        #[cfg(target_arch = "wasm32")]
        return self.names.get().unwrap_or(&NO_GRAMS);
        #[cfg(not(target_arch = "wasm32"))]
        self.names.get_or_init(|| finished_now(find_names(self, &mut no_pause)))
    }

    /// The rows holding the word or phrase `term` (`topic_rows::term_rows`), kept for the next
    /// time: a phrase's or name's rows come from intersecting its words' postings (with a
    /// frequent word, most of the rows), and the topic chart asks for the same twenty names on
    /// every filter change (at a million rows: 80 ms each time, against one pass over kept
    /// lists). The rows do not depend on the view, so they are kept for the store's life.
    pub fn rows_of_term(&self, term: &str) -> Arc<Vec<u32>> {
        let cached = self.term_rows.lock().ok().and_then(|kept| kept.get(term).cloned());
        cached.unwrap_or_else(|| {
            let rows = Arc::new(super::topic_rows::term_rows(self, term));
            if let Ok(mut kept) = self.term_rows.lock() {
                kept.insert(term.to_owned(), Arc::clone(&rows));
            }
            rows
        })
    }

    /// True when topics of `kind` are phrases or names not found yet: asking for them now
    /// (`phrases`, `names`) would find them in one call (most of a second at a million rows).
    pub fn lacks_grams(&self, kind: TopicKind) -> bool {
        match kind {
            TopicKind::Phrase => self.phrases.get().is_none(),
            TopicKind::Name => self.names.get().is_none(),
            _ => false,
        }
    }

    /// Finds the phrases or names (`kind`) if not found yet, passing through `pause` as it goes
    /// (the page yields to the browser there); `phrases` or `names` then answer at once.
    pub async fn find_grams(&self, kind: TopicKind, pause: &mut Pause<'_>) {
        if !self.lacks_grams(kind) {
            return;
        }
        let (cell, grams) = match kind {
            TopicKind::Phrase => (&self.phrases, find_phrases(self, pause).await),
            _ => (&self.names, find_names(self, pause).await),
        };
        if kind == TopicKind::Name {
            // A name's stats are read from its rows (`rows_of_term`): those of the names the
            // topic chart shows first are found here, between pauses, rather than all in the
            // first dashboard update with names (100 ms at a million rows).
            for ids in grams.keys.iter().take(NAMES_SHOWN_FIRST) {
                let key: Vec<&str> = ids.iter().map(|&id| self.vocab.text(id)).collect();
                self.rows_of_term(&key.join(" "));
                pause(1.0).await;
            }
        }
        // Another search of the same kind may have finished first: the grams are equal.
        cell.set(grams).ok();
    }

    /// Total views of the rows in `range` (articles without views add nothing), from prefix
    /// sums built on first use.
    pub fn views_in_range(&self, range: std::ops::Range<u32>) -> u64 {
        let prefix = self.views_prefix.get_or_init(|| {
            let mut sums = Vec::with_capacity(self.len() + 1);
            let mut total = 0u64;
            sums.push(0);
            for &v in &self.views {
                total += if v == NO_VIEWS { 0 } else { u64::from(v) };
                sums.push(total);
            }
            sums
        });
        prefix[range.end as usize] - prefix[range.start as usize]
    }

    /// `rows_by_views` if it has been built, without building it.
    pub fn rows_by_views_if_built(&self) -> Option<&[u32]> {
        self.by_views.get().map(Vec::as_slice)
    }

    /// Rows with views, most viewed first (ties: newest first), built on first use.
    pub fn rows_by_views(&self) -> &[u32] {
        self.by_views.get_or_init(|| {
            // Sorted as (views, row) packed in one u64, descending: no look-up of a row's views
            // per comparison (random reads over a million rows), and ties come out newest first.
            let mut keys: Vec<u64> = (0..u32::try_from(self.len()).unwrap_or(0))
                .filter(|&r| self.views[r as usize] != NO_VIEWS)
                .map(|r| u64::from(self.views[r as usize]) << 32 | u64::from(r))
                .collect();
            keys.sort_unstable_by(|a, b| b.cmp(a));
            #[expect(clippy::cast_possible_truncation, reason = "the low half is the row")]
            keys.into_iter().map(|key| key as u32).collect()
        })
    }

    /// The token ids of `text` as this store tokenizes it; `None` if a word never occurs.
    pub fn token_ids(&self, text: &str) -> Option<Vec<u32>> {
        let mut words = Vec::new();
        match self.tokenizer {
            TokenizerKind::Rich => for_each_word(text, &mut String::new(), |w| words.push(w.token.to_owned())),
            TokenizerKind::Plain => for_each_plain_word(text, |t| words.push(t.to_owned())),
        }
        if words.is_empty() {
            return None;
        }
        words.iter().map(|w| self.vocab.id(w)).collect()
    }

    /// Recomputes the calendar keys for another time zone.
    pub fn set_time_zone(&mut self, time_zone: FixedOffset) {
        if self.keys.offset != time_zone {
            self.keys = TimeKeys::compute(&self.ts_ms, &self.has_time, time_zone);
            self.all_rows_timing = OnceLock::new();
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ts_ms.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ts_ms.is_empty()
    }

    /// The token ids of `row`, with `CLAUSE_BIT` and `REPEAT_BIT` flags (`ID_BITS` masks them).
    pub fn row_tokens(&self, row: u32) -> &[u32] {
        let row = row as usize;
        let start = if row == 0 { 0 } else { self.token_ends[row - 1] as usize };
        &self.tokens[start..self.token_ends[row] as usize]
    }

    /// The view count of `row`, if known.
    pub fn views_of(&self, row: u32) -> Option<u32> {
        let v = self.views[row as usize];
        (v != NO_VIEWS).then_some(v)
    }

    /// The first row at or after instant `ts_ms`.
    pub fn row_at(&self, ts_ms: i64) -> u32 {
        u32::try_from(self.ts_ms.partition_point(|&t| t < ts_ms)).unwrap_or(u32::MAX)
    }

    /// Approximate heap bytes held, for the bytes-per-article figure.
    pub fn heap_bytes(&self) -> usize {
        self.ts_ms.capacity() * 8
            + self.has_time.capacity()
            + (self.views.capacity() + self.category.capacity() + self.lines.capacity()) * 4
            + self.titles.heap_bytes()
            + self.urls.heap_bytes()
            + self.bodies.heap_bytes()
            + (self.tokens.capacity() + self.token_ends.capacity()) * 4
            + self.vocab.heap_bytes()
            + self.postings.get().map_or(0, Postings::heap_bytes)
            + self.keys.day.capacity() * 4
            + self.keys.hour.capacity()
            + self.keys.weekday.capacity()
            + self.keys.day_runs.capacity() * 8
    }
}
