//! One test per rule of `counting-rules.md`, named after it.

use chrono::NaiveDate;
use engine::{BillingDay, Counter, Deliveries, FileError, Options, Report, ReportSettings};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn count_files(options: Options, files: &[(&str, &[u8])], settings: &ReportSettings) -> Report {
    let mut counter = Counter::new(options);
    for (name, bytes) in files {
        let f = counter.begin_file(name, None);
        counter.push(f, bytes).unwrap();
        counter.end_file(f).unwrap();
    }
    counter.report(settings)
}

fn count(csv: &str) -> Report {
    count_files(Options::default(), &[("log.csv", csv.as_bytes())], &ReportSettings::default())
}

fn count_as_of(csv: &str, as_of: &str) -> Report {
    let settings = ReportSettings { as_of: Some(date(as_of)), ..Default::default() };
    count_files(Options::default(), &[("log.csv", csv.as_bytes())], &settings)
}

fn excluded(r: &Report, reason: &str) -> u64 {
    r.excluded.iter().find(|e| e.reason == reason).map_or(0, |e| e.rows)
}

fn dim(r: &Report, name: &str) -> u64 {
    r.dimensions.iter().find(|d| d.name == name).map_or(0, |d| d.active)
}

/// One counted anchor row so that the as-of date is fixed at 2026-10-24.
const ANCHOR: &str = "anchor,2026-10-24,Sent,,Email,\n";
const HEAD: &str = "recipientId,eventDate,status,failureReason,channel,proof\n";

fn one(row: &str) -> Report {
    count(&format!("{HEAD}{ANCHOR}{row}\n"))
}

#[test]
fn excluded_proof_flag() {
    let r = one("p,2026-10-01,Sent,,Email,1");
    assert_eq!((r.total_active, excluded(&r, "proof")), (1, 1));
}

#[test]
fn excluded_seed_flag() {
    let r = count("recipientId,eventDate,seed\nanchor,2026-10-24,\ns,2026-10-01,yes\n");
    assert_eq!((r.total_active, excluded(&r, "proof")), (1, 1));
}

#[test]
fn excluded_proof_delivery() {
    let options = Options::default();
    let mut d = Deliveries::new("deliveries.csv", &options);
    d.push(b"internalName,label,proof\nDM1,Proof of welcome,true\nDM2,Welcome,false\n").unwrap();
    d.finish().unwrap();
    let mut c = Counter::new(options);
    c.set_deliveries(d);
    let f = c.begin_file("log.csv", None);
    c.push(f, b"recipientId,eventDate,deliveryId\na,2026-10-24,DM2\nb,2026-10-24,DM1\nc,2026-10-24,Proof of welcome\n")
        .unwrap();
    c.end_file(f).unwrap();
    let r = c.report(&ReportSettings::default());
    assert_eq!((r.total_active, excluded(&r, "proof")), (1, 2));
}

#[test]
fn excluded_social_channels() {
    let r = count(&format!(
        "{HEAD}{ANCHOR}t,2026-10-01,Sent,,Twitter,\nf,2026-10-01,Sent,,facebook,\nx,2026-10-01,Sent,,X,\n"
    ));
    assert_eq!((r.total_active, excluded(&r, "social")), (1, 3));
}

#[test]
fn excluded_control_flag() {
    let r = count("recipientId,eventDate,controlGroup\na,2026-10-24,0\nb,2026-10-24,x\n");
    assert_eq!((r.total_active, excluded(&r, "control")), (1, 1));
}

#[test]
fn excluded_control_reason_127() {
    let r = one("c,2026-10-01,Ignored,127,Email,");
    // Control (step 3) comes before the status (step 4).
    assert_eq!((r.total_active, excluded(&r, "control"), excluded(&r, "status")), (1, 1, 0));
    let r = one("c,2026-10-01,Failed,Control address,Email,");
    assert_eq!(excluded(&r, "control"), 1);
}

#[test]
fn excluded_statuses_by_label() {
    for status in
        ["Ignored", "Delivery cancelled", "Canceled", "Cancelled", "Not applicable", "IGNORED", "delivery-cancelled"]
    {
        let r = one(&format!("e,2026-10-01,{status},,Email,"));
        assert_eq!((r.total_active, excluded(&r, "status")), (1, 1), "{status}");
    }
}

#[test]
fn excluded_statuses_by_number() {
    for status in ["0", "7"] {
        let r = one(&format!("e,2026-10-01,{status},,Email,"));
        assert_eq!((r.total_active, excluded(&r, "status")), (1, 1), "{status}");
    }
}

#[test]
fn counted_statuses_by_label_and_number() {
    for status in [
        "Sent",
        "Failed",
        "Pending",
        "Prepared",
        "Sent to the service provider",
        "Taken into account by the service provider",
        "Received on mobile",
        "Delivery confirmed",
        "1",
        "2",
        "6",
    ] {
        let r = one(&format!("e,2026-10-01,{status},,Email,"));
        assert_eq!((r.total_active, r.rows.counted), (2, 2), "{status}");
        assert!(r.unrecognised.is_empty(), "{status}");
    }
}

#[test]
fn excluded_failure_reasons_by_number_and_label() {
    let values = [
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "14",
        "15",
        "16",
        "17",
        "Address not specified",
        "Denylisted address",
        "Blacklisted address",
        "Address in quarantine",
        "Quarantined address",
        "Double",
        "Duplicate",
        "Excluded by a SQL rule",
        "Excluded after arbitration",
        "Bad-quality address",
        "Unqualified address",
        "Not eligible for the offers",
        "Target limited in size",
    ];
    for reason in values {
        // Whatever the status says.
        let r = one(&format!("e,2026-10-01,Sent,{reason},Email,"));
        assert_eq!((r.total_active, excluded(&r, "failure_reason")), (1, 1), "{reason}");
    }
}

#[test]
fn failed_with_delivery_failure_counted() {
    for reason in
        ["0", "1", "2", "3", "4", "5", "6", "20", "25", "User unknown", "Mailbox full", "Refused", "Invalid domain"]
    {
        let r = one(&format!("e,2026-10-01,Failed,{reason},Email,"));
        assert_eq!((r.total_active, r.rows.excluded), (2, 0), "{reason}");
    }
}

#[test]
fn first_reason_that_holds_is_reported() {
    let r = one("e,2026-10-01,Ignored,127,Twitter,1");
    assert_eq!(r.excluded.len(), 1);
    assert_eq!(excluded(&r, "proof"), 1);
    let r = one("e,2026-10-01,Ignored,8,Twitter,");
    assert_eq!(excluded(&r, "social"), 1);
    let r = one("e,2026-10-01,Ignored,8,Email,");
    assert_eq!(excluded(&r, "status"), 1);
}

