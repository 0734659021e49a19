//! The Journey Optimizer *Profiles* report's part of the viewer's state, and how a drop is sorted between the two reports.
//!
//! Like the Campaign report, its work is written into a request (here
//! [`ProfilesState::requests`]) that the app's one effect sends; the worker
//! keeps the counter, so a change of settings is a recount and *Explain an
//! identity* reads nothing again. The demo too is generated and counted in the
//! worker ([`Job::ProfilesDemo`]): the page holds no profile counter, so the
//! app's WebAssembly carries no AEP reader.

use std::rc::Rc;

use engine::aep::{Explained, InputKind, ProfileSettings, ProfilesReport, Stitching};

use crate::protocol::{FailReason, FileHandle, Job, RecordHandle, Update};
use crate::run::{Notice, Run};

/// The two reports of the page, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Adobe Campaign's active profiles, from delivery logs.
    #[default]
    Campaign,
    /// Journey Optimizer's *Profiles* dashboard, from profile records.
    Profiles,
    /// Journey Optimizer's engageable profiles (its licence metric), from engagement events.
    Engageable,
}

/// A file given to the page (dropped, or picked alone or in a folder), with its first bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub file: web_sys::File,
    /// Its path inside the folder dropped or picked (`dataset/exportTime=…/part-00000.json`), else its name.
    pub path: String,
    /// Its first bytes ([`crate::aep::HEAD_BYTES`]): what the file is comes from them, never its name.
    pub head: Vec<u8>,
}

/// Which report a file goes to, from its first bytes: JSON, gzip and Parquet are profile records;
/// delivery-log CSVs, workbooks and anything else go to the Campaign report (which says what a
/// file that is not an export looks like).
pub fn is_profile_records(head: &[u8]) -> bool {
    matches!(engine::aep::sniff(head), InputKind::Json | InputKind::Gzip | InputKind::Parquet)
}

/// Whether plain JSON looks like engagement events (journey step events or message executions) rather
/// than profile records; compressed and Parquet files cannot be told by their first bytes.
pub fn is_events(head: &[u8]) -> bool {
    let has = |s: &[u8]| memchr::memmem::find(head, s).is_some();
    engine::aep::sniff(head) == InputKind::Json
        && (has(b"\"stepEvents\"") || has(b"\"journeyOrchestration\"") || has(b"\"messageExecution\""))
}

/// What was given, split by the report it goes to, each in the order given.
#[derive(Default)]
pub struct Routed {
    pub logs: Vec<web_sys::File>,
    pub records: Vec<RecordHandle>,
    pub events: Vec<RecordHandle>,
}

/// Splits what was given. In the Engageable profiles tab every file is engagement events (JSON,
/// gzip, Parquet or CSV); elsewhere plain JSON of step events goes to that report, other JSON,
/// gzip and Parquet to the Profiles report, and the rest to the Campaign report.
pub fn route(given: Vec<Given>, tab: Tab) -> Routed {
    let mut out = Routed::default();
    for g in given {
        let handle = || RecordHandle { path: g.path.clone(), handle: FileHandle::new(g.file.clone()) };
        if tab == Tab::Engageable || is_events(&g.head) {
            out.events.push(handle());
        } else if is_profile_records(&g.head) {
            out.records.push(handle());
        } else {
            out.logs.push(g.file);
        }
    }
    out
}

/// What the Profiles report is of.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum ProfilesSource {
    /// Nothing yet: the demo is counted when the tab is first opened.
    #[default]
    Empty,
    /// The generated AEP export ([`crate::aep::demo_spec`]), counted in the worker ([`Job::ProfilesDemo`]).
    Demo,
    /// Files of profile records, counted in the worker.
    Files(Vec<RecordHandle>),
}

/// The Profiles report's settings as the page keeps them: the engine's, always with the other
/// stitching compared (the view shows `graph` against `none`).
pub fn default_settings() -> ProfileSettings {
    ProfileSettings { compare: true, ..ProfileSettings::default() }
}

/// The Profiles report's part of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfilesState {
    pub source: ProfilesSource,
    pub report: Rc<ProfilesReport>,
    pub settings: ProfileSettings,
    pub run: Run,
    /// The number of the last profile run (its own sequence: it never stops a count of delivery logs).
    pub last_run: u32,
    /// Jobs of this report for the worker, in order; the app sends them when they change.
    pub requests: Vec<Job>,
    /// What produced the report on screen while other files are read: Cancel goes back to it.
    pub shown: Option<(ProfilesSource, Rc<ProfilesReport>)>,
    /// *Explain an identity*: the identity asked (namespace, id) while the answer is on its way.
    pub explaining: Option<(Option<String>, String)>,
    pub explained: Option<Rc<Explained>>,
    pub explain_run: u32,
}

