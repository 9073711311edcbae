//! Token lists: the titles of rows tokenized into interned ids, one list a row, ids in
//! first-seen order.
//!
//! Contract: tokenizing rows in one go, in steps, or in shares with vocabularies of their own
//! then appended in row order gives the same ids, lists and vocabulary.

use crate::text_column::TextColumn;
use crate::tokenize::for_each_plain_word;
use crate::tokenize::keyed::{KeyedWord, for_each_keyed_word_in};
use crate::vocab::{CLAUSE_BIT, TokenId, Vocab};

/// Which tokenizer fills a token column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TokenizerKind {
    /// The product's tokenizer (`tokenize::for_each_word`).
    #[default]
    Rich,
    /// The benchmark workload's plain tokenizer, for digest cross-checks.
    Plain,
}

/// Where tokenized rows go: a vocabulary, the token ids of every row one after the other, and
/// where each row's ids end.
pub struct TokenLists<'a> {
    /// The vocabulary the ids are interned in.
    pub vocab: &'a mut Vocab,
    /// The token ids of every row, one row after the other.
    pub tokens: &'a mut Vec<TokenId>,
    /// Where each row's ids end in `tokens`.
    pub ends: &'a mut Vec<u32>,
}

impl TokenLists<'_> {
    /// Appends rows tokenized with another vocabulary, re-interning its tokens in id order
    /// (their first-seen order) and rewriting the rows' ids.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn append(&mut self, other: OwnedTokenLists) {
        let id_here: Vec<TokenId> = other.vocab.iter().map(|(_, token)| self.vocab.intern(token)).collect();
        let base = u32::try_from(self.tokens.len()).unwrap_or(u32::MAX);
        self.tokens
            .extend(other.tokens.iter().map(|&t| id_here[(t & crate::vocab::ID_BITS) as usize] | (t & CLAUSE_BIT)));
        self.ends.extend(other.ends.iter().map(|&end| base + end));
    }
}

/// `TokenLists` that own their parts (one thread's share).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub struct OwnedTokenLists {
    /// The share's own vocabulary.
    pub vocab: Vocab,
    /// The token ids of every row.
    pub tokens: Vec<TokenId>,
    /// Where each row's ids end.
    pub ends: Vec<u32>,
}

#[cfg(not(target_arch = "wasm32"))]
impl OwnedTokenLists {
    /// The lists to tokenize into.
    pub fn lists(&mut self) -> TokenLists<'_> {
        TokenLists { vocab: &mut self.vocab, tokens: &mut self.tokens, ends: &mut self.ends }
    }
}

/// Tokenizes the titles of `rows` into `out`.
pub fn tokenize_rows(
    titles: &TextColumn,
    rows: std::ops::Range<usize>,
    tokenizer: TokenizerKind,
    scratch: &mut String,
    out: &mut TokenLists<'_>,
) {
    let (vocab, tokens) = (&mut *out.vocab, &mut *out.tokens);
    let all_titles = titles.all_text();
    for row in rows {
        match tokenizer {
            TokenizerKind::Rich => {
                for_each_keyed_word_in(all_titles, titles.range_of(row), scratch, |word, starts_clause| {
                    let id = match word {
                        KeyedWord::Short(key) => vocab.intern_short(key),
                        KeyedWord::Long(token) => vocab.intern(token),
                    };
                    tokens.push(if starts_clause { id | CLAUSE_BIT } else { id });
                })
            }
            TokenizerKind::Plain => for_each_plain_word(titles.get(row), |token| tokens.push(vocab.intern(token))),
        }
        out.ends.push(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
    }
}
