//! The rows a `StoreBuilder` read, put in time order with exact duplicates left out.
//!
//! Dated rows are sorted by (instant, file position) — unless they come sorted already (the
//! parts of a file read in two are sorted on their own threads and merged) — in place, or natively from
//! `MIN_ROWS_TO_SPLIT` rows on as two halves on two threads, then merged into a new buffer —
//! and copies of one article (same instant and title) are neighbours there, the first of them
//! the earliest in the file; they are dropped in place. Undated rows are checked for copies in
//! file order and only counted.
//!
//! Contract: the kept rows, the number of undated ones and the duplicates (in file order, each
//! with the line of the copy kept) are the same whether the rows were sorted in halves or not.

use super::stats::sort_few_by;
use super::store_builder::{Row, UNDATED};
use crate::ingest::Duplicate;
use crate::model::LineNo;
use headline_trends_kernels::file_rows::sort_by_time;
use rustc_hash::FxHashMap;

/// Dated rows from which a native build sorts two halves on two threads.
#[cfg(not(target_arch = "wasm32"))]
const MIN_ROWS_TO_SPLIT: usize = 100_000;

/// The dated rows of `rows` in time order without exact duplicates, the number of undated rows
/// kept, and the duplicates in file order; `title` gives a row's title. `rows` are in file
/// order, or already sorted by (instant, file position) when `in_time_order` (then undated
/// rows, whose instant is the least, come first). The rows' own buffer becomes the result when
/// they are sorted in one piece (always in wasm: no second 40 MB for a million rows).
pub(super) fn time_order<'f>(
    rows: Vec<Row>,
    in_time_order: bool,
    title: impl Fn(&Row) -> &'f str,
) -> (Vec<Row>, usize, Vec<Duplicate>) {
    // Only a file read natively in two parts arrives sorted; the page's code leaves this out.
    #[cfg(target_arch = "wasm32")]
    let _ = in_time_order;
    #[cfg(not(target_arch = "wasm32"))]
    if in_time_order {
        let mut rows = rows;
        let n_undated = rows.partition_point(|row| row.ts_ms == UNDATED);
        let mut dropped = Vec::new();
        let mut undated_kept = Vec::new();
        keep_first_by_title(&rows[..n_undated], &title, &mut undated_kept, &mut dropped);
        rows.drain(..n_undated);
        return without_duplicates(rows, &title, dropped, undated_kept.len());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let split = rows.len() >= MIN_ROWS_TO_SPLIT && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    #[cfg(target_arch = "wasm32")]
    let split = false;
    time_order_in(rows, title, split)
}

/// `time_order`, sorting in two halves (on two threads natively) and merging them when `split`.
fn time_order_in<'f>(
    mut rows: Vec<Row>,
    title: impl Fn(&Row) -> &'f str,
    split: bool,
) -> (Vec<Row>, usize, Vec<Duplicate>) {
    let n_dated = partition_dated(&mut rows);
    let mut dropped: Vec<(u32, u32, u32)> = Vec::new(); // (dropped index, its line, kept line)
    let mut undated_kept = Vec::new();
    keep_first_by_title(&rows[n_dated..], &title, &mut undated_kept, &mut dropped);
    rows.truncate(n_dated);
    let order = if split {
        let (first, second) = rows.split_at_mut(n_dated / 2);
        #[cfg(not(target_arch = "wasm32"))]
        std::thread::scope(|scope| {
            scope.spawn(|| sort_by_time(second));
            sort_by_time(first);
        });
        #[cfg(target_arch = "wasm32")]
        {
            sort_by_time(first);
            sort_by_time(second);
        }
        merge(first, second)
    } else {
        sort_by_time(&mut rows);
        rows
    };
    without_duplicates(order, &title, dropped, undated_kept.len())
}

