//! The counting worker: reads the chosen files in slices, off the page's thread, into the engine.
//!
//! The page sends a [`Job`]; the worker answers with [`Update`]s. Files travel
//! as `File` handles (structured-cloned by the browser, never copied into a
//! message), and the worker reads them 1 MiB at a time with `Blob.slice`, so a
//! file is never held whole. Between two slices the worker yields to its event
//! loop, which is how a [`Job::Cancel`] gets in. The counting state stays in
//! the worker after a run, so that [`Job::Recount`] answers a change of
//! as-of date, billing day or purchased number without reading again.
//!
//! A run cut over several workers ([`crate::pool`]) sends each worker
//! [`Job::Unit`]s (whole files, or one byte range of a file); each answers
//! [`Update::Counted`] with its counter in bincode, and the first worker, which
//! keeps its own, gets the [`Job::Merge`] and then holds the run like a
//! [`Job::Count`]. A worker counts a small generated export when it starts
//! (`warm_up`), so that its code is optimised before the first file.

use std::cell::RefCell;
use std::rc::Rc;

use engine::workbook::{Book, Content};
use engine::{Counter, Deliveries, FileError, Options, Report, ReportSettings};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// How many bytes the worker reads at a time.
pub const SLICE: u64 = 1 << 20;

/// The least time between two progress updates, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Where the worker's script is, next to the page.
pub const WORKER_PATH: &str = "./worker.js";

/// A file of profile records, with its path relative to the folder dropped or picked (its
/// `exportTime=` folder makes it part of that snapshot, [`engine::aep::snapshot_of`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordHandle {
    /// `dataset/exportTime=202611010000/part-00000.json`, or the file's name when it came alone.
    pub path: String,
    pub handle: FileHandle,
}

/// A file the user picked, passed to the worker as the browser's own handle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileHandle {
    pub name: String,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub file: web_sys::File,
}

impl FileHandle {
    pub fn new(file: web_sys::File) -> Self {
        FileHandle { name: file.name(), file }
    }

    fn size(&self) -> u64 {
        self.file.size() as u64
    }
}

/// What the user chose for one file of engagement events: the sandbox of its events that name
/// none (`None`: the run's), and the columns of a CSV whose headers were not recognised (field name,
/// as [`engine::engage::EventField::name`], to header).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFileOptions {
    pub sandbox: Option<engine::engage::Sandbox>,
    pub mapping: std::collections::BTreeMap<String, String>,
}

/// What reading one file of engagement events found, for the page: the required fields its CSV
/// header lacks (the mapping step asks for their columns), and what its events said of their sandbox
/// (a sandbox setting where some named none).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFileRead {
    /// Field names ([`engine::engage::EventField::name`]); empty when the file was counted.
    pub missing: Vec<String>,
    /// The CSV header's columns as written (with `missing` only).
    pub headers: Vec<String>,
    pub sandboxes: engine::engage::FileSandboxes,
}

/// What the page asks of the worker. `run` numbers each request; answers carry it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read and count these files.
    Count {
        run: u32,
        logs: Vec<FileHandle>,
        deliveries: Option<FileHandle>,
        options: Options,
        settings: ReportSettings,
    },
    /// Report again from the state of the last complete run, with other settings.
    Recount { run: u32, settings: ReportSettings },
    /// Stop the run with this number.
    Cancel { run: u32 },
    /// Read the files of the last run again for the rows of one profile (key or address).
    Explain { run: u32, query: String, as_of: Option<chrono::NaiveDate> },
    /// Count one unit of a run cut over several workers (see [`crate::pool`]).
    Unit(UnitJob),
    /// Read and count these files of profile records (the Journey Optimizer *Profiles* report);
    /// the worker keeps the counter for [`Job::ProfilesRecount`] and [`Job::ProfilesExplain`].
    /// Profile runs have their own numbers: they never stop a count of delivery logs.
    Profiles { run: u32, files: Vec<RecordHandle>, settings: engine::aep::ProfileSettings },
    /// The Profiles report again from the kept counter, with other settings (no file read again).
    ProfilesRecount { run: u32, settings: engine::aep::ProfileSettings },
    /// *Explain an identity* from the kept counter (`run`: the explain request's own number).
    ProfilesExplain { run: u32, settings: engine::aep::ProfileSettings, namespace: Option<String>, id: String },
    /// Generate and count the Profiles demo ([`crate::aep::demo_counter`]) and keep its counter, as
    /// for a [`Job::Profiles`]: answered with [`Update::ProfilesReady`].
    ProfilesDemo { run: u32, settings: engine::aep::ProfileSettings },
    /// Stop the profile run with this number.
    ProfilesCancel { run: u32 },
    /// Read and count these files of engagement events (the Engageable profiles report), stitched by
    /// the profile snapshot's files when there are any; the worker keeps the counter for
    /// [`Job::EngageableRecount`]. Engageable runs have their own numbers.
    /// `sandbox`: where the events that name none go (the user's; `prod` when none), unless
    /// `files` (one entry per file of `events`, in order; missing entries: none) gives a file its own;
    /// `files` also carries a file's column mapping (a CSV whose headers were not recognised).
    Engageable {
        run: u32,
        events: Vec<RecordHandle>,
        snapshot: Vec<RecordHandle>,
        sandbox: Option<engine::engage::Sandbox>,
        files: Vec<EventFileOptions>,
        settings: engine::engage::EngageSettings,
    },
    /// The Engageable profiles report again from the kept counter, with another as-of date or licence.
    EngageableRecount { run: u32, settings: engine::engage::EngageSettings },
    /// Generate and count the Engageable profiles demo ([`crate::events::demo`]) and keep it.
    EngageableDemo { run: u32, settings: engine::engage::EngageSettings },
    /// Stop the engageable run with this number.
    EngageableCancel { run: u32 },
    /// Count one share of a profile run cut over several workers (see [`crate::pool`]): these
    /// files, in order, into one counter, kept here (`keep`, the merging worker) or sent back.
    ProfilesUnit { run: u32, unit: usize, files: Vec<RecordHandle>, keep: bool },
    /// Merge the shares of a profile run in order (a share that was not counted is read here
    /// again: `units` are its files) and report; this worker then holds the run.
    ProfilesMerge {
        run: u32,
        counted: Vec<Counted>,
        units: Vec<Vec<RecordHandle>>,
        settings: engine::aep::ProfileSettings,
    },
    /// Merge the counters of a run's units in file order and report; this worker then holds the run.
    Merge {
        run: u32,
        plan: engine::plan::Plan,
        /// One entry per unit of the plan.
        counted: Vec<Counted>,
        logs: Vec<FileHandle>,
        deliveries: Option<FileHandle>,
        options: Options,
        settings: ReportSettings,
    },
}

