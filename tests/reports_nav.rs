//! Wasm tests in headless Chromium: what was given goes to its report by content, and the switch between the two reports keeps each one's state.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use active_profiles_app::aep::demo_counter;
use active_profiles_app::locale::{notice_text, Lang};
use active_profiles_app::profiles::{default_settings, Given, ProfilesAction, ProfilesSource, Tab};
use active_profiles_app::protocol::{Job, Update};
use active_profiles_app::state::{Action, OpenAction, Run, Settings, SettingsAction, Source, ViewerState};
use engine::aep::Stitching;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_state() -> Rc<ViewerState> {
    Rc::new(ViewerState::new(Settings::default()))
}

/// A file given with its path and bytes (its first bytes are its head, as the page reads them).
fn given(path: &str, text: &str) -> Given {
    given_bytes(path, text.as_bytes())
}

fn given_bytes(path: &str, bytes: &[u8]) -> Given {
    let name = path.rsplit('/').next().unwrap_or(path);
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&array, name).expect("a File");
    Given { file, path: path.to_string(), head: bytes[..bytes.len().min(512)].to_vec() }
}

const CSV: &str = "recipientId,eventDate\n1,2026-01-05\n";
const RECORD: &str = "{\"identityMap\":{\"Email\":[{\"id\":\"a@x.com\"}]}}\n";

#[wasm_bindgen_test]
fn a_mixed_drop_is_split_by_content_and_said_in_one_sentence() {
    let drop = vec![
        given("logs/broadlog-1.csv", CSV),
        // A JSON name does not decide: a CSV named .json is a delivery log, records named .txt are records.
        given("logs/broadlog-2.json", CSV),
        given("ds/exportTime=202611010000/part-00000.json", RECORD),
        given("ds/exportTime=202612010000/part-00000.txt", RECORD),
        given_bytes("ds/exportTime=202612010000/part-00001.json.gz", &[0x1f, 0x8b, 8, 0]),
    ];
    let state = demo_state().reduce(Action::Open(OpenAction::Given(drop)));
    let Source::Files { logs, .. } = &state.source else { panic!("the delivery logs are the Campaign report's files") };
    assert_eq!(logs.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["broadlog-1.csv", "broadlog-2.json"]);
    let ProfilesSource::Files(records) = &state.profiles.source else {
        panic!("the records are the Profiles report's")
    };
    assert_eq!(
        records.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(),
        [
            "ds/exportTime=202611010000/part-00000.json",
            "ds/exportTime=202612010000/part-00000.txt",
            "ds/exportTime=202612010000/part-00001.json.gz"
        ],
        "each record file keeps its path, so its exportTime= folder stays its snapshot"
    );
    assert!(matches!(state.request, Some(Job::Count { .. })), "the logs are counted");
    let Some(Job::Profiles { run, files, settings }) = state.profiles.requests.first() else {
        panic!("the records are counted: {:?}", state.profiles.requests)
    };
    assert_eq!((*run, files.len(), settings.compare), (1, 3, true), "graph against none is asked for");
    assert_eq!(state.tab, Tab::Campaign, "a mixed drop leaves the report on screen");
    assert_eq!(
        state.notice.as_ref().map(|n| notice_text(Lang::En, n)).as_deref(),
        Some(
            "2 delivery-log files went to Active profiles (Adobe Campaign) and 3 files of profile records to \
             Profiles (Journey Optimizer)."
        )
    );
    assert_eq!(
        state.notice.as_ref().map(|n| notice_text(Lang::Fr, n)).as_deref(),
        Some(
            "2 fichiers de logs de diffusion sont allés à Profils actifs (Adobe Campaign) et 3 fichiers \
             d’enregistrements de profils à Profils (Journey Optimizer)."
        )
    );
    // The app sends both reports' requests, then says so: both are cleared.
    let state = state.reduce(Action::Sent);
    assert_eq!((state.request.clone(), state.profiles.requests.len()), (None, 0));
}

