//! The `engageable` command: Journey Optimizer engagement events in, the engageable-profiles licence report out.
//!
//! A PATH may be a file or a folder (walked as `profiles` walks them, in byte
//! order of the names). What a file is comes from its first bytes: JSON (lines
//! or an array), gzip or Parquet are read as events; any other text file is
//! read as CSV with a header (section 3's header names); anything else is
//! skipped and said. Each file is counted on a pool of threads into a counter
//! of its own and the counters are merged in file order, so the report does
//! not depend on the number of threads. A large JSON-lines file is cut into
//! byte ranges for the threads as `profiles` cuts its files (the same plan,
//! [`crate::profiles::plan`]), and its ranges are merged into the state of one
//! pass over it ([`EventCounter::merge_parts`]); when they do not fit (a range
//! that could not be read, dates telling two day/month orders), the file is
//! read again whole. With `--profiles PATH`, the profile
//! snapshot is read as by `profiles` and its latest snapshot's identity graph
//! stitches the engaged keys. With `--from-aggregate FILE`, the report is made
//! from the aggregate that the script of `sql --report engageable` exported
//! from a warehouse instead.

mod text;

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use clap::{Args, ValueEnum};
use engine::aep::lines::LinesPart;
use engine::aep::{InputKind, ProfileSettings};
use engine::engage::{EngageSettings, EngageableReport, EventCounter, EventOptions, Sandbox};
use engine::message::Arg as MArg;
use engine::Message;
use i18n::{t, tt, Lang};
use indicatif::ProgressBar;

use crate::profiles::{
    in_order, io_problem, json, paths_list, plan, push_range, read_all, walk, write_output, Done, Input, Problem, Unit,
};
use crate::Failure;

/// Bytes read and pushed at a time.
const CHUNK: usize = 1 << 20;

/// Output format of `engageable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EngageFormat {
    /// Laid out like the License usage dashboard, then what it does not show.
    Text,
    /// The `engageable/1` JSON.
    Json,
    /// One table with the columns section,item,detail,value.
    Csv,
}

#[derive(Args, Debug)]
pub struct EngageableArgs {
    /// Files or folders of engagement events (journey step events): JSON lines, JSON arrays, gzip, Parquet,
    /// or CSV with a header (a Query Service export).
    #[arg(required_unless_present = "from_aggregate", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Make the report from the aggregate that the `sql --report engageable` script exported from a warehouse,
    /// instead of files (no stitching; rejected events by reason, without lines).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "as_of", "profiles", "sandbox", "time_zone"])]
    pub from_aggregate: Option<PathBuf>,
    /// The date the count is for (YYYY-MM-DD). Default: the latest event date.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// A profile snapshot (AEP profile export, file or folder; repeatable): the engaged keys that are
    /// identities of one stitched profile count once.
    #[arg(long = "profiles", value_name = "PATH")]
    pub profiles: Vec<PathBuf>,
    /// The sandbox of events that name none: NAME or NAME:production|development. Default: prod.
    #[arg(long, value_name = "NAME[:TYPE]", value_parser = Sandbox::parse)]
    pub sandbox: Option<Sandbox>,
    /// Licensed engageable profiles (production sandboxes): shows usage, its percentage and the prediction.
    #[arg(long, value_name = "N")]
    pub licensed: Option<u64>,
    /// Time zone of the report's calendar days: UTC, a fixed offset such as +02:00 or a name such as Europe/Paris.
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub time_zone: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: EngageFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the report as one self-contained HTML file (a report bundle) in --lang: it opens offline
    /// by double-click and holds counts only.
    #[arg(long, value_name = "FILE.html")]
    pub bundle: Option<PathBuf>,
    /// Language of the text output and of the messages: en, nl, sv, fr or de (JSON and CSV keep their keys).
    #[arg(long, value_name = "en|nl|sv|fr|de", default_value = "en", value_parser = crate::parse_lang)]
    pub lang: Lang,
    /// Number of threads reading files (default: the number of cores).
    #[arg(long, value_name = "N", hide = true)]
    pub threads: Option<usize>,
    /// The smallest byte range a large JSON-lines file is cut into for the threads (default 16 MiB; given,
    /// files are cut with 2 threads too).
    #[arg(long, value_name = "BYTES", hide = true)]
    pub part_bytes: Option<u64>,
}

