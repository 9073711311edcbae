//! Building a `Store` in two phases, each in bounded steps so a page can yield in between.
//!
//! 1. `StoreBuilder` is an `ArticleSink`: a reader hands it each article in file order and it
//!    keeps a small fixed-size record per article (instant, views, category code, line, where
//!    its title lies) plus text buffers for links and bodies. No owned `Article` is ever made.
//!    A builder made `over` the text being read keeps where in that text each title lies
//!    instead of copying it (a million titles are some 60 MB); only a title the reader had to
//!    rewrite (an escaped quote, a folded line break) is copied, into a buffer of its own.
//! 2. `into_indexer` sorts the rows by time (a CSV file read natively in two parts arrives
//!    sorted: each part sorts its rows on its own thread, `SplitSink::part_read`, and `append`
//!    merges the two) and finds exact duplicates (same title and time) there, where they are
//!    neighbours, instead of in a hash table of every row while reading;
//!    it moves them from "loaded" to "duplicates" in the load report. The records themselves are
//!    sorted, so `StoreIndexer` (phase 2, `store_indexer.rs`) reads them front to back while it
//!    fills the store's columns in time order and tokenizes each title, so token lists are
//!    written once, already in time order. The postings and calendar keys come last.
//!
//! Contract: the report and the store equal those of reading into a `Dataset` and calling
//! `Store::build`, whatever the step sizes.

use super::stats::sort_few_by;
use super::store::{NO_CATEGORY, NO_VIEWS, Store, TokenizerKind};
use super::store_indexer::StoreIndexer;
use super::text_column::TextColumn;
use super::time_order::time_order;
use crate::ingest::{ArticleSink, Duplicate, Ingested, SplitSink};
use crate::model::{ArticleRef, LineNo, Outline};
use chrono::FixedOffset;
use rustc_hash::FxHashMap;

use headline_trends_kernels::file_rows::{COPIED, Titles, sort_by_time};
/// One article's fixed-size fields (from the kernels, which sort them into time order and copy
/// them into a store's columns).
pub(super) use headline_trends_kernels::file_rows::{Row, UNDATED};

/// Everything read so far, in file order.
pub(super) struct FileOrder<'t> {
    rows: Vec<Row>,
    /// True when `rows` are sorted by (instant, file position) rather than in file order (the
    /// parts of a file read in two, see `SplitSink::part_read`); undated rows come first.
    rows_in_time_order: bool,
    /// The sorted code of each first-seen category code (set by `into_indexer`).
    pub(super) sorted_codes: Vec<u32>,
    /// The text being read (empty for a builder not made `over` one).
    text: &'t str,
    /// Titles that are not a slice of `text`, one after the other.
    copied_titles: String,
    /// Bytes of all titles, copied or not.
    n_title_bytes: usize,
    pub(super) urls: TextColumn,
    pub(super) bodies: TextColumn,
}

impl<'t> FileOrder<'t> {
    /// Where the rows' titles lie.
    pub(super) fn titles(&self) -> Titles<'_> {
        Titles { text: self.text, copied: &self.copied_titles }
    }

    pub(super) fn title(&self, row: &Row) -> &str {
        self.titles().of(row)
    }

    /// Where `title` lies: in `text` when it is a slice of it, else copied.
    fn place_title(&mut self, title: &str) -> (u32, u32) {
        self.n_title_bytes += title.len();
        let (base, start) = (self.text.as_ptr() as usize, title.as_ptr() as usize);
        let borrowed = self.text.len() < COPIED as usize
            && start >= base
            && start + title.len() <= base + self.text.len()
            && !title.is_empty();
        if borrowed {
            // Both ends fit in 31 bits: the text is shorter than `COPIED`.
            let offset = |at: usize| u32::try_from(at - base).unwrap_or(COPIED - 1);
            return (offset(start), offset(start + title.len()));
        }
        let offset = |len: usize| u32::try_from(len).unwrap_or(COPIED - 1).min(COPIED - 1);
        let title_start = offset(self.copied_titles.len());
        self.copied_titles.push_str(title);
        (title_start, offset(self.copied_titles.len()) | COPIED)
    }
}

/// Phase 1: collects articles in file order. See the module contract.
pub struct StoreBuilder<'t> {
    file: FileOrder<'t>,
    tokenizer: TokenizerKind,
    /// Category codes in first-seen order, renumbered to sorted order by `into_indexer`.
    category_codes: FxHashMap<Box<str>, u32>,
    outline: Outline,
}