/// One unit of a run cut over several workers: whole files, or one byte range of a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitJob {
    pub run: u32,
    /// The unit's index in the run's [`engine::plan::Plan`].
    pub unit: usize,
    pub work: UnitWork,
    pub deliveries: Option<FileHandle>,
    pub options: Options,
    /// Keep the counter here for the [`Job::Merge`] (this worker merges) instead of sending it.
    pub keep: bool,
}

/// What one unit of a run reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UnitWork {
    /// These files, whole, in order, into one counter.
    Files(Vec<FileHandle>),
    /// One byte range of a file; `head` is the file's head (its BOM and header line).
    Part { file: FileHandle, head: Vec<u8>, part: engine::Part },
}

/// A unit's counter, as the merging worker gets it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Counted {
    /// Kept by the merging worker itself.
    Here,
    /// Sent by another worker: the counter in bincode, a `Uint8Array` (passed along, never copied into the page's memory).
    Bytes(#[serde(with = "serde_wasm_bindgen::preserve")] JsValue),
    /// Not counted (a read error, a file that cannot be counted): the merge reads its files again whole.
    Missing,
}

/// A file that could not be counted at all, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileProblem {
    pub file: String,
    /// Why, in English.
    pub message: String,
    /// Why, as the engine's message (a file error), to say it in the page's language.
    pub error: Option<engine::Message>,
    /// The browser's error when the file could not be read at all.
    pub read_error: Option<String>,
    /// Fields that have no column (the mapping step asks for them).
    pub missing: Vec<String>,
    /// The file's headers as written.
    pub headers: Vec<String>,
    /// A workbook's sheet: its first bytes as CSV, for the mapping step's preview (the page cannot
    /// read a workbook itself). None for a file, which the page reads.
    #[serde(default)]
    pub sheet: Option<SheetHead>,
}

/// The first bytes of a workbook's sheet, written as CSV ([`FileProblem::sheet`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetHead {
    /// At most [`SHEET_HEAD_BYTES`] bytes of the sheet's CSV.
    pub csv: Vec<u8>,
    /// Whether `csv` is the whole sheet.
    pub whole: bool,
}

/// How much of a sheet's CSV a [`SheetHead`] holds (what the mapping step's preview reads of a file).
pub const SHEET_HEAD_BYTES: usize = 64 * 1024;

impl SheetHead {
    fn of(csv: &[u8]) -> Self {
        SheetHead { csv: csv[..csv.len().min(SHEET_HEAD_BYTES)].to_vec(), whole: csv.len() <= SHEET_HEAD_BYTES }
    }
}

impl FileProblem {
    fn from_error(name: &str, error: &FileError) -> Self {
        let missing = match error {
            FileError::MissingFields { missing, .. } => missing.clone(),
            FileError::MappedHeaderMissing { field, .. } => vec![field.clone()],
            _ => Vec::new(),
        };
        let message = match error {
            FileError::MissingFields { missing, headers, .. } => format!(
                "{name}, line 1 (the header): no column found for the {}. Headers found: {}.",
                missing.join(", nor for the "),
                headers.join(", ")
            ),
            FileError::MappedHeaderMissing { field, header, headers, .. } => format!(
                "{name}, line 1 (the header): the {field} is mapped to the column “{header}”, which this file does not have. Headers found: {}.",
                headers.join(", ")
            ),
            other => other.to_string(),
        };
        FileProblem {
            file: name.to_owned(),
            message,
            error: Some(error.message()),
            read_error: None,
            missing,
            headers: error.headers().to_vec(),
            sheet: None,
        }
    }

    /// A file said by the engine's `message`: not a CSV export, a workbook that cannot be read.
    fn said(name: &str, message: engine::Message) -> Self {
        FileProblem {
            file: name.to_owned(),
            message: message.to_string(),
            error: Some(message),
            read_error: None,
            missing: Vec::new(),
            headers: Vec::new(),
            sheet: None,
        }
    }

    /// Whether the file was not counted at all because it is not a CSV export or a workbook that can be read.
    pub fn not_text(&self) -> bool {
        let id = self.error.as_ref().map(|m| m.id.as_str());
        matches!(id, Some("error-not-csv" | "error-workbook" | "error-workbook-too-large"))
    }

    fn unreadable(name: &str, error: String) -> Self {
        FileProblem {
            file: name.to_owned(),
            message: format!("{name}: could not be read ({error})"),
            error: None,
            read_error: Some(error),
            missing: Vec::new(),
            headers: Vec::new(),
            sheet: None,
        }
    }
}

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Update {
    /// Bytes read so far of all files, and rows counted so far.
    Progress { run: u32, done: u64, total: u64, rows: u64 },
    /// The run is complete. Files listed in `problems` were left out; the others are counted.
    Ready { run: u32, report: Box<Report>, problems: Vec<FileProblem> },
    /// The run was cancelled; the last report stays on screen.
    Cancelled { run: u32 },
    /// Nothing could be counted.
    Failed { run: u32, reason: FailReason },
    /// The rows of one profile, and where it stands on the as-of date. `run` is the explain
    /// request's own number ([`Job::Explain`]), never a count's.
    Explained { run: u32, explanation: Explanation },
    /// An explanation that cannot be given: no run of files is complete in this worker. `run` is the
    /// explain request's number; a count's run is never touched by it.
    ExplainFailed { run: u32 },
    /// Bytes of profile records read so far, and lines seen (a profile run's [`Update::Progress`]).
    ProfilesProgress { run: u32, done: u64, total: u64, records: u64 },
    /// The Profiles report of a [`Job::Profiles`], [`Job::ProfilesDemo`] or [`Job::ProfilesRecount`].
    ProfilesReady { run: u32, report: Box<engine::aep::ProfilesReport> },
    /// A profile run that made no report: nothing counted yet (a recount), or a file the browser could not read.
    ProfilesFailed { run: u32, reason: FailReason },
    /// Bytes of engagement events read so far, and lines seen.
    EngageableProgress { run: u32, done: u64, total: u64, events: u64 },
    /// The Engageable profiles report of a [`Job::Engageable`], [`Job::EngageableDemo`] or [`Job::EngageableRecount`],
    /// and what reading each file of events found (one per file of the run, in order; none for the demo).
    EngageableReady { run: u32, report: Box<engine::engage::EngageableReport>, files: Vec<EventFileRead> },
    /// An engageable run that made no report (a recount before anything was counted).
    EngageableFailed { run: u32, reason: FailReason },
    /// A share of a profile run is counted (the answer to a [`Job::ProfilesUnit`]).
    ProfilesCounted { run: u32, unit: usize, counted: Counted },
    /// The answer of a [`Job::ProfilesExplain`] (its own number).
    ProfilesExplained { run: u32, explained: Box<engine::aep::Explained> },
    /// A unit of the run is counted (the answer to a [`Job::Unit`]); its progress came as [`Update::Progress`] for the unit's bytes.
    Counted { run: u32, unit: usize, counted: Counted, problems: Vec<FileProblem> },
}

