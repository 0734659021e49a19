// The DuckDB-Wasm side of `make bench-browser`, loaded by duckdb.html.
//
// On load it starts DuckDB-Wasm in its worker (the bundle that selectBundle picks
// for this browser: `eh`, WebAssembly exceptions, one thread) and says so in
// `window.duckdbReady`. The Node driver (run.mjs) then calls `window.armDuckdb`
// with the SQL statements and picks the file with setInputFiles. From the input's
// `change` event to the last statement's result is the time it reports, measured
// here with performance.now() so that the driver's polling does not count.

import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const DIST = '/node_modules/@duckdb/duckdb-wasm/dist/';
const BUNDLES = {
  mvp: { mainModule: `${DIST}duckdb-mvp.wasm`, mainWorker: `${DIST}duckdb-browser-mvp.worker.js` },
  eh: { mainModule: `${DIST}duckdb-eh.wasm`, mainWorker: `${DIST}duckdb-browser-eh.worker.js` },
};

const status = document.querySelector('[data-testid=status]');
const input = document.querySelector('[data-testid=csv-file]');

async function start() {
  const started = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker);
  // A worker that dies (out of memory, a trap) never answers the pending query: report it as the run's result.
  worker.addEventListener('error', (e) => {
    window.duckdbResult ??= { ms: performance.now() - (window.duckdbPicked ?? 0), error: `DuckDB's worker stopped: ${e.message ?? e}` };
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const version = await db.getVersion();
  const bundleName = bundle.mainModule.endsWith('-eh.wasm') ? 'eh' : 'mvp';
  window.duckdbReady = { version, bundle: bundleName, startMs: performance.now() - started };
  status.textContent = `DuckDB ${version} (${bundleName}) ready; pick a file`;
  return db;
}

const dbPromise = start().catch((e) => {
  window.duckdbReady = { error: String(e?.stack ?? e) };
  status.textContent = `DuckDB-Wasm did not start: ${e}`;
  throw e;
});

/**
 * Arms one run: when files are picked, each is registered under its name in
 * `names` (read by DuckDB through FileReaderSync in its worker, never copied
 * whole), then `statements` run in order and the rows of the last one are the
 * result: window.duckdbResult = { ms, rows } or { ms, error }.
 */
window.armDuckdb = (names, statements) => {
  window.duckdbResult = undefined;
  input.addEventListener(
    'change',
    async () => {
      const t0 = performance.now();
      window.duckdbPicked = t0;
      try {
        const db = await dbPromise;
        for (const [i, name] of [names].flat().entries()) {
          await db.registerFileHandle(name, input.files[i], duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
        }
        const conn = await db.connect();
        let table;
        for (const sql of statements) table = await conn.query(sql);
        const rows = table.toArray().map((row) => row.toJSON());
        const ms = performance.now() - t0;
        await conn.close();
        window.duckdbResult ??= { ms, rows: JSON.parse(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v))) };
      } catch (e) {
        window.duckdbResult ??= { ms: performance.now() - t0, error: String(e?.message ?? e) };
      }
      status.textContent = JSON.stringify(window.duckdbResult);
    },
    { once: true },
  );
};
