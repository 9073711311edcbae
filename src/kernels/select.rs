//! Selections in place over view counts: medians and n-th largest values.

/// The median of `values` (mean of the two middle values for an even count); `None` if empty.
/// Reorders `values`.
pub fn median(values: &mut [u32]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (_, &mut upper, _) = values.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return Some(f64::from(upper));
    }
    let lower = values[..n / 2].iter().copied().max().unwrap_or(upper);
    Some((f64::from(lower) + f64::from(upper)) / 2.0)
}

/// The `n`-th largest of `values` (`n` from 1 to `values.len()`). Reorders `values`. Shares its
/// selection code with `median`.
pub fn nth_largest(values: &mut [u32], n: usize) -> u32 {
    let at = values.len() - n;
    *values.select_nth_unstable(at).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_skewed_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5.0));
        assert_eq!(median(&mut [9, 1, 5]), Some(5.0));
        assert_eq!(median(&mut [10, 1, 4, 7]), Some(5.5));
        assert_eq!(median(&mut [1, 1, 1, 1_000_000]), Some(1.0));
    }

    #[test]
    fn nth_largest_counts_from_the_top() {
        let mut values = [4, 9, 1, 9, 7];
        assert_eq!(nth_largest(&mut values, 1), 9);
        assert_eq!(nth_largest(&mut values, 2), 9);
        assert_eq!(nth_largest(&mut values, 3), 7);
        assert_eq!(nth_largest(&mut values, 5), 1);
    }
}
