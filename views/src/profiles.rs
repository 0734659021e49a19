//! The active profiles one by one (key, source, instance, leaving day): shown only in a report that holds them.
//!
//! A report holds profile keys only when the user asked for them (personal
//! data; `Report::profiles` is `None` otherwise, and then this section is not
//! rendered at all). The viewer lists the first [`SHOWN_LIVE`] rows (the first
//! twelve, then all of them on request); a bundle
//! shows them all; the CSV export always has them all.

use yew::prelude::*;

use super::format::fmt_count;
use super::nav::LongTable;
use super::{date_text, use_mode, Mode, SectionProps};
use crate::locale::{tr, trf, use_lang};

/// Rows the live viewer renders at most (the page stays quick with a million profiles).
pub const SHOWN_LIVE: usize = 1000;

/// The table of active profiles, when the report holds them.
#[function_component(ActiveProfiles)]
pub fn active_profiles(props: &SectionProps) -> Html {
    let l = use_lang();
    let mode = use_mode();
    let Some(list) = props.report.profiles.as_ref() else { return Html::default() };
    let shown = if mode == Mode::Live { list.len().min(SHOWN_LIVE) } else { list.len() };
    let rows: Vec<Html> = list
        .iter()
        .take(shown)
        .map(|p| {
            html! {
                <tr data-testid="profile-row">
                    <td>{ &p.dimension }</td>
                    <td>{ &p.instance }</td>
                    <td class="value-literal">{ &p.key }</td>
                    <td>{ date_text(l, &p.leaves) }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section class="report-section profiles-section" id="report-profiles" data-testid="active-profiles">
            <h2>{ tr(l, "profiles-title") }</h2>
            <LongTable class={classes!("profiles-table")} testid="profiles" rows={rows}
                caption={html! { { trf(l, "profiles-lead", &[("n", (list.len() as u64).into()), ("count", fmt_count(l, list.len() as u64).into())]) } }}
                head={html! { <thead><tr>
                    <th scope="col">{ tr(l, "col-source") }</th>
                    <th scope="col">{ tr(l, "col-instance") }</th>
                    <th scope="col">{ tr(l, "col-key") }</th>
                    <th scope="col">{ tr(l, "col-leaves") }</th>
                </tr></thead> }} />
            if shown < list.len() {
                <p class="hint">{ trf(l, "profiles-more", &[("shown", fmt_count(l, shown as u64).into()), ("count", fmt_count(l, list.len() as u64).into())]) }</p>
            }
        </section>
    }
}
