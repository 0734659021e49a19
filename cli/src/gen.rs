//! The `generate` command: the engine's seeded generator, streamed to a file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use engine::aep::generate::{export_paths, write_export, ExportSpec};
use engine::aep::parquet::{ParquetCodec, ProfileParquetWriter};
use engine::engage::generate::{
    event_paths, rejected_events, write_events, write_events_csv, EventSpec, REJECTED_KINDS, REJECTED_PER_KIND,
};
use engine::engage::parquet::EventParquetWriter;
use engine::generate::{Channel, DateFormat, Dimension, Encoding, EnumStyle, GeneratorConfig, HeaderStyle, Shares};

use crate::Failure;

/// Starting point of the knobs; every other flag overrides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// 10 000 rows over the year up to 2026-10-24, one instance.
    Default,
    /// The viewer's demo export (4 000 rows, two years, two instances).
    Demo,
    /// The benchmark's export (about 100 bytes a row, a profile pool of a fifth of the rows).
    Benchmark,
}

/// The file format of a generated AEP export (`--aep`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AepFormat {
    /// One record per line (`part-00000.json`).
    JsonLines,
    /// One JSON array of records per file (`part-00000.json`).
    JsonArray,
    /// JSON lines, gzip-compressed (`part-00000.json.gz`).
    Gzip,
    /// Parquet (`part-00000.parquet`, or `part-00000.gz.parquet` with `--parquet-codec gzip`).
    Parquet,
}

/// The file format of generated engagement events (`--events`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsFormat {
    /// One event per line (`part-00000.json`).
    JsonLines,
    /// One JSON array of events per file (`part-00000.json`).
    JsonArray,
    /// JSON lines, gzip-compressed (`part-00000.json.gz`).
    Gzip,
    /// Parquet (`part-00000.parquet`, or `part-00000.gz.parquet` with `--parquet-codec gzip`).
    Parquet,
    /// The CSV of a Query Service query (`part-00000.csv`): timestamp,profileID,journeyVersionName,sandbox,sandboxType,inDryRun.
    Csv,
}

