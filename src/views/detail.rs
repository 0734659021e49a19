//! The snapshot detail: targeting dimensions for the organisation and per instance, and channels.

use yew::prelude::*;

use engine::report::NamedCount;

use super::format::fmt_date;
use super::{count_cell, count_text, date_text, SectionProps};

/// The *Targeting dimensions* tables and the channels of the as-of date.
#[function_component(SnapshotDetail)]
pub fn snapshot_detail(props: &SectionProps) -> Html {
    let r = &props.report;
    let on = r.as_of.as_deref().map(|d| format!(" on {}", fmt_date(d))).unwrap_or_default();
    let several = r.instances.len() > 1;
    html! {
        <section class="report-section detail-section">
            <h2>
                { "Snapshot detail" }
                if let Some(as_of) = &r.as_of {
                    <span class="heading-date">{ " · " }{ date_text(as_of) }</span>
                }
            </h2>
            if r.dimensions.is_empty() && r.total_active == 0 {
                <p class="section-empty">{ "No active profiles on this date, so no targeting dimension to show." }</p>
            } else {
                <div class={classes!("dimension-tables", several.then_some("side-by-side"))}>
                    <table class="data-table dimensions-table" data-testid="dimensions">
                        <caption>
                            { format!("Targeting dimensions{on}") }
                            if several { { ": the organisation" } }
                            else if let Some(i) = r.instances.first() { { format!(": instance {}", i.name) } }
                        </caption>
                        { dimensions_head() }
                        <tbody>
                            { for r.dimensions.iter().map(|d| dimension_row(d, "dimension-row")) }
                        </tbody>
                        { total_foot(r.total_active, "dimension-total") }
                    </table>
                    if several {
                        { for r.instances.iter().map(|i| html! {
                            <table class="data-table dimensions-table" data-testid="instance-dimensions" data-instance={i.name.clone()}>
                                <caption>{ format!("Targeting dimensions{on}: instance {}", i.name) }</caption>
                                { dimensions_head() }
                                <tbody>
                                    { for i.dimensions.iter().map(|d| dimension_row(d, "instance-dimension-row")) }
                                </tbody>
                                { total_foot(i.active, "instance-total") }
                            </table>
                        }) }
                    }
                </div>
            }
            <h3>{ "Channels" }</h3>
            if r.channels.is_empty() {
                <p class="section-empty">{ "No channel: no profile was counted." }</p>
            } else {
                <table class="data-table channels-table" data-testid="channels">
                    <caption>
                        { format!("Active profiles per channel{on}. A profile reached on two channels is in both rows, so the rows need not add up to the total.") }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Channel" }</th>
                            <th scope="col" class="num">{ "Active profiles" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.channels.iter().map(|c| html! {
                            <tr data-testid="channel-row" data-name={c.name.clone()}>
                                <th scope="row">{ &c.name }</th>
                                { count_cell(c.active) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="multi-channel" data-testid="multi-channel">
                    { "Reached on more than one channel: " }{ count_text(r.multi_channel_profiles) }
                </p>
            }
        </section>
    }
}

fn dimensions_head() -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ "Source" }</th>
                <th scope="col" class="num">{ "Number of contacts" }</th>
            </tr>
        </thead>
    }
}

fn dimension_row(d: &NamedCount, testid: &'static str) -> Html {
    html! {
        <tr data-testid={testid} data-name={d.name.clone()}>
            <th scope="row">{ &d.name }</th>
            { count_cell(d.active) }
        </tr>
    }
}

fn total_foot(total: u64, testid: &'static str) -> Html {
    html! {
        <tfoot>
            <tr class="total-row" data-testid={testid}>
                <th scope="row">{ "Total" }</th>
                { count_cell(total) }
            </tr>
        </tfoot>
    }
}
