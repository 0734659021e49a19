//! `active-profiles profiles`: the built binary on small AEP exports written by the test, one test or more per flag.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles")).current_dir(dir).args(args).output().expect("run")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("JSON")
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn write(dir: &Path, path: &str, text: &str) -> PathBuf {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

const ECID_A: &str = "34113965854450796644316155105296901017";
const ECID_B: &str = "12345678901234567890123456789012345678";

/// Two snapshots of a dataset export, a CSV beside them, and what each figure must be.
///
/// October: {John.Greene, CRMID 60013ABC} ; {john.greene, ECID_A} ; {ECID_B}  -> 3 profiles
/// November: {John.Greene, CRMID 60013ABC, ECID_A, CRMID 77} ; {new@luma.com} ; one line that is not JSON
fn two_snapshots(dir: &Path) {
    write(
        dir,
        "exports/ds/exportTime=202610010000/part-00000.json",
        &format!(
            r#"{{"identityMap":{{"Email":[{{"id":"John.Greene@luma.com","primary":true}}],"CRMID":[{{"id":"60013ABC"}}]}},"segmentMembership":{{"ups":{{"seg-a":{{"status":"realized"}}}}}}}}
{{"identityMap":{{"Email":[{{"id":"john.greene@luma.com"}}],"ECID":[{{"id":"{ECID_A}"}}]}}}}
{{"identityMap":{{"ECID":[{{"id":"{ECID_B}"}}]}}}}
"#
        ),
    );
    write(
        dir,
        "exports/ds/exportTime=202611010000/part-00000.json",
        &format!(
            r#"{{"identityMap":{{"Email":[{{"id":"John.Greene@luma.com","primary":true}}],"CRMID":[{{"id":"60013ABC"}}]}},"segmentMembership":{{"ups":{{"seg-a":{{"status":"realized"}},"seg-b":{{"status":"existing"}}}}}}}}
{{"identityMap":{{"ECID":[{{"id":"{ECID_A}"}}],"CRMID":[{{"id":"60013ABC"}},{{"id":"77"}}]}}}}
{{"identityMap":{{"Email":[{{"id":"new@luma.com"}}]}},"segmentMembership":{{"ups":{{"seg-b":{{"status":"realized"}}}}}}}}
not json
"#
        ),
    );
    write(dir, "exports/ds/notes.csv", "recipientId;eventDate\n1;2026-10-01\n");
}

/// Every identity value of [`two_snapshots`].
const VALUES: [&str; 6] = ["John.Greene@luma.com", "john.greene@luma.com", "new@luma.com", "60013ABC", ECID_A, ECID_B];

fn namespace(list: &Value, name: &str) -> u64 {
    list.as_array().expect("a list").iter().find(|x| x["namespace"] == name).map(|x| u(&x["profiles"])).unwrap_or(0)
}

#[test]
fn json_of_a_folder_with_two_snapshots_gives_every_figure_and_the_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let out = run(dir.path(), &["profiles", "--format", "json", "exports"]);
    let r = json(&out);
    assert_eq!(r["format"], "profiles/1");
    assert_eq!(r["stitching"], "graph");
    assert_eq!(r["unique_namespaces"], serde_json::json!(["CRMID"]));
    let snaps = r["snapshots"].as_array().expect("snapshots");
    assert_eq!(snaps.len(), 2);
    let (oct, nov) = (&snaps[0], &snaps[1]);
    assert_eq!(oct["time"], "2026-10-01T00:00:00Z");
    assert_eq!(nov["time"], "2026-11-01T00:00:00Z");
    assert_eq!(u(&oct["profiles"]), 3);
    assert_eq!(u(&nov["profiles"]), 2);
    assert_eq!(namespace(&oct["by_namespace"], "Email"), 2);
    assert_eq!(namespace(&oct["by_namespace"], "ECID"), 2);
    assert_eq!(namespace(&oct["by_namespace"], "CRMID"), 1);
    assert_eq!(u(&oct["single_identity"]["profiles"]), 1);
    assert_eq!(namespace(&oct["single_identity"]["by_namespace"], "ECID"), 1);
    assert_eq!(u(&oct["unsegmented"]), 2);
    assert_eq!(u(&oct["pseudonymous_only"]), 1);
    assert_eq!(oct["case_duplicates"][0]["namespace"], "Email");
    assert_eq!(u(&oct["case_duplicates"][0]["fewer"]), 1);
    assert_eq!(u(&nov["unsegmented"]), 0);
    assert_eq!(nov["audiences"][0]["id"], "seg-b");
    assert_eq!(u(&nov["audiences"][0]["profiles"]), 2);
    assert_eq!(nov["audience_overlap"][0], serde_json::json!({"a": "seg-a", "b": "seg-b", "profiles": 1}));
    assert_eq!(nov["overlap"].as_array().expect("overlap").len(), 3);
    assert_eq!(namespace(&nov["collapse"]["unique_conflicts"], "CRMID"), 1);
    assert_eq!(u(&nov["collapse"]["over_limit"]), 0);
    // The change: new@luma.com came, ECID_B went.
    let change = &r["change"][0];
    assert_eq!(change["from"], "2026-10-01T00:00:00Z");
    assert_eq!(change["to"], "2026-11-01T00:00:00Z");
    assert_eq!((u(&change["profiles"]), u(&change["added"]), u(&change["removed"])), (2, 1, 1));
    assert_eq!(r["rows"], serde_json::json!({"read": 7, "used": 6, "rejected": 1}));
    assert_eq!(r["rejected"][0]["file"], "exports/ds/exportTime=202611010000/part-00000.json");
    assert_eq!(u(&r["rejected"][0]["line"]), 4);
    let files = r["files"].as_array().expect("files");
    assert_eq!(files.len(), 2, "the CSV is not a file of records: {files:?}");
    assert_eq!(files[0]["name"], "exports/ds/exportTime=202610010000/part-00000.json");
    assert_eq!(files[0]["snapshot"], "2026-10-01T00:00:00Z");
    assert_eq!(u(&files[1]["records"]), 3);
    // The CSV is skipped and said, on standard error and in the warnings.
    assert!(stderr(&out).contains("exports/ds/notes.csv"), "{}", stderr(&out));
    assert!(r["warnings"][0].as_str().expect("a warning").contains("exports/ds/notes.csv"), "{}", r["warnings"]);
}

