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
    present: [bool; 5],
}

impl Outline {
    /// Names of the optional fields, in the order `fields_present` lists them.
    const FIELDS: [&'static str; 5] = ["views", "category", "url", "body", "author"];

    /// Takes into account the articles of `later`, read after this outline's, as if they
    /// were added one by one (on equal instants the earlier article stays the span's end).
    pub fn append(&mut self, later: Outline) {
        for (present, has) in self.present.iter_mut().zip(later.present) {
            *present |= has;
        }
        self.span = match (self.span, later.span) {
            (Some((lo, hi)), Some((later_lo, later_hi))) => {
                Some((if later_lo.at < lo.at { later_lo } else { lo }, if later_hi.at > hi.at { later_hi } else { hi }))
            }
            (span, later_span) => span.or(later_span),
        };
    }

    /// Takes one more article into account.
    pub fn add(&mut self, article: &ArticleRef<'_>) {
        let has = [
            article.views.is_some(),
            article.category.is_some(),
            article.url.is_some(),
            article.body.is_some(),
            article.author.is_some(),
        ];
        for (present, has) in self.present.iter_mut().zip(has) {
            *present |= has;
        }
        if let Some(t) = article.published_at {
            self.span = Some(match self.span {
                None => (t, t),
                Some((lo, hi)) => (if t.at < lo.at { t } else { lo }, if t.at > hi.at { t } else { hi }),
            });
        }
    }

    /// Earliest and latest publication time (the first of equal instants).
    pub fn span(&self) -> Option<(Published, Published)> {
        self.span
    }

    /// The optional fields at least one article has, in a fixed order
    /// (`views`, `category`, `url`, `body`, `author`).
    pub fn fields_present(&self) -> Vec<&'static str> {
        Self::FIELDS.iter().zip(self.present).filter(|(_, present)| *present).map(|(name, _)| *name).collect()
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
