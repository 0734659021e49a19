//! One JSON document to a profile record (its identities and audiences), or why it is rejected (section 1).
//!
//! The document is read in one pass by serde visitors over borrowed strings:
//! `identityMap` namespace by namespace in document order (ids in array
//! order), `segmentMembership.ups` for the segments whose status is
//! `realized` or `existing`, and every other member skipped unread
//! ([`serde::de::IgnoredAny`]). A fault is kept as a [`Message`] while the
//! rest is skipped, so a reason never quotes a value of the file: it names a
//! namespace or a count, never an identity.
//!
//! The rejections, first found first (section 1): not JSON (`record-bad-json`,
//! with serde's description of where), nested deeper than [`MAX_DEPTH`], not an
//! object, no `identityMap` (or `null`), an `identityMap` that is not an
//! object, a namespace whose identities are not a list, an identity without
//! an `id` (or not an object), an `id` that is not a string, empty after
//! trimming or longer than [`MAX_ID_CHARS`] characters, an `ECID` that is not
//! 38 digits; then an empty `identityMap`, and more than [`MAX_IDENTITIES`].

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::message::{Arg, Message};

/// An identity: namespace code and id, exactly as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity {
    pub namespace: String,
    pub id: String,
}

/// What a record brings to the graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// In the order of the `identityMap` (namespaces in document order, ids in array order).
    pub identities: Vec<Identity>,
    /// Segment ids whose membership status is `realized` or `existing`.
    pub segments: Vec<String>,
}

/// AEP's limit of identities per record.
pub const MAX_IDENTITIES: usize = 20;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 1024;
/// The deepest nesting of a record (serde_json's own limit for what it reads).
pub const MAX_DEPTH: usize = 128;

/// Reads one JSON document as a record, or says why it is rejected.
pub fn parse(json: &[u8]) -> Result<Record, Message> {
    let mut record = Record::default();
    parse_into(json, &mut record)?;
    Ok(record)
}

/// [`parse`] into `record`, reusing its buffers (a reader of many records keeps one).
pub fn parse_into(json: &[u8], record: &mut Record) -> Result<(), Message> {
    let mut used = 0;
    let mut segments = 0;
    let result = read(json, record, &mut used, &mut segments);
    record.identities.truncate(used);
    record.segments.truncate(segments);
    result
}

fn bad_json(e: serde_json::Error) -> Message {
    Message::new("record-bad-json").with("detail", Arg::Text(e.to_string()))
}

