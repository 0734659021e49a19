//! The diagnosis: what was read, counted, excluded and rejected, unrecognised values, warnings, files.

use std::rc::Rc;

use yew::prelude::*;

use engine::report::Unrecognised;
use engine::Report;

use super::format::fmt_count;
use super::{count_cell, count_text, plural};

/// The report and what reclassifying an unrecognised value does.
#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub report: Rc<Report>,
    /// Called with (field, value, counted?) when the user flips a value's switch.
    pub onreclassify: Callback<(String, String, bool)>,
}

/// The words for an exclusion reason of the report (`proof`, `social`, ...).
pub fn reason_label(reason: &str) -> String {
    match reason {
        "proof" => "Proof or seed address".to_string(),
        "social" => "Social channel".to_string(),
        "control" => "Control group".to_string(),
        "status" => "Status not counted".to_string(),
        "failure_reason" => "Failure reason not counted".to_string(),
        other => other.replace('_', " "),
    }
}

/// One sentence saying what an exclusion reason means.
pub fn reason_help(reason: &str) -> &'static str {
    match reason {
        "proof" => "A proof, a seed address, or a delivery marked as proof.",
        "social" => "A social channel (Twitter/X, Facebook): Campaign leaves social marketing out.",
        "control" => "A control-group member (flag, or failure reason 127 Control address).",
        "status" => "Ignored, Delivery cancelled or Not applicable: dropped while preparing, or never sent.",
        "failure_reason" => "Excluded while preparing (no address, denylisted, quarantine, duplicate, ...).",
        _ => "",
    }
}

/// The words for a field name of the report (`failure_reason` → "failure reason").
pub fn field_label(field: &str) -> String {
    field.replace('_', " ")
}

/// The diagnosis sentence, e.g. "80,012 rows read: 66,000 counted, 14,000 excluded, 12 rejected."
pub fn sentence(r: &Report) -> String {
    let rows = r.rows;
    format!(
        "{} {} read: {} counted, {} excluded, {} rejected.",
        fmt_count(rows.read),
        plural(rows.read, "row", "rows"),
        fmt_count(rows.counted),
        fmt_count(rows.excluded),
        fmt_count(rows.rejected)
    )
}

/// Whether the rules in force count rows holding this value.
///
/// A value the engine does not recognise is counted (an unknown flag reads as
/// false, an unknown status or failure reason counts), unless the rules in
/// force, which the user may have changed, exclude it.
pub fn counted_now(r: &Report, u: &Unrecognised) -> bool {
    let rules = &r.settings.rules;
    match u.field.as_str() {
        // Statuses match ignoring case, spaces and punctuation, as the engine matches them.
        "status" => {
            let value = engine::normalise(&u.value);
            let excluded = rules.excluded_status.iter().any(|s| engine::normalise(s) == value);
            let counted = rules.counted_status.iter().any(|s| engine::normalise(s) == value);
            counted || !excluded
        }
        "failure_reason" | "failure reason" => match u.value.trim().parse::<i64>() {
            Ok(n) => !rules.excluded_failure_reasons.contains(&n),
            Err(_) => true,
        },
        _ => true,
    }
}

fn delimiter_label(d: &str) -> String {
    match d {
        "," => ", (comma)".to_string(),
        ";" => "; (semicolon)".to_string(),
        "\t" | "\\t" | "tab" => "tab".to_string(),
        "|" => "| (bar)".to_string(),
        "" => "–".to_string(),
        other => other.to_string(),
    }
}