/// The compression of a generated Parquet file's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Codec {
    Snappy,
    Gzip,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// The delivery-log file to write.
    #[arg(long, value_name = "FILE", required_unless_present_any = ["aep", "events"])]
    pub output: Option<PathBuf>,
    /// Write a seeded AEP profile export (Journey Optimizer) into this folder instead of a delivery
    /// log: DIR/<dataset>/exportTime=YYYYMMDDHHMM/part-0000N.json, the snapshots a month apart.
    /// --rows sets the records per snapshot (default 1000), --seed the seed.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "deliveries_output"])]
    pub aep: Option<PathBuf>,
    /// Write seeded Journey Optimizer engagement events (journey step events and campaign messages)
    /// into this folder instead of a delivery log: DIR/journey_step_events/part-0000N.json over the
    /// 400 days up to --as-of, with a spike 200 days before it. --rows sets the events (default
    /// 5000), --profiles the people (default a fifth of the events), --files the files (default 2).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "deliveries_output", "aep"])]
    pub events: Option<PathBuf>,
    /// The events' file format (default json-lines).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub events_format: Option<EventsFormat>,
    /// The events' last day, YYYY-MM-DD (default 2026-11-30).
    #[arg(long, value_parser = crate::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Write the events of the people of `generate --aep DIR --seed SEED --rows RECORDS` (two
    /// snapshots), so that stitching with that export joins a person's identities.
    #[arg(long, value_name = "SEED:RECORDS", value_parser = parse_stitch)]
    pub stitch_with: Option<(u64, usize)>,
    /// The AEP export's file format (default json-lines).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub aep_format: Option<AepFormat>,
    /// The codec of `--aep-format parquet` and `--events-format parquet` (default snappy).
    #[arg(long, value_enum)]
    pub parquet_codec: Option<Codec>,
    /// The AEP export's `exportTime=` folders, a month apart (default 2; 0: files with no such folder).
    #[arg(long)]
    pub snapshots: Option<usize>,
    /// The AEP export's files per snapshot, or the events' files (default 2).
    #[arg(long)]
    pub files: Option<usize>,
    /// The AEP export's dataset folder (default `demo`).
    #[arg(long)]
    pub dataset: Option<String>,
    /// The first `exportTime=` day, YYYY-MM-DD (default 2026-11-01).
    #[arg(long, value_parser = crate::parse_date)]
    pub first_export: Option<NaiveDate>,
    /// Leave out the rejected records of the AEP export (two of each kind per snapshot by default) or
    /// of the events (three of each kind).
    #[arg(long)]
    pub no_rejected: bool,
    /// Also write a deliveries file here; the log rows then carry a delivery id instead of
    /// channel, target dimension, transactional and proof.
    #[arg(long, value_name = "FILE")]
    pub deliveries_output: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "default")]
    pub preset: Preset,
    /// Seed: the same seed and knobs give the same bytes.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Log rows after the header.
    #[arg(long)]
    pub rows: Option<u64>,
    /// Size of the profile pool, split across target dimensions by weight.
    #[arg(long)]
    pub profiles: Option<u64>,
    /// First delivery day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    pub start: Option<NaiveDate>,
    /// Last delivery day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    pub end: Option<NaiveDate>,
    /// Instance names, comma-separated; several write an instance column.
    #[arg(long, value_delimiter = ',')]
    pub instances: Vec<String>,
    /// Write an instance column even with one instance.
    #[arg(long)]
    pub instance_column: bool,
    /// Target-dimension weights: recipients=70,visitors=10,subscriptions=8,anonymous=12.
    #[arg(long, value_name = "NAME=WEIGHT,...")]
    pub dimensions: Option<String>,
    /// Channel weights: email=70,sms=20,push=10.
    #[arg(long, value_name = "NAME=WEIGHT,...")]
    pub channels: Option<String>,
    /// Number of deliveries (default: rows / 1000, between 60 and 20 000).
    #[arg(long)]
    pub deliveries: Option<u32>,
    /// Row shares by fate, NAME=FRACTION (repeatable): proof, seed, social, control, ignored, cancelled,
    /// not-applicable, failure-excluded, failed, unknown-status, address-only, missing-key, bad-date,
    /// case-variant (a share of profiles).
    #[arg(long = "share", value_name = "NAME=FRACTION")]
    pub shares: Vec<String>,
    /// Start from no exclusions and no bad rows (then add some with --share).
    #[arg(long)]
    pub clean: bool,
    /// Field delimiter: , ; tab |
    #[arg(long, value_name = ", ; tab |")]
    pub delimiter: Option<String>,
    /// utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252.
    #[arg(long)]
    pub encoding: Option<Encoding>,
    /// Header names: labels (`Recipient ID`) or internal (`@recipient-id`).
    #[arg(long)]
    pub headers: Option<HeaderStyle>,
    /// Status, failure reason and failure type as labels or numbers.
    #[arg(long)]
    pub enums: Option<EnumStyle>,
    /// iso-date, iso, iso-offset, iso-utc, day-first, month-first, dots, dashes, year-slash.
    #[arg(long)]
    pub dates: Option<DateFormat>,
    /// End lines with CR LF.
    #[arg(long)]
    pub crlf: bool,
    /// Add a free-text Subject column (ignored by the counting) whose values hold delimiters,
    /// quotes and, now and then, a line break.
    #[arg(long)]
    pub subject_column: bool,
}

/// Turns the flags into a generator configuration.
pub fn config(args: &GenerateArgs) -> Result<GeneratorConfig, Failure> {
    let mut c = match args.preset {
        Preset::Default => GeneratorConfig::default(),
        Preset::Demo => GeneratorConfig::demo(),
        Preset::Benchmark => GeneratorConfig::benchmark(args.rows.unwrap_or(10_000_000)),
    };
    if let Some(v) = args.seed {
        c.seed = v;
    }
    if let Some(v) = args.rows {
        c.rows = v;
    }
    if let Some(v) = args.profiles {
        c.profiles = v;
    }
    if let Some(v) = args.start {
        c.start = v;
    }
    if let Some(v) = args.end {
        c.end = v;
    }
    if !args.instances.is_empty() {
        c.instances = args.instances.iter().map(|s| s.trim().to_owned()).collect();
    }
    c.instance_column |= args.instance_column;
    if let Some(list) = &args.dimensions {
        c.dimensions = weights::<Dimension>(list, "--dimensions")?;
    }
    if let Some(list) = &args.channels {
        c.channels = weights::<Channel>(list, "--channels")?;
    }
    if args.deliveries.is_some() {
        c.deliveries = args.deliveries;
    }
    c.deliveries_file = args.deliveries_output.is_some();
    if args.clean {
        c.shares = Shares::none();
    }
    for s in &args.shares {
        set_share(&mut c.shares, s)?;
    }
    if let Some(d) = &args.delimiter {
        c.layout.delimiter = match d.as_str() {
            "," => b',',
            ";" => b';',
            "tab" | "\\t" | "\t" => b'\t',
            "|" => b'|',
            other => return Err(Failure::input(format!("--delimiter '{other}': use , ; tab or |"))),
        };
    }
    if let Some(v) = args.encoding {
        c.layout.encoding = v;
    }
    if let Some(v) = args.headers {
        c.layout.headers = v;
    }
    if let Some(v) = args.enums {
        c.layout.enums = v;
    }
    if let Some(v) = args.dates {
        c.layout.dates = v;
    }
    c.layout.crlf |= args.crlf;
    c.subject_column |= args.subject_column;
    c.validate().map_err(Failure::input)?;
    Ok(c)
}