pub fn engageable(args: &EngageableArgs) -> Result<(), Failure> {
    if let Some(path) = &args.from_aggregate {
        return from_aggregate(path, args);
    }
    let lang = args.lang;
    if engine::TimeZone::parse(&args.time_zone).is_err() {
        return Err(Failure::input(t(lang, "notice-time-zone", &[("zone", (&args.time_zone).into())])));
    }
    let (inputs, skipped) = walk(&args.paths, lang, true)?;
    for name in &skipped {
        eprintln!("active-profiles: {}", t(lang, "cli-eng-skipped", &[("file", name.into())]));
    }
    if inputs.is_empty() {
        return Err(Failure::input(t(lang, "cli-eng-no-files", &[("paths", paths_list(&args.paths).into())])));
    }
    let options = EventOptions { time_zone: args.time_zone.clone(), ..EventOptions::default() };
    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    let reading = Reading { options: &options, sandbox: args.sandbox.as_ref(), lang };
    let started = std::time::Instant::now();
    let (mut merged, problems) = read_events(&inputs, threads, args.part_bytes, &reading);
    // Reading, with the merges in file order as the files arrive (their time is in MERGE_MICROS too).
    crate::stats::READ_MICROS.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    for problem in &problems {
        eprintln!("active-profiles: {}: {}", tt(lang, "cli-warning"), problem.said);
        merged.warn(problem.warning.clone());
    }
    for name in &skipped {
        merged.warn(
            Message::new("warning-other")
                .with("text", MArg::Text(t(Lang::En, "cli-eng-skipped", &[("file", name.into())]))),
        );
    }
    let stitch = if args.profiles.is_empty() {
        None
    } else {
        let (snapshot, said) = read_snapshot(&args.profiles, threads, lang)?;
        for s in said {
            eprintln!("active-profiles: {}: {s}", tt(lang, "cli-warning"));
        }
        Some(snapshot.stitch_map(&ProfileSettings::default()))
    };
    let settings = EngageSettings { as_of: args.as_of, licensed: args.licensed };
    let report = merged.report(&settings, stitch.as_ref());
    if report.rows.read == 0 {
        return Err(Failure::input(t(lang, "cli-eng-no-events", &[("paths", paths_list(&args.paths).into())])));
    }
    write_report(&report, args)
}

/// The report in `--format`, to `--output` or standard output.
fn write_report(report: &EngageableReport, args: &EngageableArgs) -> Result<(), Failure> {
    let lang = args.lang;
    let bytes = match args.format {
        EngageFormat::Json => json(serde_json::to_vec_pretty(report), lang)?,
        EngageFormat::Text => text::render(report, lang).into_bytes(),
        EngageFormat::Csv => csv(report)
            .map_err(|e| Failure::output(t(lang, "cli-cannot-write-json", &[("error", e.to_string().into())])))?,
    };
    write_output(&bytes, args.output.as_deref(), lang)?;
    write_bundle(report, args)
}

/// `--bundle`: the report as one self-contained HTML file, drawn by the viewer's Engageable profiles views.
fn write_bundle(report: &EngageableReport, args: &EngageableArgs) -> Result<(), Failure> {
    let Some(path) = &args.bundle else { return Ok(()) };
    let meta = views::bundle::BundleMeta {
        title: String::new(),
        made: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        engine: format!("active-profiles {}", engine::VERSION),
        lang: args.lang,
    };
    let html = futures::executor::block_on(views::bundle::render_engageable(report.clone(), meta));
    std::fs::write(path, html).map_err(|e| {
        let words = [("file", path.display().to_string().into()), ("error", e.to_string().into())];
        Failure::output(t(args.lang, "cli-cannot-write", &words))
    })
}

/// The report of an aggregate exported by the `sql --report engageable` script, with `--licensed`.
fn from_aggregate(path: &std::path::Path, args: &EngageableArgs) -> Result<(), Failure> {
    let lang = args.lang;
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::input(t(lang, "cli-cannot-read", &[("file", (&file).into()), ("error", e.to_string().into())]))
    })?;
    // The aggregate's own errors (not an aggregate, a bad value, with its line) are the engine's English.
    let report = engine::engage::aggregate::report_from_aggregate(&bytes, args.licensed)
        .map_err(|e| Failure::input(format!("{file}: {e}")))?;
    write_report(&report, args)
}

