//! Reading a large CSV file in two parts at once (`ingest::read_in_two_parts`) gives the same
//! report and store as reading it on one thread — whether the guessed middle record start is
//! right or falls inside a quoted field that holds line breaks.

use crate::store_builder::rows;
use headline_trends::analysis::{Store, StoreBuilder, TokenizerKind};
use headline_trends::ingest::{
    ArticleSink, Ingested, Job, ParseOptions, SplitSink, decode, read_in_two_parts, split_read::MIN_BYTES_TO_SPLIT,
};
use headline_trends::model::{ArticleRef, LineNo};

/// A store builder that remembers whether a later part was appended to it.
struct Watched<'t> {
    builder: StoreBuilder<'t>,
    appended: bool,
}

impl ArticleSink for Watched<'_> {
    fn keep(&mut self, article: &ArticleRef<'_>) -> Result<(), LineNo> {
        self.builder.keep(article)
    }

    fn reserve_for_rest(&mut self, fraction_read: f64, n_input_bytes: usize) {
        self.builder.reserve_for_rest(fraction_read, n_input_bytes);
    }
}

impl<'t> SplitSink for Watched<'t> {
    fn empty_like(&self) -> Watched<'t> {
        Watched { builder: self.builder.empty_like(), appended: false }
    }

    fn part_read(&mut self) {
        self.builder.part_read();
    }

    fn append(&mut self, later: Watched<'t>) {
        self.builder.append(later.builder);
        self.appended = true;
    }
}

/// A CSV of more than `MIN_BYTES_TO_SPLIT` bytes with a quirk every few rows: quoted titles
/// with line breaks, bad dates, wrong field counts, blank and CRLF lines, copies of earlier
/// rows (across the middle too), categories first seen late. `quoted_middle`: one title in the
/// middle is a quoted field of many lines, so the middle line start is inside it.
fn quirky_csv(quoted_middle: bool) -> String {
    let mut csv = String::from("title,published_at,views,category\n");
    let n_rows = MIN_BYTES_TO_SPLIT / 40;
    for i in 0..n_rows {
        let day = 1 + i % 28;
        let category = ["world", "sport", "", "tech"][i % 4];
        let late_category = if i > n_rows * 3 / 4 { format!("late{}", i % 3) } else { category.to_owned() };
        let row = match i % 97 {
            0 => format!("\"Quoted, with\nbreak {i}\",2024-03-{day:02}T10:00:00Z,{i},{late_category}\n"),
            1 => format!("Bad date {i},not a date,5,{category}\n"),
            2 => format!("Too,many,fields,here,{i}\n"),
            3 => "\n\r\n".to_owned(),
            4 => format!("Copy of row four,2024-02-01T00:00:00Z,1,{category}\r\n"),
            _ => format!("Headline {i} about things,2024-03-{day:02}T{:02}:00:00Z,{i},{late_category}\n", i % 24),
        };
        csv.push_str(&row);
        if quoted_middle && i == n_rows / 2 {
            let lines: String = (0..20_000).map(|k| format!("line {k} of a long quoted body\n")).collect();
            csv.push_str(&format!("\"Long {lines}\",2024-03-03T03:00:00Z,3,world\n"));
        }
    }
    csv
}

/// The report's totals, rejections and duplicates as comparable text.
fn summary(report: &Ingested<()>) -> (usize, usize, Vec<String>, Vec<(u32, u32)>) {
    let rejected = report.rejected.iter().map(ToString::to_string).collect();
    let duplicates = report.duplicates.iter().map(|d| (d.line.get(), d.first_line.get())).collect();
    (report.n_records, report.n_loaded(), rejected, duplicates)
}

fn store_of(builder: StoreBuilder<'_>, report: &mut Ingested<()>) -> Store {
    builder.finish(ParseOptions::default().site_offset, report)
}

#[test]
fn two_parts_read_as_one_thread_reads() {
    for (quoted_middle, expect_split) in [(false, true), (true, false)] {
        let csv = quirky_csv(quoted_middle);
        assert!(csv.len() > MIN_BYTES_TO_SPLIT);
        let decoded = decode(csv.as_bytes()).unwrap();
        let options = ParseOptions::default();

        let mut one = StoreBuilder::new(TokenizerKind::Rich, 0);
        let mut one_report = Job::start(&decoded, &options, &mut one).unwrap().finish().unwrap();
        // The two-part read keeps titles as places in the text (those the reader rewrote, such
        // as the quoted ones with a line break, copied); the one-thread read copies every title.
        let mut two = Watched { builder: StoreBuilder::over(&decoded.text, TokenizerKind::Rich, 0), appended: false };
        let mut two_report = read_in_two_parts(&decoded, &options, &mut two).unwrap();
        assert_eq!(two.appended, expect_split, "quoted middle {quoted_middle}");
        assert_eq!(two.builder.outline(), one.outline());
        let (one_store, two_store) = (store_of(one, &mut one_report), store_of(two.builder, &mut two_report));
        assert_eq!(summary(&two_report), summary(&one_report), "quoted middle {quoted_middle}");
        assert!(!one_report.rejected.is_empty() && !one_report.duplicates.is_empty());
        assert_eq!(two_store.categories, one_store.categories);
        assert_eq!(rows(&two_store), rows(&one_store), "quoted middle {quoted_middle}");
    }
}
