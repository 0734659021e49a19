//! Wasm tests in headless Chromium: time zones by name in the settings, and files that are not exports.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use active_profiles_app::locale::{notice_text, Lang};
use active_profiles_app::protocol::{FailReason, FileProblem, Job, Update};
use active_profiles_app::state::{Action, OpenAction, Settings, SettingsAction, Source, ViewerState};
use engine::BillingDay;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_state() -> Rc<ViewerState> {
    Rc::new(ViewerState::new(Settings::default()))
}

/// The worker's answer to the demo count the state asks for.
fn worker_answers(state: Rc<ViewerState>) -> Rc<ViewerState> {
    let Some(Job::Demo { run, options, settings }) = state.request.clone() else {
        panic!("the demo asked of the worker: {:?}", state.request)
    };
    let report = active_profiles_app::demo::demo_counter(options).expect("options the engine takes").report(&settings);
    let update = Update::Ready { run, report: Box::new(report), problems: vec![] };
    state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 })
}

#[wasm_bindgen_test]
fn a_zone_by_name_recounts_the_demo_in_it() {
    let state = worker_answers(demo_state().reduce(Action::Settings(SettingsAction::TimeZone("Europe/Paris".into()))));
    assert_eq!(state.notice, None);
    assert_eq!(state.settings.time_zone, "Europe/Paris");
    assert_eq!(state.report.settings.time_zone, "Europe/Paris");
    assert_eq!(state.settings.options().time_zone, "Europe/Paris");
}

#[wasm_bindgen_test]
fn an_unknown_zone_stays_in_the_field_and_the_report_keeps_the_zone_it_was_counted_in() {
    let state = worker_answers(demo_state().reduce(Action::Settings(SettingsAction::TimeZone("Europe/Paris".into()))));
    let counted = state.report.clone();
    let state = state.reduce(Action::Settings(SettingsAction::TimeZone("Europe/Pariss".into())));
    // Never replaced: the field holds what the user typed; the report is the one counted in Paris.
    assert_eq!(state.settings.time_zone, "Europe/Pariss");
    assert_eq!(state.report, counted);
    assert_eq!(state.report.settings.time_zone, "Europe/Paris");
    // Another edit: the notice of the last action goes, the zone stays as typed and the report in Paris.
    let state = worker_answers(state.reduce(Action::Settings(SettingsAction::BillingDay(BillingDay::Last))));
    assert_eq!(state.settings.time_zone, "Europe/Pariss");
    assert_eq!(state.report.settings.time_zone, "Europe/Paris");
    assert!(engine::TimeZone::parse(&state.settings.time_zone).is_err());
}

#[wasm_bindgen_test]
fn the_browser_zone_is_one_the_engine_takes() {
    let zone = active_profiles_app::state::browser_time_zone();
    assert!(engine::TimeZone::parse(&zone).is_ok(), "{zone}");
}

#[wasm_bindgen_test]
fn a_pdf_after_a_report_is_said_and_the_report_stays() {
    let file = |name: &str, text: &str| {
        web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&text.into()), name).expect("a File")
    };
    let state = demo_state().reduce(Action::Open(OpenAction::Files {
        logs: vec![file("a.csv", "recipientId,eventDate\n1,2026-01-05\n")],
        deliveries: None,
    }));
    let Some(Job::Count { run, .. }) = state.request.clone() else { panic!("a count request") };
    let counted = active_profiles_app::demo_report::demo_report();
    let update = Update::Ready { run, report: Box::new(counted.clone()), problems: vec![] };
    let state = state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 });
    assert_eq!(*state.report, counted);

    let state =
        state.reduce(Action::Open(OpenAction::Files { logs: vec![file("report.pdf", "%PDF-1.7")], deliveries: None }));
    let Some(Job::Count { run, .. }) = state.request.clone() else { panic!("a count request") };
    let problem = FileProblem {
        file: "report.pdf".into(),
        message: "report.pdf looks like a PDF document, not a CSV export".into(),
        error: Some(engine::workbook::not_csv("report.pdf", engine::workbook::Looks::Pdf)),
        read_error: None,
        missing: vec![],
        headers: vec![],
        sheet: None,
    };
    let update = Update::Failed { run, reason: FailReason::NotText(vec![problem]) };
    let state = state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 });
    assert_eq!(*state.report, counted, "the report on screen stays");
    let Source::Files { logs, .. } = &state.source else { panic!("the files of the report on screen") };
    assert_eq!(logs.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.csv"]);
    let said = |lang| state.notice.as_ref().map(|n| notice_text(lang, n));
    assert_eq!(said(Lang::En).as_deref(), Some("report.pdf looks like a PDF document, not a CSV export"));
    assert_eq!(said(Lang::Fr).as_deref(), Some("report.pdf ressemble à un document PDF, pas à un export CSV"));
    assert_eq!(said(Lang::Sv).as_deref(), Some("report.pdf ser ut som ett PDF-dokument, inte en CSV-export"));
}