/// The profile snapshot of `--profiles`: every file read as `profiles` reads them, merged; the problems
/// said (files left out, or read partly).
fn read_snapshot(
    paths: &[PathBuf],
    threads: usize,
    lang: Lang,
) -> Result<(engine::aep::ProfileCounter, Vec<String>), Failure> {
    let (inputs, _) = walk(paths, lang, false)?;
    let (merged, problems) = read_all(&inputs, threads, None, &ProgressBar::hidden(), lang);
    let said = problems.into_iter().map(|p| p.said).collect();
    match merged {
        Some(m) => Ok((m, said)),
        None => Err(Failure::input(t(lang, "cli-eng-no-snapshot", &[("paths", paths_list(paths).into())]))),
    }
}

/// How every file is read.
struct Reading<'a> {
    options: &'a EventOptions,
    sandbox: Option<&'a Sandbox>,
    lang: Lang,
}

/// Reads every file (or byte range, see [`plan`]) on `threads` threads, each into a counter of its own,
/// merged in file order (a file that failed half way keeps the events before its failure, said as a
/// problem).
fn read_events(
    inputs: &[Input],
    threads: usize,
    part_bytes: Option<u64>,
    how: &Reading<'_>,
) -> (EventCounter, Vec<Problem>) {
    let units = plan(inputs, threads, part_bytes);
    let mut merged = EventCounter::new(how.options.clone());
    let mut problems = Vec::new();
    let read = |unit: &Unit| match *unit {
        Unit::Whole(file) => read_one(&inputs[file], how),
        Unit::Part { file, part, .. } => read_part(&inputs[file], &part, how),
    };
    in_order(&units, threads, read, |done| {
        let started = std::time::Instant::now();
        let (counter, problem) = match done {
            Done::Whole(read) => read,
            Done::Parts(file, parts) => merge_parts(&inputs[file], parts, how),
        };
        merged.merge(counter);
        crate::stats::MERGE_MICROS.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
        problems.extend(problem);
    });
    (merged, problems)
}

/// The byte ranges of one file as the state of one pass over it. When a range could not be read or the
/// ranges do not fit, the file is read again whole, which says what went wrong where.
fn merge_parts(
    input: &Input,
    parts: Vec<(EventCounter, Option<Problem>)>,
    how: &Reading<'_>,
) -> (EventCounter, Option<Problem>) {
    let again = || {
        crate::stats::RANGES_READ_AGAIN.fetch_add(1, Ordering::Relaxed);
        read_one(input, how)
    };
    if parts.iter().any(|(_, problem)| problem.is_some()) {
        return again();
    }
    let mut parts: Vec<EventCounter> = parts.into_iter().map(|(counter, _)| counter).collect();
    let mut whole = EventCounter::new(how.options.clone());
    match whole.merge_parts(&mut parts) {
        Ok(None) => (whole, None),
        Ok(Some(error)) => {
            let problem = read_problem(&error, &whole, how.lang);
            (whole, Some(problem))
        }
        Err(_) => again(),
    }
}

/// One byte range of a JSON-lines file into a counter of its own; a failure to read the file is the
/// problem (the file is then read again whole), one of its lines is kept in the part's state and said by
/// [`merge_parts`] as the whole file's.
fn read_part(input: &Input, part: &LinesPart, how: &Reading<'_>) -> (EventCounter, Option<Problem>) {
    let mut counter = EventCounter::new(how.options.clone());
    let id = counter.begin_part(&input.name, how.sandbox, part);
    let pushed = push_range(input, part, &ProgressBar::hidden(), how.lang, |chunk| {
        counter.push(id, chunk).is_ok() && !counter.part_done(id)
    });
    let _ = counter.end_file(id);
    (counter, pushed.err())
}

/// A file that failed half way: said with its file and line (the events before it are counted).
fn read_problem(e: &engine::aep::ReadError, counter: &EventCounter, lang: Lang) -> Problem {
    let where_ = match e.line {
        Some(line) => t(lang, "cli-prof-at-line", &[("file", (&e.file).into()), ("line", line.to_string().into())]),
        None => e.file.clone(),
    };
    let said_error = crate::text::said(lang, Some(&e.message), &e.message.to_string());
    let key = if counter.events() > 0 { "cli-eng-read-partly" } else { "cli-prof-read-failed" };
    let said = t(lang, key, &[("where", where_.into()), ("error", said_error.into())]);
    Problem { said, warning: engine::aep::read::said(e), partial: None }
}