fn weights<T: std::str::FromStr<Err = engine::generate::ParseKnobError>>(
    list: &str,
    flag: &str,
) -> Result<Vec<(T, u32)>, Failure> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|item| {
            let (name, weight) = item.split_once('=').unwrap_or((item, "1"));
            let value = name.parse::<T>().map_err(|e| Failure::input(format!("{flag}: {e}")))?;
            let weight = weight
                .trim()
                .parse::<u32>()
                .map_err(|_| Failure::input(format!("{flag}: weight '{weight}' of {name} is not a whole number")))?;
            Ok((value, weight))
        })
        .collect()
}

fn set_share(shares: &mut Shares, spec: &str) -> Result<(), Failure> {
    let (name, value) =
        spec.split_once('=').ok_or_else(|| Failure::input(format!("--share '{spec}': expected NAME=FRACTION")))?;
    let v: f64 = value
        .trim()
        .parse()
        .map_err(|_| Failure::input(format!("--share '{spec}': '{value}' is not a number such as 0.01")))?;
    let slot = match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "proof" => &mut shares.proof,
        "seed" => &mut shares.seed,
        "social" => &mut shares.social,
        "control" => &mut shares.control,
        "ignored" => &mut shares.ignored,
        "cancelled" => &mut shares.cancelled,
        "not-applicable" => &mut shares.not_applicable,
        "failure-excluded" => &mut shares.failure_excluded,
        "failed" => &mut shares.failed,
        "unknown-status" => &mut shares.unknown_status,
        "address-only" => &mut shares.address_only,
        "missing-key" => &mut shares.missing_key,
        "bad-date" => &mut shares.bad_date,
        "case-variant" => &mut shares.case_variant,
        other => return Err(Failure::input(format!("--share: unknown share '{other}'"))),
    };
    *slot = v;
    Ok(())
}

fn parse_stitch(s: &str) -> Result<(u64, usize), String> {
    let bad = || format!("'{s}': give SEED:RECORDS, the --seed and --rows of the AEP export, e.g. 7:1500");
    let (seed, records) = s.split_once(':').ok_or_else(bad)?;
    Ok((seed.trim().parse().map_err(|_| bad())?, records.trim().parse().map_err(|_| bad())?))
}

/// The first flag given of `flags` (name, given).
fn given<'a>(flags: &[(&'a str, bool)]) -> Option<&'a str> {
    flags.iter().find(|(_, given)| *given).map(|(flag, _)| *flag)
}

