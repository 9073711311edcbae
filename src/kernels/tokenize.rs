//! Headline text to word tokens.
//!
//! Contract: `for_each_word` yields every word of a headline in order, normalised:
//! - Unicode word segmentation (UAX #29), so Cyrillic, accented and CJK text split correctly;
//!   ASCII-only headlines take an equivalent fast path;
//! - possessives stripped (`Zelensky’s` → `zelensky`, `Armenians'` → `armenians`);
//! - case folded, except acronyms whose lower-case form is a stopword, which stay upper case so
//!   `U.S.` / `US` (→ `US`) is a topic while the pronoun `us` is not;
//! - dotted acronyms joined (`U.S.` → `US`), hashtag and handle prefixes dropped (`#NBC:` → `nbc`);
//! - `starts_clause` marks a word after punctuation (not after a space or hyphen), so phrases
//!   never span a colon, comma or quote.
//!
//! `for_each_plain_word` is the benchmark workload's plain tokenizer (ASCII lower case, split on
//! `[^a-z0-9]`), kept for cross-checking digests with other engines.

mod classes;
pub mod keyed;

use crate::stopwords::is_english_stopword;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The normalised token.
    pub token: &'a str,
    /// The word as written.
    pub raw: &'a str,
    /// True for the first word and for words after punctuation.
    pub starts_clause: bool,
    /// True when written with an upper-case first letter.
    pub is_capitalised: bool,
}

/// Calls `on_word` for each word of `title`, in order. `scratch` is reused between calls.
pub fn for_each_word(title: &str, scratch: &mut String, mut on_word: impl FnMut(Word<'_>)) {
    words(title, scratch, title.is_ascii(), &mut on_word);
}

/// `for_each_word`, through the ASCII fast path or through Unicode word segmentation (the
/// tests check that both give the same words on ASCII text). `on_word` is called through a
/// pointer so the page has one copy of this function for all its callers (the load path
/// meets it only for non-ASCII headlines).
fn words(title: &str, scratch: &mut String, ascii_path: bool, on_word: &mut dyn FnMut(Word<'_>)) {
    // Whether the headline is shouted matters only for the rare all-capitals stopword, so it is
    // decided on first need.
    let mut shouting: Option<bool> = None;
    let mut is_shouted = || *shouting.get_or_insert_with(|| has_upper_word(title) && is_shouting(title));
    let mut starts_clause = true;
    let mut emit = |raw: &str, gap_breaks: bool, scratch: &mut String| {
        starts_clause |= gap_breaks;
        normalise(raw, &mut is_shouted, scratch);
        if !scratch.is_empty() {
            let is_capitalised = raw.chars().next().is_some_and(char::is_uppercase);
            on_word(Word { token: scratch, raw, starts_clause, is_capitalised });
            starts_clause = false;
        }
    };
    if ascii_path {
        let bytes = title.as_bytes();
        let mut i = 0;
        let mut gap_start = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' {
                let end = ascii_word_end(bytes, i);
                let word = &title[i..end];
                if !word.bytes().any(|b| b.is_ascii_alphanumeric()) {
                    i = end; // underscores alone are not a word: they stay in the gap
                    continue;
                }
                emit(word, ascii_gap_breaks(&bytes[gap_start..i]), scratch);
                // The full stop of `U.S.` belongs to the acronym, not to the sentence.
                let own_stop = bytes.get(end) == Some(&b'.') && is_dotted_acronym(word);
                i = end;
                gap_start = end + usize::from(own_stop);
            } else {
                i += 1;
            }
        }
    } else {
        let mut gap_breaks_clause = false;
        let mut after_dotted = false;
        for segment in title.split_word_bounds() {
            if segment.chars().any(char::is_alphanumeric) {
                emit(segment, gap_breaks_clause, scratch);
                gap_breaks_clause = false;
                after_dotted = is_dotted_acronym(segment);
            } else {
                let gap = if after_dotted { segment.strip_prefix('.').unwrap_or(segment) } else { segment };
                gap_breaks_clause |= gap_breaks(gap);
                after_dotted = false;
            }
        }
    }
}

