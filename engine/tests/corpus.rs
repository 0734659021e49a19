//! Broken and hostile inputs: each case states what the engine makes of it (the exact message or
//! the exact counts), and that `read = counted + excluded + rejected` whatever the chunking.

use engine::{Counter, FileError, Options, Report, ReportSettings, Shard};

/// Counts one file pushed in chunks of `chunk` bytes: the report, and the file's error if any.
fn count_in(name: &str, bytes: &[u8], chunk: usize, options: &Options) -> (Report, Option<FileError>) {
    let mut c = Counter::new(options.clone());
    let f = c.begin_file(name, None);
    let mut err = None;
    for part in bytes.chunks(chunk.max(1)) {
        if let Err(e) = c.push(f, part) {
            err = Some(e);
            break;
        }
    }
    if err.is_none() {
        err = c.end_file(f).err();
    }
    let r = c.report(&ReportSettings::default());
    assert_eq!(r.rows.read, r.rows.counted + r.rows.excluded + r.rows.rejected, "{name}");
    assert_eq!(r.dimensions.iter().map(|d| d.active).sum::<u64>(), r.total_active, "{name}");
    assert_eq!(r.expiring.iter().map(|d| d.profiles).sum::<u64>(), r.total_active, "{name}");
    (r, err)
}

/// Counts one file in 1 MiB chunks, and (small files) byte by byte and in 7-byte chunks too: same outcome.
fn count(name: &str, bytes: &[u8]) -> (Report, Option<FileError>) {
    let options = Options::default();
    let whole = count_in(name, bytes, 1 << 20, &options);
    let sizes: &[usize] = if bytes.len() < 20_000 { &[1, 7] } else { &[65_536] };
    for &size in sizes {
        let other = count_in(name, bytes, size, &options);
        assert_eq!(other.0, whole.0, "{name} in chunks of {size}");
        assert_eq!(other.1, whole.1, "{name} in chunks of {size}");
    }
    whole
}

fn rejected(r: &Report) -> Vec<(u64, &str)> {
    r.rejected.iter().map(|x| (x.line, x.reason.as_str())).collect()
}

fn rows(r: &Report) -> (u64, u64, u64, u64) {
    (r.rows.read, r.rows.counted, r.rows.excluded, r.rows.rejected)
}

/// A reproducible stream of random bytes.
fn noise(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn empty_file() {
    let (r, err) = count("empty.csv", b"");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (0, 0, 0, 0));
    assert_eq!(r.warnings, ["empty.csv: empty file"]);
}

#[test]
fn header_only() {
    let (r, err) = count("header.csv", b"recipientId;eventDate;status\r\n");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (0, 0, 0, 0));
    assert_eq!(r.warnings, ["header.csv: no rows after the header"]);
}

#[test]
fn no_recognisable_header() {
    let (r, err) = count("noheader.csv", b"foo,bar\n1,2026-01-05\n");
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("noheader.csv: no column found for event date, profile key or address (headers: foo, bar)")
    );
    assert_eq!(rows(&r), (0, 0, 0, 0));
}

#[test]
fn binary_garbage() {
    let png = [&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &noise(4096, 7)].concat();
    let (r, err) = count("image.png", &png);
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("image.png: no column found for event date, profile key or address (headers: ‰PNG)")
    );
    assert_eq!(rows(&r), (0, 0, 0, 0));

    let zip = [&b"PK\x03\x04\x14\0\0\0\x08\0"[..], &noise(4096, 11)].concat();
    let (r, err) = count("export.zip", &zip);
    assert!(matches!(err, Some(FileError::MissingFields { .. })), "{err:?}");
    assert_eq!(rows(&r), (0, 0, 0, 0));

    // Garbage without a line break for more than 1 MiB: the header is cut there, and refused.
    let (r, err) = count(
        "noise.bin",
        &noise(3 << 20, 3).iter().map(|&b| if b == b'\n' || b == b'\r' { b'x' } else { b }).collect::<Vec<_>>(),
    );
    assert!(matches!(err, Some(FileError::BadHeader { .. }) | Some(FileError::MissingFields { .. })), "{err:?}");
    assert_eq!(rows(&r), (0, 0, 0, 0));
}