impl StoreBuilder<'static> {
    /// An empty builder expecting about `n_articles`; it copies every title it keeps.
    pub fn new(tokenizer: TokenizerKind, n_articles: usize) -> StoreBuilder<'static> {
        StoreBuilder::over("", tokenizer, n_articles)
    }
}

impl<'t> StoreBuilder<'t> {
    /// An empty builder for the articles read from `text`, expecting about `n_articles`: titles
    /// that are slices of `text` are kept as places in it, so `text` must outlive the indexer.
    pub fn over(text: &'t str, tokenizer: TokenizerKind, n_articles: usize) -> StoreBuilder<'t> {
        let file = FileOrder {
            rows: Vec::with_capacity(n_articles),
            rows_in_time_order: false,
            sorted_codes: Vec::new(),
            text,
            copied_titles: String::new(),
            n_title_bytes: 0,
            urls: TextColumn::with_capacity(n_articles, 0),
            bodies: TextColumn::with_capacity(n_articles, 0),
        };
        StoreBuilder { file, tokenizer, category_codes: FxHashMap::default(), outline: Outline::default() }
    }

    /// Articles read so far (duplicates included until `into_indexer`).
    pub fn len(&self) -> usize {
        self.file.rows.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.file.rows.is_empty()
    }

    /// Bytes its buffers hold room for (used or not).
    pub fn reserved_bytes(&self) -> usize {
        let file = &self.file;
        file.rows.capacity() * std::mem::size_of::<Row>()
            + file.copied_titles.capacity()
            + file.urls.heap_bytes()
            + file.bodies.heap_bytes()
    }

    /// Date span and optional fields of the articles read so far.
    pub fn outline(&self) -> Outline {
        self.outline
    }

    /// Sorts the rows by time, records the duplicates in `report` (the report of the job that
    /// filled this builder) and starts phase 2, keying calendars in `time_zone`.
    pub fn into_indexer<D>(self, time_zone: FixedOffset, report: &mut Ingested<D>) -> StoreIndexer<'t> {
        let (mut indexer, duplicates) = self.into_indexer_and_duplicates(time_zone);
        report.n_loaded -= duplicates.len();
        report.duplicates.extend(duplicates);
        let views_column = report.mapping.as_ref().and_then(|m| m.views.as_deref());
        indexer.name_views(crate::ingest::roles::views_noun(views_column));
        indexer
    }

    /// `into_indexer`, handing back the duplicates (in file order) instead of recording them.
    pub fn into_indexer_and_duplicates(self, time_zone: FixedOffset) -> (StoreIndexer<'t>, Vec<Duplicate>) {
        let StoreBuilder { mut file, tokenizer, category_codes, .. } = self;
        let mut by_name: Vec<(Box<str>, u32)> = category_codes.into_iter().collect();
        sort_few_by(&mut by_name, &Ord::cmp);
        let mut renumber = vec![NO_CATEGORY; by_name.len()];
        for (sorted_code, (_, first_code)) in by_name.iter().enumerate() {
            renumber[*first_code as usize] = u32::try_from(sorted_code).unwrap_or(NO_CATEGORY);
        }
        // Rows keep their first-seen codes; `copy_fields` renumbers them as it copies.
        file.sorted_codes = renumber;
        let categories = by_name.into_iter().map(|(name, _)| name.into()).collect();
        let rows = std::mem::take(&mut file.rows);
        let n_read = rows.len();
        let (order, n_undated, duplicates) = time_order(rows, file.rows_in_time_order, |row| file.title(row));
        debug_assert_eq!(order.len() + n_undated + duplicates.len(), n_read);
        let store = Store::with_capacity(
            order.len(),
            (file.n_title_bytes, file.urls.heap_bytes(), file.bodies.heap_bytes()),
            categories,
            n_undated,
            tokenizer,
            time_zone,
        );
        (StoreIndexer::new(file, order, store), duplicates)
    }

    /// Both phases run to the end.
    pub fn finish<D>(self, time_zone: FixedOffset, report: &mut Ingested<D>) -> Store {
        let mut indexer = self.into_indexer(time_zone, report);
        while !indexer.step(usize::MAX) {}
        indexer.finish()
    }
}

