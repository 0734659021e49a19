//! `report --lang`: the text report in Dutch (and the others), numbers grouped the language's way; JSON unchanged.

use std::process::{Command, Output};

use engine::generate::{self, GeneratorConfig};
use serde_json::Value;

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_active-profiles")).current_dir(dir).args(args).output().expect("run")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

/// A generated export with more than a thousand active profiles, so grouping shows.
fn export(dir: &std::path::Path) -> String {
    let path = dir.join("export.csv");
    let file = std::fs::File::create(&path).expect("create");
    generate::generate_log(&GeneratorConfig { rows: 20_000, ..GeneratorConfig::default() }, file).expect("generate");
    path.to_str().expect("path").to_owned()
}

fn total_active(dir: &std::path::Path, file: &str) -> u64 {
    let json: Value = serde_json::from_str(&stdout(&run(dir, &["report", "--format", "json", file]))).expect("JSON");
    json["total_active"].as_u64().expect("a count")
}

/// `1234` grouped with `sep` by threes.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[test]
fn lang_nl_prints_dutch_headings_and_dot_grouping() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = export(dir.path());
    let total = total_active(dir.path(), &file);
    assert!(total >= 1000, "enough profiles to group: {total}");
    let text = stdout(&run(dir.path(), &["report", "--lang", "nl", &file]));
    // The report keeps Campaign's name, which Campaign does not translate into Dutch.
    assert!(text.starts_with("Customer metrics\n================\n"), "{text}");
    for heading in ["Van (inbegrepen)", "Aantal actieve profielen", "Targetingdimensies", "Kanalen", "Diagnose"] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    assert!(text.contains(&format!("Aantal actieve profielen: {}\n", grouped(total, "."))), "{text}");
    assert!(!text.contains("Targeting dimensions"), "no English heading left: {text}");
    // Dates in the Dutch numeric form.
    assert!(text
        .lines()
        .any(|l| l.starts_with("Actieve profielen op ")
            && l.as_bytes()[21..].iter().filter(|b| **b == b'-').count() == 2));
}

#[test]
fn each_language_groups_its_own_way_and_english_stays_the_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = export(dir.path());
    let total = total_active(dir.path(), &file);
    for (lang, title, sep) in [
        ("en", "Customer metrics", " "),
        ("de", "Kundenmetriken", "."),
        ("fr", "Mesures des clients", "\u{202f}"),
        ("sv", "Customer metrics", "\u{a0}"),
    ] {
        let text = stdout(&run(dir.path(), &["report", "--lang", lang, &file]));
        assert!(text.starts_with(title), "{lang}: {text}");
        assert!(text.contains(&grouped(total, sep)), "{lang}: {total} grouped with {sep:?} in {text}");
    }
    let default = stdout(&run(dir.path(), &["report", &file]));
    assert_eq!(default, stdout(&run(dir.path(), &["report", "--lang", "en", &file])));
}

#[test]
fn lang_leaves_json_as_it_is_and_refuses_an_unknown_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = export(dir.path());
    let english = stdout(&run(dir.path(), &["report", "--format", "json", &file]));
    let dutch = stdout(&run(dir.path(), &["report", "--format", "json", "--lang", "nl", &file]));
    assert_eq!(english, dutch);
    let out = run(dir.path(), &["report", "--lang", "it", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("en, nl, sv, fr, de"));
}

#[test]
fn rejected_rows_warnings_and_errors_in_dutch_and_the_json_in_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("deel1.csv"), "recipientId;eventDate\n1;03/04/2026\n2;31/02/2026\n;04/05/2026\n")
        .expect("write");
    std::fs::write(dir.path().join("zonder.csv"), "Recipient ID;Sent on\n1;2026-01-05\n").expect("write");
    let out = run(dir.path(), &["report", "--lang", "nl", "deel1.csv", "zonder.csv"]);
    let text = stdout(&out);
    assert!(text.contains("  deel1.csv:3: gebeurtenisdatum '31/02/2026' is geen datum\n"), "{text}");
    assert!(text.contains("  deel1.csv:4: geen profielsleutel en geen adres\n"), "{text}");
    assert!(
        text.contains("  deel1.csv: geen enkele datum onderscheidt dag en maand; gelezen als dag eerst\n"),
        "{text}"
    );
    assert!(
        text.contains("  zonder.csv: geen kolom gevonden voor gebeurtenisdatum (kopteksten: Recipient ID, Sent on); dit bestand is niet geteld\n"),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "active-profiles: waarschuwing: zonder.csv: geen kolom gevonden voor de gebeurtenisdatum.\n\
             Gevonden kopteksten: Recipient ID, Sent on.\nKies de kolom zelf, bijvoorbeeld: --map 'event date=Sent on'"
        ),
        "{err}"
    );

    // The JSON keeps the English of report-format.md, with the messages beside it.
    let json: Value = serde_json::from_str(&stdout(&run(
        dir.path(),
        &["report", "--format", "json", "--lang", "nl", "deel1.csv", "zonder.csv"],
    )))
    .expect("JSON");
    assert_eq!(json["rejected"][0]["reason"], "event date '31/02/2026' is not a date");
    assert_eq!(json["rejected"][0]["message"]["id"], "rejected-bad-date");
    assert_eq!(json["rejected"][0]["message"]["args"]["value"]["text"], "31/02/2026");
    let warnings = json["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), json["warning_messages"].as_array().expect("warning messages").len());
    assert!(warnings.contains(&Value::from(
        "zonder.csv: no column found for event date (headers: Recipient ID, Sent on); this file was not counted"
    )));

    // An option the engine refuses, in French; in English the engine's own words.
    let out = run(dir.path(), &["report", "--lang", "fr", "--time-zone", "Europe/Pariss", "deel1.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: --time-zone : Fuseau horaire « Europe/Pariss » inconnu : indiquez UTC, un décalage fixe \
         comme +02:00 ou un nom de la base des fuseaux horaires comme Europe/Paris.\n"
    );
    let out = run(dir.path(), &["report", "--time-zone", "Europe/Pariss", "deel1.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: --time-zone: time zone 'Europe/Pariss' is not known: give UTC, a fixed offset such as \
         +02:00 or a name of the time-zone database such as Europe/Paris\n"
    );

    // A field --map does not know, in German; the names it takes stay English.
    let out = run(dir.path(), &["report", "--lang", "de", "--map", "datum=Sent on", "deel1.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "active-profiles: --map 'datum=Sent on': unbekanntes Feld 'datum'; Felder: profile key, event date, "
        ),
        "{err}"
    );

    // Nothing to count: the exit-2 message in Swedish.
    std::fs::write(dir.path().join("tom.csv"), "recipientId;eventDate\n").expect("write");
    let out = run(dir.path(), &["report", "--lang", "sv", "tom.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "active-profiles: tom.csv: inga rader efter rubrikraden, inget att räkna; kontrollera att det är exporter av leveransloggar\n"
    );
}
