//! One engagement event: a JSON document (or a CSV row) to its time, profile, journey, sandbox and dry-run flag, or the reason it is rejected.
//!
//! The fields and where they are looked for are section 3 of
//! `journey-optimizer.md`; in JSON the first path found wins:
//!
//! | field | JSON path |
//! |---|---|
//! | time | `timestamp` |
//! | profile | `_experience.journeyOrchestration.stepEvents.profileID`, else the primary identity of `identityMap` (else its first) |
//! | journey or campaign | `stepEvents.journeyVersionName`, `stepEvents.journeyVersionID`, `_experience.customerJourneyManagement.messageExecution.campaignID`, `messageExecution.journeyVersionID` |
//! | sandbox, sandbox type | `sandbox`, `sandboxType` |
//! | dry run | `stepEvents.inDryRun` |
//!
//! Documents are deserialised with borrowed strings (no allocation for a
//! value without escapes); members not listed are skipped unread.

use std::borrow::Cow;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::message::{Arg, Message};

/// A sandbox's type: the licence covers production sandboxes; development ones are shown apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SandboxType {
    #[default]
    Production,
    Development,
}

impl SandboxType {
    pub fn as_str(self) -> &'static str {
        match self {
            SandboxType::Production => "production",
            SandboxType::Development => "development",
        }
    }

    /// `production`/`prod` or `development`/`dev`, in any case; `None` for anything else.
    pub fn parse(s: &str) -> Option<SandboxType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "production" | "prod" => Some(SandboxType::Production),
            "development" | "dev" => Some(SandboxType::Development),
            _ => None,
        }
    }
}

/// The fields of one event, borrowed from its document where possible.
#[derive(Debug, Default, PartialEq)]
pub struct Event<'a> {
    pub time: Option<Cow<'a, str>>,
    pub profile: Option<Cow<'a, str>>,
    pub journey: Option<Cow<'a, str>>,
    pub sandbox: Option<Cow<'a, str>>,
    pub sandbox_type: Option<Cow<'a, str>>,
    pub dry_run: bool,
}

/// A JSON scalar as text (numbers and booleans written out); objects, arrays and null are `None`.
struct Text<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v))))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Borrowed(if v { "true" } else { "false" }))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<'a> Text<'a> {
    /// The text, if it is text and not blank.
    fn get(self) -> Option<Cow<'a, str>> {
        self.0.filter(|t| !t.trim().is_empty())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Doc<'a> {
    #[serde(borrow)]
    timestamp: Option<Text<'a>>,
    #[serde(borrow)]
    sandbox: Option<Text<'a>>,
    #[serde(rename = "sandboxType", borrow)]
    sandbox_type: Option<Text<'a>>,
    #[serde(rename = "identityMap", borrow)]
    identity_map: Option<IdentityMap<'a>>,
    #[serde(rename = "_experience", borrow)]
    experience: Option<Experience<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Experience<'a> {
    #[serde(rename = "journeyOrchestration", borrow)]
    journey_orchestration: Option<Orchestration<'a>>,
    #[serde(rename = "customerJourneyManagement", borrow)]
    customer_journey_management: Option<Management<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Orchestration<'a> {
    #[serde(rename = "stepEvents", borrow)]
    step_events: Option<StepEvents<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StepEvents<'a> {
    #[serde(rename = "profileID", borrow)]
    profile_id: Option<Text<'a>>,
    #[serde(rename = "journeyVersionName", borrow)]
    journey_version_name: Option<Text<'a>>,
    #[serde(rename = "journeyVersionID", borrow)]
    journey_version_id: Option<Text<'a>>,
    #[serde(rename = "inDryRun", borrow)]
    in_dry_run: Option<Text<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Management<'a> {
    #[serde(rename = "messageExecution", borrow)]
    message_execution: Option<MessageExecution<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MessageExecution<'a> {
    #[serde(rename = "campaignID", borrow)]
    campaign_id: Option<Text<'a>>,
    #[serde(rename = "journeyVersionID", borrow)]
    journey_version_id: Option<Text<'a>>,
}

/// The identity an `identityMap` names: its primary one, else its first.
struct IdentityMap<'a>(Option<Cow<'a, str>>);

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdEntry<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    primary: Option<Text<'a>>,
}

