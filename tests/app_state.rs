//! Wasm tests in headless Chromium: the viewer's state transitions and the page's stable test hooks.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use active_profiles_app::demo::demo_counter;
use active_profiles_app::protocol::{Job, Update};
use active_profiles_app::state::{
    Action, ExplainAction, Finished, MappingAction, OpenAction, ReportAction, Run, Settings, SettingsAction, Source,
    ViewerState,
};
use active_profiles_app::App;
use chrono::NaiveDate;
use engine::{BillingDay, Options, Report, ReportSettings};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_state() -> Rc<ViewerState> {
    Rc::new(ViewerState::new(Settings::default()))
}

/// The demo's report as the worker counts it for a [`Job::Demo`].
fn demo_counted(options: Options, settings: &ReportSettings) -> Report {
    demo_counter(options).expect("options the engine takes").report(settings)
}

/// The demo's report with the default settings.
fn default_report() -> Report {
    demo_counted(Options::default(), &ReportSettings::default())
}

/// The worker's answer to the demo count the state asks for (the report on screen is stale until then).
fn worker_answers(state: Rc<ViewerState>) -> Rc<ViewerState> {
    let Some(Job::Demo { run, options, settings }) = state.request.clone() else {
        panic!("the demo asked of the worker: {:?}", state.request)
    };
    assert_eq!(state.run, Run::Recounting { run });
    assert!(!state.ready(), "not ready until the worker answers");
    let update = Update::Ready { run, report: Box::new(demo_counted(options, &settings)), problems: vec![] };
    state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 })
}

/// The notice as an English reader sees it.
fn notice(state: &ViewerState) -> Option<String> {
    state.notice.as_ref().map(|n| active_profiles_app::locale::notice_text(active_profiles_app::locale::Lang::En, n))
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a test date")
}

#[wasm_bindgen_test]
fn the_first_state_is_the_demo_report_counted_at_build_time_ready_with_nothing_for_the_worker() {
    let state = demo_state();
    assert!(matches!(state.source, Source::Demo));
    assert!(state.ready());
    assert_eq!(state.request, None);
    // The report build.rs embedded reads back equal to the demo counted now.
    assert_eq!(*state.report, default_report());
    assert_eq!(active_profiles_app::demo_report::demo_report(), default_report());
    assert!(state.report.total_active > 0);
}

#[wasm_bindgen_test]
fn a_new_as_of_date_counts_the_demo_in_the_worker_and_back_to_the_default_shows_the_embedded_report() {
    let state = demo_state().reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31")))));
    let Some(Job::Demo { run, options, settings }) = state.request.clone() else {
        panic!("the demo asked of the worker: {:?}", state.request)
    };
    assert_eq!(options, Options::default());
    assert_eq!(settings, ReportSettings { as_of: Some(date("2026-03-31")), ..Default::default() });
    assert_eq!(*state.report, default_report(), "the report on screen stays until the worker answers");
    let state = worker_answers(state);
    let expected =
        demo_counted(Options::default(), &ReportSettings { as_of: Some(date("2026-03-31")), ..Default::default() });
    assert!(state.ready());
    assert_eq!(state.report.as_of.as_deref(), Some("2026-03-31"));
    assert_eq!(*state.report, expected);
    // Asked again, then back to the default before the answer: the embedded report at once, and the
    // late answer is not the report.
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-01-31"))))).reduce(Action::Sent);
    let late = state.last_run;
    assert_eq!(late, run + 1);
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(None)));
    assert_eq!(state.request, None);
    assert!(state.ready());
    assert_eq!(*state.report, default_report());
    let update = Update::Ready { run: late, report: Box::new(expected), problems: vec![] };
    let state = state.reduce(Action::Worker { update, now_ms: 0.0 });
    assert_eq!(*state.report, default_report());
}

#[wasm_bindgen_test]
fn remembered_settings_count_the_demo_in_the_worker_from_the_first_screen() {
    let remembered = Settings { purchased: Some(100), day_first: true, ..Settings::default() };
    let state = Rc::new(ViewerState::new(remembered));
    let Some(Job::Demo { options, settings, .. }) = state.request.clone() else {
        panic!("the demo asked of the worker: {:?}", state.request)
    };
    assert!(options.day_first);
    assert_eq!(settings.purchased, Some(100));
    let state = worker_answers(state);
    assert!(state.ready());
    assert_eq!(state.report.settings.purchased, Some(100));
    // A remembered time zone the engine no longer knows: the demo is counted with the defaults.
    let unknown = Settings { time_zone: "Mars/Olympus".into(), ..Settings::default() };
    let state = Rc::new(ViewerState::new(unknown));
    assert_eq!(state.request, None);
    assert_eq!(*state.report, default_report());
}

