//! Interned tokens: id ↔ string, stopword flags, document frequencies; the postings lists of
//! their rows are made from the token lists (`index_rows`, or `count_rows` then `postings`).

/// Marks a token that starts a clause (first word, or after punctuation) in a token list.
pub const CLAUSE_BIT: u32 = 1 << 31;
/// Marks a token that occurred before in the same row, so counting articles per token needs
/// no "last row seen" table: count the tokens without this bit.
pub const REPEAT_BIT: u32 = 1 << 30;
/// The token id within an entry of a token list (the flag bits cleared).
pub const ID_BITS: u32 = !(CLAUSE_BIT | REPEAT_BIT);
pub use crate::postings::Postings;
use rustc_hash::FxHashMap;

/// A token id. The top two bits are never set (they are flags in `Store::tokens`, see `ID_BITS`).
pub type TokenId = u32;

/// A token of up to 15 bytes (nearly every word) as one 16-byte number: the bytes, zero
/// padding, and the length in the last byte. Hashing and comparing it touches no other memory.
pub type ShortKey = u128;

/// The `ShortKey` of `token`, or `None` when it is 16 bytes or longer.
pub fn short_key(token: &str) -> Option<ShortKey> {
    let bytes = token.as_bytes();
    (bytes.len() < 16).then(|| {
        let mut key = [0u8; 16];
        key[..bytes.len()].copy_from_slice(bytes);
        key[15] = u8::try_from(bytes.len()).unwrap_or(0);
        u128::from_le_bytes(key)
    })
}

/// `keys` entry of a token of 16 bytes or more: its last byte (255) is no length, so it equals
/// no `ShortKey`.
const LONG_TOKEN: ShortKey = u128::MAX;

/// An open-addressing table from `ShortKey` to id: each slot holds an id + 1 (0 = empty) and the
/// keys live in id order beside the strings, so the table is 4 bytes a slot and fits the CPU
/// cache even for a vocabulary of 100,000 words (interning is the hottest loop of a load).
#[derive(Clone, Debug, Default)]
struct ShortTable {
    slots: Vec<u32>,
    n_keys: usize,
}

impl ShortTable {
    fn slot_of(key: ShortKey, n_slots: usize) -> usize {
        // Fold the two halves, then a multiplicative hash; the top bits pick the slot.
        #[expect(clippy::cast_possible_truncation, reason = "the low and high 64-bit halves")]
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let hash = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let bits = n_slots.trailing_zeros();
        usize::try_from(hash >> (64 - bits)).unwrap_or(0)
    }

    /// The id of `key` among `keys`, if present.
    fn get(&self, key: ShortKey, keys: &[ShortKey]) -> Option<TokenId> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = Self::slot_of(key, self.slots.len());
        loop {
            match self.slots[slot] {
                0 => return None,
                id_plus_1 if keys[id_plus_1 as usize - 1] == key => return Some(id_plus_1 - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Adds `id`, whose key is `keys[id]` and not in the table yet; at most half the slots are
    /// ever used, so probes stay short.
    fn insert(&mut self, id: TokenId, keys: &[ShortKey]) {
        if (self.n_keys + 1) * 2 > self.slots.len() {
            let n_slots = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![0u32; n_slots]);
            for id_plus_1 in old.into_iter().filter(|&s| s != 0) {
                self.place(id_plus_1, keys);
            }
        }
        self.place(id + 1, keys);
        self.n_keys += 1;
    }

    fn place(&mut self, id_plus_1: u32, keys: &[ShortKey]) {
        let mask = self.slots.len() - 1;
        let mut slot = Self::slot_of(keys[id_plus_1 as usize - 1], self.slots.len());
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = id_plus_1;
    }
}

/// The vocabulary of one store.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    strings: Vec<Box<str>>,
    /// The `ShortKey` of each token in id order (`LONG_TOKEN` for long ones).
    keys: Vec<ShortKey>,
    short_index: ShortTable,
    index: FxHashMap<Box<str>, TokenId>,
    /// True for tokens that are never topics (stopwords, bare numbers, single characters).
    pub is_stop: Vec<bool>,
    /// Articles containing each token.
    pub doc_freq: Vec<u32>,
    /// Occurrences of each token over all rows (a word twice in a headline counts twice).
    pub occurrences: Vec<u32>,
}

impl Vocab {
    /// The id of `token`, adding it if new.
    pub fn intern(&mut self, token: &str) -> TokenId {
        match short_key(token) {
            Some(key) => self.intern_short(key),
            None => {
                let next = self.next_id();
                let id = *self.index.entry(token.into()).or_insert(next);
                if id == next {
                    self.strings.push(token.into());
                    self.keys.push(LONG_TOKEN);
                }
                id
            }
        }
    }

