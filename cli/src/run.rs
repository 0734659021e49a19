//! The `report` command: reads the files in chunks on several threads, merges the counters, writes the report.
//!
//! Files are split into contiguous groups of about equal size, one group per
//! thread and one [`engine::Counter`] per thread; the counters are merged in
//! file order, so the report does not depend on the number of threads.

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use i18n::{t, tt, Lang};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{Failure, Format, ReportArgs};

/// Bytes read and pushed at a time.
const CHUNK: usize = 1 << 20;

/// Below this many bytes in all, no progress bar (the run is short).
const PROGRESS_FROM: u64 = 64 << 20;

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

    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
        .clamp(1, args.files.len().max(1));
    let groups = split(&sizes, threads);
    let instance = args.instance.as_deref();
    let results: Vec<Result<(engine::Counter, Vec<FileProblem>), Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .iter()
            .map(|range| {
                let files = &args.files[range.clone()];
                let (options, progress, deliveries) = (&options, &progress, &deliveries);
                scope.spawn(move || Ok(count_files(files, options, instance, deliveries.as_ref(), progress, lang)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Failure::input(tt(lang, "cli-thread-stopped")))))
            .collect()
    });
    progress.finish_and_clear();

    let mut merged: Option<engine::Counter> = None;
    let mut problems = Vec::new();
    for result in results {
        let (counter, mut left_out) = result?;
        problems.append(&mut left_out);
        match merged.as_mut() {
            None => merged = Some(counter),
            Some(m) => m.merge(counter),
        }
    }
    // Nothing could be counted: the first file's problem is the answer (exit 2).
    if !problems.is_empty() && problems.len() == args.files.len() {
        return Err(Failure::input(problems.swap_remove(0).message));
    }
    let counter = merged.unwrap_or_else(|| engine::Counter::new(options.clone()));
    let mut report = counter.report(&settings);
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

/// Contiguous groups of files, about equal in bytes, at most `threads` of them, none empty.
fn split(sizes: &[u64], threads: usize) -> Vec<std::ops::Range<usize>> {
    let total: u64 = sizes.iter().sum();
    let share = total / threads as u64 + 1;
    let mut groups = Vec::with_capacity(threads);
    let (mut start, mut acc) = (0, 0u64);
    for (i, size) in sizes.iter().enumerate() {
        acc += size;
        let left = sizes.len() - i - 1;
        let groups_left = threads - groups.len() - 1;
        if (acc >= share && groups_left > 0) || left < groups_left {
            groups.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    if start < sizes.len() {
        groups.push(start..sizes.len());
    }
    groups
}

/// Counts a group of files into one counter. A file that cannot be read or
/// counted (no date column, an I/O error) is reported in the returned list and
/// left out; the other files are still counted.
fn count_files(
    files: &[PathBuf],
    options: &engine::Options,
    instance: Option<&str>,
    deliveries: Option<&engine::Deliveries>,
    progress: &ProgressBar,
    lang: Lang,
) -> (engine::Counter, Vec<FileProblem>) {
    let mut counter = engine::Counter::new(options.clone());
    if let Some(deliveries) = deliveries {
        counter.set_deliveries(deliveries.clone());
    }
    let mut problems = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let id = counter.begin_file(&name, instance);
        let read = read_chunks(path, &name, lang, |chunk| {
            progress.inc(chunk.len() as u64);
            counter.push(id, chunk).map_err(|e| FileProblem::engine(&e, lang))
        });
        let ended = counter.end_file(id).map_err(|e| FileProblem::engine(&e, lang));
        if let Err(problem) = read.and(ended) {
            problems.push(problem);
        }
    }
    (counter, problems)
}

/// A file left out of the report, with the message for the terminal and the line for the report.
pub struct FileProblem {
    /// What to tell the user in `--lang`, with the fix (`--map ...`) where there is one.
    pub message: String,
    /// One line for the report's warnings: in English in `warnings`, as a message in `warning_messages`.
    pub warning: engine::Message,
}

impl FileProblem {
    fn engine(error: &engine::FileError, lang: Lang) -> Self {
        let warning = engine::Message::new("warning-not-counted")
            .with("error", engine::message::Arg::Message(Box::new(error.message())));
        FileProblem { message: crate::text::file_error(error, "--map", lang), warning }
    }

    /// A file that cannot be opened or read (`key` is `cli-cannot-open` or `cli-cannot-read`).
    fn io(name: &str, key: &str, error: std::io::Error, lang: Lang) -> Self {
        let args = |l: Lang| t(l, key, &[("file", name.into()), ("error", error.to_string().into())]);
        // The report's line stays English (the operating system's error is English too).
        let warning = format!("{}; this file was not counted whole", args(Lang::En));
        FileProblem {
            message: args(lang),
            warning: engine::Message::new("warning-other").with("text", engine::message::Arg::Text(warning)),
        }
    }
}

/// Reads a file in chunks of [`CHUNK`] bytes into `sink`.
fn read_chunks(
    path: &Path,
    name: &str,
    lang: Lang,
    mut sink: impl FnMut(&[u8]) -> Result<(), FileProblem>,
) -> Result<(), FileProblem> {
    let mut file = File::open(path).map_err(|e| FileProblem::io(name, "cli-cannot-open", e, lang))?;
    let mut buf = vec![0u8; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => sink(&buf[..n])?,
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
    read_chunks(path, &name, lang, |chunk| {
        deliveries.push(chunk).map_err(|e| FileProblem { message: message(e), warning: engine::Message::default() })
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

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn split_is_contiguous_and_covers_all() {
        for (sizes, threads) in [
            (vec![10u64], 2usize),
            (vec![1, 1, 1, 1], 2),
            (vec![100, 1, 1, 1], 2),
            (vec![1, 1, 1, 100], 2),
            (vec![5, 5, 5, 5, 5], 3),
            (vec![0, 0, 0], 3),
        ] {
            let groups = split(&sizes, threads);
            assert!(groups.len() <= threads && !groups.is_empty(), "{sizes:?} {groups:?}");
            let mut next = 0;
            for g in &groups {
                assert_eq!(g.start, next);
                assert!(g.end > g.start);
                next = g.end;
            }
            assert_eq!(next, sizes.len());
        }
        assert_eq!(split(&[1, 1, 1, 1], 2).len(), 2);
    }
}