/// For an ASCII `title`, whether it reads as Title Case when judged from the words
/// `for_each_word` yields: at least three words, and after the first none that starts with a
/// lower-case letter (or another non-capital) and, in lower case, is not a stopword. Only finds
/// the words (the ASCII path's own segmentation) and looks up the lower-case ones, so a
/// finder that skips Title Case headlines (`analysis::grams::find_names`) need not tokenize
/// them. `None` for a title that is not ASCII.
pub fn ascii_title_case(title: &str, lower: &mut String) -> Option<bool> {
    if !title.is_ascii() {
        return None;
    }
    let bytes = title.as_bytes();
    let (mut i, mut n_words) = (0, 0);
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
            continue;
        }
        let end = ascii_word_end(bytes, i);
        let word = &title[i..end];
        i = end;
        if !word.bytes().any(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let lower_case_content = n_words > 0
            && !word.as_bytes()[0].is_ascii_uppercase()
            && word.bytes().any(|b| b.is_ascii_alphabetic())
            && {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                !is_english_stopword(lower)
            };
        if lower_case_content {
            return Some(false);
        }
        n_words += 1;
    }
    Some(n_words >= 3)
}

/// The rows of `titles` that may hold a name (a run of capitalised words), for the names
/// finder (`analysis::grams::find_names`): all but ASCII titles that cannot hold two
/// capitalised words in a row (`may_hold_a_name`) and ASCII Title Case ones
/// (`ascii_title_case`). A loop of its own here, so that the page runs it optimised for speed
/// (1M titles: most of the time of the first switch to names).
#[inline(never)]
pub fn rows_that_may_hold_names(
    titles: &crate::text_column::TextColumn,
    rows: std::ops::Range<u32>,
    out: &mut Vec<u32>,
) {
    let mut lower = String::new();
    out.extend(rows.filter(|&row| {
        let title = titles.get(row as usize);
        may_hold_a_name(title) && ascii_title_case(title, &mut lower) != Some(true)
    }));
}

/// False when an ASCII `title` cannot hold two capitalised words in a row: no space-separated
/// chunk has two capital letters, and between any two chunks with one lies a chunk with a
/// letter or digit (a word that breaks the run). Such titles, most of them, are not tokenized
/// again. Any other title may.
fn may_hold_a_name(title: &str) -> bool {
    if !title.is_ascii() {
        return true;
    }
    let mut after_capital = false;
    for chunk in title.split_ascii_whitespace() {
        let n_capitals = chunk.bytes().filter(u8::is_ascii_uppercase).count();
        if n_capitals >= 2 || (n_capitals == 1 && after_capital) {
            return true;
        }
        if n_capitals == 1 {
            after_capital = true;
        } else if chunk.bytes().any(|b| b.is_ascii_alphanumeric()) {
            after_capital = false;
        }
    }
    false
}

/// `U.S`, `e.g`: single letters joined by full stops.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// True when the text between two words holds punctuation other than spaces and hyphens.
fn gap_breaks(gap: &str) -> bool {
    gap.chars().any(|c| !(c.is_whitespace() || matches!(c, '-' | '–' | '#' | '@')))
}

/// `gap_breaks` for ASCII text.
fn ascii_gap_breaks(gap: &[u8]) -> bool {
    gap.iter().any(|&b| !(b.is_ascii_whitespace() || b == 0x0b || matches!(b, b'-' | b'#' | b'@')))
}

/// End of an ASCII word starting at `start`: letters, digits and `_`, joined across a single `'`,
/// `.` or `:` between letters (`don't`, `U.S`) and `.`, `,`, `'` or `;` between digits
/// (`1,204`, `3.5`), as UAX #29 does (a property test checks the two paths agree).
fn ascii_word_end(bytes: &[u8], start: usize) -> usize {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = start;
    loop {
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        let (Some(&mid), Some(&next)) = (bytes.get(i), bytes.get(i + 1)) else {
            return i;
        };
        let prev = bytes[i - 1];
        // UAX #29 MidLetter / MidNumLet between letters, MidNum / MidNumLet between digits.
        let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() && matches!(mid, b'\'' | b'.' | b':');
        let digits = prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b'.' | b',' | b'\'' | b';');
        if letters || digits {
            i += 1;
        } else {
            return i;
        }
    }
}

