//! The `report` command: reads the files in chunks on several threads, merges the counters, writes the report.
//!
//! The work is cut into units of about equal size by [`engine::plan`]: a file
//! larger than a thread's share into byte ranges, the other files into
//! contiguous groups. The threads take the units largest first; the counters
//! are merged in file order (a file's ranges with
//! [`engine::Counter::merge_parts`], which may ask for one range to be read
//! again), so the report does not depend on the number of threads.

use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use i18n::{t, tt, Lang};
use indicatif::{ProgressBar, ProgressStyle};

use engine::plan::{FilePlan, Plan, Unit};

use crate::{Failure, Format, ReportArgs, SplitMode};

/// Bytes read and pushed at a time.
const CHUNK: usize = 1 << 20;

/// Below this many bytes in all, no progress bar (the run is short).
const PROGRESS_FROM: u64 = 64 << 20;

/// The smallest byte range a file is cut into, unless `--part-bytes` says otherwise.
const PART_BYTES: u64 = 16 << 20;

/// Files are cut into byte ranges when at least this many threads read (or `--part-bytes` is given).
const CUT_FROM_THREADS: usize = 3;

pub fn report(args: &ReportArgs) -> Result<(), Failure> {
    if let Some(path) = &args.from_aggregate {
        return from_aggregate(path, args);
    }
    let lang = args.lang;
    let options = options(args)?;
    let settings = engine::ReportSettings {
        as_of: args.as_of,
        billing_day: args.billing_day,
        purchased: args.purchased,
        profiles: args.include_profiles,
    };

    let mut sizes = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let file = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| {
            Failure::input(t(lang, "cli-cannot-read", &[("file", (&file).into()), ("error", e.to_string().into())]))
        })?;
        if meta.is_dir() {
            return Err(Failure::input(t(lang, "cli-is-folder", &[("file", file.into())])));
        }
        sizes.push(meta.len());
    }
    let total: u64 = sizes.iter().sum();
    let progress = if std::io::stderr().is_terminal() && total >= PROGRESS_FROM {
        let bar = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let deliveries = match &args.deliveries {
        Some(path) => Some(read_deliveries(path, &options, lang)?),
        None => None,
    };

    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    // Cutting a file pays when its ranges' counters merge in less time than the extra threads
    // save: with two threads, shards (below) are as fast and hold less, so a file is cut from 3
    // threads on, unless `--part-bytes` or `--split ranges` asks for it.
    let cut_from = if args.part_bytes.is_some() || args.split == SplitMode::Ranges { 2 } else { CUT_FROM_THREADS };
    let part_bytes = if threads >= cut_from { args.part_bytes.unwrap_or(PART_BYTES) } else { u64::MAX };
    // Shards read every file on every thread: their plan is one unit of all the files, which the
    // merge below takes whole.
    let asked_shards = args.split == SplitMode::Shards && threads >= 2;
    let plan = if asked_shards {
        plan(&args.files, &sizes, 1, u64::MAX)
    } else {
        plan(&args.files, &sizes, threads, part_bytes)
    };
    let instance = args.instance.as_deref();
    let reader = Reader { options: &options, instance, deliveries: deliveries.as_ref(), progress: &progress, lang };
    let started = std::time::Instant::now();
    // One unit of work (no file is cut) and threads to spare: each thread reads all of it and
    // keeps a shard of the profiles (see `Reader::count_sharded`).
    let shard = match args.split {
        SplitMode::Shards => asked_shards,
        SplitMode::Ranges => false,
        SplitMode::Auto => plan.units.len() == 1 && threads >= 2 && total >= PART_BYTES && args.part_bytes.is_none(),
    };
    let shards = if shard { reader.count_sharded(&args.files, threads) } else { None };
    let mut done = match shards {
        Some(counter) => {
            crate::stats::SHARDS.store(threads, Ordering::Relaxed);
            vec![Some(Done::Files(counter, Vec::new()))]
        }
        None => run_units(&plan, &args.files, &reader, threads)?,
    };
    progress.finish_and_clear();
    crate::stats::READ_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    let started = std::time::Instant::now();

    // Merged in file order.
    let mut merged = engine::Counter::new(options.clone());
    let mut problems = Vec::new();
    for (file, how) in plan.files.iter().enumerate() {
        match how {
            FilePlan::InGroup(unit) => {
                if let Some(Done::Files(counter, mut left_out)) = done[*unit].take() {
                    problems.append(&mut left_out);
                    merged.merge(counter);
                }
            }
            FilePlan::Parts(units) => {
                let parts: Option<Vec<engine::Counter>> = units
                    .iter()
                    .map(|u| match done[*u].take() {
                        Some(Done::Part(Ok(counter))) => Some(counter),
                        _ => None,
                    })
                    .collect();
                let path = &args.files[file];
                let head = plan.heads[file].as_deref().unwrap_or_default();
                let merged_parts = match parts {
                    Some(mut parts) => reader.merge_parts(&mut merged, path, head, &mut parts),
                    None => false,
                };
                if !merged_parts {
                    // A range failed (a header that cannot be mapped, a read error, the profile
                    // limit): the file is read again whole, which says what went wrong where.
                    let (counter, mut left_out) = reader.count_files(std::slice::from_ref(path));
                    problems.append(&mut left_out);
                    merged.merge(counter);
                }
            }
        }
    }
    crate::stats::MERGE_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    // Nothing could be counted: the first file's problem is the answer (exit 2). A workbook is left
    // out when none of its sheets is counted (each sheet's problem is one line; an empty sheet is only said).
    let failed: std::collections::BTreeSet<&str> = problems.iter().filter_map(|p| p.left_out.as_deref()).collect();
    if !failed.is_empty() && failed.len() >= args.files.len() {
        let first = problems.iter().position(|p| !p.note).unwrap_or(0);
        return Err(Failure::input(problems.swap_remove(first).message));
    }
    let mut report = merged.report(&settings);
    // Files left out are said on the terminal and in the report; the others are counted.
    for problem in &problems {
        eprintln!("active-profiles: {}: {}", tt(lang, "cli-warning"), problem.message);
        report.warnings.push(problem.warning.to_string());
        report.warning_messages.push(problem.warning.clone());
    }
    if report.rows.read == 0 && problems.is_empty() {
        let names: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure::input(t(lang, "cli-nothing-to-count", &[("files", names.join(", ").into())])));
    }
    write_report(&report, args.format, args.lang, args.output.as_deref())?;
    crate::bundle::write_if_asked(&report, args)
}