pub fn generate(args: &GenerateArgs) -> Result<(), Failure> {
    let aep_only = [
        ("--aep-format", args.aep_format.is_some()),
        ("--snapshots", args.snapshots.is_some()),
        ("--dataset", args.dataset.is_some()),
        ("--first-export", args.first_export.is_some()),
    ];
    let events_only = [
        ("--events-format", args.events_format.is_some()),
        ("--as-of", args.as_of.is_some()),
        ("--stitch-with", args.stitch_with.is_some()),
    ];
    let exports = [
        ("--parquet-codec", args.parquet_codec.is_some()),
        ("--files", args.files.is_some()),
        ("--no-rejected", args.no_rejected),
    ];
    if let Some(dir) = &args.events {
        let log_only = [
            ("--preset", args.preset != Preset::Default),
            ("--start", args.start.is_some()),
            ("--end", args.end.is_some()),
            ("--instances", !args.instances.is_empty()),
            ("--instance-column", args.instance_column),
            ("--dimensions", args.dimensions.is_some()),
            ("--channels", args.channels.is_some()),
            ("--deliveries", args.deliveries.is_some()),
            ("--share", !args.shares.is_empty()),
            ("--clean", args.clean),
            ("--delimiter", args.delimiter.is_some()),
            ("--encoding", args.encoding.is_some()),
            ("--headers", args.headers.is_some()),
            ("--enums", args.enums.is_some()),
            ("--dates", args.dates.is_some()),
            ("--crlf", args.crlf),
            ("--subject-column", args.subject_column),
        ];
        if let Some(flag) = given(&aep_only) {
            return Err(Failure::input(format!(
                "{flag} is an option of --aep DIR (an AEP export), not of --events DIR"
            )));
        }
        if let Some(flag) = given(&log_only) {
            return Err(Failure::input(format!(
                "{flag} is an option of the delivery-log generator (--output FILE), not of --events DIR"
            )));
        }
        return events_export(args, dir);
    }
    if let Some(flag) = given(&events_only) {
        return Err(Failure::input(format!("{flag} is an option of --events DIR (engagement events)")));
    }
    if let Some(dir) = &args.aep {
        return aep_export(args, dir);
    }
    if let Some(flag) = given(&aep_only) {
        return Err(Failure::input(format!("{flag} is an option of --aep DIR (an AEP export)")));
    }
    if let Some(flag) = given(&exports) {
        return Err(Failure::input(format!("{flag} is an option of --aep DIR and --events DIR")));
    }
    let config = config(args)?;
    let create = |path: &PathBuf| {
        File::create(path).map_err(|e| Failure::output(format!("{}: cannot create it: {e}", path.display())))
    };
    let output = args
        .output
        .as_ref()
        .ok_or_else(|| Failure::input("generate: give --output FILE, --aep DIR or --events DIR"))?;
    let log = create(output)?;
    let deliveries = match &args.deliveries_output {
        Some(path) => Some(create(path)?),
        None => None,
    };
    let summary = engine::generate::generate(&config, log, deliveries)
        .map_err(|e| Failure::output(format!("{}: {e}", output.display())))?;
    eprintln!(
        "{}: {} rows ({} bytes): {} counted, {} excluded, {} rejected{}",
        output.display(),
        summary.rows,
        summary.bytes,
        summary.counted,
        summary.excluded.total(),
        summary.rejected,
        match &args.deliveries_output {
            Some(p) => format!("; {}: {} deliveries", p.display(), summary.deliveries),
            None => String::new(),
        }
    );
    Ok(())
}

/// The spec of `--aep`.
pub fn export_spec(args: &GenerateArgs) -> ExportSpec {
    let d = ExportSpec::default();
    ExportSpec {
        seed: args.seed.unwrap_or(d.seed),
        records: args.rows.map(|r| r as usize).unwrap_or(d.records),
        snapshots: args.snapshots.unwrap_or(d.snapshots),
        files: args.files.unwrap_or(d.files).max(1),
        dataset: args.dataset.clone().unwrap_or(d.dataset),
        start: args.first_export.unwrap_or(d.start),
        rejected: !args.no_rejected,
    }
}

/// One file of a generated AEP export or of generated events being written.
enum ExportFile {
    /// JSON lines, or CSV rows.
    Lines(BufWriter<File>),
    Array(BufWriter<File>, bool),
    Gzip(Box<flate2::write::GzEncoder<BufWriter<File>>>),
    Parquet(Box<ProfileParquetWriter<BufWriter<File>>>),
    EventParquet(Box<EventParquetWriter<BufWriter<File>>>),
}

impl ExportFile {
    /// Writes one record (a JSON line with its `\n`); returns whether the format could hold it.
    fn record(&mut self, line: &[u8]) -> Result<bool, String> {
        let e = |e: std::io::Error| e.to_string();
        match self {
            ExportFile::Lines(w) => w.write_all(line).map_err(e)?,
            ExportFile::Gzip(w) => w.write_all(line).map_err(e)?,
            ExportFile::Array(w, first) => {
                // A record that is not JSON would break the whole array: left out.
                if serde_json::from_slice::<serde_json::Value>(line).is_err() {
                    return Ok(false);
                }
                w.write_all(if *first { b"[\n" } else { b",\n" }).map_err(e)?;
                w.write_all(line.strip_suffix(b"\n").unwrap_or(line)).map_err(e)?;
                *first = false;
            }
            ExportFile::Parquet(w) => w.push(line)?,
            ExportFile::EventParquet(w) => w.push(line)?,
        }
        Ok(true)
    }

