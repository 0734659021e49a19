//! The Journey Optimizer *Engageable profiles* report's part of the viewer's state.
//!
//! As for the Profiles report, its work is written into requests
//! ([`EngageableState::requests`]) that the app's one effect sends; the
//! worker keeps the event counter (and the profile snapshot's stitching), so
//! a new as-of date or licensed number is a recount that reads nothing
//! again. The demo is generated and counted in the worker too.
//!
//! Each file of events has its own choices ([`EventFileOptions`]): the
//! sandbox of its events that name none (the run's when not chosen), and for a
//! CSV whose time or profile column was not recognised, the columns chosen in
//! the mapping step. The worker says what each read found
//! ([`EngageableState::reads`]); the other files are counted meanwhile, and the
//! run is read again once every missing field of the file has a column.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use engine::engage::{EngageSettings, EngageableReport, Sandbox};

use crate::protocol::{EventFileOptions, EventFileRead, FailReason, Job, RecordHandle, Update};
use crate::run::{Notice, Run};

/// What the report is of.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum EngageableSource {
    /// Nothing yet: the demo is counted when the tab is first opened.
    #[default]
    Empty,
    /// The generated step events ([`crate::events::demo_spec`]), stitched by the Profiles demo.
    Demo,
    /// Files of engagement events, and the profile snapshot's files (none: no stitching); `files`:
    /// what the user chose for each file of `events` (same order and length).
    Files { events: Vec<RecordHandle>, snapshot: Vec<RecordHandle>, files: Vec<EventFileOptions> },
}

/// The report's part of the state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EngageableState {
    pub source: EngageableSource,
    pub report: Rc<EngageableReport>,
    pub settings: EngageSettings,
    /// Where events that name no sandbox go (typed by the user; `prod` when none).
    pub sandbox: Option<Sandbox>,
    pub run: Run,
    /// The number of the last engageable run (its own sequence).
    pub last_run: u32,
    /// Jobs of this report for the worker, in order; the app sends them when they change.
    pub requests: Vec<Job>,
    /// What each file of the report on screen was found to hold (one per file of the source's
    /// `events`; none for the demo): the columns a CSV lacks, the sandboxes its events named.
    pub reads: Vec<EventFileRead>,
    /// What produced the report on screen while other files are read: Cancel goes back to it.
    pub shown: Option<Shown>,
}

/// The source, report and reads on screen, kept while other files are read.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    source: EngageableSource,
    report: Rc<EngageableReport>,
    reads: Vec<EventFileRead>,
}

/// The report's own controls.
#[derive(Clone, Debug, PartialEq)]
pub enum EngageableAction {
    /// Back to the demo.
    Demo,
    /// The as-of date (none: the latest event date).
    AsOf(Option<NaiveDate>),
    /// The licensed number of engageable profiles (none: not entered).
    Licensed(Option<u64>),
    /// The sandbox of events that name none, as typed (`NAME` or `NAME:development`): the files
    /// are read again (a sandbox is placed while counting).
    Sandbox(String),
    /// Files of a profile snapshot: the engaged keys are stitched by its identity graph (read again
    /// with the events).
    Snapshot(Vec<RecordHandle>),
    /// The sandbox of the events of file `file` (its index in the events) that name none (`None`:
    /// the run's): the files are read again.
    FileSandbox { file: usize, sandbox: Option<Sandbox> },
    /// The column of `field` (a name of [`engine::engage::EventField`]) in the CSV file `file`
    /// (`None`: the automatic choice): read again once every missing field of the file has one.
    MapColumn { file: usize, field: String, header: Option<String> },
    /// The columns remembered for the headers of file `file`, added to its own.
    MapRemembered { file: usize, mapping: BTreeMap<String, String> },
    /// Stop the read in progress.
    Cancel,
}

impl EngageableState {
    /// The state with the demo asked of the worker, if nothing is there yet.
    pub fn with_demo(mut self) -> Self {
        if self.source == EngageableSource::Empty {
            self = self.demo();
        }
        self
    }

    /// True once the report on screen is complete for the current files and settings.
    pub fn ready(&self) -> bool {
        matches!(self.run, Run::Idle)
    }