#[test]
fn unknown_status_counted_and_listed() {
    let r = count(&format!(
        "{HEAD}{ANCHOR}a,2026-10-01,Declined,,Email,\nb,2026-10-01,Declined,,Email,\nc,2026-10-01,3,,Email,\n"
    ));
    assert_eq!(r.total_active, 4);
    assert_eq!(r.unrecognised.len(), 2);
    assert_eq!(
        (r.unrecognised[0].field.as_str(), r.unrecognised[0].value.as_str(), r.unrecognised[0].rows),
        ("status", "Declined", 2)
    );
    assert_eq!((r.unrecognised[1].value.as_str(), r.unrecognised[1].rows), ("3", 1));
}

#[test]
fn a_reclassified_unknown_status_stays_listed_and_known_ones_do_not() {
    let mut options = Options::default();
    options.rules.apply("Declined=excluded").unwrap();
    options.rules.apply("7=counted").unwrap();
    let csv = format!("{HEAD}{ANCHOR}a,2026-10-01,Declined,,Email,\nb,2026-10-01,7,,Email,\n");
    let r = count_files(options, &[("log.csv", csv.as_bytes())], &ReportSettings::default());
    assert_eq!((r.total_active, excluded(&r, "status")), (2, 1), "Declined excluded, 7 counted");
    let listed: Vec<(&str, &str, u64)> =
        r.unrecognised.iter().map(|u| (u.field.as_str(), u.value.as_str(), u.rows)).collect();
    assert_eq!(listed, [("status", "Declined", 1)], "the user's rule is shown, so that it can be changed back");
}

#[test]
fn channels_without_active_profiles_are_left_out() {
    let r = count(&format!("{HEAD}{ANCHOR}a,2026-10-01,Sent,,Twitter,\n"));
    assert_eq!(excluded(&r, "social"), 1);
    assert!(r.channels.iter().all(|c| c.name != "Twitter" && c.active > 0), "{:?}", r.channels);
}

#[test]
fn status_values_can_be_remapped() {
    let mut options = Options::default();
    options.rules.apply("Declined=excluded").unwrap();
    options.rules.apply("7=counted").unwrap();
    options.rules.apply("reason:20=excluded").unwrap();
    let csv = format!(
        "{HEAD}{ANCHOR}a,2026-10-01,Declined,,Email,\nb,2026-10-01,7,,Email,\nc,2026-10-01,Failed,Refused,Email,\n"
    );
    let r = count_files(options, &[("log.csv", csv.as_bytes())], &ReportSettings::default());
    assert_eq!((r.total_active, excluded(&r, "status"), excluded(&r, "failure_reason")), (2, 1, 1));
    assert!(r.settings.rules.excluded_status.contains(&"Declined".to_string()));
    assert!(r.settings.rules.counted_status.contains(&"7".to_string()));
    assert!(r.settings.rules.excluded_failure_reasons.contains(&20));
}

#[test]
fn rules_in_force_are_reported() {
    let r = one("e,2026-10-01,Sent,,Email,");
    let rules = &r.settings.rules;
    assert_eq!(rules.excluded_failure_reasons, vec![7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 127]);
    assert!(rules.counted_status.contains(&"Sent".to_string()) && rules.counted_status.contains(&"1".to_string()));
    assert!(rules.excluded_status.contains(&"Ignored".to_string()) && rules.excluded_status.contains(&"0".to_string()));
    assert_eq!((r.settings.time_zone.as_str(), r.settings.day_first), ("UTC", true));
    assert_eq!(r.settings.billing_day, serde_json::json!(25));
}

#[test]
fn window_event_exactly_twelve_months_before_is_out() {
    let r = count_as_of("recipientId,eventDate\nout,2025-10-24\nin,2025-10-25\n", "2026-10-24");
    assert_eq!(r.total_active, 1);
    let w = r.window.unwrap();
    assert_eq!((w.from.as_str(), w.to.as_str()), ("2025-10-25", "2026-10-24"));
}

#[test]
fn window_event_on_the_as_of_date_is_in_and_later_is_out() {
    let r = count_as_of("recipientId,eventDate\na,2026-10-24\nb,2026-10-25\n", "2026-10-24");
    assert_eq!(r.total_active, 1);
}

#[test]
fn window_29_february_clamp() {
    let r = count_as_of("recipientId,eventDate\nout,2023-02-28\nin,2023-03-01\nleap,2024-02-29\n", "2024-02-29");
    assert_eq!(r.total_active, 2);
    let w = r.window.unwrap();
    assert_eq!((w.from.as_str(), w.to.as_str()), ("2023-03-01", "2024-02-29"));
    // An event on 2024-02-29 is still active on 2025-02-28 (2025-02-28 - 12 months = 2024-02-28).
    let r = count_as_of("recipientId,eventDate\nleap,2024-02-29\n", "2025-02-28");
    assert_eq!(r.total_active, 1);
    let r = count_as_of("recipientId,eventDate\nleap,2024-02-29\n", "2025-03-01");
    assert_eq!(r.total_active, 0);
}