/// Whether the document nests deeper than [`MAX_DEPTH`] (brackets in strings do not count).
fn too_deep(json: &[u8]) -> bool {
    if memchr::memchr2_iter(b'{', b'[', json).count() <= MAX_DEPTH {
        return false;
    }
    let (mut depth, mut in_string, mut escape) = (0usize, false, false);
    for &b in json {
        if in_string {
            match (escape, b) {
                (true, _) => escape = false,
                (false, b'\\') => escape = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn read(json: &[u8], record: &mut Record, used: &mut usize, segments: &mut usize) -> Result<(), Message> {
    let first = json.iter().position(|b| !b.is_ascii_whitespace()).map(|i| json[i]);
    if too_deep(json) {
        return Err(Message::new("record-too-deep").with("depth", Arg::Number(MAX_DEPTH as u64)));
    }
    if first != Some(b'{') {
        return match serde_json::from_slice::<IgnoredAny>(json) {
            Ok(_) => Err(Message::new("record-not-object")),
            Err(e) => Err(bad_json(e)),
        };
    }
    let mut state = State { record, used: 0, segments: 0, fault: None, has_map: false };
    // UTF-8 checked once for the whole document, with SIMD (serde_json's `from_slice` checks every
    // string on its own); bytes that are not UTF-8 go through `from_slice`, whose error says where.
    let parsed = match simdutf8::basic::from_utf8(json) {
        Ok(text) => parse_top(serde_json::Deserializer::from_str(text), &mut state),
        Err(_) => parse_top(serde_json::Deserializer::from_slice(json), &mut state),
    };
    *used = state.used;
    *segments = state.segments;
    parsed.map_err(bad_json)?;
    if let Some(fault) = state.fault {
        return Err(fault);
    }
    if !state.has_map {
        return Err(Message::new("record-no-identity-map"));
    }
    if *used == 0 {
        return Err(Message::new("record-empty-identity-map"));
    }
    if *used > MAX_IDENTITIES {
        return Err(Message::new("record-too-many-identities").with("count", Arg::Number(*used as u64)));
    }
    Ok(())
}

/// One document as a record's top-level object, to its end.
fn parse_top<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    state: &mut State<'_>,
) -> Result<(), serde_json::Error> {
    de.deserialize_map(Top(state)).and_then(|_| de.end())
}

/// What the visitors fill.
struct State<'r> {
    record: &'r mut Record,
    /// Identities written into `record.identities` (whose other entries are buffers to reuse).
    used: usize,
    segments: usize,
    /// The first fault found.
    fault: Option<Message>,
    has_map: bool,
}

impl State<'_> {
    fn fault(&mut self, m: impl FnOnce() -> Message) {
        if self.fault.is_none() {
            self.fault = Some(m());
        }
    }

    fn push_identity(&mut self, namespace: &str, id: &str) {
        if self.used == self.record.identities.len() {
            self.record.identities.push(Identity::default());
        }
        let slot = &mut self.record.identities[self.used];
        slot.namespace.clear();
        slot.namespace.push_str(namespace);
        slot.id.clear();
        slot.id.push_str(id);
        self.used += 1;
    }

    fn push_segment(&mut self, id: &str) {
        if self.segments == self.record.segments.len() {
            self.record.segments.push(String::new());
        }
        let slot = &mut self.record.segments[self.segments];
        slot.clear();
        slot.push_str(id);
        self.segments += 1;
    }
}

/// A string, borrowed from the document when it has no escapes.
struct Str<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A value of any kind: a string (borrowed when it can be), or something else (skipped).
enum Any<'de> {
    Str(Cow<'de, str>),
    Null,
    Other,
}

impl<'de> serde::Deserialize<'de> for Any<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Any<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Any<'de>, E> {
                Ok(Any::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Any<'de>, E> {
                Ok(Any::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Any<'de>, E> {
                Ok(Any::Str(Cow::Owned(v)))
            }
            fn visit_unit<E>(self) -> Result<Any<'de>, E> {
                Ok(Any::Null)
            }
            fn visit_none<E>(self) -> Result<Any<'de>, E> {
                Ok(Any::Null)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Any<'de>, E> {
                Ok(Any::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Any<'de>, E> {
                Ok(Any::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Any<'de>, E> {
                Ok(Any::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Any<'de>, E> {
                Ok(Any::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Any::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Any::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// Implements the visits of anything that is not what a visitor expects: skipped, then `$other`.
macro_rules! otherwise {
    ($value:ty, $other:expr) => {
        otherwise!($value, $other, no_unit);
        fn visit_unit<E>(self) -> Result<$value, E> {
            Ok($other(self))
        }
    };
    ($value:ty, $other:expr, no_unit) => {
        fn visit_bool<E>(self, _: bool) -> Result<$value, E> {
            Ok($other(self))
        }
        fn visit_i64<E>(self, _: i64) -> Result<$value, E> {
            Ok($other(self))
        }
        fn visit_u64<E>(self, _: u64) -> Result<$value, E> {
            Ok($other(self))
        }
        fn visit_f64<E>(self, _: f64) -> Result<$value, E> {
            Ok($other(self))
        }
        fn visit_str<E>(self, _: &str) -> Result<$value, E> {
            Ok($other(self))
        }
    };
}

/// The top-level object.
struct Top<'s, 'r>(&'s mut State<'r>);

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.0.as_ref() {
                "identityMap" => map.next_value_seed(IdentityMap(self.0))?,
                "segmentMembership" => map.next_value_seed(Namespaces(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `identityMap`: namespace -> list of identities.
struct IdentityMap<'s, 'r>(&'s mut State<'r>);

impl<'de> DeserializeSeed<'de> for IdentityMap<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IdentityMap<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        // `"identityMap": null` is no identityMap.
        Ok(())
    }
    otherwise!(
        (),
        |s: Self| {
            s.0.has_map = true;
            s.0.fault(|| Message::new("record-identity-map-not-object"));
        },
        no_unit
    );
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.0.has_map = true;
        self.0.fault(|| Message::new("record-identity-map-not-object"));
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.has_map = true;
        while let Some(namespace) = map.next_key::<Str<'de>>()? {
            map.next_value_seed(Ids { state: &mut *self.0, namespace: &namespace.0 })?;
        }
        Ok(())
    }
}

/// The identities of one namespace.
struct Ids<'s, 'r, 'n> {
    state: &'s mut State<'r>,
    namespace: &'n str,
}

impl<'de> DeserializeSeed<'de> for Ids<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

fn namespace_arg(m: Message, namespace: &str) -> Message {
    m.with("namespace", Arg::Text(namespace.to_string()))
}

impl<'de> Visitor<'de> for Ids<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    otherwise!((), |s: Self| s.state.fault(|| namespace_arg(Message::new("record-ids-not-list"), s.namespace)));
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.state.fault(|| namespace_arg(Message::new("record-ids-not-list"), self.namespace));
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Entry { state: &mut *self.state, namespace: self.namespace })?.is_some() {}
        Ok(())
    }
}