/// Maps the command-line options onto the engine's.
pub fn options(args: &ReportArgs) -> Result<engine::Options, Failure> {
    let lang = args.lang;
    let syntax = |flag: &str, arg: &str, example: &str| {
        Failure::input(t(
            lang,
            "cli-map-syntax",
            &[("flag", flag.into()), ("arg", arg.into()), ("example", example.into())],
        ))
    };
    // The engine's words for a field or rule it does not know, in the language; the names it takes stay English.
    let refused = |flag: &str, arg: &str, error: engine::Message| {
        let error = crate::text::said(lang, Some(&error), &error.to_string());
        Failure::input(t(
            lang,
            "cli-option-error",
            &[("flag", flag.into()), ("arg", arg.into()), ("error", error.into())],
        ))
    };
    let mut options =
        engine::Options { day_first: !args.month_first, time_zone: args.time_zone.clone(), ..Default::default() };
    if let Some(instance) = &args.instance {
        options.default_instance = instance.clone();
    }
    for m in &args.map {
        let (field, header) = m.split_once('=').ok_or_else(|| syntax("--map", m, "event date=Sent on"))?;
        options.map(field.trim(), header).map_err(|e| refused("--map", m, e))?;
    }
    for m in &args.deliveries_map {
        let (field, header) = m.split_once('=').ok_or_else(|| syntax("--deliveries-map", m, "delivery=Code"))?;
        options.map_deliveries(field.trim(), header).map_err(|e| refused("--deliveries-map", m, e))?;
    }
    for rule in &args.status {
        options.rules.apply(rule).map_err(|e| {
            let error = crate::text::said(lang, Some(&e), &e.to_string());
            Failure::input(t(lang, "cli-status-error", &[("error", error.into())]))
        })?;
    }
    if engine::TimeZone::parse(&args.time_zone).is_err() {
        let error = t(lang, "notice-time-zone", &[("zone", (&args.time_zone).into())]);
        return Err(Failure::input(t(lang, "cli-time-zone-error", &[("error", error.into())])));
    }
    options.validate().map_err(|e| Failure::input(t(lang, "cli-time-zone-error", &[("error", e.into())])))?;
    Ok(options)
}

