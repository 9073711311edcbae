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

/// Adds to `totals` the counted entries of each of `rows`, where row `r`'s entries are
/// `tokens[ends[r - 1]..ends[r]]` (from 0 for row 0).
pub fn add_rows(totals: &mut [u32], tokens: &[u32], ends: &[u32], rows: &[u32], id_mask: u32, skip_flags: u32) {
    for &row in rows {
        let row = row as usize;
        let start = if row == 0 { 0 } else { ends[row - 1] as usize };
        add_entries(totals, &tokens[start..ends[row] as usize], id_mask, skip_flags);
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
}
