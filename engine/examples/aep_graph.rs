//! Measures the identity graph alone: bytes per identity and records per second, without reading JSON.
//!
//! `cargo run --release -p active-profiles-engine --example aep_graph -- 10000000`
//! (`JSON=1000000`: first times the whole pipeline, JSON lines of the seeded generator to the
//! report, on one thread, against the same records pushed to the graph alone.)
//!
//! Builds records of two identities each (an `ECID` of 38 digits and an `Email` of about 24
//! characters; one record in 8 also links a `CRMID`, one in 16 repeats an earlier e-mail, so
//! components join) until the counter holds the asked number of distinct identities, then
//! makes a report. Memory is counted by a counting global allocator (bytes requested and not
//! freed, at the peak), not taken from the process's RSS; the generation reuses one record, so
//! what is counted is the counter's state (and, for the report, its temporary arrays).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use engine::aep::record::{Identity, Record};
use engine::aep::{ProfileCounter, ProfileSettings};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = NOW.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn set(s: &mut String, prefix: &str, n: u64, width: usize, suffix: &str) {
    use std::fmt::Write;
    s.clear();
    let _ = write!(s, "{prefix}{n:0width$}{suffix}");
}

fn make(record: &mut Record, crm: &Identity, n: u64) {
    set(&mut record.identities[0].id, "34113965", 854450796644 + n, 30, "");
    let mail = if n.is_multiple_of(16) { n / 3 } else { n };
    set(&mut record.identities[1].id, "customer.", mail, 9, "@example.com");
    record.identities.truncate(2);
    if n.is_multiple_of(8) {
        record.identities.push(crm.clone());
        set(&mut record.identities[2].id, "CRM", n / 2, 8, "");
    }
}

/// The whole pipeline on one thread: a generated export's JSON lines read, parsed and stitched.
fn pipeline(records: usize) {
    use engine::aep::generate::{profile_export, ExportSpec};
    let spec = ExportSpec { records, snapshots: 0, files: 1, ..ExportSpec::default() };
    let files = profile_export(&spec);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let t = Instant::now();
    let mut c = ProfileCounter::new();
    for f in &files {
        let id = c.begin_file(&f.path, None);
        for chunk in f.bytes.chunks(1 << 20) {
            let _ = c.push(id, chunk);
        }
        let _ = c.end_file(id);
    }
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let report = c.report(&ProfileSettings::default());
    let rep = t.elapsed().as_secs_f64();
    println!(
        "pipeline: {} records, {:.0} MB of JSON lines read in {read:.2} s = {:.0} MB/s ({:.2} M records/s); \
         {} identities, {} profiles, report {rep:.2} s",
        c.records(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / read,
        c.records() as f64 / read / 1e6,
        c.identities(),
        report.snapshots.first().map_or(0, |s| s.profiles)
    );
}

fn main() {
    if let Some(n) = std::env::var("JSON").ok().and_then(|n| n.parse().ok()) {
        pipeline(n);
    }
    let target: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let mut record = Record {
        identities: vec![
            Identity { namespace: "ECID".into(), id: String::new() },
            Identity { namespace: "Email".into(), id: String::new() },
        ],
        segments: Vec::new(),
    };
    let crm = Identity { namespace: "CRMID".into(), id: String::new() };
    // The same records made without the counter: their making is not the graph's time.
    let t = Instant::now();
    let mut made = 0usize;
    for n in 1..=target / 2 {
        make(&mut record, &crm, n);
        made += record.identities.len();
    }
    let making = t.elapsed().as_secs_f64();
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut c = ProfileCounter::new();
    let file = c.begin_file("bench.json", None);
    let t = Instant::now();
    let mut n = 0u64;
    while c.identities() < target {
        n += 1;
        make(&mut record, &crm, n);
        c.push_record(file, n, &record);
    }
    let total = t.elapsed().as_secs_f64();
    // Making about as many records took `making` (scaled to the records made here).
    let secs = (total - making * n as f64 / (target / 2) as f64).max(1e-9);
    println!("{made} identities made in {making:.2} s; counting with them {total:.2} s");
    c.end_docs(file, "generated");
    let held = NOW.load(Ordering::Relaxed) - base;
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let ids = c.identities();
    println!(
        "{n} records, {ids} identities in {secs:.2} s: {:.2} M records/s, {:.2} M identities/s",
        n as f64 / secs / 1e6,
        ids as f64 / secs / 1e6
    );
    println!(
        "state held {:.0} MB = {:.1} bytes per identity (peak while growing {:.0} MB = {:.1} bytes per identity); \
         of which the graph's state {:.0} MB, in use {:.0} MB = {:.1} bytes per identity",
        held as f64 / 1e6,
        held as f64 / ids as f64,
        peak as f64 / 1e6,
        peak as f64 / ids as f64,
        c.graph_bytes() as f64 / 1e6,
        c.graph_bytes_used() as f64 / 1e6,
        c.graph_bytes_used() as f64 / ids as f64
    );
    PEAK.store(NOW.load(Ordering::Relaxed), Ordering::Relaxed);
    let t = Instant::now();
    let report = c.report(&ProfileSettings { include_identities: true, ..ProfileSettings::default() });
    let secs = t.elapsed().as_secs_f64();
    let s = &report.snapshots[0];
    println!(
        "report in {secs:.2} s: {} profiles, case duplicates {:?}; peak during the report {:.0} MB = {:.1} bytes per identity",
        s.profiles,
        s.case_duplicates.iter().map(|d| d.fewer).collect::<Vec<_>>(),
        (PEAK.load(Ordering::Relaxed) - base) as f64 / 1e6,
        (PEAK.load(Ordering::Relaxed) - base) as f64 / ids as f64
    );
}
