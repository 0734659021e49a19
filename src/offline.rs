//! The viewer kept as one file (`dist/active-profiles.html`, opened from `file://`): where its worker comes from.
//!
//! A page opened from disk cannot load `./worker.js` into a worker, so the
//! single-file page (written by `tools/single-file.mjs`) builds the worker's
//! whole script (glue and WebAssembly) into a `blob:` URL and leaves that URL in
//! `window.__activeProfilesWorker` before the app starts. Served from `dist/`,
//! the global is absent and the worker is spawned from [`WORKER_PATH`](crate::protocol::WORKER_PATH).

use gloo::worker::{Codec, Worker, WorkerBridge, WorkerSpawner};
use serde::{Deserialize, Serialize};

/// The global the single-file page sets to its worker's `blob:` URL.
pub const WORKER_GLOBAL: &str = "__activeProfilesWorker";

/// The worker's loader URL that the single-file page left, if this is that page.
pub fn worker_loader() -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &WORKER_GLOBAL.into()).ok()?.as_string().filter(|url| !url.is_empty())
}

/// Spawning that knows about the single-file page.
pub trait SpawnHere<W: Worker> {
    /// Spawns the worker from the single-file page's loader when there is one, else from `path`
    /// (gloo's shim: `importScripts(path)` and the `_bg.wasm` beside it).
    fn spawn_here(&self, path: &str) -> WorkerBridge<W>;
}

impl<W, C> SpawnHere<W> for WorkerSpawner<W, C>
where
    W: Worker + 'static,
    W::Input: Serialize + for<'de> Deserialize<'de>,
    W::Output: Serialize + for<'de> Deserialize<'de>,
    C: Codec,
{
    fn spawn_here(&self, path: &str) -> WorkerBridge<W> {
        match worker_loader() {
            Some(loader) => self.spawn_with_loader(&loader),
            None => self.spawn(path),
        }
    }
}