#[test]
fn text_reads_like_the_dashboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let text = stdout(&run(dir.path(), &["profiles", "exports"]));
    let lines: Vec<&str> = text.lines().collect();
    // The dashboard's order in each snapshot.
    let order = [
        "Snapshot of 2026-10-01 00:00 UTC",
        "Profiles: 3",
        "Profiles by identity",
        "Identity overlap (profiles holding both namespaces)",
        "Single-identity profiles (all identities in one namespace): 1",
        "Unsegmented profiles (in no audience): 2",
        "Audiences",
        "Pseudonymous-only profiles (device and cookie identities only): 1",
        "Case duplicates",
        "Collapse suspects",
        "Snapshot of 2026-11-01 00:00 UTC",
        "Profiles: 2",
        "Change since 2026-10-01 00:00 UTC: 1 added, 1 removed",
        "Records",
    ];
    let mut at = 0;
    for want in order {
        at += lines[at..]
            .iter()
            .position(|l| *l == want)
            .unwrap_or_else(|| panic!("no line {want:?} after {at}:\n{text}"));
    }
    assert!(lines.contains(&"  Email                    1"), "case duplicates row:\n{text}");
    assert!(lines.contains(&"  seg-a      seg-b                       1"), "audience overlap row:\n{text}");
    assert!(lines.contains(&"Read            7"), "{text}");
    assert!(lines.contains(&"Rejected        1"), "{text}");
    assert!(text.contains("  exports/ds/exportTime=202611010000/part-00000.json:4: "), "{text}");
    assert!(
        text.contains("  exports/ds/exportTime=202610010000/part-00000.json: JSON lines, 3 records, Snapshot of 2026-10-01 00:00 UTC"),
        "{text}"
    );
}

