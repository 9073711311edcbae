//! Postings of token lists: for every token id, the rows it occurs in.
//!
//! Contract: rows are numbered by their position in `ends`; each token's rows ascend and hold
//! each row once; a token repeated within a row is marked with the caller's repeat bit there.

/// What `index_token_lists` counts and lists, one entry per token id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenIndex {
    /// Rows each token occurs in.
    pub doc_freq: Vec<u32>,
    /// Occurrences of each token, repeats within a row included.
    pub occurrences: Vec<u32>,
    /// Where each token's rows end in `rows` (its rows start where the previous token's end).
    pub ends: Vec<u32>,
    /// The rows of every token, token after token, each token's rows ascending.
    pub rows: Vec<u32>,
}

/// Indexes `tokens` — the token lists of every row one after the other, row `r` ending at
/// `ends[r]` — for ids below `n_ids` (an id is a token with `id_mask` applied). Sets
/// `repeat_bit` on each token that occurred before in its row and clears it on the others.
pub fn index_token_lists(n_ids: usize, tokens: &mut [u32], ends: &[u32], id_mask: u32, repeat_bit: u32) -> TokenIndex {
    let mut last_row = vec![u32::MAX; n_ids];
    let mut doc_freq = vec![0u32; n_ids];
    let mut occurrences = vec![0u32; n_ids];
    let mut start = 0usize;
    for (row, &end) in ends.iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        for token in &mut tokens[start..end as usize] {
            let id = (*token & id_mask) as usize;
            occurrences[id] += 1;
            if last_row[id] == row {
                *token |= repeat_bit;
            } else {
                *token &= !repeat_bit;
                last_row[id] = row;
                doc_freq[id] += 1;
            }
        }
        start = end as usize;
    }
    drop(last_row);
    let mut list_ends = Vec::with_capacity(n_ids);
    let mut total = 0u32;
    for &n_rows in &doc_freq {
        total += n_rows;
        list_ends.push(total);
    }
    let mut cursor: Vec<u32> = std::iter::once(0).chain(list_ends.iter().copied()).take(n_ids).collect();
    let mut rows = vec![0u32; total as usize];
    let mut start = 0usize;
    for (row, &end) in ends.iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        for &token in &tokens[start..end as usize] {
            if token & repeat_bit == 0 {
                let id = (token & id_mask) as usize;
                rows[cursor[id] as usize] = row;
                cursor[id] += 1;
            }
        }
        start = end as usize;
    }
    TokenIndex { doc_freq, occurrences, ends: list_ends, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPEAT: u32 = 1 << 30;
    const FLAG: u32 = 1 << 31;
    const MASK: u32 = !(REPEAT | FLAG);

    #[test]
    fn lists_each_tokens_rows_once_and_marks_repeats() {
        // Row 0: 1 0 1 (1 repeated, carrying a stale repeat mark elsewhere); row 1: empty;
        // row 2: 2 1 with the caller's other flag on 2 and a stale repeat mark on 1.
        let mut tokens = vec![1, 0, 1, 2 | FLAG, 1 | REPEAT];
        let index = index_token_lists(3, &mut tokens, &[3, 3, 5], MASK, REPEAT);
        assert_eq!(tokens, vec![1, 0, 1 | REPEAT, 2 | FLAG, 1]);
        assert_eq!(index.doc_freq, vec![1, 2, 1]);
        assert_eq!(index.occurrences, vec![1, 3, 1]);
        assert_eq!(index.ends, vec![1, 3, 4]);
        assert_eq!(index.rows, vec![0, 0, 2, 2]);
    }

    #[test]
    fn no_rows_no_postings() {
        let index = index_token_lists(2, &mut [], &[], MASK, REPEAT);
        assert_eq!(index.doc_freq, vec![0, 0]);
        assert_eq!(index.ends, vec![0, 0]);
        assert!(index.rows.is_empty());
    }
}