    fn stop_reading(&mut self) {
        if matches!(self.run, Run::Reading { run, .. } if run == self.last_run) {
            self.requests.push(Job::EngageableCancel { run: self.last_run });
        }
    }

    fn demo(mut self) -> Self {
        self.stop_reading();
        self.source = EngageableSource::Demo;
        self.shown = None;
        self.last_run += 1;
        self.run = Run::Recounting { run: self.last_run };
        self.requests.push(Job::EngageableDemo { run: self.last_run, settings: self.settings.clone() });
        self
    }

    /// Files of engagement events were given: they are read, with the snapshot already given (a new run).
    pub fn open(mut self, events: Vec<RecordHandle>) -> Self {
        let snapshot = match &self.source {
            EngageableSource::Files { snapshot, .. } => snapshot.clone(),
            _ => Vec::new(),
        };
        self.remember_shown();
        // Choices belong to the files they were made for.
        let files = vec![EventFileOptions::default(); events.len()];
        self.source = EngageableSource::Files { events, snapshot, files };
        self.read()
    }

    fn remember_shown(&mut self) {
        if !matches!(self.run, Run::Reading { .. }) {
            self.shown =
                Some(Shown { source: self.source.clone(), report: self.report.clone(), reads: self.reads.clone() });
        }
    }

    /// Back to what was on screen before the read in progress, if it was kept.
    fn restore_shown(&mut self) {
        if let Some(shown) = self.shown.take() {
            self.source = shown.source;
            self.report = shown.report;
            self.reads = shown.reads;
        }
    }

    /// Changes the choices of file `file` and reads the files again when `read_again` says so of
    /// the choices (old, new) and what the last read found of the file.
    fn choose(
        mut self,
        file: usize,
        change: impl FnOnce(&mut EventFileOptions),
        read_again: impl FnOnce(&EventFileOptions, &EventFileOptions, Option<&EventFileRead>) -> bool,
    ) -> Self {
        let EngageableSource::Files { files, .. } = &self.source else { return self };
        let Some(before) = files.get(file) else { return self };
        let mut chosen = before.clone();
        change(&mut chosen);
        let again = read_again(before, &chosen, self.reads.get(file));
        // What is on screen is kept before the choice changes it: Cancel goes back to it.
        if again {
            self.remember_shown();
        }
        if let EngageableSource::Files { files, .. } = &mut self.source {
            if let Some(slot) = files.get_mut(file) {
                *slot = chosen;
            }
        }
        if again {
            return self.read();
        }
        self
    }

    fn read(mut self) -> Self {
        self.stop_reading();
        let EngageableSource::Files { events, snapshot, files } = &self.source else { return self };
        self.last_run += 1;
        let now = crate::run::js_now();
        let total = events.iter().chain(snapshot).map(|f| f.handle.file.size() as u64).sum();
        self.run = Run::Reading { run: self.last_run, done: 0, total, rows: 0, started_ms: now, now_ms: now };
        self.requests.push(Job::Engageable {
            run: self.last_run,
            events: events.clone(),
            snapshot: snapshot.clone(),
            sandbox: self.sandbox.clone(),
            files: files.clone(),
            settings: self.settings.clone(),
        });
        self
    }

    /// The report again with the settings now in force, from the worker's counter.
    fn report_again(mut self) -> Self {
        match &self.source {
            EngageableSource::Empty => self.demo(),
            EngageableSource::Files { .. } if matches!(self.run, Run::Reading { .. }) => self.read(),
            EngageableSource::Demo | EngageableSource::Files { .. } => {
                self.last_run += 1;
                self.run = Run::Recounting { run: self.last_run };
                self.requests.push(Job::EngageableRecount { run: self.last_run, settings: self.settings.clone() });
                self
            }
        }
    }