#[test]
fn no_identity_value_appears_unless_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    for format in ["text", "json"] {
        let out = run(dir.path(), &["profiles", "--format", format, "exports"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        for value in VALUES {
            assert!(!all.contains(value), "{value} in the {format} output:\n{all}");
        }
    }
    // Asked for: hubs and case examples carry them.
    let r = json(&run(dir.path(), &["profiles", "--format", "json", "--include-identities", "exports"]));
    let oct = &r["snapshots"][0];
    assert_eq!(
        oct["case_duplicates"][0]["examples"],
        serde_json::json!([["John.Greene@luma.com", "john.greene@luma.com"]])
    );
    let hubs = oct["collapse"]["hubs"].as_array().expect("hubs");
    assert!(hubs.iter().any(|h| h["id"] == ECID_A && u(&h["records"]) == 1), "{hubs:?}");
    let text = stdout(&run(dir.path(), &["profiles", "--include-identities", "exports"]));
    assert!(text.contains("    \"John.Greene@luma.com\", \"john.greene@luma.com\""), "{text}");
    assert!(text.contains("Identities linked to the most records:"), "{text}");
}

#[test]
fn stitching_none_makes_every_record_a_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let r = json(&run(dir.path(), &["profiles", "--stitching", "none", "--format", "json", "exports"]));
    assert_eq!(r["stitching"], "none");
    assert_eq!(u(&r["snapshots"][0]["profiles"]), 3);
    assert_eq!(u(&r["snapshots"][1]["profiles"]), 3);
    let text = stdout(&run(dir.path(), &["profiles", "--stitching", "none", "exports"]));
    assert!(text.contains("Stitching: none (every record is one profile)"), "{text}");
    let bad = run(dir.path(), &["profiles", "--stitching", "all", "exports"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn unique_and_pseudonymous_namespaces_are_options() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let r = json(&run(
        dir.path(),
        &["profiles", "--format", "json", "--unique", "Email,ECID", "--pseudonymous", "ECID,Email", "exports"],
    ));
    assert_eq!(r["unique_namespaces"], serde_json::json!(["Email", "ECID"]));
    assert_eq!(r["pseudonymous_namespaces"], serde_json::json!(["ECID", "Email"]));
    // October: {John.Greene, CRMID} is not pseudonymous; {john.greene, ECID_A} and {ECID_B} are.
    assert_eq!(u(&r["snapshots"][0]["pseudonymous_only"]), 2);
    assert!(r["snapshots"][1]["collapse"]["unique_conflicts"].as_array().expect("list").is_empty());
    let text = stdout(&run(dir.path(), &["profiles", "--unique", "CRMID,Email", "exports"]));
    assert!(text.contains("Unique namespaces: CRMID, Email"), "{text}");
    assert!(text.contains("Profiles holding more than one id of a unique namespace:"), "{text}");
}

#[test]
fn explain_an_identity_in_text_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let text = stdout(&run(dir.path(), &["profiles", "--explain", "CRMID:60013ABC", "exports"]));
    assert!(text.starts_with("Explain CRMID:60013ABC\n"), "{text}");
    assert!(text.contains("CRMID:60013ABC belongs to a profile of 4 identities from 2 records."), "{text}");
    let linking = text
        .lines()
        .find(|l| l.starts_with("  exports/ds/exportTime=202611010000/part-00000.json:2: "))
        .unwrap_or_else(|| panic!("no record of line 2:\n{text}"));
    let mut ids: Vec<&str> = linking.rsplit(": ").next().unwrap_or("").split(", ").collect();
    ids.sort();
    assert_eq!(ids, ["CRMID:60013ABC", "CRMID:•••", "ECID:•••"], "{text}");
    assert!(text.contains("Holds 2 ids of the unique namespace CRMID"), "{text}");
    assert!(text.contains("No guardrail broken."), "October's profile breaks none:\n{text}");
    for value in VALUES.iter().filter(|v| **v != "60013ABC") {
        assert!(!text.contains(value), "{value} shown without --include-identities:\n{text}");
    }
    // With the identities, as JSON (`Explained`); an id alone is looked up in every namespace.
    let e = json(&run(
        dir.path(),
        &["profiles", "--explain", "60013ABC", "--include-identities", "--format", "json", "exports"],
    ));
    assert_eq!(e["namespace"], Value::Null);
    assert_eq!(e["id"], "60013ABC");
    let profiles = e["profiles"].as_array().expect("profiles");
    assert_eq!(profiles.len(), 2);
    assert_eq!(profiles[1]["snapshot"], "2026-11-01T00:00:00Z");
    assert_eq!(profiles[1]["identity"], serde_json::json!({"namespace": "CRMID", "id": "60013ABC"}));
    assert_eq!(profiles[1]["identities"].as_array().expect("ids").len(), 4);
    assert!(profiles[1]["identities"].as_array().expect("ids").iter().any(|i| i["id"] == ECID_A));
    assert_eq!(u(&profiles[1]["records_total"]), 2);
    assert_eq!(profiles[1]["records"][1]["line"], 2);
    assert_eq!(profiles[1]["unique_conflicts"], serde_json::json!(["CRMID"]));
    // An id with a colon that is no namespace stays whole; nothing holds it.
    let none = stdout(&run(dir.path(), &["profiles", "--explain", "tel:+33", "exports"]));
    assert!(none.contains("No record holds tel:+33."), "{none}");
}

#[test]
fn output_writes_a_file_and_nothing_on_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let out = run(dir.path(), &["profiles", "--format", "json", "--output", "profiles.json", "exports"]);
    assert!(stdout(&out).is_empty());
    let r: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("profiles.json")).expect("written")).expect("JSON");
    assert_eq!(u(&r["snapshots"][1]["profiles"]), 2);
    let out = run(dir.path(), &["profiles", "--output", "no/such/folder/p.txt", "exports"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/folder/p.txt"), "{}", stderr(&out));
}

#[test]
fn lang_says_the_dashboard_in_each_language_with_its_grouping() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines: String =
        (0..1500).map(|i| format!("{{\"identityMap\":{{\"Email\":[{{\"id\":\"p{i}@x.org\"}}]}}}}\n")).collect();
    write(dir.path(), "big.json", &lines);
    let cases = [
        ("en", "Profiles: 1 500", "Profiles by identity"),
        ("nl", "Profielen: 1.500", "Profielen per identiteit"),
        ("sv", "Profiler: 1\u{a0}500", "Profiler per identitet"),
        ("fr", "Profils : 1\u{202f}500", "Profils par identité"),
        ("de", "Profile: 1.500", "Profile nach Identität"),
    ];
    for (lang, count, heading) in cases {
        let text = stdout(&run(dir.path(), &["profiles", "--lang", lang, "big.json"]));
        assert!(text.lines().any(|l| l == count), "{lang}: no {count:?}:\n{text}");
        assert!(text.lines().any(|l| l == heading), "{lang}: no {heading:?}:\n{text}");
    }
    // The reasons of rejected records are said in the language too.
    two_snapshots(dir.path());
    let reason = |lang: &str| {
        let text = stdout(&run(dir.path(), &["profiles", "--lang", lang, "exports"]));
        let at = "  exports/ds/exportTime=202611010000/part-00000.json:4: ";
        text.lines().find_map(|l| l.strip_prefix(at)).map(str::to_string).unwrap_or_else(|| panic!("{lang}:\n{text}"))
    };
    assert!(reason("en").starts_with("not JSON"), "{}", reason("en"));
    assert!(reason("nl").starts_with("geen JSON"), "{}", reason("nl"));
    // JSON keeps its keys; an unknown language is refused.
    let r = json(&run(dir.path(), &["profiles", "--lang", "de", "--format", "json", "big.json"]));
    assert_eq!(u(&r["snapshots"][0]["profiles"]), 1500);
    assert_eq!(run(dir.path(), &["profiles", "--lang", "xx", "big.json"]).status.code(), Some(2));
}

