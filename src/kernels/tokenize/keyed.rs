//! The load path's tokenizer: headline words straight to `ShortKey`s.
//!
//! Contract: `for_each_keyed_word` yields exactly the tokens and clause starts of
//! `for_each_word` (property tests and every headline of the shared datasets check it), but an
//! ASCII word of fewer than 16 letters and digits — nearly every word — becomes its `ShortKey`
//! with no string or copy in between: the title's bytes are classified 64 at a time into bit
//! masks (`classes`), where counting zero bits finds where the next word starts, whether the
//! gap before it breaks the clause and where the word ends; then the 16 bytes from its start
//! are loaded at once, and SIMD lanes keep the word's own bytes, lower-case them and check
//! that it is no all-capitals word.
//! Anything else (apostrophes, dotted acronyms, underscores, all-capitals words, long words,
//! non-ASCII headlines) goes through `normalise`, as in `for_each_word`.

use super::classes::ByteClasses;
use super::{ascii_word_end, for_each_word, has_upper_word, is_dotted_acronym, is_shouting, normalise};
use crate::vocab::{ShortKey, short_key};
use wide::u8x16;

/// A normalised word: inline when shorter than 16 bytes, else the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyedWord<'a> {
    /// The `ShortKey` of the token.
    Short(ShortKey),
    /// A token of 16 bytes or more.
    Long(&'a str),
}

