//! Interned tokens: id ↔ string, stopword flags, document frequency and postings lists.

use rustc_hash::FxHashMap;

/// A token id. The top bit is never set (see `CLAUSE_BIT` in `store`).
pub type TokenId = u32;

/// A token of up to 15 bytes (nearly every word) stored inline as one 16-byte number: hashing
/// and comparing it touches no other memory, and a table entry is 20 bytes, so more of the
/// table stays in the CPU cache (interning is the hottest loop of loading a file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct ShortKey(u128);

impl ShortKey {
    fn new(token: &str) -> Option<ShortKey> {
        let bytes = token.as_bytes();
        (bytes.len() < 16).then(|| {
            let mut key = [0u8; 16];
            key[..bytes.len()].copy_from_slice(bytes);
            key[15] = u8::try_from(bytes.len()).unwrap_or(0);
            ShortKey(u128::from_le_bytes(key))
        })
    }
}

/// The vocabulary of one store.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    strings: Vec<Box<str>>,
    short_index: FxHashMap<ShortKey, TokenId>,
    index: FxHashMap<Box<str>, TokenId>,
    /// True for tokens that are never topics (stopwords, bare numbers, single characters).
    pub is_stop: Vec<bool>,
    /// Articles containing each token.
    pub doc_freq: Vec<u32>,
    /// Occurrences of each token over all rows (a word twice in a headline counts twice).
    pub occurrences: Vec<u32>,
    postings_ends: Vec<u32>,
    postings: Vec<u32>,
}

impl Vocab {
    /// The id of `token`, adding it if new.
    pub fn intern(&mut self, token: &str) -> TokenId {
        let next = TokenId::try_from(self.strings.len()).unwrap_or(TokenId::MAX >> 1);
        let id = match ShortKey::new(token) {
            Some(key) => *self.short_index.entry(key).or_insert(next),
            None => *self.index.entry(token.into()).or_insert(next),
        };
        if id == next {
            self.strings.push(token.into());
        }
        id
    }

    /// The id of `token`, if it occurs.
    pub fn id(&self, token: &str) -> Option<TokenId> {
        match ShortKey::new(token) {
            Some(key) => self.short_index.get(&key).copied(),
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

    /// Sorted rows containing `id`.
    pub fn postings(&self, id: TokenId) -> &[u32] {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.postings_ends[id - 1] as usize };
        &self.postings[start..self.postings_ends[id] as usize]
    }

    /// Builds document frequencies and postings from per-row token lists, whose ids are
    /// `token & id_mask` (the mask clears flag bits).
    pub fn index_rows<'a>(&mut self, rows: impl Iterator<Item = &'a [TokenId]> + Clone, id_mask: u32) {
        let n_tokens = self.strings.len();
        let mut last_row = vec![u32::MAX; n_tokens];
        let mut doc_freq = vec![0u32; n_tokens];
        let mut occurrences = vec![0u32; n_tokens];
        for (row, tokens) in rows.clone().enumerate() {
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            for &token in tokens {
                let t = (token & id_mask) as usize;
                occurrences[t] += 1;
                if last_row[t] != row {
                    last_row[t] = row;
                    doc_freq[t] += 1;
                }
            }
        }
        let mut ends = Vec::with_capacity(n_tokens);
        let mut total = 0u32;
        for &df in &doc_freq {
            total += df;
            ends.push(total);
        }
        let mut cursor: Vec<u32> = std::iter::once(0).chain(ends.iter().copied()).take(n_tokens).collect();
        let mut postings = vec![0u32; total as usize];
        last_row.fill(u32::MAX);
        for (row, tokens) in rows.enumerate() {
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            for &token in tokens {
                let t = (token & id_mask) as usize;
                if last_row[t] != row {
                    last_row[t] = row;
                    postings[cursor[t] as usize] = row;
                    cursor[t] += 1;
                }
            }
        }
        self.doc_freq = doc_freq;
        self.occurrences = occurrences;
        self.postings_ends = ends;
        self.postings = postings;
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self.strings.iter().map(|s| s.len() + 16).sum();
        strings * 2
            + self.index.capacity() * 8
            + self.is_stop.capacity()
            + (self.doc_freq.capacity() + self.postings_ends.capacity() + self.postings.capacity()) * 4
    }
}