/// What a unit gave.
enum Done {
    Files(engine::Counter, Vec<FileProblem>),
    Part(Result<engine::Counter, FileProblem>),
}

/// Cuts the work ([`engine::plan`]), reading the first bytes of the files it would cut.
fn plan(paths: &[PathBuf], sizes: &[u64], threads: usize, part_bytes: u64) -> Plan {
    let wanted = engine::plan::wanted_ranges(sizes, threads, part_bytes);
    let first_bytes: Vec<Option<Vec<u8>>> =
        wanted.iter().zip(paths).map(|(&n, path)| if n >= 2 { read_head(path) } else { None }).collect();
    let plan = engine::plan::plan(sizes, &first_bytes, threads, part_bytes);
    crate::stats::RANGES.fetch_add(plan.ranges(), Ordering::Relaxed);
    plan
}

/// The first bytes of a file, for [`engine::Split`].
fn read_head(path: &Path) -> Option<Vec<u8>> {
    let file = File::open(path).ok()?;
    let mut head = Vec::with_capacity(engine::split::HEAD_BYTES);
    file.take(engine::split::HEAD_BYTES as u64).read_to_end(&mut head).ok()?;
    Some(head)
}

/// Runs the units on `threads` threads, largest first.
fn run_units(
    plan: &Plan,
    paths: &[PathBuf],
    reader: &Reader<'_>,
    threads: usize,
) -> Result<Vec<Option<Done>>, Failure> {
    let order = plan.largest_first();
    let next = AtomicUsize::new(0);
    let finished: Vec<Vec<(usize, Done)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(plan.units.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    while let Some(&u) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let done = match &plan.units[u] {
                            Unit::Files(range) => {
                                let (counter, problems) = reader.count_files(&paths[range.clone()]);
                                Done::Files(counter, problems)
                            }
                            Unit::Part { file, part } => {
                                let head = plan.heads[*file].as_deref().unwrap_or_default();
                                Done::Part(reader.count_part(&paths[*file], head, part))
                            }
                        };
                        out.push((u, done));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| Failure::input("a reading thread stopped unexpectedly")))
            .collect::<Result<_, _>>()
    })?;
    let mut done: Vec<Option<Done>> = (0..plan.units.len()).map(|_| None).collect();
    for (u, d) in finished.into_iter().flatten() {
        done[u] = Some(d);
    }
    Ok(done)
}

/// What every reading thread shares.
struct Reader<'a> {
    options: &'a engine::Options,
    instance: Option<&'a str>,
    deliveries: Option<&'a engine::Deliveries>,
    progress: &'a ProgressBar,
    /// The language of the messages for the terminal.
    lang: Lang,
}

