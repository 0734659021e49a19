//! The counting workers the page talks to as one: a large run is cut over several web workers and merged in the first.
//!
//! The app hands every [`Job`] to the [`Pool`] and gets [`Update`]s back, as if
//! there were one worker. A [`Job::Count`] of at least [`POOL_FROM`] bytes,
//! with more than one core, is planned with [`engine::plan`]: the page reads
//! the first bytes of the files it would cut, cuts large files into byte
//! ranges and groups the others, and hands the units to the workers, largest
//! first, each worker taking the next when it is done. A worker sends its
//! counter back as bytes; the first worker keeps its own. When every unit is
//! in, the first worker merges them in file order (reading again a range the
//! merge asks for) and answers with the report, and keeps the merged state, so
//! recounts and explanations go to it. The page sums the workers' progress,
//! and a cancel goes to every worker.
//!
//! How many workers: one per core but one (`navigator.hardwareConcurrency` less
//! one, the page's and the browser's), at most [`MAX_WORKERS`]; or `?workers=N` in
//! the page's address (the benchmark compares 1 with N). Each worker of a run
//! holds the profiles of its share, which in a year's export are nearly all of
//! them: measured on 2 cores, a second worker read a 10-million-row export 9 to 30 %
//! sooner and took 3 times the memory (README, "Speed in the browser"). After a
//! run cut over several workers, all but the first are stopped, which gives
//! their memory back (a WebAssembly memory never shrinks).
//! The app spawns them all ([`Pool::warm`]) once the first report is painted, so that
//! their WebAssembly is compiled before a file is picked.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use engine::plan::{Plan, Unit};
use gloo::worker::{Spawnable, WorkerBridge};

use crate::offline::SpawnHere;
use crate::protocol::{
    Counted, FailReason, FileHandle, FileProblem, Job, RecordHandle, StructuredClone, UnitJob, UnitWork, Update,
    WORKER_PATH,
};
use crate::worker::CountWorker;

/// The most workers a run is cut over by default (each holds its share of the distinct profiles).
pub const MAX_WORKERS: usize = 4;

/// The most workers `?workers=N` may ask for.
pub const MAX_ASKED_WORKERS: usize = 8;

/// Runs smaller than this are counted by one worker: spawning and merging would cost more than they save.
pub const POOL_FROM: u64 = 32 << 20;

/// The smallest byte range a file is cut into.
pub const PART_BYTES: u64 = 16 << 20;

/// The least time between two progress updates sent to the page, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// The workers, spawned as they are needed.
pub struct Pool {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    me: Weak<RefCell<Inner>>,
    workers: Vec<WorkerBridge<CountWorker>>,
    size: usize,
    on_update: Rc<dyn Fn(Update)>,
    run: Option<PoolRun>,
    profiles: Option<ProfilesRun>,
}

/// A profile run cut over the workers: worker `i` counts share `i` (contiguous files, in order), and
/// the first merges the shares in order.
struct ProfilesRun {
    run: u32,
    units: Vec<Vec<RecordHandle>>,
    settings: engine::aep::ProfileSettings,
    total: u64,
    done: Vec<u64>,
    rows: Vec<u64>,
    counted: Vec<Option<Counted>>,
    last_progress_ms: f64,
}

/// Cuts files into at most `n` contiguous shares of about equal bytes (files kept whole and in order).
pub fn shares<T>(files: Vec<T>, size: impl Fn(&T) -> u64, n: usize) -> Vec<Vec<T>> {
    let total: u64 = files.iter().map(&size).sum();
    let n = n.clamp(1, files.len().max(1));
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    let mut before = 0u64;
    for file in files {
        let bytes = size(&file);
        // A new share starts once this one holds its part of the bytes (never an empty one).
        let share = out.len() as u64;
        if out.len() < n && !out.last().is_some_and(Vec::is_empty) && before * (n as u64) >= total * share {
            out.push(Vec::new());
        }
        before += bytes;
        if let Some(last) = out.last_mut() {
            last.push(file);
        }
    }
    out
}

