// A CPU profile of the counting worker while the viewer counts one export: where the worker's time goes.
//
//   node bench/browser/profile.mjs [FILE]        (after `make dist`; FILE default target/bench/export-3000000.csv)
//
// What it does:
//   1. copies dist/ to target/dist-prof/ and puts there a worker_bg.wasm that keeps its function
//      names: the same wasm-bindgen output that trunk optimised (target/wasm-bindgen/release/
//      worker_bg.wasm), run through the same `wasm-opt -O3` with `-g` (names kept, the code the same);
//      PROFILE_NAMES=0 keeps dist's own (then functions show as wasm-function[N]); PROFILE_WASM=path
//      profiles that worker_bg.wasm instead (a variant built by hand, with its names: `wasm-opt -O3 -g`);
//   2. opens the viewer with ?workers=1 in headless Chromium, sets the as-of date, waits for the
//      worker to warm up (PROFILE_PICK_AFTER_MS, default 3000), attaches to the worker through the
//      Chrome DevTools Protocol (the page's session: Target.setAutoAttach, messages to the worker
//      through Target.sendMessageToTarget), starts V8's sampling profiler (Profiler.start, a sample
//      every PROFILE_INTERVAL_US microseconds, default 200), picks FILE, and stops the profiler when
//      the report is painted;
//   3. prints the functions with the most self time (PROFILE_TOP lines, default 40) with their share
//      of the worker's samples, then the total (self and callees) time of a few stages (functions
//      whose name contains one of PROFILE_STAGES, comma-separated; a default list of the engine's),
//      and writes the profile to target/profile/worker-<time>.cpuprofile (open it in DevTools'
//      Performance panel, or in speedscope).
// The wall time and the tab's CPU seconds of the run are printed too, but a profiled run is slower
// than `bench/browser/run.mjs`'s: use that one for before/after figures.

import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, serve } from '../../e2e/harness.mjs';
import { inFreshBrowser, timePick, say, fmt, setAsOf } from './common.mjs';

const env = process.env;
const FILE = path.resolve(ROOT, process.argv[2] || 'target/bench/export-3000000.csv');
const AS_OF = env.BENCH_AS_OF || '2026-10-24';
const PICK_AFTER_MS = Number(env.PROFILE_PICK_AFTER_MS ?? 3000);
const INTERVAL_US = Number(env.PROFILE_INTERVAL_US ?? 200);
const TOP = Number(env.PROFILE_TOP ?? 40);
const NAMES = env.PROFILE_NAMES !== '0';
const STAGES = (env.PROFILE_STAGES ||
  'Counter::push,Counter::feed,Decoder::push,from_utf8,CsvReader::parse,plain_record,csv_core,Engine::record,' +
  'date::parse,resolve,ValueCache,Profiles::flush,profiles::,Activity,hash,memchr,Progress::advance,read_slices,' +
  'read_as_bytes,Uint8Array,to_vec,memcpy,dlmalloc,__wbg')
  .split(',').map((s) => s.trim()).filter(Boolean);

const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'target', 'dist-prof');

if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run make dist');
if (!existsSync(FILE)) throw new Error(`${FILE} is missing (bench/browser/run.mjs generates target/bench/export-N.csv)`);

// 1. The viewer, its worker with names.
rmSync(OUT, { recursive: true, force: true });
cpSync(DIST, OUT, { recursive: true });
if (env.PROFILE_WASM) {
  cpSync(path.resolve(ROOT, env.PROFILE_WASM), path.join(OUT, 'worker_bg.wasm'));
} else if (NAMES) {
  const bindgen = path.join(ROOT, 'target', 'wasm-bindgen', 'release', 'worker_bg.wasm');
  if (!existsSync(bindgen) || statSync(bindgen).mtimeMs < statSync(path.join(DIST, 'worker_bg.wasm')).mtimeMs - 600_000) {
    throw new Error(`${bindgen} is missing or older than dist's worker: run make dist`);
  }
  const wasmOpt = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  execFileSync(wasmOpt, ['-O3', '-g', bindgen, '-o', path.join(OUT, 'worker_bg.wasm')], { stdio: 'inherit' });
  say(`worker with names: ${fmt(statSync(path.join(OUT, 'worker_bg.wasm')).size / 1e6, 1)} MB (dist's ${fmt(statSync(path.join(DIST, 'worker_bg.wasm')).size / 1e6, 1)} MB)`);
}

