//! *Explain a profile*: type a key or an address, see its rows and where it stands on the as-of date.
//!
//! The files are read again for the query (in the worker), so no per-row
//! memory is kept between questions. What it shows stays in the page: it is
//! never part of an export.

use yew::prelude::*;

use crate::state::{Action, ExplainAction, ViewerState};
use crate::views::date_text;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub state: UseReducerHandle<ViewerState>,
}

/// The query box and the answer.
#[function_component(ExplainPanel)]
pub fn explain_panel(props: &ExplainProps) -> Html {
    let query = use_state(String::new);
    let dispatch = props.state.dispatcher();
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let onsubmit = {
        let query = query.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Explain(ExplainAction::Ask((*query).clone())));
        })
    };
    let onclose = dispatch.to_callback().reform(|_| Action::Explain(ExplainAction::Close));
    html! {
        <section class="report-section explain" aria-labelledby="explain-title" data-testid="explain">
            <h2 id="explain-title">{ "Explain a profile" }</h2>
            <p class="section-lead">{ "Type a profile key or an address to see every row of it in the files: counted, excluded (and why) or rejected. Letter case matters, as it does for the count." }</p>
            <form class="explain-form" {onsubmit}>
                <input type="search" data-testid="explain-query" aria-label="Profile key or address"
                    placeholder="Profile key or address" value={(*query).clone()} {oninput} />
                <button type="submit" data-testid="explain-button">{ "Explain" }</button>
            </form>
            if let Some(q) = &props.state.explaining {
                <p class="explain-busy" role="status">{ format!("Reading the files for “{q}”…") }</p>
            }
            if let Some(answer) = &props.state.explanation {
                <div class="explain-answer" data-testid="explain-answer" data-query={answer.query.clone()}>
                    <p class="explain-summary" data-testid="explain-summary">{ summary(answer) }</p>
                    if !answer.rows.is_empty() {
                        <div class="table-scroll">
                            <table class="data-table" data-testid="explain-rows">
                                <caption>{ format!("Rows of “{}” in the files", answer.query) }</caption>
                                <thead><tr>
                                    <th scope="col">{ "Date" }</th><th scope="col">{ "File, line" }</th>
                                    <th scope="col">{ "Delivery" }</th><th scope="col">{ "Channel" }</th>
                                    <th scope="col">{ "Counted as" }</th><th scope="col">{ "Outcome" }</th>
                                </tr></thead>
                                <tbody>
                                    { for answer.rows.iter().map(|r| html! {
                                        <tr data-testid="explain-row" data-outcome={r.outcome.clone()}>
                                            <td>{ match &r.date { Some(d) => date_text(d), None => html! { { &r.date_as_written } } } }</td>
                                            <td>{ format!("{}, line {}", r.file, r.line) }</td>
                                            <td>{ r.delivery.clone().unwrap_or_else(|| "—".into()) }</td>
                                            <td>{ &r.channel }</td>
                                            <td>{ if r.dimension.is_empty() { "—".to_owned() } else { format!("{} · {}", r.dimension, r.instance) } }</td>
                                            <td>{ &r.outcome }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }
                    <button type="button" class="explain-close" onclick={onclose}>{ "Close" }</button>
                </div>
            }
        </section>
    }
}

/// One sentence per dimension the profile was counted in.
fn summary(answer: &crate::worker::Explanation) -> String {
    let on = answer.as_of.as_deref().unwrap_or("the as-of date");
    if answer.rows.is_empty() {
        return format!("No row of the files has the key or address “{}”.", answer.query);
    }
    if answer.standing.is_empty() {
        return format!(
            "“{}” has {} row(s), none of them counted: it is not an active profile.",
            answer.query,
            answer.rows.len()
        );
    }
    answer
        .standing
        .iter()
        .map(|s| {
            let place = format!("{} ({})", s.dimension, s.instance);
            match (s.active, &s.leaves, &s.last_counted) {
                (true, Some(leaves), Some(last)) => format!(
                    "Active on {on} in {place}: last counted on {last}; it leaves the window on {leaves} if nothing more is sent."
                ),
                (_, _, Some(last)) => format!("Not active on {on} in {place}: last counted on {last}, more than 12 months before."),
                _ => format!("Not active on {on} in {place}: no counted row on or before that date."),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
