//! The `profiles` command: AEP profile records (Journey Optimizer) in, the Profiles dashboard out.
//!
//! A PATH may be a file or a folder; folders are walked recursively, entries in
//! byte order of their names, so the order of the files (and of the report's
//! `files`) never depends on the file system. Which files hold records is told by
//! their first bytes ([`engine::aep::sniff`]: JSON, gzip, Parquet), never by their
//! names; any other file is skipped and said. A file's snapshot is the last
//! `exportTime=YYYYMMDDHHMM` folder of its path *as given on the command line,
//! with the folders walked below it* ([`engine::aep::snapshot_of`]): giving
//! `exports/` or `exports/ds/exportTime=202611010000/` both keep the snapshot, but a
//! file given from inside such a folder (`cd exportTime=…; … part-0.json`) has none,
//! and belongs to the snapshot of `--snapshot-time`.
//!
//! Each file is read in 1 MiB chunks into a counter of its own, on a pool of
//! threads; a file that cannot be read (a truncated gzip, a corrupt Parquet
//! footer, a 1 GB line) is said on standard error with its file and line, goes
//! into the report's warnings, and is left out whole; the others are merged in
//! file order (so the report does not depend on the number of threads).

mod text;

use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Args, ValueEnum};
use engine::aep::lines::LinesPart;
use engine::aep::{InputKind, ProfileCounter, ProfileSettings, ProfilesReport, ReadError, Stitching};
use engine::message::Arg as MArg;
use engine::Message;
use i18n::{t, tt, Lang};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Failure;

/// Bytes read and pushed at a time.
const CHUNK: usize = 1 << 20;

/// Bytes read to tell what a file is.
const SNIFF_BYTES: usize = 512;

/// Below this many bytes in all, no progress bar (the run is short).
const PROGRESS_FROM: u64 = 64 << 20;

/// Skipped files named in the message (the others are counted).
const SKIPPED_NAMED: usize = 10;

/// The smallest byte range a file is cut into, unless `--part-bytes` says otherwise.
const PART_BYTES: u64 = 16 << 20;

/// Files are cut into byte ranges when at least this many threads read (or `--part-bytes` is given), as
/// in the `report` command.
const CUT_FROM_THREADS: usize = 3;

/// Folders deeper than this below a PATH are not walked (a loop of links ends here).
const MAX_DEPTH: usize = 64;

/// Output format of `profiles`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProfilesFormat {
    /// Laid out like the Profiles dashboard, snapshot by snapshot.
    Text,
    /// The `profiles/1` JSON (or, with --explain, the explanation as JSON).
    Json,
}

/// How records become profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StitchingArg {
    /// A profile is a connected component of the identity graph (AEP's private graph).
    Graph,
    /// Every record is its own profile (an export of merged profiles is already stitched).
    None,
}

#[derive(Args, Debug)]
pub struct ProfilesArgs {
    /// Files or folders of AEP profile records (JSON lines, JSON arrays, gzip, Parquet); folders are walked,
    /// and their `exportTime=YYYYMMDDHHMM` folders are snapshots.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How records become profiles: graph (stitched by shared identities) or none (one per record).
    #[arg(long, value_enum, default_value = "graph")]
    pub stitching: StitchingArg,
    /// Unique namespaces: a profile holding two of their ids is a collapse suspect. Default: CRMID.
    #[arg(long, value_name = "NS,...", value_delimiter = ',')]
    pub unique: Option<Vec<String>>,
    /// Device and cookie namespaces (pseudonymous). Default: ECID,AAID,GAID,IDFA,TNTID,AdCloud.
    #[arg(long, value_name = "NS,...", value_delimiter = ',')]
    pub pseudonymous: Option<Vec<String>>,
    /// Show identity values (case-duplicate examples, hub identities, the explained profile's ids): personal
    /// data, so only when you need them.
    #[arg(long)]
    pub include_identities: bool,
    /// Explain an identity instead of printing the report: its profile's identities, the records that
    /// linked them and the guardrails it breaks. NS:ID, or an ID alone (looked up in every namespace).
    #[arg(long, value_name = "[NS:]ID")]
    pub explain: Option<String>,
    /// The time of the snapshot of files outside any exportTime= folder: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]Z
    /// (or with an offset) or YYYYMMDDHHMM.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub snapshot_time: Option<String>,
    /// Also compute every figure with the other stitching (the JSON's `compared`; a line per snapshot in text).
    #[arg(long)]
    pub compare: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ProfilesFormat,
    /// Language of the text output and of the messages: en, nl, sv, fr or de (JSON keeps its keys).
    #[arg(long, value_name = "en|nl|sv|fr|de", default_value = "en", value_parser = crate::parse_lang)]
    pub lang: Lang,
    /// Write the output to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the report as one self-contained HTML file (a report bundle) in --lang.
    #[arg(long, value_name = "FILE.html")]
    pub bundle: Option<PathBuf>,
    /// Number of threads reading files (default: the number of cores).
    #[arg(long, value_name = "N", hide = true)]
    pub threads: Option<usize>,
    /// The smallest byte range a large JSON-lines file is cut into for the threads (default 16 MiB; given,
    /// files are cut with 2 threads too).
    #[arg(long, value_name = "BYTES", hide = true)]
    pub part_bytes: Option<u64>,
}