/// A run cut over the workers.
struct PoolRun {
    run: u32,
    logs: Vec<FileHandle>,
    deliveries: Option<FileHandle>,
    options: engine::Options,
    settings: engine::ReportSettings,
    total: u64,
    /// None while the page reads the files' first bytes.
    plan: Option<Plan>,
    order: Vec<usize>,
    next: usize,
    /// The unit each worker is counting.
    busy: Vec<Option<usize>>,
    done: Vec<u64>,
    rows: Vec<u64>,
    counted: Vec<Option<Counted>>,
    problems: Vec<FileProblem>,
    last_progress_ms: f64,
}

impl Pool {
    /// A pool that answers through `on_update`; no worker is spawned yet.
    pub fn new(on_update: impl Fn(Update) + 'static) -> Pool {
        let size = workers_wanted();
        let inner = Rc::new_cyclic(|me| {
            RefCell::new(Inner {
                me: me.clone(),
                workers: Vec::new(),
                size,
                on_update: Rc::new(on_update),
                run: None,
                profiles: None,
            })
        });
        Pool { inner }
    }

    /// Spawns every worker now, so that their WebAssembly is compiled before the first file is picked.
    pub fn warm(&self) {
        let mut inner = self.inner.borrow_mut();
        let last = inner.size - 1;
        inner.worker(last);
    }

    /// Sends a job: a large count is cut over the workers, everything else goes to the first.
    pub fn send(&self, job: Job) {
        let mut inner = self.inner.borrow_mut();
        match job {
            Job::Count { run, logs, deliveries, options, settings } => {
                let sizes: Vec<u64> = logs.iter().map(|f| f.file.size() as u64).collect();
                // Each worker reads the deliveries file for itself, without saying: the progress is the logs'.
                let total: u64 = sizes.iter().sum();
                inner.abandon();
                if inner.size < 2 || total < POOL_FROM {
                    inner.worker(0).send(Job::Count { run, logs, deliveries, options, settings });
                    return;
                }
                let wanted = engine::plan::wanted_ranges(&sizes, inner.size, PART_BYTES);
                let files: Vec<(web_sys::File, usize)> = logs.iter().map(|f| f.file.clone()).zip(wanted).collect();
                let size = inner.size;
                inner.run = Some(PoolRun {
                    run,
                    logs,
                    deliveries,
                    options,
                    settings,
                    total,
                    plan: None,
                    order: Vec::new(),
                    next: 0,
                    busy: vec![None; size],
                    done: Vec::new(),
                    rows: Vec::new(),
                    counted: Vec::new(),
                    problems: Vec::new(),
                    last_progress_ms: 0.0,
                });
                let me = inner.me.clone();
                drop(inner);
                wasm_bindgen_futures::spawn_local(async move {
                    let first_bytes = read_first_bytes(files).await;
                    let Some(inner) = me.upgrade() else { return };
                    let mut inner = inner.borrow_mut();
                    let size = inner.size;
                    let Some(r) = inner.run.as_mut().filter(|r| r.run == run && r.plan.is_none()) else { return };
                    let plan = engine::plan::plan(&sizes, &first_bytes, size, PART_BYTES);
                    let units = plan.units.len();
                    r.order = plan.largest_first();
                    r.done = vec![0; units];
                    r.rows = vec![0; units];
                    r.counted = vec![None; units];
                    r.plan = Some(plan);
                    inner.hand_out();
                });
            }
            Job::Profiles { run, files, settings } => {
                inner.abandon_profiles();
                let total: u64 = files.iter().map(|f| f.handle.file.size() as u64).sum();
                if inner.size < 2 || total < POOL_FROM || files.len() < 2 {
                    inner.worker(0).send(Job::Profiles { run, files, settings });
                    return;
                }
                let units = shares(files, |f| f.handle.file.size() as u64, inner.size);
                let n = units.len();
                for (i, files) in units.iter().enumerate() {
                    let job = Job::ProfilesUnit { run, unit: i, files: files.clone(), keep: i == 0 };
                    inner.worker(i).send(job);
                }
                inner.profiles = Some(ProfilesRun {
                    run,
                    units,
                    settings,
                    total,
                    done: vec![0; n],
                    rows: vec![0; n],
                    counted: vec![None; n],
                    last_progress_ms: 0.0,
                });
            }
            // The demo replaces a profile run cut over the workers, as new files would.
            job @ Job::ProfilesDemo { .. } => {
                inner.abandon_profiles();
                inner.worker(0).send(job);
            }
            Job::ProfilesCancel { run } => {
                if inner.profiles.as_ref().is_some_and(|r| r.run == run) {
                    inner.abandon_profiles();
                } else {
                    inner.worker(0).send(Job::ProfilesCancel { run });
                }
            }
            Job::Cancel { run } => {
                if inner.run.as_ref().is_some_and(|r| r.run == run) {
                    inner.abandon();
                } else {
                    inner.worker(0).send(Job::Cancel { run });
                }
            }
            job => inner.worker(0).send(job),
        }
    }
}