/// The entries of one namespace: the first with an id, and the first primary one with an id.
struct Entries<'a> {
    first: Option<Cow<'a, str>>,
    primary: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of identities")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Entries { first: None, primary: None };
                while let Some(e) = seq.next_element::<IdEntry<'a>>()? {
                    let Some(id) = e.id.and_then(Text::get) else { continue };
                    let primary = e.primary.and_then(|p| p.0).is_some_and(|p| p == "true");
                    if primary && out.primary.is_none() {
                        out.primary = Some(id.clone());
                    }
                    if out.first.is_none() {
                        out.first = Some(id);
                    }
                }
                Ok(out)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Entries { first: None, primary: None })
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Entries { first: None, primary: None })
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for IdentityMap<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = IdentityMap<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an identityMap")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut first, mut primary) = (None, None);
                while let Some((_, e)) = map.next_entry::<IgnoredAny, Entries<'a>>()? {
                    if primary.is_none() {
                        primary = e.primary;
                    }
                    if first.is_none() {
                        first = e.first;
                    }
                }
                Ok(IdentityMap(primary.or(first)))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(IdentityMap(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// Reads one JSON document as an event. Only a document that is not a JSON object fails here;
/// the fields it lacks are checked by the counter.
pub fn parse(json: &[u8]) -> Result<Event<'_>, Message> {
    let bad = |e: serde_json::Error| Message::new("record-bad-json").with("detail", Arg::Text(e.to_string()));
    if json.trim_ascii_start().first() != Some(&b'{') {
        // Serde would read an array as the fields in order: anything but an object is said as such.
        return Err(match serde_json::from_slice::<IgnoredAny>(json) {
            Ok(_) => Message::new("record-not-object"),
            Err(e) => bad(e),
        });
    }
    let doc: Doc<'_> = serde_json::from_slice(json).map_err(bad)?;
    let exp = doc.experience.unwrap_or_default();
    let steps = exp.journey_orchestration.and_then(|o| o.step_events).unwrap_or_default();
    let message = exp.customer_journey_management.and_then(|m| m.message_execution).unwrap_or_default();
    let profile = steps.profile_id.and_then(Text::get).or_else(|| doc.identity_map.and_then(|m| m.0));
    let journey =
        [steps.journey_version_name, steps.journey_version_id, message.campaign_id, message.journey_version_id]
            .into_iter()
            .flatten()
            .find_map(Text::get);
    Ok(Event {
        time: doc.timestamp.and_then(Text::get),
        profile,
        journey,
        sandbox: doc.sandbox.and_then(Text::get),
        sandbox_type: doc.sandbox_type.and_then(Text::get),
        dry_run: steps.in_dry_run.and_then(|d| d.0).is_some_and(|d| truthy(&d)),
    })
}

/// A dry-run flag's value: `true`, `1`, `yes` (any case) are true.
pub fn truthy(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "y" | "t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_step_event() {
        let json = br#"{"_id":"a","timestamp":"2026-11-30T10:04:05Z","sandbox":"prod","sandboxType":"production",
            "_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"p1","journeyVersionName":"Welcome","journeyVersionID":"v1","inDryRun":false,"x":[1,{"y":2}]}}}}"#;
        let e = parse(json).unwrap();
        assert_eq!(e.time.as_deref(), Some("2026-11-30T10:04:05Z"));
        assert_eq!(e.profile.as_deref(), Some("p1"));
        assert_eq!(e.journey.as_deref(), Some("Welcome"));
        assert_eq!(e.sandbox.as_deref(), Some("prod"));
        assert_eq!(e.sandbox_type.as_deref(), Some("production"));
        assert!(!e.dry_run);
    }

    #[test]
    fn falls_back_to_the_identity_map_and_the_campaign() {
        let json = br#"{"timestamp":"2026-11-30","identityMap":{"ECID":[{"id":"e1"}],"Email":[{"id":"a@b.c","primary":true}]},
            "_experience":{"customerJourneyManagement":{"messageExecution":{"campaignID":"c9"}},"journeyOrchestration":{"stepEvents":{"inDryRun":"true"}}}}"#;
        let e = parse(json).unwrap();
        assert_eq!(e.profile.as_deref(), Some("a@b.c"));
        assert_eq!(e.journey.as_deref(), Some("c9"));
        assert!(e.dry_run);
        let first = parse(br#"{"identityMap":{"ECID":[{"id":""},{"id":"e2"}],"Email":[{"id":"x"}]}}"#).unwrap();
        assert_eq!(first.profile.as_deref(), Some("e2"));
        assert_eq!(first.time, None);
    }

    #[test]
    fn rejects_what_is_not_an_object() {
        assert_eq!(parse(b"[1,2]").unwrap_err().id, "record-not-object");
        assert_eq!(parse(b"\"x\"").unwrap_err().id, "record-not-object");
        assert_eq!(parse(b"{\"timestamp\":").unwrap_err().id, "record-bad-json");
        let escaped =
            parse(br#"{"_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"a\u00e9"}}}}"#).unwrap();
        assert_eq!(escaped.profile.as_deref(), Some("a\u{e9}"));
    }
}