/// `--snapshot-time` as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn parse_time(s: &str) -> Result<String, String> {
    let t = s.trim();
    let utc = |dt: chrono::NaiveDateTime| dt.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(utc(dt.naive_utc()));
    }
    for format in ["%Y-%m-%dT%H:%MZ", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y%m%d%H%M"] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(t, format) {
            return Ok(utc(dt));
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(utc(d.and_time(chrono::NaiveTime::MIN)));
    }
    Err(format!("'{s}' is not a time: use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or YYYYMMDDHHMM (as in exportTime=)"))
}

/// One file to read.
#[derive(Clone, Debug)]
pub(crate) struct Input {
    pub path: PathBuf,
    /// The path as given, with the folders walked below it: the report's file name.
    pub name: String,
    pub snapshot: Option<String>,
    pub size: u64,
    pub kind: InputKind,
    /// JSON lines, not compressed (an object first): can be cut into byte ranges.
    pub lines: bool,
}

/// A file left out of the report, or counted only up to where it failed.
pub(crate) struct Problem {
    /// For standard error, in `--lang`.
    pub said: String,
    /// For the report's warnings.
    pub warning: Message,
    /// The records read before the failure, counted as the viewer counts them (none when there were none).
    pub partial: Option<Box<ProfileCounter>>,
}

pub fn profiles(args: &ProfilesArgs) -> Result<(), Failure> {
    let lang = args.lang;
    let settings = settings(args);
    let (inputs, skipped) = walk(&args.paths, lang, false)?;
    // Files that hold no records are said once, on standard error and in the report's warnings.
    let skipped_note = (!skipped.is_empty()).then(|| {
        let args = |l: Lang| {
            let count = i18n::group(l, skipped.len() as u64);
            // The first ten names, then how many more.
            let mut files = skipped.iter().take(SKIPPED_NAMED).cloned().collect::<Vec<_>>().join(", ");
            if skipped.len() > SKIPPED_NAMED {
                let more = i18n::group(l, (skipped.len() - SKIPPED_NAMED) as u64);
                files = t(l, "cli-prof-and-more", &[("files", files.into()), ("count", more.into())]);
            }
            t(l, "cli-prof-skipped", &[("count", count.into()), ("files", files.into())])
        };
        eprintln!("active-profiles: {}", args(lang));
        let warning = Message::new("warning-other").with("text", MArg::Text(args(Lang::En)));
        Problem { said: args(lang), warning, partial: None }
    });
    if inputs.is_empty() {
        let paths = paths_list(&args.paths);
        let key = if skipped.is_empty() { "cli-prof-no-files" } else { "cli-prof-no-records-files" };
        return Err(Failure::input(t(lang, key, &[("paths", paths.into())])));
    }

    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let progress = if std::io::stderr().is_terminal() && total >= PROGRESS_FROM {
        let bar = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    let started = std::time::Instant::now();
    let (merged, mut problems) = read_all(&inputs, threads, args.part_bytes, &progress, lang);
    progress.finish_and_clear();
    // Reading, with the merges in file order as the files arrive (their time is in MERGE_MICROS too).
    crate::stats::READ_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);

    let Some(mut merged) = merged else {
        // Not one file could be read: the first one's problem is the reason, the others are said before it.
        let mut said = problems.into_iter().map(|p| p.said);
        let first = said.next().unwrap_or_default();
        for other in said {
            eprintln!("active-profiles: {}: {other}", tt(lang, "cli-warning"));
        }
        return Err(Failure::input(t(lang, "cli-prof-nothing-read", &[("error", first.into())])));
    };
    for problem in &problems {
        eprintln!("active-profiles: {}: {}", tt(lang, "cli-warning"), problem.said);
    }
    problems.splice(0..0, skipped_note);
    for problem in &problems {
        merged.warn(problem.warning.clone());
    }
    let started = std::time::Instant::now();
    let report = merged.report(&settings);
    crate::stats::REPORT_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    if report.rows.read == 0 {
        return Err(Failure::input(t(lang, "cli-prof-no-records", &[("paths", paths_list(&args.paths).into())])));
    }

    let said: Vec<String> = problems.into_iter().map(|p| p.said).collect();
    let bytes = match &args.explain {
        Some(asked) => {
            let (namespace, id) = split_explain(asked, &report);
            let mut explained = merged.explain(&settings, namespace.as_deref(), &id);
            if !args.include_identities {
                hide_identities(&mut explained);
            }
            match args.format {
                ProfilesFormat::Json => json(serde_json::to_vec_pretty(&explained), lang)?,
                ProfilesFormat::Text => text::explain(&explained, args.include_identities, lang).into_bytes(),
            }
        }
        None => match args.format {
            ProfilesFormat::Json => json(serde_json::to_vec_pretty(&report), lang)?,
            ProfilesFormat::Text => text::render(&report, &said, lang).into_bytes(),
        },
    };
    write_output(&bytes, args.output.as_deref(), lang)?;
    write_bundle(&report, args)
}

