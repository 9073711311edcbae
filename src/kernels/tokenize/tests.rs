//! The tokenizer on the seed's headlines and every quirk, one line each.

use super::*;

fn tokens(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(title, &mut String::new(), |w| {
        out.push(format!("{}{}", if w.starts_clause { "|" } else { "" }, w.token))
    });
    out
}

#[track_caller]
fn check(title: &str, expected: &str) {
    assert_eq!(tokens(title).join(" "), expected, "title {title:?}");
}

#[test]
fn seed_headlines() {
    check(
        "Lukashenko and Putin say Belarus 'problems' will be resolved",
        "|lukashenko and putin say belarus |problems |will be resolved",
    );
    check(
        "Zelensky’s calls to provide Ukraine with nuclear arms 'approach madness' — Kremlin",
        "|zelensky calls to provide ukraine with nuclear arms |approach madness |kremlin",
    );
    check(
        "Araghchi: Re-imposing maximum pressure to add to US failures",
        "|araghchi |re imposing maximum pressure to add to US failures",
    );
    check(
        "#NBC: U.S. drafts plan to withdraw all its troops from Syria",
        "|nbc |US drafts plan to withdraw all its troops from syria",
    );
    check(
        "#bneIntellinews: Ruben Vardanyan's and the other Armenians' accusations are purely political",
        "|bneintellinews |ruben vardanyan and the other armenians |accusations are purely political",
    );
    check(
        "US to again withdraw from the UN Human Rights Council",
        "|US to again withdraw from the un human rights council",
    );
    check(
        "Kremlin says contacts with Trump's team intensified over Ukraine, Nato",
        "|kremlin says contacts with trump team intensified over ukraine |nato",
    );
}

#[test]
fn quirks() {
    check("Путин и Лукашенко обсудили интеграцию", "|путин и лукашенко обсудили интеграцию");
    check("Zelensky’s aide says “no” to talks", "|zelensky aide says |no |to talks");
    check("Café owners’ union backs ban", "|café owners |union backs ban");
    check("Views hit 1,204 and 3.5 million in 2024", "|views hit 1,204 and 3.5 million in 2024");
    check("WHO warns; who knew?", "|WHO warns |who knew");
    check("BREAKING: US TROOPS LEAVE SYRIA", "|breaking |us troops leave syria");
    check("don't stop", "|don't stop");
    check("", "");
    check("— ! ?", "");
}

#[test]
fn plain_tokenizer_matches_the_workload_definition() {
    let mut out = Vec::new();
    for_each_plain_word("Gril Hosloux's Campaign Cha Fraivoo a Click, \"Hel Mywyx\" 129", |t| out.push(t.to_owned()));
    assert_eq!(out, ["gril", "hosloux", "campaign", "cha", "fraivoo", "click", "hel", "mywyx", "129"]);
}

/// Every word with its clause and capital flags, through one of the two paths.
fn words_via(title: &str, ascii_path: bool) -> Vec<(String, String, bool, bool)> {
    let mut out = Vec::new();
    words(title, &mut String::new(), ascii_path, &mut |w: Word<'_>| {
        out.push((w.token.to_owned(), w.raw.to_owned(), w.starts_clause, w.is_capitalised));
    });
    out
}

proptest::proptest! {
    /// The ASCII fast path is only a faster way to the same words as UAX #29 segmentation.
    #[test]
    fn the_ascii_path_equals_unicode_segmentation(title in "[A-Za-z0-9 .,:;'\"!?#@_()&/-]{0,40}|[aZ1.:,;'_ -]{0,12}") {
        proptest::prop_assert_eq!(words_via(&title, true), words_via(&title, false));
    }
}

/// The names finder's Title Case rule judged from `for_each_word`'s words: three words or more,
/// and after the first none that is not capitalised, has a letter and is no stopword.
fn title_case_from_words(title: &str) -> bool {
    let mut words = Vec::new();
    for_each_word(title, &mut String::new(), |w| words.push((w.raw.to_owned(), w.is_capitalised)));
    let is_lower_content = |(raw, capitalised): &(String, bool)| {
        !capitalised && raw.chars().any(char::is_alphabetic) && !is_english_stopword(&raw.to_lowercase())
    };
    words.len() >= 3 && !words.iter().skip(1).any(is_lower_content)
}

proptest::proptest! {
    /// `ascii_title_case` finds its words and looks them up itself, as `for_each_word` would.
    #[test]
    fn ascii_title_case_follows_the_words(
        parts in proptest::collection::vec(
            (
                proptest::sample::select(vec![
                    "of", "The", "to", "A", "a", "iPhone", "eBay", "Olaf", "u.s.", "U.S.", "_", "a_b", "Of",
                    "THE", "In", "news", "129", "x", "Scholz's", "don't", "O'Brien", "WHO", "who", "tHe",
                ]),
                proptest::sample::select(vec![" ", ", ", ": ", " - ", "  ", "\t"]),
            ),
            0..8,
        )
    ) {
        let title: String = parts.iter().flat_map(|(word, gap)| [*word, *gap]).collect();
        proptest::prop_assert_eq!(ascii_title_case(&title, &mut String::new()), Some(title_case_from_words(&title)), "{:?}", title);
    }
}