#[test]
fn unterminated_quote_at_the_end() {
    let (r, err) = count("cut.csv", b"id,date,status\n1,2026-01-05,Sent\n2,2026-01-06,\"Sen");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 1, 0, 1));
    assert_eq!(rejected(&r), [(3, "a quote is never closed: the rest of the file (line 3) is one field")]);

    // A quote opened in the middle swallows the rest: the row is rejected with the lines it took.
    let (r, _) = count("open.csv", b"id,date,status\n1,2026-01-05,\"Sent\n2,2026-01-06,Sent\n3,2026-01-07,Sent\n");
    assert_eq!(rows(&r), (1, 0, 0, 1));
    assert_eq!(rejected(&r), [(2, "a quote is never closed: the rest of the file (lines 2 to 4) is one field")]);

    // A quoted field that is closed at the very end is fine.
    let (r, _) = count("closed.csv", b"id,date,status\n1,2026-01-05,\"Sent\"");
    assert_eq!(rows(&r), (1, 1, 0, 0));
}

#[test]
fn ten_megabyte_field() {
    let mut bytes = b"id,date,status\n1,2026-01-05,".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 10 << 20));
    bytes.extend_from_slice(b"\n2,2026-01-06,Sent\n");
    let (r, err) = count("long.csv", &bytes);
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 1, 0, 1));
    assert_eq!(rejected(&r), [(2, "row longer than 1 MiB")]);
    assert_eq!(r.total_active, 1);

    // The same in quotes with line breaks: a quote that is never closed, most likely.
    let mut bytes = b"id,date,status\n1,2026-01-05,\"".to_vec();
    for _ in 0..200_000 {
        bytes.extend_from_slice(b"3,2026-01-07,Sent\n");
    }
    bytes.extend_from_slice(b"\"\n2,2026-01-06,Sent\n");
    let (r, _) = count("open-long.csv", &bytes);
    assert_eq!(rows(&r), (2, 1, 0, 1));
    assert_eq!(rejected(&r), [(2, "row longer than 1 MiB (lines 2 to 200002: a quote that is never closed?)")]);

    // A field just under the limit is read.
    let mut bytes = b"id,date,status\n1,2026-01-05,".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', (1 << 20) - 20));
    bytes.push(b'\n');
    let (r, _) = count("under.csv", &bytes);
    assert_eq!(rows(&r), (1, 1, 0, 0));
}

#[test]
fn hundred_thousand_columns() {
    let mut bytes = b"id,date\n1,2026-01-05".to_vec();
    for _ in 0..100_000 {
        bytes.extend_from_slice(b",x");
    }
    bytes.extend_from_slice(b"\n2,2026-01-06\n");
    let (r, err) = count("wide.csv", &bytes);
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 1, 0, 1));
    assert_eq!(rejected(&r), [(2, "more than 10 000 fields (100002)")]);

    // Exactly 10 000 fields is fine.
    let mut bytes = b"id,date\n1,2026-01-05".to_vec();
    bytes.extend(std::iter::repeat_n(&b",x"[..], 9_998).flatten());
    bytes.push(b'\n');
    let (r, _) = count("wide-ok.csv", &bytes);
    assert_eq!(rows(&r), (1, 1, 0, 0));
}

