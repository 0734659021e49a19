//! What the page and the counting workers say to each other: the [`Job`]s asked, the [`Update`]s answered, the file handles they carry, and the codec that moves them (structured clone).

use engine::{FileError, Options, Report, ReportSettings};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

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

    pub(crate) fn size(&self) -> u64 {
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
    /// Generate and count the Campaign demo ([`crate::demo::demo_counter`]) with these options and
    /// report it (an [`Update::Ready`]); nothing is kept: small and generated, it is counted again
    /// for other settings. The first screen's report, with the default settings, was counted at
    /// build time ([`crate::demo_report`]).
    Demo { run: u32, options: Options, settings: ReportSettings },
    /// Read the Campaign demo again for the rows of one profile (an [`Update::Explained`]).
    DemoExplain { run: u32, options: Options, query: String, as_of: Option<chrono::NaiveDate> },
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
    pub(crate) fn of(csv: &[u8]) -> Self {
        SheetHead { csv: csv[..csv.len().min(SHEET_HEAD_BYTES)].to_vec(), whole: csv.len() <= SHEET_HEAD_BYTES }
    }
}

impl FileProblem {
    pub(crate) fn from_error(name: &str, error: &FileError) -> Self {
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
    pub(crate) fn said(name: &str, message: engine::Message) -> Self {
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

    pub(crate) fn unreadable(name: &str, error: String) -> Self {
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
