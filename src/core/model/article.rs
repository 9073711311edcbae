//! One article (owned, and borrowed as a reader sees it), the dataset that holds them, and the
//! running outline of a set of articles (date span, optional fields present).

use super::{LineNo, Published};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One validated article. `title` is never empty. Absent optional fields are `None`, never a
/// stand-in value: an article without a view count has `views == None`, not 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, trimmed.
    pub title: String,
    /// Publication time; `None` only for a relative date read without a reference time.
    pub published_at: Option<Published>,
    /// View count (views, points, upvotes…), when the source has one.
    pub views: Option<u64>,
    /// Category, section, flair…
    pub category: Option<String>,
    /// Link as found in the file (not validated here; the UI validates before linking).
    pub url: Option<String>,
    /// Body or summary text.
    pub body: Option<String>,
    /// Author(s).
    pub author: Option<String>,
    /// 1-based line where the article's record starts in the input.
    pub line: LineNo,
}

/// One article as a reader hands it over, borrowing from the input: the same fields and
/// invariants as `Article`, without an allocation per field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleRef<'a> {
    /// The headline, trimmed, on one line (owned only when line breaks had to be folded).
    pub title: Cow<'a, str>,
    /// Publication time; `None` only for a relative date read without a reference time.
    pub published_at: Option<Published>,
    /// View count, when the source has one.
    pub views: Option<u64>,
    /// Category, section, flair…
    pub category: Option<&'a str>,
    /// Link as found in the file.
    pub url: Option<&'a str>,
    /// Body or summary text.
    pub body: Option<&'a str>,
    /// Author(s).
    pub author: Option<&'a str>,
    /// 1-based line where the article's record starts in the input.
    pub line: LineNo,
}

impl ArticleRef<'_> {
    /// An owned copy.
    pub fn to_article(&self) -> Article {
        Article {
            title: self.title.as_ref().to_owned(),
            published_at: self.published_at,
            views: self.views,
            category: self.category.map(str::to_owned),
            url: self.url.map(str::to_owned),
            body: self.body.map(str::to_owned),
            author: self.author.map(str::to_owned),
            line: self.line,
        }
    }
}

impl Article {
    /// A borrowed view of this article.
    pub fn as_ref(&self) -> ArticleRef<'_> {
        ArticleRef {
            title: Cow::Borrowed(&self.title),
            published_at: self.published_at,
            views: self.views,
            category: self.category.as_deref(),
            url: self.url.as_deref(),
            body: self.body.as_deref(),
            author: self.author.as_deref(),
            line: self.line,
        }
    }
}

/// Running facts about a set of articles, kept while they are read: the publication span and
/// which optional fields occur.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    span: Option<(Published, Published)>,
    /// The span's ends in ms since the epoch: instants are compared at the store's resolution.
    span_ms: (i64, i64),
    /// Bit `i` set: some article has the optional field `FIELDS[i]`. One byte, updated with
    /// one `or` an article (an array of flags written byte by byte and read back wider stalled
    /// the CPU's store forwarding: half of `StoreBuilder::keep`'s time natively).
    present: u8,
}

