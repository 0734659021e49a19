//! `generate --events`: the engagement-event generator on the command line, in every format, read back.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use engine::aep::parquet::parquet_docs;
use engine::aep::read::DocSink;
use engine::Message;
use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run active-profiles")
}

/// Every file under `dir`, sorted, as (path relative to `dir` with `/`, path).
fn files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir").to_string_lossy().replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}

struct Docs(Vec<Value>);
impl DocSink for Docs {
    fn doc(&mut self, _: u64, json: &[u8]) {
        self.0.push(serde_json::from_slice(json).expect("a row is a JSON document"));
    }
    fn reject(&mut self, line: u64, reason: Message) {
        panic!("row {line}: {reason}");
    }
}

/// A document without its `null`s and the empty groups they leave (a Parquet row has every column).
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k.clone(), strip(x)))
                .filter(|(_, x)| !matches!(x, Value::Object(o) if o.is_empty()))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
        other => other.clone(),
    }
}

const ARGS: [&str; 7] = ["--rows", "3000", "--seed", "7", "--files", "2", "--events-format"];

#[test]
fn every_format_holds_the_same_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut stderr = Vec::new();
    for (folder, format, codec) in [
        ("lines", "json-lines", None),
        ("array", "json-array", None),
        ("gzip", "gzip", None),
        ("parquet", "parquet", None),
        ("gz-parquet", "parquet", Some("gzip")),
        ("csv", "csv", None),
    ] {
        let mut args = vec!["generate", "--events", folder];
        args.extend_from_slice(&ARGS);
        args.push(format);
        if let Some(c) = codec {
            args.extend_from_slice(&["--parquet-codec", c]);
        }
        let out = run(dir.path(), &args);
        assert!(out.status.success(), "{folder}: {}", String::from_utf8_lossy(&out.stderr));
        stderr.push(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    let names = |folder: &str| -> Vec<String> { files(&dir.path().join(folder)).into_iter().map(|(n, _)| n).collect() };
    let read = |folder: &str| -> Vec<Vec<u8>> {
        files(&dir.path().join(folder)).into_iter().map(|(_, p)| std::fs::read(p).expect("read")).collect()
    };
    assert_eq!(names("lines"), ["journey_step_events/part-00000.json", "journey_step_events/part-00001.json"]);
    assert_eq!(
        names("gz-parquet"),
        ["journey_step_events/part-00000.gz.parquet", "journey_step_events/part-00001.gz.parquet"]
    );
    assert_eq!(names("csv"), ["journey_step_events/part-00000.csv", "journey_step_events/part-00001.csv"]);

    // JSON lines: 3000 events and 15 rejected lines (3 of each of 5 kinds).
    let lines: Vec<Vec<Vec<u8>>> = read("lines")
        .iter()
        .map(|f| f.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(<[u8]>::to_vec).collect())
        .collect();
    let total: usize = lines.iter().map(Vec::len).sum();
    assert!((3000..3100).contains(&total), "{total} lines");
    let parsed: Vec<Vec<Option<Value>>> =
        lines.iter().map(|f| f.iter().map(|l| serde_json::from_slice(l).ok()).collect()).collect();
    let not_json = parsed.iter().flatten().filter(|v| v.is_none()).count();
    let not_object = parsed.iter().flatten().filter(|v| matches!(v, Some(v) if !v.is_object())).count();
    assert_eq!((not_json, not_object), (3, 3));
    assert_eq!(
        stderr[0],
        format!("lines: {total} events in 2 files ({} bytes), 15 rejected by design", {
            read("lines").iter().map(Vec::len).sum::<usize>()
        })
    );

    // gzip: the same bytes, compressed.
    for (gz, plain) in read("gzip").iter().zip(read("lines")) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut out).expect("gunzip");
        assert_eq!(out, plain);
    }

    // A JSON array per file: every line that is JSON.
    for (file, want) in read("array").iter().zip(&parsed) {
        let array: Vec<Value> = serde_json::from_slice(file).expect("an array");
        let want: Vec<Value> = want.iter().flatten().cloned().collect();
        assert_eq!(array, want);
    }
    assert!(stderr[1].ends_with("12 rejected by design, 3 left out (the format cannot hold them)"), "{}", stderr[1]);

    // Parquet (we chose to leave out the lines that are not a JSON object: the 3 that are not JSON
    // and the 3 JSON arrays): one row per other line, reading back as its document.
    for folder in ["parquet", "gz-parquet"] {
        let mut rows = 0;
        for ((_, path), want) in files(&dir.path().join(folder)).iter().zip(&parsed) {
            let mut docs = Docs(Vec::new());
            let file = std::fs::File::open(path).expect("open");
            rows += parquet_docs(folder, file, None, &mut docs).expect("parquet") as usize;
            let want: Vec<Value> = want.iter().flatten().filter(|v| v.is_object()).map(strip).collect();
            assert_eq!(docs.0.iter().map(strip).collect::<Vec<_>>(), want, "{folder}");
        }
        assert_eq!(rows, total - 6, "{folder}");
    }
    assert!(stderr[3].ends_with("9 rejected by design, 6 left out (the format cannot hold them)"), "{}", stderr[3]);

    // CSV: a header and a row per line that is a JSON object.
    let mut rows = 0;
    for (file, want) in read("csv").iter().zip(&parsed) {
        let mut r = csv::Reader::from_reader(file.as_slice());
        assert_eq!(
            r.headers().expect("header").iter().collect::<Vec<_>>(),
            ["timestamp", "profileID", "journeyVersionName", "sandbox", "sandboxType", "inDryRun"]
        );
        let records: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        let objects: Vec<&Value> = want.iter().flatten().filter(|v| v.is_object()).collect();
        assert_eq!(records.len(), objects.len());
        for (row, v) in records.iter().zip(objects) {
            let steps = &v["_experience"]["journeyOrchestration"]["stepEvents"];
            if let Some(id) = steps["profileID"].as_str() {
                assert_eq!(&row[1], id);
            }
            assert_eq!(&row[3], v["sandbox"].as_str().unwrap_or_default());
        }
        rows += records.len();
    }
    assert_eq!(rows, total - 6);
}