/// One identity `{id, primary?, authenticatedState?}`.
struct Entry<'s, 'r, 'n> {
    state: &'s mut State<'r>,
    namespace: &'n str,
}

impl<'de> DeserializeSeed<'de> for Entry<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Entry<'_, '_, '_> {
    fn missing(self) {
        self.state.fault(|| namespace_arg(Message::new("record-id-missing"), self.namespace));
    }

    fn id(self, id: &str) {
        let ns = self.namespace;
        if id.trim().is_empty() {
            return self.state.fault(|| namespace_arg(Message::new("record-id-empty"), ns));
        }
        if id.len() > MAX_ID_CHARS {
            let chars = id.chars().count();
            if chars > MAX_ID_CHARS {
                return self.state.fault(|| {
                    namespace_arg(Message::new("record-id-too-long"), ns).with("length", Arg::Number(chars as u64))
                });
            }
        }
        if ns == "ECID" && !(id.len() == 38 && id.bytes().all(|b| b.is_ascii_digit())) {
            return self.state.fault(|| Message::new("record-bad-ecid"));
        }
        self.state.push_identity(ns, id);
    }
}

impl<'de> Visitor<'de> for Entry<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an identity")
    }
    otherwise!((), Entry::missing);
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.missing();
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut id: Option<Any<'de>> = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if key.0 == "id" && id.is_none() {
                id = Some(map.next_value::<Any<'de>>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        match id {
            None | Some(Any::Null) => self.missing(),
            Some(Any::Other) => {
                let ns = self.namespace;
                self.state.fault(|| namespace_arg(Message::new("record-id-not-string"), ns));
            }
            Some(Any::Str(s)) => self.id(&s),
        }
        Ok(())
    }
}

/// `segmentMembership`: namespace -> segments; only `ups` is read.
struct Namespaces<'s, 'r>(&'s mut State<'r>);

impl<'de> DeserializeSeed<'de> for Namespaces<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Namespaces<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    otherwise!((), |_| ());
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if key.0 == "ups" {
                map.next_value_seed(Segments(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `ups`: segment id -> `{status, ...}`.
struct Segments<'s, 'r>(&'s mut State<'r>);

impl<'de> DeserializeSeed<'de> for Segments<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Segments<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    otherwise!((), |_| ());
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(segment) = map.next_key::<Str<'de>>()? {
            if map.next_value::<Membership>()?.0 {
                self.0.push_segment(&segment.0);
            }
        }
        Ok(())
    }
}

/// A membership: whether its status is `realized` or `existing`.
struct Membership(bool);

