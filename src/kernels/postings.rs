//! Postings of token lists: for every token id, the rows it occurs in.
//!
//! Contract: rows are numbered by their position in `ends`; each token's rows ascend and hold
//! each row once; a token repeated within a row is marked with the caller's repeat bit there.
//! Counting (`count_token_lists`: document frequencies, occurrences, repeat marks) and listing
//! (`list_token_rows`, from the counts and marks) are separate passes, so a caller can list
//! later than it counts; `index_token_lists` does both.

/// What `index_token_lists` counts and lists, one entry per token id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenIndex {
    /// Rows each token occurs in.
    pub doc_freq: Vec<u32>,
    /// Occurrences of each token, repeats within a row included.
    pub occurrences: Vec<u32>,
    /// The rows of every token.
    pub postings: Postings,
}

/// The rows of every token, token after token, each token's rows ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Postings {
    /// Where each token's rows end in `rows` (its rows start where the previous token's end).
    ends: Vec<u32>,
    rows: Vec<u32>,
}

impl Postings {
    /// The rows token `id` occurs in, ascending (none for an id out of range).
    pub fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends.get(id - 1).map_or(0, |&end| end as usize) };
        self.ends.get(id).map_or(&[], |&end| &self.rows[start..end as usize])
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        (self.ends.capacity() + self.rows.capacity()) * 4
    }
}

/// Indexes `tokens` — the token lists of every row one after the other, row `r` ending at
/// `ends[r]` — for ids below `n_ids` (an id is a token with `id_mask` applied). Sets
/// `repeat_bit` on each token that occurred before in its row and clears it on the others.
pub fn index_token_lists(n_ids: usize, tokens: &mut [u32], ends: &[u32], id_mask: u32, repeat_bit: u32) -> TokenIndex {
    let (doc_freq, occurrences) = count_token_lists(n_ids, tokens, ends, id_mask, repeat_bit);
    let postings = list_token_rows(&doc_freq, tokens, ends, id_mask, repeat_bit);
    TokenIndex { doc_freq, occurrences, postings }
}

/// The counting pass of `index_token_lists`: the rows and the occurrences of each id, with
/// the repeat marks set.
pub fn count_token_lists(
    n_ids: usize,
    tokens: &mut [u32],
    ends: &[u32],
    id_mask: u32,
    repeat_bit: u32,
) -> (Vec<u32>, Vec<u32>) {
    let counts = count_rows(n_ids, tokens, ends, 0, Flags { id_mask, repeat_bit });
    (counts.doc_freq, counts.occurrences)
}

/// The listing pass of `index_token_lists`, over the `tokens` its counting pass marked and
/// the `doc_freq` it counted.
pub fn list_token_rows(doc_freq: &[u32], tokens: &[u32], ends: &[u32], id_mask: u32, repeat_bit: u32) -> Postings {
    let list_ends = running_totals(doc_freq);
    let mut cursor = list_starts(&list_ends);
    let mut rows = vec![0u32; list_ends.last().map_or(0, |&n| n as usize)];
    list_rows(tokens, ends, 0, 0, Flags { id_mask, repeat_bit }, &mut cursor, &mut rows);
    Postings { ends: list_ends, rows }
}

/// `index_token_lists` on two threads, each counting and listing half of the rows; the second
/// half's rows are then copied in behind the first half's in every token's list. The result is
/// the same (a test checks it).
#[cfg(not(target_arch = "wasm32"))]
pub fn index_token_lists_in_halves(
    n_ids: usize,
    tokens: &mut [u32],
    ends: &[u32],
    id_mask: u32,
    repeat_bit: u32,
) -> TokenIndex {
    let flags = Flags { id_mask, repeat_bit };
    let mid_row = ends.len() / 2;
    let mid_token = if mid_row == 0 { 0 } else { ends[mid_row - 1] as usize };
    let (first_ends, second_ends) = ends.split_at(mid_row);
    let (first_tokens, second_tokens) = tokens.split_at_mut(mid_token);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| count_rows(n_ids, second_tokens, second_ends, mid_token, flags));
        let first = count_rows(n_ids, first_tokens, first_ends, 0, flags);
        (first, second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let doc_freq: Vec<u32> = first.doc_freq.iter().zip(&second.doc_freq).map(|(a, b)| a + b).collect();
    let occurrences = first.occurrences.iter().zip(&second.occurrences).map(|(a, b)| a + b).collect();
    let list_ends = running_totals(&doc_freq);
    let second_list_ends = running_totals(&second.doc_freq);
    let mut rows = vec![0u32; list_ends.last().map_or(0, |&n| n as usize)];
    let mut second_rows = vec![0u32; second_list_ends.last().map_or(0, |&n| n as usize)];
    let (first_tokens, second_tokens) = (&*first_tokens, &*second_tokens);
    let mid_row_u32 = u32::try_from(mid_row).unwrap_or(u32::MAX);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut cursor = list_starts(&second_list_ends);
            list_rows(second_tokens, second_ends, mid_token, mid_row_u32, flags, &mut cursor, &mut second_rows);
        });
        // The first half's rows go straight to their place: each list's start.
        let mut cursor = list_starts(&list_ends);
        list_rows(first_tokens, first_ends, 0, 0, flags, &mut cursor, &mut rows);
    });
    let mut second_start = 0usize;
    for (id, &n_second) in second.doc_freq.iter().enumerate() {
        let (end, n_second) = (list_ends[id] as usize, n_second as usize);
        rows[end - n_second..end].copy_from_slice(&second_rows[second_start..second_start + n_second]);
        second_start += n_second;
    }
    TokenIndex { doc_freq, occurrences, postings: Postings { ends: list_ends, rows } }
}