#[wasm_bindgen_test]
fn records_alone_open_the_profiles_report_and_logs_alone_the_campaign_one() {
    let state = demo_state().reduce(Action::Open(OpenAction::Given(vec![given("part-00000.json", RECORD)])));
    assert_eq!(state.tab, Tab::Profiles);
    assert!(matches!(state.source, Source::Demo), "the Campaign report keeps its demo");
    assert!(matches!(state.profiles.run, Run::Reading { run: 1, .. }));
    assert_eq!(state.notice, None, "nothing to say: the tab shows where they went");
    let state = state.reduce(Action::Open(OpenAction::Given(vec![given("a.csv", CSV)])));
    assert_eq!(state.tab, Tab::Campaign);
    assert!(matches!(state.profiles.run, Run::Reading { .. }), "the profile read goes on");
}

/// The worker's answer to a job of the Profiles report.
fn answer(state: Rc<ViewerState>, update: Update) -> Rc<ViewerState> {
    state.reduce(Action::Sent).reduce(Action::Worker { update, now_ms: 0.0 })
}

/// The demo's report as the worker counts and answers it ([`Job::ProfilesDemo`]).
fn demo_ready(run: u32, settings: &engine::aep::ProfileSettings) -> Update {
    Update::ProfilesReady { run, report: Box::new(demo_counter().report(settings)) }
}

#[wasm_bindgen_test]
fn the_profiles_tab_opens_on_its_demo_with_two_snapshots_counted_in_the_worker() {
    let state = demo_state();
    assert_eq!(state.profiles.source, ProfilesSource::Empty, "not counted before it is asked for");
    let state = state.reduce(Action::Tab(Tab::Profiles));
    assert_eq!(state.tab, Tab::Profiles);
    assert_eq!(state.profiles.source, ProfilesSource::Demo);
    assert_eq!(
        state.profiles.requests,
        [Job::ProfilesDemo { run: 1, settings: default_settings() }],
        "the worker generates and counts the demo: the page holds no profile counter"
    );
    assert!(!state.profiles.ready(), "not ready until the worker answers");
    assert!(matches!(state.profiles.run, Run::Recounting { run: 1 }), "no progress bar: the demo is small");
    let state = answer(state, demo_ready(1, &default_settings()));
    assert!(state.profiles.ready());
    assert_eq!(*state.profiles.report, demo_counter().report(&default_settings()));
    assert_eq!(state.profiles.report.snapshots.len(), 2, "two exportTime= snapshots");
    assert_eq!(state.profiles.report.change.len(), 1, "and the change between them");
    assert!(state.profiles.report.compared.is_some(), "graph against none");
    // Shown again: the demo is not asked again.
    let state = state.reduce(Action::Tab(Tab::Campaign)).reduce(Action::Tab(Tab::Profiles));
    assert!(state.profiles.requests.is_empty(), "counted once");
    assert!(state.profiles.ready());
}

#[wasm_bindgen_test]
fn each_report_keeps_its_state_when_the_other_is_shown() {
    let as_of = "2026-03-31".parse().expect("a date");
    let state =
        demo_state().reduce(Action::Settings(SettingsAction::AsOf(Some(as_of)))).reduce(Action::Tab(Tab::Profiles));
    let state = answer(state, demo_ready(1, &default_settings()))
        .reduce(Action::Profiles(ProfilesAction::Stitching(Stitching::None)))
        .reduce(Action::Profiles(ProfilesAction::Explain { namespace: None, id: "nobody@example.com".into() }));
    // Like a run of files: the setting is a recount and the explanation an ask of the worker's counter.
    let none = engine::aep::ProfileSettings { stitching: Stitching::None, ..default_settings() };
    assert_eq!(
        state.profiles.requests,
        [
            Job::ProfilesRecount { run: 2, settings: none.clone() },
            Job::ProfilesExplain { run: 1, settings: none.clone(), namespace: None, id: "nobody@example.com".into() }
        ]
    );
    assert_eq!(state.profiles.explaining, Some((None, "nobody@example.com".to_string())));
    let state = answer(state, demo_ready(2, &none));
    let explained = active_profiles_app::aep::explain(&demo_counter(), &none, None, "nobody@example.com");
    let state = answer(state, Update::ProfilesExplained { run: 1, explained: Box::new(explained) });
    let campaign = state.report.clone();
    let profiles = state.profiles.clone();
    assert_eq!(profiles.report.stitching, "none");
    assert!(profiles.explained.is_some() && profiles.explaining.is_none(), "the worker's explanation is shown");
    let state = state.reduce(Action::Tab(Tab::Campaign));
    assert_eq!(state.tab, Tab::Campaign);
    assert_eq!(state.report, campaign);
    assert_eq!(state.settings.as_of, Some(as_of));
    assert_eq!(state.profiles, profiles, "the Profiles report is kept as it was");
    let state = state.reduce(Action::Tab(Tab::Profiles));
    assert_eq!(state.profiles, profiles, "and comes back as it was");
    assert_eq!(state.report, campaign);
}