#[wasm_bindgen_test]
fn choosing_a_snapshot_makes_its_date_the_as_of_date() {
    let state = demo_state();
    let oldest = state.report.snapshots.first().expect("the demo has snapshots").clone();
    let state = worker_answers(state.reduce(Action::Report(ReportAction::ChooseSnapshot(date(&oldest.to)))));
    assert_eq!(state.settings.as_of, Some(date(&oldest.to)));
    assert_eq!(state.report.total_active, oldest.active, "the detail's total is the snapshot's number");
}

#[wasm_bindgen_test]
fn billing_day_last_puts_snapshots_on_month_ends() {
    let state = worker_answers(demo_state().reduce(Action::Settings(SettingsAction::BillingDay(BillingDay::Last))));
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
    let state = worker_answers(state.reduce(Action::Report(ReportAction::Reclassify {
        field: "status".into(),
        value: unrecognised.value.clone(),
        counted: false,
    })));
    assert_eq!(state.settings.status_rules.get(&unrecognised.value), Some(&false));
    assert_eq!(state.report.rows.excluded, excluded_before + unrecognised.rows);
    let still = state.report.unrecognised.iter().find(|u| u.value == unrecognised.value).expect("still listed");
    assert_eq!(still.rows, unrecognised.rows, "listed with its rows, so that it can be switched back");
    assert!(state.report.settings.rules.excluded_status.contains(&unrecognised.value));
}

#[wasm_bindgen_test]
fn a_report_json_opens_as_it_was_made_and_settings_do_not_change_it() {
    let report =
        demo_counted(Options::default(), &ReportSettings { as_of: Some(date("2026-01-10")), ..Default::default() });
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
    let report = demo_counted(Options::default(), &ReportSettings { profiles: true, ..Default::default() });
    assert!(report.profiles.as_ref().is_some_and(|p| !p.is_empty()));
    let meta = active_profiles_app::views::bundle::BundleMeta {
        title: "March".into(),
        made: "2026-11-23T10:00:00Z".into(),
        engine: "active-profiles test".into(),
        lang: active_profiles_app::locale::Lang::En,
    };
    let text = active_profiles_app::views::bundle::render(report.clone(), meta).await;
    let state = worker_answers(demo_state().reduce(Action::Settings(SettingsAction::IncludeProfiles(true))));
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
    assert!(matches!(state.source, Source::Demo), "back to what produced the report on screen");
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
    let counted = default_report();
    let state = state.reduce(Action::Sent).reduce(Action::Worker {
        update: active_profiles_app::protocol::Update::Ready {
            run,
            report: Box::new(counted.clone()),
            problems: vec![],
        },
        now_ms: 0.0,
    });
    assert!(state.ready());
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31"))))).reduce(Action::Sent);
    let recount = run + 1;
    assert_eq!(state.run, Run::Recounting { run: recount });
    assert!(!state.ready(), "not ready while the worker reports again");
    let again =
        demo_counted(Options::default(), &ReportSettings { as_of: Some(date("2026-03-31")), ..Default::default() });
    let state = state.reduce(Action::Worker {
        update: active_profiles_app::protocol::Update::Ready {
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
    assert!(matches!(state.source, Source::Demo), "the demo stays on screen");
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
    let reason = active_profiles_app::protocol::FailReason::WorkerStopped("out of memory".into());
    let update = active_profiles_app::protocol::Update::Failed { run, reason };
    let state = state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 });
    assert!(matches!(state.source, Source::Demo));
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

// ---- Actions during a count (issue 18): each has one defined outcome, and no answer of the worker
// ---- to an explanation can touch the count.

fn csv_file(name: &str, text: &str) -> web_sys::File {
    web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&text.into()), name).expect("a File")
}

/// The demo, then `name` opened and sent to the worker: a read in progress; its run number.
fn reading(name: &str) -> (Rc<ViewerState>, u32) {
    let file = csv_file(name, "recipientId,eventDate\n1,2026-01-05\n");
    let state = demo_state().reduce(Action::Open(OpenAction::Files { logs: vec![file], deliveries: None }));
    let Some(Job::Count { run, .. }) = state.request.clone() else { panic!("a count request: {:?}", state.request) };
    (state.reduce(Action::Sent), run)
}

fn ready(state: Rc<ViewerState>, run: u32) -> Rc<ViewerState> {
    let report = default_report();
    state.reduce(Action::Worker {
        update: Update::Ready { run, report: Box::new(report), problems: vec![] },
        now_ms: 0.0,
    })
}

