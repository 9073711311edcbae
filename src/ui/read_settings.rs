//! How the file was read, and the controls to read it again differently: which column plays
//! which role (with a preview of the first rows), whether dates are day-first, the reference
//! time for relative dates and the site's time zone. A mapping chosen here is remembered for
//! files with the same header.

use super::browser::save_mapping;
use super::load::{Loaded, ReadSettings};
use super::loader::use_loader;
use crate::ingest::preview::preview;
use crate::ingest::{DateOrder, FieldMapping, Format, ParseOptions};
use crate::model::date_text;
use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use leptos::prelude::*;
use std::sync::Arc;

const ROLES: [&str; 7] = ["title", "published", "views", "category", "url", "body", "author"];

fn role(mapping: &FieldMapping, index: usize) -> Option<String> {
    [
        &mapping.title,
        &mapping.published,
        &mapping.views,
        &mapping.category,
        &mapping.url,
        &mapping.body,
        &mapping.author,
    ][index]
        .clone()
}

fn set_role(mapping: &mut FieldMapping, index: usize, column: Option<String>) {
    let slot = [
        &mut mapping.title,
        &mut mapping.published,
        &mut mapping.views,
        &mut mapping.category,
        &mut mapping.url,
        &mut mapping.body,
        &mut mapping.author,
    ]
    .into_iter()
    .nth(index);
    if let Some(slot) = slot {
        // An empty string switches a role off (see `FieldMapping::overridden_by`).
        *slot = Some(column.unwrap_or_default());
    }
}

fn offset_text(offset: FixedOffset) -> String {
    offset.to_string()
}

/// What the dialog shows and starts from: a loaded file, or one that failed for want of a
/// title or time column.
#[derive(Clone, Debug)]
pub struct MappingInput {
    /// The format read.
    pub format: Format,
    /// Columns or keys found.
    pub columns: Vec<String>,
    /// The roles used (or detected).
    pub mapping: FieldMapping,
    /// The file's first 64 KiB.
    pub head: Vec<u8>,
    /// The settings of the last read.
    pub settings: ReadSettings,
    /// The site offset of the last read.
    pub site_offset: FixedOffset,
}

impl MappingInput {
    /// The dialog's input for a loaded dataset.
    pub fn of_loaded(loaded: &Loaded) -> MappingInput {
        MappingInput {
            format: loaded.report.format,
            columns: loaded.report.columns.clone(),
            mapping: loaded.report.mapping.clone().unwrap_or_default(),
            head: loaded.head.clone(),
            settings: loaded.settings.clone(),
            site_offset: loaded.site_offset,
        }
    }

    /// The dialog's input for a file whose columns could not be mapped.
    pub fn of_head(head: Vec<u8>, settings: ReadSettings) -> Option<MappingInput> {
        let options = settings.apply(ParseOptions::default());
        let preview = preview(&head, &options, 0).ok()?;
        Some(MappingInput {
            format: preview.format,
            columns: preview.columns,
            mapping: preview.mapping,
            head,
            site_offset: options.site_offset,
            settings,
        })
    }
}

