//! The counting worker: reads the chosen files in slices, off the page's thread, into the engine.
//!
//! The page sends a [`Job`]; the worker answers with [`Update`]s. Files travel
//! as `File` handles (structured-cloned by the browser, never copied into a
//! message), and the worker reads them 1 MiB at a time with `Blob.slice`, so a
//! file is never held whole. Between two slices the worker yields to its event
//! loop, which is how a [`Job::Cancel`] gets in. The counting state stays in
//! the worker after a run, so that [`Job::Recount`] answers a change of
//! as-of date, billing day or purchased number without reading again.

use std::cell::RefCell;
use std::rc::Rc;

use engine::{Counter, Deliveries, FileError, Options, Report, ReportSettings};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// How many bytes the worker reads at a time.
pub const SLICE: u64 = 1 << 20;

/// Where the worker's script is, next to the page.
pub const WORKER_PATH: &str = "./worker.js";

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
        }
    }

    fn unreadable(name: &str, error: String) -> Self {
        FileProblem {
            file: name.to_owned(),
            message: format!("{name}: could not be read ({error})"),
            error: None,
            read_error: Some(error),
            missing: Vec::new(),
            headers: Vec::new(),
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
    /// The rows of one profile, and where it stands on the as-of date.
    Explained { run: u32, explanation: Explanation },
}

/// Why a run ended without a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FailReason {
    /// The options cannot be used: the engine's words (an unknown time zone, say).
    Options(String),
    /// A recount or an explanation was asked before any file was counted.
    NothingCounted,
    /// The worker died (said by the page, with the browser's error): out of memory, a fault in its WebAssembly.
    WorkerStopped(String),
}

/// The answer to "explain a profile".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub query: String,
    /// The date the standing is for (the report's as-of date).
    pub as_of: Option<String>,
    pub rows: Vec<engine::ExplainedRow>,
    pub standing: Vec<engine::Standing>,
}

impl Explanation {
    /// Explains a profile from rows read by an [`engine::Explain`].
    pub fn new(query: &str, as_of: Option<chrono::NaiveDate>, explain: &engine::Explain) -> Self {
        Explanation {
            query: query.to_owned(),
            as_of: as_of.map(|d| d.to_string()),
            rows: explain.rows().to_vec(),
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
        CountWorker { shared: Rc::default() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
        match job {
            Job::Count { run, logs, deliveries, options, settings } => {
                self.shared.borrow_mut().current = run;
                let shared = self.shared.clone();
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let update = count(&shared, &scope, id, run, logs, deliveries, options, settings).await;
                    scope.respond(id, update);
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
                    scope.respond(id, Update::Failed { run, reason: FailReason::NothingCounted });
                    return;
                };
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let update = explain(&scope, id, run, inputs, &query, as_of).await;
                    scope.respond(id, update);
                });
            }
            Job::Cancel { run } => {
                let mut shared = self.shared.borrow_mut();
                if shared.current == run {
                    shared.current = run.wrapping_add(1 << 31);
                }
            }
        }
    }
}

/// Reads every file into a fresh counter; the answer to a [`Job::Count`].
#[allow(clippy::too_many_arguments)]
async fn count(
    shared: &Rc<RefCell<Shared>>,
    scope: &WorkerScope<CountWorker>,
    id: HandlerId,
    run: u32,
    logs: Vec<FileHandle>,
    deliveries: Option<FileHandle>,
    options: Options,
    settings: ReportSettings,
) -> Update {
    let still_current = || shared.borrow().current == run;
    let mut counter = match Counter::try_new(options.clone()) {
        Ok(counter) => counter,
        Err(message) => return Update::Failed { run, reason: FailReason::Options(message) },
    };
    let total: u64 = logs.iter().chain(deliveries.iter()).map(FileHandle::size).sum();
    let mut progress = Progress { scope, id, run, done: 0, total, rows: 0, silent: false };
    let mut problems = Vec::new();

    if let Some(handle) = &deliveries {
        let mut table = Deliveries::new(&handle.name, &options);
        let read = read_slices(handle, &mut progress, &still_current, |chunk| table.push(chunk)).await;
        match read.and_then(|()| table.finish().map_err(|e| FileProblem::from_error(&handle.name, &e))) {
            Ok(()) => counter.set_deliveries(table),
            Err(_) if !still_current() => return Update::Cancelled { run },
            Err(problem) => problems.push(problem),
        }
    }
    for handle in &logs {
        let file = counter.begin_file(&handle.name, None);
        let read = read_slices(handle, &mut progress, &still_current, |chunk| counter.push(file, chunk)).await;
        let ended = counter.end_file(file).map_err(|e| FileProblem::from_error(&handle.name, &e));
        match read.and(ended) {
            Ok(()) => {}
            Err(_) if !still_current() => return Update::Cancelled { run },
            Err(problem) => problems.push(problem),
        }
    }
    if !still_current() {
        return Update::Cancelled { run };
    }
    let report = counter.report(&settings);
    // Only a complete run replaces the state that recounts and explanations use.
    let mut shared = shared.borrow_mut();
    shared.counter = Some(counter);
    shared.inputs = Some(Inputs { logs, deliveries, options });
    Update::Ready { run, report: Box::new(report), problems }
}

