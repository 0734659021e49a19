//! Why a file cannot be read at all (bad rows never cause one: they are rejected and reported), as a message in any language.

use crate::message::{Arg, Message};

/// Why a file cannot be read at all. Bad rows never cause one: they are rejected and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Required fields have no column: the user has to map them by hand.
    MissingFields {
        file: String,
        /// Field names (`"event date"`, `"profile key or address"`).
        missing: Vec<String>,
        /// The file's headers as written.
        headers: Vec<String>,
    },
    /// A manual mapping names a header that the file does not have.
    MappedHeaderMissing { file: String, field: String, header: String, headers: Vec<String> },
    /// The header line cannot be read: longer than 1 MiB, more than 10 000 fields, or a quote never closed.
    BadHeader { file: String, reason: Message },
    /// Counting this file would go past [`crate::Options::max_profiles`] distinct profiles.
    TooManyProfiles { file: String, line: u64, limit: usize },
    /// The options cannot be used (an unsupported time zone, an unknown field name).
    InvalidOptions(String),
    /// The file id was not handed out by this counter, or the file has ended.
    UnknownFile,
}

impl FileError {
    /// The headers found in the file, for a mapping step.
    pub fn headers(&self) -> &[String] {
        match self {
            FileError::MissingFields { headers, .. } | FileError::MappedHeaderMissing { headers, .. } => headers,
            _ => &[],
        }
    }
}

impl FileError {
    /// The error as a message that can be said in another language; its English is the error's `Display`.
    pub fn message(&self) -> Message {
        match self {
            FileError::MissingFields { file, missing, headers } => Message::new("error-missing-fields")
                .file(file)
                .with("fields", Arg::Fields(missing.clone()))
                .with("headers", Arg::List(headers.clone())),
            FileError::MappedHeaderMissing { file, field, header, headers } => {
                Message::new("error-mapped-header-missing")
                    .file(file)
                    .with("field", Arg::Field(field.clone()))
                    .with("header", Arg::Text(header.clone()))
                    .with("headers", Arg::List(headers.clone()))
            }
            FileError::BadHeader { file, reason } => {
                Message::new("error-bad-header").file(file).with("reason", Arg::Message(Box::new(reason.clone())))
            }
            FileError::TooManyProfiles { file, line, limit } => Message::new("error-too-many-profiles")
                .file(file)
                .with("line", Arg::Line(*line))
                .with("limit", Arg::Number(*limit as u64)),
            FileError::InvalidOptions(m) => Message::new("error-other").with("text", Arg::Text(m.clone())),
            FileError::UnknownFile => Message::new("error-unknown-file"),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for FileError {}

/// Why counters given to [`Counter::merge_shards`](crate::Counter::merge_shards) cannot be merged:
/// they are not each shard of one input once, or did not read the same input (one stopped early,
/// at the profile limit of its shard, or read another file). Count the input with one counter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardsError(pub String);

impl std::fmt::Display for ShardsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ShardsError {}