/// The sorted dated rows `order` without their exact duplicates, which join `dropped` (dropped
/// undated copies: dropped index, its line, kept line), with `n_undated` the undated rows kept.
fn without_duplicates<'f>(
    mut order: Vec<Row>,
    title: &impl Fn(&Row) -> &'f str,
    mut dropped: Vec<(u32, u32, u32)>,
    n_undated: usize,
) -> (Vec<Row>, usize, Vec<Duplicate>) {
    drop_duplicates(&mut order, title, &mut dropped);
    // Few duplicates as a rule: the page's shared short-list sort is enough.
    sort_few_by(&mut dropped, &Ord::cmp);
    let line = |line: u32| LineNo::new(line as usize);
    let duplicates =
        dropped.into_iter().map(|(_, at, kept)| Duplicate { line: line(at), first_line: line(kept) }).collect();
    (order, n_undated, duplicates)
}

/// Moves the dated rows to the front (the undated ones keep their file order behind them) and
/// returns how many are dated.
fn partition_dated(rows: &mut [Row]) -> usize {
    let undated: Vec<Row> = rows.iter().filter(|r| r.ts_ms == UNDATED).copied().collect();
    if undated.is_empty() {
        return rows.len();
    }
    let mut n_dated = 0;
    for i in 0..rows.len() {
        if rows[i].ts_ms != UNDATED {
            rows[n_dated] = rows[i];
            n_dated += 1;
        }
    }
    rows[n_dated..].copy_from_slice(&undated);
    n_dated
}

/// The rows of `a` and `b`, each sorted by (instant, file position), in one sorted run. Every
/// row of `a` comes before every row of `b` in the file, so of equal instants `a`'s go first.
fn merge(a: &[Row], b: &[Row]) -> Vec<Row> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].ts_ms <= b[j].ts_ms {
            merged.push(a[i]);
            i += 1;
        } else {
            merged.push(b[j]);
            j += 1;
        }
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    merged
}

/// Keeps, in place, the first of each group of exact copies among `sorted` (in time order:
/// copies share an instant, so they are neighbours) and pushes the others onto `dropped`.
fn drop_duplicates<'f>(sorted: &mut Vec<Row>, title: &impl Fn(&Row) -> &'f str, dropped: &mut Vec<(u32, u32, u32)>) {
    let n = sorted.len();
    let (mut n_kept, mut start) = (0, 0);
    while start < n {
        let instant = sorted[start].ts_ms;
        let mut end = start + 1;
        while end < n && sorted[end].ts_ms == instant {
            end += 1;
        }
        // Rows are written at `n_kept`, never past the row being read.
        if end - start == 1 {
            sorted[n_kept] = sorted[start];
            n_kept += 1;
        } else if end - start <= 16 {
            let first_kept = n_kept;
            for at in start..end {
                let row = sorted[at];
                let this_title = title(&row);
                match sorted[first_kept..n_kept].iter().find(|kept| title(kept) == this_title) {
                    Some(kept) => dropped.push((row.index, row.line(), kept.line())),
                    None => {
                        sorted[n_kept] = row;
                        n_kept += 1;
                    }
                }
            }
        } else {
            let mut run_kept = Vec::new();
            keep_first_by_title(&sorted[start..end], title, &mut run_kept, dropped);
            sorted[n_kept..n_kept + run_kept.len()].copy_from_slice(&run_kept);
            n_kept += run_kept.len();
        }
        start = end;
    }
    sorted.truncate(n_kept);
}

