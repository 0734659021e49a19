//! What the admin gave the page: files dropped or picked, whole folders walked, each with its path and first bytes.
//!
//! A dropped folder is walked through the browser's file-system entries
//! (`DataTransferItem.webkitGetAsEntry`), a picked one comes from an
//! `<input webkitdirectory>` (`File.webkitRelativePath`); either way each file
//! keeps its path inside the folder, so that `exportTime=` folders stay
//! snapshots. The first bytes of each file are read here, and the state sends
//! each file to the report its content belongs to ([`crate::profiles::route`]).

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::profiles::Given;

/// The most files a folder may hold (a folder of a whole disk dropped by mistake stops there).
pub const MAX_FILES: usize = 100_000;

/// The entries of a drop, taken while the event lasts (the browser forgets them after it).
pub fn drop_entries(transfer: &web_sys::DataTransfer) -> Vec<JsValue> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .map(JsValue::from)
        .collect()
}

/// The files under the dropped entries, each with its path (`folder/exportTime=…/part-00000.json`), in path order.
pub async fn walk(entries: Vec<JsValue>) -> Vec<(web_sys::File, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<JsValue> = entries.into_iter().rev().collect();
    while let Some(entry) = stack.pop() {
        if out.len() >= MAX_FILES {
            break;
        }
        let path = prop(&entry, "fullPath").as_string().unwrap_or_default().trim_start_matches('/').to_string();
        if prop(&entry, "isDirectory").as_bool() == Some(true) {
            let mut children = read_directory(&entry).await;
            children.sort_by_key(|c| prop(c, "name").as_string().unwrap_or_default());
            stack.extend(children.into_iter().rev());
        } else if let Some(file) = entry_file(&entry).await {
            let path = if path.is_empty() { file.name() } else { path };
            out.push((file, path));
        }
    }
    out
}

/// The files of a picker, each with its path inside a picked folder (`webkitRelativePath`), else its
/// name; a folder's files in path order (the browser lists them in the disk's order).
pub fn picked(list: web_sys::FileList) -> Vec<(web_sys::File, String)> {
    let mut files: Vec<(web_sys::File, String)> = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| {
            let relative = prop(&file, "webkitRelativePath").as_string().filter(|p| !p.is_empty());
            let path = relative.unwrap_or_else(|| file.name());
            (file, path)
        })
        .collect();
    if files.iter().any(|(file, path)| *path != file.name()) {
        files.sort_by(|a, b| a.1.cmp(&b.1));
    }
    files
}

/// Reads the first bytes of each file (a file that cannot be read gets none: its report says why).
pub async fn with_heads(files: Vec<(web_sys::File, String)>) -> Vec<Given> {
    let mut out = Vec::with_capacity(files.len());
    for (file, path) in files {
        let blob = gloo::file::Blob::from(web_sys::Blob::from(file.clone()));
        let end = crate::aep::HEAD_BYTES.min(blob.size());
        let head = gloo::file::futures::read_as_bytes(&blob.slice(0, end)).await.unwrap_or_default();
        out.push(Given { file, path, head });
    }
    out
}

fn prop(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `method` of `target` with a success and an error callback, as a promise of the success's value.
fn callback_promise(target: &JsValue, method: &str) -> Promise {
    let target = target.clone();
    let method = prop(&target, method).dyn_into::<Function>().ok();
    Promise::new(&mut |resolve, reject| match &method {
        Some(method) => {
            let _ = method.call2(&target, &resolve, &reject);
        }
        None => {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("not supported"));
        }
    })
}

/// A file entry's file.
async fn entry_file(entry: &JsValue) -> Option<web_sys::File> {
    JsFuture::from(callback_promise(entry, "file")).await.ok()?.dyn_into().ok()
}

/// Every entry of a directory (the browser gives them in batches, until an empty one).
async fn read_directory(entry: &JsValue) -> Vec<JsValue> {
    let Some(reader) = prop(entry, "createReader").dyn_into::<Function>().ok().and_then(|f| f.call0(entry).ok()) else {
        return Vec::new();
    };
    let mut all = Vec::new();
    loop {
        let Ok(batch) = JsFuture::from(callback_promise(&reader, "readEntries")).await else { break };
        let batch = Array::from(&batch);
        if batch.length() == 0 || all.len() >= MAX_FILES {
            break;
        }
        all.extend(batch.iter());
    }
    all
}
