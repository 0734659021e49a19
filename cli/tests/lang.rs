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
