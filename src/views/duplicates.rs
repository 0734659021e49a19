//! Duplicate identities: addresses that differ only by letter case, per targeting dimension.

use yew::prelude::*;

use super::{count_cell, SectionProps};

/// The case-duplicate table with the sentence that explains it.
#[function_component(Duplicates)]
pub fn duplicates(props: &SectionProps) -> Html {
    let r = &props.report;
    html! {
        <section class="report-section duplicates-section">
            <h2>{ "Duplicate identities" }</h2>
            <p class="lead">
                { "Journey Optimizer reads e-mail addresses with their letter case, so one person written as " }
                <code>{ "Ann@example.com" }</code>{ " and " }<code>{ "ann@example.com" }</code>
                { " becomes two profiles. This is a diagnosis: it does not change the count above." }
            </p>
            if r.case_duplicates.is_empty() {
                <p class="section-empty" data-testid="duplicates-empty">{ "No address differs from another only by letter case." }</p>
            } else {
                <table class="data-table" data-testid="case-duplicates">
                    <caption>{ "Active profiles whose address equals another except for letter case, per dimension" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Source" }</th>
                        <th scope="col" class="num">{ "Profiles involved" }</th>
                        <th scope="col" class="num">{ "Fewer if merged" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.case_duplicates.iter().map(|c| html! {
                            <tr data-testid="duplicate-row" data-name={c.dimension.clone()}>
                                <th scope="row">{ &c.dimension }</th>
                                { count_cell(c.profiles) }
                                { count_cell(c.fewer) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