impl Default for ProfilesState {
    fn default() -> Self {
        ProfilesState {
            source: ProfilesSource::Empty,
            report: Rc::default(),
            settings: default_settings(),
            run: Run::Idle,
            last_run: 0,
            requests: Vec::new(),
            shown: None,
            explaining: None,
            explained: None,
            explain_run: 0,
        }
    }
}

/// The Profiles report's own controls.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfilesAction {
    /// Back to the demo export.
    Demo,
    Stitching(Stitching),
    /// Unique namespaces, as typed (comma-separated).
    Unique(String),
    /// Pseudonymous namespaces, as typed (comma-separated).
    Pseudonymous(String),
    /// The snapshot time of files outside an `exportTime=` folder (`YYYY-MM-DDTHH:MM`, UTC), or none.
    SnapshotTime(Option<String>),
    /// Show identity values (examples, hubs, explanations): personal data, asked each visit.
    ShowIdentities(bool),
    /// *Explain an identity*: an optional namespace and the id.
    Explain {
        namespace: Option<String>,
        id: String,
    },
    /// Close the explanation.
    CloseExplain,
    /// Stop the read in progress.
    Cancel,
}

/// A namespace list as typed: trimmed, empty entries dropped, each once, in order.
pub fn namespaces(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ns in typed.split(',').map(str::trim).filter(|ns| !ns.is_empty()) {
        if !out.iter().any(|o| o == ns) {
            out.push(ns.to_string());
        }
    }
    out
}

impl ProfilesState {
    /// The state with the demo asked of the worker, if nothing is there yet.
    pub fn with_demo(mut self) -> Self {
        if self.source == ProfilesSource::Empty {
            self = self.demo();
        }
        self
    }

    /// True once the report on screen is complete for the current files and settings.
    pub fn ready(&self) -> bool {
        matches!(self.run, Run::Idle)
    }

    /// The demo, asked of the worker (a new run, like a recount: the report on screen stays until
    /// its answer, [`Update::ProfilesReady`]); a read in progress stops.
    fn demo(mut self) -> Self {
        if matches!(self.run, Run::Reading { run, .. } if run == self.last_run) {
            self.requests.push(Job::ProfilesCancel { run: self.last_run });
        }
        self.source = ProfilesSource::Demo;
        self.explained = None;
        self.explaining = None;
        self.shown = None;
        self.last_run += 1;
        self.run = Run::Recounting { run: self.last_run };
        self.requests.push(Job::ProfilesDemo { run: self.last_run, settings: self.settings.clone() });
        self
    }

    /// Files of profile records were given: they are read (a new run).
    pub fn open(mut self, files: Vec<RecordHandle>) -> Self {
        // What Cancel goes back to (the demo, asked again, when nothing was shown yet).
        if !matches!(self.run, Run::Reading { .. }) {
            self.shown = Some((self.source.clone(), self.report.clone()));
        }
        self.source = ProfilesSource::Files(files);
        self.explained = None;
        self.explaining = None;
        self.read()
    }

    fn read(mut self) -> Self {
        let ProfilesSource::Files(files) = &self.source else { return self };
        self.last_run += 1;
        let now = crate::run::js_now();
        let total = files.iter().map(|f| f.handle.file.size() as u64).sum();
        self.run = Run::Reading { run: self.last_run, done: 0, total, rows: 0, started_ms: now, now_ms: now };
        self.requests.push(Job::Profiles { run: self.last_run, files: files.clone(), settings: self.settings.clone() });
        self
    }

    /// The report again with the settings now in force, from the worker's counter (the demo's or the files').
    fn report_again(mut self) -> Self {
        match &self.source {
            ProfilesSource::Empty => self.demo(),
            // A read in progress starts again with the new settings.
            ProfilesSource::Files(_) if matches!(self.run, Run::Reading { .. }) => self.read(),
            ProfilesSource::Demo | ProfilesSource::Files(_) => {
                self.last_run += 1;
                self.run = Run::Recounting { run: self.last_run };
                self.requests.push(Job::ProfilesRecount { run: self.last_run, settings: self.settings.clone() });
                self
            }
        }
    }