/// Pushes onto `kept` each of `rows` whose title was not seen before among them, and onto
/// `dropped` the others with the line of the row they copy.
fn keep_first_by_title<'f>(
    rows: &[Row],
    title: &impl Fn(&Row) -> &'f str,
    kept: &mut Vec<Row>,
    dropped: &mut Vec<(u32, u32, u32)>,
) {
    let mut first_by_title: FxHashMap<&str, u32> = FxHashMap::default();
    for row in rows {
        match first_by_title.entry(title(row)) {
            std::collections::hash_map::Entry::Occupied(first) => dropped.push((row.index, row.line(), *first.get())),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row.line());
                kept.push(*row);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::store::{NO_CATEGORY, NO_VIEWS};

    /// Rows with few instants (long runs of equal ones, undated ones) and few titles (many
    /// copies), in a scrambled file order.
    fn rows(n: u32) -> Vec<Row> {
        (0..n)
            .map(|index| {
                let scrambled = index.wrapping_mul(2_654_435_761) >> 7;
                let ts_ms = if scrambled % 11 == 0 { UNDATED } else { i64::from(scrambled % 50) * 1_000 };
                let title = scrambled % 23;
                Row {
                    ts_ms,
                    index,
                    title_start: title,
                    title_end: title + 1,
                    views: NO_VIEWS,
                    category: NO_CATEGORY,
                    line_and_time: Row::line_and_time(index + 2, true),
                }
            })
            .collect()
    }

    /// One letter a title: `title_start` picks it.
    fn title(row: &Row) -> &'static str {
        let letters = "abcdefghijklmnopqrstuvwxyz";
        &letters[row.title_start as usize..row.title_end as usize]
    }

    /// (instant, position) of the kept rows, undated ones kept, (line, kept line) of copies.
    type Summary = (Vec<(i64, u32)>, usize, Vec<(u32, u32)>);

    fn summary(result: &(Vec<Row>, usize, Vec<Duplicate>)) -> Summary {
        let kept = result.0.iter().map(|r| (r.ts_ms, r.index)).collect();
        let duplicates = result.2.iter().map(|d| (d.line.get(), d.first_line.get())).collect();
        (kept, result.1, duplicates)
    }

    #[test]
    fn sorting_in_halves_keeps_and_drops_the_same_rows() {
        for n in [0, 1, 2, 3, 17, 500, 3_001] {
            let whole = time_order_in(rows(n), title, false);
            let halves = time_order_in(rows(n), title, true);
            assert_eq!(summary(&halves), summary(&whole), "{n} rows");
            let (kept, _, duplicates) = summary(&whole);
            assert!(kept.windows(2).all(|w| w[0] < w[1]), "{n} rows: time order");
            if n > 500 {
                // 50 instants × 23 titles at most among the dated rows, 23 undated titles.
                assert!(kept.len() <= 50 * 23 && !duplicates.is_empty());
            }
        }
    }

    /// What `time_order` must give, the slow way: dated rows by (instant, position), each kept
    /// unless an earlier kept row has its instant and title; undated rows likewise by title.
    fn reference(rows: &[Row]) -> Summary {
        let mut dated: Vec<Row> = rows.iter().filter(|r| r.ts_ms != UNDATED).copied().collect();
        dated.sort_by_key(|r| (r.ts_ms, r.index));
        let undated = rows.iter().filter(|r| r.ts_ms == UNDATED).copied();
        let (mut kept, mut kept_undated, mut dropped) = (Vec::<Row>::new(), Vec::<Row>::new(), Vec::new());
        for (row, is_dated) in dated.into_iter().map(|r| (r, true)).chain(undated.map(|r| (r, false))) {
            let pool = if is_dated { &mut kept } else { &mut kept_undated };
            match pool.iter().find(|k| k.ts_ms == row.ts_ms && title(k) == title(&row)) {
                Some(first) => dropped.push((row.index, row.line(), first.line())),
                None => pool.push(row),
            }
        }
        dropped.sort_unstable();
        let kept = kept.iter().map(|r| (r.ts_ms, r.index)).collect();
        (kept, kept_undated.len(), dropped.into_iter().map(|(_, line, first)| (line, first)).collect())
    }

    #[test]
    fn kept_rows_and_duplicates_are_those_of_the_slow_way() {
        for n in [0, 1, 2, 3, 17, 500, 3_001] {
            let expected = reference(&rows(n));
            assert_eq!(summary(&time_order_in(rows(n), title, false)), expected, "{n} rows in one piece");
            assert_eq!(summary(&time_order_in(rows(n), title, true)), expected, "{n} rows in halves");
            let mut sorted = rows(n);
            sorted.sort_by_key(|r| (r.ts_ms, r.index));
            assert_eq!(summary(&time_order(sorted, true, title)), expected, "{n} rows sorted before");
        }
    }

    #[test]
    fn the_earliest_copy_in_the_file_is_kept() {
        let mut three = rows(3);
        for row in &mut three {
            (row.ts_ms, row.title_start, row.title_end) = (5, 0, 1);
        }
        let (kept, n_undated, duplicates) = summary(&time_order_in(three, title, true));
        assert_eq!((kept, n_undated, duplicates), (vec![(5, 0)], 0, vec![(3, 2), (4, 2)]));
    }
}
