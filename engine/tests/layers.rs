//! The workspace's modules import one way: in no crate does a module reach, through `crate::` paths, a module that reaches it back.
//!
//! Read from the sources of each crate (the engine, the views, the words, the command line and
//! the app: `src/**/*.rs`, test modules and comments left out):
//! each `crate::a::b` or `super::x` path names the longest module it starts
//! with; the modules and those edges must form no circle. A circle fails the
//! test with the modules in it and the edges that close it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`crate::engage::counter`) of each source file, with its text.
fn modules(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if path.is_dir() {
            modules(&path, &format!("{prefix}::{stem}"), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = match stem.as_str() {
                "lib" | "main" | "mod" => prefix.to_string(),
                _ => format!("{prefix}::{stem}"),
            };
            out.insert(name, std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// The code of a file without its comments and its `#[cfg(test)] mod tests`.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every `crate::a::b…` path in the code, as its segments after `crate`, and every `super::x` as `x`.
fn paths(code: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let word = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut crate_paths = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        if code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut segments = Vec::new();
        let mut rest = &code[i + "crate::".len()..];
        loop {
            let w = word(rest);
            if w.is_empty() {
                break;
            }
            rest = &rest[w.len()..];
            segments.push(w);
            match rest.strip_prefix("::") {
                Some(r) => rest = r,
                None => break,
            }
        }
        crate_paths.push(segments);
    }
    let supers = code.match_indices("super::").map(|(i, _)| word(&code[i + "super::".len()..])).collect();
    (crate_paths, supers)
}

/// The circles of `crate::` imports among the modules of the crate whose sources are in `src`.
fn circles(src: &Path) -> Vec<String> {
    let mut files = BTreeMap::new();
    modules(src, "crate", &mut files);
    assert!(!files.is_empty(), "the sources were not found under {}", src.display());
    let names: BTreeSet<String> = files.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &files {
        let (crate_paths, supers) = paths(&code(text));
        let mut targets = BTreeSet::new();
        for segments in crate_paths {
            // The longest module the path starts with.
            let mut best = None;
            for k in 1..=segments.len() {
                let candidate = format!("crate::{}", segments[..k].join("::"));
                if names.contains(&candidate) {
                    best = Some(candidate);
                }
            }
            targets.extend(best);
        }
        let parent = module.rsplit_once("::").map_or("crate", |(p, _)| p);
        targets.extend(supers.into_iter().map(|s| format!("{parent}::{s}")).filter(|t| names.contains(t)));
        // A module may name its own children and the crate root's re-exports.
        targets.retain(|t| t != module && t != "crate" && !t.starts_with(&format!("{module}::")));
        edges.insert(module.clone(), targets);
    }

    // Modules that reach themselves, with the path back.
    let mut circles = Vec::new();
    for start in &names {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    circles.push(format!("{} -> {start}", path.join(" -> ")));
                    stack.clear();
                    break;
                }
                if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    circles
}

#[test]
fn modules_import_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for krate in ["engine", "views", "i18n", "cli", "."] {
        let src = root.join(krate).join("src");
        found.extend(circles(&src).into_iter().map(|c| format!("{krate}: {c}")));
    }
    assert!(found.is_empty(), "modules that import each other in a circle:\n{}", found.join("\n"));
}
