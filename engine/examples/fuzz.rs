//! Random fuzzing of the push-and-merge API on the stable toolchain (`make fuzz`).
//!
//! `cargo run --release -p active-profiles-engine --example fuzz -- SECONDS [SEED]`
//!
//! cargo-fuzz needs nightly; this harness needs nothing but the engine. Each case builds a few
//! files from a generated export, hostile tokens and random bytes, mutates them (byte flips,
//! insertions of quotes, line breaks, BOMs, NULs, long runs, truncation), pushes them in random
//! chunks into counters that get random files, merges the counters in two random orders and
//! checks, after every case:
//! - no panic (a panicking case is written to `target/fuzz-crashes/` and the run fails);
//! - `read = counted + excluded + rejected`, and the dimensions, the instances and the expiring
//!   months each add up to the total;
//! - merging in any order gives the report that one counter over all the files gives;
//! - a counter survives a serde round trip with the same report;
//! - each file cut at random offsets into byte ranges ([`engine::Split`]), counted part by part,
//!   sent through JSON and merged with `merge_parts` (reading again what it asks for), gives
//!   exactly the report of one pass over that file;
//! - the files counted as 2 or 3 key shards ([`Counter::sharded`]), one through JSON, merged
//!   with `merge_shards`, give the report of one pass (as of a past date too, with the profiles).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use engine::generate::{generate_log, GeneratorConfig};
use engine::{Counter, Options, Part, PartsError, Report, ReportSettings, Shard, Split};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TOKENS: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b"\n",
    b"\r",
    b"\r\n",
    b",",
    b";",
    b"\t",
    b"|",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xC3",
    b"\xE9",
    b"\x89PNG\r\n\x1a\n",
    b"PK\x03\x04",
    b"<script>window.__pwned=1</script>",
    b"<img src=x onerror=alert(1)>",
    b"=cmd|' /C calc'!A0",
    b"99999999999999999999",
    b"-1",
    b"0000-01-01",
    b"9999-12-31",
    b"31/02/2026",
    b"29/02/2024",
    b"12/13/2026",
    b"2026-10-25T23:30:00+14:00",
    b"2026-10-25T00:30:00-12:00",
    b"Sent",
    b"Ignored",
    b"Twitter",
    b"Anonymous",
    b"nms:recipient",
    b"x@y.z",
    b"X@Y.Z",
];

const HEADERS: &[&[u8]] = &[
    b"recipientId,eventDate,status,failureReason,channel,targetDimension,email,delivery,instance,proof,transactional\n",
    b"id;date;status;reason\n",
    b"email\tdate\tchannel\tcontrolgroup\n",
    b"\xEF\xBB\xBFprofile|timestamp|mapping|seed\n",
    b"who,when\n",
    b"",
];

struct Rng(ChaCha8Rng);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.0.next_u64() % 100 < percent
    }
}

/// One file's bytes: a header, rows of a generated export or of random tokens, then mutations.
fn make_file(r: &mut Rng, seed_export: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match r.below(3) {
        0 => {
            // A slice of the generated export, from its header.
            let end = r.below(seed_export.len().min(20_000));
            out.extend_from_slice(&seed_export[..end]);
        }
        1 => {
            out.extend_from_slice(HEADERS[r.below(HEADERS.len())]);
            for _ in 0..r.below(40) {
                for f in 0..r.below(12) {
                    if f > 0 {
                        out.push(b",;\t|"[r.below(4)]);
                    }
                    if r.chance(70) {
                        out.extend_from_slice(TOKENS[r.below(TOKENS.len())]);
                    } else {
                        out.extend_from_slice(format!("{}", r.below(1000)).as_bytes());
                    }
                }
                out.extend_from_slice(if r.chance(80) { b"\n" } else { b"\r\n" });
            }
        }
        _ => {
            out.extend_from_slice(HEADERS[r.below(HEADERS.len())]);
            for _ in 0..r.below(300) {
                out.push(r.0.next_u32() as u8);
            }
        }
    }
    // Mutations.
    for _ in 0..r.below(8) {
        if out.is_empty() {
            break;
        }
        let at = r.below(out.len() + 1).min(out.len());
        match r.below(6) {
            0 => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << r.below(8);
            }
            1 => {
                let t = TOKENS[r.below(TOKENS.len())];
                out.splice(at..at, t.iter().copied());
            }
            2 => out.truncate(at),
            3 => {
                // A long run: a long field or many columns.
                let b = [b'a', b',', b'"', b'\n', b'\r', b';'][r.below(6)];
                // Now and then past the limits: a row over 1 MiB, more than 10 000 fields.
                let n = if r.chance(2) { engine::MAX_ROW_BYTES + r.below(100) } else { r.below(12_000) };
                out.splice(at..at, std::iter::repeat_n(b, n));
            }
            4 => {
                let end = (at + r.below(50)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                // UTF-16 re-encoding of the whole file, sometimes with an odd length.
                if r.chance(30) {
                    let text = String::from_utf8_lossy(&out).into_owned();
                    let mut v = vec![0xFF, 0xFE];
                    for u in text.encode_utf16() {
                        v.extend_from_slice(&u.to_le_bytes());
                    }
                    if r.chance(50) {
                        v.pop();
                    }
                    out = v;
                }
            }
        }
    }
    out
}