/// True when some word has two upper-case letters in a row (a possible acronym).
fn has_upper_word(title: &str) -> bool {
    if title.is_ascii() {
        title.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && (w[1].is_ascii_uppercase() || w[1] == b'.'))
    } else {
        let mut previous_upper = false;
        title.chars().any(|c| {
            let hit = previous_upper && (c.is_uppercase() || c == '.');
            previous_upper = c.is_uppercase();
            hit
        })
    }
}

/// More than 60% of at least 12 letters in upper case: a shouted headline, whose upper-case
/// words are not acronyms.
fn is_shouting(title: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    if title.is_ascii() {
        for b in title.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            upper += usize::from(b.is_ascii_uppercase());
        }
    } else {
        for c in title.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= 12 && upper * 5 > letters * 3
}

/// `raw` without a possessive `'s` / `’s` or a trailing apostrophe.
fn strip_possessive(raw: &str) -> &str {
    if !matches!(raw.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return raw; // 0x99 ends `’` in UTF-8
    }
    let mut word = raw;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            word = stem;
            break;
        }
    }
    word.trim_end_matches(['\'', '’'])
}

/// Writes the normalised token of `raw` into `out` (empty when nothing is left).
/// `is_shouted` says whether the whole headline is in capitals; it is asked only for an
/// all-capitals word that could be an acronym of a stopword.
fn normalise(raw: &str, is_shouted: &mut impl FnMut() -> bool, out: &mut String) {
    out.clear();
    let word = strip_possessive(raw);
    if word.is_ascii() {
        let bytes = word.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_lowercase) {
            // The common case: an ASCII word that is not an acronym.
            out.push_str(word);
            out.make_ascii_lowercase();
            return;
        }
        let (mut n_letters, mut n_upper, mut has_dot) = (0usize, 0usize, false);
        for &b in bytes {
            n_letters += usize::from(b.is_ascii_alphabetic());
            n_upper += usize::from(b.is_ascii_uppercase());
            has_dot |= b == b'.';
        }
        let dotted = has_dot && is_dotted_acronym(word);
        if dotted {
            out.extend(word.chars().filter(|&c| c != '.'));
        } else {
            out.push_str(word);
        }
        out.make_ascii_lowercase();
        let all_upper = n_letters >= 2 && n_upper == n_letters;
        if all_upper && (dotted || n_letters <= 5) && is_english_stopword(out) && !is_shouted() {
            out.make_ascii_uppercase();
        }
        return;
    }
    let dotted = is_dotted_acronym(word);
    let n_letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_upper = n_letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    if dotted {
        out.extend(word.chars().filter(|&c| c != '.'));
    } else {
        out.push_str(word);
    }
    let lower = out.to_lowercase();
    out.clear();
    out.push_str(&lower);
    if all_upper && (dotted || n_letters <= 5) && is_english_stopword(out) && !is_shouted() {
        out.make_ascii_uppercase();
    }
}

/// The benchmark's plain tokenizer: ASCII lower case, split on `[^a-z0-9]`, tokens of length ≥ 2.
pub fn for_each_plain_word(title: &str, mut on_token: impl FnMut(&str)) {
    let mut buffer = [0u8; 64];
    // Splitting bytes is splitting chars here: a non-ASCII byte is never alphanumeric, and
    // every piece starts and ends next to an ASCII byte, so it is valid UTF-8.
    for raw in title.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
        let Ok(raw) = std::str::from_utf8(raw) else { continue };
        if raw.len() < 2 {
            continue;
        }
        if raw.len() <= buffer.len() {
            let lower = &mut buffer[..raw.len()];
            lower.copy_from_slice(raw.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII alphanumerics only, so this is valid UTF-8.
            on_token(std::str::from_utf8(lower).unwrap_or_default());
        } else {
            on_token(&raw.to_ascii_lowercase());
        }
    }
}

#[cfg(test)]
mod tests;
