//! The load path's tokenizer: headline words straight to `ShortKey`s.
//!
//! Contract: `for_each_keyed_word` yields exactly the tokens and clause starts of
//! `for_each_word` (property tests and every headline of the shared datasets check it), but an
//! ASCII word of fewer than 16 letters and digits — nearly every word — becomes its `ShortKey`
//! in one pass: the 16 bytes from its start are loaded as one number, where byte-lane
//! arithmetic finds where the word ends, masks what follows and lower-cases it, with no string
//! or copy in between.
//! Anything else (apostrophes, dotted acronyms, underscores, all-capitals words, long words,
//! non-ASCII headlines) goes through `normalise`, as in `for_each_word`.

use super::{ascii_word_end, for_each_word, has_upper_word, is_dotted_acronym, is_shouting, normalise};
use crate::vocab::{ShortKey, short_key};

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

/// `u64` with every byte `b`.
#[inline(always)]
const fn lanes(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// High bit set in each byte of `x` that lies in `lo..=hi`. Every byte of `x` must be below
/// 0x80, so adding up to 0x80 - `lo` never carries out of a byte: the lanes are independent,
/// which is also why 16 bytes are done as two separate `u64` halves (and in wasm, where a
/// `u128` add costs a carry chain, that is cheaper).
#[inline(always)]
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(lanes(0x80 - lo)) & !x.wrapping_add(lanes(0x80 - hi - 1)) & lanes(0x80)
}

/// High bit set in each byte of `x` (ASCII) that is a letter or digit.
#[inline(always)]
const fn alphanumeric_lanes(x: u64) -> u64 {
    in_range(x, b'0', b'9') | in_range(x | lanes(0x20), b'a', b'z')
}

/// A mask of the low `n` bytes of a `u64` (all of them from 8 on). Two 64-bit halves rather
/// than one 128-bit mask: in wasm a variable 128-bit shift is a dozen operations.
#[inline(always)]
const fn keep_bytes(n: usize) -> u64 {
    if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 }
}

/// The low and high halves of `window`.
#[expect(clippy::cast_possible_truncation, reason = "the two 64-bit halves")]
#[inline(always)]
const fn halves(window: u128) -> (u64, u64) {
    (window as u64, (window >> 64) as u64)
}

/// The length of the run of letters and digits at the start of `window` (16 bytes of an
/// ASCII title from a word start on), at most 16.
#[inline(always)]
fn run_length(window: u128) -> usize {
    let (lo, hi) = halves(window);
    let stops = !alphanumeric_lanes(lo) & lanes(0x80);
    let n = if stops != 0 {
        stops.trailing_zeros() / 8
    } else {
        8 + (!alphanumeric_lanes(hi) & lanes(0x80)).trailing_zeros() / 8
    };
    n as usize
}

/// The lower-cased `ShortKey` of the ASCII word in the first `len` (1–15) bytes of `window`,
/// or `None` when the word has two or more letters all in capitals (a possible acronym,
/// decided by `normalise`).
#[inline(always)]
fn word_key(window: u128, len: usize) -> Option<ShortKey> {
    let (lo, hi) = halves(window);
    let (lo, hi) = (lo & keep_bytes(len), (hi & keep_bytes(len.saturating_sub(8))) | ((len as u64) << 56));
    // The length byte (1–15) is neither a capital nor a letter.
    let (upper_lo, upper_hi) = (in_range(lo, b'A', b'Z'), in_range(hi, b'A', b'Z'));
    let n_upper = upper_lo.count_ones() + upper_hi.count_ones();
    if n_upper >= 2 {
        let letters = |h: u64| in_range(h | lanes(0x20), b'a', b'z').count_ones();
        if letters(lo) + letters(hi) == n_upper {
            return None;
        }
    }
    // Lower case: the capital's high-bit mark moved to 0x20.
    Some(u128::from(lo | (upper_lo >> 2)) | (u128::from(hi | (upper_hi >> 2)) << 64))
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

/// True for a gap byte that starts a new clause (anything but spaces, `-`, `#` and `@`).
#[inline(always)]
fn breaks_clause(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b == 0x0b || matches!(b, b'-' | b'#' | b'@'))
}

/// The 16 bytes of `text` from `i` on as one number, with the bytes from `end` on (the end of
/// the title being read, past `i`) zeroed: zero is no letter, so a run stops at the title's end.
/// The bytes past the title are read from the text that holds it (the next titles of a
/// column): one load instead of a byte-by-byte gather for the last word of every title.
/// Within 16 bytes of the text's end the bytes are gathered one by one, not copied: a
/// variable-length copy is a call in wasm.
#[inline(always)]
fn window_at(text: &[u8], i: usize, end: usize) -> u128 {
    let n_in_title = end - i;
    if let Some(window) = text.get(i..i + 16) {
        let window = u128::from_le_bytes(window.try_into().unwrap_or([0; 16]));
        if n_in_title >= 16 {
            return window;
        }
        let (lo, hi) = halves(window);
        return u128::from(lo & keep_bytes(n_in_title))
            | (u128::from(hi & keep_bytes(n_in_title.saturating_sub(8))) << 64);
    }
    let (mut lo, mut hi) = (0u64, 0u64);
    for (k, &b) in text.get(i..end).unwrap_or_default().iter().enumerate() {
        if k < 8 {
            lo |= u64::from(b) << (8 * k);
        } else {
            hi |= u64::from(b) << (8 * (k - 8));
        }
    }
    u128::from(lo) | (u128::from(hi) << 64)
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
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'_') {
            starts_clause |= breaks_clause(b);
            i += 1;
            continue;
        }
        // A run of 16 is a long word (or more): the general path finds its end.
        let window = window_at(all_bytes, base + i, range.end);
        let end = i + run_length(window);
        let simple = end > i && end - i < 16 && !word_goes_on(&bytes[end..]);
        if let Some(key) = simple.then(|| word_key(window, end - i)).flatten() {
            on_word(KeyedWord::Short(key), starts_clause);
            starts_clause = false;
            i = end;
            continue;
        }
        let end = ascii_word_end(bytes, i);
        let word = &title[i..end];
        i = end;
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
