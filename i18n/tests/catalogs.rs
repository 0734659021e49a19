//! Every language's catalog has exactly English's messages, with the same variables, and parses cleanly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use i18n::Lang;

/// Message id to the names of the variables it uses (in its value and its attributes).
type Catalog = BTreeMap<String, BTreeSet<String>>;

fn variables_of_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(inline) => variables_of_inline(inline, out),
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
    }
}

fn variables_of_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

/// The messages of one catalog file; fails on a syntax error or a duplicate id.
fn parse(lang: Lang, file: &str, source: &str, into: &mut Catalog) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("locales/{lang}/{file} does not parse: {errors:?}"),
    };
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables_of_pattern(value, &mut vars);
                }
                for a in &m.attributes {
                    variables_of_pattern(&a.value, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(into.insert(id.clone(), vars).is_none(), "locales/{lang}/{file}: `{id}` is defined twice");
            }
            Entry::Term(t) => panic!("locales/{lang}/{file}: term -{} (use messages only)", t.id.name),
            Entry::Junk { content } => panic!("locales/{lang}/{file}: cannot read {content:?}"),
            _ => {}
        }
    }
}

fn catalog(lang: Lang) -> Catalog {
    let mut catalog = Catalog::new();
    for (file, source) in i18n::file_names().iter().zip(i18n::sources(lang).iter().copied()) {
        parse(lang, file, source, &mut catalog);
    }
    catalog
}

#[test]
fn every_catalog_has_every_key_and_no_other() {
    let english = catalog(Lang::En);
    assert!(english.len() > 100, "the English catalog has the viewer's and the CLI's messages");
    for lang in Lang::ALL {
        let other = catalog(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "locales/{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "locales/{lang} has keys English does not: {extra:?}");
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "locales/{lang}: `{key}` must use the variables English uses");
        }
    }
}

#[test]
fn the_embedded_files_are_all_the_files_of_locales() {
    // The tests build this crate with its feature `cli` (a dev-dependency on itself), so cli.ftl is checked too.
    assert!(i18n::file_names().contains(&"cli.ftl"), "the command line's words are embedded in the tests");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut langs: Vec<String> = std::fs::read_dir(&root)
        .expect("locales/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    let mut codes: Vec<String> = Lang::ALL.iter().map(|l| l.code().to_string()).collect();
    codes.sort();
    assert_eq!(langs, codes, "one folder per language");
    for lang in Lang::ALL {
        let mut files: Vec<String> = std::fs::read_dir(root.join(lang.code()))
            .expect("a language folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        files.sort();
        let mut embedded: Vec<String> = i18n::file_names().iter().map(|s| s.to_string()).collect();
        embedded.sort();
        assert_eq!(files, embedded, "locales/{lang}: every .ftl file is embedded");
    }
}

#[test]
fn every_message_formats_in_every_language() {
    for lang in Lang::ALL {
        for key in catalog(Lang::En).keys() {
            let text = i18n::tt(lang, key);
            assert!(!text.is_empty() && text != *key, "locales/{lang}: `{key}` gives {text:?}");
        }
    }
}
