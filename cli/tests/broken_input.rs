//! Broken and hostile inputs on the command line: the messages name the file, the line and the
//! problem; the other files and rows are still counted; CSV output never starts a cell with a formula.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles")).current_dir(dir).args(args).output().expect("run")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write");
}

fn wide_header() -> Vec<u8> {
    let mut b = b"id,date".to_vec();
    b.extend(std::iter::repeat_n(&b",x"[..], 9_999).flatten());
    b.extend_from_slice(b"\n1,2026-01-05\n");
    b
}

#[test]
fn unreadable_files_are_named_and_the_others_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "good.csv", b"id,date\n1,2026-01-05\n2,2026-01-06\n");
    write(d, "wide.csv", &wide_header());
    write(d, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x00\x10");
    let o = run(d, &["report", "--format", "json", "good.csv", "wide.csv", "image.png"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("active-profiles: warning: wide.csv, line 1 (the header): more than 10 000 fields (10001)"),
        "{err}"
    );
    assert!(err.contains("active-profiles: warning: image.png looks like a PNG image, not a CSV export"), "{err}");
    let r: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(r["total_active"], 2);
    let warnings: Vec<&str> = r["warnings"].as_array().expect("warnings").iter().filter_map(Value::as_str).collect();
    assert!(
        warnings.contains(&"wide.csv, line 1 (the header): more than 10 000 fields (10001); this file was not counted"),
        "{warnings:?}"
    );

    // Nothing countable at all: exit 2 with the first file's message.
    let o = run(d, &["report", "wide.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wide.csv, line 1 (the header): more than 10 000 fields (10001)"), "{}", stderr(&o));
}

#[test]
fn broken_rows_are_listed_with_their_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut bytes = b"id,date,status\n1,2026-01-05,".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 10 << 20));
    bytes.extend_from_slice(b"\n2,2026-01-06,Sent\n3,2026-01-07,\"Sen");
    write(d, "broken.csv", &bytes);
    let o = run(d, &["report", "broken.csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("  broken.csv:2: row longer than 1 MiB\n"), "{out}");
    assert!(
        out.contains("  broken.csv:4: a quote is never closed: the rest of the file (line 4) is one field\n"),
        "{out}"
    );
    let o = run(d, &["report", "--format", "json", "broken.csv"]);
    let r: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(r["rows"], serde_json::json!({"read": 3, "counted": 1, "excluded": 0, "rejected": 2}));
}

#[test]
fn hostile_labels_stay_text_and_csv_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let name = "=cmd|' calc'!A0.csv";
    write(
        d,
        name,
        b"id;date;targetDimension;channel;status\n\
          1;2026-01-05;<script>alert(1)</script>;=cmd|' /C calc'!A0;@SUM(1)\n\
          2;2026-01-06;=cmd|' /C calc'!A0;<img src=x onerror=alert(1)>;Sent\n",
    );
    let o = run(d, &["report", name]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for label in ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", "<img src=x onerror=alert(1)>", "@SUM(1)"] {
        assert!(out.contains(label), "{label} in\n{out}");
    }
    let o = run(d, &["report", "--format", "csv", name]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&o.stdout[..]);
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.expect("csv record").iter() {
            cells += 1;
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a cell that starts a formula: {cell}");
        }
    }
    assert!(cells > 0);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("'=cmd|' /C calc'!A0"), "{text}");
}
