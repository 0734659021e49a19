//! One JSON document to a profile record (its identities and audiences), or why it is rejected (section 1).
//!
//! STUB (lead): a first version on `serde_json::Value`, so that the rest can be built on it; the
//! reading helper replaces it with the real one (every rejection of section 1, with its message).

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

/// Reads one JSON document as a record, or says why it is rejected.
pub fn parse(json: &[u8]) -> Result<Record, Message> {
    let value: serde_json::Value = serde_json::from_slice(json)
        .map_err(|e| Message::new("record-bad-json").with("detail", Arg::Text(e.to_string())))?;
    let object = value.as_object().ok_or_else(|| Message::new("record-not-object"))?;
    let map = match object.get("identityMap") {
        Some(serde_json::Value::Object(map)) => map,
        _ => return Err(Message::new("record-no-identity-map")),
    };
    let mut record = Record::default();
    for (namespace, ids) in map {
        for entry in ids.as_array().into_iter().flatten() {
            let id = match entry.get("id") {
                None => return Err(Message::new("record-id-missing").with("namespace", Arg::Text(namespace.clone()))),
                Some(serde_json::Value::String(id)) => id,
                Some(_) => {
                    return Err(Message::new("record-id-not-string").with("namespace", Arg::Text(namespace.clone())))
                }
            };
            if id.trim().is_empty() {
                return Err(Message::new("record-id-empty").with("namespace", Arg::Text(namespace.clone())));
            }
            let chars = id.chars().count();
            if chars > MAX_ID_CHARS {
                return Err(Message::new("record-id-too-long")
                    .with("namespace", Arg::Text(namespace.clone()))
                    .with("length", Arg::Number(chars as u64)));
            }
            if namespace == "ECID" && !(id.len() == 38 && id.bytes().all(|b| b.is_ascii_digit())) {
                return Err(Message::new("record-bad-ecid"));
            }
            record.identities.push(Identity { namespace: namespace.clone(), id: id.clone() });
        }
    }
    if record.identities.is_empty() {
        return Err(Message::new("record-empty-identity-map"));
    }
    if record.identities.len() > MAX_IDENTITIES {
        return Err(
            Message::new("record-too-many-identities").with("count", Arg::Number(record.identities.len() as u64))
        );
    }
    if let Some(ups) = object.get("segmentMembership").and_then(|s| s.get("ups")).and_then(|u| u.as_object()) {
        for (segment, membership) in ups {
            let status = membership.get("status").and_then(|s| s.as_str());
            if matches!(status, Some("realized") | Some("existing")) {
                record.segments.push(segment.clone());
            }
        }
    }
    Ok(record)
}
