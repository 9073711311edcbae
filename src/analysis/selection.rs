//! A set of rows: a contiguous time range (the common case, from a date filter alone) or a
//! sorted list of row ids (after topic, text, view or category filters).

use std::ops::Range;

/// Rows of a `Store`, always in ascending order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Every row in `start..end`.
    Range(Range<u32>),
    /// These rows, sorted ascending, no repeats.
    Rows(Vec<u32>),
}

impl Selection {
    /// Every row of a store with `n_rows` rows.
    pub fn all(n_rows: usize) -> Selection {
        Selection::Range(0..u32::try_from(n_rows).unwrap_or(u32::MAX))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Selection::Range(range) => range.len(),
            Selection::Rows(rows) => rows.len(),
        }
    }

    /// True when no row is selected.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first (earliest) row.
    pub fn first(&self) -> Option<u32> {
        match self {
            Selection::Range(range) => (!range.is_empty()).then_some(range.start),
            Selection::Rows(rows) => rows.first().copied(),
        }
    }

    /// The last (latest) row.
    pub fn last(&self) -> Option<u32> {
        match self {
            Selection::Range(range) => (!range.is_empty()).then(|| range.end - 1),
            Selection::Rows(rows) => rows.last().copied(),
        }
    }

    /// The rows in ascending order.
    pub fn iter(&self) -> SelectionIter<'_> {
        match self {
            Selection::Range(range) => SelectionIter::Range(range.clone()),
            Selection::Rows(rows) => SelectionIter::Rows(rows.iter()),
        }
    }

    /// The rows that are also in `sorted_rows` (sorted ascending).
    pub fn intersect_sorted(&self, sorted_rows: &[u32]) -> Selection {
        match self {
            Selection::Range(range) => {
                let lo = sorted_rows.partition_point(|&r| r < range.start);
                let hi = sorted_rows.partition_point(|&r| r < range.end);
                Selection::Rows(sorted_rows[lo..hi].to_vec())
            }
            Selection::Rows(rows) => Selection::Rows(intersect(rows, sorted_rows)),
        }
    }

    /// The rows within `lo..hi`.
    pub fn within(&self, lo: u32, hi: u32) -> Selection {
        match self {
            Selection::Range(range) => {
                Selection::Range(range.start.max(lo)..range.end.min(hi).max(range.start.max(lo)))
            }
            Selection::Rows(rows) => {
                let (a, b) = (rows.partition_point(|&r| r < lo), rows.partition_point(|&r| r < hi));
                Selection::Rows(rows[a..b].to_vec())
            }
        }
    }

    /// The rows for which `keep(row)` holds.
    pub fn retain(&self, mut keep: impl FnMut(u32) -> bool) -> Selection {
        Selection::Rows(self.iter().filter(|&r| keep(r)).collect())
    }
}

/// Iterator over a selection's rows.
pub enum SelectionIter<'a> {
    /// Over a range.
    Range(Range<u32>),
    /// Over a list.
    Rows(std::slice::Iter<'a, u32>),
}

impl Iterator for SelectionIter<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        match self {
            SelectionIter::Range(range) => range.next(),
            SelectionIter::Rows(rows) => rows.next().copied(),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            SelectionIter::Range(range) => range.size_hint(),
            SelectionIter::Rows(rows) => rows.size_hint(),
        }
    }
}

/// Intersection of two sorted lists (galloping when one is much shorter).
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(short.len());
    if short.len() * 16 < long.len() {
        let mut rest = long;
        for &x in short {
            let at = rest.partition_point(|&y| y < x);
            rest = &rest[at..];
            if rest.first() == Some(&x) {
                out.push(x);
            }
        }
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while i < short.len() && j < long.len() {
        match short[i].cmp(&long[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(short[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Union of sorted lists, sorted and without repeats.
pub fn union(lists: &[&[u32]]) -> Vec<u32> {
    match lists {
        [] => Vec::new(),
        [only] => only.to_vec(),
        _ => {
            let mut all: Vec<u32> = lists.iter().flat_map(|l| l.iter().copied()).collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    }
}

/// Rows of `a` not in `b` (both sorted).
pub fn difference(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if b.get(j) != Some(&x) {
            out.push(x);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_on_sorted_rows() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[3, 4, 5]), [3, 5]);
        let long: Vec<u32> = (0..1000).collect();
        assert_eq!(intersect(&[5, 500, 2000], &long), [5, 500]);
        assert_eq!(union(&[&[1, 4], &[2, 4, 9], &[]]), [1, 2, 4, 9]);
        assert_eq!(difference(&[1, 2, 3, 4], &[2, 4, 6]), [1, 3]);
        let range = Selection::Range(2..6);
        assert_eq!(range.intersect_sorted(&[1, 2, 5, 6, 7]), Selection::Rows(vec![2, 5]));
        assert_eq!(range.retain(|r| r % 2 == 1).iter().collect::<Vec<_>>(), [3, 5]);
        assert_eq!(Selection::all(3).len(), 3);
    }
}
