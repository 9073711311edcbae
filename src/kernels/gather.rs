//! View counts of some rows, gathered: the inner loops of a topic's views over a selection.

/// Pushes onto `out` the views of each of `rows` that has them (`views[row] != no_views`);
/// returns how many rows there were.
pub fn views_of_rows(views: &[u32], rows: &[u32], no_views: u32, out: &mut Vec<u32>) -> usize {
    for &row in rows {
        let v = views[row as usize];
        if v != no_views {
            out.push(v);
        }
    }
    rows.len()
}

/// As `views_of_rows`, for the rows of `rows` whose bit is set in `bits` (row `r` is bit
/// `r % 64` of `bits[r / 64]`); returns how many rows were picked.
pub fn views_of_rows_in_bits(views: &[u32], rows: &[u32], bits: &[u64], no_views: u32, out: &mut Vec<u32>) -> usize {
    let mut n_picked = 0;
    for &row in rows {
        let word = bits.get((row / 64) as usize).copied().unwrap_or(0);
        if word & (1 << (row % 64)) != 0 {
            n_picked += 1;
            let v = views[row as usize];
            if v != no_views {
                out.push(v);
            }
        }
    }
    n_picked
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: u32 = u32::MAX;

    #[test]
    fn rows_without_views_count_but_add_no_view() {
        let views = [5, NONE, 7, 9];
        let mut out = Vec::new();
        assert_eq!(views_of_rows(&views, &[0, 1, 3], NONE, &mut out), 3);
        assert_eq!(out, vec![5, 9]);
        out.clear();
        // Bits of rows 1, 2 and 3; row 0 is not selected; a row past the bits is not either.
        assert_eq!(views_of_rows_in_bits(&views, &[0, 1, 2, 3], &[0b1110], NONE, &mut out), 3);
        assert_eq!(out, vec![7, 9]);
        out.clear();
        assert_eq!(views_of_rows_in_bits(&views, &[70], &[u64::MAX], NONE, &mut out), 0);
    }
}
