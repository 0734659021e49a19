//! A German export (headers, statuses, failure reasons, channels in German, `;`, Windows-1252) counted end to end through the binary.

use std::process::Command;

use serde_json::Value;

const GERMAN: &str = "\
Empfänger;Ereignisdatum;Status;Ursache;Kanal;Kontrollgruppe
a;24.10.2026;Gesendet;;E-Mail;Nein
b;01.10.2026;Fehlgeschlagen;Postfach voll;SMS;Nein
c;01.09.2026;Ignoriert;Adresse in Quarantäne;E-Mail;Nein
d;02.09.2026;Fehlgeschlagen;Adresse in Quarantäne;E-Mail;Nein
e;03.09.2026;Versand abgebrochen;;Briefpost;Nein
f;04.09.2026;Ausstehend;Kontrollgruppenadresse;Telefon;Nein
g;05.09.2026;Nicht anwendbar;;E-Mail;Nein
h;06.09.2026;Auf Mobiltelefon erhalten;;SMS;Nein
i;07.09.2026;Gesendet;;Briefpost;Nein
j;08.09.2026;Vorbereitet;Unbekannter Nutzer;Telefon;Nein
k;09.09.2026;Gesendet;;E-Mail;Ja
";

#[test]
fn a_german_export_counts_as_its_english_twin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("versandlogs.csv");
    // Excel's "CSV" in Germany: Windows-1252, as the engine reads a file that is not UTF-8.
    let latin1: Vec<u8> = GERMAN.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1")).collect();
    std::fs::write(&path, latin1).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_active-profiles"))
        .args(["report", "--format", "json", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["as_of"], "2026-10-24");
    assert_eq!(json["rows"], serde_json::json!({ "read": 11, "counted": 5, "excluded": 6, "rejected": 0 }));
    assert_eq!(
        json["excluded"],
        serde_json::json!([
            { "reason": "status", "rows": 3 },
            { "reason": "control", "rows": 2 },
            { "reason": "failure_reason", "rows": 1 }
        ])
    );
    assert_eq!(json["total_active"], 5);
    let mut channels: Vec<(String, u64)> = json["channels"]
        .as_array()
        .expect("channels")
        .iter()
        .map(|c| (c["name"].as_str().unwrap_or_default().to_owned(), c["active"].as_u64().unwrap_or_default()))
        .collect();
    channels.sort();
    let expected: Vec<(String, u64)> =
        [("Direct mail", 1), ("Email", 1), ("Phone", 1), ("SMS", 2)].iter().map(|(n, a)| (n.to_string(), *a)).collect();
    assert_eq!(channels, expected);
    assert_eq!(json["unrecognised"], serde_json::json!([]));
    assert_eq!(json["rejected"], serde_json::json!([]));
    let columns = &json["files"][0]["columns"];
    assert_eq!(columns["profile key"], "Empfänger");
    assert_eq!(columns["event date"], "Ereignisdatum");
    assert_eq!(columns["failure reason"], "Ursache");
    assert_eq!(columns["control group"], "Kontrollgruppe");
    assert_eq!(json["files"][0]["encoding"], "Windows-1252");
}
