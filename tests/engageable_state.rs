//! Wasm tests in headless Chromium: the Engageable profiles tab's mapping step and sandbox per file, as state transitions.

#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use active_profiles_app::engageable::{EngageableAction, EngageableSource, EngageableState};
use active_profiles_app::protocol::{EventFileOptions, EventFileRead, FileHandle, Job, RecordHandle, Update};
use active_profiles_app::state::Run;
use engine::engage::{EngageableReport, FileSandboxes, Sandbox, SandboxType};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn handle(name: &str, text: &str) -> RecordHandle {
    let file = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&text.into()), name).expect("a File");
    RecordHandle { path: format!("events/{name}"), handle: FileHandle::new(file) }
}

/// The last job sent for a read of files: its run and each file's choices.
fn last_read(state: &EngageableState) -> (u32, Vec<EventFileOptions>) {
    match state.requests.last() {
        Some(Job::Engageable { run, files, .. }) => (*run, files.clone()),
        other => panic!("a read of the files: {other:?}"),
    }
}

fn reads_of_two() -> Vec<EventFileRead> {
    vec![
        EventFileRead {
            missing: vec!["time".into(), "profile".into()],
            headers: vec!["Wann".into(), "Kunde".into()],
            sandboxes: FileSandboxes::default(),
        },
        EventFileRead { sandboxes: FileSandboxes { named: vec![], unnamed: true }, ..EventFileRead::default() },
    ]
}

/// Two files opened and counted: the first lacks its time and profile columns.
fn counted() -> EngageableState {
    let state = EngageableState::default().open(vec![
        handle("odd.csv", "Wann,Kunde\n2026-11-30,p1\n"),
        handle("b.json", "{\"timestamp\":\"2026-11-30\",\"profileID\":\"p2\"}\n"),
    ]);
    let (run, files) = last_read(&state);
    assert_eq!(files, vec![EventFileOptions::default(); 2], "nothing chosen for new files");
    let update = Update::EngageableReady { run, report: Box::new(EngageableReport::default()), files: reads_of_two() };
    let (state, notice) = state.worker(update, 0.0);
    assert_eq!(notice, None);
    assert!(state.ready());
    assert_eq!(state.reads, reads_of_two());
    state
}

fn act(state: EngageableState, action: EngageableAction) -> (EngageableState, Option<&'static str>) {
    state.act(action)
}

#[wasm_bindgen_test]
fn a_file_is_read_again_once_every_missing_field_has_a_column() {
    let state = counted();
    let sent = state.requests.len();
    let map = |field: &str, header: &str| EngageableAction::MapColumn {
        file: 0,
        field: field.into(),
        header: Some(header.into()),
    };
    // An optional field and the time: the profile still has no column, so nothing is read.
    let (state, _) = act(state, map("journey or campaign", "Kunde"));
    let (state, _) = act(state, map("time", "Wann"));
    assert_eq!(state.requests.len(), sent, "no read while the profile has no column");
    assert!(state.ready());
    let (state, notice) = act(state, map("profile", "Kunde"));
    assert_eq!(notice, None);
    assert!(matches!(state.run, Run::Reading { .. }));
    let (_, files) = last_read(&state);
    let mapping = BTreeMap::from([
        ("journey or campaign".to_string(), "Kunde".to_string()),
        ("profile".to_string(), "Kunde".to_string()),
        ("time".to_string(), "Wann".to_string()),
    ]);
    assert_eq!(files[0].mapping, mapping);
    assert_eq!(files[1], EventFileOptions::default(), "the other file's choices untouched");
}

#[wasm_bindgen_test]
fn a_remembered_mapping_reads_again_once_and_says_so() {
    let state = counted();
    let sent = state.requests.len();
    let remembered =
        BTreeMap::from([("time".to_string(), "Wann".to_string()), ("profile".to_string(), "Kunde".to_string())]);
    let (state, notice) = act(state, EngageableAction::MapRemembered { file: 0, mapping: remembered.clone() });
    assert_eq!(notice, Some("notice-mapped-before"));
    assert_eq!(state.requests.len(), sent + 1);
    // The same again (the effect runs once more): nothing new.
    let (state, notice) = act(state, EngageableAction::MapRemembered { file: 0, mapping: remembered });
    assert_eq!(notice, None);
    assert_eq!(state.requests.len(), sent + 1);
    // Half a mapping remembered: added, but not read with.
    let (state, notice) = act(
        counted(),
        EngageableAction::MapRemembered {
            file: 0,
            mapping: BTreeMap::from([("time".to_string(), "Wann".to_string())]),
        },
    );
    assert_eq!(notice, None);
    assert!(state.ready());
}

#[wasm_bindgen_test]
fn a_file_gets_its_own_sandbox_and_cancel_goes_back_to_the_choices_on_screen() {
    let state = counted();
    let dev = Sandbox { name: "dev".into(), kind: SandboxType::Development };
    let (state, _) = act(state, EngageableAction::FileSandbox { file: 1, sandbox: Some(dev.clone()) });
    let (run, files) = last_read(&state);
    assert_eq!(files[1].sandbox, Some(dev.clone()));
    assert_eq!(files[0].sandbox, None, "the first file keeps the run's");
    // The same choice again reads nothing; another file index that does not exist neither.
    let sent = state.requests.len();
    let (state, _) = act(state, EngageableAction::FileSandbox { file: 1, sandbox: Some(dev.clone()) });
    let (state, _) = act(state, EngageableAction::FileSandbox { file: 7, sandbox: None });
    assert_eq!(state.requests.len(), sent);
    // Cancelled: the files and choices of the report on screen come back (and are asked for again).
    let (state, notice) = act(state, EngageableAction::Cancel);
    assert_eq!(notice, Some("notice-cancelled"));
    let EngageableSource::Files { files, .. } = &state.source else { panic!("files") };
    assert_eq!(files[1].sandbox, None);
    assert_eq!(state.reads, reads_of_two());
    assert!(state.requests.contains(&Job::EngageableCancel { run }));
}