#[test]
fn header_over_the_limits() {
    let mut wide = b"id,date".to_vec();
    wide.extend(std::iter::repeat_n(&b",x"[..], 9_999).flatten());
    wide.extend_from_slice(b"\n1,2026-01-05\n");
    let (_, err) = count("wide-header.csv", &wide);
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("wide-header.csv, line 1 (the header): more than 10 000 fields (10001)")
    );

    let mut long = b"id,date,".to_vec();
    long.extend(std::iter::repeat_n(b'h', 2 << 20));
    long.extend_from_slice(b"\n1,2026-01-05\n");
    let (_, err) = count("long-header.csv", &long);
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("long-header.csv, line 1 (the header): row longer than 1 MiB")
    );

    let (_, err) = count("quote-header.csv", b"id,\"date\n1,2026-01-05\n");
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("quote-header.csv, line 1 (the header): a quote is never closed: the rest of the file (lines 1 to 2) is one field")
    );
}

#[test]
fn nul_bytes() {
    let (r, err) = count("nul.csv", b"id,date,channel\n1\x002,2026-01-05,Em\0ail\n3,2026-01-06,Email\n");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 2, 0, 0));
    assert_eq!(r.total_active, 2);
    // Channel labels match ignoring punctuation, so `Em\0ail` is Email.
    assert_eq!(r.channels.len(), 1);
    assert_eq!((r.channels[0].name.as_str(), r.channels[0].active), ("Email", 2));
}

#[test]
fn lying_byte_order_marks() {
    // A UTF-16 mark on UTF-8 text: read as UTF-8, with a warning.
    let (r, err) = count(
        "utf16-mark.csv",
        "\u{FEFF}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .chain(*b"id,date,targetDimension\n1,2026-01-05,Zo\xC3\xAB\n2,2026-01-06,Zo\xC3\xAB\n")
            .collect::<Vec<_>>()
            .as_slice(),
    );
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 2, 0, 0));
    assert_eq!(r.dimensions[0].name, "Zoë");
    assert_eq!(r.files[0].encoding, "UTF-8");
    assert_eq!(r.warnings, ["utf16-mark.csv: starts with a UTF-16 byte-order mark but is not UTF-16; read as UTF-8"]);

    // A UTF-8 mark on Windows-1252 bytes: read as Windows-1252, with a warning.
    let (r, err) =
        count("utf8-mark.csv", b"\xEF\xBB\xBFid,date,targetDimension\n1,2026-01-05,Zo\xEB\n2,2026-01-06,Caf\xE9\n");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (2, 2, 0, 0));
    let dims: Vec<&str> = r.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(dims, ["Café", "Zoë"]);
    assert_eq!(r.files[0].encoding, "Windows-1252");
    assert_eq!(
        r.warnings,
        ["utf8-mark.csv: starts with a UTF-8 byte-order mark but is not UTF-8; read as Windows-1252"]
    );
}

#[test]
fn odd_length_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "id,date\n1,2026-01-05\n2,2026-01-06\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    bytes.push(b'3');
    let (r, err) = count("odd.csv", &bytes);
    assert_eq!(err, None);
    // The lone last byte decodes as U+FFFD on a line of its own: a row without a date.
    assert_eq!(rows(&r), (3, 2, 0, 1));
    assert_eq!(rejected(&r), [(4, "no event date")]);
    assert_eq!(r.files[0].encoding, "UTF-16LE");
}

#[test]
fn cr_only_line_endings() {
    let (r, err) = count("mac.csv", b"id,date\r1,2026-01-05\r,2026-01-06\r3,bad\r\r4,\"2026-01-07\"\r");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (4, 2, 0, 2));
    // Lines numbered by the CRs, blank line included.
    assert_eq!(rejected(&r), [(3, "no profile key and no address"), (4, "event date 'bad' is not a date")]);
    assert_eq!(r.total_active, 2);
}

#[test]
fn duplicated_headers() {
    // The first of two equal headers wins, as for aliases.
    let (r, err) = count("dup.csv", b"id,date,id,date\n1,2026-01-05,2,bad\n");
    assert_eq!(err, None);
    assert_eq!(rows(&r), (1, 1, 0, 0));
    assert_eq!(r.files[0].columns["profile key"], "id");
    assert_eq!(r.as_of.as_deref(), Some("2026-01-05"));
}

