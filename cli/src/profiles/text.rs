//! The text of `profiles`: laid out like the Profiles dashboard, snapshot by snapshot, then the records read.
//!
//! Its words come from the message catalogs (`--lang`, English by default);
//! numbers are grouped the language's way and dates written in its numeric form,
//! as in the `report` command's text.

use std::fmt::Write as _;

use engine::aep::report::{ExplainedProfile, IdentityValue, NamespaceCount, PairCount, SnapshotFigures};
use engine::aep::{Explained, ProfilesReport};
use i18n::{t, tt, Arg, Lang};

use crate::text::{heading, said, Table};

/// A snapshot's time, `2026-11-01T09:30:00Z`, as `2026-11-01 09:30 UTC` (the date in the language's form).
pub fn time(lang: Lang, iso: &str) -> String {
    let Some((date, rest)) = iso.split_once('T') else { return i18n::date(lang, iso) };
    let clock = rest.trim_end_matches('Z');
    let clock = clock.strip_suffix(":00").unwrap_or(clock);
    format!("{} {clock} UTC", i18n::date(lang, date))
}

fn snapshot_name(lang: Lang, when: Option<&str>) -> String {
    match when {
        Some(iso) => t(lang, "cli-prof-snapshot-at", &[("time", time(lang, iso).into())]),
        None => tt(lang, "cli-prof-snapshot-undated"),
    }
}