/// Why a run ended without a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FailReason {
    /// The options cannot be used: the engine's words (an unknown time zone, say).
    Options(String),
    /// A recount was asked before any file was counted.
    NothingCounted,
    /// The worker died (said by the page, with the browser's error): out of memory, a fault in its WebAssembly.
    WorkerStopped(String),
    /// No file of the run is a CSV export or a workbook that can be read (a PDF, an image): why, per file.
    NotText(Vec<FileProblem>),
}

/// The answer to "explain a profile".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub query: String,
    /// The date the standing is for (the report's as-of date).
    pub as_of: Option<String>,
    /// In date order, then file and line; a counted row after the as-of date says so ([`engine::rows_on`]).
    pub rows: Vec<engine::ExplainedRow>,
    pub standing: Vec<engine::Standing>,
}

impl Explanation {
    /// Explains a profile from rows read by an [`engine::Explain`].
    pub fn new(query: &str, as_of: Option<chrono::NaiveDate>, explain: &engine::Explain) -> Self {
        Explanation {
            query: query.to_owned(),
            as_of: as_of.map(|d| d.to_string()),
            rows: explain.rows_on(as_of),
            standing: as_of.map(|d| explain.standing(d)).unwrap_or_default(),
        }
    }
}

/// Messages the worker is sent with: structured clone (serde-wasm-bindgen), so
/// that `File` handles pass through instead of being encoded.
pub struct StructuredClone;

impl gloo::worker::Codec for StructuredClone {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Serialising the worker's own message types cannot fail: no maps with
        // non-string keys, no values serde-wasm-bindgen rejects.
        serde_wasm_bindgen::to_value(&input).unwrap_or(JsValue::NULL)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        match serde_wasm_bindgen::from_value(input) {
            Ok(value) => value,
            Err(e) => wasm_bindgen::throw_str(&format!("malformed worker message: {e}")),
        }
    }
}

#[derive(Default)]
struct Shared {
    /// The run that is allowed to go on; a cancelled or superseded run stops at its next slice.
    current: u32,
    /// The counting state of the last complete run.
    counter: Option<Counter>,
    /// The files and options of the last run, for explaining a profile.
    inputs: Option<Inputs>,
    /// The deliveries table read for a run's units (each worker reads it once per run).
    deliveries: Option<(u32, Result<Deliveries, FileProblem>)>,
    /// Counters of units this worker counted and keeps for its own merge: (run, unit, counter).
    kept: Vec<(u32, usize, Counter)>,
    /// The profile run that is allowed to go on (its own sequence, beside `current`).
    profiles_current: u32,
    /// The profile counter of the last complete profile run.
    profiles: Option<engine::aep::ProfileCounter>,
    /// The share this worker counted of a profile run it merges: (run, counter).
    profiles_kept: Option<(u32, engine::aep::ProfileCounter)>,
    /// The engageable run that is allowed to go on (its own sequence).
    engage_current: u32,
    /// The event counter (and stitching) of the last complete engageable run.
    engaged: Option<crate::events::Engaged>,
}

/// What a run read: explaining a profile reads the same again.
#[derive(Clone)]
struct Inputs {
    logs: Vec<FileHandle>,
    deliveries: Option<FileHandle>,
    options: Options,
}

/// The worker. Its state is shared with the run in progress (an async task).
pub struct CountWorker {
    shared: Rc<RefCell<Shared>>,
}

