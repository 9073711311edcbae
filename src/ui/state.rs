//! The dashboard's reactive state, split by concern: the data (`store`), the view (`view`, one
//! `ViewState` that the URL mirrors), the user's saved topics, and the drill-down. Everything
//! else is derived: `data` is one memo of every panel's numbers.

use crate::analysis::Store;
use crate::analysis::dashboard::{DashboardData, ViewSettings, compute};
use crate::analysis::filter::Filter;
use crate::analysis::keywords::typical_search;
use crate::analysis::recent::{Lookup, RecentDashboards};
use crate::analysis::topics::{TopicKind, TopicRef, UserTopic};
use crate::analysis::view_state::ViewState;
use chrono::FixedOffset;
use leptos::prelude::*;
use std::sync::Arc;

/// Shared, compared by identity (a new value is always a change), so memos of large results
/// never deep-compare them.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Headlines behind a clicked bar, cell or burst, shown in the headlines panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Drill {
    /// What was clicked, in words.
    pub label: String,
    /// The rows, ascending.
    pub rows: Arc<Vec<u32>>,
}

/// The dashboard context; `Copy`, so handing it out is free.
#[derive(Clone, Copy)]
pub struct Dash {
    /// The loaded articles.
    pub store: RwSignal<Shared<Store>>,
    /// The view (filters, choices); mirrored in the URL.
    pub view: RwSignal<ViewState>,
    /// User topics kept in localStorage.
    pub saved_topics: RwSignal<Vec<UserTopic>>,
    /// Saved topics plus those the link brought.
    pub user_topics: Memo<Vec<UserTopic>>,
    /// Every panel's numbers.
    pub data: Memo<Shared<DashboardData>>,
    /// How long the last `data` computation took (shown as a data attribute).
    pub compute_ms: StoredValue<f64>,
    /// Whether the last `data` came from the recent-views cache (shown as a data attribute).
    pub reused: StoredValue<bool>,
    /// The drill-down, if any.
    pub drill: RwSignal<Option<Drill>>,
    /// The site's own offset (naive times were read in it).
    pub site_offset: FixedOffset,
    /// Bumped when the window is resized, so canvases redraw at the new width.
    pub viewport: RwSignal<u32>,
    /// Whether the store's phrases or names are being found (`find_grams_if_shown`).
    pub finding: StoredValue<bool>,
}

/// The dashboard context.
pub fn use_dash() -> Dash {
    expect_context::<Dash>()
}

impl Dash {
    /// Creates the state for a loaded store, with the view read from the URL.
    pub fn new(store: Store, site_offset: FixedOffset, initial: ViewState, saved: Vec<UserTopic>) -> Dash {
        let store = RwSignal::new(Shared(Arc::new(store)));
        let view = RwSignal::new(initial);
        let saved_topics = RwSignal::new(saved);
        let user_topics = Memo::new(move |_| {
            let mut all = saved_topics.get();
            for topic in view.with(|v| v.user_topics.clone()) {
                if !all.iter().any(|t| t.name == topic.name) {
                    all.push(topic);
                }
            }
            all
        });
        let compute_ms = StoredValue::new(0.0);
        let reused = StoredValue::new(false);
        // Views seen recently (per store: a new dataset makes a new `Dash`), so going back to
        // one is instant.
        let recent = StoredValue::new(RecentDashboards::new(4));
        let data = Memo::new(move |_| {
            let view = view.get();
            let topics = user_topics.get();
            let settings = store.with(|s| settings_of(&view, s));
            let started = super::browser::now_ms();
            let lacks_grams = store.with(|s| s.lacks_grams(view.topic_kind));
            let looked_up = store.with(|s| {
                // While the view's phrases or names are being found, the topic chart says so: the
                // view is computed without them (`settings_of`) and not kept among the recent ones.
                (!lacks_grams)
                    .then(|| recent.try_update_value(|r| r.get_or_compute(s, &view.filter, &topics, &settings)))
            });
            let (data, lookup) = looked_up.flatten().unwrap_or_else(|| {
                let mut data = store.with(|s| compute(s, &view.filter, &topics, &settings));
                if lacks_grams {
                    data.topics.clear();
                }
                (Arc::new(data), Lookup::Computed)
            });
            compute_ms.set_value(super::browser::now_ms() - started);
            reused.set_value(lookup == Lookup::Reused);
            Shared(data)
        });
        let dash = Dash {
            store,
            view,
            saved_topics,
            user_topics,
            data,
            compute_ms,
            reused,
            drill: RwSignal::new(None),
            site_offset,
            viewport: RwSignal::new(0),
            finding: StoredValue::new(false),
        };
        dash.apply_time_zone();
        dash.warm_up_search();
        dash.find_grams_if_shown();
        dash
    }

