//! Where a text query matches inside a headline, for highlighting: byte ranges, sorted, merged.
//! Words match at word starts (as the filter's prefix match does); phrases match anywhere.

use super::filter::{QueryTerm, parse_query};
use super::stats::sort_few_by;

/// Byte ranges of `title` that match `query`, case-insensitively; sorted and non-overlapping.
pub fn highlight_ranges(title: &str, query: &str) -> Vec<(usize, usize)> {
    // Lower-case char by char, keeping byte offsets aligned (chars whose lower case has
    // another length are left as they are).
    let lower: String = title
        .chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) if one.len_utf8() == c.len_utf8() => one,
                _ => c,
            }
        })
        .collect();
    let mut ranges = Vec::new();
    for term in parse_query(query) {
        let (needle, at_word_start) = match term {
            QueryTerm::Word(w) => (w.to_lowercase(), true),
            QueryTerm::Phrase(p) => (p.to_lowercase(), false),
        };
        if needle.is_empty() {
            continue;
        }
        for (start, _) in lower.match_indices(&needle) {
            let boundary = lower[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if !at_word_start || boundary {
                ranges.push((start, start + needle.len()));
            }
        }
    }
    sort_few_by(&mut ranges, &Ord::cmp);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// `title` cut into `(text, is_match)` pieces by `highlight_ranges`.
pub fn highlight_pieces<'a>(title: &'a str, query: &str) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end) in highlight_ranges(title, query) {
        if start > at {
            pieces.push((&title[at..start], false));
        }
        pieces.push((&title[start..end], true));
        at = end;
    }
    if at < title.len() {
        pieces.push((&title[at..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_at_word_starts_and_phrases_anywhere() {
        assert_eq!(highlight_ranges("Election: re-election looms", "elect"), [(0, 5), (13, 18)]);
        assert_eq!(highlight_ranges("Selection day", "elect"), []);
        assert_eq!(highlight_ranges("Central Bank holds", "\"central bank\" bank"), [(0, 12)]);
        assert_eq!(
            highlight_pieces("Путин и Лукашенко", "лука"),
            [("Путин и ", false), ("Лука", true), ("шенко", false)]
        );
        assert_eq!(highlight_pieces("No match", ""), [("No match", false)]);
    }
}