impl Reader<'_> {
    fn counter(&self, shard: engine::Shard) -> engine::Counter {
        let mut counter = engine::Counter::sharded(self.options.clone(), shard);
        if let Some(deliveries) = self.deliveries {
            counter.set_deliveries(deliveries.clone());
        }
        counter
    }

    /// Counts `files` on `count` threads, each reading all of them into a counter that keeps one
    /// shard of the profiles ([`engine::Counter::sharded`]): the profile store's work (most of the
    /// time) and memory are split, the reading is not; no merge looks a profile up. `None` when a
    /// file has a problem or the shards disagree (a shard's part of the profile limit): the caller
    /// then reads the files as usual, which says what went wrong where.
    fn count_sharded(&self, files: &[PathBuf], count: usize) -> Option<engine::Counter> {
        let hidden = ProgressBar::hidden();
        let counted: Vec<(engine::Counter, Vec<FileProblem>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..count as u32)
                .map(|i| {
                    // The progress bar follows the first shard's bytes only.
                    let progress = if i == 0 { self.progress } else { &hidden };
                    let reader = Reader { progress, ..*self };
                    let shard = engine::Shard::new(i, count as u32).unwrap_or(engine::Shard::WHOLE);
                    scope.spawn(move || reader.count_files_into(reader.counter(shard), files))
                })
                .collect();
            handles.into_iter().map(|h| h.join().ok()).collect::<Option<Vec<_>>>()
        })?;
        if counted.iter().any(|(_, problems)| !problems.is_empty()) {
            return None;
        }
        let started = std::time::Instant::now();
        let merged = engine::Counter::merge_shards(counted.into_iter().map(|(c, _)| c).collect()).ok();
        crate::stats::SHARD_MERGE_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
        merged
    }

    /// Counts a group of files into one counter. A file that cannot be read or
    /// counted (no date column, an I/O error) is reported in the returned list and
    /// left out; the other files are still counted.
    fn count_files(&self, files: &[PathBuf]) -> (engine::Counter, Vec<FileProblem>) {
        self.count_files_into(self.counter(engine::Shard::WHOLE), files)
    }

    /// [`Reader::count_files`] into `counter`.
    fn count_files_into(&self, mut counter: engine::Counter, files: &[PathBuf]) -> (engine::Counter, Vec<FileProblem>) {
        let mut problems = Vec::new();
        for path in files {
            let name = path.display().to_string();
            // A workbook is read whole, one sheet after the other; anything else that is not text is said.
            match read_sniff(path).map(|head| engine::workbook::sniff(&head)) {
                Some(engine::workbook::Content::Workbook(book)) => {
                    self.count_workbook(&mut counter, path, &name, book, &mut problems);
                    continue;
                }
                Some(engine::workbook::Content::Binary(looks)) => {
                    let mut problem = FileProblem::said(engine::workbook::not_csv(&name, looks), self.lang);
                    problem.left_out = Some(name.clone());
                    problems.push(problem);
                    continue;
                }
                Some(engine::workbook::Content::Text) | None => {}
            }
            let before = problems.len();
            let id = counter.begin_file(&name, self.instance);
            let read = read_chunks(path, &name, 0, self.lang, |chunk| {
                self.progress.inc(chunk.len() as u64);
                counter.push(id, chunk).map_err(|e| FileProblem::engine(&e, self.lang)).map(|()| true)
            });
            let ended = counter.end_file(id).map_err(|e| FileProblem::engine(&e, self.lang));
            if let Err(problem) = read.and(ended) {
                problems.push(problem);
            }
            for problem in &mut problems[before..] {
                problem.left_out = Some(name.clone());
            }
        }
        (counter, problems)
    }

    /// Counts each sheet of a workbook like a CSV file named `book.xlsx › Sheet1`; empty sheets are skipped and said.
    fn count_workbook(
        &self,
        counter: &mut engine::Counter,
        path: &Path,
        name: &str,
        book: engine::workbook::Book,
        problems: &mut Vec<FileProblem>,
    ) {
        let left_out = |mut problem: FileProblem| {
            problem.left_out = Some(name.to_owned());
            problem
        };
        // Refused before it is read whole, as in the viewer.
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if let Err(message) = engine::workbook::check_size(name, size) {
            return problems.push(left_out(FileProblem::said(message, self.lang)));
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return problems.push(left_out(FileProblem::io(name, "cli-cannot-read", e, self.lang))),
        };
        self.progress.inc(bytes.len() as u64);
        let read = match engine::workbook::counted_sheets(name, book, bytes) {
            Ok(read) => read,
            Err(message) => return problems.push(left_out(FileProblem::said(message, self.lang))),
        };
        for sheet_name in &read.empty {
            problems.push(FileProblem::note(engine::workbook::empty_sheet(sheet_name), self.lang));
        }
        let before = problems.len();
        let mut counted = 0;
        for (sheet_name, csv) in read.sheets {
            let id = counter.begin_file(&sheet_name, self.instance);
            let pushed = counter.push(id, &csv);
            let ended = counter.end_file(id);
            match pushed.and(ended) {
                Ok(()) => counted += 1,
                Err(e) => problems.push(FileProblem::engine(&e, self.lang)),
            }
        }
        // Not one sheet counted because of its problems: the workbook is left out.
        if counted == 0 {
            for problem in problems[before..].iter_mut().filter(|p| !p.note) {
                problem.left_out = Some(name.to_owned());
            }
        }
    }

    /// Counts one byte range of a file (`head`: the file's head).
    fn count_part(&self, path: &Path, head: &[u8], part: &engine::Part) -> Result<engine::Counter, FileProblem> {
        let name = path.display().to_string();
        let mut counter = self.counter(engine::Shard::WHOLE);
        let id = counter.begin_part(&name, self.instance, head, part);
        // Progress counts the range's own bytes, not what it reads past its end.
        let mut own = part.len();
        read_chunks(path, &name, part.start, self.lang, |chunk| {
            let n = own.min(chunk.len() as u64);
            self.progress.inc(n);
            own -= n;
            counter.push(id, chunk).map_err(|e| FileProblem::engine(&e, self.lang))?;
            Ok(!counter.part_done(id))
        })?;
        counter.end_file(id).map_err(|e| FileProblem::engine(&e, self.lang))?;
        Ok(counter)
    }

    /// Merges the ranges of a file into `merged`, reading again the ranges that
    /// [`engine::Counter::merge_parts`] asks for; false (and nothing merged) when one of them fails.
    fn merge_parts(
        &self,
        merged: &mut engine::Counter,
        path: &Path,
        head: &[u8],
        parts: &mut Vec<engine::Counter>,
    ) -> bool {
        loop {
            match merged.merge_parts(parts) {
                Ok(()) => return true,
                Err(engine::PartsError::Redo(redo)) => {
                    crate::stats::RANGES_READ_AGAIN.fetch_add(1, Ordering::Relaxed);
                    match self.count_part(path, head, &redo.part) {
                        Ok(counter) => drop(parts.splice(redo.replaces, [counter])),
                        Err(_) => return false,
                    }
                }
                Err(engine::PartsError::Invalid(_)) => return false,
            }
        }
    }
}