/// One file into a counter of its own: JSON or gzip in chunks, CSV in chunks, Parquet by row groups.
fn read_one(input: &Input, how: &Reading<'_>) -> (EventCounter, Option<Problem>) {
    let (sandbox, lang) = (how.sandbox, how.lang);
    let mut counter = EventCounter::new(how.options.clone());
    let mut file = match File::open(&input.path) {
        Ok(f) => f,
        Err(e) => return (counter, Some(io_problem(&input.name, "cli-cannot-open", e, lang))),
    };
    if input.kind == InputKind::Parquet {
        return match counter.read_parquet(&input.name, sandbox, file) {
            Ok(()) => (counter, None),
            Err(e) => {
                let p = read_problem(&e, &counter, lang);
                (counter, Some(p))
            }
        };
    }
    let id = if input.kind == InputKind::Other {
        counter.begin_csv(&input.name, sandbox)
    } else {
        counter.begin_file(&input.name, sandbox)
    };
    let mut buf = vec![0u8; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                // A failed push is said again by `end_file`, which keeps the events before it.
                if counter.push(id, &buf[..n]).is_err() {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = counter.end_file(id);
                let p = io_problem(&input.name, "cli-cannot-read", e, lang);
                return (counter, Some(p));
            }
        }
    }
    match counter.end_file(id) {
        Ok(()) => (counter, None),
        Err(e) => {
            let p = read_problem(&e, &counter, lang);
            (counter, Some(p))
        }
    }
}

/// The CSV report: `section,item,detail,value`, one row per figure.
fn csv(r: &EngageableReport) -> Result<Vec<u8>, csv::Error> {
    use crate::csv_out::escape;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |section: &str, item: &str, detail: &str, value: &str| -> Result<(), csv::Error> {
        w.write_record([section, &escape(item), &escape(detail), &escape(value)])
    };
    let n = |v: u64| v.to_string();
    row("section", "item", "detail", "value")?;
    row("summary", "as_of", "", r.as_of.as_deref().unwrap_or(""))?;
    if let Some(win) = &r.window {
        row("summary", "window_from", "", &win.from)?;
        row("summary", "window_to", "", &win.to)?;
    }
    row("summary", "engageable", "", &n(r.engageable.total))?;
    row("summary", "production", "", &n(r.engageable.production))?;
    row("summary", "development", "", &n(r.engageable.development))?;
    row("summary", "dry_run_only", "", &n(r.dry_run_only))?;
    if r.stitched {
        row("summary", "stitched_joined", "", &n(r.stitched_joined))?;
    }
    if let Some(l) = &r.licence {
        row("licence", "licensed", "", &n(l.licensed))?;
        row("licence", "used", "", &n(l.used))?;
        row("licence", "percent", "", &format!("{:.1}", l.percent))?;
        if let Some(p) = &l.predicted {
            row("licence", "predicted_low", &p.date, &n(p.low))?;
            row("licence", "predicted_high", &p.date, &n(p.high))?;
        }
    }
    for s in &r.engageable.sandboxes {
        row("sandbox", &s.name, &s.kind, &n(s.profiles))?;
    }
    for j in &r.by_journey {
        row("journey", &j.name, "", &n(j.profiles))?;
    }
    for d in &r.daily {
        row("daily", &d.date, "engageable", &n(d.engageable))?;
        row("daily", &d.date, "newly_engaged", &n(d.newly_engaged))?;
    }
    for s in &r.sandbox_daily {
        let sandbox = format!("{}:{}", s.kind, s.name);
        for (d, v) in r.daily.iter().zip(&s.engageable) {
            row("sandbox_daily", &d.date, &sandbox, &n(*v))?;
        }
    }
    for s in &r.spikes {
        row("spike", &s.date, &s.journeys.join(" | "), &n(s.newly_engaged))?;
    }
    for e in &r.expiring {
        row("expiring", &e.month, "", &n(e.profiles))?;
    }
    row("rows", "read", "", &n(r.rows.read))?;
    row("rows", "counted", "", &n(r.rows.counted))?;
    row("rows", "rejected", "", &n(r.rows.rejected))?;
    for x in &r.rejected {
        row("rejected", &x.file, &x.line.to_string(), &x.reason)?;
    }
    for warning in &r.warnings {
        row("warning", "", "", warning)?;
    }
    for f in &r.files {
        row("file", &f.name, &f.format, &n(f.events))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}