/// `--bundle`: the report as one self-contained HTML file, drawn by the viewer's Profiles views (counts
/// only, unless `--include-identities` put identity values in the report).
fn write_bundle(report: &ProfilesReport, args: &ProfilesArgs) -> Result<(), Failure> {
    let Some(path) = &args.bundle else { return Ok(()) };
    let meta = views::bundle::BundleMeta {
        title: String::new(),
        made: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        engine: format!("active-profiles {}", engine::VERSION),
        lang: args.lang,
    };
    let html = futures::executor::block_on(views::bundle::render_profiles(report.clone(), meta));
    let lang = args.lang;
    std::fs::write(path, html).map_err(|e| {
        let words = [("file", path.display().to_string().into()), ("error", e.to_string().into())];
        Failure::output(t(lang, "cli-cannot-write", &words))
    })
}

/// The report settings from the options.
fn settings(args: &ProfilesArgs) -> ProfileSettings {
    let mut settings = ProfileSettings {
        stitching: match args.stitching {
            StitchingArg::Graph => Stitching::Graph,
            StitchingArg::None => Stitching::None,
        },
        include_identities: args.include_identities,
        snapshot_time: args.snapshot_time.clone(),
        compare: args.compare,
        ..ProfileSettings::default()
    };
    let list =
        |v: &Vec<String>| -> Vec<String> { v.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect() };
    if let Some(unique) = &args.unique {
        settings.unique = list(unique);
    }
    if let Some(pseudonymous) = &args.pseudonymous {
        settings.pseudonymous = list(pseudonymous);
    }
    settings
}

pub(crate) fn paths_list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// `NS:ID` or `ID`: the part before the first colon is a namespace when some snapshot has that
/// namespace (ids such as `tel:+33…` or URLs keep their colon).
fn split_explain(asked: &str, report: &ProfilesReport) -> (Option<String>, String) {
    if let Some((ns, id)) = asked.split_once(':') {
        let known = report.snapshots.iter().flat_map(|s| &s.by_namespace).any(|n| n.namespace == ns);
        if known && !id.is_empty() {
            return (Some(ns.to_string()), id.to_string());
        }
    }
    (None, asked.to_string())
}

/// Without `--include-identities`, an explanation keeps the identity asked for (the user typed it), the
/// namespaces, the records' files and lines and the guardrails; every other id becomes empty.
fn hide_identities(explained: &mut engine::aep::Explained) {
    for profile in &mut explained.profiles {
        let asked = profile.identity.clone();
        let hide = |i: &mut engine::aep::report::IdentityValue| {
            if *i != asked {
                i.id.clear();
            }
        };
        profile.identities.iter_mut().for_each(hide);
        for record in &mut profile.records {
            record.identities.iter_mut().for_each(hide);
        }
    }
}

