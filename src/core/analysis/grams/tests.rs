//! The slow way (every candidate keyed and labelled, the implementation before pruning),
//! against which the pruned finders are checked.

use super::*;
use crate::analysis::TokenizerKind;
use crate::analysis::stopwords::is_english_stopword;
use crate::analysis::store::{CLAUSE_BIT, ID_BITS, Store};
use crate::analysis::tokenize::for_each_word;
use crate::ingest::ParseOptions;

impl Grams {
    /// Keeps candidates seen in at least `min_articles` articles, then records per-row lists.
    fn from_candidates(per_row: &[Vec<(Vec<u32>, String)>], min_articles: u32, drop_nested: bool) -> Grams {
        let mut counts: FxHashMap<&[u32], (u32, u32, &str)> = FxHashMap::default();
        for (row, grams) in per_row.iter().enumerate() {
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            for (key, label) in grams {
                let entry = counts.entry(key.as_slice()).or_insert((0, u32::MAX, label.as_str()));
                if entry.1 != row {
                    entry.0 += 1;
                    entry.1 = row;
                }
            }
        }
        let kept: Vec<(&[u32], u32, &str)> = counts
            .into_iter()
            .filter(|(_, (n, _, _))| *n >= min_articles)
            .map(|(k, (n, _, label))| (k, n, label))
            .collect();
        // Phrases: one inside a kept phrase a word longer that holds 90 % of its articles is
        // left out.
        let nested = |&(key, n, _): &(&[u32], u32, &str)| {
            drop_nested
                && kept.iter().any(|&(longer, n_longer, _)| {
                    longer.len() == key.len() + 1
                        && (longer[..key.len()] == *key || longer[1..] == *key)
                        && n_longer * 10 >= n * 9
                })
        };
        let mut kept: Vec<(&[u32], u32, &str)> = kept.iter().filter(|gram| !nested(gram)).copied().collect();
        sort_few_by(&mut kept, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut grams = Grams::default();
        for (id, (key, n, label)) in kept.into_iter().enumerate() {
            grams.index.insert(key.to_vec(), u32::try_from(id).unwrap_or(u32::MAX));
            grams.keys.push(key.to_vec());
            grams.labels.push(label.to_owned());
            grams.doc_freq.push(n);
        }
        for row in per_row {
            let mut ids: Vec<u32> = row.iter().filter_map(|(key, _)| grams.id(key)).collect();
            ids.sort_unstable();
            ids.dedup();
            grams.row_grams.extend(ids);
            grams.row_ends.push(u32::try_from(grams.row_grams.len()).unwrap_or(u32::MAX));
        }
        grams
    }
}

/// Frequent runs of two to four non-stopword tokens within one clause.
fn slow_phrases(store: &Store) -> Grams {
    let vocab = &store.vocab;
    let per_row: Vec<Vec<(Vec<u32>, String)>> = (0..u32::try_from(store.len()).unwrap_or(0))
        .map(|row| {
            let tokens = store.row_tokens(row);
            let mut grams = Vec::new();
            for start in 0..tokens.len() {
                for len in 2..=4 {
                    let Some(window) = tokens.get(start..start + len) else { break };
                    let crosses_clause = window[1..].iter().any(|t| t & CLAUSE_BIT != 0);
                    let ids: Vec<u32> = window.iter().map(|t| t & ID_BITS).collect();
                    if crosses_clause || ids.iter().any(|&t| vocab.is_stop[t as usize]) {
                        break;
                    }
                    let label = ids.iter().map(|&t| vocab.text(t)).collect::<Vec<_>>().join(" ");
                    grams.push((ids, label));
                }
            }
            grams
        })
        .collect();
    Grams::from_candidates(&per_row, min_articles(store.len()), true)
}

/// Runs of two or more capitalised words (names, organisations), read from the original
/// headlines. Title Case headlines (no content word in lower case) are skipped: there every run
/// would look like a name.
fn slow_names(store: &Store) -> Grams {
    let vocab = &store.vocab;
    let mut scratch = String::new();
    let per_row: Vec<Vec<(Vec<u32>, String)>> = (0..store.len())
        .map(|row| {
            let title = store.titles.get(row);
            let mut words: Vec<(Option<u32>, bool, bool, String)> = Vec::new();
            for_each_word(title, &mut scratch, |w| {
                words.push((vocab.id(w.token), w.is_capitalised, w.starts_clause, w.raw.to_owned()))
            });
            // Title Case (every content word capitalised): runs there say nothing about names.
            let n_lower_content = words
                .iter()
                .skip(1)
                .filter(|w| !w.1 && w.3.chars().any(char::is_alphabetic) && !is_english_stopword(&w.3.to_lowercase()))
                .count();
            if words.len() >= 3 && n_lower_content == 0 {
                return Vec::new();
            }
            let mut grams = Vec::new();
            let mut run: Vec<usize> = Vec::new();
            for i in 0..=words.len() {
                let continues = words.get(i).is_some_and(|w| w.1 && w.0.is_some() && (run.is_empty() || !w.2));
                if continues {
                    run.push(i);
                    continue;
                }
                if run.len() >= 2 {
                    let ids: Vec<u32> = run.iter().filter_map(|&j| words[j].0).collect();
                    let label = run.iter().map(|&j| words[j].3.as_str()).collect::<Vec<_>>().join(" ");
                    grams.push((ids, label));
                }
                run.clear();
                if words.get(i).is_some_and(|w| w.1 && w.0.is_some()) {
                    run.push(i);
                }
            }
            grams
        })
        .collect();
    Grams::from_candidates(&per_row, min_articles(store.len()), false)
}

/// Each gram's (ids, label, articles), and each row's gram ids.
type Summary = (Vec<(Vec<u32>, String, u32)>, Vec<Vec<u32>>);

fn summary(grams: &Grams, n_rows: usize) -> Summary {
    let each = (0..grams.len()).map(|g| (grams.keys[g].clone(), grams.labels[g].clone(), grams.doc_freq[g])).collect();
    let rows = (0..u32::try_from(n_rows).unwrap()).map(|r| grams.of_row(r).to_vec()).collect();
    (each, rows)
}

/// Headlines built so that some phrases and names reach the threshold and others miss it
/// by one: repeated names (some in Title Case headlines), phrases across punctuation and
/// stopwords, trigrams whose bigrams are frequent but which are not, Cyrillic and accents.
fn headlines(n: usize) -> String {
    let names = ["Svetlana Tikhanovskaya", "UN Human Rights Council", "Olaf Scholz", "Владимир Путин", "José Martí"];
    let verbs = ["meets", "warns", "says talks with", "visits", "calls on"];
    let objects =
        ["human rights groups", "central bank, rates", "union state plans", "the climate deal", "peace talks resume"];
    let mut csv = String::from("title,date\n");
    for i in 0..n {
        let title = match i % 10 {
            0 => format!("{} Meets {} In Minsk", names[i % 5], names[(i / 7) % 5]),
            7 => format!("eBay Buys {} Memoirs", names[(i / 3) % 5]),
            8 => format!("{}: Central Bank chief resigns", names[(i / 10) % 5]),
            9 => match (i / 10) % 9 {
                0 => format!("why {} shouts at {}", names[(i / 60) % 5].to_uppercase(), names[(i / 20) % 5]),
                1 => "jean-luc Picard and Jean-Luc Picard meet".to_owned(),
                2 => "O'Brien Says U.S. Open is on - iPhone maker – New York".to_owned(),
                3 => format!("talks at AT & T resume {}", i % 3),
                4 => format!("{0} says {0} will win as {1} waits", names[(i / 60) % 5], names[(i / 7) % 5]),
                // Title Case with numbers, possessives, dotted acronyms and lower-case stopwords
                // (skipped), and one lower-case word that is not a stopword (not skipped).
                5 => format!("To {}'s Campaign of 129 Finds U.S. Open in", names[(i / 30) % 5]),
                6 => format!(
                    "The {} Plan: A_b Rises {}",
                    names[(i / 40) % 5],
                    if i % 4 == 0 { "again" } else { "Again" }
                ),
                7 => format!("{} Wins iPhone Deal", names[(i / 50) % 5]),
                // Two words are too few to tell Title Case: the name counts.
                8 => names[(i / 90) % 5].to_owned(),
                _ => format!("all lower case {} news {}", objects[i % 5], i % 9),
            },
            1 => format!("\"{} {}: {}\"", names[i % 5], verbs[i % 5], objects[(i / 3) % 5]),
            2 => format!("Report: {} and {} {}", objects[i % 5], objects[(i + 2) % 5], i % 13),
            3 => format!("{} {} {} again", names[(i / 2) % 5], verbs[(i / 5) % 5], objects[i % 5]),
            4 => format!("why {} matter to {}", objects[i % 5], names[i % 5]),
            5 => format!("{} human rights {} talks", i % 11, i % 3),
            _ => format!("Central bank holds rates as {} watches", names[(i / 11) % 5]),
        };
        csv.push_str(&format!("{title},2024-01-{:02}\n", 1 + i % 28));
        if i + 30 >= n {
            // Last in time: names written otherwise than at their first occurrence.
            csv.push_str(&format!("why {} shouts,2024-02-01\n", names[i % 5].to_uppercase()));
        }
    }
    csv
}

#[test]
fn pruned_finders_equal_the_slow_way() {
    for n in [1, 12, 700, 61_000] {
        let csv = headlines(n);
        let (_, store) =
            crate::analysis::read_store(csv.as_bytes(), &ParseOptions::default(), TokenizerKind::Rich).unwrap();
        let phrases = summary(&finished_now(find_phrases(&store, &mut no_pause)), store.len());
        assert_eq!(phrases, summary(&slow_phrases(&store), store.len()), "phrases of {n} headlines");
        let names = summary(&finished_now(find_names(&store, &mut no_pause)), store.len());
        assert_eq!(names, summary(&slow_names(&store), store.len()), "names of {n} headlines");
        if n == 61_000 {
            assert!(phrases.0.len() > 5 && names.0.len() > 3, "{:?} {:?}", phrases.0, names.0);
            let n_words = |n: usize| phrases.0.iter().filter(|(ids, _, _)| ids.len() == n).count();
            assert!((2..=4).all(|n| n_words(n) > 0), "phrases of two, three and four words: {:?}", phrases.0);
            eprintln!("{} phrases, {} names", phrases.0.len(), names.0.len());
        }
    }
}

/// A pause's future as the page's is: pending once (the browser runs other tasks), then ready.
struct PendingOnce(bool);

impl std::future::Future for PendingOnce {
    type Output = ();
    fn poll(mut self: std::pin::Pin<&mut Self>, context: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        context.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

#[test]
fn finders_that_pause_find_the_same_and_report_their_progress() {
    let csv = headlines(61_000);
    let (_, store) =
        crate::analysis::read_store(csv.as_bytes(), &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    let n_runs = store.len().div_ceil(8192);
    for (is_phrases, n_passes) in [(true, 4), (false, 2)] {
        let mut shares = Vec::new();
        let mut pause = |done: f64| -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
            shares.push(done);
            Box::pin(PendingOnce(false))
        };
        let (paused, at_once) = if is_phrases {
            (finished_now(find_phrases(&store, &mut pause)), finished_now(find_phrases(&store, &mut no_pause)))
        } else {
            (finished_now(find_names(&store, &mut pause)), finished_now(find_names(&store, &mut no_pause)))
        };
        assert_eq!(summary(&paused, store.len()), summary(&at_once, store.len()), "phrases: {is_phrases}");
        assert_eq!(shares.len(), n_passes * n_runs, "a pause every 8,192 rows of each pass");
        assert_eq!(shares[0], 0.0);
        assert!(shares.windows(2).all(|w| w[0] < w[1]) && shares.iter().all(|&s| s < 1.0), "{shares:?}");
    }
}

#[test]
fn a_store_finds_its_grams_when_asked_and_then_has_them() {
    use crate::analysis::topics::TopicKind;
    let csv = headlines(700);
    let (_, store) =
        crate::analysis::read_store(csv.as_bytes(), &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    assert!(store.lacks_grams(TopicKind::Phrase) && store.lacks_grams(TopicKind::Name));
    assert!(!store.lacks_grams(TopicKind::Keyword) && !store.lacks_grams(TopicKind::Category));
    finished_now(store.find_grams(TopicKind::Phrase, &mut no_pause));
    assert!(!store.lacks_grams(TopicKind::Phrase) && store.lacks_grams(TopicKind::Name));
    let found_again = finished_now(find_phrases(&store, &mut no_pause));
    assert_eq!(summary(store.phrases(), store.len()), summary(&found_again, store.len()));
    finished_now(store.find_grams(TopicKind::Name, &mut no_pause));
    assert!(!store.lacks_grams(TopicKind::Name));
}