impl Worker for CountWorker {
    type Message = ();
    type Input = Job;
    type Output = Update;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        wasm_bindgen_futures::spawn_local(async { warm_up() });
        CountWorker { shared: Rc::default() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
        let task = Task { shared: self.shared.clone(), scope: scope.clone(), id };
        match job {
            Job::Count { run, logs, deliveries, options, settings } => {
                self.shared.borrow_mut().current = run;
                wasm_bindgen_futures::spawn_local(async move {
                    let update = task.count(run, logs, deliveries, options, settings).await;
                    task.scope.respond(id, update);
                });
            }
            Job::Unit(job) => {
                let mut shared = self.shared.borrow_mut();
                if shared.current != job.run {
                    shared.current = job.run;
                    shared.kept.clear();
                }
                drop(shared);
                wasm_bindgen_futures::spawn_local(async move {
                    let update = task.unit(job).await;
                    task.scope.respond(id, update);
                });
            }
            Job::Merge { run, plan, counted, logs, deliveries, options, settings } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let update = task.merge(run, plan, counted, Inputs { logs, deliveries, options }, settings).await;
                    task.scope.respond(id, update);
                });
            }
            Job::Recount { run, settings } => {
                let update = match &self.shared.borrow().counter {
                    Some(counter) => {
                        Update::Ready { run, report: Box::new(counter.report(&settings)), problems: Vec::new() }
                    }
                    None => Update::Failed { run, reason: FailReason::NothingCounted },
                };
                scope.respond(id, update);
            }
            Job::Explain { run, query, as_of } => {
                let Some(inputs) = self.shared.borrow().inputs.clone() else {
                    scope.respond(id, Update::ExplainFailed { run });
                    return;
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let update = task.explain(run, inputs, &query, as_of).await;
                    task.scope.respond(id, update);
                });
            }
            Job::Profiles { run, files, settings } => {
                self.shared.borrow_mut().profiles_current = run;
                wasm_bindgen_futures::spawn_local(async move {
                    // A cancelled profile run answers nothing: the page has gone back to its report.
                    if let Some(update) = task.profiles(run, files, settings).await {
                        task.scope.respond(id, update);
                    }
                });
            }
            Job::ProfilesUnit { run, unit, files, keep } => {
                self.shared.borrow_mut().profiles_current = run;
                wasm_bindgen_futures::spawn_local(async move {
                    let total: u64 = files.iter().map(|f| f.handle.size()).sum();
                    let mut progress = task.progress(run, total);
                    progress.profiles = true;
                    let Some(counter) = task.read_profiles(run, &files, &mut progress).await else { return };
                    let counted = if keep {
                        task.shared.borrow_mut().profiles_kept = Some((run, counter));
                        Counted::Here
                    } else {
                        match bincode::serialize(&counter) {
                            Ok(bytes) => Counted::Bytes(js_sys::Uint8Array::from(&bytes[..]).into()),
                            Err(_) => Counted::Missing,
                        }
                    };
                    task.scope.respond(id, Update::ProfilesCounted { run, unit, counted });
                });
            }
            Job::ProfilesMerge { run, counted, units, settings } => {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(update) = task.merge_profiles(run, counted, units, settings).await {
                        task.scope.respond(id, update);
                    }
                });
            }
            Job::ProfilesDemo { run, settings } => {
                // Small and generated: counted at once (a later job waits for it), and kept like a file run's.
                let counter = crate::aep::demo_counter();
                let report = counter.report(&settings);
                let mut shared = self.shared.borrow_mut();
                shared.profiles_current = run;
                shared.profiles = Some(counter);
                drop(shared);
                scope.respond(id, Update::ProfilesReady { run, report: Box::new(report) });
            }
            Job::ProfilesRecount { run, settings } => {
                let update = match &self.shared.borrow().profiles {
                    Some(counter) => Update::ProfilesReady { run, report: Box::new(counter.report(&settings)) },
                    None => Update::ProfilesFailed { run, reason: FailReason::NothingCounted },
                };
                scope.respond(id, update);
            }
            Job::ProfilesExplain { run, settings, namespace, id: identity } => {
                let explained = match &self.shared.borrow().profiles {
                    Some(counter) => crate::aep::explain(counter, &settings, namespace.as_deref(), &identity),
                    None => engine::aep::Explained { namespace, id: identity, profiles: Vec::new() },
                };
                scope.respond(id, Update::ProfilesExplained { run, explained: Box::new(explained) });
            }
            Job::Engageable { run, events, snapshot, sandbox, files, settings } => {
                self.shared.borrow_mut().engage_current = run;
                wasm_bindgen_futures::spawn_local(async move {
                    // A cancelled run answers nothing: the page has gone back to its report.
                    let inputs = crate::events::EventInputs { events, sandbox, files };
                    if let Some(update) = task.engageable(run, inputs, snapshot, settings).await {
                        task.scope.respond(id, update);
                    }
                });
            }
            Job::EngageableDemo { run, settings } => {
                // Small and generated: counted at once, and kept like a file run's.
                let engaged = crate::events::demo();
                let report = engaged.report(&settings);
                let mut shared = self.shared.borrow_mut();
                shared.engage_current = run;
                shared.engaged = Some(engaged);
                drop(shared);
                scope.respond(id, Update::EngageableReady { run, report: Box::new(report), files: Vec::new() });
            }
            Job::EngageableRecount { run, settings } => {
                let update = match &self.shared.borrow().engaged {
                    Some(engaged) => Update::EngageableReady {
                        run,
                        report: Box::new(engaged.report(&settings)),
                        files: engaged.files.clone(),
                    },
                    None => Update::EngageableFailed { run, reason: FailReason::NothingCounted },
                };
                scope.respond(id, update);
            }
            Job::EngageableCancel { run } => {
                let mut shared = self.shared.borrow_mut();
                if shared.engage_current == run {
                    shared.engage_current = run.wrapping_add(1 << 31);
                }
            }
            Job::ProfilesCancel { run } => {
                let mut shared = self.shared.borrow_mut();
                if shared.profiles_current == run {
                    shared.profiles_current = run.wrapping_add(1 << 31);
                }
            }
            Job::Cancel { run } => {
                let mut shared = self.shared.borrow_mut();
                if shared.current == run {
                    shared.current = run.wrapping_add(1 << 31);
                    shared.kept.clear();
                }
            }
        }
    }
}

/// One job in progress: the worker's state and where to answer.
struct Task {
    shared: Rc<RefCell<Shared>>,
    scope: WorkerScope<CountWorker>,
    id: HandlerId,
}

impl Task {
    fn still_current(&self, run: u32) -> bool {
        self.shared.borrow().current == run
    }

