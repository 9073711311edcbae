//! Words too common to be topics: an English list plus headline filler. Stopwords stay in the
//! token stream (so searches and phrases see them); topic counts skip them.

/// English function words and headline filler, lower case, sorted (binary-searched).
pub const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "amid",
    "among",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "let",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "vs",
    "was",
    "wasn't",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// The stop list of the shared benchmark workload (`WORKLOAD.md`, plain tokenizer), sorted.
pub const BENCH_PLAIN: &[&str] = &[
    "a", "about", "after", "amid", "an", "and", "are", "as", "at", "be", "by", "can", "could", "for", "from", "has",
    "have", "how", "in", "into", "is", "it", "its", "more", "new", "not", "of", "on", "one", "or", "out", "over",
    "says", "than", "that", "the", "this", "to", "up", "was", "were", "what", "when", "who", "why", "will", "with",
    "you",
];

/// Where the words of `ENGLISH` starting with each letter `a` – `z` begin, and its end: a
/// lookup searches only its first letter's few words (the name finder looks up every
/// lower-case word of a million headlines).
const LETTER_STARTS: [u8; 27] = letter_starts(ENGLISH);

const fn letter_starts(sorted: &[&str]) -> [u8; 27] {
    assert!(sorted.len() < 256);
    let mut starts = [sorted.len() as u8; 27];
    let (mut letter, mut i) = (0, 0);
    while letter < 26 {
        while i < sorted.len() && !sorted[i].is_empty() && sorted[i].as_bytes()[0] < b'a' + letter as u8 {
            i += 1;
        }
        starts[letter] = i as u8;
        letter += 1;
    }
    starts
}

/// True when `word` (lower case) is in the English list (every word of which starts with a
/// letter `a` – `z`, a test checks).
pub fn is_english_stopword(word: &str) -> bool {
    let Some(&first @ b'a'..=b'z') = word.as_bytes().first() else { return false };
    let letter = usize::from(first - b'a');
    let words = usize::from(LETTER_STARTS[letter])..usize::from(LETTER_STARTS[letter + 1]);
    ENGLISH[words].binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique_for_binary_search() {
        for list in [ENGLISH, BENCH_PLAIN] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
        assert!(ENGLISH.iter().all(|w| w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)));
        assert!(is_english_stopword("the") && !is_english_stopword("ukraine"));
    }

    #[test]
    fn lookups_by_first_letter_find_what_the_whole_list_holds() {
        let mut words: Vec<String> = ENGLISH.iter().map(|w| (*w).to_owned()).collect();
        for w in ENGLISH {
            words.extend([format!("{w}s"), w[..w.len() - 1].to_owned(), w.to_uppercase(), format!("z{w}")]);
        }
        words.extend(["", "0", "_a", "{", "zz", "aaa", "\u{e9}t\u{e9}"].map(str::to_owned));
        for word in &words {
            assert_eq!(is_english_stopword(word), ENGLISH.binary_search(&word.as_str()).is_ok(), "{word:?}");
        }
    }
}
