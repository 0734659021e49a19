//! Command-line tests of what is not a plain CSV export: workbooks (xlsx, also renamed `.csv`), binary files, and time zones by name.

use std::path::Path;
use std::process::{Command, Output};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles")).current_dir(dir).args(args).output().expect("run")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "exit {:?}: {}", output.status, String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

/// One row of a sheet: key, event date (y, m, d, hour, minute), status, channel.
type Row = (u32, (u16, u8, u8, u16, u8), &'static str, &'static str);

/// Rows of a seeded sequence: keys recur, dates spread over 2025 and 2026, some at midnight, some excluded.
fn rows(seed: u32, n: u32) -> Vec<Row> {
    let statuses = ["Sent", "Sent", "Failed", "Ignored", "Delivery cancelled", "Sent"];
    let channels = ["Email", "SMS", "Email"];
    (0..n)
        .map(|i| {
            let x = seed.wrapping_mul(2654435761).wrapping_add(i.wrapping_mul(40503));
            let key = 1000 + x % 37;
            let (y, m, d) = (2025 + (x % 2) as u16, 1 + (x / 7 % 12) as u8, 1 + (x / 3 % 28) as u8);
            let (h, mi) = if i % 4 == 0 { (0, 0) } else { ((x / 11 % 24) as u16, (x / 13 % 60) as u8) };
            (key, (y, m, d, h, mi), statuses[(x / 5 % 6) as usize], channels[(x / 17 % 3) as usize])
        })
        .collect()
}

fn csv_of(rows: &[Row]) -> String {
    let mut out = String::from("Recipient ID,Event date,Status,Channel\n");
    for (key, (y, m, d, h, mi), status, channel) in rows {
        let date = if (*h, *mi) == (0, 0) {
            format!("{y:04}-{m:02}-{d:02}")
        } else {
            format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:00")
        };
        out.push_str(&format!("{key},{date},{status},{channel}\n"));
    }
    out
}

/// A workbook with one sheet per list of rows (keys as numbers, dates as Excel dates), and an empty sheet last.
fn xlsx_of(sheets: &[(&str, &[Row])]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (col, header) in ["Recipient ID", "Event date", "Status", "Channel"].iter().enumerate() {
            sheet.write_string(0, col as u16, *header).expect("header");
        }
        for (i, (key, (y, m, d, h, mi), status, channel)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_number(r, 0, *key as f64).expect("key");
            let day = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
            if (*h, *mi) == (0, 0) {
                sheet.write_datetime_with_format(r, 1, &day, &date).expect("date");
            } else {
                let at = day.and_hms(*h, *mi, 0).expect("time");
                sheet.write_datetime_with_format(r, 1, &at, &date_time).expect("date");
            }
            sheet.write_string(r, 2, *status).expect("status");
            sheet.write_string(r, 3, *channel).expect("channel");
        }
    }
    book.add_worksheet().set_name("Notes").expect("sheet name");
    book.save_to_buffer().expect("xlsx")
}

/// The figures of a report, without what names the files.
fn figures(report: &Value) -> Value {
    let mut r = report.clone();
    for key in ["files", "warnings", "warning_messages", "rejected"] {
        r.as_object_mut().expect("object").remove(key);
    }
    r
}

#[test]
fn a_workbook_of_two_sheets_counts_as_its_rows_as_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (january, february) = (rows(1, 60), rows(2, 45));
    std::fs::write(dir.path().join("january.csv"), csv_of(&january)).expect("write");
    std::fs::write(dir.path().join("february.csv"), csv_of(&february)).expect("write");
    let book = xlsx_of(&[("January", &january), ("February", &february)]);
    std::fs::write(dir.path().join("book.xlsx"), &book).expect("write");
    // The same workbook renamed: read by its content, not its name.
    std::fs::write(dir.path().join("renamed.csv"), &book).expect("write");

    let csv = json(&run(dir.path(), &["report", "--format", "json", "january.csv", "february.csv"]));
    assert_eq!(csv["rows"]["read"], 105);
    assert!(csv["total_active"].as_u64().unwrap_or(0) > 0);
    for name in ["book.xlsx", "renamed.csv"] {
        let out = run(dir.path(), &["report", "--format", "json", name]);
        let report = json(&out);
        assert_eq!(figures(&report), figures(&csv), "{name}");
        // Listed by name, as the files of a report are.
        let files: Vec<&str> =
            report["files"].as_array().expect("files").iter().filter_map(|f| f["name"].as_str()).collect();
        assert_eq!(files, [format!("{name} › February"), format!("{name} › January")]);
        assert_eq!(report["warnings"], serde_json::json!([format!("{name} › Notes: empty sheet, skipped")]));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{name} › Notes: empty sheet, skipped")));
    }
}