/// Reads the last run's files again for one profile's rows.
async fn explain(
    scope: &WorkerScope<CountWorker>,
    id: HandlerId,
    run: u32,
    inputs: Inputs,
    query: &str,
    as_of: Option<chrono::NaiveDate>,
) -> Update {
    // Explaining is not cancelled with a count, and reports no progress: it answers once, for its own number.
    let still_here = || true;
    let mut progress = Progress { scope, id, run, done: 0, total: 0, rows: 0, silent: true };
    let mut explain = engine::explain(inputs.options.clone(), query);
    if let Some(handle) = &inputs.deliveries {
        let mut table = Deliveries::new(&handle.name, &inputs.options);
        let read = read_slices(handle, &mut progress, &still_here, |chunk| table.push(chunk)).await;
        if read.is_ok() && table.finish().is_ok() {
            explain.set_deliveries(table);
        }
    }
    for handle in &inputs.logs {
        let file = explain.begin_file(&handle.name, None);
        // A file that could not be counted has no rows to explain either.
        let _ = read_slices(handle, &mut progress, &still_here, |chunk| explain.push(file, chunk)).await;
        let _ = explain.end_file(file);
    }
    Update::Explained { run, explanation: Explanation::new(query, as_of, &explain) }
}

/// Tells the page how far a run has read, once a slice.
struct Progress<'a> {
    scope: &'a WorkerScope<CountWorker>,
    id: HandlerId,
    run: u32,
    done: u64,
    total: u64,
    rows: u64,
    /// Count without telling the page.
    silent: bool,
}

impl Progress<'_> {
    fn advance(&mut self, chunk: &[u8]) {
        self.done += chunk.len() as u64;
        if self.silent {
            return;
        }
        // Line feeds stand in for rows while reading; the report has the exact count.
        self.rows += chunk.iter().filter(|b| **b == b'\n').count() as u64;
        self.scope
            .respond(self.id, Update::Progress { run: self.run, done: self.done, total: self.total, rows: self.rows });
    }
}

/// Reads one file slice by slice into `sink`, yielding between slices; stops when the run is no longer current.
async fn read_slices(
    handle: &FileHandle,
    progress: &mut Progress<'_>,
    still_current: &dyn Fn() -> bool,
    mut sink: impl FnMut(&[u8]) -> Result<(), FileError>,
) -> Result<(), FileProblem> {
    let blob = gloo::file::Blob::from(web_sys::Blob::from(handle.file.clone()));
    let size = blob.size();
    // A read starts when it is asked for: the next slice is read while this one is counted.
    let read_from = |start: u64| {
        let end = (start + SLICE).min(size);
        (end, gloo::file::futures::read_as_bytes(&blob.slice(start, end)))
    };
    let mut pending = (size > 0).then(|| read_from(0));
    while let Some((end, reading)) = pending.take() {
        if !still_current() {
            return Err(FileProblem::unreadable(&handle.name, "cancelled".into()));
        }
        let chunk = reading.await.map_err(|e| FileProblem::unreadable(&handle.name, e.to_string()))?;
        if end < size {
            pending = Some(read_from(end));
        }
        sink(&chunk).map_err(|e| FileProblem::from_error(&handle.name, &e))?;
        progress.advance(&chunk);
    }
    Ok(())
}
