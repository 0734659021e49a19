//! The Profiles report's diagnosis: records read, used and rejected, rejected records grouped by reason, files, warnings.

use yew::prelude::*;

use super::{snapshot_time, ProfilesProps, REJECTED_ID};
use crate::diagnosis::{breakable, group_rejected, paired, rejected_list, warnings_list, RejectedWords};
use crate::locale::{tr, trf, use_lang};
use crate::{count_cell, count_text, use_mode, Mode};

/// The words of a Profiles report's rejected records.
pub const RECORDS_WORDS: RejectedWords = RejectedWords {
    caption: "aep-rejected-caption",
    listed: "aep-rejected-listed",
    group_rows: "aep-rejected-group-records",
    group_caption: "aep-rejected-group-caption",
};

/// "60,000 records read: 59,990 used, 10 rejected.", then the rejected records, warnings and files.
#[function_component(ProfilesDiagnosis)]
pub fn profiles_diagnosis(props: &ProfilesProps) -> Html {
    let l = use_lang();
    let live = use_mode() == Mode::Live;
    let r = &props.report;
    let rows = r.rows;
    html! {
        <section class="report-section diagnosis-section" id="profiles-diagnosis">
            <h2>{ tr(l, "diagnosis-title") }</h2>
            <p class="lead diagnosis-sentence" data-testid="diagnosis-sentence">
                if rows.read == 0 {
                    { tr(l, "aep-diagnosis-none") }
                } else {
                    { count_text(l, rows.read) }{ " " }{ trf(l, "aep-diagnosis-read", &[("n", rows.read.into())]) }{ " " }
                    { count_text(l, rows.used) }{ " " }{ tr(l, "aep-diagnosis-used") }{ " " }
                    { count_text(l, rows.rejected) }{ " " }{ tr(l, "aep-diagnosis-rejected") }
                }
            </p>
            if !r.rejected.is_empty() || rows.rejected > 0 {
                { rejected_list(l, &group_rejected(l, &r.rejected), rows.rejected, &RECORDS_WORDS, REJECTED_ID, live) }
            }
            if !r.warnings.is_empty() {
                <h3>{ tr(l, "warnings") }</h3>
                { warnings_list(l, paired(&r.warnings, &r.warning_messages)) }
            }
            if !r.files.is_empty() {
                <table class="data-table files-table" data-testid="files">
                    <caption>{ tr(l, "aep-files-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(l, "col-file") }</th>
                        <th scope="col">{ tr(l, "aep-col-format") }</th>
                        <th scope="col" class="num">{ tr(l, "aep-col-records") }</th>
                        <th scope="col">{ tr(l, "aep-col-snapshot") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.files.iter().map(|f| html! {
                            <tr data-testid="file-row" data-name={f.name.clone()}>
                                <th scope="row" class="file-name">{ breakable(&f.name) }</th>
                                <td>{ if f.format.is_empty() { "–".to_string() } else { f.format.clone() } }</td>
                                { count_cell(l, f.records) }
                                <td>{ snapshot_time(l, f.snapshot.as_deref()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
