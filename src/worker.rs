//! The counting worker: reads the chosen files chunk by chunk, off the page's thread, into the engine.
//!
//! The page sends a [`Job`]; the worker answers with [`Update`]s. Files travel
//! as `File` handles (structured-cloned by the browser, never copied into a
//! message), and the worker reads them as streams ([`crate::reading::slices`]),
//! so a file is never held whole. The reading loop yields to its event loop
//! every few chunks, which is how a [`Job::Cancel`] gets in. The counting state stays in
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
use engine::{Counter, Deliveries, Options, ReportSettings};
use gloo::worker::{HandlerId, Worker, WorkerScope};

use crate::protocol::*;
use crate::reading::{read_slices, Progress, SLICE};

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
            Job::Demo { run, options, settings } => {
                // Small and generated: counted at once, and not kept (other settings count it again).
                let update = match crate::demo::demo_counter(options) {
                    Ok(counter) => {
                        Update::Ready { run, report: Box::new(counter.report(&settings)), problems: Vec::new() }
                    }
                    Err(message) => Update::Failed { run, reason: FailReason::Options(message) },
                };
                scope.respond(id, update);
            }
            Job::DemoExplain { run, options, query, as_of } => {
                let explain = crate::demo::demo_explain(options, &query);
                scope.respond(id, Update::Explained { run, explanation: Explanation::new(&query, as_of, &explain) });
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
        Progress::new(Box::new(move |update| self.scope.respond(self.id, update)), run, total)
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
