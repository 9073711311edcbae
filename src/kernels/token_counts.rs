//! Per-token counts over some rows' token lists: the inner loops of keyword counts.
//!
//! An entry counts unless it carries one of the bits of `skip_flags` (e.g. the repeat bit, so
//! that an article counts a token once); its token id is the entry with `id_mask` applied.

/// Adds to `totals` one for each counted entry of `entries` (the token lists of a run of rows).
pub fn add_entries(totals: &mut [u32], entries: &[u32], id_mask: u32, skip_flags: u32) {
    for &entry in entries {
        totals[(entry & id_mask) as usize] += u32::from(entry & skip_flags == 0);
    }
}

/// Takes from `totals` one for each counted entry of `entries`.
pub fn subtract_entries(totals: &mut [u32], entries: &[u32], id_mask: u32, skip_flags: u32) {
    for &entry in entries {
        totals[(entry & id_mask) as usize] -= u32::from(entry & skip_flags == 0);
    }
}

/// Rows whose entries are gathered before they are counted (`add_rows`).
const ROWS_A_GATHER: usize = 256;

/// Adds to `totals` the counted entries of each of `rows`, where row `r`'s entries are
/// `tokens[ends[r - 1]..ends[r]]` (from 0 for row 0).
///
/// Selected rows lie scattered over the token column, so fetching their entries waits on
/// memory. The entries of a few hundred rows are first copied into one buffer — loads that do
/// not depend on each other, so many are in flight at once — and then counted; counting while
/// fetching made each row's loads wait behind the previous row's increments (a quarter to a
/// third slower over 50,000 – 200,000 scattered rows of a million).
pub fn add_rows(totals: &mut [u32], tokens: &[u32], ends: &[u32], rows: &[u32], id_mask: u32, skip_flags: u32) {
    let mut gathered = Vec::with_capacity(ROWS_A_GATHER * 16);
    for chunk in rows.chunks(ROWS_A_GATHER) {
        gathered.clear();
        for &row in chunk {
            let row = row as usize;
            let start = if row == 0 { 0 } else { ends[row - 1] as usize };
            gathered.extend_from_slice(&tokens[start..ends[row] as usize]);
        }
        add_entries(totals, &gathered, id_mask, skip_flags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLAG: u32 = 1 << 30;
    const MASK: u32 = !(3 << 30);

    #[test]
    fn flagged_entries_are_skipped_when_asked() {
        // Row 0: 0 1 1(flagged); row 1: 2; row 2: 1.
        let (tokens, ends) = ([0, 1, 1 | FLAG, 2, 1], [3, 4, 5]);
        let mut totals = vec![0; 3];
        add_rows(&mut totals, &tokens, &ends, &[0, 2], MASK, FLAG);
        assert_eq!(totals, vec![1, 2, 0]);
        add_entries(&mut totals, &tokens, MASK, 0);
        assert_eq!(totals, vec![2, 5, 1]);
        subtract_entries(&mut totals, &tokens[3..], MASK, FLAG);
        assert_eq!(totals, vec![2, 4, 0]);
    }

    #[test]
    fn rows_gathered_in_batches_count_as_one_by_one() {
        // 1,000 rows of 0 – 6 entries (more rows than one gather holds), every third row taken.
        let (mut tokens, mut ends) = (Vec::new(), Vec::new());
        for row in 0..1_000u32 {
            tokens.extend((0..row % 7).map(|i| ((row * 31 + i * 17) % 50) | if i % 4 == 3 { FLAG } else { 0 }));
            ends.push(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
        }
        let rows: Vec<u32> = (0..1_000).filter(|r| r % 3 != 1).collect();
        let mut one_by_one = vec![0; 50];
        for &row in &rows {
            let start = if row == 0 { 0 } else { ends[row as usize - 1] as usize };
            add_entries(&mut one_by_one, &tokens[start..ends[row as usize] as usize], MASK, FLAG);
        }
        let mut batched = vec![0; 50];
        add_rows(&mut batched, &tokens, &ends, &rows, MASK, FLAG);
        assert_eq!(batched, one_by_one);
        assert!(batched.iter().sum::<u32>() > 1_000, "{batched:?}");
    }
}