/// A file left out of the report, with the message for the terminal and the line for the report.
pub struct FileProblem {
    /// What to tell the user in `--lang`, with the fix (`--map ...`) where there is one.
    pub message: String,
    /// One line for the report's warnings: in English in `warnings`, as a message in `warning_messages`.
    pub warning: engine::Message,
    /// Only said: nothing was left out (an empty sheet of a workbook).
    pub note: bool,
    /// The file given (a path as written) that this problem leaves out whole; None for a sheet of a
    /// workbook whose other sheets are counted, and for a note.
    pub left_out: Option<String>,
}

impl FileProblem {
    /// A file that is not counted, for the reason the engine's `message` gives.
    fn said(message: engine::Message, lang: Lang) -> Self {
        let text = crate::text::said(lang, Some(&message), &message.to_string());
        let warning =
            engine::Message::new("warning-not-counted").with("error", engine::message::Arg::Message(Box::new(message)));
        FileProblem { message: text, warning, note: false, left_out: None }
    }

    /// A warning about a file that is counted (an empty sheet, skipped).
    fn note(message: engine::Message, lang: Lang) -> Self {
        FileProblem {
            message: crate::text::said(lang, Some(&message), &message.to_string()),
            warning: message,
            note: true,
            left_out: None,
        }
    }

    fn engine(error: &engine::FileError, lang: Lang) -> Self {
        let warning = engine::Message::new("warning-not-counted")
            .with("error", engine::message::Arg::Message(Box::new(error.message())));
        FileProblem { message: crate::text::file_error(error, "--map", lang), warning, note: false, left_out: None }
    }

    /// A file that cannot be opened or read (`key` is `cli-cannot-open` or `cli-cannot-read`).
    fn io(name: &str, key: &str, error: std::io::Error, lang: Lang) -> Self {
        let args = |l: Lang| t(l, key, &[("file", name.into()), ("error", error.to_string().into())]);
        // The report's line stays English (the operating system's error is English too).
        let warning = format!("{}; this file was not counted whole", args(Lang::En));
        FileProblem {
            message: args(lang),
            warning: engine::Message::new("warning-other").with("text", engine::message::Arg::Text(warning)),
            note: false,
            left_out: None,
        }
    }
}

