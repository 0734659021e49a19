//! Journey Optimizer engagement events in the counting worker: each file read in 1 MiB slices into the `EventCounter`, and the Engageable profiles demo.
//!
//! What a file is comes from its first bytes, as on the command line: JSON
//! (lines or an array) and gzip are pushed slice by slice, Parquet is read by
//! ranges, anything else is read as CSV with a header. A file that cannot be
//! read is said in the report's warnings with its file and line, and the
//! other files are still counted. The profile snapshot that stitches the
//! engaged keys is read by [`crate::aep::count_records`], as the Profiles
//! report reads it.

use engine::aep::figures::StitchMap;
use engine::aep::{InputKind, ProfileCounter, ProfileSettings};
use engine::engage::generate::EventSpec;
use engine::engage::{EngageSettings, EngageableReport, EventCounter, Sandbox};

use crate::aep::{BlobChunks, Pushed, HEAD_BYTES};
use crate::worker::{Progress, RecordHandle};

/// What the worker keeps of an Engageable profiles run: the counter, and the snapshot's stitching.
pub struct Engaged {
    pub counter: EventCounter,
    pub stitch: Option<StitchMap>,
}

impl Engaged {
    pub fn report(&self, settings: &EngageSettings) -> EngageableReport {
        self.counter.report(settings, self.stitch.as_ref())
    }
}

/// The demo's step events: a year and a month of a generated sandbox pair, with a spike, dry runs,
/// rejected events, and profiles written as identities of the Profiles demo's people, so that the
/// Profiles demo's snapshot stitches some of them.
pub fn demo_spec() -> EventSpec {
    let profiles = crate::aep::demo_spec();
    EventSpec {
        seed: 16,
        events: 6000,
        people: 900,
        files: 2,
        stitch_seed: Some((profiles.seed, profiles.records)),
        ..EventSpec::default()
    }
}

/// Counts the demo (the answer to a [`crate::worker::Job::EngageableDemo`]), stitched by the
/// Profiles demo's latest snapshot.
pub fn demo() -> Engaged {
    let mut counter = EventCounter::default();
    for file in engine::engage::generate::event_export(&demo_spec()) {
        let id = counter.begin_file(&file.path, None);
        // Generated, not user input: a failure would be the generator's bug, said in the warnings.
        if let Err(e) = counter.push(id, &file.bytes).and_then(|()| counter.end_file(id)) {
            counter.warn(e.message);
        }
    }
    let snapshot = crate::aep::demo_counter();
    Engaged { counter, stitch: Some(snapshot.stitch_map(&ProfileSettings::default())) }
}

/// Reads one file of engagement events into `counter`; its events that name no sandbox go to `sandbox`.
pub(crate) async fn count_events(
    counter: &mut EventCounter,
    file: &RecordHandle,
    sandbox: Option<&Sandbox>,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file.handle.file.clone()));
    let size = blob.size();
    let head = match gloo::file::futures::read_as_bytes(&blob.slice(0, HEAD_BYTES.min(size))).await {
        Ok(head) => head,
        Err(e) => {
            counter.warn(crate::aep::unreadable(&file.path, &e.to_string()));
            progress.skip(size);
            return;
        }
    };
    let kind = engine::aep::sniff(&head);
    if kind == InputKind::Parquet {
        let reader = BlobChunks::new(web_sys::Blob::from(file.handle.file.clone()), size);
        if let Err(error) = counter.read_parquet(&file.path, sandbox, reader) {
            counter.warn(engine::aep::read::said(&error));
        }
        progress.skip(size);
        return;
    }
    let id = if kind == InputKind::Other {
        counter.begin_csv(&file.path, None)
    } else {
        counter.begin_file(&file.path, None)
    };
    match crate::aep::push_all(file, size, progress, still_current, |chunk| counter.push(id, chunk)).await {
        Pushed::Cancelled => return,
        Pushed::Unreadable(e) => {
            counter.warn(crate::aep::unreadable(&file.path, &e));
            let _ = counter.end_file(id);
            return;
        }
        Pushed::Done => {}
    }
    if let Err(error) = counter.end_file(id) {
        counter.warn(engine::aep::read::said(&error));
    }
}

/// Reads a profile snapshot's files into one counter, for stitching.
pub(crate) async fn count_snapshot(
    files: &[RecordHandle],
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) -> ProfileCounter {
    let mut counter = ProfileCounter::new();
    for file in files {
        let snapshot = engine::aep::snapshot_of(&file.path);
        crate::aep::count_records(&mut counter, file, snapshot.as_deref(), progress, still_current).await;
        if !still_current() {
            break;
        }
    }
    counter
}
