//! Measures the engine against a plain `csv` ByteRecord read of the same generated export.
//!
//! `cargo run --release -p active-profiles-engine --example bench -- 1000000`
//! (`REPEAT=5` runs of each, the fastest counts; `ENGINE_ONLY=1` or `CSV_ONLY=1` for one side;
//! `AS_OF=YYYY-MM-DD` also times a report as of that date).
//!
//! Measured on the shared 2-core development machine, 1 million rows (85 MB):
//! the floor read takes 0.08 s, the engine 0.39 s (about 20 % of the floor's
//! speed, 215 MB/s); 225 259 profiles hold 55 bytes each in use on top of the
//! key's own bytes. The per-row cost is dominated by the memory the profile
//! lookup touches (index bucket, slot, key bytes), which the floor read does
//! not have.

use std::time::Instant;

use engine::generate::{generate_log, GeneratorConfig};
use engine::{Counter, Options, ReportSettings};

fn main() {
    let rows: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let config = GeneratorConfig::benchmark(rows);
    let mut bytes = Vec::new();
    if let Err(e) = generate_log(&config, &mut bytes) {
        eprintln!("generate: {e}");
        return;
    }
    let mb = bytes.len() as f64 / 1e6;
    println!("{rows} rows, {mb:.1} MB");

    let mut csv_secs = f64::MAX;
    let mut n = 0u64;
    let repeat: usize = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let repeat = if std::env::var_os("ENGINE_ONLY").is_some() { 0 } else { repeat };
    for _ in 0..repeat {
        let t = Instant::now();
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let mut record = csv::ByteRecord::new();
        n = 0;
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            n += record.len() as u64;
        }
        csv_secs = csv_secs.min(t.elapsed().as_secs_f64());
    }
    println!("csv ByteRecord read: {csv_secs:.3} s, {:.0} MB/s ({n} fields)", mb / csv_secs);

    if std::env::var_os("CSV_ONLY").is_some() {
        return;
    }
    let mut read_secs = f64::MAX;
    let mut counter = Counter::new(Options::default());
    for _ in 0..std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(3usize).max(1) {
        let t = Instant::now();
        counter = Counter::new(Options::default());
        let file = counter.begin_file("bench.csv", None);
        for chunk in bytes.chunks(1 << 20) {
            if let Err(e) = counter.push(file, chunk) {
                eprintln!("{e}");
                return;
            }
        }
        if let Err(e) = counter.end_file(file) {
            eprintln!("{e}");
            return;
        }
        read_secs = read_secs.min(t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let report = counter.report(&ReportSettings::default());
    let report_secs = t.elapsed().as_secs_f64();
    println!(
        "engine: {read_secs:.3} s, {:.0} MB/s ({:.0}% of csv), report {report_secs:.3} s",
        mb / read_secs,
        100.0 * csv_secs / read_secs
    );
    // `AS_OF=2026-04-30`: also a recount as of a past date (the viewer's new as-of date), which
    // looks up the inner days of the active profiles.
    if let Some(as_of) = std::env::var("AS_OF").ok().and_then(|d| d.parse().ok()) {
        let settings = ReportSettings { as_of: Some(as_of), ..Default::default() };
        let t = Instant::now();
        let report = counter.report(&settings);
        println!("report as of {as_of}: {:.3} s, {} active", t.elapsed().as_secs_f64(), report.total_active);
    }
    let profiles = counter.profiles();
    println!(
        "{} profiles, {} active, store {:.1} MB: {:.1} bytes per profile on top of {:.1} bytes of key",
        profiles,
        report.total_active,
        counter.profile_bytes() as f64 / 1e6,
        (counter.profile_bytes() - counter.profile_key_bytes()) as f64 / profiles.max(1) as f64,
        counter.profile_key_bytes() as f64 / profiles.max(1) as f64
    );
    println!(
        "in use: {:.1} bytes per profile on top of the key",
        (counter.profile_used_bytes() - counter.profile_key_bytes()) as f64 / profiles.max(1) as f64
    );
    println!("{}", counter.profile_breakdown());
}
