//! Entry point of the counting web worker (built by trunk as `worker.js`).

use active_profiles_app::protocol::StructuredClone;
use active_profiles_app::worker::CountWorker;
use gloo::worker::Registrable;

fn main() {
    CountWorker::registrar().encoding::<StructuredClone>().register();
}