    /// One of the report's own actions. Returns the state and a notice key, if the action has one to say.
    pub fn act(mut self, action: ProfilesAction) -> (Self, Option<&'static str>) {
        match action {
            ProfilesAction::Demo => return (self.demo(), None),
            ProfilesAction::Stitching(s) => self.settings.stitching = s,
            ProfilesAction::Unique(typed) => self.settings.unique = namespaces(&typed),
            ProfilesAction::Pseudonymous(typed) => self.settings.pseudonymous = namespaces(&typed),
            ProfilesAction::SnapshotTime(time) => {
                self.settings.snapshot_time = time.filter(|t| !t.trim().is_empty()).map(|t| iso_minutes(&t));
            }
            ProfilesAction::ShowIdentities(on) => self.settings.include_identities = on,
            ProfilesAction::Explain { namespace, id } => {
                let id = id.trim().to_string();
                if id.is_empty() {
                    return (self, None);
                }
                let namespace = namespace.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
                return self.explain(namespace, id);
            }
            ProfilesAction::CloseExplain => {
                self.explained = None;
                self.explaining = None;
                return (self, None);
            }
            ProfilesAction::Cancel => {
                if let Run::Reading { run, .. } = self.run {
                    self.run = Run::Idle;
                    if let Some((source, report)) = self.shown.take() {
                        self.source = source;
                        self.report = report;
                    }
                    self.requests.push(Job::ProfilesCancel { run });
                    // Back to the demo: asked of the worker again, so that its counter is the demo's
                    // (the report shown stays until the answer; it may have been asked and not yet answered).
                    if matches!(self.source, ProfilesSource::Empty | ProfilesSource::Demo) {
                        self = self.demo();
                    }
                    return (self, Some("notice-cancelled"));
                }
                return (self, None);
            }
        }
        // A shown explanation follows the settings (stitching, identity values).
        let again = self.explained.as_ref().map(|e| (e.namespace.clone(), e.id.clone()));
        let mut next = self.report_again();
        if let Some((namespace, id)) = again {
            if !matches!(next.run, Run::Reading { .. }) {
                next = next.explain(namespace, id).0;
            }
        }
        (next, None)
    }

    fn explain(mut self, namespace: Option<String>, id: String) -> (Self, Option<&'static str>) {
        match &self.source {
            ProfilesSource::Files(_) if matches!(self.run, Run::Reading { .. }) => {
                (self, Some("profiles-explain-wait"))
            }
            ProfilesSource::Demo | ProfilesSource::Files(_) => {
                self.explain_run += 1;
                self.explaining = Some((namespace.clone(), id.clone()));
                // After a recount on its way, if there is one: the worker answers in order.
                let job =
                    Job::ProfilesExplain { run: self.explain_run, settings: self.settings.clone(), namespace, id };
                self.requests.push(job);
                (self, None)
            }
            ProfilesSource::Empty => (self, None),
        }
    }

    /// The worker's answer to one of this report's jobs; `None` when it is not one.
    pub fn worker(mut self, update: Update, now_ms: f64) -> (Self, Option<Notice>) {
        let current = self.last_run;
        match update {
            Update::ProfilesProgress { run, done, total, records } if run == current => {
                if let Run::Reading { started_ms, .. } = self.run {
                    self.run = Run::Reading { run, done, total, rows: records, started_ms, now_ms };
                }
            }
            Update::ProfilesReady { run, report } if run == current => {
                self.shown = None;
                self.report = Rc::new(*report);
                self.run = Run::Idle;
            }
            Update::ProfilesFailed { run, reason } if run == current => {
                if let Some((source, report)) = self.shown.take() {
                    self.source = source;
                    self.report = report;
                }
                self.run = Run::Idle;
                let notice = match reason {
                    FailReason::WorkerStopped(error) => Notice::Said("notice-worker-stopped", vec![("error", error)]),
                    _ => Notice::Key("notice-nothing-counted"),
                };
                return (self, Some(notice));
            }
            Update::ProfilesExplained { run, explained } if run == self.explain_run => {
                self.explaining = None;
                self.explained = Some(Rc::from(explained));
            }
            _ => {}
        }
        (self, None)
    }

    /// The worker died: a read or an explanation in progress ends; the report shown before stays.
    pub fn worker_stopped(mut self) -> Self {
        if matches!(self.run, Run::Reading { .. }) {
            if let Some((source, report)) = self.shown.take() {
                self.source = source;
                self.report = report;
            }
        }
        self.run = Run::Idle;
        self.explaining = None;
        self
    }
}

/// `2026-11-01T09:30` (a `datetime-local` field, read as UTC) as `2026-11-01T09:30:00Z`.
pub fn iso_minutes(local: &str) -> String {
    let t = local.trim().trim_end_matches('Z');
    match t.len() {
        16 => format!("{t}:00Z"),
        _ => format!("{t}Z"),
    }
}