#[test]
fn odd_dates() {
    let data = b"id,date\n1,0000-01-01\n2,9999-12-31\n3,31/02/2026\n4,2026-01-05\n5,2026-12-01\n";
    let mut c = Counter::new(Options::default());
    let f = c.begin_file("dates.csv", None);
    c.push(f, data).unwrap();
    c.end_file(f).unwrap();
    let settings = ReportSettings { as_of: "2026-06-30".parse().ok(), ..ReportSettings::default() };
    let r = c.report(&settings);
    // Year 0 and 9999 are dates; 31/02 is not; rows after the as-of date count but are not active on it.
    assert_eq!(rows(&r), (5, 4, 0, 1));
    assert_eq!(rejected(&r), [(4, "event date '31/02/2026' is not a date")]);
    assert_eq!(r.total_active, 1);
    assert_eq!(
        r.warnings,
        ["the data range 0000-01-01 to 9999-12-31 is too long for monthly snapshots: check the event dates"]
    );
}

#[test]
fn huge_and_negative_codes() {
    let (r, err) = count(
        "codes.csv",
        b"id,date,status,failureReason,channel\n1,2026-01-05,99999999999999999999,-1,99999999999999999999\n2,2026-01-05,1,0,-1\n",
    );
    assert_eq!(err, None);
    // Unknown values count, and are listed.
    assert_eq!(rows(&r), (2, 2, 0, 0));
    let listed: Vec<(&str, &str)> = r.unrecognised.iter().map(|u| (u.field.as_str(), u.value.as_str())).collect();
    assert_eq!(listed, [("failure_reason", "-1"), ("status", "99999999999999999999")]);
    let channels: Vec<&str> = r.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(channels, ["-1", "99999999999999999999"]);
}

const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=window.__pwned=1>";
const FORMULA: &str = "=cmd|' /C calc'!A0";

#[test]
fn hostile_labels_are_kept_as_written() {
    let name = format!("{IMG}.csv");
    let data = format!(
        "recipientId;eventDate;targetDimension;channel;delivery;instance\n\
         1;2026-01-05;{SCRIPT};{IMG};{FORMULA};{FORMULA}\n\
         2;2026-01-06;\"{FORMULA}\";{SCRIPT};{SCRIPT};prod\n\
         3;not a date;{IMG};Email;x;prod\n"
    );
    let (r, err) = count(&name, data.as_bytes());
    assert_eq!(err, None);
    assert_eq!(rows(&r), (3, 2, 0, 1));
    let mut dims: Vec<&str> = r.dimensions.iter().map(|d| d.name.as_str()).collect();
    dims.sort();
    assert_eq!(dims, [SCRIPT, FORMULA]); // '<' sorts before '='
    let mut channels: Vec<&str> = r.channels.iter().map(|d| d.name.as_str()).collect();
    channels.sort();
    assert_eq!(channels, [IMG, SCRIPT]);
    let mut instances: Vec<&str> = r.instances.iter().map(|d| d.name.as_str()).collect();
    instances.sort();
    assert_eq!(instances, [FORMULA, "prod"]);
    assert_eq!(r.files[0].name, name);
    assert_eq!(r.rejected[0].file, name);
    // The explanation of a profile quotes the delivery as written.
    let mut e = engine::explain(Options::default(), "1");
    let f = e.begin_file(&name, None);
    e.push(f, data.as_bytes()).unwrap();
    e.end_file(f).unwrap();
    assert_eq!(e.rows()[0].delivery.as_deref(), Some(FORMULA));
}

#[test]
fn previews_of_broken_files_do_not_fail() {
    let mut long = b"id,date\n1,".to_vec();
    long.extend(std::iter::repeat_n(b'a', 3 << 20));
    let p = engine::preview(&long, 5, true);
    assert_eq!(p.headers, ["id", "date"]);
    assert_eq!(p.rows, [Vec::<String>::new()]);
    let p = engine::preview(b"\xFF\xFE\x00", 5, true);
    assert_eq!(p.encoding, "UTF-16LE");
}