    /// If the view shows phrases or names the store has not found yet and no search runs:
    /// finds them in slices of about `SLICE_MS` that yield to the browser (a million headlines
    /// take most of a second, which must not freeze the tab), then has the dashboard computed
    /// again and looks once more (the view may show the other kind by then). Called whenever
    /// the view or the store is set.
    fn find_grams_if_shown(self) {
        /// Work between two yields to the browser.
        const SLICE_MS: f64 = 12.0;
        let kind = self.view.with_untracked(|v| v.topic_kind);
        let Some(store) = self.store.with_untracked(|s| s.lacks_grams(kind).then(|| s.clone())) else { return };
        if self.finding.get_value() {
            return;
        }
        self.finding.set_value(true);
        leptos::task::spawn_local(async move {
            let slice_start = std::rc::Rc::new(std::cell::Cell::new(super::browser::now_ms()));
            let mut pause = move |_done: f64| -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
                if super::browser::now_ms() - slice_start.get() < SLICE_MS {
                    return Box::pin(std::future::ready(()));
                }
                let slice_start = slice_start.clone();
                Box::pin(async move {
                    super::load::yield_to_browser().await;
                    slice_start.set(super::browser::now_ms());
                })
            };
            store.find_grams(kind, &mut pause).await;
            drop(store);
            // A newer dataset may have replaced (and disposed of) this dashboard meanwhile;
            // `try_set_value` answers `None` when it could set the value.
            if self.finding.try_set_value(false).is_none() {
                self.store.notify();
                self.apply_time_zone();
                self.find_grams_if_shown();
            }
        });
    }

    /// Once the page is idle: lists each word's rows (a store is loaded without them, so the
    /// first dashboard is drawn sooner; a search before this lists them itself), builds the
    /// store's order of rows by views (so that neither the first dashboard nor a later filter
    /// change waits for that sort), then runs one search as wide as a typical one
    /// (`keywords::typical_search`) and drops the result: the first search after a load
    /// otherwise runs its loops before the browser has optimised them (its compute took up to
    /// twice as long as the same search later; BENCHMARKS.md, session 9).
    fn warm_up_search(&self) {
        let (store, view, user_topics) = (self.store, self.view, self.user_topics);
        super::browser::when_idle(move || {
            let Some(view) = view.try_get_untracked() else { return };
            let topics = user_topics.try_get_untracked().unwrap_or_default();
            let listed_now = store.try_with_untracked(|s| {
                let started = super::browser::now_ms();
                let listed_now = !s.has_postings();
                s.all_postings();
                super::summary::note_listing(super::browser::now_ms() - started);
                // The order of rows by views, for top headlines of large selections: a sort of
                // every row, kept out of the first dashboard after loading.
                s.rows_by_views();
                if let Some(query) = typical_search(s) {
                    let filter = Filter { query: query.to_owned(), ..view.filter.clone() };
                    drop(compute(s, &filter, &topics, &settings_of(&view, s)));
                }
                listed_now
            });
            // With each word's rows listed, a view without chosen topics draws the rising ones.
            if listed_now == Some(true) {
                store.notify();
            }
        });
    }

    /// The time zone of the view.
    pub fn offset(&self) -> FixedOffset {
        self.view
            .with_untracked(|v| v.offset_minutes)
            .and_then(|m| FixedOffset::east_opt(m * 60))
            .unwrap_or(self.site_offset)
    }

    /// Re-keys the store when the view's time zone differs from the store's (O(rows), in
    /// place). While a search for phrases or names holds the store, that search does it when
    /// it ends (a copy of the store would double the memory a large file takes).
    pub fn apply_time_zone(&self) {
        let offset = self.offset();
        if self.store.with_untracked(|s| s.keys.offset) != offset {
            self.store.update(|s| {
                if let Some(store) = Arc::get_mut(&mut s.0) {
                    store.set_time_zone(offset);
                }
            });
        }
    }

    /// Replaces the view (from a control or the browser history) and clears the drill-down.
    pub fn set_view(&self, view: ViewState) {
        self.drill.set(None);
        self.view.set(view);
        self.apply_time_zone();
        self.find_grams_if_shown();
    }

    /// Changes the view with `change`.
    pub fn update_view(&self, change: impl FnOnce(&mut ViewState)) {
        let mut view = self.view.get_untracked();
        change(&mut view);
        self.set_view(view);
    }

    /// What the store's views count, in the plural ("views", "points"…), for labels.
    pub fn views_noun(&self) -> String {
        self.store.with_untracked(|s| s.views_noun.clone())
    }

    /// "Most viewed", or "Top by points" when the views are not views.
    pub fn most_viewed_label(&self) -> String {
        let noun = self.views_noun();
        if noun == "views" { "Most viewed".to_owned() } else { format!("Top by {noun}") }
    }

    /// Adds `topic` to the topics drawn over time (once).
    pub fn draw_over_time(&self, topic: TopicRef) {
        self.update_view(|v| {
            if !v.chosen_topics.contains(&topic) {
                v.chosen_topics.push(topic);
            }
        });
    }
}

/// What the dashboard computes for `view` of `store`, besides its filter: phrases or names the
/// store has not found yet are not asked for (that would find them in one call; see
/// `Dash::find_grams_if_shown`).
fn settings_of(view: &ViewState, store: &Store) -> ViewSettings {
    let topic_kind = if store.lacks_grams(view.topic_kind) { TopicKind::Keyword } else { view.topic_kind };
    ViewSettings {
        topic_kind,
        measure: view.measure,
        chosen_topics: view.chosen_topics.clone(),
        bucket_width: view.bucket_width,
        n_topics: 20,
        n_headlines: 20,
    }
}
