//! The last few dashboards computed for one store, so returning to a view — clearing a filter,
//! removing a chip, going back in the browser's history — shows it at once instead of
//! recomputing every panel.
//!
//! Contract: an entry is returned only for an equal filter, view settings, user topics and
//! time zone of the store's calendar keys, and only while whether the store has listed each
//! word's rows is unchanged; the cache belongs to one store (make a new one for
//! another dataset). Results are the same values `compute` returns, shared.

use super::dashboard::{DashboardData, ViewSettings, compute};
use super::filter::Filter;
use super::store::Store;
use super::topics::UserTopic;
use chrono::FixedOffset;
use std::collections::VecDeque;
use std::sync::Arc;

/// What a dashboard depends on besides the store's rows.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    filter: Filter,
    settings: ViewSettings,
    user_topics: Vec<UserTopic>,
    time_zone: FixedOffset,
    /// Whether each word's rows were listed: with them, a view without chosen topics draws the
    /// rising ones (`dashboard::compute`).
    has_postings: bool,
}

/// Whether a dashboard came from the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Computed now.
    Computed,
    /// Returned from an earlier computation.
    Reused,
}

/// A small most-recently-used cache of dashboards. See the module contract.
#[derive(Debug)]
pub struct RecentDashboards {
    capacity: usize,
    /// Most recently used first.
    entries: VecDeque<(Key, Arc<DashboardData>)>,
}

impl RecentDashboards {
    /// A cache that keeps `capacity` dashboards (their selections hold up to 4 bytes a row).
    pub fn new(capacity: usize) -> RecentDashboards {
        RecentDashboards { capacity: capacity.max(1), entries: VecDeque::new() }
    }

    /// The dashboard for this view: an earlier one when the view is the same, else `compute`.
    pub fn get_or_compute(
        &mut self,
        store: &Store,
        filter: &Filter,
        user_topics: &[UserTopic],
        settings: &ViewSettings,
    ) -> (Arc<DashboardData>, Lookup) {
        let key = Key {
            filter: filter.clone(),
            settings: settings.clone(),
            user_topics: user_topics.to_vec(),
            time_zone: store.keys.offset,
            has_postings: store.has_postings(),
        };
        if let Some(at) = self.entries.iter().position(|(k, _)| *k == key) {
            let entry = self.entries.remove(at).unwrap_or_else(|| unreachable!("the position is in range"));
            let data = Arc::clone(&entry.1);
            self.entries.push_front(entry);
            return (data, Lookup::Reused);
        }
        let data = Arc::new(compute(store, filter, user_topics, settings));
        self.entries.push_front((key, Arc::clone(&data)));
        self.entries.truncate(self.capacity);
        (data, Lookup::Computed)
    }
}

#[cfg(test)]
mod tests {
    use super::{Lookup, RecentDashboards};
    use crate::analysis::dashboard::{ViewSettings, compute};
    use crate::analysis::filter::Filter;
    use crate::analysis::{Store, TokenizerKind};
    use crate::ingest::{ParseOptions, parse};

    fn store() -> Store {
        let csv = b"title,date,views\nRates rise again,2024-03-01 09:00,10\nRates fall,2024-03-02 10:00,20\nStorm hits coast,2024-03-02 11:00,5\n";
        Store::build(
            parse(csv, &ParseOptions::default()).unwrap().dataset,
            TokenizerKind::Rich,
            ParseOptions::default().site_offset,
        )
    }

    #[test]
    fn a_view_seen_before_is_reused_and_equals_a_fresh_computation() {
        let mut store = store();
        let mut recent = RecentDashboards::new(2);
        let settings = ViewSettings::default();
        let rates = Filter { query: "rates".into(), ..Filter::default() };
        let all = Filter::default();
        assert_eq!(recent.get_or_compute(&store, &all, &[], &settings).1, Lookup::Computed);
        assert_eq!(recent.get_or_compute(&store, &rates, &[], &settings).1, Lookup::Computed);
        let (again, lookup) = recent.get_or_compute(&store, &all, &[], &settings);
        assert_eq!(lookup, Lookup::Reused);
        assert_eq!(*again, compute(&store, &all, &[], &settings));
        // A third view pushes out the least recently used one (`rates`).
        let storm = Filter { query: "storm".into(), ..Filter::default() };
        assert_eq!(recent.get_or_compute(&store, &storm, &[], &settings).1, Lookup::Computed);
        assert_eq!(recent.get_or_compute(&store, &rates, &[], &settings).1, Lookup::Computed);
        // Another time zone is another view.
        store.set_time_zone(chrono::FixedOffset::east_opt(3600).unwrap());
        assert_eq!(recent.get_or_compute(&store, &rates, &[], &settings).1, Lookup::Computed);
    }
}
