//! `--stats`: elapsed time and peak resident memory, printed to standard error (for the benchmark).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

/// Byte ranges that large files were cut into, and ranges read again (see `run`).
pub static RANGES: AtomicUsize = AtomicUsize::new(0);
pub static RANGES_READ_AGAIN: AtomicUsize = AtomicUsize::new(0);
/// Shards the profiles were kept in (0: not sharded).
pub static SHARDS: AtomicUsize = AtomicUsize::new(0);
/// Time merging the shards' counters took (part of the reading time).
pub static SHARD_MERGE_MICROS: AtomicU64 = AtomicU64::new(0);
/// Microseconds spent reading (all threads at work) and merging the counters (one thread).
pub static READ_MICROS: AtomicU64 = AtomicU64::new(0);
pub static MERGE_MICROS: AtomicU64 = AtomicU64::new(0);
/// Microseconds spent making the report from the merged state (`profiles`: the figures of every snapshot).
pub static REPORT_MICROS: AtomicU64 = AtomicU64::new(0);

/// Peak resident set size in bytes, from `/proc/self/status` (`VmHWM`); `None` off Linux.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

pub fn print(elapsed: Duration) {
    let ranges = RANGES.load(Ordering::Relaxed);
    if ranges > 0 {
        eprintln!("stats: {ranges} byte ranges, {} read again", RANGES_READ_AGAIN.load(Ordering::Relaxed));
    }
    let shards = SHARDS.load(Ordering::Relaxed);
    if shards > 0 {
        let merge = SHARD_MERGE_MICROS.load(Ordering::Relaxed) as f64 / 1e6;
        eprintln!("stats: profiles kept in {shards} shards, each read by a thread; merging them {merge:.3} s");
    }
    let (read, merge) = (READ_MICROS.load(Ordering::Relaxed), MERGE_MICROS.load(Ordering::Relaxed));
    if read > 0 {
        eprintln!("stats: reading {:.3} s, merging {:.3} s", read as f64 / 1e6, merge as f64 / 1e6);
    }
    let report = REPORT_MICROS.load(Ordering::Relaxed);
    if report > 0 {
        eprintln!("stats: report {:.3} s", report as f64 / 1e6);
    }
    match peak_rss() {
        Some(bytes) => eprintln!("stats: elapsed {:.3} s, peak RSS {} KiB", elapsed.as_secs_f64(), bytes / 1024),
        None => eprintln!("stats: elapsed {:.3} s, peak RSS unknown", elapsed.as_secs_f64()),
    }
}