/// What a reader sees of a read in progress: the progress bar, the files' line and no demo banner.
fn assert_still_reading(state: &ViewerState, run: u32, file: &str) {
    assert!(matches!(state.run, Run::Reading { run: r, .. } if r == run), "still reading run {run}: {:?}", state.run);
    let Source::Files { logs, .. } = &state.source else { panic!("the files stay the source: {:?}", state.source) };
    assert_eq!(logs[0].name, file);
    assert_eq!(state.notice, None, "no notice");
}

#[wasm_bindgen_test]
fn an_explanation_asked_during_a_read_waits_for_the_count_then_goes_to_the_worker() {
    let (state, run) = reading("big.csv");
    let state = state.reduce(Action::Explain(ExplainAction::Ask(" 519 ".into())));
    assert_eq!(state.explain_pending.as_deref(), Some("519"), "kept until the count is ready");
    assert_eq!(state.request, None, "not sent to a worker that still holds the previous run");
    assert_still_reading(&state, run, "big.csv");
    let state =
        state.reduce(Action::Worker { update: Update::Progress { run, done: 10, total: 35, rows: 1 }, now_ms: 1.0 });
    assert_eq!(state.explain_pending.as_deref(), Some("519"));
    let state = ready(state, run);
    assert!(state.ready());
    let Some(Job::Explain { run: asked, query, .. }) = state.request.clone() else {
        panic!("the explanation is sent once the count is ready: {:?}", state.request)
    };
    assert_eq!(query, "519");
    assert_eq!(asked, state.explain_run);
    assert_eq!(state.explaining.as_deref(), Some("519"));
    assert_eq!(state.explain_pending, None);
    let explanation = active_profiles_app::protocol::Explanation { query: "519".into(), ..Default::default() };
    let state = state.reduce(Action::Sent).reduce(Action::Worker {
        update: Update::Explained { run: asked, explanation: explanation.clone() },
        now_ms: 2.0,
    });
    assert_eq!(state.explanation, Some(explanation));
    assert_eq!(state.explaining, None);
}

#[wasm_bindgen_test]
fn the_answers_to_an_explanation_never_touch_a_count_with_the_same_number() {
    let (state, run) = reading("first.csv");
    let state = ready(state, run);
    // Explanations until the explain sequence reaches the number of the next count.
    let mut state = state;
    while state.explain_run <= state.last_run {
        state = state.reduce(Action::Explain(ExplainAction::Ask("a".into()))).reduce(Action::Sent);
    }
    let state = state.reduce(Action::Open(OpenAction::Files {
        logs: vec![csv_file("second.csv", "recipientId,eventDate\n2,2026-02-05\n")],
        deliveries: None,
    }));
    let Some(Job::Count { run: second, .. }) = state.request.clone() else { panic!("a count request") };
    let state = state.reduce(Action::Sent);
    assert_eq!(state.explain_run, second, "the two sequences meet on one number");
    let report_before = state.report.clone();
    let state = state.reduce(Action::Worker { update: Update::ExplainFailed { run: second }, now_ms: 0.0 });
    assert!(matches!(state.run, Run::Reading { run, .. } if run == second), "the read goes on: {:?}", state.run);
    assert!(matches!(state.source, Source::Files { .. }), "no demo comes back");
    assert_eq!(state.report, report_before);
    assert_eq!(state.explaining, None);
    assert_eq!(
        notice(&state).as_deref(),
        Some("The counting worker no longer holds these files: open them again to explain a profile.")
    );
}

#[wasm_bindgen_test]
fn a_setting_changed_during_a_read_restarts_it_with_that_setting_and_keeps_a_pending_explanation() {
    let (state, run) = reading("big.csv");
    let state = state.reduce(Action::Explain(ExplainAction::Ask("7".into())));
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31")))));
    let Some(Job::Count { run: again, settings, logs, .. }) = state.request.clone() else {
        panic!("the read starts again: {:?}", state.request)
    };
    assert_eq!(again, run + 1);
    assert_eq!(settings.as_of, Some(date("2026-03-31")));
    assert_eq!(logs[0].name, "big.csv");
    let state = state.reduce(Action::Sent);
    assert_still_reading(&state, again, "big.csv");
    assert_eq!(state.explain_pending.as_deref(), Some("7"));
    // The first run's late answer is not the report.
    let state = ready(state, run);
    assert_still_reading(&state, again, "big.csv");
    let state = ready(state, again);
    assert!(matches!(state.request, Some(Job::Explain { .. })), "then the explanation: {:?}", state.request);
}