impl Outline {
    /// Names of the optional fields, in the order `fields_present` lists them.
    const FIELDS: [&'static str; 5] = ["views", "category", "url", "body", "author"];

    /// Takes into account the articles of `later`, read after this outline's, as if they
    /// were added one by one (on equal instants the earlier article stays the span's end).
    pub fn append(&mut self, later: Outline) {
        self.present |= later.present;
        if let Some((later_lo, later_hi)) = later.span {
            self.add_instant(later_lo, later.span_ms.0);
            self.add_instant(later_hi, later.span_ms.1);
        }
    }

    /// Takes one more article into account.
    pub fn add(&mut self, article: &ArticleRef<'_>) {
        self.add_with_ms(article, article.published_at.map_or(0, |p| p.unix_ms()));
    }

    /// `add` for an article whose publication instant in ms (`Published::unix_ms`; ignored
    /// without one) the caller has already worked out.
    pub fn add_with_ms(&mut self, article: &ArticleRef<'_>, unix_ms: i64) {
        self.present |= u8::from(article.views.is_some())
            | u8::from(article.category.is_some()) << 1
            | u8::from(article.url.is_some()) << 2
            | u8::from(article.body.is_some()) << 3
            | u8::from(article.author.is_some()) << 4;
        if let Some(t) = article.published_at {
            self.add_instant(t, unix_ms);
        }
    }

    /// Widens the span to `t` (at `unix_ms`); of equal instants the earlier one stays.
    fn add_instant(&mut self, t: Published, unix_ms: i64) {
        match &mut self.span {
            None => (self.span, self.span_ms) = (Some((t, t)), (unix_ms, unix_ms)),
            Some((lo, hi)) => {
                if unix_ms < self.span_ms.0 {
                    (*lo, self.span_ms.0) = (t, unix_ms);
                }
                if unix_ms > self.span_ms.1 {
                    (*hi, self.span_ms.1) = (t, unix_ms);
                }
            }
        }
    }

    /// Earliest and latest publication time (the first of equal instants).
    pub fn span(&self) -> Option<(Published, Published)> {
        self.span
    }

    /// The optional fields at least one article has, in a fixed order
    /// (`views`, `category`, `url`, `body`, `author`).
    pub fn fields_present(&self) -> Vec<&'static str> {
        (0..Self::FIELDS.len()).filter(|i| self.present >> i & 1 == 1).map(|i| Self::FIELDS[i]).collect()
    }
}

/// The articles read from one input, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// A display name for the source (usually the file name).
    pub name: String,
    /// The articles, in the order they appear in the file.
    pub articles: Vec<Article>,
}

impl Dataset {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when no article was loaded.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The optional fields that at least one article has, in a fixed order
    /// (`views`, `category`, `url`, `body`, `author`).
    pub fn fields_present(&self) -> Vec<&'static str> {
        self.outline().fields_present()
    }

    /// Earliest and latest publication time among articles that have one.
    pub fn date_span(&self) -> Option<(Published, Published)> {
        self.outline().span()
    }

    /// The outline of all articles.
    pub fn outline(&self) -> Outline {
        let mut outline = Outline::default();
        for article in &self.articles {
            outline.add(&article.as_ref());
        }
        outline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use std::borrow::Cow;

    fn at(text: &str) -> Published {
        Published::with_time(DateTime::parse_from_rfc3339(text).unwrap())
    }

    fn article(published_at: Published) -> ArticleRef<'static> {
        ArticleRef {
            title: Cow::Borrowed("t"),
            published_at: Some(published_at),
            views: None,
            category: None,
            url: None,
            body: None,
            author: None,
            line: LineNo::new(2),
        }
    }

    /// The span as written (`Published` equality compares instants, not offsets).
    fn written(outline: &Outline) -> Option<(String, String)> {
        outline.span().map(|(lo, hi)| (lo.at.to_rfc3339(), hi.at.to_rfc3339()))
    }

    #[test]
    fn the_span_keeps_the_first_of_equal_instants_at_each_end() {
        // 10:00Z and 12:00+02:00 are one instant written two ways.
        let (first, same, later, earlier) = (
            at("2024-03-01T10:00:00Z"),
            at("2024-03-01T12:00:00+02:00"),
            at("2024-03-02T08:00:00+02:00"),
            at("2024-02-01T00:00:00Z"),
        );
        let text = |p: Published| p.at.to_rfc3339();
        let mut outline = Outline::default();
        outline.add(&article(first));
        outline.add(&article(same));
        assert_eq!(written(&outline), Some((text(first), text(first))));
        outline.add(&article(later));
        let mut tail = Outline::default();
        tail.add(&article(same));
        tail.add(&article(earlier));
        let mut joined = outline;
        joined.append(tail);
        assert_eq!(written(&joined), Some((text(earlier), text(later))));
        let mut equal_ends = Outline::default();
        equal_ends.add(&article(same));
        outline.append(equal_ends);
        assert_eq!(written(&outline), Some((text(first), text(later))), "a later part's equal instant stays out");
        let mut only_same = Outline::default();
        only_same.add(&article(first));
        let mut same_again = Outline::default();
        same_again.add(&article(same));
        only_same.append(same_again);
        assert_eq!(written(&only_same), Some((text(first), text(first))));
    }
}