impl Inner {
    /// Worker `i`, spawned if it is not yet.
    fn worker(&mut self, i: usize) -> &WorkerBridge<CountWorker> {
        while self.workers.len() <= i {
            let me = self.me.clone();
            let index = self.workers.len();
            let bridge = CountWorker::spawner()
                .encoding::<StructuredClone>()
                .callback(move |update| {
                    if let Some(inner) = me.upgrade() {
                        Inner::received(&inner, index, update);
                    }
                })
                .spawn_here(WORKER_PATH);
            self.workers.push(bridge);
        }
        &self.workers[i]
    }

    /// Stops the run cut over the workers, if one is going on: every worker is told, and all but the
    /// first are stopped (their memory holds their share).
    fn abandon(&mut self) {
        if let Some(r) = self.run.take() {
            for worker in &self.workers {
                worker.send(Job::Cancel { run: r.run });
            }
            if self.profiles.is_none() {
                self.workers.truncate(1);
            }
        }
    }

    /// Stops the profile run cut over the workers, if one is going on.
    fn abandon_profiles(&mut self) {
        if let Some(r) = self.profiles.take() {
            for worker in &self.workers {
                worker.send(Job::ProfilesCancel { run: r.run });
            }
            if self.run.is_none() {
                self.workers.truncate(1);
            }
        }
    }

    /// A worker's answer to a share of the profile run cut over the workers; None when it stays here.
    fn absorb_profiles(&mut self, index: usize, update: Update) -> Option<Update> {
        let Some(r) = self.profiles.as_mut() else { return Some(update) };
        match update {
            Update::ProfilesProgress { run, done, records, .. } if run == r.run => {
                if let (Some(d), Some(n)) = (r.done.get_mut(index), r.rows.get_mut(index)) {
                    (*d, *n) = (done, records);
                }
                let now = js_sys::Date::now();
                if now - r.last_progress_ms < PROGRESS_EVERY_MS {
                    return None;
                }
                r.last_progress_ms = now;
                Some(Update::ProfilesProgress {
                    run,
                    done: r.done.iter().sum(),
                    total: r.total,
                    records: r.rows.iter().sum(),
                })
            }
            Update::ProfilesCounted { run, unit, counted } if run == r.run => {
                if let Some(slot) = r.counted.get_mut(unit) {
                    *slot = Some(counted);
                }
                if let Some(d) = r.done.get_mut(unit) {
                    *d = r.units.get(unit).map(|u| u.iter().map(|f| f.handle.file.size() as u64).sum()).unwrap_or(0);
                }
                let progress = Update::ProfilesProgress {
                    run,
                    done: r.done.iter().sum(),
                    total: r.total,
                    records: r.rows.iter().sum(),
                };
                if r.counted.iter().all(Option::is_some) {
                    let counted = r.counted.iter_mut().filter_map(Option::take).collect();
                    let merge =
                        Job::ProfilesMerge { run, counted, units: r.units.clone(), settings: r.settings.clone() };
                    self.worker(0).send(merge);
                }
                Some(progress)
            }
            Update::ProfilesReady { run, .. } if run == r.run => {
                self.profiles = None;
                // The other workers' memory holds their share: stopping them gives it back.
                if self.run.is_none() {
                    self.workers.truncate(1);
                }
                Some(update)
            }
            update => Some(update),
        }
    }