/// The read-settings dialog.
#[component]
pub fn ReadSettingsPanel(input: Arc<MappingInput>) -> impl IntoView {
    let loader = use_loader();
    let table_like = matches!(input.format, Format::Csv | Format::Json | Format::Jsonl);
    let draft = RwSignal::new(ReadSettings { mapping: input.mapping.clone(), ..input.settings.clone() });
    let columns = input.columns.clone();
    let head = Arc::new(input.head.clone());
    let site_offset = input.site_offset;
    let preview_rows = Memo::new(move |_| {
        let options = draft.with(|d| d.apply(ParseOptions::default()));
        preview(&head, &options, 5)
            .ok()
            .map(|p| (p.columns.clone(), p.mapping.clone(), p.rows.clone(), p.header_signature()))
    });
    let reference_value = move || {
        draft.with(|d| {
            d.reference_time
                .map(|t| date_text::iso_minute(t.with_timezone(&d.site_offset.unwrap_or(site_offset)).naive_local()))
                .unwrap_or_default()
        })
    };
    let reread = move |_| {
        let settings = draft.get_untracked();
        if let Some((_, _, _, signature)) = preview_rows.get_untracked() {
            save_mapping(&signature, &settings.mapping);
        }
        loader.reread(settings);
    };
    let role_selects = (0..ROLES.len())
        .map(|index| {
            let columns = columns.clone();
            view! {
                <label class="field"><span>{ROLES[index]}</span>
                    <select data-testid=format!("role-{}", ROLES[index]) on:change=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| set_role(&mut d.mapping, index, (!value.is_empty()).then_some(value)));
                    }>
                        <option value="" selected=move || draft.with(|d| role(&d.mapping, index).is_none_or(|c| c.is_empty()))>"(none)"</option>
                        {columns.into_iter().map(|c| {
                            let shown = c.clone();
                            let value = c.clone();
                            view! { <option value=value selected=move || draft.with(|d| role(&d.mapping, index).as_deref() == Some(c.as_str()))>{shown}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        })
        .collect_view();
    let zones: Vec<i32> = (-12..=14).map(|h| h * 3600).collect();
    view! {
        <section class="panel" data-testid="read-settings" aria-labelledby="read-settings-title">
            <h2 id="read-settings-title">"How the file was read"</h2>
            <p class="hint">{format!("Format: {}. Change a choice below and read the file again.", input.format.name())}</p>
            {table_like.then(|| view! {
                <div class="controls roles">{role_selects}</div>
                <div class="preview-wrap">
                    <table class="preview" data-testid="mapping-preview">
                        <caption>"First rows"</caption>
                        <thead><tr>{move || preview_rows.get().map(|(columns, mapping, _, _)| columns.into_iter().map(|c| {
                            let roles: Vec<&str> = (0..ROLES.len()).filter(|&i| role(&mapping, i).as_deref() == Some(c.as_str())).map(|i| ROLES[i]).collect();
                            let label = if roles.is_empty() { c.clone() } else { format!("{c} → {}", roles.join(", ")) };
                            view! { <th scope="col">{label}</th> }
                        }).collect_view())}</tr></thead>
                        <tbody>{move || preview_rows.get().map(|(_, _, rows, _)| rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{crate::chart::labels::clip(&cell, 60)}</td> }).collect_view()}</tr>
                        }).collect_view())}</tbody>
                    </table>
                </div>
            })}
            <div class="controls">
                <label class="field"><span>"Dates like 3/4/2024"</span>
                    <select data-testid="date-order" on:change=move |ev| {
                        let order = match event_target_value(&ev).as_str() { "month" => Some(DateOrder::MonthFirst), "day" => Some(DateOrder::DayFirst), _ => None };
                        draft.update(|d| d.date_order = order);
                    }>
                        <option value="auto" selected=move || draft.with(|d| d.date_order.is_none())>"decide from the values"</option>
                        <option value="month" selected=move || draft.with(|d| d.date_order == Some(DateOrder::MonthFirst))>"month first (US)"</option>
                        <option value="day" selected=move || draft.with(|d| d.date_order == Some(DateOrder::DayFirst))>"day first"</option>
                    </select>
                </label>
                <label class="field"><span>"Reference time (“Yesterday”, “5 hours ago”)"</span>
                    <input type="datetime-local" data-testid="reference-time" prop:value=reference_value on:change=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| {
                            let offset = d.site_offset.unwrap_or(site_offset);
                            d.reference_time = NaiveDateTime::parse_from_str(&value, "%Y-%m-%dT%H:%M").ok().and_then(|t| offset.from_local_datetime(&t).single()).map(|t: DateTime<FixedOffset>| t);
                        });
                    }/>
                </label>
                <label class="field"><span>"Site time zone (times written without one)"</span>
                    <select data-testid="site-offset" on:change=move |ev| {
                        let seconds = event_target_value(&ev).parse::<i32>().ok();
                        draft.update(|d| d.site_offset = seconds.and_then(FixedOffset::east_opt));
                    }>
                        {zones.into_iter().map(|seconds| {
                            let offset = FixedOffset::east_opt(seconds).unwrap_or(site_offset);
                            view! { <option value=seconds.to_string() selected=move || draft.with(|d| d.site_offset.unwrap_or(site_offset) == offset)>{format!("UTC{}", offset_text(offset))}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="reread" on:click=reread>"Read the file again"</button>
            </div>
        </section>
    }
}