#[test]
fn stitch_with_writes_identities_of_the_aep_export_and_other_modes_flags_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(dir.path(), &["generate", "--aep", "aep", "--seed", "7", "--rows", "1500", "--no-rejected"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(
        dir.path(),
        &[
            "generate",
            "--events",
            "ev",
            "--stitch-with",
            "7:1500",
            "--rows",
            "4000",
            "--as-of",
            "2027-01-31",
            "--no-rejected",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut identities = HashSet::new();
    for (_, path) in files(&dir.path().join("aep")) {
        for line in std::fs::read_to_string(path).expect("read").lines() {
            let v: Value = serde_json::from_str(line).expect("json");
            for list in v["identityMap"].as_object().expect("identityMap").values() {
                for e in list.as_array().expect("list") {
                    identities.insert(e["id"].as_str().expect("id").trim().to_string());
                }
            }
        }
    }
    let mut values = HashSet::new();
    let mut last = String::new();
    for (_, path) in files(&dir.path().join("ev")) {
        for line in std::fs::read_to_string(path).expect("read").lines() {
            let v: Value = serde_json::from_str(line).expect("json");
            let steps = &v["_experience"]["journeyOrchestration"]["stepEvents"];
            let id = steps["profileID"].as_str().map(str::to_string).unwrap_or_else(|| {
                let map = v["identityMap"].as_object().expect("identityMap");
                map.values().flat_map(|l| l.as_array().expect("list")).find(|e| e["primary"] == true).expect("primary")
                    ["id"]
                    .as_str()
                    .expect("id")
                    .to_string()
            });
            values.insert(id);
            last = last.max(v["timestamp"].as_str().expect("timestamp")[..10].to_string());
        }
    }
    let known = values.iter().filter(|v| identities.contains(*v)).count();
    assert!(known as f64 > 0.99 * values.len() as f64, "{known} of {}", values.len());
    assert!(last.as_str() >= "2027-01-31", "{last}");

    for (args, message) in [
        (
            &["generate", "--events", "x", "--start", "2026-01-01"][..],
            "--start is an option of the delivery-log generator (--output FILE), not of --events DIR",
        ),
        (
            &["generate", "--events", "x", "--snapshots", "2"][..],
            "--snapshots is an option of --aep DIR (an AEP export), not of --events DIR",
        ),
        (
            &["generate", "--aep", "x", "--as-of", "2026-01-01"][..],
            "--as-of is an option of --events DIR (engagement events)",
        ),
        (
            &["generate", "--output", "x.csv", "--events-format", "csv"][..],
            "--events-format is an option of --events DIR (engagement events)",
        ),
        (&["generate", "--output", "x.csv", "--files", "3"][..], "--files is an option of --aep DIR and --events DIR"),
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), format!("active-profiles: {message}"));
    }
    let out = run(dir.path(), &["generate", "--events", "x", "--aep", "y"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("x").exists() && !dir.path().join("y").exists());
}