    /// Ends the file; returns the records it left out (Parquet).
    fn finish(self) -> Result<u64, String> {
        let e = |e: std::io::Error| e.to_string();
        match self {
            ExportFile::Lines(mut w) => w.flush().map_err(e)?,
            ExportFile::Gzip(w) => w.finish().map_err(e)?.flush().map_err(e)?,
            ExportFile::Array(mut w, first) => {
                w.write_all(if first { b"[]\n" } else { b"\n]\n" }).map_err(e)?;
                w.flush().map_err(e)?
            }
            ExportFile::Parquet(w) => return w.finish().map(|(_, left_out)| left_out),
            ExportFile::EventParquet(w) => return w.finish().map(|(_, left_out)| left_out),
        }
        Ok(0)
    }
}

/// `generate --aep DIR`: the engine's AEP export generator, streamed to its files under DIR.
fn aep_export(args: &GenerateArgs, dir: &Path) -> Result<(), Failure> {
    let spec = export_spec(args);
    let codec = parquet_codec(args);
    let kind = match args.aep_format.unwrap_or(AepFormat::JsonLines) {
        AepFormat::JsonLines => Kind::Lines(".json"),
        AepFormat::JsonArray => Kind::Array,
        AepFormat::Gzip => Kind::Gzip,
        AepFormat::Parquet => Kind::ProfileParquet(codec),
    };
    let written = write_files(dir, &export_paths(&spec), kind, |write| write_export(&spec, write))?;
    let left_out = written.left_out;
    eprintln!(
        "{}: {} records in {} files ({} bytes), {} rejected by design{}",
        dir.display(),
        written.records - left_out,
        written.files,
        written.bytes,
        spec.snapshots.max(1) * engine::aep::generate::rejected_per_snapshot(&spec) - left_out as usize,
        if left_out > 0 { format!(", {left_out} left out (the format cannot hold them)") } else { String::new() }
    );
    Ok(())
}

/// How the files of a generated export (`--aep`, `--events`) are written.
#[derive(Clone, Copy)]
enum Kind {
    /// One record per line, in files with this extension (`.json`, `.csv`).
    Lines(&'static str),
    Array,
    Gzip,
    ProfileParquet(ParquetCodec),
    EventParquet(ParquetCodec),
}

impl Kind {
    fn extension(self) -> &'static str {
        match self {
            Kind::Lines(ext) => ext,
            Kind::Array => ".json",
            Kind::Gzip => ".json.gz",
            Kind::ProfileParquet(ParquetCodec::Snappy) | Kind::EventParquet(ParquetCodec::Snappy) => ".parquet",
            Kind::ProfileParquet(ParquetCodec::Gzip) | Kind::EventParquet(ParquetCodec::Gzip) => ".gz.parquet",
        }
    }

    fn open(self, w: BufWriter<File>) -> Result<ExportFile, String> {
        Ok(match self {
            Kind::Lines(_) => ExportFile::Lines(w),
            Kind::Array => ExportFile::Array(w, true),
            Kind::Gzip => ExportFile::Gzip(Box::new(flate2::write::GzEncoder::new(w, flate2::Compression::default()))),
            Kind::ProfileParquet(codec) => {
                ExportFile::Parquet(Box::new(ProfileParquetWriter::new(w, codec).map_err(|e| e.to_string())?))
            }
            Kind::EventParquet(codec) => {
                ExportFile::EventParquet(Box::new(EventParquetWriter::new(w, codec).map_err(|e| e.to_string())?))
            }
        })
    }
}

/// What [`write_files`] wrote.
struct Written {
    /// Records handed out by the generator.
    records: u64,
    /// Of them, records the format cannot hold (not JSON in an array, too odd for Parquet).
    left_out: u64,
    files: usize,
    bytes: u64,
}

