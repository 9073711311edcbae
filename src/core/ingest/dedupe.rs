//! Collapsing exact duplicates: the same title and the same publication time.
//!
//! Contract: the first article of each (title, time) group is kept, later copies are reported
//! with the line of the kept one. `DedupeIndex` finds earlier copies by a 64-bit hash and then
//! compares the real title and time, so a hash collision never drops an article.

use crate::model::LineNo;
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::hash::{Hash, Hasher};

/// An article dropped because an earlier one had the same title and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// Where the dropped copy starts.
    pub line: LineNo,
    /// Where the kept copy starts.
    pub first_line: LineNo,
}

/// The kept articles' keys, by hash, pointing at their position among the kept articles.
#[derive(Clone, Debug, Default)]
pub struct DedupeIndex {
    first: FxHashMap<u64, u32>,
    /// Further kept articles whose hash equals an earlier, different one (almost always empty).
    collided: FxHashMap<u64, Vec<u32>>,
}

impl DedupeIndex {
    /// The position of an earlier kept article with this title and time, where `is_same(i)`
    /// tells whether kept article `i` has them; otherwise records `position` as kept and
    /// returns `None`.
    pub fn earlier_copy(
        &mut self,
        title: &str,
        published_ms: Option<i64>,
        position: u32,
        is_same: impl Fn(u32) -> bool,
    ) -> Option<u32> {
        let mut hasher = FxHasher::default();
        title.hash(&mut hasher);
        published_ms.hash(&mut hasher);
        let hash = hasher.finish();
        match self.first.get(&hash) {
            None => {
                self.first.insert(hash, position);
                None
            }
            Some(&first) if is_same(first) => Some(first),
            Some(_) => {
                let others = self.collided.entry(hash).or_default();
                if let Some(&earlier) = others.iter().find(|&&i| is_same(i)) {
                    return Some(earlier);
                }
                others.push(position);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DedupeIndex;

    #[test]
    fn finds_copies_by_title_and_time() {
        let kept = [("A", Some(1)), ("A", Some(2)), ("B", None)];
        let mut index = DedupeIndex::default();
        for (i, (title, ms)) in kept.iter().enumerate() {
            let same = |j: u32| kept[j as usize] == (*title, *ms);
            assert_eq!(index.earlier_copy(title, *ms, i as u32, same), None);
        }
        assert_eq!(index.earlier_copy("A", Some(2), 9, |j| kept[j as usize] == ("A", Some(2))), Some(1));
        assert_eq!(index.earlier_copy("B", None, 9, |j| kept[j as usize] == ("B", None)), Some(2));
    }

    #[test]
    fn a_hash_collision_keeps_both_articles() {
        // `is_same` says no even though the hash matches: the second article is kept.
        let mut index = DedupeIndex::default();
        assert_eq!(index.earlier_copy("A", Some(1), 0, |_| false), None);
        assert_eq!(index.earlier_copy("A", Some(1), 1, |_| false), None);
        assert_eq!(index.earlier_copy("A", Some(1), 2, |i| i == 1), Some(1));
    }
}
