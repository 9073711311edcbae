//! A set of rows: a contiguous time range (the common case, from a date filter alone) or a
//! sorted list of row ids (after topic, text, view or category filters).

use headline_trends_kernels::gather;
/// Set operations on sorted row lists, from the kernels.
pub use headline_trends_kernels::sorted_lists::{difference, intersect, union};
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

    /// Calls `f` with each maximal run of rows below `n_rows` that is not selected, in order
    /// (a wide selection's complement is the smaller thing to walk).
    pub fn for_each_unselected_run(&self, n_rows: u32, mut f: impl FnMut(Range<u32>)) {
        let mut next = 0;
        let mut gap_until = |row: u32, next: &mut u32| {
            if row > *next {
                f(*next..row);
            }
        };
        match self {
            Selection::Range(range) if !range.is_empty() => {
                gap_until(range.start.min(n_rows), &mut next);
                next = range.end;
            }
            Selection::Range(_) => {}
            Selection::Rows(rows) => {
                for &row in rows {
                    gap_until(row.min(n_rows), &mut next);
                    next = row + 1;
                }
            }
        }
        gap_until(n_rows, &mut next);
    }

    /// This selection prepared for many `pick`s in a store of `n_rows`.
    pub fn sieve(&self, n_rows: usize) -> Sieve<'_> {
        match self {
            Selection::Range(range) => Sieve::Range(range.clone()),
            Selection::Rows(rows) if rows.len() < 4096 => Sieve::Rows(rows),
            Selection::Rows(rows) => Sieve::Bits(rows, RowBits::of(self, n_rows)),
        }
    }

    /// The rows that are also in `sorted_rows` (sorted ascending).
    pub fn intersect_sorted(&self, sorted_rows: &[u32]) -> Selection {
        Selection::Rows(self.rows_in(sorted_rows))
    }

    /// The rows of `sorted_rows` (ascending) that are selected, ascending; a range is cut out
    /// of them by two binary searches, not walked row by row.
    pub fn rows_in(&self, sorted_rows: &[u32]) -> Vec<u32> {
        match self {
            Selection::Range(range) => {
                let lo = sorted_rows.partition_point(|&r| r < range.start);
                let hi = sorted_rows.partition_point(|&r| r < range.end);
                sorted_rows[lo..hi].to_vec()
            }
            Selection::Rows(rows) => intersect(rows, sorted_rows),
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

/// A selection as one bit per store row: testing a row costs one load, so intersecting many
/// long lists (each topic's postings) with one large selection is linear in the lists alone.
#[derive(Clone, Debug)]
pub struct RowBits {
    words: Vec<u64>,
    selection_len: usize,
}

impl RowBits {
    /// The bits of `selection` in a store of `n_rows`.
    pub fn of(selection: &Selection, n_rows: usize) -> RowBits {
        let mut words = vec![0u64; n_rows.div_ceil(64)];
        for row in selection.iter() {
            words[(row / 64) as usize] |= 1 << (row % 64);
        }
        RowBits { words, selection_len: selection.len() }
    }

    /// True when `row` is selected.
    pub fn contains(&self, row: u32) -> bool {
        self.words.get((row / 64) as usize).is_some_and(|w| w & (1 << (row % 64)) != 0)
    }

    /// Rows selected.
    pub fn len(&self) -> usize {
        self.selection_len
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.selection_len == 0
    }
}

/// A selection prepared for many intersections with sorted row lists (`Selection::sieve`).
#[derive(Clone, Debug)]
pub enum Sieve<'a> {
    /// A range: a list is cut with two binary searches.
    Range(Range<u32>),
    /// A short list: merged or galloped.
    Rows(&'a [u32]),
    /// A long list, also as bits: a list is filtered bit by bit, unless it is much longer than
    /// the selection (then galloping through it is cheaper).
    Bits(&'a [u32], RowBits),
}

/// Where the rows of a sorted list that a `Sieve` picks are.
enum Picked<'l> {
    /// All of this part of the list.
    Slice(&'l [u32]),
    /// The list's rows whose bit is set.
    Bits(&'l [u32], &'l RowBits),
    /// These rows (an intersection).
    Listed(Vec<u32>),
}

impl Sieve<'_> {
    /// How the rows of `sorted_rows` in the selection are found: a range cuts the list with two
    /// binary searches; a long selection's bits filter the list unless the list is much longer
    /// than the selection (then galloping through it is cheaper).
    fn picked<'l>(&'l self, sorted_rows: &'l [u32]) -> Picked<'l> {
        match self {
            Sieve::Range(range) => {
                let lo = sorted_rows.partition_point(|&r| r < range.start);
                let hi = sorted_rows.partition_point(|&r| r < range.end);
                Picked::Slice(&sorted_rows[lo..hi])
            }
            Sieve::Bits(rows, bits) if rows.len() * 16 >= sorted_rows.len() => Picked::Bits(sorted_rows, bits),
            Sieve::Rows(rows) | Sieve::Bits(rows, _) => Picked::Listed(intersect(rows, sorted_rows)),
        }
    }

    /// Calls `f` with each row of `sorted_rows` in the selection, in order (`pick` without the
    /// list).
    pub fn for_each_picked(&self, sorted_rows: &[u32], mut f: impl FnMut(u32)) {
        match self.picked(sorted_rows) {
            Picked::Slice(rows) => rows.iter().for_each(|&r| f(r)),
            Picked::Bits(rows, bits) => rows.iter().filter(|&&r| bits.contains(r)).for_each(|&r| f(r)),
            Picked::Listed(rows) => rows.into_iter().for_each(f),
        }
    }

    /// Pushes onto `out` the views of the rows of `sorted_rows` in the selection that have
    /// views (entries of `views` other than `no_views`); returns how many rows are in the
    /// selection. The loops are the kernels' `gather`.
    pub fn picked_views(&self, sorted_rows: &[u32], views: &[u32], no_views: u32, out: &mut Vec<u32>) -> usize {
        match self.picked(sorted_rows) {
            Picked::Slice(rows) => gather::views_of_rows(views, rows, no_views, out),
            Picked::Bits(rows, bits) => gather::views_of_rows_in_bits(views, rows, &bits.words, no_views, out),
            Picked::Listed(rows) => gather::views_of_rows(views, &rows, no_views, out),
        }
    }

    /// The rows of `sorted_rows` in the selection.
    pub fn pick(&self, sorted_rows: &[u32]) -> Vec<u32> {
        let mut picked = Vec::new();
        self.for_each_picked(sorted_rows, |row| picked.push(row));
        picked
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sieve_picks_what_intersect_picks() {
        let long: Vec<u32> = (0..20_000).filter(|r| r % 3 == 0).collect();
        let postings: Vec<u32> = (0..30_000).filter(|r| r % 5 == 0).collect();
        let few = [15u32, 16, 45, 29_995];
        for selection in [Selection::Rows(long.clone()), Selection::Rows(vec![3, 15, 30]), Selection::Range(10..100)] {
            let sieve = selection.sieve(30_000);
            for list in [&postings[..], &few[..], &[][..]] {
                let expected: Vec<u32> = match selection.intersect_sorted(list) {
                    Selection::Rows(rows) => rows,
                    Selection::Range(range) => range.collect(),
                };
                assert_eq!(sieve.pick(list), expected);
                let mut visited = Vec::new();
                sieve.for_each_picked(list, |row| visited.push(row));
                assert_eq!(visited, expected);
            }
        }
        assert!(matches!(Selection::Rows(long).sieve(30_000), Sieve::Bits(..)));
        let bits = RowBits::of(&Selection::Rows(vec![0, 63, 64, 29_999]), 30_000);
        assert!(bits.contains(63) && bits.contains(64) && !bits.contains(65) && !bits.contains(40_000));
        assert_eq!(bits.len(), 4);
    }

    #[test]
    fn selection_operations() {
        let range = Selection::Range(2..6);
        assert_eq!(range.intersect_sorted(&[1, 2, 5, 6, 7]), Selection::Rows(vec![2, 5]));
        assert_eq!(range.retain(|r| r % 2 == 1).iter().collect::<Vec<_>>(), [3, 5]);
        assert_eq!(Selection::all(3).len(), 3);
    }

    #[test]
    fn unselected_runs_are_the_complement_in_order() {
        let runs = |selection: Selection, n_rows: u32| {
            let mut runs = Vec::new();
            selection.for_each_unselected_run(n_rows, |run| runs.push(run));
            runs
        };
        assert_eq!(runs(Selection::Range(2..5), 8), vec![0..2, 5..8]);
        assert_eq!(runs(Selection::Range(0..8), 8), vec![]);
        assert_eq!(runs(Selection::Range(3..3), 4), vec![0..4]);
        assert_eq!(runs(Selection::Rows(vec![0, 1, 4, 6]), 8), vec![2..4, 5..6, 7..8]);
        assert_eq!(runs(Selection::Rows(vec![]), 3), vec![0..3]);
        assert_eq!(runs(Selection::Rows(vec![2]), 3), vec![0..2]);
    }
}