/// The `--parquet-codec` asked for (Snappy when none).
fn parquet_codec(args: &GenerateArgs) -> ParquetCodec {
    match args.parquet_codec.unwrap_or(Codec::Snappy) {
        Codec::Snappy => ParquetCodec::Snappy,
        Codec::Gzip => ParquetCodec::Gzip,
    }
}

/// Creates the files `names` (the generator's paths, `….json`) under `dir` in `kind`, and writes
/// to them the records that `produce` hands out (file index, a JSON line or CSV row with its `\n`);
/// `produce` returns how many it handed out.
fn write_files(
    dir: &Path,
    names: &[String],
    kind: Kind,
    produce: impl FnOnce(&mut dyn FnMut(usize, &[u8])) -> u64,
) -> Result<Written, Failure> {
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|p| dir.join(format!("{}{}", p.strip_suffix(".json").unwrap_or(p), kind.extension())))
        .collect();
    let mut files = Vec::with_capacity(paths.len());
    for path in &paths {
        let cannot = |e: &dyn std::fmt::Display| Failure::output(format!("{}: cannot create it: {e}", path.display()));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot(&e))?;
        }
        let w = BufWriter::new(File::create(path).map_err(|e| cannot(&e))?);
        files.push(kind.open(w).map_err(|e| cannot(&e))?);
    }
    let mut failed: Option<(usize, String)> = None;
    let mut left_out = 0u64;
    let records = produce(&mut |file, line| {
        if failed.is_some() {
            return;
        }
        match files[file].record(line) {
            Ok(true) => {}
            Ok(false) => left_out += 1,
            Err(e) => failed = Some((file, e)),
        }
    });
    if let Some((file, e)) = failed {
        return Err(Failure::output(format!("{}: {e}", paths[file].display())));
    }
    for (file, path) in files.into_iter().zip(&paths) {
        left_out += file.finish().map_err(|e| Failure::output(format!("{}: {e}", path.display())))?;
    }
    let bytes = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    Ok(Written { records, left_out, files: paths.len(), bytes })
}

/// The spec of `--events`.
pub fn event_spec(args: &GenerateArgs) -> EventSpec {
    let d = EventSpec::default();
    let events = args.rows.map(|r| r as usize).unwrap_or(d.events);
    EventSpec {
        seed: args.seed.unwrap_or(d.seed),
        events,
        people: args.profiles.map(|p| p as usize).unwrap_or((events / 5).max(1)),
        as_of: args.as_of.unwrap_or(d.as_of),
        files: args.files.unwrap_or(d.files).max(1),
        sandboxes: d.sandboxes,
        rejected: !args.no_rejected,
        stitch_seed: args.stitch_with,
    }
}

/// `generate --events DIR`: the engine's engagement-event generator, streamed to its files under DIR.
fn events_export(args: &GenerateArgs, dir: &Path) -> Result<(), Failure> {
    let spec = event_spec(args);
    let format = args.events_format.unwrap_or(EventsFormat::JsonLines);
    let kind = match format {
        EventsFormat::JsonLines => Kind::Lines(".json"),
        EventsFormat::Csv => Kind::Lines(".csv"),
        EventsFormat::JsonArray => Kind::Array,
        EventsFormat::Gzip => Kind::Gzip,
        EventsFormat::Parquet => Kind::EventParquet(parquet_codec(args)),
    };
    let written = write_files(dir, &event_paths(&spec), kind, |write| match format {
        EventsFormat::Csv => write_events_csv(&spec, write),
        _ => write_events(&spec, write),
    })?;
    let (mut lines, mut left_out) = (written.records, written.left_out);
    if format == EventsFormat::Csv && spec.rejected {
        // A CSV has no row for the rejected lines that are not a JSON object.
        let not_objects = REJECTED_KINDS.iter().filter(|k| matches!(**k, "not-json" | "not-object")).count();
        left_out += (not_objects * REJECTED_PER_KIND) as u64;
        lines += (not_objects * REJECTED_PER_KIND) as u64;
    }
    eprintln!(
        "{}: {} events in {} files ({} bytes), {} rejected by design{}",
        dir.display(),
        lines - left_out,
        written.files,
        written.bytes,
        (rejected_events(&spec) as u64).saturating_sub(left_out),
        if left_out > 0 { format!(", {left_out} left out (the format cannot hold them)") } else { String::new() }
    );
    Ok(())
}
