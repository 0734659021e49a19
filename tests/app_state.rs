//! Wasm tests in headless Chromium: the viewer's state transitions and the page's stable test hooks.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use active_profiles_app::demo::demo_counter;
use active_profiles_app::state::{
    Action, OpenAction, ReportAction, Run, Settings, SettingsAction, Source, ViewerState,
};
use active_profiles_app::worker::Job;
use active_profiles_app::App;
use chrono::NaiveDate;
use engine::{BillingDay, ReportSettings};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_state() -> Rc<ViewerState> {
    Rc::new(ViewerState::new(Settings::default()))
}

/// The notice as an English reader sees it.
fn notice(state: &ViewerState) -> Option<String> {
    state.notice.as_ref().map(|n| active_profiles_app::locale::notice_text(active_profiles_app::locale::Lang::En, n))
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a test date")
}

#[wasm_bindgen_test]
fn the_first_state_is_the_demo_report_ready_with_nothing_for_the_worker() {
    let state = demo_state();
    assert!(matches!(state.source, Source::Demo(_)));
    assert!(state.ready());
    assert_eq!(state.request, None);
    assert_eq!(*state.report, demo_counter().report(&ReportSettings::default()));
}

#[wasm_bindgen_test]
fn a_new_as_of_date_recounts_the_demo_in_the_page() {
    let state = demo_state().reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31")))));
    let expected = demo_counter().report(&ReportSettings { as_of: Some(date("2026-03-31")), ..Default::default() });
    assert_eq!(state.report.as_of.as_deref(), Some("2026-03-31"));
    assert_eq!(state.report.total_active, expected.total_active);
    assert_eq!(state.request, None, "the demo never needs the worker");
}

#[wasm_bindgen_test]
fn choosing_a_snapshot_makes_its_date_the_as_of_date() {
    let state = demo_state();
    let oldest = state.report.snapshots.first().expect("the demo has snapshots").clone();
    let state = state.reduce(Action::Report(ReportAction::ChooseSnapshot(date(&oldest.to))));
    assert_eq!(state.settings.as_of, Some(date(&oldest.to)));
    assert_eq!(state.report.total_active, oldest.active, "the detail's total is the snapshot's number");
}

#[wasm_bindgen_test]
fn billing_day_last_puts_snapshots_on_month_ends() {
    let state = demo_state().reduce(Action::Settings(SettingsAction::BillingDay(BillingDay::Last)));
    assert!(state.report.snapshots.iter().any(|s| s.to.ends_with("-31")));
    assert!(state.report.snapshots.iter().any(|s| s.to.ends_with("-02-28")));
    assert!(!state.report.snapshots.iter().any(|s| s.to.ends_with("-25")));
}

#[wasm_bindgen_test]
fn reclassifying_a_status_as_excluded_recounts_the_demo() {
    let state = demo_state();
    let unrecognised =
        state.report.unrecognised.iter().find(|u| u.field == "status").expect("the demo has an unknown status").clone();
    let excluded_before = state.report.rows.excluded;
    let state = state.reduce(Action::Report(ReportAction::Reclassify {
        field: "status".into(),
        value: unrecognised.value.clone(),
        counted: false,
    }));
    assert_eq!(state.settings.status_rules.get(&unrecognised.value), Some(&false));
    assert_eq!(state.report.rows.excluded, excluded_before + unrecognised.rows);
    let still = state.report.unrecognised.iter().find(|u| u.value == unrecognised.value).expect("still listed");
    assert_eq!(still.rows, unrecognised.rows, "listed with its rows, so that it can be switched back");
    assert!(state.report.settings.rules.excluded_status.contains(&unrecognised.value));
}

#[wasm_bindgen_test]
fn a_report_json_opens_as_it_was_made_and_settings_do_not_change_it() {
    let report = demo_counter().report(&ReportSettings { as_of: Some(date("2026-01-10")), ..Default::default() });
    let text = serde_json::to_string(&report).expect("a report serialises");
    let state = demo_state().reduce(Action::Open(OpenAction::ReportJson { name: "march.json".into(), text }));
    assert_eq!(state.source, Source::ReportFile { name: "march.json".into() });
    assert_eq!(*state.report, report);
    let state = state.reduce(Action::Settings(SettingsAction::Purchased(Some(5000))));
    assert_eq!(*state.report, report, "an opened report is not recounted");
    assert_eq!(
        notice(&state).as_deref(),
        Some("Settings apply to counted files; an opened report is shown as it was made.")
    );
}