/// The first bytes of a file, to tell a workbook or another binary file from text.
fn read_sniff(path: &Path) -> Option<Vec<u8>> {
    let file = File::open(path).ok()?;
    let mut head = Vec::with_capacity(engine::workbook::SNIFF_BYTES);
    file.take(engine::workbook::SNIFF_BYTES as u64).read_to_end(&mut head).ok()?;
    Some(head)
}

/// Reads a file from byte `from` in chunks of [`CHUNK`] bytes into `sink`, until the end or until `sink` says no more.
fn read_chunks(
    path: &Path,
    name: &str,
    from: u64,
    lang: Lang,
    mut sink: impl FnMut(&[u8]) -> Result<bool, FileProblem>,
) -> Result<(), FileProblem> {
    let mut file = File::open(path).map_err(|e| FileProblem::io(name, "cli-cannot-open", e, lang))?;
    if from > 0 {
        file.seek(SeekFrom::Start(from)).map_err(|e| FileProblem::io(name, "cli-cannot-read", e, lang))?;
    }
    let mut buf = vec![0u8; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                if !sink(&buf[..n])? {
                    return Ok(());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FileProblem::io(name, "cli-cannot-read", e, lang)),
        }
    }
}

/// Reads the deliveries file once, in chunks; every thread's counter gets a copy.
fn read_deliveries(path: &Path, options: &engine::Options, lang: Lang) -> Result<engine::Deliveries, Failure> {
    let name = path.display().to_string();
    let mut deliveries = engine::Deliveries::new(&name, options);
    let message = |e: engine::FileError| crate::text::file_error(&e, "--deliveries-map", lang);
    read_chunks(path, &name, 0, lang, |chunk| {
        deliveries.push(chunk).map(|()| true).map_err(|e| FileProblem {
            message: message(e),
            warning: engine::Message::default(),
            note: false,
            left_out: None,
        })
    })
    .map_err(|p| Failure::input(p.message))?;
    deliveries.finish().map_err(|e| Failure::input(message(e)))?;
    if deliveries.is_empty() {
        return Err(Failure::input(t(lang, "cli-no-deliveries", &[("file", name.into())])));
    }
    Ok(deliveries)
}

/// The report of an aggregate exported by the `sql` script; `--purchased` is applied on top.
fn from_aggregate(path: &Path, args: &ReportArgs) -> Result<(), Failure> {
    let lang = args.lang;
    if args.as_of.is_some() {
        return Err(Failure::input(tt(lang, "cli-as-of-aggregate")));
    }
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::input(t(lang, "cli-cannot-read", &[("file", (&file).into()), ("error", e.to_string().into())]))
    })?;
    // The aggregate's own errors (not an aggregate, a bad value) are the engine's English.
    let mut report = engine::report_from_aggregate(&bytes).map_err(|e| Failure::input(format!("{file}: {e}")))?;
    report.settings.purchased = args.purchased;
    write_report(&report, args.format, args.lang, args.output.as_deref())?;
    crate::bundle::write_if_asked(&report, args)
}

fn write_report(report: &engine::Report, format: Format, lang: Lang, output: Option<&Path>) -> Result<(), Failure> {
    let failed = |key: &str, error: String| Failure::output(t(lang, key, &[("error", error.into())]));
    let mut bytes = Vec::new();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut bytes, report)
                .map_err(|e| failed("cli-cannot-write-json", e.to_string()))?;
            bytes.push(b'\n');
        }
        Format::Text => bytes = crate::text::render(report, lang).into_bytes(),
        Format::Csv => {
            bytes = crate::csv_out::render(report).map_err(|e| failed("cli-cannot-write-csv", e.to_string()))?
        }
    }
    match output {
        Some(path) => std::fs::write(path, &bytes).map_err(|e| {
            let args = [("file", path.display().to_string().into()), ("error", e.to_string().into())];
            Failure::output(t(lang, "cli-cannot-write", &args))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .map_err(|e| failed("cli-cannot-write-stdout", e.to_string()))
        }
    }
}