#[test]
fn more_distinct_profiles_than_the_limit_stop_the_file_at_its_line() {
    let options = Options { max_profiles: 3, ..Options::default() };
    let mut counter = Counter::new(options);
    let file = counter.begin_file("many.csv", None);
    let csv = "recipientId,eventDate\n1,2026-01-05\n2,2026-01-05\n3,2026-01-05\n4,2026-01-05\n5,2026-01-05\n";
    let pushed = counter.push(file, csv.as_bytes()).and_then(|()| counter.end_file(file));
    let error = pushed.expect_err("the limit stops the file");
    assert_eq!(error, FileError::TooManyProfiles { file: "many.csv".into(), line: 5, limit: 3 });
    assert_eq!(
        error.to_string(),
        "many.csv, line 5: more than 3 distinct profiles, the most this counter takes; the rows before this line \
         are counted; count the files in smaller sets (per instance or per year)"
    );
    let report = counter.report(&ReportSettings::default());
    assert_eq!((report.rows.read, report.rows.counted, report.total_active), (3, 3, 3));
    assert_eq!(Options::default().max_profiles, engine::options::MAX_PROFILES);
}

#[test]
fn shards_that_did_not_read_alike_are_not_merged() {
    let csv = "recipientId,eventDate\n1,2026-01-05\n2,2026-01-05\n3,2026-01-05\n4,2026-01-05\n5,2026-01-05\n";
    let read = |counter: &mut Counter, csv: &str| {
        let file = counter.begin_file("many.csv", None);
        counter.push(file, csv.as_bytes()).and_then(|()| counter.end_file(file))
    };
    let shards = |options: &Options, count: u32| -> Vec<Counter> {
        (0..count).map(|i| Counter::sharded(options.clone(), Shard::new(i, count).expect("shard"))).collect()
    };
    // Each shard stops the file at its share of the limit (2 of 3): the one that reaches it first
    // read fewer rows than the other, and the merge says so; one counter then says where.
    let options = Options { max_profiles: 3, ..Options::default() };
    let mut two = shards(&options, 2);
    let stopped: Vec<bool> = two.iter_mut().map(|c| read(c, csv).is_err()).collect();
    assert!(stopped.contains(&true), "{stopped:?}");
    let error = Counter::merge_shards(two).expect_err("the shards disagree");
    assert_eq!(error.to_string(), "the shards did not read the same input");
    // Not each shard once; another input; nothing.
    let mut a = shards(&Options::default(), 2);
    let b = shards(&Options::default(), 2);
    for c in &mut a {
        read(c, csv).expect("read");
    }
    let [a0, a1]: [Counter; 2] = a.try_into().expect("two");
    let [b0, _]: [Counter; 2] = b.try_into().expect("two");
    let error = Counter::merge_shards(vec![a0.clone(), b0.clone()]).expect_err("shard 0 twice");
    assert_eq!(error.to_string(), "the counters are not each shard of one input once");
    let mut b1 = Counter::sharded(Options::default(), Shard::new(1, 2).expect("shard"));
    read(&mut b1, "recipientId,eventDate\n1,2026-01-05\n").expect("read");
    let error = Counter::merge_shards(vec![a0.clone(), b1]).expect_err("another input");
    assert_eq!(error.to_string(), "the shards did not read the same input");
    assert!(Counter::merge_shards(Vec::new()).is_err());
    assert!(Shard::new(2, 2).is_none());
    // Each shard alone holds part of the profiles; merged, all five.
    let (n0, n1) = (a0.profiles(), a1.profiles());
    assert_eq!(n0 + n1, 5);
    let merged = Counter::merge_shards(vec![a1, a0]).expect("merged");
    assert_eq!(merged.report(&ReportSettings::default()).total_active, 5);
}