fn push_file(c: &mut Counter, name: &str, instance: Option<&str>, bytes: &[u8], r: &mut Rng) {
    let f = c.begin_file(name, instance);
    let mut rest = bytes;
    while !rest.is_empty() {
        let max = if r.chance(50) { 16 } else { 4096 };
        let n = (1 + r.below(max)).min(rest.len());
        if c.push(f, &rest[..n]).is_err() {
            break;
        }
        rest = &rest[n..];
    }
    let _ = c.end_file(f);
}

/// One file counted in byte ranges cut at random offsets must give the report of one pass.
fn split_file(new: &dyn Fn() -> Counter, file: &[u8], r: &mut Rng) -> Result<(), String> {
    let len = file.len();
    split_file_cuts(new, file, r).map_err(|(e, cuts)| format!("{len}-byte file cut at {cuts:?}: {e}"))
}

fn split_file_cuts(new: &dyn Fn() -> Counter, file: &[u8], r: &mut Rng) -> Result<(), (String, Vec<u64>)> {
    let settings = ReportSettings::default();
    let mut one = new();
    let id = one.begin_file("f.csv", None);
    let whole_ok = one.push(id, file).and_then(|()| one.end_file(id)).is_ok();
    let head = &file[..file.len().min(engine::split::HEAD_BYTES)];
    let split = Split::new(head, file.len() as u64);
    let head = &head[..split.head_len()];
    let cuts: Vec<u64> = (0..r.below(7)).map(|_| r.below(file.len() + 1) as u64).collect();
    let mut count = |part: &Part| -> Result<Counter, String> {
        let mut c = new();
        let id = c.begin_part("f.csv", None, head, part);
        let mut pos = part.start as usize;
        let failed = |e: engine::FileError| format!("bytes {}..{}: {e}", part.start, part.end);
        while pos < file.len() && !c.part_done(id) {
            let max = if r.chance(50) { 16 } else { 4096 };
            let end = (pos + 1 + r.below(max)).min(file.len());
            c.push(id, &file[pos..end]).map_err(failed)?;
            pos = end;
        }
        c.end_file(id).map_err(failed)?;
        let json = serde_json::to_string(&c).map_err(|e| e.to_string())?;
        serde_json::from_str(&json).map_err(|e| e.to_string())
    };
    let parts: Result<Vec<Counter>, String> = split.parts_at(&cuts).iter().map(&mut count).collect();
    let mut parts = match parts {
        Ok(parts) => parts,
        Err(e) if whole_ok => return Err((format!("a byte range failed where one pass did not: {e}"), cuts)),
        Err(_) => return Ok(()),
    };
    if !whole_ok {
        return Err(("byte ranges counted a file that one pass could not".into(), cuts));
    }
    let mut merged = new();
    for _ in 0..=cuts.len() + 1 {
        match merged.merge_parts(&mut parts) {
            Ok(()) => {
                let (a, b) = (one.report(&settings), merged.report(&settings));
                if let Some(d) = differ(&a, &b) {
                    return Err((format!("one pass and byte ranges differ: {d}"), cuts));
                }
                if (&a.warnings, &a.files) != (&b.warnings, &b.files) {
                    return Err((
                        format!("byte ranges: warnings or files differ: {:?} vs {:?}", a.files, b.files),
                        cuts,
                    ));
                }
                return Ok(());
            }
            Err(PartsError::Redo(redo)) => match count(&redo.part) {
                Ok(c) => drop(parts.splice(redo.replaces, [c])),
                Err(e) => return Err((format!("a range read again failed: {e}"), cuts)),
            },
            Err(PartsError::Invalid(m)) => return Err((format!("merge_parts: {m}"), cuts)),
        }
    }
    Err(("more ranges read again than there are ranges".into(), cuts))
}

