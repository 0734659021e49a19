//! `--stats`: elapsed time and peak resident memory, printed to standard error (for the benchmark).

use std::time::Duration;

/// Peak resident set size in bytes, from `/proc/self/status` (`VmHWM`); `None` off Linux.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

pub fn print(elapsed: Duration) {
    match peak_rss() {
        Some(bytes) => eprintln!("stats: elapsed {:.3} s, peak RSS {} KiB", elapsed.as_secs_f64(), bytes / 1024),
        None => eprintln!("stats: elapsed {:.3} s, peak RSS unknown", elapsed.as_secs_f64()),
    }
}