#[wasm_bindgen_test]
fn files_dropped_during_a_read_replace_it_and_cancel_goes_back_to_the_demo() {
    let (state, run) = reading("first.csv");
    let state = state.reduce(Action::Open(OpenAction::Files {
        logs: vec![csv_file("second.csv", "recipientId,eventDate\n2,2026-02-05\n")],
        deliveries: None,
    }));
    let Some(Job::Count { run: second, logs, .. }) = state.request.clone() else { panic!("a count request") };
    assert_eq!((second, logs[0].name.as_str()), (run + 1, "second.csv"));
    let state = state.reduce(Action::Sent);
    assert_still_reading(&state, second, "second.csv");
    let state = state.reduce(Action::Cancel);
    assert_eq!(state.request, Some(Job::Cancel { run: second }));
    assert!(matches!(state.source, Source::Demo), "the report on screen is the demo's, and so is the banner");
    assert!(state.ready());
}

#[wasm_bindgen_test]
fn cancel_with_an_explanation_pending_answers_it_for_the_report_on_screen() {
    let (state, _) = reading("big.csv");
    let state = state.reduce(Action::Explain(ExplainAction::Ask("1".into()))).reduce(Action::Cancel);
    assert_eq!(state.explain_pending.as_deref(), Some("1"), "waits for the cancel to be sent");
    let state = state.reduce(Action::Sent);
    assert!(matches!(state.source, Source::Demo));
    assert_eq!(state.explain_pending, None);
    let Some(Job::DemoExplain { run, options, query, as_of }) = state.request.clone() else {
        panic!("the demo read again by the worker: {:?}", state.request)
    };
    let latest = state.report.as_of.as_deref().map(date);
    assert_eq!((query.as_str(), options.clone(), as_of), ("1", Options::default(), latest), "as of the report's date");
    assert_eq!(state.explaining.as_deref(), Some("1"));
    let explain = active_profiles_app::demo::demo_explain(options, &query);
    let explanation = active_profiles_app::protocol::Explanation::new(&query, as_of, &explain);
    let update = Update::Explained { run, explanation: explanation.clone() };
    let state = state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 });
    assert_eq!(state.explanation, Some(explanation));
    assert_eq!(state.explaining, None);
}

#[wasm_bindgen_test]
fn a_finished_count_is_announced_with_its_rows_files_and_total() {
    let (state, run) = reading("big.csv");
    assert_eq!(state.finished, None);
    let state = ready(state, run);
    let report = default_report();
    let finished = state.finished.expect("announced");
    assert_eq!(finished, Finished { rows: report.rows.read, files: report.files.len(), active: report.total_active });
    use active_profiles_app::app::finished_text;
    use active_profiles_app::locale::Lang;
    let text = finished_text(Lang::En, Finished { rows: 1_234_567, files: 1, active: 48 });
    assert_eq!(text, "Counted 1,234,567 rows from 1 file: 48 active profiles.");
    let text = finished_text(Lang::De, Finished { rows: 1_234_567, files: 2, active: 1 });
    assert_eq!(text, "1.234.567 Zeilen aus 2 Dateien gezählt: 1 aktives Profil.");
    // A recount (a new as-of date) is not a new count.
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(Some(date("2026-03-31"))))).reduce(Action::Sent);
    let recount = state.last_run;
    let state = ready(state, recount);
    assert_eq!(state.finished, Some(finished), "said once, not again for a recount");
}

#[wasm_bindgen_test]
fn a_pinned_as_of_date_is_kept_until_undone_then_the_date_follows_the_data() {
    let latest = demo_state().report.as_of.clone().expect("the demo has an as-of date");
    let pinned = Settings { as_of: Some(date("2026-03-31")), ..Settings::default() };
    // As after a reload: the remembered pin is in force.
    let state = worker_answers(Rc::new(ViewerState::new(pinned)));
    assert_eq!(state.report.as_of.as_deref(), Some("2026-03-31"));
    let state = state.reduce(Action::Settings(SettingsAction::AsOf(None)));
    assert_eq!(state.settings.as_of, None, "unpinned");
    assert_eq!(state.report.as_of.as_deref(), Some(latest.as_str()), "the latest event date");
}