    fn progress(&self, run: u32, total: u64) -> Progress<'_> {
        Progress {
            scope: &self.scope,
            id: self.id,
            run,
            done: 0,
            total,
            rows: 0,
            silent: false,
            told_ms: 0.0,
            profiles: false,
            events: false,
        }
    }

    /// Reads files of profile records into a fresh [`engine::aep::ProfileCounter`], each in its
    /// snapshot (its `exportTime=` folder); the answer to a [`Job::Profiles`]. A file that cannot be
    /// read is said in the report's warnings, and the others are still counted.
    async fn profiles(
        &self,
        run: u32,
        files: Vec<RecordHandle>,
        settings: engine::aep::ProfileSettings,
    ) -> Option<Update> {
        let total: u64 = files.iter().map(|f| f.handle.size()).sum();
        let mut progress = self.progress(run, total);
        progress.profiles = true;
        let counter = self.read_profiles(run, &files, &mut progress).await?;
        progress.finish();
        let report = counter.report(&settings);
        self.shared.borrow_mut().profiles = Some(counter);
        Some(Update::ProfilesReady { run, report: Box::new(report) })
    }

    /// Reads files of engagement events, then the profile snapshot's files (for stitching), into a
    /// fresh counter; the answer to a [`Job::Engageable`]. None once the run is cancelled.
    async fn engageable(
        &self,
        run: u32,
        inputs: crate::events::EventInputs,
        snapshot: Vec<RecordHandle>,
        settings: engine::engage::EngageSettings,
    ) -> Option<Update> {
        let total: u64 = inputs.events.iter().chain(&snapshot).map(|f| f.handle.size()).sum();
        let mut progress = self.progress(run, total);
        progress.events = true;
        let still_current = || self.shared.borrow().engage_current == run;
        let (counter, files) = crate::events::count_all(&inputs, &mut progress, &still_current).await?;
        let stitch = if snapshot.is_empty() {
            None
        } else {
            let profiles = crate::events::count_snapshot(&snapshot, &mut progress, &still_current).await;
            if !still_current() {
                return None;
            }
            Some(profiles.stitch_map(&engine::aep::ProfileSettings::default()))
        };
        progress.finish();
        let engaged = crate::events::Engaged { counter, stitch, files: files.clone() };
        let report = engaged.report(&settings);
        self.shared.borrow_mut().engaged = Some(engaged);
        Some(Update::EngageableReady { run, report: Box::new(report), files })
    }

    /// Reads files of profile records, in order, into a fresh counter; None once the run is cancelled.
    async fn read_profiles(
        &self,
        run: u32,
        files: &[RecordHandle],
        progress: &mut Progress<'_>,
    ) -> Option<engine::aep::ProfileCounter> {
        let still_current = || self.shared.borrow().profiles_current == run;
        let mut counter = engine::aep::ProfileCounter::new();
        for file in files {
            let snapshot = engine::aep::snapshot_of(&file.path);
            crate::aep::count_records(&mut counter, file, snapshot.as_deref(), progress, &still_current).await;
            if !still_current() {
                return None;
            }
        }
        Some(counter)
    }

    /// Merges the shares of a profile run in order; the answer to a [`Job::ProfilesMerge`].
    async fn merge_profiles(
        &self,
        run: u32,
        counted: Vec<Counted>,
        units: Vec<Vec<RecordHandle>>,
        settings: engine::aep::ProfileSettings,
    ) -> Option<Update> {
        if self.shared.borrow().profiles_current != run {
            return None;
        }
        let mut merged = engine::aep::ProfileCounter::new();
        for (unit, counted) in counted.into_iter().enumerate() {
            let share = match counted {
                Counted::Here => match self.shared.borrow_mut().profiles_kept.take() {
                    Some((r, counter)) if r == run => Some(counter),
                    _ => None,
                },
                Counted::Bytes(bytes) => bincode::deserialize(&js_sys::Uint8Array::new(&bytes).to_vec()).ok(),
                Counted::Missing => None,
            };
            let share = match share {
                Some(counter) => counter,
                // Still counted right: the share's files are read again here (slower, silently).
                None => {
                    let files = units.get(unit).cloned().unwrap_or_default();
                    let mut progress = self.progress(run, 0);
                    progress.silent = true;
                    self.read_profiles(run, &files, &mut progress).await?
                }
            };
            merged.merge(share);
        }
        let report = merged.report(&settings);
        self.shared.borrow_mut().profiles = Some(merged);
        Some(Update::ProfilesReady { run, report: Box::new(report) })
    }

    /// Reads every file into a fresh counter; the answer to a [`Job::Count`].
    async fn count(
        &self,
        run: u32,
        logs: Vec<FileHandle>,
        deliveries: Option<FileHandle>,
        options: Options,
        settings: ReportSettings,
    ) -> Update {
        let mut counter = match Counter::try_new(options.clone()) {
            Ok(counter) => counter,
            Err(message) => return Update::Failed { run, reason: FailReason::Options(message) },
        };
        let total: u64 = logs.iter().chain(deliveries.iter()).map(FileHandle::size).sum();
        let mut progress = self.progress(run, total);
        let still_current = || self.still_current(run);
        let mut problems = Vec::new();
        if let Some(handle) = &deliveries {
            match read_deliveries(handle, &options, &mut progress, &still_current).await {
                Ok(table) => counter.set_deliveries(table),
                Err(_) if !still_current() => return Update::Cancelled { run },
                Err(problem) => problems.push(problem),
            }
        }
        let mut not_text = 0;
        for handle in &logs {
            let left_out = count_file(&mut counter, handle, &mut progress, &still_current).await;
            if !left_out.is_empty() && !still_current() {
                return Update::Cancelled { run };
            }
            not_text += usize::from(left_out.iter().any(FileProblem::not_text));
            problems.extend(left_out);
        }
        if !still_current() {
            return Update::Cancelled { run };
        }
        // Only files that are not exports (a PDF dropped by mistake): the report on screen stays, and so
        // does the state it was counted from.
        if !logs.is_empty() && not_text == logs.len() {
            return Update::Failed { run, reason: FailReason::NotText(problems) };
        }
        // Every byte is read (or left out with its file): the page says the report is being made.
        progress.finish();
        let report = counter.report(&settings);
        // Only a complete run replaces the state that recounts and explanations use.
        let mut shared = self.shared.borrow_mut();
        shared.counter = Some(counter);
        shared.inputs = Some(Inputs { logs, deliveries, options });
        Update::Ready { run, report: Box::new(report), problems }
    }

    /// A fresh counter for a unit of `run`, with the deliveries table (read once per run and worker).
    async fn unit_counter(
        &self,
        run: u32,
        deliveries: Option<&FileHandle>,
        options: &Options,
        progress: &mut Progress<'_>,
    ) -> Result<(Counter, Option<FileProblem>), Update> {
        let mut counter = Counter::try_new(options.clone())
            .map_err(|message| Update::Failed { run, reason: FailReason::Options(message) })?;
        let Some(handle) = deliveries else { return Ok((counter, None)) };
        let cached = match &self.shared.borrow().deliveries {
            Some((r, table)) if *r == run => Some(table.clone()),
            _ => None,
        };
        let table = match cached {
            Some(table) => table,
            None => {
                // The deliveries file is read by each worker; its bytes are not the unit's progress.
                progress.silent = true;
                let table = read_deliveries(handle, options, progress, &|| self.still_current(run)).await;
                progress.silent = false;
                if !self.still_current(run) {
                    return Err(Update::Cancelled { run });
                }
                self.shared.borrow_mut().deliveries = Some((run, table.clone()));
                table
            }
        };
        match table {
            Ok(table) => {
                counter.set_deliveries(table);
                Ok((counter, None))
            }
            Err(problem) => Ok((counter, Some(problem))),
        }
    }

    /// Counts one unit of a run cut over several workers; the answer to a [`Job::Unit`].
    async fn unit(&self, job: UnitJob) -> Update {
        let UnitJob { run, unit, work, deliveries, options, keep } = job;
        let total = match &work {
            UnitWork::Files(files) => files.iter().map(FileHandle::size).sum(),
            UnitWork::Part { part, .. } => part.len(),
        };
        let mut progress = self.progress(run, total);
        let (mut counter, deliveries_problem) =
            match self.unit_counter(run, deliveries.as_ref(), &options, &mut progress).await {
                Ok(made) => made,
                Err(update) => return update,
            };
        let still_current = || self.still_current(run);
        let mut problems: Vec<FileProblem> = deliveries_problem.into_iter().collect();
        let counted = match work {
            UnitWork::Files(files) => {
                for handle in &files {
                    problems.extend(count_file(&mut counter, handle, &mut progress, &still_current).await);
                }
                true
            }
            UnitWork::Part { file, head, part } => {
                count_part(&mut counter, &file, &head, &part, &mut progress, &still_current).await.is_ok()
            }
        };
        if !still_current() {
            return Update::Cancelled { run };
        }
        let counted = if !counted {
            Counted::Missing
        } else if keep {
            self.shared.borrow_mut().kept.push((run, unit, counter));
            Counted::Here
        } else {
            match bincode::serialize(&counter) {
                Ok(bytes) => Counted::Bytes(js_sys::Uint8Array::from(&bytes[..]).into()),
                Err(_) => Counted::Missing,
            }
        };
        Update::Counted { run, unit, counted, problems }
    }

    /// Merges the units' counters in file order, reading again what a merge asks for; the answer to a [`Job::Merge`].
    async fn merge(
        &self,
        run: u32,
        plan: engine::plan::Plan,
        counted: Vec<Counted>,
        inputs: Inputs,
        settings: ReportSettings,
    ) -> Update {
        use engine::plan::{FilePlan, Unit};
        if !self.still_current(run) {
            return Update::Cancelled { run };
        }
        let mut kept = std::mem::take(&mut self.shared.borrow_mut().kept);
        // A unit's counter is read from its bytes when its turn comes, so that the counters sent by
        // the other workers are not all in this worker's memory at once.
        let mut counted: Vec<Option<Counted>> = counted.into_iter().map(Some).collect();
        let mut take = |unit: usize| -> Option<Counter> {
            match counted.get_mut(unit)?.take()? {
                Counted::Here => {
                    kept.iter().position(|(r, u, _)| *r == run && *u == unit).map(|i| kept.swap_remove(i).2)
                }
                Counted::Bytes(bytes) => match bincode::deserialize(&js_sys::Uint8Array::new(&bytes).to_vec()) {
                    Ok(counter) => Some(counter),
                    Err(e) => {
                        // Still counted right: the unit's files are read again here (slower).
                        gloo::console::error!(format!(
                            "a worker's counter could not be read ({e}); reading its files again"
                        ));
                        None
                    }
                },
                Counted::Missing => None,
            }
        };
        let Inputs { logs, deliveries, options } = &inputs;
        let mut merged = match Counter::try_new(options.clone()) {
            Ok(counter) => counter,
            Err(message) => return Update::Failed { run, reason: FailReason::Options(message) },
        };
        // Reading again (a range a merge asks for, a unit that was not counted) says no progress.
        let mut progress = self.progress(run, 0);
        progress.silent = true;
        let mut problems = Vec::new();
        let mut seen = vec![false; plan.units.len()];
        for (file, how) in plan.files.iter().enumerate() {
            let Some(handle) = logs.get(file) else { continue };
            let unit_files = |unit: usize| match plan.units.get(unit) {
                Some(Unit::Files(range)) => logs.get(range.clone()).unwrap_or_default().to_vec(),
                _ => vec![handle.clone()],
            };
            let again: Option<Vec<FileHandle>> = match how {
                FilePlan::InGroup(unit) => {
                    if std::mem::replace(&mut seen[*unit], true) {
                        None
                    } else {
                        match take(*unit) {
                            Some(counter) => {
                                merged.merge(counter);
                                None
                            }
                            // Its problems came with the unit; a unit that was not sent at all is read again.
                            None => Some(unit_files(*unit)),
                        }
                    }
                }
                FilePlan::Parts(units) => {
                    let parts: Option<Vec<Counter>> = units.iter().map(|&u| take(u)).collect();
                    let head = plan.heads.get(file).cloned().flatten().unwrap_or_default();
                    let merged_parts = match parts {
                        Some(mut parts) => {
                            self.merge_parts(run, &mut merged, handle, &head, &mut parts, deliveries.as_ref(), options)
                                .await
                        }
                        None => false,
                    };
                    // A range failed (a header that cannot be mapped, a read error, the profile
                    // limit): the file is read again whole, which says what went wrong where.
                    (!merged_parts).then(|| vec![handle.clone()])
                }
            };
            if let Some(files) = again {
                let (mut counter, problem) =
                    match self.unit_counter(run, deliveries.as_ref(), options, &mut progress).await {
                        Ok(made) => made,
                        Err(update) => return update,
                    };
                problems.extend(problem);
                for handle in &files {
                    problems.extend(count_file(&mut counter, handle, &mut progress, &|| self.still_current(run)).await);
                }
                merged.merge(counter);
            }
            if !self.still_current(run) {
                return Update::Cancelled { run };
            }
        }
        let report = merged.report(&settings);
        let mut shared = self.shared.borrow_mut();
        shared.counter = Some(merged);
        shared.inputs = Some(inputs);
        Update::Ready { run, report: Box::new(report), problems }
    }

    /// Merges the ranges of one file into `merged`, reading again the ranges that
    /// [`Counter::merge_parts`] asks for; false (and nothing merged) when one of them fails.
    #[allow(clippy::too_many_arguments)]
    async fn merge_parts(
        &self,
        run: u32,
        merged: &mut Counter,
        handle: &FileHandle,
        head: &[u8],
        parts: &mut Vec<Counter>,
        deliveries: Option<&FileHandle>,
        options: &Options,
    ) -> bool {
        loop {
            match merged.merge_parts(parts) {
                Ok(()) => return true,
                Err(engine::PartsError::Redo(redo)) => {
                    // Said on the console for whoever looks (the end-to-end test does): a range is read twice.
                    gloo::console::info!(format!(
                        "active-profiles: {}: {}",
                        handle.name,
                        engine::PartsError::Redo(redo.clone())
                    ));
                    let mut progress = self.progress(run, 0);
                    progress.silent = true;
                    let Ok((mut counter, _)) = self.unit_counter(run, deliveries, options, &mut progress).await else {
                        return false;
                    };
                    let still_current = || self.still_current(run);
                    if count_part(&mut counter, handle, head, &redo.part, &mut progress, &still_current).await.is_err()
                    {
                        return false;
                    }
                    drop(parts.splice(redo.replaces, [counter]));
                }
                Err(engine::PartsError::Invalid(_)) => return false,
            }
        }
    }

    /// Reads the last run's files again for one profile's rows.
    async fn explain(&self, run: u32, inputs: Inputs, query: &str, as_of: Option<chrono::NaiveDate>) -> Update {
        // Explaining is not cancelled with a count, and reports no progress: it answers once, for its own number.
        let still_here = || true;
        let mut progress = self.progress(run, 0);
        progress.silent = true;
        let mut explain = engine::explain(inputs.options.clone(), query);
        if let Some(handle) = &inputs.deliveries {
            if let Ok(table) = read_deliveries(handle, &inputs.options, &mut progress, &still_here).await {
                explain.set_deliveries(table);
            }
        }
        for handle in &inputs.logs {
            match sniff(handle).await {
                Ok(Content::Text) => {}
                Ok(Content::Workbook(book)) => {
                    for (name, csv) in workbook_sheets(handle, book).await.unwrap_or_default().sheets {
                        let file = explain.begin_file(&name, None);
                        let _ = explain.push(file, &csv);
                        let _ = explain.end_file(file);
                    }
                    continue;
                }
                Ok(Content::Binary(_)) | Err(_) => continue,
            }
            let file = explain.begin_file(&handle.name, None);
            // A file that could not be counted has no rows to explain either.
            let _ =
                read_slices(handle, 0, &mut progress, &still_here, |chunk| explain.push(file, chunk).map(|()| true))
                    .await;
            let _ = explain.end_file(file);
        }
        Update::Explained { run, explanation: Explanation::new(query, as_of, &explain) }
    }
}

