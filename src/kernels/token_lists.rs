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
    // A title's ids are gathered here and appended at once: one capacity check a title instead
    // of one a word (in wasm, 7 ns a word: the vector's length goes through memory around
    // every interning call).
    let mut ids = [0 as TokenId; 64];
    for row in rows {
        match tokenizer {
            TokenizerKind::Rich => {
                let mut n_ids = 0;
                for_each_keyed_word_in(all_titles, titles.range_of(row), scratch, |word, starts_clause| {
                    let id = match word {
                        KeyedWord::Short(key) => vocab.intern_short(key),
                        KeyedWord::Long(token) => vocab.intern(token),
                    };
                    if n_ids == ids.len() {
                        tokens.extend_from_slice(&ids);
                        n_ids = 0;
                    }
                    ids[n_ids] = if starts_clause { id | CLAUSE_BIT } else { id };
                    n_ids += 1;
                });
                tokens.extend_from_slice(&ids[..n_ids]);
            }
            TokenizerKind::Plain => for_each_plain_word(titles.get(row), |token| tokens.push(vocab.intern(token))),
        }
        out.ends.push(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::for_each_word;

    #[test]
    fn titles_of_more_words_than_the_gathering_array_keep_every_word() {
        let long_title: String = (0..150).map(|i| format!("w{i} ")).collect();
        let mut titles = TextColumn::with_capacity(3, 0);
        for title in ["First words, then", long_title.as_str(), "last one"] {
            titles.push(title);
        }
        let (mut vocab, mut tokens, mut ends) = (Vocab::default(), Vec::new(), Vec::new());
        let mut out = TokenLists { vocab: &mut vocab, tokens: &mut tokens, ends: &mut ends };
        tokenize_rows(&titles, 0..3, TokenizerKind::Rich, &mut String::new(), &mut out);
        assert_eq!(ends, [3, 153, 155]);
        let mut expected = Vec::new();
        for row in 0..3 {
            for_each_word(titles.get(row), &mut String::new(), |word| {
                expected.push((word.token.to_owned(), word.starts_clause));
            });
        }
        let got: Vec<(String, bool)> =
            tokens.iter().map(|&t| (vocab.text(t & crate::vocab::ID_BITS).to_owned(), t & CLAUSE_BIT != 0)).collect();
        assert_eq!(got, expected);
    }
}
