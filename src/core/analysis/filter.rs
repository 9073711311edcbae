//! The dashboard's filter: plain data that yields a selection.
//!
//! Contract: every part narrows the selection (AND between parts). Topics: `any_topics` keeps
//! articles with at least one of them, `all_topics` articles with every one. Dates are half-open
//! `[from_ms, to_ms)`. The text query keeps articles whose title has every term: a word matches
//! words that start with it (`elect` finds `elections`), a "quoted phrase" matches those words
//! in a row; case never matters; with `search_body` the body may match instead. For
//! cross-filtering, `select_except` leaves one part out, so a chart's own filter does not
//! empty it.

use super::selection::{Selection, intersect, union};
use super::store::{NO_VIEWS, Store};
use super::topic_rows::{phrase_rows, prefix_rows, topic_rows};
use super::topics::{TopicRef, UserTopic};
use serde::{Deserialize, Serialize};

/// What the user has narrowed the articles to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Filter {
    /// Keep articles with at least one of these topics.
    #[serde(default)]
    pub any_topics: Vec<TopicRef>,
    /// Keep articles with all of these topics.
    #[serde(default)]
    pub all_topics: Vec<TopicRef>,
    /// Earliest instant kept, ms since the epoch.
    #[serde(default)]
    pub from_ms: Option<i64>,
    /// First instant no longer kept.
    #[serde(default)]
    pub to_ms: Option<i64>,
    /// Words and "quoted phrases", all of which must match.
    #[serde(default)]
    pub query: String,
    /// Let the body match the query too.
    #[serde(default)]
    pub search_body: bool,
    /// Fewest views kept (articles without views are dropped when set).
    #[serde(default)]
    pub min_views: Option<u32>,
    /// Most views kept.
    #[serde(default)]
    pub max_views: Option<u32>,
    /// Keep articles in any of these categories.
    #[serde(default)]
    pub categories: Vec<String>,
}

/// One part of the filter, for cross-filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterPart {
    /// `any_topics` and `all_topics`.
    Topics,
    /// `from_ms` and `to_ms`.
    Dates,
    /// `query`.
    Query,
    /// `min_views` and `max_views`.
    Views,
    /// `categories`.
    Categories,
}

/// One term of a text query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryTerm {
    /// A word, matched as a prefix.
    Word(String),
    /// A quoted phrase, matched exactly.
    Phrase(String),
}

/// Splits a query into words and "quoted phrases" (an unclosed quote runs to the end).
pub fn parse_query(query: &str) -> Vec<QueryTerm> {
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                terms.push(QueryTerm::Phrase(phrase));
            }
        } else {
            terms.extend(part.split_whitespace().map(|w| QueryTerm::Word(w.to_owned())));
        }
    }
    terms
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Adds `topic` to `any_topics`, or removes it if present.
    pub fn toggle_topic(&mut self, topic: TopicRef) {
        match self.any_topics.iter().position(|t| *t == topic) {
            Some(at) => {
                self.any_topics.remove(at);
            }
            None => self.any_topics.push(topic),
        }
    }

    /// The selection this filter keeps.
    pub fn select(&self, store: &Store, user_topics: &[UserTopic]) -> Selection {
        self.select_except(store, user_topics, None)
    }

    /// The selection with every part but `except` (see the module contract).
    pub fn select_except(&self, store: &Store, user_topics: &[UserTopic], except: Option<FilterPart>) -> Selection {
        self.evaluate(store, user_topics).select_except(store, except)
    }

    /// Evaluates the parts that look rows up (topics, text query) once, so the selection and
    /// every "all parts but one" selection can be combined from them cheaply.
    pub fn evaluate<'f>(&'f self, store: &Store, user_topics: &[UserTopic]) -> EvaluatedFilter<'f> {
        let topic_rows_of = |topic: &TopicRef| topic_rows(store, topic, user_topics);
        let any = (!self.any_topics.is_empty()).then(|| {
            let lists: Vec<_> = self.any_topics.iter().map(topic_rows_of).collect();
            union(&lists.iter().map(|rows| &rows[..]).collect::<Vec<_>>())
        });
        let topics = self.all_topics.iter().fold(any, |rows, topic| {
            let these = topic_rows_of(topic);
            Some(match rows {
                Some(rows) => intersect(&rows, &these),
                None => these.into_owned(),
            })
        });
        let query = parse_query(&self.query).iter().fold(None, |rows: Option<Vec<u32>>, term| {
            let these = self.term_matches(store, term);
            Some(match rows {
                Some(rows) => intersect(&rows, &these),
                None => these,
            })
        });
        EvaluatedFilter { filter: self, topics, query }
    }

    fn term_matches(&self, store: &Store, term: &QueryTerm) -> Vec<u32> {
        let in_titles = match term {
            QueryTerm::Word(word) => prefix_rows(store, word),
            QueryTerm::Phrase(phrase) => {
                store.token_ids(phrase).map(|ids| phrase_rows(store, &ids)).unwrap_or_default()
            }
        };
        if !self.search_body {
            return in_titles;
        }
        let needle = match term {
            QueryTerm::Word(w) | QueryTerm::Phrase(w) => w.to_lowercase(),
        };
        let in_bodies: Vec<u32> = (0..u32::try_from(store.len()).unwrap_or(0))
            .filter(|&row| {
                let body = store.bodies.get(row as usize);
                !body.is_empty() && body.to_lowercase().contains(&needle)
            })
            .collect();
        union(&[&in_titles, &in_bodies])
    }
}