impl<'de> serde::Deserialize<'de> for Membership {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Membership;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a membership")
            }
            otherwise!(Membership, |_| Membership(false));
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Membership, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Membership(false))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Membership, A::Error> {
                let mut counted = false;
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    if key.0 == "status" {
                        if let Any::Str(s) = map.next_value::<Any<'de>>()? {
                            counted = s == "realized" || s == "existing";
                        }
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(Membership(counted))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(json: &str) -> String {
        match parse(json.as_bytes()) {
            Ok(r) => format!("ok {}", r.identities.len()),
            Err(m) => m.to_string(),
        }
    }

    #[test]
    fn identities_in_document_order_and_the_counted_segments() {
        let r = parse(
            br#"{"person":{"a":[1,{"b":null}]},"identityMap":{"Email":[{"id":"J\u00e9@x.y","primary":true},{"id":" j@x.y "}],"CRMID":[{"authenticatedState":"x","id":"60013ABC"}],"AAID":[]},
            "segmentMembership":{"other":{"s0":{"status":"realized"}},"ups":{"s1":{"status":"realized"},"s2":{"status":"exited"},"s3":{"lastQualificationTime":"t","status":"existing"},"s4":5}}}"#,
        )
        .unwrap();
        let ids: Vec<(&str, &str)> = r.identities.iter().map(|i| (i.namespace.as_str(), i.id.as_str())).collect();
        assert_eq!(ids, [("Email", "Jé@x.y"), ("Email", " j@x.y "), ("CRMID", "60013ABC")]);
        assert_eq!(r.segments, ["s1", "s3"]);
        let mut reused = r.clone();
        parse_into(br#"{"identityMap":{"ECID":[{"id":"34113965854450796644316155105296901017"}]}}"#, &mut reused)
            .unwrap();
        assert_eq!(reused.identities.len(), 1);
        assert!(reused.segments.is_empty());
    }

    #[test]
    fn every_rejection_names_a_namespace_or_a_count_never_a_value() {
        let many: Vec<String> = (0..23).map(|i| format!(r#"{{"id":"secret{i}@x.y"}}"#)).collect();
        let long = "é".repeat(1025);
        let deep = format!(
            r#"{{"identityMap":{{"Email":[{{"id":"a"}}]}},"x":{}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let cases = [
            ("[1,2]".to_string(), "not a JSON object"),
            ("\"secret\"".to_string(), "not a JSON object"),
            (
                r#"{"identityMap":{"Email":[{"id":"secret"#.to_string(),
                "not JSON (EOF while parsing a string at line 1 column 38)",
            ),
            (r#"{"identityMap":{}} x"#.to_string(), "not JSON (trailing characters at line 1 column 20)"),
            (deep, "nested deeper than 128 levels"),
            (r#"{"person":{}}"#.to_string(), "no identityMap"),
            (r#"{"identityMap":null}"#.to_string(), "no identityMap"),
            (r#"{"identityMap":"secret"}"#.to_string(), "identityMap is not an object"),
            (r#"{"identityMap":{}}"#.to_string(), "empty identityMap"),
            (r#"{"identityMap":{"Email":[]}}"#.to_string(), "empty identityMap"),
            (format!(r#"{{"identityMap":{{"Email":[{}]}}}}"#, many.join(",")), "more than 20 identities (23)"),
            (r#"{"identityMap":{"Email":{"id":"secret"}}}"#.to_string(), "the identities of Email are not a list"),
            (r#"{"identityMap":{"Email":[{"primary":true}]}}"#.to_string(), "an identity of Email has no id"),
            (r#"{"identityMap":{"Email":["secret"]}}"#.to_string(), "an identity of Email has no id"),
            (r#"{"identityMap":{"CRMID":[{"id":60013}]}}"#.to_string(), "an id of CRMID is not a string"),
            (r#"{"identityMap":{"Email":[{"id":" \t "}]}}"#.to_string(), "an id of Email is empty"),
            (
                format!(r#"{{"identityMap":{{"CRMID":[{{"id":"{long}"}}]}}}}"#),
                "an id of CRMID is longer than 1024 characters (1025)",
            ),
            (r#"{"identityMap":{"ECID":[{"id":"3411396585445079664"}]}}"#.to_string(), "an ECID that is not 38 digits"),
            (
                r#"{"identityMap":{"ECID":[{"id":"3411396585445079664431615510529690101a"}]}}"#.to_string(),
                "an ECID that is not 38 digits",
            ),
        ];
        for (json, want) in cases {
            let got = reason(&json);
            assert_eq!(got, want, "{}", &json[..json.len().min(80)]);
            assert!(!got.contains("secret"));
        }
        let exactly = "é".repeat(1024);
        assert_eq!(reason(&format!(r#"{{"identityMap":{{"CRMID":[{{"id":"{exactly}"}}]}}}}"#)), "ok 1");
        let twenty: Vec<String> = (0..20).map(|i| format!(r#"{{"id":"e{i}"}}"#)).collect();
        assert_eq!(reason(&format!(r#"{{"identityMap":{{"Email":[{}]}}}}"#, twenty.join(","))), "ok 20");
    }
}