/// The files under the PATHs, in a stable order, with what their first bytes say they are; the files
/// that are not records are named in the second list. With `keep_text`, a file of text that is not
/// JSON is kept too, as [`InputKind::Other`] (a CSV file of events).
pub(crate) fn walk(paths: &[PathBuf], lang: Lang, keep_text: bool) -> Result<(Vec<Input>, Vec<String>), Failure> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| cannot_read(lang, &path.display().to_string(), e))?;
        if meta.is_dir() {
            walk_dir(path, 0, &mut found, lang)?;
        } else {
            found.push((path.clone(), meta.len()));
        }
    }
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    // A file given twice (itself and in its folder) is read once.
    let mut seen = std::collections::HashSet::new();
    for (path, size) in found {
        if !seen.insert(std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let name = path.display().to_string();
        let head = read_head(&path).map_err(|e| cannot_read(lang, &name, e))?;
        let kind = engine::aep::sniff(&head);
        let text = keep_text && engine::workbook::sniff(&head) == engine::workbook::Content::Text;
        if kind == InputKind::Other && !text {
            skipped.push(name);
            continue;
        }
        let snapshot = engine::aep::snapshot_of(&name);
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        let lines = kind == InputKind::Json && text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        inputs.push(Input { path, name, snapshot, size, kind, lines });
    }
    Ok((inputs, skipped))
}

fn walk_dir(dir: &Path, depth: usize, found: &mut Vec<(PathBuf, u64)>, lang: Lang) -> Result<(), Failure> {
    let name = dir.display().to_string();
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| cannot_read(lang, &name, e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| cannot_read(lang, &name, e))?;
    entries.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    for path in entries {
        let meta = std::fs::metadata(&path).map_err(|e| cannot_read(lang, &path.display().to_string(), e))?;
        if meta.is_dir() {
            walk_dir(&path, depth + 1, found, lang)?;
        } else if meta.is_file() {
            found.push((path, meta.len()));
        }
    }
    Ok(())
}

pub(crate) fn cannot_read(lang: Lang, file: &str, e: std::io::Error) -> Failure {
    Failure::input(t(lang, "cli-cannot-read", &[("file", file.into()), ("error", e.to_string().into())]))
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)?.take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// What one thread reads at a time: a whole file, or one byte range of a large JSON-lines file.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Unit {
    Whole(usize),
    Part { file: usize, part: LinesPart, last: bool },
}

/// The units of work: a JSON-lines file larger than a thread's share (and than `part_bytes`) is cut into
/// byte ranges when at least [`CUT_FROM_THREADS`] threads read (or `--part-bytes` is given); gzip, arrays,
/// CSV and Parquet are read whole. In file order, a file's ranges in byte order. Shared by `profiles` and
/// `engageable`.
pub(crate) fn plan(inputs: &[Input], threads: usize, part_bytes: Option<u64>) -> Vec<Unit> {
    let cut_from = if part_bytes.is_some() { 2 } else { CUT_FROM_THREADS };
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let smallest = part_bytes.unwrap_or(PART_BYTES).max(1);
    let share = (total / threads.max(1) as u64).max(smallest);
    let mut units = Vec::new();
    for (file, input) in inputs.iter().enumerate() {
        let n =
            if threads >= cut_from && input.lines { input.size.div_ceil(share).clamp(1, threads as u64) } else { 1 };
        if n < 2 {
            units.push(Unit::Whole(file));
            continue;
        }
        let parts = LinesPart::split(input.size, n as usize);
        let count = parts.len();
        units.extend(parts.into_iter().enumerate().map(|(k, part)| Unit::Part { file, part, last: k + 1 == count }));
    }
    crate::stats::RANGES.fetch_add(units.iter().filter(|u| matches!(u, Unit::Part { .. })).count(), Ordering::Relaxed);
    units
}

/// What [`in_order`] hands on: a whole file's result, or the results of all the byte ranges of one file
/// in byte order.
pub(crate) enum Done<T> {
    Whole(T),
    Parts(usize, Vec<T>),
}