#[wasm_bindgen_test]
fn settings_recount_profile_files_from_the_kept_counter_and_cancel_goes_back() {
    let state = demo_state().reduce(Action::Open(OpenAction::Given(vec![given("part-00000.json", RECORD)])));
    assert_eq!(state.profiles.requests.len(), 1, "only the files are asked for, not the demo first");
    // Cancel: the worker is told, and the demo comes back, counted by the worker.
    let cancelled = state.clone().reduce(Action::Profiles(ProfilesAction::Cancel));
    assert_eq!(cancelled.profiles.source, ProfilesSource::Demo);
    assert_eq!(
        cancelled.profiles.requests[1..],
        [Job::ProfilesCancel { run: 1 }, Job::ProfilesDemo { run: 2, settings: default_settings() }]
    );
    let cancelled = answer(cancelled, demo_ready(2, &default_settings()));
    assert_eq!(*cancelled.profiles.report, demo_counter().report(&default_settings()));
    assert!(cancelled.profiles.ready());
    // Back to the demo during a read: the read stops and the demo is asked again.
    let back = state.clone().reduce(Action::Sent).reduce(Action::Profiles(ProfilesAction::Demo));
    assert_eq!(
        back.profiles.requests,
        [Job::ProfilesCancel { run: 1 }, Job::ProfilesDemo { run: 2, settings: default_settings() }]
    );
    // The count finishes: a setting is a recount, with no file read again.
    let report = engine::aep::ProfilesReport { stitching: "graph".into(), ..Default::default() };
    let state = state
        .reduce(Action::Sent)
        .reduce(Action::Worker { update: Update::ProfilesReady { run: 1, report: Box::new(report) }, now_ms: 0.0 });
    assert!(state.profiles.ready());
    let state = state.reduce(Action::Profiles(ProfilesAction::Unique("CRMID, loyaltyId, ,CRMID".into())));
    assert_eq!(state.profiles.settings.unique, ["CRMID", "loyaltyId"]);
    let Some(Job::ProfilesRecount { run: 2, settings }) = state.profiles.requests.first() else {
        panic!("a recount: {:?}", state.profiles.requests)
    };
    assert_eq!(settings.unique, ["CRMID", "loyaltyId"]);
    // A late answer of the first run changes nothing.
    let late = engine::aep::ProfilesReport { stitching: "late".into(), ..Default::default() };
    let state =
        state.reduce(Action::Worker { update: Update::ProfilesReady { run: 1, report: Box::new(late) }, now_ms: 0.0 });
    assert_eq!(state.profiles.report.stitching, "graph");
    // Explain goes to the worker's counter, with its own number.
    let state = state.reduce(Action::Sent).reduce(Action::Profiles(ProfilesAction::Explain {
        namespace: Some(" Email ".into()),
        id: " a@x.com ".into(),
    }));
    assert_eq!(
        state.profiles.requests,
        [Job::ProfilesExplain {
            run: 1,
            settings: state.profiles.settings.clone(),
            namespace: Some("Email".into()),
            id: "a@x.com".into()
        }]
    );
}

#[wasm_bindgen_test]
fn a_large_profile_run_is_cut_into_contiguous_shares_of_about_equal_bytes() {
    use active_profiles_app::pool::shares;
    let cut = |sizes: &[u64], n| shares(sizes.to_vec(), |s| *s, n);
    assert_eq!(cut(&[10, 10, 10, 10], 2), [vec![10, 10], vec![10, 10]]);
    assert_eq!(cut(&[100, 1, 1], 3), [vec![100], vec![1], vec![1]]);
    assert_eq!(cut(&[5, 5, 5], 4), [vec![5], vec![5], vec![5]], "never more shares than files");
    assert_eq!(cut(&[40, 10, 10, 10, 10], 2), [vec![40], vec![10, 10, 10, 10]], "files stay whole and in order");
}
