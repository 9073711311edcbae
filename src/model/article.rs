//! One article and the dataset that holds them.

use super::{LineNo, Published};
use serde::{Deserialize, Serialize};

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
        type Has = fn(&Article) -> bool;
        let checks: [(&'static str, Has); 5] = [
            ("views", |a| a.views.is_some()),
            ("category", |a| a.category.is_some()),
            ("url", |a| a.url.is_some()),
            ("body", |a| a.body.is_some()),
            ("author", |a| a.author.is_some()),
        ];
        checks.iter().filter(|(_, has)| self.articles.iter().any(has)).map(|(name, _)| *name).collect()
    }

    /// Earliest and latest publication time among articles that have one.
    pub fn date_span(&self) -> Option<(Published, Published)> {
        let mut times = self.articles.iter().filter_map(|a| a.published_at);
        let first = times.next()?;
        Some(
            times.fold((first, first), |(lo, hi), t| {
                (if t.at < lo.at { t } else { lo }, if t.at > hi.at { t } else { hi })
            }),
        )
    }
}