/// Rows of the file [`warm_up`] counts.
const WARM_UP_ROWS: u64 = 30_000;

/// Counts a small generated export (as two ranges, merged through bincode) and reports it, once,
/// when the worker starts: the browser compiles the WebAssembly's hot functions with its optimising
/// compiler only once they have run a while, which would otherwise happen during the user's first
/// file (measured: a third slower on a 1-million-row export).
fn warm_up() {
    let mut bytes = Vec::new();
    if engine::generate::generate_log(&engine::generate::GeneratorConfig::benchmark(WARM_UP_ROWS), &mut bytes).is_err()
    {
        return;
    }
    let head = &bytes[..bytes.len().min(engine::split::HEAD_BYTES)];
    let split = engine::Split::new(head, bytes.len() as u64);
    let head = &head[..split.head_len()];
    let mut parts: Vec<Counter> = split
        .parts(2)
        .iter()
        .filter_map(|part| {
            let mut counter = Counter::new(Options::default());
            let file = counter.begin_part("warm-up.csv", None, head, part);
            let rest = bytes.get(part.start as usize..)?;
            for chunk in rest.chunks(SLICE as usize / 4) {
                counter.push(file, chunk).ok()?;
                if counter.part_done(file) {
                    break;
                }
            }
            counter.end_file(file).ok()?;
            bincode::serialize(&counter).ok().and_then(|b| bincode::deserialize(&b).ok())
        })
        .collect();
    let mut merged = Counter::new(Options::default());
    if merged.merge_parts(&mut parts).is_ok() {
        std::hint::black_box(merged.report(&ReportSettings::default()));
    }
}

