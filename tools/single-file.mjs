// Writes dist/active-profiles.html: the whole viewer in one HTML file that
// works when opened from disk (file://), with no server and no request.
// Run by `make dist` after `trunk build --release` (not as a trunk hook: trunk
// runs the hooks of a stage at the same time, and this one reads the
// index.html that tools/csp-hashes.mjs rewrites).
//
//   node tools/single-file.mjs [DIST_DIR]      (default: dist)
//   SINGLE_FILE_ENCODING=base64 ...            (WebAssembly not gzipped, to compare sizes)
//
// What goes in, all inline:
// - the stylesheet, in a <style>;
// - the app's wasm-bindgen glue (an ES module), its exports removed, in one
//   <script type="module"> that starts it with the app's WebAssembly bytes
//   (a module script cannot import anything by URL from file://);
// - the WebAssembly of the app and of the worker, gzipped and base64-encoded in
//   data blocks (<script type="application/octet-stream">, never executed),
//   unpacked in the browser with DecompressionStream('gzip');
// - the worker's glue (dist/worker.js, wasm-bindgen's no-modules output that
//   defines `wasm_bindgen`) in a text data block. The page puts that glue, the
//   worker's bytes and a call `wasm_bindgen({ module_or_path: bytes })` into a
//   blob: URL and leaves it in window.__activeProfilesWorker, where the app
//   (src/offline.rs) finds it and spawns its worker from it (gloo's usual shim
//   does importScripts('./worker.js'), which a page on file:// cannot).
// The page's Content-Security-Policy allows that and nothing else: its one
// script by hash, 'wasm-unsafe-eval', workers from blob:, no connection at all.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const OUT = path.join(DIST, 'active-profiles.html');
const ENCODING = process.env.SINGLE_FILE_ENCODING ?? 'gzip';
const GZIP = ENCODING === 'gzip';
/** The global that src/offline.rs reads (offline::WORKER_GLOBAL). */
const WORKER_GLOBAL = '__activeProfilesWorker';
/** Where src/worker.rs's WORKER_PATH points: trunk names a worker after its bin. */
const WORKER_JS = 'worker.js';
const WORKER_WASM = 'worker_bg.wasm';

const CSP = [
  "default-src 'none'",
  "script-src 'wasm-unsafe-eval' HASHES",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  'worker-src blob:',
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

if (!['gzip', 'base64'].includes(ENCODING)) fail(`SINGLE_FILE_ENCODING is gzip or base64, not ${ENCODING}`);

const read = (name) => readFileSync(path.join(DIST, name));

/** Replaces the one match of `pattern` in `text` (fails when there is none or more than one). */
function replaceOne(text, pattern, replacement, what) {
  const all = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
  if (all.length !== 1) fail(`index.html: expected one ${what}, found ${all.length}`);
  return text.replace(pattern, () => replacement);
}

/** Text that goes inside a <script> or <style> element must not be able to end it early. */
function inlineSafe(text, what, closing) {
  for (const bad of [`</${closing}`, '<!--', '<script']) {
    if (text.toLowerCase().includes(bad)) fail(`${what} contains "${bad}", which cannot be inlined as is`);
  }
  return text;
}

/** The WebAssembly bytes as the page carries them. */
function pack(bytes) {
  return (GZIP ? gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }) : bytes).toString('base64');
}

const index = read('index.html').toString('utf8');
const appJsName = index.match(/import init, \* as bindings from '\/?([^']+\.js)';/)?.[1];
const appWasmName = index.match(/module_or_path: '\/?([^']+_bg\.wasm)'/)?.[1];
const cssName = index.match(/<link rel="stylesheet" href="\/?([^"]+\.css)"[^>]*>/)?.[1];
if (!appJsName || !appWasmName || !cssName) fail('index.html does not name the app script, its wasm and the stylesheet as trunk writes them');

// The app's glue as a module body with nothing exported (an inline module has no importer).
let appGlue = read(appJsName).toString('utf8');
appGlue = appGlue
  .replace(/^export \{[^}]*\};?[ \t]*$/gm, '')
  .replace(/^export default [\w$]+;?[ \t]*$/gm, '')
  .replace(/^export (?=(async )?function\b|class\b|const\b|let\b|var\b)/gm, '');
