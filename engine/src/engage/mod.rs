//! Journey Optimizer's engageable profiles: engagement events in, the licence metric out.

pub mod generate;
#[cfg(feature = "parquet")]
pub mod parquet;