/// Reads a deliveries file into its table.
async fn read_deliveries(
    handle: &FileHandle,
    options: &Options,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) -> Result<Deliveries, FileProblem> {
    let mut table = Deliveries::new(&handle.name, options);
    read_slices(handle, 0, progress, still_current, |chunk| table.push(chunk).map(|()| true)).await?;
    table.finish().map_err(|e| FileProblem::from_error(&handle.name, &e))?;
    Ok(table)
}

/// Reads one whole file into `counter`: CSV text slice by slice; a workbook whole, each sheet like a
/// CSV file named `book.xlsx › Sheet1`; anything else is said for what it looks like. Returns what
/// was left out and why (nothing when all was counted).
async fn count_file(
    counter: &mut Counter,
    handle: &FileHandle,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) -> Vec<FileProblem> {
    match sniff(handle).await {
        Ok(Content::Text) => {}
        Ok(Content::Workbook(book)) => {
            let engine::workbook::Counted { sheets, empty } = match workbook_sheets(handle, book).await {
                Ok(read) => read,
                Err(problem) => return vec![problem],
            };
            progress.skip(handle.size());
            // An empty sheet is skipped and said in the report's warnings (as the command line does).
            for name in empty {
                counter.warn(engine::workbook::empty_sheet(&name));
            }
            let mut problems = Vec::new();
            for (name, csv) in sheets {
                let file = counter.begin_file(&name, None);
                let pushed = counter.push(file, &csv);
                if let Err(e) = pushed.and(counter.end_file(file)) {
                    // The mapping step previews the sheet: the page cannot read the workbook.
                    let mut problem = FileProblem::from_error(&name, &e);
                    problem.sheet = Some(SheetHead::of(&csv));
                    problems.push(problem);
                }
            }
            return problems;
        }
        Ok(Content::Binary(looks)) => {
            progress.skip(handle.size());
            return vec![FileProblem::said(&handle.name, engine::workbook::not_csv(&handle.name, looks))];
        }
        Err(problem) => return vec![problem],
    }
    let file = counter.begin_file(&handle.name, None);
    let read = read_slices(handle, 0, progress, still_current, |chunk| counter.push(file, chunk).map(|()| true)).await;
    let ended = counter.end_file(file).map_err(|e| FileProblem::from_error(&handle.name, &e));
    read.and(ended).err().into_iter().collect()
}

