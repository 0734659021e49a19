//! The diagnosis: what was read, counted, excluded and rejected, unrecognised values, warnings, files.

use std::rc::Rc;

use yew::prelude::*;

use engine::report::Unrecognised;
use engine::Report;

use super::format::fmt_count;
use super::nav::{LongTable, REJECTED_ID};
use super::{count_cell, count_text};
use crate::locale::{tr, trf, use_lang, Lang};
use crate::said::say;

/// Each warning of the report with its message, when the report has one for every warning (an older
/// report has none: its warnings are shown in English as written).
pub fn warnings(r: &Report) -> impl Iterator<Item = (&String, Option<&engine::Message>)> {
    paired(&r.warnings, &r.warning_messages)
}

/// Warnings with their messages, when there is one for every warning (the Campaign and the Profiles
/// reports keep them the same way).
pub fn paired<'a>(
    warnings: &'a [String],
    messages: &'a [engine::Message],
) -> impl Iterator<Item = (&'a String, Option<&'a engine::Message>)> {
    let paired = messages.len() == warnings.len();
    warnings.iter().enumerate().map(move |(i, w)| (w, if paired { messages.get(i) } else { None }))
}

/// The warnings as a list, each said in the language when it has a message.
pub fn warnings_list<'a>(l: Lang, list: impl Iterator<Item = (&'a String, Option<&'a engine::Message>)>) -> Html {
    html! {
        <ul class="warnings" data-testid="warnings">
            { for list.map(|(w, m)| html! {
                <li data-message={m.map(|m| m.id.clone())}>{ say(l, m, w) }</li>
            }) }
        </ul>
    }
}

/// The report and what reclassifying an unrecognised value does.
#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub report: Rc<Report>,
    /// Called with (field, value, counted?) when the user flips a value's switch.
    pub onreclassify: Callback<(String, String, bool)>,
}

/// The exclusion reasons the catalogs have words for, as the report names them.
const REASONS: [&str; 5] = ["proof", "social", "control", "status", "failure_reason"];

/// The words for an exclusion reason of the report (`proof`, `social`, ...).
pub fn reason_label(lang: Lang, reason: &str) -> String {
    if REASONS.contains(&reason) {
        tr(lang, &format!("reason-{}", reason.replace('_', "-")))
    } else {
        reason.replace('_', " ")
    }
}

/// One sentence saying what an exclusion reason means; empty for a reason without one.
pub fn reason_help(lang: Lang, reason: &str) -> String {
    if REASONS.contains(&reason) {
        tr(lang, &format!("help-{}", reason.replace('_', "-")))
    } else {
        String::new()
    }
}

/// The words for a field name of the report (`failure_reason` → "failure reason", `control_group` → "control group").
pub fn field_label(lang: Lang, field: &str) -> String {
    match field {
        "status" => tr(lang, "field-status"),
        "failure_reason" | "failure reason" => tr(lang, "field-failure-reason"),
        other => crate::locale::field_name(lang, &other.replace('_', " ")),
    }
}