/// The first figure that differs between two reports, if any.
fn differ(a: &Report, b: &Report) -> Option<String> {
    let (a, b) = (figures(a), figures(b));
    let (serde_json::Value::Object(a), serde_json::Value::Object(b)) = (a, b) else { return None };
    a.iter().find(|(k, v)| b.get(*k) != Some(v)).map(|(k, v)| {
        let w = b.get(k).map(|w| w.to_string()).unwrap_or_default();
        let cut = |s: String| s.chars().take(600).collect::<String>();
        format!("{k}: {} vs {}", cut(v.to_string()), cut(w))
    })
}

/// The figures that must not depend on how the work was split.
fn figures(r: &Report) -> serde_json::Value {
    let mut excluded = r.excluded.clone();
    excluded.sort_by(|a, b| a.reason.cmp(&b.reason));
    serde_json::json!({
        "total": r.total_active, "dimensions": r.dimensions, "instances": r.instances, "channels": r.channels,
        "multi": r.multi_channel_profiles, "rows": r.rows, "excluded": excluded, "rejected": r.rejected,
        "unrecognised": r.unrecognised, "snapshots": r.snapshots, "daily": r.daily, "expiring": r.expiring,
        "duplicates": r.case_duplicates, "as_of": r.as_of,
    })
}

fn check(r: &Report) -> Result<(), String> {
    let rows = r.rows;
    if rows.read != rows.counted + rows.excluded + rows.rejected {
        return Err(format!("read {} != counted + excluded + rejected {:?}", rows.read, rows));
    }
    let dims: u64 = r.dimensions.iter().map(|d| d.active).sum();
    let insts: u64 = r.instances.iter().map(|d| d.active).sum();
    let exp: u64 = r.expiring.iter().map(|d| d.profiles).sum();
    if dims != r.total_active || insts != r.total_active || exp != r.total_active {
        return Err(format!("total {} dims {dims} instances {insts} expiring {exp}", r.total_active));
    }
    for i in &r.instances {
        if i.dimensions.iter().map(|d| d.active).sum::<u64>() != i.active {
            return Err(format!("instance {} does not add up", i.name));
        }
    }
    Ok(())
}