#[test]
fn snapshot_time_dates_the_files_outside_export_time_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    write(dir.path(), "loose/part-1.json", "{\"identityMap\":{\"Email\":[{\"id\":\"a@b.c\"}]}}\n");
    let r =
        json(&run(dir.path(), &["profiles", "--format", "json", "--snapshot-time", "2026-12-01", "exports", "loose"]));
    let times: Vec<&str> =
        r["snapshots"].as_array().expect("list").iter().map(|s| s["time"].as_str().unwrap_or("-")).collect();
    assert_eq!(times, ["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"]);
    assert_eq!(r["change"].as_array().expect("change").len(), 2);
    // Without it, the loose file is a snapshot with no time; other forms of the time are read too.
    let r = json(&run(dir.path(), &["profiles", "--format", "json", "loose"]));
    assert_eq!(r["snapshots"][0]["time"], Value::Null);
    for given in ["202612011030", "2026-12-01T11:30:00+01:00", "2026-12-01T10:30Z"] {
        let r = json(&run(dir.path(), &["profiles", "--format", "json", "--snapshot-time", given, "loose"]));
        assert_eq!(r["snapshots"][0]["time"], "2026-12-01T10:30:00Z", "{given}");
    }
    let bad = run(dir.path(), &["profiles", "--snapshot-time", "yesterday", "loose"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("'yesterday' is not a time"), "{}", stderr(&bad));
}

