//! The bundled demo dataset: a deterministic generator of realistic scrape-format text.
//!
//! Contract: the same `DemoSpec` gives byte-identical output on every machine (a fixed PRNG,
//! no clock, no hash order). The output is what `public/demo-scrape.txt` holds; a test
//! regenerates it and compares. The data are invented and the page labels them as generated.
//!
//! What makes it realistic: recurring topics with bursts (a topic's share jumps for a few days),
//! a daily rhythm (mornings and evenings busy, nights quiet) and a weekly one (quieter weekends),
//! heavy-tailed log-normal views, full articles with bodies, and a few sidebar lists at the end
//! whose dates are relative (`Yesterday, 23:02`) to [`REFERENCE_TIME`].

mod rng;
mod vocab;
pub mod warm_up;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use rng::SplitMix64;
use std::fmt::Write as _;
use vocab::{BODY_OPENERS, CONTEXTS, TOPICS};

/// The time the demo scrape was "taken": relative dates in it resolve against this.
pub const REFERENCE_TIME: &str = "2025-01-01T09:00:00+03:00";
/// The site's offset (naive times in the demo are in it).
pub const SITE_OFFSET_SECONDS: i32 = 3 * 3600;
/// Where the page fetches the demo from.
pub const DEMO_PATH: &str = "public/demo-scrape.txt";

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct DemoSpec {
    /// PRNG seed.
    pub seed: u64,
    /// First day of the demo.
    pub first_day: NaiveDate,
    /// Number of days covered.
    pub n_days: u32,
    /// Average articles per weekday.
    pub articles_per_weekday: f64,
}

impl Default for DemoSpec {
    fn default() -> DemoSpec {
        DemoSpec {
            seed: 2025,
            first_day: NaiveDate::from_ymd_opt(2023, 1, 2).unwrap_or_default(),
            n_days: 730,
            articles_per_weekday: 40.0,
        }
    }
}

/// The reference time as a value.
pub fn reference_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(REFERENCE_TIME).unwrap_or_else(|_| unreachable!("constant is valid RFC 3339"))
}

/// Share of a day's articles published in each hour (site time).
const HOUR_WEIGHTS: [f64; 24] = [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 0.8, 1.6, 2.2, 2.4, 2.2, 2.0, 1.8, 1.7, 1.6, 1.6, 1.8, 2.0, 2.2, 2.0, 1.6, 1.2, 0.8,
    0.5,
];

/// A burst: `topic` gets `multiplier` times its usual weight from `first_day` for `n_days`.
struct Burst {
    topic: usize,
    first_day: u32,
    n_days: u32,
    multiplier: f64,
}

/// One generated article before it is written out.
struct DemoArticle {
    title: String,
    at: NaiveDateTime,
    views: u64,
    body: String,
}

/// Generates the demo text.
pub fn generate(spec: &DemoSpec) -> String {
    let mut rng = SplitMix64::new(spec.seed);
    let bursts = plan_bursts(&mut rng, spec.n_days);
    let mut articles = Vec::new();
    for day in 0..spec.n_days {
        let date = spec.first_day + Duration::days(i64::from(day));
        let weekend = matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        let mean = spec.articles_per_weekday * if weekend { 0.55 } else { 1.0 };
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small positive count")]
        let n_today = (mean * (0.8 + 0.4 * rng.unit())).round() as usize;
        let weights = topic_weights(&bursts, day);
        for _ in 0..n_today {
            articles.push(make_article(&mut rng, date, &weights, &bursts, day));
        }
    }
    articles.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.title.cmp(&b.title)));
    write_scrape(&articles)
}

fn plan_bursts(rng: &mut SplitMix64, n_days: u32) -> Vec<Burst> {
    let mut bursts = Vec::new();
    for topic in 0..TOPICS.len() {
        for _ in 0..2 + rng.below(2) {
            #[expect(clippy::cast_possible_truncation, reason = "below(n_days) < n_days")]
            let first_day = rng.below(n_days as usize) as u32;
            #[expect(clippy::cast_possible_truncation, reason = "below(8) < 8")]
            let n_days = 3 + rng.below(8) as u32;
            bursts.push(Burst { topic, first_day, n_days, multiplier: 4.0 + 5.0 * rng.unit() });
        }
    }
    bursts
}

fn in_burst(burst: &Burst, day: u32) -> bool {
    (burst.first_day..burst.first_day + burst.n_days).contains(&day)
}