/// Rows in both selections' lists (for combining a chart's own drill-down with the filter).
pub fn intersect_selection(selection: &Selection, rows: &[u32]) -> Selection {
    match selection {
        Selection::Range(_) => selection.intersect_sorted(rows),
        Selection::Rows(list) => Selection::Rows(intersect(list, rows)),
    }
}

/// A filter with its topic and query parts looked up (`Filter::evaluate`).
#[derive(Clone, Debug)]
pub struct EvaluatedFilter<'f> {
    filter: &'f Filter,
    /// Rows with the topics (any of `any_topics` and all of `all_topics`), if there are topics.
    topics: Option<Vec<u32>>,
    /// Rows matching every query term, if there is a query.
    query: Option<Vec<u32>>,
}

impl EvaluatedFilter<'_> {
    /// True when the filter has `part`, so leaving it out changes the selection.
    pub fn has(&self, part: FilterPart) -> bool {
        let f = self.filter;
        match part {
            FilterPart::Topics => self.topics.is_some(),
            FilterPart::Dates => f.from_ms.is_some() || f.to_ms.is_some(),
            FilterPart::Query => self.query.is_some(),
            FilterPart::Views => f.min_views.is_some() || f.max_views.is_some(),
            FilterPart::Categories => !f.categories.is_empty(),
        }
    }

    /// The selection with every part but `except`.
    pub fn select_except(&self, store: &Store, except: Option<FilterPart>) -> Selection {
        let f = self.filter;
        let uses = |part: FilterPart| except != Some(part);
        let mut selection = if uses(FilterPart::Dates) {
            let from = f.from_ms.map_or(0, |t| store.row_at(t));
            let to = f.to_ms.map_or(u32::try_from(store.len()).unwrap_or(u32::MAX), |t| store.row_at(t));
            Selection::Range(from..to.max(from))
        } else {
            Selection::all(store.len())
        };
        for (part, rows) in [(FilterPart::Topics, &self.topics), (FilterPart::Query, &self.query)] {
            if let Some(rows) = rows.as_ref().filter(|_| uses(part)) {
                selection = selection.intersect_sorted(rows);
            }
        }
        if uses(FilterPart::Categories) && !f.categories.is_empty() {
            let codes: Vec<u32> = f
                .categories
                .iter()
                .filter_map(|c| store.categories.binary_search(c).ok())
                .filter_map(|c| u32::try_from(c).ok())
                .collect();
            selection = selection.retain(|row| codes.contains(&store.category[row as usize]));
        }
        if uses(FilterPart::Views) && (f.min_views.is_some() || f.max_views.is_some()) {
            let (min, max) = (f.min_views.unwrap_or(0), f.max_views.unwrap_or(NO_VIEWS - 1));
            selection = selection.retain(|row| {
                let views = store.views[row as usize];
                views != NO_VIEWS && (min..=max).contains(&views)
            });
        }
        selection
    }

    /// `select_except(Some(part))`, or `selection` itself (the full selection) when the filter
    /// does not have `part` — borrowed, not copied (a wide selection is megabytes of rows).
    pub fn select_without<'s>(
        &self,
        store: &Store,
        part: FilterPart,
        selection: &'s Selection,
    ) -> std::borrow::Cow<'s, Selection> {
        if self.has(part) {
            std::borrow::Cow::Owned(self.select_except(store, Some(part)))
        } else {
            std::borrow::Cow::Borrowed(selection)
        }
    }
}