#[test]
fn snapshots_on_billing_day_25_in_data_range() {
    let r = count("recipientId,eventDate\na,2026-01-20\nb,2026-03-26\n");
    let to: Vec<&str> = r.snapshots.iter().map(|s| s.to.as_str()).collect();
    assert_eq!(to, ["2026-01-25", "2026-02-25", "2026-03-25"]);
    assert_eq!(r.snapshots[0].from, "2025-01-26");
    assert_eq!(r.snapshots.iter().map(|s| s.active).collect::<Vec<_>>(), [1, 1, 1]);
    let r = count(
        "recipientId,eventDate
a,2026-01-26
b,2026-03-25
",
    );
    let to: Vec<&str> = r.snapshots.iter().map(|s| s.to.as_str()).collect();
    assert_eq!(to, ["2026-02-25", "2026-03-25"]);
    assert_eq!(r.snapshots.iter().map(|s| s.active).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn snapshots_on_billing_day_last() {
    let csv = "recipientId,eventDate\na,2024-01-31\nb,2024-04-30\n";
    let settings = ReportSettings { billing_day: BillingDay::Last, ..Default::default() };
    let r = count_files(Options::default(), &[("l.csv", csv.as_bytes())], &settings);
    let to: Vec<&str> = r.snapshots.iter().map(|s| s.to.as_str()).collect();
    assert_eq!(to, ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
    assert_eq!(r.snapshots[1].from, "2023-03-01");
    assert_eq!(r.snapshots.last().unwrap().active, 2);
    assert_eq!(r.settings.billing_day, serde_json::json!("last"));
}

#[test]
fn daily_series_covers_365_days_or_from_data_start() {
    let r = count("recipientId,eventDate\na,2025-01-01\nb,2026-10-24\n");
    assert_eq!(r.daily.len(), 365);
    assert_eq!(r.daily.last().unwrap().date, "2026-10-24");
    assert_eq!(r.daily.last().unwrap().active, 1);
    let r = count("recipientId,eventDate\na,2026-10-20\nb,2026-10-24\n");
    assert_eq!(r.daily.len(), 5);
    assert_eq!(r.daily.iter().map(|d| d.active).collect::<Vec<_>>(), [1, 1, 1, 1, 2]);
}

#[test]
fn offsets_cross_midnight() {
    let r = count("recipientId,eventDate\na,2026-10-24T23:30:00-02:00\nb,2026-10-24T00:30:00+02:00\n");
    // a is 2026-10-25 01:30 UTC; b is 2026-10-23 22:30 UTC.
    assert_eq!(r.as_of.as_deref(), Some("2026-10-25"));
    assert_eq!(r.daily.first().unwrap().date, "2026-10-23");
    let options = Options { time_zone: "+02:00".into(), ..Options::default() };
    let csv = "recipientId,eventDate\na,2026-10-24T22:30:00Z\nb,2026-10-24 23:30:00\n";
    let r = count_files(options, &[("l.csv", csv.as_bytes())], &ReportSettings::default());
    // a moves to 2026-10-25 in +02:00; b has no offset, so it is already local.
    assert_eq!(r.as_of.as_deref(), Some("2026-10-25"));
    assert_eq!(r.daily.first().unwrap().date, "2026-10-24");
    assert_eq!(r.settings.time_zone, "+02:00");
}

#[test]
fn iana_time_zone_names_follow_daylight_saving_time_and_unknown_names_are_refused_clearly() {
    let paris = Options { time_zone: "Europe/Paris".into(), ..Options::default() };
    let day_of = |stamp: &str| {
        let csv = format!("recipientId,eventDate\na,{stamp}\n");
        let r = count_files(paris.clone(), &[("l.csv", csv.as_bytes())], &ReportSettings::default());
        assert_eq!(r.settings.time_zone, "Europe/Paris");
        r.as_of
    };
    assert_eq!(day_of("2026-03-29T00:30:00Z").as_deref(), Some("2026-03-29"));
    // CEST (+2) in October, CET (+1) in November.
    assert_eq!(day_of("2026-10-24T22:30:00Z").as_deref(), Some("2026-10-25"));
    assert_eq!(day_of("2026-11-24T22:30:00Z").as_deref(), Some("2026-11-24"));
    // Without an offset, a timestamp is already in the report's zone.
    assert_eq!(day_of("2026-10-24 23:30:00").as_deref(), Some("2026-10-24"));

    let options = Options { time_zone: "Europe/Pariss".into(), ..Options::default() };
    assert_eq!(
        Counter::try_new(options.clone()).unwrap_err(),
        "time zone 'Europe/Pariss' is not known: give UTC, a fixed offset such as +02:00 or a name of the \
         time-zone database such as Europe/Paris"
    );
    let mut c = Counter::new(options);
    let f = c.begin_file("l.csv", None);
    assert!(matches!(c.push(f, b"id,date\n"), Err(FileError::InvalidOptions(_))));
}

#[test]
fn every_date_format() {
    let r = count(
        "recipientId,eventDate\na,2026-10-25\nb,2026-10-25 13:45:00\nc,2026-10-25T13:45:00.123+02:00\nd,2026-10-25T13:45:00Z\n\
         e,25/10/2026\nf,25/10/2026 13:45\ng,25.10.2026\nh,25-10-2026 13:45:00\ni,2026/10/25\n",
    );
    assert_eq!((r.rows.rejected, r.total_active, r.daily.len()), (0, 9, 1));
    let r = count("recipientId,eventDate\na,10/25/2026 01:45 PM\nb,10/25/2026 1:45 am\n");
    assert_eq!((r.rows.rejected, r.total_active, r.daily.len()), (0, 2, 1));
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn one_file(bytes: &[u8]) -> Report {
    count_files(Options::default(), &[("f.csv", bytes)], &ReportSettings::default())
}

const ACCENTED: &str = "address,eventDate\nzoë@example.com,2026-10-01\nZoë@example.com,2026-10-02\n";

fn check_accented(r: &Report, encoding: &str) {
    assert_eq!(r.total_active, 2, "{encoding}");
    assert_eq!(r.files[0].encoding, encoding);
    assert_eq!(r.case_duplicates.len(), 1, "{encoding}: the ë decoded the same way");
}

#[test]
fn encoding_utf8() {
    check_accented(&one_file(ACCENTED.as_bytes()), "UTF-8");
}

#[test]
fn encoding_utf8_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(ACCENTED.as_bytes());
    let r = one_file(&b);
    check_accented(&r, "UTF-8 (BOM)");
    assert_eq!(r.files[0].columns["address"], "address", "the BOM is not part of the first header");
}

#[test]
fn encoding_utf16_le() {
    check_accented(&one_file(&utf16(ACCENTED, true)), "UTF-16LE");
}

#[test]
fn encoding_utf16_be() {
    check_accented(&one_file(&utf16(ACCENTED, false)), "UTF-16BE");
}

#[test]
fn encoding_windows_1252() {
    let b: Vec<u8> = ACCENTED.chars().map(|c| if c == 'ë' { 0xEB } else { c as u8 }).collect();
    check_accented(&one_file(&b), "Windows-1252");
}

#[test]
fn encodings_merge_to_the_same_key() {
    let b1252: Vec<u8> = "address,eventDate\nzoë@example.com,2026-10-01\n"
        .chars()
        .map(|c| if c == 'ë' { 0xEB } else { c as u8 })
        .collect();
    let r = count_files(
        Options::default(),
        &[("a.csv", &b1252), ("b.csv", &utf16("address,eventDate\nzoë@example.com,2026-10-02\n", false))],
        &ReportSettings::default(),
    );
    assert_eq!(r.total_active, 1);
}

#[test]
fn delimiters_comma_semicolon_tab_pipe() {
    for d in [",", ";", "\t", "|"] {
        let csv = format!("recipientId{d}eventDate{d}note\na{d}2026-10-01{d}\"x,y;z|w\tv\"\nb{d}2026-10-02{d}\n");
        let r = one_file(csv.as_bytes());
        assert_eq!((r.total_active, r.rows.rejected), (2, 0), "{d:?}");
        assert_eq!(r.files[0].delimiter, d);
    }
}

#[test]
fn crlf_line_endings() {
    let r = one_file(b"recipientId,eventDate\r\na,2026-10-01\r\n,2026-10-02\r\n");
    assert_eq!((r.total_active, r.rows.read), (1, 2));
    assert_eq!(r.rejected[0].line, 3);
}

#[test]
fn line_breaks_inside_quotes_move_later_line_numbers() {
    let csv = "recipientId,eventDate,note\na,2026-10-01,\"two\nlines\"\nb,2026-10-01,\"three\r\n\"\"quoted\"\"\nlines\"\n,2026-10-01,\nc,not a date,\n";
    let r = one_file(csv.as_bytes());
    assert_eq!((r.rows.read, r.total_active, r.rows.rejected), (4, 2, 2));
    assert_eq!((r.rejected[0].line, r.rejected[0].reason.as_str()), (7, "no profile key and no address"));
    assert_eq!((r.rejected[1].line, r.rejected[1].reason.as_str()), (8, "event date 'not a date' is not a date"));
}

#[test]
fn rejected_rows_with_their_line_numbers() {
    let r = one_file(b"recipientId,address,eventDate\na,,2026-10-01\n,,2026-10-01\nb,,\nc,,31/02/2026\nd,,2026-02-30\n\ne,,2026-10-02\n");
    assert_eq!(r.rows.read, 6);
    assert_eq!(r.rows.rejected, 4);
    let got: Vec<(u64, &str)> = r.rejected.iter().map(|x| (x.line, x.reason.as_str())).collect();
    assert_eq!(
        got,
        [
            (3, "no profile key and no address"),
            (4, "no event date"),
            (5, "event date '31/02/2026' is not a date"),
            (6, "event date '2026-02-30' is not a date")
        ]
    );
    assert_eq!(r.rejected[0].file, "f.csv");
    // The data range covers only rows that were not rejected.
    assert_eq!(r.daily.first().unwrap().date, "2026-10-01");
}

#[test]
fn rejected_list_keeps_the_first_100() {
    let mut csv = String::from("recipientId,eventDate\na,2026-10-01\n");
    for _ in 0..150 {
        csv.push_str("b,never\n");
    }
    let r = one_file(csv.as_bytes());
    assert_eq!((r.rows.rejected, r.rejected.len()), (150, 100));
    assert_eq!((r.rejected[0].line, r.rejected[99].line), (3, 102));
}

#[test]
fn alias_precedence_recipient_id_beats_id() {
    let r = one_file(b"@id,@eventDate,@recipient-id\n1,2026-10-01,A\n2,2026-10-01,A\n");
    assert_eq!(r.total_active, 1);
    assert_eq!(r.files[0].columns["profile key"], "@recipient-id");
    assert_eq!(r.files[0].columns["event date"], "@eventDate");
}

#[test]
fn header_normalisation() {
    let r = one_file(b"Recipient ID;Event date;Delivery_Status\nA;2026-10-01;Ignored\n");
    assert_eq!((r.total_active, excluded(&r, "status")), (0, 1));
}

#[test]
fn manual_mapping_overrides_aliases() {
    let mut options = Options::default();
    options.map("profile key", "customer").unwrap();
    options.map("event date", "Send Date").unwrap();
    let csv = b"recipientId,customer,eventDate,Send Date\n1,A,2026-10-01,2026-10-05\n2,A,2026-10-01,2026-10-05\n";
    let r = count_files(options, &[("m.csv", csv)], &ReportSettings::default());
    assert_eq!(r.total_active, 1);
    assert_eq!(r.as_of.as_deref(), Some("2026-10-05"));
    assert_eq!(r.files[0].columns["profile key"], "customer");
}

#[test]
fn missing_required_field_names_file_field_and_headers() {
    let mut c = Counter::new(Options::default());
    let f = c.begin_file("odd.csv", None);
    let err = c.push(f, b"who;when\nA;2026-10-01\n").unwrap_err();
    match &err {
        FileError::MissingFields { file, missing, headers } => {
            assert_eq!(file, "odd.csv");
            assert_eq!(missing, &["event date".to_string(), "profile key or address".to_string()]);
            assert_eq!(headers, &["who".to_string(), "when".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("odd.csv") && err.to_string().contains("when"));
    assert!(c.end_file(f).is_err());
    let mut options = Options::default();
    options.map("event date", "Nope").unwrap();
    let mut c = Counter::new(options);
    let f = c.begin_file("m.csv", None);
    assert!(matches!(c.push(f, b"id,date\n"), Err(FileError::MappedHeaderMissing { .. })));
    assert!(Options::default().map("colour", "x").is_err());
}

#[test]
fn deliveries_join_and_row_value_wins() {
    let options = Options::default();
    let mut d = Deliveries::new("deliveries.csv", &options);
    for chunk in b"deliveryId;label;channel;targetMapping;transactional\n10;Newsletter;SMS;Visitors;0\n11;Receipt;Email;Recipients;1\n".chunks(7) {
        d.push(chunk).unwrap();
    }
    d.finish().unwrap();
    let mut c = Counter::new(options);
    c.set_deliveries(d);
    let f = c.begin_file("log.csv", None);
    c.push(
        f,
        b"recipientId,eventDate,deliveryId,targetDimension,channel,address\n\
          a,2026-10-01,10,,,a@x.com\nb,2026-10-01,10,Subscriptions,Email,\nc,2026-10-01,11,,,c@x.com\nd,2026-10-01,99,,,\n",
    )
    .unwrap();
    c.end_file(f).unwrap();
    let r = c.report(&ReportSettings::default());
    assert_eq!(dim(&r, "Visitors"), 1, "a gets the delivery's dimension");
    assert_eq!(dim(&r, "Subscriptions"), 1, "b's own value wins");
    assert_eq!(dim(&r, "Anonymous"), 1, "c is transactional by the deliveries file");
    assert_eq!(dim(&r, "Recipients"), 1, "d's delivery is unknown: Recipients");
    let ch = |n: &str| r.channels.iter().find(|c| c.name == n).map_or(0, |c| c.active);
    assert_eq!((ch("SMS"), ch("Email"), ch("Unknown")), (1, 2, 1));
}

#[test]
fn transactional_goes_to_anonymous() {
    let r = one_file(b"recipientId,address,eventDate,transactional\n1,a@x.com,2026-10-01,yes\n1,,2026-10-01,no\n");
    assert_eq!((dim(&r, "Anonymous"), dim(&r, "Recipients"), r.total_active), (1, 1, 2));
}

#[test]
fn address_only_goes_to_anonymous() {
    let r = one_file(b"recipientId,email,eventDate\n,a@x.com,2026-10-01\n,a@x.com,2026-10-02\n7,a@x.com,2026-10-02\n");
    assert_eq!((dim(&r, "Anonymous"), dim(&r, "Recipients")), (1, 1));
}

#[test]
fn anonymous_addresses_are_case_sensitive() {
    let r = one_file(b"email,eventDate\nJohn.Greene@luma.com,2026-10-01\njohn.greene@luma.com,2026-10-01\nJOHN.GREENE@luma.com,2026-10-01\nx@y.z,2026-10-01\n");
    assert_eq!(r.total_active, 4);
    assert_eq!(r.case_duplicates.len(), 1);
    let d = &r.case_duplicates[0];
    assert_eq!((d.dimension.as_str(), d.profiles, d.fewer), ("Anonymous", 3, 2));
}

#[test]
fn case_duplicates_of_profiles_with_an_address_column() {
    let r = one_file(b"recipientId,email,eventDate\n1,Ann@x.com,2026-10-01\n2,ann@x.com,2026-10-01\n3,bob@x.com,2026-10-01\n4,bob@x.com,2026-10-01\n");
    assert_eq!(r.total_active, 4);
    assert_eq!(r.case_duplicates.len(), 1);
    assert_eq!(
        (r.case_duplicates[0].dimension.as_str(), r.case_duplicates[0].profiles, r.case_duplicates[0].fewer),
        ("Recipients", 2, 1)
    );
}

#[test]
fn keys_are_case_sensitive_and_trimmed() {
    let r = one_file(b"recipientId,eventDate\nAbc,2026-10-01\nabc,2026-10-01\n Abc ,2026-10-02\n");
    assert_eq!(r.total_active, 2);
}

#[test]
fn same_key_in_two_dimensions_counts_twice() {
    let r = one_file(b"recipientId,eventDate,targetMapping,channel\n1,2026-10-01,nms:recipient,Email\n1,2026-10-01,Visitors,Email\n1,2026-10-02,Recipients,SMS\n");
    assert_eq!((r.total_active, dim(&r, "Recipients"), dim(&r, "Visitors")), (2, 1, 1));
    assert_eq!(r.multi_channel_profiles, 1);
    let ch = |n: &str| r.channels.iter().find(|c| c.name == n).map_or(0, |c| c.active);
    assert_eq!((ch("Email"), ch("SMS")), (2, 1));
}

#[test]
fn instances_add_up_and_are_never_deduplicated() {
    let mut c = Counter::new(Options::default());
    for (name, inst) in [("a.csv", Some("prod")), ("b.csv", Some("emea")), ("c.csv", None)] {
        let f = c.begin_file(name, inst);
        c.push(f, b"recipientId,eventDate\n1,2026-10-01\n2,2026-10-01\n").unwrap();
        c.end_file(f).unwrap();
    }
    let f = c.begin_file("d.csv", Some("prod"));
    c.push(f, b"recipientId,eventDate,instance\n1,2026-10-01,\n1,2026-10-01,emea\n9,2026-10-01,other\n").unwrap();
    c.end_file(f).unwrap();
    let r = c.report(&ReportSettings::default());
    let names: Vec<(&str, u64)> = r.instances.iter().map(|i| (i.name.as_str(), i.active)).collect();
    assert_eq!(names, [("default", 2), ("emea", 2), ("prod", 2), ("other", 1)]);
    assert_eq!(r.total_active, 7);
}

#[test]
fn day_month_decision_per_file_and_warning() {
    let day_first = b"recipientId,eventDate\na,03/04/2026\nb,13/04/2026\n";
    let month_first = b"recipientId,eventDate\na,03/04/2026\nb,04/13/2026\n";
    let never = b"recipientId,eventDate\na,03/04/2026\nb,05/06/2026\n";
    let settings = ReportSettings::default();
    let r = count_files(Options::default(), &[("d.csv", day_first)], &settings);
    assert_eq!((r.daily.first().unwrap().date.as_str(), r.as_of.as_deref()), ("2026-04-03", Some("2026-04-13")));
    assert!(r.warnings.is_empty());
    let r = count_files(Options::default(), &[("m.csv", month_first)], &settings);
    assert_eq!((r.daily.first().unwrap().date.as_str(), r.as_of.as_deref()), ("2026-03-04", Some("2026-04-13")));
    let r = count_files(Options::default(), &[("n.csv", never)], &settings);
    assert_eq!((r.daily.first().unwrap().date.as_str(), r.as_of.as_deref()), ("2026-04-03", Some("2026-06-05")));
    assert_eq!(r.warnings, ["n.csv: no date tells day and month apart; read as day first"]);
    let options = Options { day_first: false, ..Options::default() };
    let r = count_files(options, &[("n.csv", never), ("d.csv", day_first)], &settings);
    assert_eq!(r.as_of.as_deref(), Some("2026-05-06"));
    assert_eq!(r.warnings, ["n.csv: no date tells day and month apart; read as month first"]);
    assert!(!r.settings.day_first);
}

#[test]
fn invalid_date_does_not_decide_the_order() {
    let r = one_file(b"recipientId,eventDate\na,31/02/2026\nb,10/25/2026\nc,03/04/2026\n");
    assert_eq!((r.rows.rejected, r.total_active), (1, 2));
    assert_eq!(r.daily.first().unwrap().date, "2026-03-04");
}

#[test]
fn expiring_groups_add_up_by_leaving_month() {
    let r =
        count_as_of("recipientId,eventDate\na,2025-10-25\nb,2025-11-30\nc,2026-10-24\nd,2026-10-01\n", "2026-10-24");
    assert_eq!(r.total_active, 4);
    let m: Vec<(&str, u64)> =
        r.expiring.iter().filter(|e| e.profiles > 0).map(|e| (e.month.as_str(), e.profiles)).collect();
    assert_eq!(m, [("2026-10", 1), ("2026-11", 1), ("2027-10", 2)]);
    assert_eq!(r.expiring.first().unwrap().month, "2026-10");
    assert_eq!(r.expiring.last().unwrap().month, "2027-10");
}

#[test]
fn report_invariants_and_json_shape() {
    let bytes = engine::generate::demo();
    let r = one_file(&bytes);
    assert_eq!(r.rows.read, r.rows.counted + r.rows.excluded + r.rows.rejected);
    assert_eq!(r.dimensions.iter().map(|d| d.active).sum::<u64>(), r.total_active);
    assert_eq!(r.instances.iter().map(|d| d.active).sum::<u64>(), r.total_active);
    assert_eq!(r.expiring.iter().map(|d| d.profiles).sum::<u64>(), r.total_active);
    for i in &r.instances {
        assert_eq!(i.dimensions.iter().map(|d| d.active).sum::<u64>(), i.active);
    }
    assert!(r.dimensions.windows(2).all(|w| w[0].active >= w[1].active));
    assert_eq!(r.daily.last().unwrap().active, r.total_active);
    let json = serde_json::to_value(&r).unwrap();
    for key in [
        "format",
        "settings",
        "as_of",
        "window",
        "total_active",
        "dimensions",
        "instances",
        "channels",
        "multi_channel_profiles",
        "rows",
        "excluded",
        "rejected",
        "unrecognised",
        "warnings",
        "snapshots",
        "daily",
        "expiring",
        "case_duplicates",
        "files",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["format"], "active-profiles-report/1");
    assert_eq!(json["settings"]["purchased"], serde_json::Value::Null);
}

#[test]
fn report_settings_change_without_reading_again() {
    let mut c = Counter::new(Options::default());
    let f = c.begin_file("l.csv", None);
    c.push(f, b"recipientId,eventDate\na,2025-01-10\nb,2026-10-24\n").unwrap();
    c.end_file(f).unwrap();
    assert_eq!(c.report(&ReportSettings::default()).total_active, 1);
    let earlier = ReportSettings {
        as_of: Some(date("2025-06-01")),
        purchased: Some(10),
        billing_day: BillingDay::Day(1),
        profiles: false,
    };
    let r = c.report(&earlier);
    assert_eq!((r.total_active, r.settings.purchased, r.as_of.as_deref()), (1, Some(10), Some("2025-06-01")));
    assert_eq!(r.snapshots.first().unwrap().to, "2025-02-01");
}

#[test]
fn chunks_of_any_size_give_the_same_report() {
    let bytes = utf16(
        "recipientId;eventDate;note\n1;2026-01-01;\"a\r\nb\"\n2;13/01/2026;x\n3;bad;\"q\"\"\"\n4;2026-02-01 10:00:00+05:00;é\n",
        true,
    );
    let whole = one_file(&bytes);
    for size in [1, 2, 3, 5, 7, 64] {
        let mut c = Counter::new(Options::default());
        let f = c.begin_file("f.csv", None);
        for chunk in bytes.chunks(size) {
            c.push(f, chunk).unwrap();
        }
        c.end_file(f).unwrap();
        assert_eq!(c.report(&ReportSettings::default()), whole, "{size}");
    }
}

#[test]
fn serialised_partial_states_merge() {
    let mut a = Counter::new(Options::default());
    let f = a.begin_file("a.csv", Some("prod"));
    a.push(f, b"recipientId,eventDate,channel\n1,2026-01-01,Email\n2,2026-02-01,SMS\n").unwrap();
    a.end_file(f).unwrap();
    let mut b = Counter::new(Options::default());
    let f = b.begin_file("b.csv", Some("prod"));
    b.push(f, b"recipientId,eventDate,channel\n1,2026-03-01,SMS\n3,bad,Email\n").unwrap();
    b.end_file(f).unwrap();
    let json = serde_json::to_string(&b).unwrap();
    let b2: Counter = serde_json::from_str(&json).unwrap();
    let mut merged = a.clone();
    merged.merge(b2);
    let mut one = Counter::new(Options::default());
    for (name, bytes) in [
        ("a.csv", &b"recipientId,eventDate,channel\n1,2026-01-01,Email\n2,2026-02-01,SMS\n"[..]),
        ("b.csv", b"recipientId,eventDate,channel\n1,2026-03-01,SMS\n3,bad,Email\n"),
    ] {
        let f = one.begin_file(name, Some("prod"));
        one.push(f, bytes).unwrap();
        one.end_file(f).unwrap();
    }
    let settings = ReportSettings::default();
    assert_eq!(merged.report(&settings), one.report(&settings));
    assert_eq!(merged.report(&settings).multi_channel_profiles, 1);
}

#[test]
fn explain_lists_one_profiles_rows_and_their_fate() {
    let mut e = engine::explain(Options::default(), "7");
    let f = e.begin_file("log.csv", Some("prod"));
    e.push(
        f,
        b"recipientId;eventDate;status;channel;deliveryId;targetMapping\n7;03/04/2026;Sent;Email;DM1;Visitors\n8;03/04/2026;Sent;Email;DM1;\n\
          7;bad;Sent;SMS;DM2;\n7;05/04/2026;Ignored;SMS;DM3;\n8;13/04/2026;Sent;Email;DM1;\n",
    )
    .unwrap();
    e.end_file(f).unwrap();
    let rows = e.rows();
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[0].line, rows[0].outcome.as_str(), rows[0].date.as_deref()), (2, "counted", Some("2026-04-03")));
    assert_eq!(
        (rows[0].instance.as_str(), rows[0].dimension.as_str(), rows[0].channel.as_str()),
        ("prod", "Visitors", "Email")
    );
    assert_eq!(rows[0].delivery.as_deref(), Some("DM1"));
    assert_eq!(
        (rows[1].line, rows[1].outcome.as_str(), rows[1].date.as_deref()),
        (4, "rejected: event date 'bad' is not a date", None)
    );
    assert_eq!(
        (rows[2].outcome.as_str(), rows[2].date.as_deref(), rows[2].date_as_written.as_str()),
        ("excluded: status", Some("2026-04-05"), "05/04/2026")
    );
}

#[test]
fn explain_lists_rows_in_date_order_and_says_rows_after_the_as_of_date_are_not_in_the_report() {
    let mut e = engine::explain(Options::default(), "7");
    // Two files, each out of date order; b.csv is read first.
    let b = e.begin_file("b.csv", None);
    e.push(
        b,
        b"recipientId,eventDate,status\n7,2026-11-02,Sent\n7,2026-03-01,Sent\n7,oops,Sent\n7,2026-12-01,Ignored\n",
    )
    .unwrap();
    e.end_file(b).unwrap();
    let a = e.begin_file("a.csv", None);
    e.push(a, b"recipientId,eventDate,status\n7,2026-11-02,Sent\n7,2026-05-01,Sent\n").unwrap();
    e.end_file(a).unwrap();
    let as_of = date("2026-10-24");
    let rows = e.rows_on(Some(as_of));
    let seen: Vec<(&str, u64, Option<&str>, &str)> =
        rows.iter().map(|r| (r.file.as_str(), r.line, r.date.as_deref(), r.outcome.as_str())).collect();
    assert_eq!(
        seen,
        [
            ("b.csv", 3, Some("2026-03-01"), "counted"),
            ("a.csv", 3, Some("2026-05-01"), "counted"),
            ("a.csv", 2, Some("2026-11-02"), "after the as-of date: not in this report"),
            ("b.csv", 2, Some("2026-11-02"), "after the as-of date: not in this report"),
            ("b.csv", 5, Some("2026-12-01"), "excluded: status"),
            ("b.csv", 4, None, "rejected: event date 'oops' is not a date"),
        ]
    );
    assert_eq!(rows[2].message.as_ref().map(|m| m.id.as_str()), Some("outcome-after-as-of"));
    assert_eq!(
        (rows[2].dimension.as_str(), rows[0].dimension.as_str()),
        ("", "Recipients"),
        "only counted rows have a place"
    );
    // The standing is the same from either list: the rows after the as-of date never counted on it.
    let standing = e.standing(as_of);
    assert_eq!(engine::standing(&rows, as_of), standing);
    assert_eq!(standing[0].last_counted.as_deref(), Some("2026-05-01"));
    // Without an as-of date (the report's default, the latest event), nothing is after it.
    assert!(e.rows_on(None).iter().all(|r| r.outcome != "after the as-of date: not in this report"));
}

#[test]
fn case_duplicates_use_the_email_address_of_a_profile() {
    // Profile 1's address column holds its phone on SMS rows: its e-mail address is the one compared.
    let r = one_file(
        b"recipientId,address,eventDate,channel\n1,+33600000001,2026-10-01,SMS\n1,Ann@x.com,2026-10-02,Email\n\
          2,ann@x.com,2026-10-01,Email\n2,+33600000002,2026-10-03,SMS\n",
    );
    assert_eq!(r.case_duplicates.len(), 1);
    assert_eq!((r.case_duplicates[0].profiles, r.case_duplicates[0].fewer), (2, 1));
}

#[test]
fn empty_and_header_only_files() {
    let r = count_files(
        Options::default(),
        &[("empty.csv", b""), ("header.csv", b"recipientId,eventDate\r\n")],
        &ReportSettings::default(),
    );
    assert_eq!((r.rows.read, r.total_active), (0, 0));
    assert_eq!(r.warnings, ["empty.csv: empty file", "header.csv: no rows after the header"]);
    assert_eq!(r.as_of, None);
    assert!(r.window.is_none() && r.snapshots.is_empty() && r.daily.is_empty() && r.expiring.is_empty());
    assert_eq!(r.files.len(), 2);
}

#[test]
fn a_file_that_stops_being_utf8_is_read_as_windows_1252_from_there() {
    let mut bytes = b"address,eventDate\nchlo\xC3\xA9@x.com,2026-10-01\n".to_vec();
    bytes.extend_from_slice(b"zo\xEB@x.com,2026-10-02\n");
    let r = one_file(&bytes);
    assert_eq!((r.total_active, r.rows.rejected), (2, 0));
    assert_eq!(r.files[0].encoding, "Windows-1252");
    assert_eq!(r.warnings, ["f.csv: not valid UTF-8 throughout; the rest was read as Windows-1252"]);
    // ASCII before the first invalid byte: simply Windows-1252, no warning.
    let r = one_file(b"address,eventDate\nzo\xEB@x.com,2026-10-02\n");
    assert_eq!((r.files[0].encoding.as_str(), r.warnings.len()), ("Windows-1252", 0));
}

#[test]
fn deliveries_file_needs_a_delivery_column_and_may_be_mapped() {
    let options = Options::default();
    let mut d = Deliveries::new("d.csv", &options);
    let err = d.push(b"what;label\nDM1;Welcome\n").and_then(|_| d.finish()).unwrap_err();
    assert!(matches!(err, FileError::MissingFields { ref missing, .. } if missing == &["delivery".to_string()]));
    let mut options = Options::default();
    options.map_deliveries("delivery", "what").unwrap();
    options.map_deliveries("target dimension", "where").unwrap();
    let mut d = Deliveries::new("d.csv", &options);
    d.push(b"what;where\nDM1;Visitors\n").unwrap();
    d.finish().unwrap();
    assert_eq!(d.get("DM1").and_then(|i| i.target_dimension.as_deref()), Some("Visitors"));
    assert_eq!(d.columns["delivery"], "what");
}

#[test]
fn options_and_counters_travel_as_json() {
    let mut options = Options { day_first: false, time_zone: "-05:00".into(), ..Options::default() };
    options.rules.apply("Declined=excluded").unwrap();
    options.map("event date", "When").unwrap();
    let back: Options = serde_json::from_str(&serde_json::to_string(&options).unwrap()).unwrap();
    assert_eq!(back, options);
    let mut c = Counter::new(options.clone());
    let mut d = Deliveries::new("d.csv", &options);
    d.push(b"deliveryId,channel\nDM1,SMS\n").unwrap();
    d.finish().unwrap();
    c.set_deliveries(d);
    let state = serde_json::to_string(&c).unwrap();
    let mut c2: Counter = serde_json::from_str(&state).unwrap();
    assert_eq!(c2.options(), &options);
    let f = c2.begin_file("l.csv", None);
    c2.push(f, b"recipientId,When,deliveryId\n1,10/25/2026,DM1\n").unwrap();
    c2.end_file(f).unwrap();
    let r = c2.report(&ReportSettings::default());
    assert_eq!(r.channels[0].name, "SMS", "the deliveries table survives serialisation");
    assert!(serde_json::from_str::<Counter>("{\"options\":{},\"deliveries\":null,\"state\":{\"activity\":{\"groups\":[],\"profiles\":{\"arena\":[],\"slots\":[{\"pos\":[0,0],\"run\":[1,2],\"group\":3,\"channel\":0,\"flags\":0}],\"extra\":[],\"more\":[],\"log\":{\"narrow\":[],\"wide\":[]},\"addr\":[]}}}}").is_err());
}

#[test]
fn unknown_failure_reasons_and_flag_values_are_listed() {
    let r =
        one_file(b"recipientId,eventDate,failureReason,proof\n1,2026-10-01,13,maybe\n2,2026-10-01,Strange reason,\n");
    assert_eq!(r.total_active, 2);
    let got: Vec<(&str, &str, u64)> =
        r.unrecognised.iter().map(|u| (u.field.as_str(), u.value.as_str(), u.rows)).collect();
    assert_eq!(got, [("failure_reason", "13", 1), ("failure_reason", "Strange reason", 1), ("proof", "maybe", 1)]);
}

#[test]
fn a_stray_date_far_back_does_not_flood_the_snapshots() {
    let r = one_file(b"recipientId,eventDate\na,0001-01-01\nb,2026-10-01\n");
    assert_eq!((r.total_active, r.daily.len()), (1, 365));
    assert!(r.snapshots.is_empty());
    assert!(r.warnings[0].contains("too long for monthly snapshots"), "{:?}", r.warnings);
    let far = ReportSettings { as_of: Some(date("2100-01-01")), ..Default::default() };
    let r = count_files(Options::default(), &[("f.csv", b"recipientId,eventDate\nb,2026-10-01\n")], &far);
    assert_eq!((r.total_active, r.daily.len(), r.snapshots.len()), (0, 365, 0));
}

#[test]
fn active_profiles_lists_each_active_profile_with_its_leaving_day() {
    let csv = "recipientId,eventDate,status,email,deliveryType\n\
               p1,2026-10-24,Sent,,\n\
               p2,2026-01-31,Sent,,\n\
               p2,2025-12-01,Sent,,\n\
               old,2025-09-01,Sent,,\n\
               gone,2026-03-01,Ignored,,\n\
               ,2026-05-02,Sent,Mixed@Example.com,transactional\n";
    let mut counter = Counter::new(Options::default());
    let f = counter.begin_file("log.csv", Some("prod"));
    counter.push(f, csv.as_bytes()).unwrap();
    counter.end_file(f).unwrap();
    let settings = ReportSettings { as_of: Some(date("2026-10-24")), ..Default::default() };
    let list = counter.active_profiles(&settings);
    let rows: Vec<(&str, &str, &str, &str)> =
        list.iter().map(|p| (p.dimension.as_str(), p.instance.as_str(), p.key.as_str(), p.leaves.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("Anonymous", "prod", "Mixed@Example.com", "2027-05-02"),
            ("Recipients", "prod", "p2", "2027-01-31"),
            ("Recipients", "prod", "p1", "2027-10-24"),
        ]
    );
    assert_eq!(list.len() as u64, counter.report(&settings).total_active);
    // A report holds no keys unless they are asked for.
    assert_eq!(counter.report(&settings).profiles, None);
    let asked = counter.report(&ReportSettings { profiles: true, ..settings });
    assert_eq!(asked.profiles, Some(list));
}

/// Counts `csv` in one counter, and cut in two counters merged (one through JSON), and checks
/// that both report the same active profiles, leaving days and daily counts; returns the first.
fn counted_and_merged(csv: &str, settings: &ReportSettings) -> Report {
    let count = |text: &str| {
        let mut counter = Counter::new(Options::default());
        let f = counter.begin_file("log.csv", Some("prod"));
        counter.push(f, text.as_bytes()).unwrap();
        counter.end_file(f).unwrap();
        counter
    };
    let one = count(csv).report(settings);
    let mut lines = csv.lines();
    let head = lines.next().unwrap();
    let (mut a, mut b) = (format!("{head}\n"), format!("{head}\n"));
    for (i, line) in lines.enumerate() {
        if i % 2 == 0 { &mut a } else { &mut b }.push_str(&format!("{line}\n"));
    }
    let mut merged = count(&b);
    let a: Counter = serde_json::from_str(&serde_json::to_string(&count(&a)).unwrap()).unwrap();
    merged.merge(a);
    let m = merged.report(settings);
    assert_eq!(
        (m.total_active, &m.expiring, &m.profiles, &m.daily, &m.snapshots),
        (one.total_active, &one.expiring, &one.profiles, &one.daily, &one.snapshots)
    );
    one
}

#[test]
fn expiring_as_of_a_past_date_ignores_later_events() {
    // counting-rules.md 4: the leaving day counts only the events on or before the as-of date.
    let csv = "recipientId,eventDate\n\
               a,2025-03-10\n\
               a,2026-02-01\n\
               leap,2024-02-29\n\
               leap,2025-02-20\n\
               once,2025-06-15\n\
               often,2025-01-05\n\
               often,2025-01-20\n\
               often,2025-12-31\n\
               often,2026-01-02\n";
    let settings = ReportSettings { as_of: Some(date("2025-12-31")), profiles: true, ..Default::default() };
    let r = counted_and_merged(csv, &settings);
    let leaves = |r: &Report| -> Vec<(String, String)> {
        r.profiles.as_ref().unwrap().iter().map(|p| (p.key.clone(), p.leaves.clone())).collect()
    };
    let months = |r: &Report| -> Vec<(String, u64)> {
        r.expiring.iter().filter(|e| e.profiles > 0).map(|e| (e.month.clone(), e.profiles)).collect()
    };
    // a leaves a year after 2025-03-10 (in 2026-03), not after 2026-02-01 (2027-02); leap a year
    // after 2025-02-20, often after 2025-12-31 (not 2026-01-02).
    assert_eq!(r.total_active, 4);
    assert_eq!(
        leaves(&r),
        [
            ("leap".to_string(), "2026-02-20".to_string()),
            ("a".to_string(), "2026-03-10".to_string()),
            ("once".to_string(), "2026-06-15".to_string()),
            ("often".to_string(), "2026-12-31".to_string()),
        ]
    );
    assert_eq!(
        months(&r),
        [
            ("2026-02".to_string(), 1),
            ("2026-03".to_string(), 1),
            ("2026-06".to_string(), 1),
            ("2026-12".to_string(), 1)
        ]
    );
    // 29 February: active on 2025-02-28 (2025-02-28 - 12 months is 2024-02-28), gone on 1 March;
    // the event of 2025-02-20 comes after the as-of date and is ignored.
    let settings = ReportSettings { as_of: Some(date("2025-01-31")), profiles: true, ..Default::default() };
    let r = counted_and_merged(csv, &settings);
    assert_eq!(
        leaves(&r),
        [("leap".to_string(), "2025-03-01".to_string()), ("often".to_string(), "2026-01-20".to_string())]
    );
    assert_eq!(months(&r), [("2025-03".to_string(), 1), ("2026-01".to_string(), 1)]);
    // As of the latest event date (2026-02-01), every event counts.
    let settings = ReportSettings { profiles: true, ..Default::default() };
    let r = counted_and_merged(csv, &settings);
    assert_eq!(
        leaves(&r),
        [
            ("leap".to_string(), "2026-02-20".to_string()),
            ("once".to_string(), "2026-06-15".to_string()),
            ("often".to_string(), "2027-01-02".to_string()),
            ("a".to_string(), "2027-02-01".to_string()),
        ]
    );
    // The daily counts and the snapshots use only the events up to each day, as before.
    let day = |r: &Report, d: &str| r.daily.iter().find(|x| x.date == d).map(|x| x.active);
    let past = counted_and_merged(csv, &ReportSettings { as_of: Some(date("2025-12-31")), ..Default::default() });
    assert_eq!((day(&past, "2025-12-31"), day(&r, "2025-12-31")), (Some(4), Some(4)));
    assert_eq!((day(&past, "2025-03-05"), day(&r, "2025-03-05")), (Some(2), Some(2)));
    assert_eq!(past.snapshots, r.snapshots);
    let last = r.snapshots.last().unwrap();
    assert_eq!((last.to.as_str(), last.active), ("2026-01-25", 4));
}