/// What a file is, from its first bytes (never its name).
async fn sniff(handle: &FileHandle) -> Result<Content, FileProblem> {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(handle.file.clone()));
    let end = (engine::workbook::SNIFF_BYTES as u64).min(blob.size());
    let head = gloo::file::futures::read_as_bytes(&blob.slice(0, end))
        .await
        .map_err(|e| FileProblem::unreadable(&handle.name, e.to_string()))?;
    Ok(engine::workbook::sniff(&head))
}

/// A workbook read whole (a zip cannot be read in slices, hence the limit, asked before reading),
/// as CSV per sheet named `book.xlsx › Sheet1`, and the names of its empty sheets.
async fn workbook_sheets(handle: &FileHandle, book: Book) -> Result<engine::workbook::Counted, FileProblem> {
    let said = |m| FileProblem::said(&handle.name, m);
    engine::workbook::check_size(&handle.name, handle.size()).map_err(said)?;
    let blob = gloo::file::Blob::from(web_sys::Blob::from(handle.file.clone()));
    let bytes = gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|e| FileProblem::unreadable(&handle.name, e.to_string()))?;
    engine::workbook::counted_sheets(&handle.name, book, bytes).map_err(said)
}

/// Reads one byte range of a file into `counter` (see [`Counter::begin_part`]).
async fn count_part(
    counter: &mut Counter,
    handle: &FileHandle,
    head: &[u8],
    part: &engine::Part,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
) -> Result<(), FileProblem> {
    let file = counter.begin_part(&handle.name, None, head, part);
    read_slices(handle, part.start, progress, still_current, |chunk| {
        counter.push(file, chunk)?;
        Ok(!counter.part_done(file))
    })
    .await?;
    counter.end_file(file).map_err(|e| FileProblem::from_error(&handle.name, &e))
}

/// Tells the page how far a run has read, once a slice.
pub(crate) struct Progress<'a> {
    scope: &'a WorkerScope<CountWorker>,
    id: HandlerId,
    run: u32,
    done: u64,
    total: u64,
    rows: u64,
    /// Count without telling the page.
    silent: bool,
    /// When the page was last told (`Date.now()`).
    told_ms: f64,
    /// A profile run: told as [`Update::ProfilesProgress`].
    profiles: bool,
    /// An engageable run: told as [`Update::EngageableProgress`].
    events: bool,
}

impl Progress<'_> {
    /// Tells the page that every byte is done, including those of files left out part way.
    fn finish(&mut self) {
        if !self.silent && self.done < self.total {
            self.done = self.total;
            self.tell();
        }
    }

    /// Counts the bytes of a file read whole (a workbook) or not read (not an export).
    pub(crate) fn skip(&mut self, bytes: u64) {
        if self.silent {
            return;
        }
        self.done = (self.done + bytes).min(self.total);
        self.tell();
    }

    pub(crate) fn advance(&mut self, chunk: &[u8]) {
        if self.silent {
            return;
        }
        // A range reads on past its end to finish its last record: that is the next range's progress.
        let chunk = &chunk[..chunk.len().min(self.total.saturating_sub(self.done) as usize)];
        self.done += chunk.len() as u64;
        // Line feeds stand in for rows while reading; the report has the exact count.
        self.rows += memchr::memchr_iter(b'\n', chunk).count() as u64;
        // The page redraws its progress bar on every update: a few times a second is enough.
        let now = js_sys::Date::now();
        if now - self.told_ms < PROGRESS_EVERY_MS && self.done < self.total {
            return;
        }
        self.told_ms = now;
        self.tell();
    }

    fn tell(&self) {
        let (run, done, total) = (self.run, self.done, self.total);
        let update = if self.events {
            Update::EngageableProgress { run, done, total, events: self.rows }
        } else if self.profiles {
            Update::ProfilesProgress { run, done, total, records: self.rows }
        } else {
            Update::Progress { run, done, total, rows: self.rows }
        };
        self.scope.respond(self.id, update);
    }
}

/// How a read slice by slice ([`slices`]) stopped before the end of its file.
pub(crate) enum Stopped<E> {
    /// The run is no longer current.
    Cancelled,
    /// The browser could not read a slice (its error).
    Unreadable(String),
    /// The sink refused a slice (its error); that slice is not in the progress.
    Sink(E),
}

/// Reads one file from byte `start` slice by slice into `sink` while it answers true, yielding
/// between slices; stops when the run is no longer current. The next slice is read while this one
/// is counted: a worker that waited for each read would spend a good part of its time idle.
pub(crate) async fn slices<E>(
    file: &web_sys::File,
    start: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    mut sink: impl FnMut(&[u8]) -> Result<bool, E>,
) -> Result<(), Stopped<E>> {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file.clone()));
    let size = blob.size();
    let read_from = |start: u64| {
        let end = (start + SLICE).min(size);
        (end, gloo::file::futures::read_as_bytes(&blob.slice(start, end)))
    };
    let mut pending = (start < size).then(|| read_from(start));
    while let Some((end, reading)) = pending.take() {
        if !still_current() {
            return Err(Stopped::Cancelled);
        }
        let chunk = reading.await.map_err(|e| Stopped::Unreadable(e.to_string()))?;
        if end < size {
            pending = Some(read_from(end));
        }
        let more = sink(&chunk).map_err(Stopped::Sink)?;
        progress.advance(&chunk);
        if !more {
            break;
        }
    }
    Ok(())
}

/// [`slices`] of a delivery log, its problems said as a file's.
async fn read_slices(
    handle: &FileHandle,
    start: u64,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    sink: impl FnMut(&[u8]) -> Result<bool, FileError>,
) -> Result<(), FileProblem> {
    slices(&handle.file, start, progress, still_current, sink).await.map_err(|stopped| match stopped {
        Stopped::Cancelled => FileProblem::unreadable(&handle.name, "cancelled".into()),
        Stopped::Unreadable(e) => FileProblem::unreadable(&handle.name, e),
        Stopped::Sink(e) => FileProblem::from_error(&handle.name, &e),
    })
}
