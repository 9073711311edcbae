//! View-count distributions: log-binned histogram, top headlines, views by hour.

use super::selection::Selection;
use super::stats::{nth_largest, sort_few_by};
use super::store::{NO_VIEWS, Store};

/// `floor(log2(views + 1))`: bin 0 holds 0 views, bin 1 holds 1–2, bin 2 holds 3–6, …
pub fn log2_bin(views: u32) -> u32 {
    31 - (u64::from(views) + 1).leading_zeros().saturating_sub(32)
}

/// Article counts per log2 bin (index = bin), over articles that have views.
pub fn views_log2_histogram(store: &Store, selection: &Selection) -> Vec<u32> {
    let mut bins = vec![0u32; 33];
    let mut add = |v: u32| {
        if v != NO_VIEWS {
            bins[log2_bin(v) as usize] += 1;
        }
    };
    match selection {
        Selection::Range(range) => store.views[range.start as usize..range.end as usize].iter().for_each(|&v| add(v)),
        Selection::Rows(rows) => rows.iter().for_each(|&r| add(store.views[r as usize])),
    }
    while bins.last() == Some(&0) {
        bins.pop();
    }
    bins
}

/// The `n` most-viewed rows, views descending, ties by newest first then row.
///
/// A large selection walks the store's views order when it has been built (`Store::
/// rows_by_views`, a sort of every row: the page builds it while idle after loading, so the
/// first dashboard does not wait for it); otherwise the selected rows are cut at the n-th
/// largest views.
pub fn top_headlines(store: &Store, selection: &Selection, n: usize) -> Vec<u32> {
    if let Some(by_views) = store.rows_by_views_if_built().filter(|_| selection.len() * 8 > store.len()) {
        let contains = |row: u32| match selection {
            Selection::Range(range) => range.contains(&row),
            Selection::Rows(rows) => rows.binary_search(&row).is_ok(),
        };
        return by_views.iter().copied().filter(|&r| contains(r)).take(n).collect();
    }
    if n == 0 {
        return Vec::new();
    }
    let views = |row: u32| store.views[row as usize];
    let rows: Vec<u32> = selection.iter().filter(|&r| views(r) != NO_VIEWS).collect();
    let mut top = if rows.len() > n {
        let mut selected_views: Vec<u32> = rows.iter().map(|&r| views(r)).collect();
        let threshold = nth_largest(&mut selected_views, n);
        // Rows above the n-th largest views, and of the rows tied with it the newest: rows
        // ascend in time, so those are the last ones.
        let mut n_tied_wanted = n - rows.iter().filter(|&&r| views(r) > threshold).count();
        let mut kept = Vec::with_capacity(n);
        for &row in rows.iter().rev() {
            let above = views(row) > threshold;
            if above || (views(row) == threshold && n_tied_wanted > 0) {
                n_tied_wanted -= usize::from(!above);
                kept.push(row);
            }
        }
        kept
    } else {
        rows
    };
    sort_few_by(&mut top, &|&a, &b| views(b).cmp(&views(a)).then(b.cmp(&a)));
    top.truncate(n);
    top
}

/// Views by publication hour: for each hour 0–23, the articles with views and their median.
pub fn views_by_hour(store: &Store, selection: &Selection) -> Vec<(u8, u32, Option<f64>)> {
    let mut per_hour: Vec<Vec<u32>> = vec![Vec::new(); 24];
    for row in selection.iter() {
        let (hour, views) = (store.keys.hour[row as usize], store.views[row as usize]);
        if hour != super::time_keys::NO_HOUR && views != NO_VIEWS {
            per_hour[usize::from(hour)].push(views);
        }
    }
    per_hour
        .iter_mut()
        .enumerate()
        .map(|(hour, views)| {
            (
                u8::try_from(hour).unwrap_or(0),
                u32::try_from(views.len()).unwrap_or(u32::MAX),
                super::stats::median(views),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log2_bins_match_the_workload_definition() {
        let cases = [(0, 0), (1, 1), (2, 1), (3, 2), (6, 2), (7, 3), (1023, 10), (u32::MAX - 1, 31)];
        for (views, bin) in cases {
            assert_eq!(log2_bin(views), bin, "views {views}");
            assert_eq!(
                f64::from(views).ln_1p().div_euclid(std::f64::consts::LN_2) as u32,
                bin.min(31),
                "float check {views}"
            );
        }
    }
}