// 2. The run, profiled.
const viewer = await serve(OUT);
let profile;
let run;
try {
  run = await inFreshBrowser(viewer.url, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    const workers = [];
    const pending = new Map();
    let nextId = 1;
    cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      if (targetInfo.type === 'worker') workers.push({ sessionId, targetInfo });
    });
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const m = JSON.parse(message);
      const waiting = m.id !== undefined && pending.get(m.id);
      if (!waiting) return;
      pending.delete(m.id);
      if (m.error) waiting.reject(new Error(`${waiting.method}: ${m.error.message}`));
      else waiting.resolve(m.result);
    });
    /** Sends a command to the worker's own session (the page's session carries it). */
    const toWorker = (sessionId, method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, method });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

    const url = `${viewer.url}?workers=1`;
    await page.goto(url);
    await page.waitForSelector('[data-testid=report-ready]', { state: 'attached', timeout: 60_000 });
    await setAsOf(page, AS_OF);
    // The worker is spawned a second after the page opens; wait for it, then for its warm-up.
    const deadline = Date.now() + 30_000;
    while (workers.length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    if (workers.length !== 1) throw new Error(`expected one worker, found ${workers.length}`);
    const worker = workers[0].sessionId;
    await toWorker(worker, 'Profiler.enable');
    await toWorker(worker, 'Profiler.setSamplingInterval', { interval: INTERVAL_US });
    // timePick waits PICK_AFTER_MS before it picks; the profiler starts when the wait is over.
    const started = page.waitForTimeout(PICK_AFTER_MS - 50).then(() => toWorker(worker, 'Profiler.start'));
    const picked = await timePick(page, FILE, { ready: 'report-ready', progress: 'progress-text', pickAfterMs: PICK_AFTER_MS });
    await started;
    profile = (await toWorker(worker, 'Profiler.stop')).profile;
    if (picked.error) throw new Error(picked.error);
    return picked;
  });
} finally {
  await viewer.close();
}

// 3. Where the time went.
const outDir = path.join(ROOT, 'target', 'profile');
mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `worker-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
writeFileSync(out, JSON.stringify(profile));

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); // node id -> microseconds
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const nameOf = (n) => {
  const f = n.callFrame;
  return f.functionName || (f.url ? `(anonymous ${path.basename(f.url)}:${f.lineNumber})` : '(anonymous)');
};
const idle = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const bySelf = new Map();
for (const [id, us] of self) bySelf.set(nameOf(nodes.get(id)), (bySelf.get(nameOf(nodes.get(id))) ?? 0) + us);
const busy = [...bySelf].filter(([name]) => !idle.has(name)).reduce((a, [, us]) => a + us, 0);
const pct = (us, of = total) => `${fmt((100 * us) / of, 1).padStart(5)} %`;

say(`\n== ${path.basename(FILE)}: picked to painted ${fmt(run.seconds)} s, tab CPU ${fmt(run.mem.cpu)} s (profiled: slower than bench/browser/run.mjs)`);
say(`   worker samples: ${fmt(total / 1e6)} s, of which busy ${fmt(busy / 1e6)} s; ` +
  [...idle].map((n) => `${n} ${fmt((bySelf.get(n) ?? 0) / 1e6)} s`).join(', '));
say(`   profile written to ${path.relative(ROOT, out)}`);
say(`\n== self time (share of the busy samples)`);
for (const [name, us] of [...bySelf].filter(([n]) => !idle.has(n)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  say(`   ${pct(us, busy)}  ${fmt(us / 1e6, 3).padStart(7)} s  ${name.slice(0, 140)}`);
}

// Total time of a stage: the samples with a frame on their stack whose name contains it (counted once a sample).
say(`\n== total time (self and callees) of functions whose name contains:`);
for (const stage of STAGES) {
  let us = 0;
  for (const [id, t] of self) {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (nameOf(nodes.get(at)).includes(stage)) {
        us += t;
        break;
      }
    }
  }
  if (us > 0) say(`   ${pct(us, busy)}  ${fmt(us / 1e6, 3).padStart(7)} s  ${stage}`);
}

// Over time: the worker's busy share and its busiest function, PROFILE_BUCKET_MS at a time (default 250).
const BUCKET_US = Number(env.PROFILE_BUCKET_MS ?? 250) * 1000;
say(`\n== over time (from the profiler's start): busy share, and the function with the most self time`);
let at = 0;
const buckets = [];
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  const b = (buckets[Math.floor(at / BUCKET_US)] ??= { busy: 0, all: 0, names: new Map() });
  const name = nameOf(nodes.get(id));
  const us = profile.timeDeltas[i + 1] ?? 0;
  b.all += us;
  if (!idle.has(name)) {
    b.busy += us;
    b.names.set(name, (b.names.get(name) ?? 0) + us);
  }
});
buckets.forEach((b, i) => {
  if (!b) return;
  const [top, us] = [...b.names].sort((x, y) => y[1] - x[1])[0] ?? ['-', 0];
  say(`   ${fmt((i * BUCKET_US) / 1e6, 2).padStart(6)} s  busy ${pct(b.busy, b.all || 1)}  ${top.slice(0, 70)} (${pct(us, b.busy || 1).trim()})`);
});