#[test]
fn a_binary_file_is_said_for_what_it_looks_like() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("report.pdf"), b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n")
        .expect("write");
    std::fs::write(dir.path().join("chart.csv"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
    std::fs::write(dir.path().join("log.csv"), csv_of(&rows(3, 20))).expect("write");

    // Alone: nothing to count (exit 2), said in the language asked.
    let out = run(dir.path(), &["report", "report.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: report.pdf looks like a PDF document, not a CSV export\n"
    );
    let out = run(dir.path(), &["report", "--lang", "de", "chart.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: chart.csv sieht aus wie ein PNG-Bild, nicht wie ein CSV-Export\n"
    );

    // Beside an export: the export is counted, the PDF is a warning of the report.
    let report = json(&run(dir.path(), &["report", "--format", "json", "log.csv", "report.pdf"]));
    assert_eq!(report["rows"]["read"], 20);
    assert_eq!(
        report["warnings"],
        serde_json::json!(["report.pdf looks like a PDF document, not a CSV export; this file was not counted"])
    );
}

#[test]
fn a_workbook_over_the_limit_is_refused_before_it_is_read_as_in_the_viewer() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A sparse file of 201 MiB whose first bytes are an xlsx's: the size alone refuses it.
    let file = std::fs::File::create(dir.path().join("big.xlsx")).expect("create");
    std::io::Write::write_all(&mut &file, b"PK\x03\x04\x14\0\0\0\0\0[Content_Types].xml xl/workbook.xml")
        .expect("head");
    file.set_len(201 * 1024 * 1024).expect("sparse");
    std::fs::write(dir.path().join("log.csv"), csv_of(&rows(5, 12))).expect("write");

    let out = run(dir.path(), &["report", "big.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: big.xlsx: a workbook of 201 MB is more than the 200 MB that are read at once; save its sheets as CSV\n"
    );
    let report = json(&run(dir.path(), &["report", "--format", "json", "log.csv", "big.xlsx"]));
    assert_eq!(report["rows"]["read"], 12);
    assert_eq!(
        report["warnings"],
        serde_json::json!([
            "big.xlsx: a workbook of 201 MB is more than the 200 MB that are read at once; save its sheets as CSV; this file was not counted"
        ])
    );
}

#[test]
fn a_workbook_whose_sheets_all_fail_beside_a_good_file_leaves_the_file_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two sheets without a key or date column: neither can be counted.
    let mut book = Workbook::new();
    for name in ["Contacts", "Budget"] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("sheet name");
        sheet.write_string(0, 0, "Name").expect("header");
        sheet.write_string(0, 1, "Comment").expect("header");
        sheet.write_string(1, 0, "Ann").expect("cell");
        sheet.write_string(1, 1, "call back").expect("cell");
    }
    std::fs::write(dir.path().join("notes.xlsx"), book.save_to_buffer().expect("xlsx")).expect("write");
    std::fs::write(dir.path().join("log.csv"), csv_of(&rows(4, 25))).expect("write");
    let alone = json(&run(dir.path(), &["report", "--format", "json", "log.csv"]));

    let out = run(dir.path(), &["report", "--format", "json", "notes.xlsx", "log.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    assert_eq!(report["rows"]["read"], 25);
    assert_eq!(figures(&report), figures(&alone));
    let warnings: Vec<&str> =
        report["warnings"].as_array().expect("warnings").iter().filter_map(Value::as_str).collect();
    let said = |sheet: &str| {
        format!(
            "notes.xlsx › {sheet}: no column found for event date, profile key or address (headers: Name, Comment); this file was not counted"
        )
    };
    assert_eq!(warnings, [said("Contacts"), said("Budget")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.xlsx › Contacts") && stderr.contains("notes.xlsx › Budget"), "{stderr}");

    // Alone, nothing can be counted: exit 2 with the first sheet's problem.
    let out = run(dir.path(), &["report", "notes.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("active-profiles: notes.xlsx › Contacts"));
}

#[test]
fn a_time_zone_by_name_follows_daylight_saving_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("log.csv"),
        "Recipient ID,Event date\n1,2026-03-29T00:30:00Z\n2,2026-10-24T22:30:00Z\n3,2026-11-24T22:30:00Z\n",
    )
    .expect("write");
    let day = |report: &Value, date: &str| {
        report["daily"].as_array().expect("daily").iter().find(|d| d["date"] == date).map(|d| d["active"].clone())
    };
    let paris = json(&run(dir.path(), &["report", "--format", "json", "--time-zone", "Europe/Paris", "log.csv"]));
    assert_eq!(paris["settings"]["time_zone"], "Europe/Paris");
    // 2026-10-24T22:30Z is the 25th in Paris (CEST, +2); 2026-11-24T22:30Z the 24th (CET, +1).
    assert_eq!(paris["as_of"], "2026-11-24");
    assert_eq!(day(&paris, "2026-10-24"), Some(Value::from(1)));
    assert_eq!(day(&paris, "2026-10-25"), Some(Value::from(2)));
    assert_eq!(day(&paris, "2026-11-24"), Some(Value::from(3)));
    let utc = json(&run(dir.path(), &["report", "--format", "json", "log.csv"]));
    assert_eq!(utc["settings"]["time_zone"], "UTC");
    assert_eq!(day(&utc, "2026-10-24"), Some(Value::from(2)));

    // An unknown zone: exit 2, said in the language asked, naming the zone.
    let out = run(dir.path(), &["report", "--lang", "nl", "--time-zone", "Europe/Amsterdm", "log.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: --time-zone: Tijdzone “Europe/Amsterdm” is onbekend: geef UTC, een vaste verschuiving \
         zoals +02:00 of een naam uit de tijdzonedatabase zoals Europe/Amsterdam.\n"
    );
}