#[test]
fn compare_adds_the_other_stitching() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let r = json(&run(dir.path(), &["profiles", "--format", "json", "--compare", "exports"]));
    assert_eq!(r["compared"]["stitching"], "none");
    assert_eq!(u(&r["compared"]["snapshots"][1]["profiles"]), 3);
    let text = stdout(&run(dir.path(), &["profiles", "--compare", "exports"]));
    assert!(text.contains("With stitching none (one profile per record): 3 profiles"), "{text}");
}

#[test]
fn threads_do_not_change_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    for i in 0..6 {
        let lines: String = (0..50)
            .map(|n| {
                format!(
                    "{{\"identityMap\":{{\"Email\":[{{\"id\":\"p{}@x.org\"}}],\"CRMID\":[{{\"id\":\"c{}\"}}]}}}}\n",
                    n + i * 30,
                    n % 40
                )
            })
            .collect();
        write(dir.path(), &format!("exports/ds/exportTime=202611010000/part-{:05}.json", i + 1), &lines);
    }
    // One larger file, cut into byte ranges with --part-bytes (a rejected record among them).
    let mut big: String = (0..400)
        .map(|n| {
            format!(
                "{{\"identityMap\":{{\"Email\":[{{\"id\":\"q{n}@x.org\"}}],\"CRMID\":[{{\"id\":\"c{}\"}}]}}}}\n",
                n % 70
            )
        })
        .collect();
    big.insert_str(big.len() / 2, "{\"identityMap\":{}}\n");
    write(dir.path(), "exports/ds/exportTime=202611010000/part-00009.json", &big);
    let one = stdout(&run(dir.path(), &["profiles", "--format", "json", "--threads", "1", "exports"]));
    for threads in ["2", "3"] {
        let cut = run(
            dir.path(),
            &["--stats", "profiles", "--format", "json", "--threads", threads, "--part-bytes", "2000", "exports"],
        );
        assert!(stderr(&cut).contains("byte ranges, 0 read again"), "{}", stderr(&cut));
        assert_eq!(stdout(&cut), one, "{threads} threads, files cut");
    }
    // A file given again, by itself, is read once.
    let again = "exports/ds/exportTime=202611010000/part-00001.json";
    let twice = stdout(&run(dir.path(), &["profiles", "--format", "json", "--threads", "1", "exports", again]));
    assert_eq!(one, twice);
    let four = stdout(&run(dir.path(), &["profiles", "--format", "json", "--threads", "4", "exports"]));
    assert_eq!(one, four);
    let r: Value = serde_json::from_str(&one).expect("JSON");
    let names: Vec<&str> =
        r["files"].as_array().expect("files").iter().map(|f| f["name"].as_str().unwrap_or("")).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "files in path order");
    assert_eq!(u(&r["rows"]["read"]), 7 + 300 + 401);
    assert!(
        r["rejected"].as_array().expect("list").iter().any(|x| x["file"]
            .as_str()
            .unwrap_or("")
            .ends_with("part-00009.json")
            && x["line"] == 201),
        "{}",
        r["rejected"]
    );
}