    /// One of the report's own actions; returns the state and a notice key, if there is one to say.
    pub fn act(mut self, action: EngageableAction) -> (Self, Option<&'static str>) {
        match action {
            EngageableAction::Demo => (self.demo(), None),
            EngageableAction::AsOf(date) => {
                self.settings.as_of = date;
                (self.report_again(), None)
            }
            EngageableAction::Licensed(n) => {
                self.settings.licensed = n;
                (self.report_again(), None)
            }
            EngageableAction::Sandbox(typed) => {
                let typed = typed.trim();
                let sandbox = if typed.is_empty() { None } else { Sandbox::parse(typed).ok() };
                if !typed.is_empty() && sandbox.is_none() {
                    return (self, Some("eng-sandbox-invalid"));
                }
                if sandbox == self.sandbox {
                    return (self, None);
                }
                self.sandbox = sandbox;
                if matches!(self.source, EngageableSource::Files { .. }) {
                    self.remember_shown();
                    return (self.read(), None);
                }
                (self, None)
            }
            EngageableAction::Snapshot(files) => {
                // Stitching needs the events of the files on screen: the demo has its own snapshot.
                let EngageableSource::Files { snapshot, .. } = &mut self.source else {
                    return (self, Some("eng-snapshot-needs-events"));
                };
                *snapshot = files;
                self.remember_shown();
                (self.read(), None)
            }
            EngageableAction::FileSandbox { file, sandbox } => {
                let next = self.choose(file, |c| c.sandbox = sandbox, |before, after, _| before != after);
                (next, None)
            }
            EngageableAction::MapColumn { file, field, header } => {
                let next = self.choose(
                    file,
                    |c| match header {
                        Some(h) => {
                            c.mapping.insert(field, h);
                        }
                        None => {
                            c.mapping.remove(&field);
                        }
                    },
                    |before, after, read| before != after && mapped(after, read),
                );
                (next, None)
            }
            EngageableAction::MapRemembered { file, mapping } => {
                let mut changed = false;
                let next = self.choose(
                    file,
                    |c| c.mapping.extend(mapping),
                    |before, after, read| {
                        changed = before != after && mapped(after, read);
                        changed
                    },
                );
                (next, changed.then_some("notice-mapped-before"))
            }
            EngageableAction::Cancel => {
                let Run::Reading { run, .. } = self.run else { return (self, None) };
                self.run = Run::Idle;
                self.requests.push(Job::EngageableCancel { run });
                self.restore_shown();
                // The worker's counter is the cancelled run's no more: ask for what is shown again.
                let next = match self.source {
                    EngageableSource::Empty | EngageableSource::Demo => self.demo(),
                    EngageableSource::Files { .. } => self.read(),
                };
                (next, Some("notice-cancelled"))
            }
        }
    }

    /// The worker's answer to one of this report's jobs.
    pub fn worker(mut self, update: Update, now_ms: f64) -> (Self, Option<Notice>) {
        let current = self.last_run;
        match update {
            Update::EngageableProgress { run, done, total, events } if run == current => {
                if let Run::Reading { started_ms, .. } = self.run {
                    self.run = Run::Reading { run, done, total, rows: events, started_ms, now_ms };
                }
            }
            Update::EngageableReady { run, report, files } if run == current => {
                self.shown = None;
                self.report = Rc::new(*report);
                self.reads = files;
                self.run = Run::Idle;
            }
            Update::EngageableFailed { run, reason } if run == current => {
                self.restore_shown();
                self.run = Run::Idle;
                let notice = match reason {
                    FailReason::WorkerStopped(error) => Notice::Said("notice-worker-stopped", vec![("error", error)]),
                    _ => Notice::Key("notice-nothing-counted"),
                };
                return (self, Some(notice));
            }
            _ => {}
        }
        (self, None)
    }

    /// The worker died: a read in progress ends; the report shown before stays.
    pub fn worker_stopped(mut self) -> Self {
        if matches!(self.run, Run::Reading { .. }) {
            self.restore_shown();
        }
        self.run = Run::Idle;
        self
    }
}

/// Whether a file can be read with the columns `chosen`: every field its last read found missing
/// has a column (a file that was counted can always be read again).
fn mapped(chosen: &EventFileOptions, read: Option<&EventFileRead>) -> bool {
    read.is_none_or(|r| r.missing.iter().all(|field| chosen.mapping.contains_key(field)))
}