/// The id mask and repeat bit of a token list.
#[derive(Clone, Copy)]
struct Flags {
    id_mask: u32,
    repeat_bit: u32,
}

/// Rows and occurrences of each id among some rows.
struct Counts {
    doc_freq: Vec<u32>,
    occurrences: Vec<u32>,
}

/// Counts the rows and occurrences of each id in the rows whose lists are `tokens` (the rows'
/// `ends` count from `first_token`, where `tokens` starts), marking repeats within a row.
fn count_rows(n_ids: usize, tokens: &mut [u32], ends: &[u32], first_token: usize, flags: Flags) -> Counts {
    // Per id: the last row it was seen in, its rows, its occurrences — one place in memory
    // for the three, and no branch on whether a token repeats.
    let mut per_id = vec![[u32::MAX, 0, 0]; n_ids];
    let mut start = 0usize;
    for (row, &end) in ends.iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        let end = end as usize - first_token;
        for token in &mut tokens[start..end] {
            let [last_row, n_rows, n_occurrences] = &mut per_id[(*token & flags.id_mask) as usize];
            let repeat = *last_row == row;
            *token = (*token & !flags.repeat_bit) | (flags.repeat_bit * u32::from(repeat));
            *n_rows += u32::from(!repeat);
            *n_occurrences += 1;
            *last_row = row;
        }
        start = end;
    }
    Counts {
        doc_freq: per_id.iter().map(|&[_, n_rows, _]| n_rows).collect(),
        occurrences: per_id.iter().map(|&[_, _, n_occurrences]| n_occurrences).collect(),
    }
}

/// Where each id's list starts, given where each ends (`running_totals`): the first cursor of
/// `list_rows`.
fn list_starts(list_ends: &[u32]) -> Vec<u32> {
    std::iter::once(0).chain(list_ends.iter().copied()).take(list_ends.len()).collect()
}

/// Where each id's list ends when the lists have `lengths`, one after the other.
fn running_totals(lengths: &[u32]) -> Vec<u32> {
    let mut total = 0u32;
    lengths
        .iter()
        .map(|&n| {
            total += n;
            total
        })
        .collect()
}

/// Writes each row (numbered from `first_row`) of `tokens` (as in `count_rows`) at its ids'
/// `cursor` in `out`, once a row, advancing the cursors.
fn list_rows(
    tokens: &[u32],
    ends: &[u32],
    first_token: usize,
    first_row: u32,
    flags: Flags,
    cursor: &mut [u32],
    out: &mut [u32],
) {
    let mut start = 0usize;
    for (row, &end) in (first_row..).zip(ends) {
        let end = end as usize - first_token;
        for &token in &tokens[start..end] {
            if token & flags.repeat_bit == 0 {
                let id = (token & flags.id_mask) as usize;
                out[cursor[id] as usize] = row;
                cursor[id] += 1;
            }
        }
        start = end;
    }
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
        assert_eq!(index.postings.ends, vec![1, 3, 4]);
        assert_eq!(index.postings.rows, vec![0, 0, 2, 2]);
        assert_eq!([index.postings.of(0), index.postings.of(1), index.postings.of(2)], [&[0][..], &[0, 2], &[2]]);
        assert!(index.postings.of(3).is_empty());
    }

    #[test]
    fn halves_index_like_one_piece() {
        // Rows of 0 – 6 tokens over 40 ids, some repeated within a row, with stale flags.
        for n_rows in [0usize, 1, 2, 3, 10, 101] {
            let (mut tokens, mut ends) = (Vec::new(), Vec::new());
            for row in 0..n_rows {
                for k in 0..(row * 5) % 7 {
                    let id = u32::try_from((row * 13 + k * k * 5) % 40).unwrap_or(0);
                    tokens.push(if k % 3 == 1 { id | REPEAT | FLAG } else { id });
                }
                ends.push(u32::try_from(tokens.len()).unwrap_or(0));
            }
            let mut halves_tokens = tokens.clone();
            let whole = index_token_lists(40, &mut tokens, &ends, MASK, REPEAT);
            let halves = index_token_lists_in_halves(40, &mut halves_tokens, &ends, MASK, REPEAT);
            assert_eq!(halves, whole, "{n_rows} rows");
            assert_eq!(halves_tokens, tokens, "{n_rows} rows: repeat marks");
        }
    }

    #[test]
    fn no_rows_no_postings() {
        let index = index_token_lists(2, &mut [], &[], MASK, REPEAT);
        assert_eq!(index.doc_freq, vec![0, 0]);
        assert_eq!(index.postings.ends, vec![0, 0]);
        assert!(index.postings.rows.is_empty());
    }
}
