//! Where readers put the articles they read: an `ArticleSink`.
//!
//! Contract: a reader calls `keep` once per valid record, in file order. The sink keeps the
//! article or, when an earlier kept article has the same title and publication time, refuses
//! it and names that article's line. A sink may instead find such copies later and move them
//! into the report itself (the store builder does, when it sorts by time). `DatasetSink` collects owned `Article`s (tests, the CLI's
//! `inspect`); the analysis store builder is the other sink, so a large file is read straight
//! into columns without an owned copy of each article.

use super::dedupe::DedupeIndex;
use crate::model::{ArticleRef, Dataset, LineNo};

/// Receives the valid articles of one input. See the module contract.
pub trait ArticleSink {
    /// Keeps `article`, or returns the line of the earlier kept copy it duplicates.
    fn keep(&mut self, article: &ArticleRef<'_>) -> Result<(), LineNo>;

    /// A hint, given once early in a large input of `n_input_bytes`: the articles kept so far
    /// came from `fraction_read` (0 to 1) of it, so the sink may reserve room for the rest in
    /// one step instead of growing its buffers by doubling. The default ignores it.
    fn reserve_for_rest(&mut self, fraction_read: f64, n_input_bytes: usize) {
        let _ = (fraction_read, n_input_bytes);
    }
}

/// A sink that a file can be read into in two parts at once (`ingest::read_in_two_parts`): the
/// later part goes into an empty sink made by `empty_like` and is then appended, so that the
/// result equals keeping every article in file order. Only for sinks that find copies of
/// earlier articles after reading (a part cannot see the other part's articles).
pub trait SplitSink: ArticleSink + Send + Sized {
    /// An empty sink configured like this one.
    fn empty_like(&self) -> Self;

    /// Called on a part's own thread once it has read every article of its part and before
    /// `append`, so a sink can prepare its part there, in parallel with the other part (the
    /// store builder sorts its rows by time). Not called when the parts are not appended. The
    /// default does nothing.
    fn part_read(&mut self) {}

    /// Appends the articles of `later`, which were read from the input after this one's.
    fn append(&mut self, later: Self);
}

/// Collects owned articles into a `Dataset`.
#[derive(Debug, Default)]
pub struct DatasetSink {
    dataset: Dataset,
    seen: DedupeIndex,
}

impl DatasetSink {
    /// An empty dataset called `name`.
    pub fn new(name: &str) -> DatasetSink {
        DatasetSink { dataset: Dataset { name: name.to_owned(), articles: Vec::new() }, seen: DedupeIndex::default() }
    }

    /// The articles kept, in file order.
    pub fn into_dataset(self) -> Dataset {
        self.dataset
    }
}

impl ArticleSink for DatasetSink {
    fn keep(&mut self, article: &ArticleRef<'_>) -> Result<(), LineNo> {
        let articles = &self.dataset.articles;
        let ms = article.published_at.map(|p| p.unix_ms());
        let position = u32::try_from(articles.len()).unwrap_or(u32::MAX);
        let is_same = |i: u32| {
            let kept = &articles[i as usize];
            kept.title == article.title && kept.published_at.map(|p| p.unix_ms()) == ms
        };
        match self.seen.earlier_copy(&article.title, ms, position, is_same) {
            Some(i) => Err(articles[i as usize].line),
            None => {
                self.dataset.articles.push(article.to_article());
                Ok(())
            }
        }
    }
}
