//! Duplicate identities: addresses that differ only by letter case, per targeting dimension.

use yew::prelude::*;

use super::{count_cell, SectionProps};
use crate::locale::{tr, use_lang};

/// The case-duplicate table with the sentence that explains it.
#[function_component(Duplicates)]
pub fn duplicates(props: &SectionProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    html! {
        <section class="report-section duplicates-section" id="report-duplicates">
            <h2>{ tr(l, "duplicates-title") }</h2>
            <p class="lead">
                { tr(l, "duplicates-lead-written") }{ " " }
                <code>{ "Ann@example.com" }</code>{ " " }{ tr(l, "duplicates-lead-and") }{ " " }<code>{ "ann@example.com" }</code>
                { " " }{ tr(l, "duplicates-lead-becomes") }
            </p>
            if r.case_duplicates.is_empty() {
                <p class="section-empty" data-testid="duplicates-empty">{ tr(l, "duplicates-empty") }</p>
            } else {
                <table class="data-table" data-testid="case-duplicates">
                    <caption>{ tr(l, "duplicates-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-source") }</th>
                        <th scope="col" class="num">{ tr(l, "col-involved") }</th>
                        <th scope="col" class="num">{ tr(l, "col-fewer") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.case_duplicates.iter().map(|c| html! {
                            <tr data-testid="duplicate-row" data-name={c.dimension.clone()}>
                                <th scope="row">{ &c.dimension }</th>
                                { count_cell(l, c.profiles) }
                                { count_cell(l, c.fewer) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