/// The diagnosis sentence, e.g. "80,012 rows read: 66,000 counted, 14,000 excluded, 12 rejected."
pub fn sentence(lang: Lang, r: &Report) -> String {
    let rows = r.rows;
    format!(
        "{} {} {} {} {} {} {} {}",
        fmt_count(lang, rows.read),
        trf(lang, "diagnosis-rows-read", &[("n", rows.read.into())]),
        fmt_count(lang, rows.counted),
        tr(lang, "diagnosis-counted"),
        fmt_count(lang, rows.excluded),
        tr(lang, "diagnosis-excluded"),
        fmt_count(lang, rows.rejected),
        tr(lang, "diagnosis-rejected"),
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

fn delimiter_label(l: Lang, d: &str) -> String {
    match d {
        "," => format!(", ({})", tr(l, "delimiter-comma")),
        ";" => format!("; ({})", tr(l, "delimiter-semicolon")),
        "\t" | "\\t" | "tab" => tr(l, "delimiter-tab"),
        "|" => format!("| ({})", tr(l, "delimiter-bar")),
        "" => "–".to_string(),
        other => other.to_string(),
    }
}

/// Rows read and their fate, then the details that explain them.
#[function_component(Diagnosis)]
pub fn diagnosis(props: &DiagnosisProps) -> Html {
    let l = use_lang();
    let r = &props.report;
    let rows = r.rows;
    let live = super::use_mode() == super::Mode::Live;
    html! {
        <section class="report-section diagnosis-section" id="report-diagnosis">
            <h2>{ tr(l, "diagnosis-title") }</h2>
            <p class="lead diagnosis-sentence" data-testid="diagnosis-sentence">
                if rows.read == 0 {
                    { tr(l, "diagnosis-no-rows") }
                } else {
                    { count_text(l, rows.read) }{ " " }{ trf(l, "diagnosis-rows-read", &[("n", rows.read.into())]) }{ " " }
                    { count_text(l, rows.counted) }{ " " }{ tr(l, "diagnosis-counted") }{ " " }
                    { count_text(l, rows.excluded) }{ " " }{ tr(l, "diagnosis-excluded") }{ " " }
                    { count_text(l, rows.rejected) }{ " " }{ tr(l, "diagnosis-rejected") }
                }
            </p>

            if !r.excluded.is_empty() {
                <table class="data-table" data-testid="excluded">
                    <caption>{ tr(l, "excluded-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-reason") }</th>
                        <th scope="col" class="num">{ tr(l, "col-rows") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.excluded.iter().map(|e| {
                            let help = excluded_help(l, r, &e.reason);
                            html! {
                            <tr data-testid="excluded-row" data-reason={e.reason.clone()}>
                                <th scope="row">
                                    { reason_label(l, &e.reason) }
                                    if !help.is_empty() {
                                        <span class="reason-help" data-testid="excluded-help">{ help }</span>
                                    }
                                </th>
                                { count_cell(l, e.rows) }
                            </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }

            if !r.rejected.is_empty() || rows.rejected > 0 {
                { rejected_groups(l, r, live) }
            }

            if !r.unrecognised.is_empty() {
                <LongTable class={classes!("unrecognised-table")} testid="unrecognised"
                    rows={r.unrecognised.iter().map(|u| unrecognised_row(l, r, u, live.then_some(&props.onreclassify))).collect::<Vec<_>>()}
                    caption={html! { { tr(l, "unrecognised-caption") } }}
                    head={html! { <thead><tr>
                        <th scope="col">{ tr(l, "col-field") }</th>
                        <th scope="col">{ tr(l, "col-value") }</th>
                        <th scope="col" class="num">{ tr(l, "col-rows") }</th>
                        <th scope="col">{ tr(l, "col-rows-are") }</th>
                    </tr></thead> }} />
            }

            if !r.warnings.is_empty() {
                <h3>{ tr(l, "warnings") }</h3>
                { warnings_list(l, warnings(r)) }
            }

            if !r.files.is_empty() {
                <table class="data-table files-table" data-testid="files">
                    <caption>{ tr(l, "files-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-file") }</th>
                        <th scope="col">{ tr(l, "col-encoding") }</th>
                        <th scope="col">{ tr(l, "col-delimiter") }</th>
                        <th scope="col" class="num">{ tr(l, "col-rows") }</th>
                        <th scope="col">{ tr(l, "col-columns") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.files.iter().map(|f| html! {
                            <tr data-testid="file-row" data-name={f.name.clone()}>
                                <th scope="row" class="file-name">{ breakable(&f.name) }</th>
                                <td>{ &f.encoding }</td>
                                <td>{ delimiter_label(l, &f.delimiter) }</td>
                                { count_cell(l, f.rows) }
                                <td>
                                    if f.columns.is_empty() {
                                        { "–" }
                                    } else {
                                        <dl class="columns">
                                            { for f.columns.iter().map(|(field, header)| html! {
                                                <>
                                                    <dt>{ crate::locale::field_name(l, field) }</dt>
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

/// The help under an exclusion reason; for `status`, the statuses the rules in force exclude, by name
/// (the admin's own among them), when the report lists them.
pub fn excluded_help(lang: Lang, r: &Report, reason: &str) -> String {
    let statuses = &r.settings.rules.excluded_status;
    if reason == "status" && !statuses.is_empty() {
        trf(lang, "help-status-excluded", &[("statuses", statuses.join(", ").into())])
    } else {
        reason_help(lang, reason)
    }
}

/// A file name that may break after its `-`, `_` and `/` (and nowhere else unless it cannot fit): never
/// mid-word, nor between a name and its extension.
pub fn breakable(name: &str) -> Html {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if matches!(c, '-' | '_' | '/' | '\\') {
            let end = i + c.len_utf8();
            parts.push(html! { <>{ &name[start..end] }<wbr /></> });
            start = end;
        }
    }
    parts.push(html! { { &name[start..] } });
    html! { <>{ for parts }</> }
}

/// Rejected rows in groups: the key that groups them (the message id, or for a row without a message
/// its English reason), the words for the group, and the rows listed in it (a Campaign report's
/// rows, or a Profiles report's records).
pub struct RejectedGroup<'a, R = engine::report::RejectedRow> {
    pub key: String,
    pub label: String,
    /// The rows of the group among those the report lists (an aggregate's row stands for its `rows`).
    pub rows: u64,
    pub listed: Vec<&'a R>,
}

/// A rejected row or record as the grouped list shows it: file, line, message and English reason.
pub trait RejectedItem {
    fn file(&self) -> &str;
    fn line(&self) -> u64;
    fn message(&self) -> Option<&engine::Message>;
    fn reason(&self) -> &str;
}

impl RejectedItem for engine::report::RejectedRow {
    fn file(&self) -> &str {
        &self.file
    }
    fn line(&self) -> u64 {
        self.line
    }
    fn message(&self) -> Option<&engine::Message> {
        self.message.as_ref()
    }
    fn reason(&self) -> &str {
        &self.reason
    }
}

impl RejectedItem for engine::aep::report::RejectedRecord {
    fn file(&self) -> &str {
        &self.file
    }
    fn line(&self) -> u64 {
        self.line
    }
    fn message(&self) -> Option<&engine::Message> {
        self.message.as_ref()
    }
    fn reason(&self) -> &str {
        &self.reason
    }
}

/// The group of a rejected row: its key and its words in `lang`, and how many rows it stands for.
fn group_of(lang: Lang, message: Option<&engine::Message>, english: &str) -> (String, String, u64) {
    use engine::message::{Arg as Said, Message};
    let Some(m) = message else { return (english.to_string(), english.to_string(), 1) };
    // Said without the arguments that differ from row to row (the date written, the lines).
    let general = |id: &str| {
        let m = Message::new(id);
        say(lang, Some(&m), &m.to_string())
    };
    let label = match m.id.as_str() {
        "rejected-bad-date" | "rejected-bad-date-hidden" => general("rejected-not-a-date"),
        "rejected-too-long-lines" => general("rejected-too-long"),
        "rejected-too-many-fields" => tr(lang, "rejected-group-too-many-fields"),
        "rejected-unclosed" | "rejected-unclosed-lines" => tr(lang, "rejected-group-unclosed"),
        // An aggregate lists rows by reason, each with its count.
        "rejected-rows" => {
            let rows = match m.args.get("rows") {
                Some(Said::Number(n)) => *n,
                _ => 1,
            };
            let (key, label, _) = match m.args.get("reason") {
                Some(Said::Message(inner)) => group_of(lang, Some(inner.as_ref()), &inner.to_string()),
                _ => (english.to_string(), english.to_string(), 1),
            };
            return (key, label, rows);
        }
        "rejected-other" => return (format!("rejected-other:{english}"), say(lang, Some(m), english), 1),
        _ => say(lang, Some(m), english),
    };
    (m.id.clone(), label, 1)
}

/// The listed rejected rows grouped by reason, the largest group first (ties in the order first listed).
pub fn rejected_groups_of(lang: Lang, r: &Report) -> Vec<RejectedGroup<'_>> {
    group_rejected(lang, &r.rejected)
}

/// Rejected rows or records grouped by reason, the largest group first (ties in the order first listed).
pub fn group_rejected<R: RejectedItem>(lang: Lang, list: &[R]) -> Vec<RejectedGroup<'_, R>> {
    let mut groups: Vec<RejectedGroup<'_, R>> = Vec::new();
    for x in list {
        let (key, label, rows) = group_of(lang, x.message(), x.reason());
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => {
                g.rows += rows;
                g.listed.push(x);
            }
            None => groups.push(RejectedGroup { key, label, rows, listed: vec![x] }),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.rows));
    groups
}

/// *Rows rejected*: one disclosure per reason with its count, its rows under it; when the report
/// lists only the first rejected rows, says so.
fn rejected_groups(l: Lang, r: &Report, live: bool) -> Html {
    rejected_list(l, &rejected_groups_of(l, r), r.rows.rejected, &ROWS_WORDS, REJECTED_ID, live)
}

/// The catalog keys a grouped rejected list is worded with: its heading, the sentence when only the
/// first are listed, a group's count and a group's table caption.
pub struct RejectedWords {
    pub caption: &'static str,
    pub listed: &'static str,
    pub group_rows: &'static str,
    pub group_caption: &'static str,
}

/// The words of a Campaign report's rejected rows.
pub const ROWS_WORDS: RejectedWords = RejectedWords {
    caption: "rejected-caption",
    listed: "rejected-listed",
    group_rows: "rejected-group-rows",
    group_caption: "rejected-group-caption",
};

/// Rejected rows or records, one disclosure per reason with its count and its list under it (open in a
/// bundle, or when there is one reason); says so when the report lists only the first of `total`.
pub fn rejected_list<R: RejectedItem>(
    l: Lang,
    groups: &[RejectedGroup<'_, R>],
    total: u64,
    words: &RejectedWords,
    id: &'static str,
    live: bool,
) -> Html {
    // The rows the report lists (an aggregate's line stands for several).
    let listed: u64 = groups.iter().map(|g| g.rows).sum();
    let one = groups.len() == 1;
    html! {
        <div class="rejected" id={id} data-testid="rejected">
            <h3>{ tr(l, words.caption) }</h3>
            if total > listed {
                <p class="rejected-listed" data-testid="rejected-listed">
                    { trf(l, words.listed, &[
                        ("shown", fmt_count(l, listed).into()),
                        ("count", fmt_count(l, total).into()),
                    ]) }
                </p>
            }
            { for groups.iter().map(|g| {
                let rows: Vec<Html> = g.listed.iter().map(|x| html! {
                    <tr data-testid="rejected-row">
                        <td class="file-name">{ breakable(x.file()) }</td>
                        <td class="num" data-line={x.line().to_string()}>{ x.line().to_string() }</td>
                        <td data-message={x.message().map(|m| m.id.clone())}>
                            { say(l, x.message(), x.reason()) }
                        </td>
                    </tr>
                }).collect();
                html! {
                    <details class="rejected-group" data-testid="rejected-group" data-key={g.key.clone()}
                        data-rows={g.rows.to_string()} open={one || !live}>
                        <summary>
                            <span class="group-reason">{ &g.label }</span>{ ": " }
                            <span class="count" data-value={g.rows.to_string()}>
                                { trf(l, words.group_rows, &[("n", g.rows.into()), ("count", fmt_count(l, g.rows).into())]) }
                            </span>
                        </summary>
                        <LongTable class={classes!("rejected-table")} rows={rows}
                            caption={html! { { trf(l, words.group_caption, &[("reason", (&g.label).into())]) } }}
                            head={html! { <thead><tr>
                                <th scope="col">{ tr(l, "col-file") }</th>
                                <th scope="col" class="num">{ tr(l, "col-line") }</th>
                                <th scope="col">{ tr(l, "col-reason") }</th>
                            </tr></thead> }} />
                    </details>
                }
            }) }
        </div>
    }
}

/// A row of unrecognised values: with its switch when `onreclassify` is given (the live viewer),
/// else saying how the value was counted (a bundle).
fn unrecognised_row(
    l: Lang,
    r: &Report,
    u: &Unrecognised,
    onreclassify: Option<&Callback<(String, String, bool)>>,
) -> Html {
    let counted = counted_now(r, u);
    let Some(onreclassify) = onreclassify else {
        return html! {
            <tr data-testid="unrecognised-row" data-field={u.field.clone()} data-item={u.value.clone()}>
                <td>{ field_label(l, &u.field) }</td>
                <td class="value-literal">{ &u.value }</td>
                { count_cell(l, u.rows) }
                <td>{ tr(l, if counted { "counted" } else { "excluded" }) }</td>
            </tr>
        };
    };
    let onclick = {
        let cb = onreclassify.clone();
        let (field, value) = (u.field.clone(), u.value.clone());
        move |_| cb.emit((field.clone(), value.clone(), !counted))
    };
    html! {
        <tr data-testid="unrecognised-row" data-field={u.field.clone()} data-item={u.value.clone()}>
            <td>{ field_label(l, &u.field) }</td>
            <td class="value-literal">{ &u.value }</td>
            { count_cell(l, u.rows) }
            <td>
                <button
                    type="button"
                    role="switch"
                    class={classes!("reclassify", if counted { "is-counted" } else { "is-excluded" })}
                    data-testid="reclassify"
                    aria-checked={if counted { "true" } else { "false" }}
                    {onclick}
                >
                    <span class="switch-track" aria-hidden="true"><span class="switch-knob"></span></span>
                    <span class="switch-text">{ tr(l, "counted") }</span>
                    <span class="visually-hidden">
                        { " " }{ trf(l, "reclassify-context", &[("field", field_label(l, &u.field).into()), ("value", (&u.value).into())]) }
                    </span>
                </button>
            </td>
        </tr>
    }
}
