//! The active-profiles viewer: a thin Yew app over the counting engine.
//!
//! State lives in one [`state::ViewerState`] (a `Reducible`); components only
//! render it and dispatch [`state::Action`]s. Counting is the engine's job.

pub mod aep;
pub mod app;
pub mod demo;
pub mod demo_report;
pub mod engageable;
pub mod engageable_page;
pub mod events;
pub mod explain;
pub mod given;
pub mod locale;
pub mod mapping;
pub mod nav;
pub mod offline;
pub mod pool;
pub mod profiles;
pub mod profiles_page;
pub mod profiles_share;
pub mod protocol;
pub mod reading;
pub mod run;
pub mod share;
pub mod state;
pub mod storage;
pub mod worker;

/// The report's views live in their own crate, shared with the command line's bundle.
pub use views;

pub use app::App;
