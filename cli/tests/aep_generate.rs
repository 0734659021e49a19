//! `generate --aep`: the AEP export generator on the command line, in every format, read back through the engine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use engine::aep::report::ProfilesReport;
use engine::aep::{snapshot_of, ProfileCounter, ProfileSettings};

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

/// Reads every file of `dir` through the engine (JSON by chunks, Parquet through `read_parquet`).
fn read_back(dir: &Path) -> ProfilesReport {
    let mut c = ProfileCounter::new();
    for (name, path) in files(dir) {
        let snapshot = snapshot_of(&name);
        if name.ends_with(".parquet") {
            let file = std::fs::File::open(&path).expect("open");
            c.read_parquet(&name, snapshot.as_deref(), file).expect("parquet read");
        } else {
            let bytes = std::fs::read(&path).expect("read");
            let f = c.begin_file(&name, snapshot.as_deref());
            for chunk in bytes.chunks(4096) {
                c.push(f, chunk).expect("push");
            }
            c.end_file(f).expect("end");
        }
    }
    c.report(&ProfileSettings::default())
}

#[test]
fn every_format_reads_back_to_the_same_profiles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let formats: [(&str, &[&str], &str, &str); 5] = [
        ("lines", &["--aep-format", "json-lines"], "part-00000.json", "JSON lines"),
        ("array", &["--aep-format", "json-array"], "part-00000.json", "JSON array"),
        ("gzip", &["--aep-format", "gzip"], "part-00000.json.gz", "JSON lines (gzip)"),
        ("snappy", &["--aep-format", "parquet"], "part-00000.parquet", "Parquet"),
        ("gz-parquet", &["--aep-format", "parquet", "--parquet-codec", "gzip"], "part-00000.gz.parquet", "Parquet"),
    ];
    let mut reports = Vec::new();
    for (folder, flags, first, format) in formats {
        let mut args = vec!["generate", "--aep", folder, "--rows", "1500", "--seed", "7", "--files", "2"];
        args.extend_from_slice(flags);
        let out = run(dir.path(), &args);
        assert!(out.status.success(), "{folder}: {}", String::from_utf8_lossy(&out.stderr));
        let names: Vec<String> = files(&dir.path().join(folder)).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                format!("demo/exportTime=202611010000/{first}"),
                format!("demo/exportTime=202611010000/{}", first.replace("00000", "00001")),
                format!("demo/exportTime=202612010000/{first}"),
                format!("demo/exportTime=202612010000/{}", first.replace("00000", "00001")),
            ],
            "{folder}"
        );
        let report = read_back(&dir.path().join(folder));
        assert!(report.files.iter().all(|f| f.format == format), "{folder}: {:?}", report.files);
        assert_eq!(report.snapshots.len(), 2, "{folder}");
        reports.push((folder, report));
    }
    // The same records in every format: the same figures. Rejected: JSON lines and gzip hold all 10
    // kinds twice per snapshot; an array cannot hold the record that is not JSON; Parquet cannot hold
    // that one, the one that is not an object, nor an id that is not a string.
    let (_, lines) = &reports[0];
    assert_eq!(lines.rows.rejected, 2 * 2 * 10);
    for (folder, r) in &reports {
        assert_eq!(r.rows.used, lines.rows.used, "{folder}");
        assert_eq!(r.snapshots, lines.snapshots, "{folder}");
        assert_eq!(r.change, lines.change, "{folder}");
        let rejected = match *folder {
            "lines" | "gzip" => 40,
            "array" => 36,
            _ => 28,
        };
        assert_eq!(r.rows.rejected, rejected, "{folder}");
    }
    let reasons: std::collections::BTreeSet<&str> = lines.rejected.iter().map(|x| x.reason.as_str()).collect();
    assert!(reasons.contains("more than 20 identities (23)") && reasons.contains("an ECID that is not 38 digits"));
    assert!(lines.snapshots[0].profiles > 500);
}

#[test]
fn aep_options_need_aep_and_a_flat_export_has_no_export_time_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(dir.path(), &["generate", "--output", "log.csv", "--snapshots", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "active-profiles: --snapshots is an option of --aep DIR (an AEP export)"
    );
    let out = run(
        dir.path(),
        &["generate", "--aep", "flat", "--snapshots", "0", "--files", "1", "--dataset", "6364f9a3", "--no-rejected"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let names: Vec<String> = files(&dir.path().join("flat")).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["6364f9a3/part-00000.json"]);
    let report = read_back(&dir.path().join("flat"));
    assert_eq!((report.snapshots.len(), report.rows.rejected), (1, 0));
}