impl ArticleSink for StoreBuilder<'_> {
    fn keep(&mut self, article: &ArticleRef<'_>) -> Result<(), LineNo> {
        // Duplicates are found after sorting (see the module contract), so every article is kept here.
        let ts_ms = article.published_at.map_or(UNDATED, |p| p.unix_ms());
        self.outline.add_with_ms(article, ts_ms);
        let file = &mut self.file;
        let category = article.category.map_or(NO_CATEGORY, |name| match self.category_codes.get(name) {
            Some(&code) => code,
            None => {
                let code = u32::try_from(self.category_codes.len()).unwrap_or(NO_CATEGORY);
                self.category_codes.insert(name.into(), code);
                code
            }
        });
        let (title_start, title_end) = file.place_title(&article.title);
        file.rows.push(Row {
            ts_ms,
            index: u32::try_from(file.rows.len()).unwrap_or(u32::MAX),
            title_start,
            title_end,
            views: article.views.map_or(NO_VIEWS, |v| u32::try_from(v).unwrap_or(NO_VIEWS - 1)),
            category,
            line_and_time: Row::line_and_time(
                article.line.get(),
                article.published_at.is_some_and(|p| p.has_time_of_day),
            ),
        });
        file.urls.push(article.url.unwrap_or_default());
        file.bodies.push(article.body.unwrap_or_default());
        Ok(())
    }

    fn reserve_for_rest(&mut self, fraction_read: f64, n_input_bytes: usize) {
        // Room for the whole input at the rate seen so far, plus 3% (a smaller estimate costs
        // one more doubling near the end).
        let file = &mut self.file;
        let scale = 1.03 / fraction_read.clamp(1e-6, 1.0);
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let more = |n: usize| ((n as f64 * scale) as usize).saturating_sub(n);
        let (rows, titles) = (more(file.rows.len()), more(file.copied_titles.len()));
        let (urls, url_bytes) = (more(file.urls.len()), more(file.urls.text_len()));
        let (bodies, body_bytes) = (more(file.bodies.len()), more(file.bodies.text_len()));
        let wanted = rows * std::mem::size_of::<Row>() + titles + (urls + bodies) * 4 + url_bytes + body_bytes;
        // The estimate assumes the rest of the input is like its start. Bounded by one and a
        // half times the input, a file whose first records are unusually short cannot make it
        // reserve far beyond what reading could need (in wasm, memory that is never returned).
        let cap = n_input_bytes.saturating_mul(3) / 2;
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let bounded = |n: usize| if wanted > cap { (n as f64 * cap as f64 / wanted as f64) as usize } else { n };
        file.rows.reserve(bounded(rows));
        file.copied_titles.reserve(bounded(titles));
        file.urls.reserve(bounded(urls), bounded(url_bytes));
        file.bodies.reserve(bounded(bodies), bounded(body_bytes));
    }
}

impl<'t> SplitSink for StoreBuilder<'t> {
    fn empty_like(&self) -> StoreBuilder<'t> {
        StoreBuilder::over(self.file.text, self.tokenizer, 0)
    }

    /// Sorts this part's rows by time on its own thread, so that `append` merges two sorted
    /// parts (one pass) instead of copying one behind the other and sorting later.
    fn part_read(&mut self) {
        sort_by_time(&mut self.file.rows);
        self.file.rows_in_time_order = true;
    }

    fn append(&mut self, later: StoreBuilder<'t>) {
        self.outline.append(later.outline);
        // The later part's categories in its first-seen order, numbered after this part's.
        let mut later_names: Vec<(Box<str>, u32)> = later.category_codes.into_iter().collect();
        later_names.sort_unstable_by_key(|&(_, code)| code);
        let codes: Vec<u32> = later_names
            .into_iter()
            .map(|(name, _)| {
                let next = u32::try_from(self.category_codes.len()).unwrap_or(NO_CATEGORY);
                *self.category_codes.entry(name).or_insert(next)
            })
            .collect();
        let file = &mut self.file;
        let offset = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let (n_rows, n_copied_bytes) = (offset(file.rows.len()), offset(file.copied_titles.len()));
        // Both parts borrow from the same text; only copied titles move.
        let shift = |row: &Row| if row.title_end & COPIED == 0 { 0 } else { n_copied_bytes };
        let renumber = |row: &Row| Row {
            index: row.index.saturating_add(n_rows),
            title_start: row.title_start.saturating_add(shift(row)).min(COPIED - 1),
            title_end: (row.title_end & !COPIED).saturating_add(shift(row)).min(COPIED - 1) | (row.title_end & COPIED),
            category: if row.category == NO_CATEGORY { NO_CATEGORY } else { codes[row.category as usize] },
            ..*row
        };
        if file.rows_in_time_order && later.file.rows_in_time_order {
            merge_in_time_order(&mut file.rows, &later.file.rows, renumber);
        } else {
            file.rows.extend(later.file.rows.iter().map(renumber));
            file.rows_in_time_order = false;
        }
        file.copied_titles.push_str(&later.file.copied_titles);
        file.n_title_bytes += later.file.n_title_bytes;
        file.urls.append(&later.file.urls);
        file.bodies.append(&later.file.bodies);
    }
}