/// Reads every unit on `threads` threads with `read` and hands the results to `done` in file order, as
/// they arrive (a unit waits until those before it are handed on), so that what `done` merges does not
/// depend on the number of threads.
pub(crate) fn in_order<T: Send>(
    units: &[Unit],
    threads: usize,
    read: impl Fn(&Unit) -> T + Sync,
    mut done: impl FnMut(Done<T>),
) {
    let next = AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(units.len()) {
            let send = send.clone();
            let (next, read) = (&next, &read);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(unit) = units.get(index) else { return };
                if send.send((index, read(unit))).is_err() {
                    return;
                }
            });
        }
        drop(send);
        let mut waiting = std::collections::BTreeMap::new();
        let mut parts = Vec::new();
        let mut at = 0;
        for (index, result) in receive {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&at) {
                match units[at] {
                    Unit::Whole(_) => done(Done::Whole(result)),
                    Unit::Part { file, last, .. } => {
                        parts.push(result);
                        if last {
                            done(Done::Parts(file, std::mem::take(&mut parts)));
                        }
                    }
                }
                at += 1;
            }
        }
    });
}

/// Pushes the bytes of one byte range of a file, from its start in chunks of [`CHUNK`] bytes, to `push`
/// until it answers false (the part has read its last line, or failed) or the file ends. The progress
/// counts the range's own bytes, not what it reads past its end.
pub(crate) fn push_range(
    input: &Input,
    part: &LinesPart,
    progress: &ProgressBar,
    lang: Lang,
    mut push: impl FnMut(&[u8]) -> bool,
) -> Result<(), Problem> {
    let mut file = File::open(&input.path).map_err(|e| io_problem(&input.name, "cli-cannot-open", e, lang))?;
    file.seek(SeekFrom::Start(part.start)).map_err(|e| io_problem(&input.name, "cli-cannot-read", e, lang))?;
    let mut own = part.end - part.start;
    let mut buf = vec![0u8; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                let mine = own.min(n as u64);
                progress.inc(mine);
                own -= mine;
                if !push(&buf[..n]) {
                    return Ok(());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_problem(&input.name, "cli-cannot-read", e, lang)),
        }
    }
}

/// Reads every file on `threads` threads, each file (or byte range) into a counter of its own, and merges
/// those that were read in file order, as they arrive (with the records of a file read before it failed).
/// None when not one record could be read.
pub(crate) fn read_all(
    inputs: &[Input],
    threads: usize,
    part_bytes: Option<u64>,
    progress: &ProgressBar,
    lang: Lang,
) -> (Option<ProfileCounter>, Vec<Problem>) {
    let units = plan(inputs, threads, part_bytes);
    let mut merged: Option<ProfileCounter> = None;
    let mut problems = Vec::new();
    let mut add = |done: Result<ProfileCounter, Problem>| {
        let counter = match done {
            Ok(counter) => counter,
            Err(mut problem) => {
                let partial = problem.partial.take();
                problems.push(problem);
                match partial {
                    Some(counter) => *counter,
                    None => return,
                }
            }
        };
        match &mut merged {
            Some(m) => {
                let started = std::time::Instant::now();
                m.merge(counter);
                let micros = started.elapsed().as_micros() as u64;
                crate::stats::MERGE_MICROS.fetch_add(micros, Ordering::Relaxed);
            }
            None => merged = Some(counter),
        }
    };
    let read = |unit: &Unit| match *unit {
        Unit::Whole(file) => read_one(&inputs[file], progress, lang),
        Unit::Part { file, part, .. } => read_part(&inputs[file], &part, progress, lang),
    };
    in_order(&units, threads, read, |done| match done {
        Done::Whole(counter) => add(counter),
        Done::Parts(file, parts) => add(merge_parts(&inputs[file], parts, lang)),
    });
    (merged, problems)
}

/// The byte ranges of one file as the state of one pass over it. When a range failed (or the ranges
/// do not fit), the file is read again whole, which says what went wrong where.
fn merge_parts(
    input: &Input,
    parts: Vec<Result<ProfileCounter, Problem>>,
    lang: Lang,
) -> Result<ProfileCounter, Problem> {
    let again = || read_one(input, &ProgressBar::hidden(), lang);
    let Ok(mut parts) = parts.into_iter().collect::<Result<Vec<_>, _>>() else {
        crate::stats::RANGES_READ_AGAIN.fetch_add(1, Ordering::Relaxed);
        return again();
    };
    let mut whole = ProfileCounter::new();
    match whole.merge_parts(&mut parts) {
        Ok(None) => Ok(whole),
        Ok(Some(error)) => Err(read_problem(&error, whole, lang)),
        Err(_) => {
            crate::stats::RANGES_READ_AGAIN.fetch_add(1, Ordering::Relaxed);
            again()
        }
    }
}