/// Rows read and their fate, then the details that explain them.
#[function_component(Diagnosis)]
pub fn diagnosis(props: &DiagnosisProps) -> Html {
    let r = &props.report;
    let rows = r.rows;
    html! {
        <section class="report-section diagnosis-section">
            <h2>{ "Diagnosis" }</h2>
            <p class="lead diagnosis-sentence" data-testid="diagnosis-sentence">
                if rows.read == 0 {
                    { "No rows read yet." }
                } else {
                    { count_text(rows.read) }{ format!(" {} read: ", plural(rows.read, "row", "rows")) }
                    { count_text(rows.counted) }{ " counted, " }
                    { count_text(rows.excluded) }{ " excluded, " }
                    { count_text(rows.rejected) }{ " rejected." }
                }
            </p>

            if !r.excluded.is_empty() {
                <table class="data-table" data-testid="excluded">
                    <caption>{ "Rows excluded, by reason (the first reason that holds)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Reason" }</th>
                        <th scope="col" class="num">{ "Rows" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.excluded.iter().map(|e| html! {
                            <tr data-testid="excluded-row" data-reason={e.reason.clone()}>
                                <th scope="row">
                                    { reason_label(&e.reason) }
                                    if !reason_help(&e.reason).is_empty() {
                                        <span class="reason-help">{ reason_help(&e.reason) }</span>
                                    }
                                </th>
                                { count_cell(e.rows) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }

            if !r.rejected.is_empty() || rows.rejected > 0 {
                <table class="data-table rejected-table" data-testid="rejected">
                    <caption>
                        { "Rows rejected" }
                        if rows.rejected > r.rejected.len() as u64 {
                            { format!(": the first {} of ", r.rejected.len()) }{ count_text(rows.rejected) }
                        }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ "File" }</th>
                        <th scope="col" class="num">{ "Line" }</th>
                        <th scope="col">{ "Reason" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.rejected.iter().map(|x| html! {
                            <tr data-testid="rejected-row">
                                <td class="file-name">{ &x.file }</td>
                                <td class="num" data-line={x.line.to_string()}>{ x.line.to_string() }</td>
                                <td>{ &x.reason }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }

            if !r.unrecognised.is_empty() {
                <table class="data-table unrecognised-table" data-testid="unrecognised">
                    <caption>
                        { "Values the rules do not know. They are counted unless you exclude them; the report is counted again." }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ "Field" }</th>
                        <th scope="col">{ "Value" }</th>
                        <th scope="col" class="num">{ "Rows" }</th>
                        <th scope="col">{ "Rows are" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.unrecognised.iter().map(|u| unrecognised_row(r, u, &props.onreclassify)) }
                    </tbody>
                </table>
            }

            if !r.warnings.is_empty() {
                <h3>{ "Warnings" }</h3>
                <ul class="warnings" data-testid="warnings">
                    { for r.warnings.iter().map(|w| html! { <li>{ w }</li> }) }
                </ul>
            }

            if !r.files.is_empty() {
                <table class="data-table files-table" data-testid="files">
                    <caption>{ "How each file was read" }</caption>
                    <thead><tr>
                        <th scope="col">{ "File" }</th>
                        <th scope="col">{ "Encoding" }</th>
                        <th scope="col">{ "Delimiter" }</th>
                        <th scope="col" class="num">{ "Rows" }</th>
                        <th scope="col">{ "Columns used" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.files.iter().map(|f| html! {
                            <tr data-testid="file-row" data-name={f.name.clone()}>
                                <th scope="row" class="file-name">{ &f.name }</th>
                                <td>{ &f.encoding }</td>
                                <td>{ delimiter_label(&f.delimiter) }</td>
                                { count_cell(f.rows) }
                                <td>
                                    if f.columns.is_empty() {
                                        { "–" }
                                    } else {
                                        <dl class="columns">
                                            { for f.columns.iter().map(|(field, header)| html! {
                                                <>
                                                    <dt>{ field }</dt>
                                                    <dd>{ header }</dd>
                                                </>
                                            }) }
                                        </dl>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

fn unrecognised_row(r: &Report, u: &Unrecognised, onreclassify: &Callback<(String, String, bool)>) -> Html {
    let counted = counted_now(r, u);
    let onclick = {
        let cb = onreclassify.clone();
        let (field, value) = (u.field.clone(), u.value.clone());
        move |_| cb.emit((field.clone(), value.clone(), !counted))
    };
    html! {
        <tr data-testid="unrecognised-row" data-field={u.field.clone()} data-item={u.value.clone()}>
            <td>{ field_label(&u.field) }</td>
            <td class="value-literal">{ &u.value }</td>
            { count_cell(u.rows) }
            <td>
                <button
                    type="button"
                    role="switch"
                    class={classes!("reclassify", if counted { "is-counted" } else { "is-excluded" })}
                    data-testid="reclassify"
                    aria-checked={if counted { "true" } else { "false" }}
                    aria-label={format!("Count the rows whose {} is {}", field_label(&u.field), u.value)}
                    {onclick}
                >
                    <span class="switch-track" aria-hidden="true"><span class="switch-knob"></span></span>
                    <span class="switch-text">{ if counted { "Counted" } else { "Excluded" } }</span>
                </button>
            </td>
        </tr>
    }
}