#[wasm_bindgen_test]
async fn a_report_bundle_opens_with_the_report_it_carries_and_listing_profiles_is_asked_again() {
    let report = demo_counter().report(&ReportSettings { profiles: true, ..Default::default() });
    assert!(report.profiles.as_ref().is_some_and(|p| !p.is_empty()));
    let meta = active_profiles_app::views::bundle::BundleMeta {
        title: "March".into(),
        made: "2026-11-23T10:00:00Z".into(),
        engine: "active-profiles test".into(),
        lang: active_profiles_app::locale::Lang::En,
    };
    let text = active_profiles_app::views::bundle::render(report.clone(), meta).await;
    let state = demo_state().reduce(Action::Settings(SettingsAction::IncludeProfiles(true)));
    assert!(state.report.profiles.is_some(), "the demo is recounted with its profiles");
    let state = state.reduce(Action::Open(OpenAction::ReportJson { name: "march.html".into(), text: text.clone() }));
    assert_eq!(state.source, Source::ReportFile { name: "march.html".into() });
    assert_eq!(*state.report, report);
    assert!(!state.settings.profiles, "the next files are counted without keys unless asked again");
    let broken = text.replace("</script>", "");
    let state = state.reduce(Action::Open(OpenAction::ReportJson { name: "cut.html".into(), text: broken }));
    assert_eq!(
        notice(&state).as_deref(),
        Some("cut.html: a report bundle whose report cannot be read: the report inside is cut off")
    );
    assert_eq!(*state.report, report, "the report on screen stays");
}

#[wasm_bindgen_test]
fn a_file_that_is_not_a_report_says_so_and_keeps_the_report_on_screen() {
    let state = demo_state();
    let before = state.report.clone();
    let state =
        state.reduce(Action::Open(OpenAction::ReportJson { name: "notes.json".into(), text: "{\"a\": 1}".into() }));
    assert_eq!(state.report, before);
    assert_eq!(
        notice(&state).as_deref(),
        Some("notes.json: not an active-profiles report (no \"format\": \"active-profiles-report/1\").")
    );
    let state = state
        .reduce(Action::Open(OpenAction::ReportUnreadable { name: "y.json".into(), error: "NotReadableError".into() }));
    assert_eq!(notice(&state).as_deref(), Some("y.json: could not be read (NotReadableError)"));
    let state = state.reduce(Action::Open(OpenAction::ReportJson { name: "x.json".into(), text: "not json".into() }));
    assert!(notice(&state).as_deref().unwrap_or_default().starts_with("x.json: not a report JSON: "));
}

#[wasm_bindgen_test]
fn opening_files_asks_the_worker_and_cancel_stops_that_run() {
    let file = web_sys::File::new_with_str_sequence(
        &js_sys::Array::of1(&"recipientId,eventDate\n1,2026-01-05\n".into()),
        "a.csv",
    )
    .expect("a File");
    let state = demo_state().reduce(Action::Open(OpenAction::Files { logs: vec![file], deliveries: None }));
    let Some(Job::Count { run, logs, .. }) = state.request.clone() else {
        panic!("a count request: {:?}", state.request)
    };
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0].name, "a.csv");
    assert!(matches!(state.run, Run::Reading { total: 35, .. }));
    assert!(!state.ready());
    let state = state.reduce(Action::Sent).reduce(Action::Cancel);
    assert_eq!(state.request, Some(Job::Cancel { run }));
    assert!(state.ready());
    assert!(matches!(state.source, Source::Demo(_)), "back to what produced the report on screen");
    assert_eq!(notice(&state).as_deref(), Some("Cancelled: the report shown is the previous one."));
    let state = state.reduce(Action::Sent);
    assert_eq!(
        notice(&state).as_deref(),
        Some("Cancelled: the report shown is the previous one."),
        "kept after sending"
    );
}

/// Mounts the app in a fresh element and lets Yew render once.
async fn render_app() -> web_sys::Element {
    let root = gloo::utils::document().create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::ZERO).await;
    root
}

#[wasm_bindgen_test]
async fn the_page_carries_the_stable_test_hooks() {
    let root = render_app().await;
    let one = |selector: &str| root.query_selector(selector).expect("a valid selector");
    assert!(one("input[type=file][data-testid=log-files][multiple]").is_some());
    assert!(one("input[type=file][data-testid=deliveries-file]:not([multiple])").is_some());
    assert!(one("input[type=file][data-testid=report-file]").is_some());
    assert!(one("input[type=date][data-testid=as-of]").is_some());
    assert!(one("select[data-testid=billing-day]").is_some());
    assert!(one("[data-testid=report-ready]").is_some());
    let privacy = one(".privacy").expect("the privacy line").text_content().unwrap_or_default();
    assert_eq!(privacy, "Your files stay on this computer: they are read and counted in this page, never uploaded.");
}