/// Reads one byte range of a JSON-lines file into a counter of its own.
fn read_part(input: &Input, part: &LinesPart, progress: &ProgressBar, lang: Lang) -> Result<ProfileCounter, Problem> {
    let mut counter = ProfileCounter::new();
    let id = counter.begin_part(&input.name, input.snapshot.as_deref(), part);
    push_range(input, part, progress, lang, |chunk| counter.push(id, chunk).is_ok() && !counter.part_done(id))?;
    // A failure is kept in the part's state, with its line: `merge_parts` says it as the whole file's
    // (with the parts before it counted), or reads the file again whole when the parts do not fit.
    let _ = counter.end_file(id);
    Ok(counter)
}

/// Reads one file into a counter of its own: JSON (gzip or not) in chunks of [`CHUNK`] bytes, Parquet
/// through [`ProfileCounter::read_parquet`] (row groups, ranged reads).
fn read_one(input: &Input, progress: &ProgressBar, lang: Lang) -> Result<ProfileCounter, Problem> {
    let mut counter = ProfileCounter::new();
    let mut file = File::open(&input.path).map_err(|e| io_problem(&input.name, "cli-cannot-open", e, lang))?;
    if input.kind == InputKind::Parquet {
        let read = counter.read_parquet(&input.name, input.snapshot.as_deref(), file);
        progress.inc(input.size);
        return match read {
            Ok(()) => Ok(counter),
            Err(e) => Err(read_problem(&e, counter, lang)),
        };
    }
    let id = counter.begin_file(&input.name, input.snapshot.as_deref());
    let mut buf = vec![0u8; CHUNK];
    let mut done = 0u64;
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                progress.inc(n as u64);
                done += n as u64;
                // A failed push is said again by `end_file`, below, which keeps the records before it.
                if counter.push(id, &buf[..n]).is_err() {
                    progress.inc(input.size.saturating_sub(done));
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_problem(&input.name, "cli-cannot-read", e, lang)),
        }
    }
    match counter.end_file(id) {
        Ok(()) => Ok(counter),
        Err(e) => Err(read_problem(&e, counter, lang)),
    }
}

/// A file that failed half way: said with its file and line. The records read before the failure are
/// kept, as the viewer keeps them; the report's warning is the viewer's ([`engine::aep::read::said`]).
fn read_problem(error: &ReadError, counter: ProfileCounter, lang: Lang) -> Problem {
    let where_ = match error.line {
        Some(line) => t(lang, "cli-prof-at-line", &[("file", (&error.file).into()), ("line", line.to_string().into())]),
        None => error.file.clone(),
    };
    let said_error = crate::text::said(lang, Some(&error.message), &error.message.to_string());
    let kept = counter.records() > 0;
    let key = if kept { "cli-prof-read-partly" } else { "cli-prof-read-failed" };
    let said = t(lang, key, &[("where", where_.into()), ("error", said_error.into())]);
    Problem { said, warning: engine::aep::read::said(error), partial: kept.then(|| Box::new(counter)) }
}

pub(crate) fn io_problem(name: &str, key: &str, error: std::io::Error, lang: Lang) -> Problem {
    let args = |l: Lang| t(l, key, &[("file", name.into()), ("error", error.to_string().into())]);
    let warning = Message::new("warning-not-counted")
        .with("error", MArg::Message(Box::new(Message::new("warning-other").with("text", MArg::Text(args(Lang::En))))));
    Problem { said: args(lang), warning, partial: None }
}

/// Pretty JSON (`serde_json::to_vec_pretty` of the report or the explanation), ending with a newline.
pub(crate) fn json(serialized: Result<Vec<u8>, serde_json::Error>, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut bytes = serialized
        .map_err(|e| Failure::output(t(lang, "cli-cannot-write-json", &[("error", e.to_string().into())])))?;
    bytes.push(b'\n');
    Ok(bytes)
}

pub(crate) fn write_output(bytes: &[u8], output: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| {
            let args = [("file", path.display().to_string().into()), ("error", e.to_string().into())];
            Failure::output(t(lang, "cli-cannot-write", &args))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| Failure::output(t(lang, "cli-cannot-write-stdout", &[("error", e.to_string().into())])))
        }
    }
}