    /// The id of the token whose `ShortKey` is `key`, adding it if new.
    pub fn intern_short(&mut self, key: ShortKey) -> TokenId {
        if let Some(id) = self.short_index.get(key, &self.keys) {
            return id;
        }
        let id = self.next_id();
        let bytes = key.to_le_bytes();
        let text = std::str::from_utf8(&bytes[..usize::from(bytes[15]).min(15)]).unwrap_or_default();
        self.strings.push(text.into());
        self.keys.push(key);
        self.short_index.insert(id, &self.keys);
        id
    }

    fn next_id(&self) -> TokenId {
        TokenId::try_from(self.strings.len()).unwrap_or(ID_BITS).min(ID_BITS)
    }

    /// The id of `token`, if it occurs.
    pub fn id(&self, token: &str) -> Option<TokenId> {
        match short_key(token) {
            Some(key) => self.short_index.get(key, &self.keys),
            None => self.index.get(token).copied(),
        }
    }

    /// The string of `id`.
    pub fn text(&self, id: TokenId) -> &str {
        &self.strings[id as usize]
    }

    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// True when no token was seen.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    /// All tokens with their ids, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (TokenId, &str)> {
        self.strings.iter().enumerate().map(|(i, s)| (TokenId::try_from(i).unwrap_or(0), s.as_ref()))
    }

    /// Counts document frequencies and occurrences from the token lists of every row
    /// (`tokens`, each row ending at its `ends` entry), marks with `REPEAT_BIT` each token that
    /// occurred before in its row (clearing stale marks), and lists the rows of each token.
    /// Natively, from `MIN_ROWS_IN_HALVES` rows on, on two threads.
    pub fn index_rows(&mut self, tokens: &mut [TokenId], ends: &[u32]) -> Postings {
        use crate::postings::index_token_lists;
        #[cfg(not(target_arch = "wasm32"))]
        let index_token_lists = {
            const MIN_ROWS_IN_HALVES: usize = 100_000;
            let in_halves =
                ends.len() >= MIN_ROWS_IN_HALVES && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
            if in_halves { crate::postings::index_token_lists_in_halves } else { index_token_lists }
        };
        let index = index_token_lists(self.strings.len(), tokens, ends, ID_BITS, REPEAT_BIT);
        (self.doc_freq, self.occurrences) = (index.doc_freq, index.occurrences);
        index.postings
    }

    /// `index_rows` without listing the rows: `postings` lists them later.
    pub fn count_rows(&mut self, tokens: &mut [TokenId], ends: &[u32]) {
        (self.doc_freq, self.occurrences) =
            crate::postings::count_token_lists(self.strings.len(), tokens, ends, ID_BITS, REPEAT_BIT);
    }

    /// The rows of each token, from the token lists `count_rows` marked.
    pub fn postings(&self, tokens: &[TokenId], ends: &[u32]) -> Postings {
        crate::postings::list_token_rows(&self.doc_freq, tokens, ends, ID_BITS, REPEAT_BIT)
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self.strings.iter().map(|s| s.len() + 16).sum();
        strings * 2
            + self.index.capacity() * 8
            + self.keys.capacity() * 16
            + self.short_index.slots.capacity() * 4
            + self.is_stop.capacity()
            + (self.doc_freq.capacity() + self.occurrences.capacity()) * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_in_first_seen_order_through_table_growth() {
        let mut vocab = Vocab::default();
        let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
        let long = "a-token-of-sixteen-bytes-or-more";
        for (i, word) in words.iter().enumerate() {
            assert_eq!(vocab.intern(word), u32::try_from(i).unwrap_or(0));
        }
        assert_eq!(vocab.intern(long), 100_000);
        for (i, word) in words.iter().enumerate().rev() {
            assert_eq!(vocab.intern(word), u32::try_from(i).unwrap_or(0), "re-interning {word}");
            assert_eq!(vocab.id(word), Some(u32::try_from(i).unwrap_or(0)));
            assert_eq!(vocab.text(u32::try_from(i).unwrap_or(0)), word);
        }
        assert_eq!(vocab.id(long), Some(100_000));
        assert_eq!(vocab.text(100_000), long);
        assert_eq!(vocab.len(), 100_001);
        assert_eq!(vocab.id("absent"), None);
        assert_eq!(Vocab::default().id("w1"), None);
    }

    #[test]
    fn a_short_key_is_the_token_interned_by_text() {
        let mut vocab = Vocab::default();
        let id = vocab.intern("kremlin");
        assert_eq!(short_key("kremlin").map(|key| vocab.intern_short(key)), Some(id));
        assert_eq!(short_key("0123456789abcdef"), None, "16 bytes are not short");
    }
}