#[wasm_bindgen_test]
fn files_counted_without_a_status_column_are_said_next_to_the_headline() {
    use active_profiles_app::app::column_gaps;
    let mut report = default_report();
    assert_eq!(column_gaps(&report, false), vec![], "the demo has every column");
    report.files[0].columns.remove("status");
    report.files[0].columns.remove("channel");
    assert_eq!(column_gaps(&report, false), vec![("status", 1), ("channel", 1)]);
    assert_eq!(column_gaps(&report, true), vec![("status", 1)], "a deliveries file may give the channel");
    let said =
        active_profiles_app::locale::trf(active_profiles_app::locale::Lang::En, "gap-status", &[("n", 1usize.into())]);
    assert_eq!(said, "Counted without a status column in 1 file: every row counted as sent.");
    // Mapping a column by hand recounts the files.
    let (state, run) = reading("nl.csv");
    let state = ready(state, run)
        .reduce(Action::Mapping(MappingAction::Set { field: "status".into(), header: Some("Resultaat".into()) }));
    let Some(Job::Count { options, .. }) = state.request.clone() else { panic!("a count request") };
    assert_eq!(options.mapping.get("status").map(String::as_str), Some("Resultaat"));
}

#[wasm_bindgen_test]
async fn a_remembered_as_of_date_shows_as_pinned_with_its_undo() {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::set("active-profiles.settings", serde_json::json!({ "as_of": "2026-03-31" })).expect("stored");
    let root = render_app().await;
    LocalStorage::delete("active-profiles.settings");
    let one = |selector: &str| root.query_selector(selector).expect("a valid selector");
    let pin = one("[data-testid=as-of-pin]").expect("the pin is shown");
    assert_eq!(pin.text_content().unwrap_or_default(), "As of 2026-03-31 (pinned)Follow the data");
    let follow: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(one("[data-testid=as-of-follow]").expect("the undo"));
    follow.click();
    // The remembered date sent the demo to the worker first: the page renders more than once.
    for _ in 0..50 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        if one("[data-testid=as-of-pin]").is_none() {
            break;
        }
    }
    assert!(one("[data-testid=as-of-pin]").is_none(), "no pin once undone");
    let latest = demo_state().report.as_of.clone().expect("an as-of date");
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(one("[data-testid=as-of]").expect("the date"));
    assert_eq!(input.value(), latest, "the latest event date");
    assert!(one("[data-testid=as-of-follows]").is_some());
    // The first screen leads: Open your files is the primary action, the download is not.
    assert!(one("button.primary[data-testid=open-files]").is_some());
    assert!(one("button.primary[data-testid=download-report]").is_none());
    assert!(one("[data-testid=count-finished][role=status][aria-live=polite]").is_some());
}

#[derive(yew::Properties, PartialEq)]
struct StepProps {
    file: active_profiles_app::protocol::FileHandle,
}

/// The mapping step as the page shows it for a file whose date is missing.
#[yew::function_component(Step)]
fn step(props: &StepProps) -> yew::Html {
    let state = yew::use_reducer(|| ViewerState::new(Settings::default()));
    yew::html! {
        <active_profiles_app::mapping::MappingStep file={props.file.clone()} fields={vec!["event date".to_owned()]}
            mapping={state.settings.mapping.clone()} automatic={std::collections::BTreeMap::new()}
            dispatch={state.dispatcher()} />
    }
}

#[wasm_bindgen_test]
async fn a_mapping_step_for_the_date_offers_the_unrecognised_columns_for_status_too_with_samples() {
    let text = "Recipient ID;Verzonden op;Resultaat;Medium\n1;05-01-2026;Bounce;Email\n2;06-01-2026;Verzonden;Email\n\
                3;07-01-2026;Bounce;Email\n4;08-01-2026;Geweigerd;Email\n";
    let file = active_profiles_app::protocol::FileHandle::new(csv_file("nl.csv", text));
    let root = gloo::utils::document().create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<Step>::with_root_and_props(root.clone(), StepProps { file }).render();
    // The preview reads the file's first bytes asynchronously.
    for _ in 0..50 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        if root.query_selector("[data-testid=preview]").ok().flatten().is_some() {
            break;
        }
    }
    let fields: Vec<String> = (0..)
        .map_while(|i| root.query_selector_all("[data-testid=mapping-field]").ok()?.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()?.get_attribute("data-field"))
        .collect();
    assert_eq!(fields, ["event date", "status", "failure reason", "channel", "target dimension"]);
    let options = root
        .query_selector("[data-testid=mapping-optional] [data-field=status]")
        .expect("a valid selector")
        .expect("the status is offered")
        .text_content()
        .unwrap_or_default();
    assert_eq!(
        options,
        "— choose a column —Recipient IDVerzonden op (e.g. 05-01-2026, 06-01-2026, 07-01-2026)\
         Resultaat (e.g. Bounce, Verzonden, Geweigerd)Medium (e.g. Email)"
    );
}