/// One case; `Err` on a broken invariant.
fn case(seed: u64, seed_export: &[u8]) -> Result<(), String> {
    let mut r = Rng(ChaCha8Rng::seed_from_u64(seed));
    let files: Vec<Vec<u8>> = (0..1 + r.below(4)).map(|_| make_file(&mut r, seed_export)).collect();
    let instances: Vec<Option<&str>> = files.iter().map(|_| if r.chance(30) { Some("other") } else { None }).collect();
    let options = Options { day_first: r.chance(50), ..Options::default() };
    let settings = ReportSettings::default();

    // Now and then a deliveries file too (random or generated), given to every counter.
    let deliveries = if r.chance(20) {
        let bytes = if r.chance(50) {
            b"deliveryId,label,channel,targetDimension,transactional,proof\nD1,Welcome,SMS,Visitors,0,0\n".to_vec()
        } else {
            make_file(&mut r, seed_export)
        };
        let mut d = engine::Deliveries::new("deliveries.csv", &options);
        let read = bytes.chunks(1 + r.below(64)).try_for_each(|c| d.push(c)).and_then(|()| d.finish());
        read.ok().map(|()| d)
    } else {
        None
    };
    let counter = || {
        let mut c = Counter::new(options.clone());
        if let Some(d) = &deliveries {
            c.set_deliveries(d.clone());
        }
        c
    };

    let mut whole = counter();
    for (i, f) in files.iter().enumerate() {
        push_file(&mut whole, &format!("f{i}.csv"), instances[i], f, &mut r);
    }
    let one = whole.report(&settings);
    check(&one)?;

    // Each file to a random counter of 3; merged in two orders.
    let mut parts: Vec<Counter> = (0..3).map(|_| counter()).collect();
    for (i, f) in files.iter().enumerate() {
        let k = r.below(3);
        push_file(&mut parts[k], &format!("f{i}.csv"), instances[i], f, &mut r);
    }
    let json: Vec<String> = parts.iter().map(|p| serde_json::to_string(p).unwrap_or_default()).collect();
    let mut forward = counter();
    for p in parts {
        forward.merge(p);
    }
    let mut backward = counter();
    for j in json.iter().rev() {
        let p: Counter = serde_json::from_str(j).map_err(|e| format!("serde round trip: {e}"))?;
        backward.merge(p);
    }
    let (a, b) = (forward.report(&settings), backward.report(&settings));
    check(&a)?;
    if let Some(d) = differ(&one, &a) {
        return Err(format!("one pass and merged differ: {d}"));
    }
    if let Some(d) = differ(&a, &b) {
        return Err(format!("merge order changes the report: {d}"));
    }
    // As of a date inside the data (later events kept by each counter must not move the leaving
    // days), with the list of active profiles.
    if let Some(first) = one.snapshots.first() {
        let past = ReportSettings { as_of: first.to.parse().ok(), profiles: true, ..ReportSettings::default() };
        let (o, f, b) = (whole.report(&past), forward.report(&past), backward.report(&past));
        for (what, x) in [("merged", &f), ("merged through JSON", &b)] {
            if let Some(d) = differ(&o, x) {
                return Err(format!("as of {}: one pass and {what} differ: {d}", first.to));
            }
            if o.profiles != x.profiles {
                return Err(format!("as of {}: one pass and {what} list other active profiles", first.to));
            }
        }
    }
    // Key shards: each reads every file, keeps a share of the profiles; one sent through JSON.
    let count = 2 + r.below(2) as u32;
    let mut shards = Vec::new();
    for i in 0..count {
        let mut c = Counter::sharded(options.clone(), Shard::new(i, count).ok_or("shard")?);
        if let Some(d) = &deliveries {
            c.set_deliveries(d.clone());
        }
        for (k, f) in files.iter().enumerate() {
            push_file(&mut c, &format!("f{k}.csv"), instances[k], f, &mut r);
        }
        if i == 0 {
            let json = serde_json::to_string(&c).map_err(|e| format!("shard serde: {e}"))?;
            c = serde_json::from_str(&json).map_err(|e| format!("shard serde round trip: {e}"))?;
        }
        shards.push(c);
    }
    shards.reverse();
    let sharded = Counter::merge_shards(shards).map_err(|e| format!("merge_shards: {e}"))?;
    if let Some(d) = differ(&one, &sharded.report(&settings)) {
        return Err(format!("one pass and {count} shards differ: {d}"));
    }
    if let Some(first) = one.snapshots.first() {
        let past = ReportSettings { as_of: first.to.parse().ok(), profiles: true, ..ReportSettings::default() };
        let (o, x) = (whole.report(&past), sharded.report(&past));
        if differ(&o, &x).is_some() || o.profiles != x.profiles {
            return Err(format!("as of {}: one pass and {count} shards differ", first.to));
        }
    }
    // Each file in byte ranges.
    for f in &files {
        split_file(&counter, f, &mut r)?;
    }
    // The mapping step's preview and a profile's explanation read the same bytes without failing.
    for f in &files {
        let _ = engine::preview(&f[..f.len().min(1 << 16)], 20, f.len() <= 1 << 16);
        let mut e = engine::explain(options.clone(), "1");
        let id = e.begin_file("f.csv", None);
        if e.push(id, f).is_ok() {
            let _ = e.end_file(id);
        }
    }
    // Another as-of date and billing day on the same state.
    if let Some(max) = one.snapshots.first() {
        let s = ReportSettings { as_of: max.to.parse().ok(), ..ReportSettings::default() };
        check(&whole.report(&s))?;
    }
    Ok(())
}

fn main() {
    let secs: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(600);
    let start_seed: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1)
    });
    let mut seed_export = Vec::new();
    let mut config = GeneratorConfig::demo();
    config.rows = 2_000;
    if let Err(e) = generate_log(&config, &mut seed_export) {
        eprintln!("generate: {e}");
        std::process::exit(2);
    }
    std::panic::set_hook(Box::new(|_| {}));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut cases = 0u64;
    let mut failures = 0u64;
    let mut seed = start_seed;
    println!("fuzz: {secs} s from seed {start_seed}");
    while Instant::now() < deadline {
        let outcome = catch_unwind(AssertUnwindSafe(|| case(seed, &seed_export)));
        let problem = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(p) => Some(format!(
                "panic: {}",
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
        if let Some(p) = problem {
            failures += 1;
            println!("seed {seed}: {p}");
            let dir = std::path::Path::new("target/fuzz-crashes");
            let _ = std::fs::create_dir_all(dir);
            let mut r = Rng(ChaCha8Rng::seed_from_u64(seed));
            let n = 1 + r.below(4);
            for i in 0..n {
                let _ = std::fs::write(dir.join(format!("{seed}-f{i}.csv")), make_file(&mut r, &seed_export));
            }
            if failures >= 20 {
                break;
            }
        }
        cases += 1;
        seed = seed.wrapping_add(1);
    }
    println!("fuzz: {cases} cases, {failures} failing");
    if failures > 0 {
        std::process::exit(1);
    }
}
