//! The rows of a topic, and of the words and phrases that topics and searches are made of.

use super::selection::{difference, intersect, union};
use super::store::{CLAUSE_BIT, ID_BITS, NO_CATEGORY, Store};
use super::topics::{TopicKind, TopicRef, UserTopic};
use std::borrow::Cow;

/// Sorted rows containing the token sequence `ids` within one clause.
pub fn phrase_rows(store: &Store, ids: &[u32]) -> Vec<u32> {
    match ids {
        [] => Vec::new(),
        [only] => store.postings(*only).to_vec(),
        _ => {
            let mut candidates = store.postings(ids[0]).to_vec();
            for &id in &ids[1..] {
                candidates = intersect(&candidates, store.postings(id));
            }
            candidates.retain(|&row| contains_sequence(store.row_tokens(row), ids));
            candidates
        }
    }
}

fn contains_sequence(tokens: &[u32], ids: &[u32]) -> bool {
    tokens.windows(ids.len()).any(|window| {
        window.iter().zip(ids).enumerate().all(|(i, (&t, &id))| t & ID_BITS == id && (i == 0 || t & CLAUSE_BIT == 0))
    })
}

/// Sorted rows with the word or phrase `term` (tokenized as titles are).
pub fn term_rows(store: &Store, term: &str) -> Vec<u32> {
    store.token_ids(term).map(|ids| phrase_rows(store, &ids)).unwrap_or_default()
}

/// Sorted rows whose category is `category`.
pub fn category_rows(store: &Store, category: &str) -> Vec<u32> {
    let Ok(code) = store.categories.binary_search_by(|c| c.as_str().cmp(category)) else { return Vec::new() };
    let code = u32::try_from(code).unwrap_or(NO_CATEGORY);
    (0..u32::try_from(store.len()).unwrap_or(0)).filter(|&row| store.category[row as usize] == code).collect()
}

/// Sorted rows of a user topic: any of its terms, none of its exclusions.
pub fn user_topic_rows(store: &Store, topic: &UserTopic) -> Vec<u32> {
    let included: Vec<Vec<u32>> = topic.any_of.iter().map(|t| term_rows(store, t)).collect();
    let excluded: Vec<Vec<u32>> = topic.none_of.iter().map(|t| term_rows(store, t)).collect();
    let included = union(&included.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let excluded = union(&excluded.iter().map(Vec::as_slice).collect::<Vec<_>>());
    difference(&included, &excluded)
}

/// Sorted rows of any topic. A user topic is looked up by name in `user_topics`; an unknown
/// topic has no rows.
pub fn topic_rows<'s>(store: &'s Store, topic: &TopicRef, user_topics: &[UserTopic]) -> Cow<'s, [u32]> {
    match topic.kind {
        // A keyword's rows are its postings, borrowed (a frequent word has tens of thousands).
        TopicKind::Keyword => {
            store.vocab.id(&topic.key).map_or(Cow::Borrowed(&[][..]), |id| Cow::Borrowed(store.postings(id)))
        }
        TopicKind::Phrase | TopicKind::Name => Cow::Owned(store.rows_of_term(&topic.key).to_vec()),
        TopicKind::Category => Cow::Owned(category_rows(store, &topic.key)),
        TopicKind::User => Cow::Owned(
            user_topics.iter().find(|u| u.name == topic.key).map(|u| user_topic_rows(store, u)).unwrap_or_default(),
        ),
    }
}

/// Sorted rows with a word that starts with `prefix` (case-insensitive).
pub fn prefix_rows(store: &Store, prefix: &str) -> Vec<u32> {
    let prefix = prefix.to_lowercase();
    let lists: Vec<&[u32]> = store
        .vocab
        .iter()
        .filter(|(_, token)| {
            token.starts_with(&prefix)
                || (token.bytes().any(|b| b.is_ascii_uppercase()) && token.to_lowercase().starts_with(&prefix))
        })
        .map(|(id, _)| store.postings(id))
        .collect();
    union(&lists)
}
