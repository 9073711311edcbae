//! Small exact statistics.

/// Medians and n-th largest view counts: selections in place, from the kernels.
pub use headline_trends_kernels::select::{median, nth_largest};

/// The first `n` of `items` in `order`, sorted: the `n` are picked in linear time first, so
/// only they are sorted. `order` must be a total order (break ties) for a deterministic result.
pub fn first_n_by<T>(mut items: Vec<T>, n: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if n == 0 {
        return Vec::new();
    }
    if items.len() > n {
        items.select_nth_unstable_by(n - 1, &order);
        items.truncate(n);
    }
    sort_few_by(&mut items, &order);
    items
}

/// Sorts a short list (up to some thousands: top-n lists, labels, chart points) by `order`.
///
/// Every caller shares one instance of the standard sort — it sorts `u32` indices through a
/// `dyn` comparator, then moves the items into place — where `sort_unstable_by` would compile
/// one ~4 KB sort per item type and closure into the page. Sorts over all rows keep their own
/// generic sort. `order` must be a total order for a deterministic result.
pub fn sort_few_by<T>(items: &mut Vec<T>, order: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let mut indices: Vec<u32> = (0..u32::try_from(items.len()).unwrap_or(u32::MAX)).collect();
    sort_indices(&mut indices, &|a, b| order(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(indices.iter().filter_map(|&i| slots[i as usize].take()));
}

/// The one sort instance behind `sort_few_by`.
fn sort_indices(indices: &mut [u32], order: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    indices.sort_unstable_by(|&a, &b| order(a as usize, b as usize));
}

/// Mean and population standard deviation; `None` if empty.
pub fn mean_and_std(values: &[f64]) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "window lengths are small")]
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    Some((mean, variance.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_n_by_equals_sorting_everything() {
        let items: Vec<u32> = (0..100).map(|i| (i * 37) % 101).collect();
        let mut sorted = items.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        for n in [0, 1, 5, 100, 200] {
            assert_eq!(first_n_by(items.clone(), n, |a, b| b.cmp(a)), sorted[..n.min(100)]);
        }
    }

    #[test]
    fn sort_few_by_equals_the_standard_sort() {
        let words: Vec<String> = (0..500_u32).map(|i| format!("w{}", (i * 7919) % 263)).collect();
        for len in [0, 1, 2, 17, 500] {
            let mut ours = words[..len].to_vec();
            sort_few_by(&mut ours, &|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            let mut standard = words[..len].to_vec();
            standard.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            assert_eq!(ours, standard, "{len} items");
        }
    }

    #[test]
    fn mean_and_spread() {
        // Medians are tested beside their code, in the kernels' `select`.
        assert_eq!(mean_and_std(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), Some((5.0, 2.0)));
    }
}