    /// Gives each idle worker the next unit of the run; sends the merge once every unit is in.
    fn hand_out(&mut self) {
        let Some(r) = self.run.as_mut() else { return };
        let Some(plan) = &r.plan else { return };
        let mut jobs = Vec::new();
        for (w, busy) in r.busy.iter_mut().enumerate() {
            if busy.is_some() {
                continue;
            }
            let Some(&unit) = r.order.get(r.next) else { break };
            r.next += 1;
            *busy = Some(unit);
            let work = match &plan.units[unit] {
                Unit::Files(range) => UnitWork::Files(r.logs.get(range.clone()).unwrap_or_default().to_vec()),
                Unit::Part { file, part } => UnitWork::Part {
                    file: r.logs[*file].clone(),
                    head: plan.heads[*file].clone().unwrap_or_default(),
                    part: part.clone(),
                },
            };
            let job = Job::Unit(UnitJob {
                run: r.run,
                unit,
                work,
                deliveries: r.deliveries.clone(),
                options: r.options.clone(),
                keep: w == 0,
            });
            jobs.push((w, job));
        }
        let merge = (r.counted.iter().all(Option::is_some) && r.busy.iter().all(Option::is_none)).then(|| Job::Merge {
            run: r.run,
            plan: plan.clone(),
            counted: r.counted.iter_mut().map(|c| c.take().unwrap_or(Counted::Missing)).collect(),
            logs: r.logs.clone(),
            deliveries: r.deliveries.clone(),
            options: r.options.clone(),
            settings: r.settings.clone(),
        });
        for (w, job) in jobs {
            self.worker(w).send(job);
        }
        if let Some(merge) = merge {
            self.worker(0).send(merge);
        }
    }

    /// An answer of worker `index`: a unit's progress and counter stay here, the rest goes to the page.
    fn received(inner: &Rc<RefCell<Inner>>, index: usize, update: Update) {
        let (on_update, out) = {
            let mut me = inner.borrow_mut();
            let out = match update {
                Update::ProfilesProgress { .. } | Update::ProfilesCounted { .. } | Update::ProfilesReady { .. } => {
                    me.absorb_profiles(index, update)
                }
                update => me.absorb(index, update),
            };
            (me.on_update.clone(), out)
        };
        if let Some(update) = out {
            on_update(update);
        }
    }