if (/^\s*(import|export)\b/m.test(appGlue)) fail(`${appJsName} still imports or exports after inlining; see tools/single-file.mjs`);
if (!/\basync function __wbg_init\(/.test(appGlue)) fail(`${appJsName} has no __wbg_init (wasm-bindgen glue changed?)`);
inlineSafe(appGlue, appJsName, 'script');

const workerGlue = inlineSafe(read(WORKER_JS).toString('utf8'), WORKER_JS, 'script');
if (!/^let wasm_bindgen = /m.test(workerGlue)) fail(`${WORKER_JS} is not wasm-bindgen's no-modules glue (let wasm_bindgen = ...)`);
const css = inlineSafe(read(cssName).toString('utf8'), cssName, 'style');

// Base64 (and gzip) to the WebAssembly bytes: the page and the worker both run this.
const DECODE = `(b64, gzipped) => {
    const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return gzipped
      ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
      : Promise.resolve(bytes);
  }`;

// The page's one script: the app's glue, then this. The worker's script is its glue and a
// call that unpacks its bytes and starts it; an error is thrown again outside the promise,
// so that the page sees the worker fail (src/app.rs listens for it).
const boot = `
{
  const decode = ${DECODE};
  const text = (id) => document.getElementById(id).textContent.trim();
  const workerScript = [
    text('ap-worker-glue'),
    ${JSON.stringify(`\n;(${DECODE})("`)},
    text('ap-worker-wasm'),
    ${JSON.stringify(`", ${GZIP})\n  .then((module_or_path) => wasm_bindgen({ module_or_path }))\n  .catch((e) => setTimeout(() => { throw e; }));\n`)},
  ];
  window.${WORKER_GLOBAL} = URL.createObjectURL(new Blob(workerScript, { type: 'text/javascript' }));
  await __wbg_init({ module_or_path: await decode(text('ap-app-wasm'), ${GZIP}) });
}
`;
const script = `${appGlue}\n${boot}`;
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// The page's other inline script: index.html's check for a browser too old for the WebAssembly.
const check = index.match(/<script id="browser-check">([\s\S]*?)<\/script>/)?.[1];
if (check === undefined) fail('index.html has no <script id="browser-check">');
const hash = `${sha(script)} ${sha(check)}`;

// The page: dist/index.html with its links and loader replaced by what they load.
const dataBlock = (id, type, placeholder) => `<script type="${type}" id="${id}">${placeholder}</script>`;
let html = index;
html = replaceOne(
  html,
  /<meta http-equiv="Content-Security-Policy"\s+content="[^"]*"/,
  `<meta http-equiv="Content-Security-Policy"\n          content="${CSP.replace('HASHES', hash)}"`,
  'Content-Security-Policy meta',
);
html = replaceOne(html, /<link rel="stylesheet" href="[^"]+"[^>]*>/, '<style>@@CSS@@</style>', 'stylesheet link');
html = replaceOne(
  html,
  /<script type="module">[\s\S]*?<\/script>/,
  [
    dataBlock('ap-app-wasm', 'application/octet-stream', '@@APP_WASM@@'),
    dataBlock('ap-worker-wasm', 'application/octet-stream', '@@WORKER_WASM@@'),
    dataBlock('ap-worker-glue', 'text/plain', '@@WORKER_GLUE@@'),
    '<script type="module">@@SCRIPT@@</script>',
  ].join('\n'),
  'trunk loader script',
);
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
// Nothing in the page may point at a file or a host: it is all inline.
const left = html.match(/<[^>]*\b(src|href)=[^>]*>/);
if (left) fail(`the page still refers to a URL: ${left[0]}`);
if (/data-trunk/.test(html)) fail('index.html still has data-trunk links (not a trunk build?)');

const parts = {
  '@@CSS@@': css,
  '@@APP_WASM@@': pack(read(appWasmName)),
  '@@WORKER_WASM@@': pack(read(WORKER_WASM)),
  '@@WORKER_GLUE@@': workerGlue,
  '@@SCRIPT@@': script,
};
html = html.replace(/@@[A-Z_]+@@/g, (key) => {
  if (!(key in parts)) fail(`unknown placeholder ${key}`);
  return parts[key];
});
writeFileSync(OUT, html);
const raw = Buffer.byteLength(html);
const gz = gzipSync(html, { level: constants.Z_BEST_COMPRESSION }).length;
console.log(`single-file: ${path.relative(process.cwd(), OUT) || OUT}: ${raw} bytes (${gz} gzipped), WebAssembly ${GZIP ? 'gzip + base64' : 'base64'}`);
