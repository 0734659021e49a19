//! Corpus of AEP profile files, written by the test: every rejection of section 1 with its file and line, and every hostile file beside a good one that is still counted.

use std::io::Write;

use engine::aep::read::said;
use engine::aep::{ProfileCounter, ProfileSettings, ProfilesReport, ReadError};

const GOOD: &str = "{\"identityMap\":{\"Email\":[{\"id\":\"a@luma.com\"}],\"CRMID\":[{\"id\":\"1A\"}]}}\n\
{\"identityMap\":{\"ECID\":[{\"id\":\"34113965854450796644316155105296901017\"}],\"CRMID\":[{\"id\":\"1A\"}]}}\n\
{\"identityMap\":{\"Email\":[{\"id\":\"b@luma.com\"}]},\"segmentMembership\":{\"ups\":{\"s1\":{\"status\":\"realized\"}}}}\n";

/// Reads `bytes` as file `name` in chunks of `chunk`, then `good.json` (three records, two profiles);
/// a file that stops is said as a warning, as the command line does.
fn with_good(name: &str, bytes: &[u8], chunk: usize) -> (ProfilesReport, Option<ReadError>) {
    let mut c = ProfileCounter::new();
    let f = c.begin_file(name, None);
    let mut error = None;
    for piece in bytes.chunks(chunk) {
        if let Err(e) = c.push(f, piece) {
            error = Some(e);
            break;
        }
    }
    if let Err(e) = c.end_file(f) {
        error.get_or_insert(e);
    }
    if let Some(e) = &error {
        c.warn(said(e));
    }
    let g = c.begin_file("good.json", None);
    c.push(g, GOOD.as_bytes()).expect("good file");
    c.end_file(g).expect("good file");
    (c.report(&ProfileSettings::default()), error)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

fn good_counted(r: &ProfilesReport, used_before: u64) {
    assert_eq!(r.rows.used, used_before + 3);
    let good = r.files.iter().find(|f| f.name == "good.json").expect("good.json in the files");
    assert_eq!((good.format.as_str(), good.records), ("JSON lines", 3));
}

fn rejected(r: &ProfilesReport) -> Vec<(String, u64, String)> {
    r.rejected.iter().map(|x| (x.file.clone(), x.line, x.reason.clone())).collect()
}

/// One record per rejection of section 1 (and of the reader), between good ones: line -> reason.
fn rejections() -> (String, Vec<(u64, &'static str)>) {
    let many: Vec<String> = (0..23).map(|i| format!(r#"{{"id":"m{i}@luma.com"}}"#)).collect();
    let lines = [
        (r#"{"identityMap":{"Email":[{"id":"ok1@luma.com"}]}}"#.to_string(), None),
        ("[1,2,3]".to_string(), Some("not a JSON object")),
        (
            r#"{"identityMap":{"Email":[{"id":"half"#.to_string(),
            Some("not JSON (EOF while parsing a string at line 1 column 36)"),
        ),
        (r#"{"person":{"name":"x"}}"#.to_string(), Some("no identityMap")),
        (r#"{"identityMap":{}}"#.to_string(), Some("empty identityMap")),
        (format!(r#"{{"identityMap":{{"Email":[{}]}}}}"#, many.join(",")), Some("more than 20 identities (23)")),
        (r#"{"identityMap":{"Email":[{"primary":true}]}}"#.to_string(), Some("an identity of Email has no id")),
        (r#"{"identityMap":{"CRMID":[{"id":42}]}}"#.to_string(), Some("an id of CRMID is not a string")),
        (r#"{"identityMap":{"Email":[{"id":"  "}]}}"#.to_string(), Some("an id of Email is empty")),
        (
            format!(r#"{{"identityMap":{{"CRMID":[{{"id":"{}"}}]}}}}"#, "x".repeat(1025)),
            Some("an id of CRMID is longer than 1024 characters (1025)"),
        ),
        (r#"{"identityMap":{"ECID":[{"id":"123"}]}}"#.to_string(), Some("an ECID that is not 38 digits")),
        (
            format!(
                r#"{{"identityMap":{{"Email":[{{"id":"d@luma.com"}}]}},"x":{}{}}}"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            Some("nested deeper than 128 levels"),
        ),
        (String::new(), None),
        (r#"{"identityMap":{"Email":[{"id":"ok2@luma.com"}]}}"#.to_string(), None),
    ];
    let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    let reasons = lines.iter().enumerate().filter_map(|(i, (_, r))| r.map(|r| (i as u64 + 1, r))).collect();
    (text, reasons)
}

#[test]
fn every_rejection_has_its_file_line_and_reason_in_json_lines_an_array_and_gzip() {
    let (text, reasons) = rejections();
    for chunk in [7, 4096] {
        let (r, error) = with_good("part-00000.json", text.as_bytes(), chunk);
        assert_eq!(error, None);
        let want: Vec<(String, u64, String)> =
            reasons.iter().map(|(l, why)| ("part-00000.json".to_string(), *l, why.to_string())).collect();
        assert_eq!(rejected(&r), want);
        assert_eq!((r.rows.read, r.rows.rejected), (2 + 11 + 3, 11));
        good_counted(&r, 2);
        // The same records gzip-compressed.
        let (r, _) = with_good("part-00000.json.gz", &gzip(text.as_bytes()), chunk);
        assert_eq!(r.rows.rejected, 11);
        assert_eq!(r.files[0].format, "JSON lines (gzip)");
    }
    // In an array, each element's line is the line it starts on.
    let array = "[\n{\"identityMap\":{\"Email\":[{\"id\":\"x@y.z\"}]}},\n\"text\",\n{\"identityMap\":{\"ECID\":[{\"id\":\"1\"}]}}\n, {\"a\":\n1}\n]\n";
    let (r, error) = with_good("array.json", array.as_bytes(), 5);
    assert_eq!(error, None);
    assert_eq!(
        rejected(&r),
        [
            ("array.json".to_string(), 3, "not a JSON object".to_string()),
            ("array.json".to_string(), 4, "an ECID that is not 38 digits".to_string()),
            ("array.json".to_string(), 5, "no identityMap".to_string()),
        ]
    );
    assert_eq!(r.files[0].format, "JSON array");
    good_counted(&r, 1);
}

#[test]
fn bytes_that_are_not_utf8_reject_their_record_and_other_scripts_are_counted() {
    let mut text = b"{\"identityMap\":{\"Email\":[{\"id\":\"jos\xe9@luma.com\"}]}}\n".to_vec();
    text.extend_from_slice(
        "{\"identityMap\":{\"Email\":[{\"id\":\"José@luma.com\"}],\"CRMID\":[{\"id\":\"顧客-1\"}]}}\n".as_bytes(),
    );
    let (r, error) = with_good("part-00000.json", &text, 11);
    assert_eq!(error, None);
    assert_eq!(
        rejected(&r),
        [("part-00000.json".to_string(), 1, "not JSON (invalid unicode code point at line 1 column 36)".to_string())]
    );
    good_counted(&r, 1);
}

#[test]
fn a_gzip_bomb_stops_its_file_and_the_next_file_is_counted() {
    // 100 members of 1 MiB of line breaks after one good record: about 1 000 times smaller compressed.
    let mut bomb = gzip(br#"{"identityMap":{"Email":[{"id":"before@bomb.com"}]}}"#);
    bomb.extend(gzip(&vec![b'\n'; 1 << 20]).repeat(100));
    let (r, error) = with_good("bomb.json.gz", &bomb, 1 << 16);
    let e = error.expect("an error");
    assert_eq!(e.message.id, "aep-gzip-bomb");
    assert_eq!(
        r.warnings,
        [format!(
            "bomb.json.gz, line {}: more than 200 times larger uncompressed than compressed (64 MiB so far): \
             a gzip bomb? The rest of the file is not read",
            e.line.expect("a line")
        )]
    );
    good_counted(&r, 1);
}

#[test]
fn truncated_and_corrupt_gzip_stop_their_file_with_its_line() {
    let whole = gzip(GOOD.repeat(2000).as_bytes());
    let (r, error) = with_good("cut.json.gz", &whole[..whole.len() / 2], 4096);
    let e = error.expect("an error");
    assert_eq!(e.message.id, "aep-gzip-truncated");
    let line = e.line.expect("a line");
    assert!(line > 100, "{line}");
    assert_eq!(r.warnings, [format!("cut.json.gz, line {line}: the gzip stream ends early: the file is truncated")]);
    good_counted(&r, line - 1);

    let mut corrupt = whole.clone();
    let mid = corrupt.len() / 3;
    for b in &mut corrupt[mid..mid + 64] {
        *b = !*b;
    }
    let (r, error) = with_good("corrupt.json.gz", &corrupt, 4096);
    let e = error.expect("an error");
    assert!(["aep-gzip-corrupt", "aep-gzip-truncated"].contains(&e.message.id.as_str()), "{e}");
    assert!(r.warnings[0].starts_with("corrupt.json.gz, line "), "{:?}", r.warnings);
    assert!(r.rows.used >= 3);
    let g = r.files.iter().find(|f| f.name == "good.json").expect("good");
    assert_eq!(g.records, 3);

    let (r, error) = with_good("header.json.gz", b"\x1f\x8b\x09garbage", 4096);
    assert_eq!(error.expect("an error").message.id, "aep-gzip-corrupt");
    good_counted(&r, 0);
}

#[test]
fn a_line_of_a_gigabyte_is_rejected_and_the_rest_of_its_file_counted() {
    let mut c = ProfileCounter::new();
    let f = c.begin_file("huge.json", None);
    c.push(f, GOOD.as_bytes()).expect("push");
    c.push(f, br#"{"identityMap":{"Email":[{"id":""#).expect("push");
    let mib = vec![b'x'; 1 << 20];
    for _ in 0..1024 {
        c.push(f, &mib).expect("push");
    }
    c.push(f, b"\"}]}}\n").expect("push");
    c.push(f, GOOD.as_bytes()).expect("push");
    c.end_file(f).expect("end");
    let r = c.report(&ProfileSettings::default());
    assert_eq!(rejected(&r), [("huge.json".to_string(), 4, "record longer than 16 MiB".to_string())]);
    assert_eq!(r.rows.used, 6);
}

#[test]
fn an_unclosed_array_stops_at_the_element_it_was_in() {
    let text =
        "[{\"identityMap\":{\"Email\":[{\"id\":\"in@array.com\"}]}},\n{\"identityMap\":{\"Email\":[{\"id\":\"cut\"";
    let (r, error) = with_good("open.json", text.as_bytes(), 3);
    let e = error.expect("an error");
    assert_eq!((e.line, e.message.id.as_str()), (Some(2), "aep-unclosed-array"));
    assert_eq!(r.warnings, ["open.json, line 2: the JSON array is never closed: the file ends inside it"]);
    good_counted(&r, 1);
}

#[cfg(feature = "parquet")]
mod parquet {
    use super::*;
    use engine::aep::parquet::{write_parquet, ParquetCodec};

    #[test]
    fn parquet_rows_are_rejected_with_their_row_number() {
        let (text, _) = rejections();
        let mut bytes = Vec::new();
        let (rows, left_out) =
            write_parquet(text.lines().filter(|l| !l.is_empty()).map(str::as_bytes), ParquetCodec::Gzip, &mut bytes)
                .expect("write");
        // Not JSON, not an object, an id that is not a string: Parquet cannot hold them.
        assert_eq!((rows, left_out), (10, 3));
        let mut c = ProfileCounter::new();
        c.read_parquet("rows.gz.parquet", Some("2026-11-01T00:00:00Z"), bytes::Bytes::from(bytes)).expect("read");
        let r = c.report(&ProfileSettings::default());
        let reasons: Vec<(u64, String)> = r.rejected.iter().map(|x| (x.line, x.reason.clone())).collect();
        assert_eq!(
            reasons,
            [
                (2, "no identityMap".to_string()),
                (3, "empty identityMap".to_string()),
                (4, "more than 20 identities (23)".to_string()),
                (5, "an identity of Email has no id".to_string()),
                (6, "an id of Email is empty".to_string()),
                (7, "an id of CRMID is longer than 1024 characters (1025)".to_string()),
                (8, "an ECID that is not 38 digits".to_string()),
            ]
        );
        // The deep value was in a column Parquet does not keep: that record is read.
        assert_eq!((r.rows.used, r.files[0].format.as_str()), (3, "Parquet"));
    }

    #[test]
    fn a_corrupt_parquet_footer_is_one_error_and_the_next_file_is_counted() {
        let mut bytes = Vec::new();
        write_parquet(GOOD.lines().map(str::as_bytes), ParquetCodec::Snappy, &mut bytes).expect("write");
        let n = bytes.len();
        // The footer's length (the 4 bytes before the closing PAR1) now points before the file.
        bytes[n - 8..n - 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut c = ProfileCounter::new();
        let e = c.read_parquet("broken.parquet", None, bytes::Bytes::from(bytes)).expect_err("an error");
        assert_eq!(
            (e.file.as_str(), e.line, e.message.id.as_str()),
            ("broken.parquet", None, "aep-parquet-unreadable")
        );
        assert!(e.to_string().starts_with("broken.parquet: not a readable Parquet file ("), "{e}");
        c.warn(said(&e));
        let g = c.begin_file("good.json", None);
        c.push(g, GOOD.as_bytes()).expect("good");
        c.end_file(g).expect("good");
        let r = c.report(&ProfileSettings::default());
        assert_eq!(r.warnings, [e.to_string()]);
        good_counted(&r, 0);
    }
}

/// Read and parse speed on one thread (`cargo test --release -p active-profiles-engine --features parquet
/// --test aep_read speed -- --ignored --nocapture`): a generated export of 1M records as JSON lines.
#[test]
#[ignore]
fn speed_of_reading_and_parsing_a_million_records() {
    use engine::aep::generate::{write_export, ExportSpec};
    use engine::aep::read::{DocSink, JsonDocs};
    use engine::aep::record::{parse_into, Record};
    use engine::message::Message;

    struct Parse(Record, u64, u64);
    impl DocSink for Parse {
        fn doc(&mut self, _: u64, json: &[u8]) {
            match parse_into(json, &mut self.0) {
                Ok(()) => self.1 += 1,
                Err(_) => self.2 += 1,
            }
        }
        fn reject(&mut self, _: u64, _: Message) {
            self.2 += 1;
        }
    }
    let spec = ExportSpec { records: 1_000_000, snapshots: 0, files: 1, ..Default::default() };
    let mut bytes = Vec::new();
    write_export(&spec, &mut |_, line| bytes.extend_from_slice(line));
    let mb = bytes.len() as f64 / 1e6;
    for round in 0..3 {
        let start = std::time::Instant::now();
        let mut sink = Parse(Record::default(), 0, 0);
        let mut r = JsonDocs::new("part-00000.json");
        for chunk in bytes.chunks(1 << 20) {
            r.push(chunk, &mut sink).expect("push");
        }
        r.finish(&mut sink).expect("finish");
        let s = start.elapsed().as_secs_f64();
        println!(
            "round {round}: {mb:.0} MB, {} records + {} rejected: read+parse {s:.3} s, {:.0} MB/s, {:.0} records/s",
            sink.1,
            sink.2,
            mb / s,
            (sink.1 + sink.2) as f64 / s
        );
    }
    let gz = gzip(&bytes);
    let start = std::time::Instant::now();
    let mut sink = Parse(Record::default(), 0, 0);
    let mut r = JsonDocs::new("part-00000.json.gz");
    for chunk in gz.chunks(1 << 20) {
        r.push(chunk, &mut sink).expect("push");
    }
    r.finish(&mut sink).expect("finish");
    let s = start.elapsed().as_secs_f64();
    println!("gzip ({:.0} MB compressed): {s:.3} s, {:.0} MB/s of JSON", gz.len() as f64 / 1e6, mb / s);
    let start = std::time::Instant::now();
    let mut c = ProfileCounter::new();
    let f = c.begin_file("part-00000.json", None);
    for chunk in bytes.chunks(1 << 20) {
        c.push(f, chunk).expect("push");
    }
    c.end_file(f).expect("end");
    let s = start.elapsed().as_secs_f64();
    println!("through ProfileCounter (this branch's counter): {s:.3} s, {:.0} MB/s", mb / s);
}

/// Parquet read speed (`cargo test --release -p active-profiles-engine --features parquet --test aep_read
/// parquet_speed -- --ignored --nocapture`): 1M generated records, rows to JSON documents to records.
#[cfg(feature = "parquet")]
#[test]
#[ignore]
fn parquet_speed_of_a_million_records() {
    use engine::aep::generate::{write_export, ExportSpec};
    use engine::aep::parquet::{ParquetCodec, ProfileParquetWriter};

    let spec = ExportSpec { records: 1_000_000, snapshots: 0, files: 1, ..Default::default() };
    let mut json = 0usize;
    let path = std::env::temp_dir().join("aep-read-speed.parquet");
    let mut file = std::fs::File::create(&path).expect("create");
    let mut buf = Vec::new();
    let mut w2 = ProfileParquetWriter::new(&mut buf, ParquetCodec::Snappy).expect("writer");
    write_export(&spec, &mut |_, line| {
        json += line.len();
        w2.push(line).expect("push");
    });
    w2.finish().expect("finish");
    file.write_all(&buf).expect("write");
    struct Count(u64);
    impl engine::aep::read::DocSink for Count {
        fn doc(&mut self, _: u64, _: &[u8]) {
            self.0 += 1;
        }
        fn reject(&mut self, _: u64, _: engine::message::Message) {}
    }
    let start = std::time::Instant::now();
    let columns = Some(&engine::aep::parquet::PROFILE_COLUMNS[..]);
    let file = std::fs::File::open(&path).expect("open");
    let rows = engine::aep::parquet::parquet_docs("p", file, columns, &mut Count(0)).expect("read");
    println!("Parquet rows to JSON documents only: {rows} in {:.3} s", start.elapsed().as_secs_f64());
    let start = std::time::Instant::now();
    let mut c = ProfileCounter::new();
    c.read_parquet("part-00000.parquet", None, std::fs::File::open(&path).expect("open")).expect("read");
    let s = start.elapsed().as_secs_f64();
    let r = c.report(&ProfileSettings { stitching: engine::aep::Stitching::None, ..Default::default() });
    println!(
        "Parquet: {:.0} MB ({:.0} MB as JSON lines), {} rows in {s:.3} s: {:.0} rows/s, {:.0} MB/s of JSON",
        buf.len() as f64 / 1e6,
        json as f64 / 1e6,
        r.rows.read,
        r.rows.read as f64 / s,
        json as f64 / 1e6 / s
    );
    let _ = std::fs::remove_file(&path);
}