    fn absorb(&mut self, index: usize, update: Update) -> Option<Update> {
        let Some(r) = self.run.as_mut().filter(|r| r.plan.is_some() && Some(r.run) == update_run(&update)) else {
            return Some(update);
        };
        match update {
            Update::Progress { done, rows, .. } => {
                let unit = r.busy.get(index).copied().flatten()?;
                r.done[unit] = done;
                r.rows[unit] = rows;
                let now = js_sys::Date::now();
                if now - r.last_progress_ms < PROGRESS_EVERY_MS {
                    return None;
                }
                r.last_progress_ms = now;
                Some(Update::Progress {
                    run: r.run,
                    done: r.done.iter().sum(),
                    total: r.total,
                    rows: r.rows.iter().sum(),
                })
            }
            Update::Counted { unit, counted, problems, .. } => {
                if let Some(busy) = r.busy.get_mut(index) {
                    *busy = None;
                }
                for problem in problems {
                    // Every worker that reads a bad deliveries file says so: once is enough.
                    if !r.problems.iter().any(|p| p.file == problem.file) {
                        r.problems.push(problem);
                    }
                }
                if let Some(slot) = r.counted.get_mut(unit) {
                    *slot = Some(counted);
                }
                // A unit that stopped early (a file that cannot be counted) is done all the same.
                if let (Some(done), Some(bytes)) =
                    (r.done.get_mut(unit), r.plan.as_ref().and_then(|p| p.bytes.get(unit)))
                {
                    *done = *bytes;
                }
                // Every unit is in and no file is an export (a large PDF dropped by mistake): as with one
                // worker, the report on screen stays, and so does the first worker's state, which the
                // merge would replace.
                let all_in = r.counted.iter().all(Option::is_some) && r.busy.iter().all(Option::is_none);
                if all_in && r.logs.iter().all(|f| r.problems.iter().any(|p| p.file == f.name && p.not_text())) {
                    let mut problems = std::mem::take(&mut r.problems);
                    let order = |p: &FileProblem| r.logs.iter().position(|f| f.name == p.file).unwrap_or(usize::MAX);
                    problems.sort_by_key(order);
                    let run = r.run;
                    self.abandon();
                    return Some(Update::Failed { run, reason: FailReason::NotText(problems) });
                }
                let progress = Update::Progress {
                    run: r.run,
                    done: r.done.iter().sum(),
                    total: r.total,
                    rows: r.rows.iter().sum(),
                };
                self.hand_out();
                Some(progress)
            }
            Update::Ready { run, report, mut problems } => {
                // The merge's answer: the units' problems first, in file order.
                let mut all = std::mem::take(&mut r.problems);
                // A unit read again in the merge says its files' problems again.
                problems.retain(|p| !all.iter().any(|q| q.file == p.file));
                all.append(&mut problems);
                let order = |p: &FileProblem| r.logs.iter().position(|f| f.name == p.file).unwrap_or(usize::MAX);
                all.sort_by_key(order);
                self.run = None;
                // The other workers' memory holds their share of the run: stopping them gives it back.
                self.workers.truncate(1);
                Some(Update::Ready { run, report, problems: all })
            }
            update @ (Update::Failed { .. } | Update::Cancelled { .. }) => {
                self.abandon();
                Some(update)
            }
            update => Some(update),
        }
    }
}

/// The count an update answers (profile runs have their own numbers, and none is cut over the pool).
fn update_run(update: &Update) -> Option<u32> {
    Some(match update {
        Update::Progress { run, .. }
        | Update::Ready { run, .. }
        | Update::Cancelled { run }
        | Update::Failed { run, .. }
        | Update::Explained { run, .. }
        | Update::ExplainFailed { run }
        | Update::Counted { run, .. } => *run,
        Update::ProfilesProgress { .. }
        | Update::ProfilesReady { .. }
        | Update::ProfilesFailed { .. }
        | Update::ProfilesExplained { .. }
        | Update::ProfilesCounted { .. }
        | Update::EngageableProgress { .. }
        | Update::EngageableReady { .. }
        | Update::EngageableFailed { .. } => return None,
    })
}

/// How many workers to use: `?workers=N` in the address, else one per core but one (at most [`MAX_WORKERS`]).
fn workers_wanted() -> usize {
    let Some(window) = web_sys::window() else { return 1 };
    let asked = window.location().search().ok().and_then(|q| {
        q.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("workers=")?.parse::<usize>().ok())
    });
    match asked {
        Some(n) => n.clamp(1, MAX_ASKED_WORKERS),
        None => (window.navigator().hardware_concurrency() as usize).saturating_sub(1).clamp(1, MAX_WORKERS),
    }
}

/// The first bytes of the files [`engine::plan::wanted_ranges`] would cut (2 ranges or more), for [`engine::plan::plan`].
async fn read_first_bytes(files: Vec<(web_sys::File, usize)>) -> Vec<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(files.len());
    for (file, wanted) in files {
        let bytes = if wanted >= 2 {
            let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
            let end = (engine::split::HEAD_BYTES as u64).min(blob.size());
            gloo::file::futures::read_as_bytes(&blob.slice(0, end)).await.ok()
        } else {
            None
        };
        out.push(bytes);
    }
    out
}