fn topic_weights(bursts: &[Burst], day: u32) -> Vec<f64> {
    TOPICS
        .iter()
        .enumerate()
        .map(|(i, topic)| {
            let boost: f64 = bursts.iter().filter(|b| b.topic == i && in_burst(b, day)).map(|b| b.multiplier).product();
            topic.weight * boost
        })
        .collect()
}

fn weighted_index(rng: &mut SplitMix64, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut target = rng.unit() * total;
    for (i, w) in weights.iter().enumerate() {
        if target < *w {
            return i;
        }
        target -= w;
    }
    weights.len() - 1
}

fn make_article(rng: &mut SplitMix64, date: NaiveDate, weights: &[f64], bursts: &[Burst], day: u32) -> DemoArticle {
    let topic_index = weighted_index(rng, weights);
    let topic = &TOPICS[topic_index];
    let hour = u32::try_from(weighted_index(rng, &HOUR_WEIGHTS)).unwrap_or(0);
    #[expect(clippy::cast_possible_truncation, reason = "below(60) < 60")]
    let minute = rng.below(60) as u32;
    let at = date.and_hms_opt(hour, minute, 0).unwrap_or_default();
    let (subject, action) = agree(rng.pick(topic.subjects), rng.pick(topic.actions));
    let object = rng.pick(topic.objects);
    let mut title = format!("{subject} {action} {object}");
    if rng.unit() < 0.3 {
        write!(title, " {}", rng.pick(CONTEXTS)).ok();
    }
    let bursting = bursts.iter().any(|b| b.topic == topic_index && in_burst(b, day));
    let prime_time = matches!(hour, 7..=9 | 18..=20);
    let mu = topic.median_views.ln() + if bursting { 0.8 } else { 0.0 } + if prime_time { 0.3 } else { 0.0 };
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "exp() is positive; capped")]
    let views = (mu + 1.1 * rng.normal()).exp().min(5.0e6).round() as u64;
    let body = format!("{} {}: {} {} {}.", rng.pick(BODY_OPENERS), date.format("%A"), subject, action, object);
    DemoArticle { title, at, views, body }
}

/// Subject–verb agreement: `+Voters` + `calls for` gives `Voters` + `call for`.
fn agree(subject: &'static str, action: &'static str) -> (&'static str, String) {
    let Some(plural) = subject.strip_prefix('+') else {
        return (subject, action.to_owned());
    };
    let (verb, rest) = action.split_once(' ').unwrap_or((action, ""));
    let base = if let Some(stem) = verb.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["shes", "ches", "xes", "sses"].iter().any(|s| verb.ends_with(s)) {
        verb[..verb.len() - 2].to_owned()
    } else {
        verb.strip_suffix('s').unwrap_or(verb).to_owned()
    };
    (plural, if rest.is_empty() { base } else { format!("{base} {rest}") })
}

/// Writes the articles newest first: the last two days as sidebar lists with relative dates,
/// everything older as full articles.
fn write_scrape(articles: &[DemoArticle]) -> String {
    let reference = reference_time().naive_local();
    let today = reference.date();
    let mut out = String::with_capacity(articles.len() * 180);
    let (recent, older): (Vec<&DemoArticle>, Vec<&DemoArticle>) =
        articles.iter().partition(|a| a.at.date() >= today - Duration::days(1) && a.at <= reference);
    for list in recent.chunks(8) {
        for (i, article) in list.iter().enumerate() {
            if i == 0 {
                writeln!(out, "{}", article.title).ok();
            }
            let when = if article.at.date() == today { "Today" } else { "Yesterday" };
            let next = list.get(i + 1).map_or("", |a| a.title.as_str());
            writeln!(out, "{}{when}, {:02}:{:02}{next}", article.views, article.at.hour(), article.at.minute()).ok();
        }
    }
    for article in older {
        writeln!(out, "{}", article.title).ok();
        writeln!(out, "{} {} {} |", article.views, article.at.format("%A, %-d %B, %Y, %H:%M"), article.body).ok();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_spec_gives_the_same_text() {
        let spec = DemoSpec { n_days: 20, ..DemoSpec::default() };
        assert_eq!(generate(&spec), generate(&spec));
        let other = DemoSpec { seed: 7, ..spec };
        assert_ne!(generate(&spec), generate(&other));
    }
}