/// The whole report in `lang`; `problems` are the files left out, as said on standard error (the
/// report's last warnings, in the language).
pub fn render(r: &ProfilesReport, problems: &[String], lang: Lang) -> String {
    let g = |n: u64| i18n::group(lang, n);
    let w = |key: &str| tt(lang, key);
    let wf = |key: &str, args: &[(&str, Arg<'_>)]| t(lang, key, args);
    let mut out = String::new();
    let title = w("cli-prof-title");
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    let stitching = w(if r.stitching == "none" { "cli-prof-stitching-none" } else { "cli-prof-stitching-graph" });
    let _ = writeln!(out, "{stitching}");
    let list = |v: &[String]| if v.is_empty() { "-".to_string() } else { v.join(", ") };
    let _ = writeln!(out, "{}", wf("cli-prof-unique-list", &[("list", list(&r.unique_namespaces).into())]));
    let _ = writeln!(out, "{}", wf("cli-prof-pseudonymous-list", &[("list", list(&r.pseudonymous_namespaces).into())]));
    if r.snapshots.len() > 1 {
        let _ = writeln!(out, "{}", wf("cli-prof-snapshots", &[("count", g(r.snapshots.len() as u64).into())]));
    }

    for (i, s) in r.snapshots.iter().enumerate() {
        heading(&mut out, &snapshot_name(lang, s.time.as_deref()));
        let _ = writeln!(out, "{}", wf("cli-prof-profiles", &[("count", g(s.profiles).into())]));
        // The change into this snapshot from the one before.
        if i > 0 {
            if let Some(c) = r.change.get(i - 1) {
                let from = c.from.as_deref().map(|f| time(lang, f)).unwrap_or_else(|| w("cli-prof-snapshot-undated"));
                let _ = writeln!(
                    out,
                    "{}",
                    wf(
                        "cli-prof-change",
                        &[("from", from.into()), ("added", g(c.added).into()), ("removed", g(c.removed).into())]
                    )
                );
            }
        }
        if let Some(compared) = &r.compared {
            if let Some(other) = compared.snapshots.get(i) {
                let key =
                    if compared.stitching == "none" { "cli-prof-compared-none" } else { "cli-prof-compared-graph" };
                let _ = writeln!(out, "{}", wf(key, &[("count", g(other.profiles).into())]));
            }
        }
        snapshot(&mut out, s, r.stitching == "none", lang);
    }

    heading(&mut out, &w("cli-prof-records-title"));
    let rows = &r.rows;
    let mut table = Table::new(&[w("cli-prof-col-records"), w("cli-col-number")], &[false, true]);
    table.row(vec![w("cli-prof-read"), g(rows.read)]);
    table.row(vec![w("cli-prof-used"), g(rows.used)]);
    table.row(vec![w("cli-prof-rejected"), g(rows.rejected)]);
    table.render(&mut out, "");
    if !r.rejected.is_empty() {
        let shown = r.rejected.len() as u64;
        if shown < rows.rejected {
            let first = wf("cli-prof-rejected-first", &[("n", g(shown).into()), ("count", g(rows.rejected).into())]);
            let _ = writeln!(out, "\n{first}");
        } else {
            let _ = writeln!(out, "\n{}", w("cli-prof-rejected-records"));
        }
        for x in &r.rejected {
            let _ = writeln!(out, "  {}:{}: {}", x.file, x.line, said(lang, x.message.as_ref(), &x.reason));
        }
    }
    // The engine's own warnings first (in the language when it has the words), then the files left out.
    let own = r.warnings.len().saturating_sub(problems.len());
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-warnings"));
        for (i, warning) in r.warnings.iter().enumerate().take(own) {
            let _ = writeln!(out, "  {}", said(lang, r.warning_messages.get(i), warning));
        }
        for problem in problems {
            let _ = writeln!(out, "  {problem}");
        }
    }
    if !r.files.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-files"));
        for f in &r.files {
            let snapshot = snapshot_name(lang, f.snapshot.as_deref());
            let line = wf(
                "cli-prof-file",
                &[
                    ("name", (&f.name).into()),
                    ("format", (&f.format).into()),
                    ("records", g(f.records).into()),
                    ("snapshot", snapshot.into()),
                ],
            );
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

fn counts(out: &mut String, list: &[NamespaceCount], first: &str, lang: Lang) {
    let mut table = Table::new(&[first.to_string(), tt(lang, "cli-col-profiles")], &[false, true]);
    for c in list {
        table.row(vec![c.namespace.clone(), i18n::group(lang, c.profiles)]);
    }
    table.render(out, "  ");
}

fn pairs(out: &mut String, list: &[PairCount], column: &str, lang: Lang) {
    let mut table =
        Table::new(&[column.to_string(), column.to_string(), tt(lang, "cli-prof-col-both")], &[false, false, true]);
    for p in list {
        table.row(vec![p.a.clone(), p.b.clone(), i18n::group(lang, p.profiles)]);
    }
    table.render(out, "  ");
}

/// The figures of one snapshot, in the dashboard's order.
fn snapshot(out: &mut String, s: &SnapshotFigures, unstitched: bool, lang: Lang) {
    let g = |n: u64| i18n::group(lang, n);
    let w = |key: &str| tt(lang, key);
    let wf = |key: &str, args: &[(&str, Arg<'_>)]| t(lang, key, args);
    let none = |out: &mut String| {
        let _ = writeln!(out, "  {}", w("cli-prof-none"));
    };
    let namespace = w("cli-prof-col-namespace");

    let _ = writeln!(out, "\n{}", w("cli-prof-by-identity"));
    if s.by_namespace.is_empty() {
        none(out);
    } else {
        counts(out, &s.by_namespace, &namespace, lang);
    }

    let _ = writeln!(out, "\n{}", w("cli-prof-overlap"));
    if s.overlap.is_empty() {
        none(out);
    } else {
        pairs(out, &s.overlap, &namespace, lang);
    }

    let _ = writeln!(out, "\n{}", wf("cli-prof-single", &[("count", g(s.single_identity.profiles).into())]));
    if !s.single_identity.by_namespace.is_empty() {
        counts(out, &s.single_identity.by_namespace, &namespace, lang);
    }

    let _ = writeln!(out, "\n{}", wf("cli-prof-unsegmented", &[("count", g(s.unsegmented).into())]));

    let _ = writeln!(out, "\n{}", w("cli-prof-audiences"));
    if s.audiences.is_empty() {
        none(out);
    } else {
        let mut table = Table::new(&[w("cli-prof-col-audience"), w("cli-col-profiles")], &[false, true]);
        for a in &s.audiences {
            table.row(vec![a.id.clone(), g(a.profiles)]);
        }
        table.render(out, "  ");
    }
    if !s.audience_overlap.is_empty() {
        let _ = writeln!(out, "\n{}", w("cli-prof-audience-overlap"));
        pairs(out, &s.audience_overlap, &w("cli-prof-col-audience"), lang);
    }

    let _ = writeln!(out, "\n{}", wf("cli-prof-pseudonymous", &[("count", g(s.pseudonymous_only).into())]));

    let _ = writeln!(out, "\n{}", w("cli-prof-case-title"));
    if unstitched {
        let _ = writeln!(out, "  {}", w("cli-prof-case-unstitched"));
    } else if s.case_duplicates.is_empty() {
        none(out);
    } else {
        let mut table = Table::new(&[namespace.clone(), w("cli-prof-col-fewer")], &[false, true]);
        for c in &s.case_duplicates {
            table.row(vec![c.namespace.clone(), g(c.fewer)]);
        }
        table.render(out, "  ");
        for c in s.case_duplicates.iter().filter(|c| !c.examples.is_empty()) {
            let _ = writeln!(out, "  {}:", c.namespace);
            for group in &c.examples {
                let _ = writeln!(out, "    {}", group.join(" | "));
            }
        }
        let _ = writeln!(out, "  {}", w("cli-prof-case-note"));
    }

    let _ = writeln!(out, "\n{}", w("cli-prof-collapse-title"));
    let _ = writeln!(out, "  {}", wf("cli-prof-over-limit", &[("count", g(s.collapse.over_limit).into())]));
    if s.collapse.unique_conflicts.is_empty() {
        let _ = writeln!(out, "  {}", w("cli-prof-no-unique-conflict"));
    } else {
        let _ = writeln!(out, "  {}", w("cli-prof-unique-conflicts"));
        counts(out, &s.collapse.unique_conflicts, &namespace, lang);
    }
    if !s.collapse.hubs.is_empty() {
        let _ = writeln!(out, "  {}", w("cli-prof-hubs"));
        let mut table =
            Table::new(&[namespace.clone(), w("cli-prof-col-id"), w("cli-prof-col-records")], &[false, false, true]);
        for h in &s.collapse.hubs {
            table.row(vec![h.namespace.clone(), h.id.clone(), g(h.records)]);
        }
        table.render(out, "  ");
    }
}

fn identity(i: &IdentityValue) -> String {
    if i.id.is_empty() {
        format!("{}:•••", i.namespace)
    } else {
        format!("{}:{}", i.namespace, i.id)
    }
}

/// *Explain an identity* in `lang`: per snapshot, the profile's identities, the records that linked them
/// (file:line) and the guardrails it breaks. `shown`: identity values other than the one asked for.
pub fn explain(e: &Explained, shown: bool, lang: Lang) -> String {
    let asked = match &e.namespace {
        Some(ns) => format!("{ns}:{}", e.id),
        None => e.id.clone(),
    };
    let mut out = String::new();
    let title = t(lang, "cli-prof-explain-title", &[("identity", asked.clone().into())]);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
    if e.profiles.is_empty() {
        let _ = writeln!(out, "{}", t(lang, "cli-prof-explain-none", &[("identity", asked.into())]));
        return out;
    }
    for p in &e.profiles {
        explained_profile(&mut out, p, lang);
    }
    if !shown {
        let _ = writeln!(out, "\n{}", tt(lang, "cli-prof-explain-hidden"));
    }
    out
}

fn explained_profile(out: &mut String, p: &ExplainedProfile, lang: Lang) {
    let g = |n: u64| i18n::group(lang, n);
    let w = |key: &str| tt(lang, key);
    heading(out, &snapshot_name(lang, p.snapshot.as_deref()));
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "cli-prof-explain-profile",
            &[
                ("identity", identity(&p.identity).into()),
                ("identities", g(p.identities.len() as u64).into()),
                ("records", g(p.records_total).into()),
            ]
        )
    );
    let _ = writeln!(out, "\n{}", w("cli-prof-explain-identities"));
    let mut table = Table::new(&[w("cli-prof-col-namespace"), w("cli-prof-col-id")], &[false, false]);
    for i in &p.identities {
        let id = if i.id.is_empty() { "•••".to_string() } else { i.id.clone() };
        table.row(vec![i.namespace.clone(), id]);
    }
    table.render(out, "  ");
    let shown = p.records.len() as u64;
    let _ = writeln!(out);
    if shown < p.records_total {
        let _ = writeln!(
            out,
            "{}",
            t(lang, "cli-prof-explain-records-first", &[("n", g(shown).into()), ("count", g(p.records_total).into())])
        );
    } else {
        let _ = writeln!(out, "{}", w("cli-prof-explain-records"));
    }
    for r in &p.records {
        let ids: Vec<String> = r.identities.iter().map(identity).collect();
        let _ = writeln!(out, "  {}:{}: {}", r.file, r.line, ids.join(", "));
    }
    let _ = writeln!(out);
    if !p.over_limit && p.unique_conflicts.is_empty() {
        let _ = writeln!(out, "{}", w("cli-prof-explain-no-guardrail"));
    }
    if p.over_limit {
        let _ = writeln!(
            out,
            "{}",
            t(lang, "cli-prof-explain-over-limit", &[("count", g(p.identities.len() as u64).into())])
        );
    }
    for ns in &p.unique_conflicts {
        let n = p.identities.iter().filter(|i| &i.namespace == ns).count() as u64;
        let _ = writeln!(
            out,
            "{}",
            t(lang, "cli-prof-explain-unique", &[("namespace", ns.into()), ("count", g(n).into())])
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_times_in_each_language() {
        assert_eq!(time(Lang::En, "2026-11-01T09:30:00Z"), "2026-11-01 09:30 UTC");
        assert_eq!(time(Lang::De, "2026-11-01T09:30:15Z"), "01.11.2026 09:30:15 UTC");
        assert_eq!(time(Lang::Fr, "2026-11-01"), "01/11/2026");
    }

    #[test]
    fn an_empty_report_has_the_dashboard_headings() {
        let text = render(&ProfilesReport::default(), &[], Lang::En);
        assert!(text.starts_with("Profiles\n========\n"), "{text}");
        assert!(text.contains("\nRecords\n=======\n"), "{text}");
    }
}