impl<'a> KeyedWord<'a> {
    fn of(token: &'a str) -> KeyedWord<'a> {
        short_key(token).map_or(KeyedWord::Long(token), KeyedWord::Short)
    }
}

/// The lower-cased `ShortKey` of the ASCII word in the first `len` (1–15) bytes of `window`
/// (what follows them is left out), or `None` when the word has two or more letters, all in
/// capitals (a possible acronym, decided by `normalise`). In SIMD lanes (`wide`): the capitals
/// and letters among the first `len` bytes are two compares, each a bit mask.
#[inline(always)]
fn word_key(window: u128, len: usize) -> Option<ShortKey> {
    const LANE: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    let (bytes, lane, splat) = (u8x16::from(window.to_le_bytes()), u8x16::from(LANE), u8x16::splat);
    #[expect(clippy::cast_possible_truncation, reason = "a short word's length is below 16")]
    let len = splat(len as u8);
    let in_word = lane.simd_lt(len);
    let capitals = (bytes - splat(b'A')).simd_lt(splat(26)) & in_word;
    let capital_bits = capitals.to_bitmask();
    if capital_bits.count_ones() >= 2 {
        let letters = ((bytes | splat(0x20)) - splat(b'a')).simd_lt(splat(26)) & in_word;
        if letters.to_bitmask() == capital_bits {
            return None;
        }
    }
    let lowered = (bytes | (capitals & splat(0x20))) & in_word;
    // The key's last byte is the length.
    Some(u128::from_le_bytes((lowered | (lane.simd_eq(splat(15)) & len)).to_array()))
}

/// True when the letters and digits ending before `rest` may go on as one word: `_`, or UAX
/// #29's mid-word punctuation followed by a letter or digit (`don't`, `1,204`, `U.S`). Such a
/// word takes the general path.
#[inline(always)]
fn word_goes_on(rest: &[u8]) -> bool {
    match rest {
        [b'_', ..] => true,
        [b'\'' | b'.' | b':' | b',' | b';', next, ..] => next.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// The 16 bytes of `text` from `i` on as one number, for `word_key`, which looks only at the
/// word's own bytes: what follows the title (the next titles of a column) is read, not
/// masked. Near the text's end, the bytes up to `end` then zeros.
#[inline(always)]
fn window_at(text: &[u8], i: usize, end: usize) -> u128 {
    match text.get(i..i + 16) {
        Some(window) => u128::from_le_bytes(window.try_into().unwrap_or([0; 16])),
        None => chunks_near_the_end(text, i, end)[0],
    }
}

/// Calls `on_word(word, starts_clause)` for each token of `title`, as `for_each_word` would.
pub fn for_each_keyed_word(title: &str, scratch: &mut String, on_word: impl FnMut(KeyedWord<'_>, bool)) {
    for_each_keyed_word_in(title, 0..title.len(), scratch, on_word);
}

/// `for_each_keyed_word` for the title `&text[range]`, which may read the bytes of `text` past
/// the title (see `window_at`): for titles that lie one after the other in a column.
pub fn for_each_keyed_word_in(
    text: &str,
    range: std::ops::Range<usize>,
    scratch: &mut String,
    mut on_word: impl FnMut(KeyedWord<'_>, bool),
) {
    let title = &text[range.clone()];
    if !title.is_ascii() {
        for_each_word(title, scratch, |word| on_word(KeyedWord::of(word.token), word.starts_clause));
        return;
    }
    let (all_bytes, base) = (text.as_bytes(), range.start);
    let bytes = title.as_bytes();
    let mut shouting: Option<bool> = None;
    let mut is_shouted = || *shouting.get_or_insert_with(|| has_upper_word(title) && is_shouting(title));
    let mut starts_clause = true;
    // The classes of the 64 title bytes from `block_start` on, made again (`stale`) when a
    // block is used up, after the general path, and when fewer than 16 bytes of the block
    // follow `i` while the title goes on: a word's end is looked for only within 16 bytes.
    let (mut block_start, mut classes, mut stale) = (0, ByteClasses::default(), true);
    let mut i = 0;
    while i < bytes.len() {
        if stale || (i - block_start > 48 && block_start + 64 < bytes.len()) {
            block_start = i;
            classes = classes_at(all_bytes, base + i, range.end);
            stale = false;
        }
        let rel = i - block_start;
        let ahead = classes.word >> rel;
        if ahead == 0 {
            // No word starts in the rest of the block.
            starts_clause |= classes.breaking >> rel != 0;
            i = block_start + 64;
            stale = true;
            continue;
        }
        let gap = ahead.trailing_zeros() as usize;
        starts_clause |= (classes.breaking >> rel) & ((1u64 << gap) - 1) != 0;
        i += gap;
        if i - block_start > 48 && block_start + 64 < bytes.len() {
            continue; // a new block from this word's start on
        }
        // A run of 16 is a long word (or more): the general path finds its end.
        let run = ((!(classes.alnum >> (i - block_start))).trailing_zeros() as usize).min(16);
        let end = i + run;
        if run > 0
            && run < 16
            && !word_goes_on(&bytes[end..])
            && let Some(key) = word_key(window_at(all_bytes, base + i, range.end), run)
        {
            on_word(KeyedWord::Short(key), starts_clause);
            starts_clause = false;
            i = end;
            continue;
        }
        let end = ascii_word_end(bytes, i);
        let word = &title[i..end];
        i = end;
        stale = true;
        if !word.bytes().any(|b| b.is_ascii_alphanumeric()) {
            starts_clause = true; // underscores alone are no word, and break the clause
            continue;
        }
        normalise(word, &mut is_shouted, scratch);
        if !scratch.is_empty() {
            on_word(KeyedWord::of(scratch), starts_clause);
            starts_clause = false;
        }
        // The full stop of `U.S.` belongs to the acronym, not to the sentence.
        if bytes.get(end) == Some(&b'.') && is_dotted_acronym(word) {
            i += 1;
        }
    }
}

/// The byte classes of the 64 bytes of `text` from `i` on, those from `end` on left out.
#[inline(always)]
fn classes_at(text: &[u8], i: usize, end: usize) -> ByteClasses {
    let chunks = match text.get(i..i + 64) {
        Some(block) => {
            std::array::from_fn(|k| u128::from_le_bytes(block[16 * k..16 * (k + 1)].try_into().unwrap_or([0; 16])))
        }
        None => chunks_near_the_end(text, i, end),
    };
    ByteClasses::of(chunks, end - i)
}

/// The 64 bytes of `text` from `i` on when fewer follow: those up to `end`, then zeros. Only
/// the last titles of a column need it, so it is not inlined (a copy is a call in wasm anyway).
#[inline(never)]
fn chunks_near_the_end(text: &[u8], i: usize, end: usize) -> [u128; 4] {
    let mut block = [0u8; 64];
    let title = text.get(i..end).unwrap_or_default();
    block[..title.len().min(64)].copy_from_slice(&title[..title.len().min(64)]);
    std::array::from_fn(|k| u128::from_le_bytes(block[16 * k..16 * (k + 1)].try_into().unwrap_or([0; 16])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::for_each_word;

    fn keyed(title: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for_each_keyed_word(title, &mut String::new(), |word, starts_clause| {
            out.push((token_text(word), starts_clause))
        });
        out
    }

    /// `keyed` for a title lying inside a longer text, read with `for_each_keyed_word_in`.
    fn keyed_within(before: &str, title: &str, after: &str) -> Vec<(String, bool)> {
        let text = format!("{before}{title}{after}");
        let mut out = Vec::new();
        for_each_keyed_word_in(
            &text,
            before.len()..before.len() + title.len(),
            &mut String::new(),
            |word, starts_clause| {
                out.push((token_text(word), starts_clause));
            },
        );
        out
    }

    fn token_text(word: KeyedWord<'_>) -> String {
        match word {
            KeyedWord::Short(key) => {
                let bytes = key.to_le_bytes();
                String::from_utf8_lossy(&bytes[..usize::from(bytes[15])]).into_owned()
            }
            KeyedWord::Long(text) => text.to_owned(),
        }
    }

    fn general(title: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for_each_word(title, &mut String::new(), |w| out.push((w.token.to_owned(), w.starts_clause)));
        out
    }

    #[test]
    fn quirks_take_the_same_words_as_the_general_path() {
        for title in [
            "U.S. drafts plan; WHO warns, who knew? US and us",
            "BREAKING: US TROOPS LEAVE SYRIA",
            "Zelensky's calls __ a_b don't 1,204 3.5 CamelCase ABCdef X1 ab12CD",
            "Supercalifragilistic words of16bytesexactly and fifteen_bytes",
            "Путин и Лукашенко",
            "#NBC: @handle -dash -- end.",
            "a _b __ c_d _ e_ U.S. U.S.A. x.y.z, f. __init__ tail_",
            "Word\tword\x0bword\x0cword\rword\nWORD US.",
        ] {
            assert_eq!(keyed(title), general(title), "{title:?}");
        }
    }

    /// A word at every offset around the 64-byte blocks the title is classified in, of every
    /// short length, the title going on after it.
    #[test]
    fn words_across_the_title_s_64_byte_blocks() {
        for start in 0..140 {
            for len in 1..18 {
                let title = format!(
                    "{}{} {}",
                    "-".repeat(start),
                    "Wordy7".repeat(3).get(..len).unwrap_or(""),
                    "tail, word ".repeat(8)
                );
                assert_eq!(keyed(&title), general(&title), "{title:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn keyed_words_equal_for_each_word(title in "[A-Za-z0-9 .,:;'\"!?#@_()&/-]{0,48}|[aAZz19.:,;'_ -]{0,16}") {
            proptest::prop_assert_eq!(keyed(&title), general(&title));
        }

        /// A title read inside a text: the letters, digits and marks that follow it (the next
        /// titles of a column) neither lengthen its last word nor join it.
        #[test]
        fn the_text_around_a_title_changes_none_of_its_words(
            before in "[A-Za-z.']{0,3}",
            title in "[A-Za-z0-9 .,:;'_-]{0,40}",
            after in "[A-Za-z0-9_.'é]{0,20}",
        ) {
            proptest::prop_assert_eq!(keyed_within(&before, &title, &after), general(&title));
        }

        /// Long titles, with every control character among the gaps.
        #[test]
        fn long_titles_too(title in "[A-Za-z0-9 .,:;'_\t\n\x0b\x0c\r#@-]{100,160}") {
            proptest::prop_assert_eq!(keyed(&title), general(&title));
        }

        /// Long titles of short and long words, their ends at every offset of a 16-byte window.
        #[test]
        fn titles_of_any_length_and_word_ends(title in "[A-Za-z0-9 .,:;'_#@-]{240,300}") {
            proptest::prop_assert_eq!(keyed(&title), general(&title));
        }
    }
}