#[test]
fn nothing_to_read_exits_2_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let out = run(dir.path(), &["profiles", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty: no files found"), "{}", stderr(&out));

    write(dir.path(), "csv/log.csv", "recipientId;eventDate\n1;2026-10-01\n");
    let out = run(dir.path(), &["profiles", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("csv: no file holds profile records"), "{}", stderr(&out));
    assert!(stderr(&out).contains("csv/log.csv"), "the skipped file is named: {}", stderr(&out));

    for i in 0..12 {
        write(dir.path(), &format!("csv/_SUCCESS{i:02}"), "");
    }
    let out = run(dir.path(), &["profiles", "csv"]);
    assert!(
        stderr(&out)
            .contains("skipped 13 file(s) that hold no profile records (not JSON, gzip or Parquet): csv/_SUCCESS00, "),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("csv/_SUCCESS09 and 3 more"), "the first ten are named: {}", stderr(&out));

    write(dir.path(), "blank/part-0.json", "\n   \n");
    let out = run(dir.path(), &["profiles", "blank"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // Every file fails: each is named, the first one is the reason.
    write(dir.path(), "broken/a.json.gz", "");
    std::fs::write(dir.path().join("broken/a.json.gz"), b"\x1f\x8b\x08\x00\x00\x00").expect("write");
    std::fs::write(dir.path().join("broken/b.json.gz"), b"\x1f\x8b\x08\x00\x00\x00").expect("write");
    let out = run(dir.path(), &["profiles", "broken"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("active-profiles: warning: broken/b.json.gz"), "{err}");
    assert!(err.contains("active-profiles: no file could be read: broken/a.json.gz"), "{err}");

    let out = run(dir.path(), &["profiles", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.json: cannot read it"), "{}", stderr(&out));

    // Every record rejected is still a report (of rejected records).
    write(dir.path(), "bad/part-0.json", "{\"identityMap\":{}}\n");
    let r = json(&run(dir.path(), &["profiles", "--format", "json", "bad"]));
    assert_eq!(r["rows"], serde_json::json!({"read": 1, "used": 0, "rejected": 1}));
}

#[test]
fn a_file_that_cannot_be_read_is_named_with_its_line_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    // A gzip file cut in the middle: its first line is whole, the stream is not.
    let mut gz = Vec::new();
    {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        for i in 0..2000 {
            writeln!(enc, "{{\"identityMap\":{{\"Email\":[{{\"id\":\"user{i}@example.org\"}}]}}}}").expect("gzip");
        }
        enc.finish().expect("gzip");
    }
    gz.truncate(gz.len() / 2);
    std::fs::write(dir.path().join("exports/ds/exportTime=202611010000/part-00001.json.gz"), &gz).expect("write");
    // The records before the cut, as the viewer reads them: pushed, then the end's error.
    let mut viewer = engine::aep::ProfileCounter::new();
    let id = viewer.begin_file("part-00001.json.gz", None);
    let pushed = viewer.push(id, &gz);
    let ended = viewer.end_file(id);
    assert!(pushed.is_err() || ended.is_err(), "the cut gzip fails");
    let before = viewer.records();
    assert!(before > 100, "records before the cut: {before}");

    let out = run(dir.path(), &["profiles", "--format", "json", "exports"]);
    let r = json(&out);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("exports/ds/exportTime=202611010000/part-00001.json.gz, line "), "{err}");
    assert!(err.contains("the records before it are counted"), "{err}");
    // The other files are counted as before, the cut file's records up to the cut, and the warning is in
    // the report, in the viewer's words.
    assert_eq!(r["rows"], serde_json::json!({"read": 7 + before, "used": 6 + before, "rejected": 1}));
    assert_eq!(u(&r["snapshots"][1]["profiles"]), 2 + before);
    let warnings = r["warnings"].as_array().expect("warnings");
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap_or("")
            .starts_with("exports/ds/exportTime=202611010000/part-00001.json.gz, line ")),
        "{warnings:?}"
    );
    // Said in the language too.
    let out = run(dir.path(), &["profiles", "--lang", "nl", "exports"]);
    assert!(stderr(&out).contains("part-00001.json.gz, regel "), "{}", stderr(&out));
    assert!(stderr(&out).contains("de records ervoor zijn geteld"), "{}", stderr(&out));

    // A file that fails before its first record is not counted, and said so.
    std::fs::write(dir.path().join("exports/ds/exportTime=202611010000/part-00001.json.gz"), &gz[..20]).expect("write");
    let out = run(dir.path(), &["profiles", "--format", "json", "exports"]);
    assert_eq!(json(&out)["rows"], serde_json::json!({"read": 7, "used": 6, "rejected": 1}));
    assert!(stderr(&out).contains("exports/ds/exportTime=202611010000/part-00001.json.gz"), "{}", stderr(&out));
    assert!(stderr(&out).contains("this file was not counted"), "{}", stderr(&out));
}

#[test]
fn the_report_is_the_engines_on_the_same_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = engine::aep::generate::ExportSpec::default();
    let files = engine::aep::generate::profile_export(&spec);
    let mut counter = engine::aep::ProfileCounter::new();
    for f in &files {
        write(dir.path(), &f.path, "");
        std::fs::write(dir.path().join(&f.path), &f.bytes).expect("write");
        let id = counter.begin_file(&f.path, engine::aep::snapshot_of(&f.path).as_deref());
        counter.push(id, &f.bytes).expect("push");
        counter.end_file(id).expect("end");
    }
    let want = counter.report(&engine::aep::ProfileSettings::default());
    let root = files[0].path.split('/').next().expect("a folder").to_string();
    let got: engine::aep::ProfilesReport =
        serde_json::from_str(&stdout(&run(dir.path(), &["profiles", "--format", "json", &root]))).expect("profiles/1");
    assert_eq!(got, want);
}

#[test]
fn bundle_writes_the_report_as_one_html_file_in_the_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_snapshots(dir.path());
    let out = run(dir.path(), &["profiles", "--bundle", "p.html", "--lang", "fr", "--format", "json", "exports"]);
    let printed = json(&out);
    let html = std::fs::read_to_string(dir.path().join("p.html")).expect("bundle written");
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..100.min(html.len())]
    );
    assert!(html.contains("lang=\"fr\""), "in --lang");
    // The report inside is the one printed.
    match views::bundle::extract_any(&html).expect("a report inside") {
        views::bundle::AnyReport::Profiles(inside) => {
            assert_eq!(serde_json::to_value(&*inside).expect("JSON"), printed)
        }
        _ => panic!("not a Profiles report"),
    }
    // Counts only: no identity value in it.
    for value in VALUES {
        assert!(!html.contains(value), "{value} in the bundle");
    }
    let out = run(dir.path(), &["profiles", "--bundle", "no/such/folder/p.html", "exports"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/folder/p.html"), "{}", stderr(&out));
}

/// The `generate --aep-format`s compared, Parquet last, and the format each is read as.
const FORMATS: [&str; 4] = ["json-lines", "json-array", "gzip", "parquet"];
const FORMAT_NAMES: [&str; 4] = ["JSON lines", "JSON array", "JSON lines (gzip)", "Parquet"];

#[test]
fn parquet_and_gzip_give_the_figures_of_the_same_records_as_json_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut reports = Vec::new();
    for format in FORMATS {
        let gen = run(
            dir.path(),
            &["generate", "--aep", format, "--aep-format", format, "--rows", "3000", "--no-rejected", "--files", "2"],
        );
        assert!(gen.status.success(), "{}", stderr(&gen));
        reports.push(json(&run(dir.path(), &["profiles", "--format", "json", format])));
    }
    for (r, format) in reports.iter().zip(FORMAT_NAMES) {
        assert_eq!(r["files"].as_array().expect("files").len(), 4, "2 snapshots of 2 files");
        assert!(r["files"].as_array().expect("files").iter().all(|f| f["format"] == format), "{}", r["files"]);
        assert_eq!(r["snapshots"], reports[0]["snapshots"], "{format}");
        assert_eq!(r["change"], reports[0]["change"], "{format}");
        assert_eq!(r["rows"], reports[0]["rows"], "{format}");
    }
    assert!(u(&reports[0]["snapshots"][1]["profiles"]) > 1000);
    // A Parquet file whose footer is cut off is named; the other files are counted.
    let part = std::fs::read_dir(dir.path().join("parquet/demo"))
        .expect("snapshots")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("part-00001.parquet"))
        .find(|p| p.exists())
        .expect("a second part");
    let bytes = std::fs::read(&part).expect("read");
    std::fs::write(&part, &bytes[..bytes.len() - 100]).expect("cut");
    let out = run(dir.path(), &["profiles", "--format", "json", "parquet"]);
    let r = json(&out);
    let name = part.strip_prefix(dir.path()).expect("relative").display().to_string();
    assert!(stderr(&out).contains(&name), "{}", stderr(&out));
    assert_eq!(r["files"].as_array().expect("files").len(), 3);
    assert!(u(&r["rows"]["read"]) < u(&reports[FORMATS.len() - 1]["rows"]["read"]));
}