#[wasm_bindgen_test]
fn a_time_zone_the_engine_refuses_is_said_and_the_report_stays() {
    let state = demo_state();
    let before = state.report.clone();
    let state = state.reduce(Action::Settings(SettingsAction::TimeZone("Europe/Pariss".into())));
    assert_eq!(state.report, before);
    assert_eq!(
        notice(&state).as_deref(),
        Some(
            "time zone 'Europe/Pariss' is not known: give UTC, a fixed offset such as +02:00 or a name of the \
             time-zone database such as Europe/Paris"
        )
    );
    let german = state
        .notice
        .as_ref()
        .map(|n| active_profiles_app::locale::notice_text(active_profiles_app::locale::Lang::De, n));
    assert_eq!(
        german.as_deref(),
        Some(
            "Zeitzone „Europe/Pariss“ ist unbekannt: geben Sie UTC, einen festen Abstand wie +02:00 oder einen \
             Namen der Zeitzonendatenbank wie Europe/Berlin an."
        )
    );
    let state = state.reduce(Action::Settings(SettingsAction::TimeZone("+02:00".into())));
    assert_eq!(state.notice, None);
}

#[wasm_bindgen_test]
fn a_recount_is_not_ready_until_the_worker_answers_it() {
    let file = web_sys::File::new_with_str_sequence(
        &js_sys::Array::of1(&"recipientId,eventDate\n1,2026-01-05\n".into()),
        "a.csv",
    )
    .expect("a File");
    let state = demo_state().reduce(Action::Open(OpenAction::Files { logs: vec![file], deliveries: None }));
    let Some(Job::Count { run, .. }) = state.request.clone() else { panic!("a count request") };
    let counted = demo_counter().report(&ReportSettings::default());
    let state = state.reduce(Action::Sent).reduce(Action::Worker {
        update: active_profiles_app::worker::Update::Ready { run, report: Box::new(counted.clone()), problems: vec![] },
        now_ms: 0.0,
    });
    assert!(state.ready());
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31"))))).reduce(Action::Sent);
    let recount = run + 1;
    assert_eq!(state.run, Run::Recounting { run: recount });
    assert!(!state.ready(), "not ready while the worker reports again");
    let again = demo_counter().report(&ReportSettings { as_of: Some(date("2026-03-31")), ..Default::default() });
    let state = state.reduce(Action::Worker {
        update: active_profiles_app::worker::Update::Ready {
            run: recount,
            report: Box::new(again.clone()),
            problems: vec![],
        },
        now_ms: 0.0,
    });
    assert!(state.ready());
    assert_eq!(*state.report, again);
}

#[wasm_bindgen_test]
fn a_deliveries_file_picked_first_waits_for_the_log_files() {
    let make =
        |name: &str| web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"id\n".into()), name).expect("a File");
    let state = demo_state().reduce(Action::Open(OpenAction::Deliveries(make("deliveries.csv"))));
    assert!(matches!(state.source, Source::Demo(_)), "the demo stays on screen");
    assert_eq!(notice(&state).as_deref(), Some("Deliveries file ready: now open the log files."));
    let state = state.reduce(Action::Open(OpenAction::Files { logs: vec![make("log.csv")], deliveries: None }));
    let Some(Job::Count { deliveries, .. }) = state.request.clone() else { panic!("a count request") };
    assert_eq!(deliveries.map(|d| d.name).as_deref(), Some("deliveries.csv"));
}

#[wasm_bindgen_test]
fn a_failed_run_goes_back_to_the_report_on_screen_and_ends_an_explanation() {
    let file = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"id\n".into()), "a.csv").expect("a File");
    let state = demo_state().reduce(Action::Open(OpenAction::Files { logs: vec![file], deliveries: None }));
    let Some(Job::Count { run, .. }) = state.request.clone() else { panic!("a count request") };
    let reason = active_profiles_app::worker::FailReason::WorkerStopped("out of memory".into());
    let update = active_profiles_app::worker::Update::Failed { run, reason };
    let state = state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 });
    assert!(matches!(state.source, Source::Demo(_)));
    assert!(state.ready());
    assert_eq!(state.explaining, None);
    assert_eq!(
        notice(&state).as_deref(),
        Some(
            "The counting worker stopped (out of memory): this run was not counted. The page still works: open the \
             files again, fewer at a time, or count them with the command line."
        )
    );
    let dutch = state
        .notice
        .as_ref()
        .map(|n| active_profiles_app::locale::notice_text(active_profiles_app::locale::Lang::Nl, n));
    assert_eq!(
        dutch.as_deref(),
        Some(
            "Het telproces is gestopt (out of memory): deze telling is niet uitgevoerd. De pagina werkt nog: open de \
             bestanden opnieuw, minder tegelijk, of tel ze met de opdrachtregel."
        )
    );
}

#[wasm_bindgen_test]
fn every_field_of_the_engine_has_words_in_every_language() {
    use active_profiles_app::locale::{field_name, Lang};
    let fields = engine::FIELDS.iter().map(|f| f.name()).chain(engine::DELIVERY_FIELDS.iter().map(|f| f.name()));
    for field in fields {
        let dutch = field_name(Lang::Nl, field);
        assert!(!dutch.is_empty() && !dutch.contains("fieldname-"), "{field}: {dutch}");
    }
    assert_eq!(field_name(Lang::Nl, "no such field"), "no such field");
}