/// Merges `later` (its rows rewritten by `renumber`) into `rows`, both sorted by (instant,
/// position), in place from the back: every row of `later` comes after `rows`' in the file, so
/// of equal instants `rows`' go first. Writing from the back never overwrites a row of `rows`
/// not yet read, and needs no second buffer when `rows` has room for both.
fn merge_in_time_order(rows: &mut Vec<Row>, later: &[Row], renumber: impl Fn(&Row) -> Row) {
    let n_earlier = rows.len();
    let Some(&filler) = later.first() else { return };
    rows.resize(n_earlier + later.len(), filler);
    let (mut i, mut j) = (n_earlier, later.len());
    while i > 0 && j > 0 {
        if rows[i - 1].ts_ms > later[j - 1].ts_ms {
            rows[i + j - 1] = rows[i - 1];
            i -= 1;
        } else {
            rows[i + j - 1] = renumber(&later[j - 1]);
            j -= 1;
        }
    }
    for k in (0..j).rev() {
        rows[k] = renumber(&later[k]);
    }
}

/// Reads a whole file (any accepted format, gzip or not) straight into a store: the load
/// report, and the store keyed in the options' site time zone. Natively a large CSV file is
/// read on two threads (`ingest::read_in_two_parts`).
pub fn read_store(
    bytes: &[u8],
    options: &crate::ingest::ParseOptions,
    tokenizer: TokenizerKind,
) -> Result<(crate::ingest::Ingested<()>, Store), crate::ingest::IngestError> {
    let bytes = crate::ingest::decompress(bytes)?;
    let decoded = crate::ingest::decode(&bytes)?;
    let mut builder = StoreBuilder::over(&decoded.text, tokenizer, 0);
    #[cfg(not(target_arch = "wasm32"))]
    let mut report = crate::ingest::read_in_two_parts(&decoded, options, &mut builder)?;
    #[cfg(target_arch = "wasm32")]
    let mut report = crate::ingest::Job::start(&decoded, options, &mut builder)?.finish()?;
    let store = builder.finish(options.site_offset, &mut report);
    Ok((report, store))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn article<'a>(title: Cow<'a, str>, line: usize) -> ArticleRef<'a> {
        ArticleRef {
            title,
            published_at: None,
            views: None,
            category: None,
            url: None,
            body: None,
            author: None,
            line: LineNo::new(line),
        }
    }

    #[test]
    fn titles_in_the_text_are_kept_as_places_and_rewritten_ones_are_copied() {
        let text = "Kremlin says, more\nLater headline";
        let mut builder = StoreBuilder::over(text, TokenizerKind::Rich, 0);
        builder.keep(&article(Cow::Borrowed(&text[19..]), 2)).unwrap();
        builder.keep(&article(Cow::Owned("Kremlin says \"more\"".to_owned()), 1)).unwrap();
        builder.keep(&article(Cow::Borrowed("elsewhere"), 3)).unwrap();
        let file = &builder.file;
        let titles: Vec<&str> = file.rows.iter().map(|row| file.title(row)).collect();
        assert_eq!(titles, ["Later headline", "Kremlin says \"more\"", "elsewhere"]);
        assert_eq!(file.copied_titles, "Kremlin says \"more\"elsewhere", "the borrowed title is not copied");
        assert_eq!(file.n_title_bytes, 14 + 19 + 9);
        // A builder over no text copies every title.
        let mut copying = StoreBuilder::new(TokenizerKind::Rich, 0);
        copying.keep(&article(Cow::Borrowed(&text[19..]), 2)).unwrap();
        assert_eq!(copying.file.copied_titles, "Later headline");
    }
}
