//! Collapsing exact duplicates: the same title and the same publication time.

use crate::model::{Article, LineNo};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// An article dropped because an earlier one had the same title and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// Where the dropped copy starts.
    pub line: LineNo,
    /// Where the kept copy starts.
    pub first_line: LineNo,
}

/// Keeps the first of each (title, time) group, in file order; returns the dropped copies in
/// file order.
pub fn remove_duplicates(articles: &mut Vec<Article>) -> Vec<Duplicate> {
    let mut duplicates = Vec::new();
    let keep: Vec<bool> = {
        let mut first_seen: FxHashMap<(&str, Option<i64>), LineNo> = FxHashMap::default();
        first_seen.reserve(articles.len());
        articles
            .iter()
            .map(|a| {
                let key = (a.title.as_str(), a.published_at.map(|p| p.unix_ms()));
                match first_seen.get(&key) {
                    Some(&first_line) => {
                        duplicates.push(Duplicate { line: a.line, first_line });
                        false
                    }
                    None => {
                        first_seen.insert(key, a.line);
                        true
                    }
                }
            })
            .collect()
    };
    let mut flags = keep.into_iter();
    articles.retain(|_| flags.next().unwrap_or(true));
    duplicates
}
