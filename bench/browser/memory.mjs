// Memory of the Chromium that this Node process launched, read from /proc.
//
// Why /proc and not the DevTools protocol: Performance.getMetrics (JSHeapUsedSize)
// and performance.memory see only the JavaScript heap of the page's main thread.
// The counting happens in a dedicated worker, whose V8 heap and WebAssembly memory
// (the engine's tables, DuckDB's buffers) are not in that figure. A dedicated
// worker runs as a thread of its page's renderer process, so the renderer's
// resident set (VmRSS) holds all of it: the page, its workers, their wasm
// memories (only the pages actually touched, not the 4 GiB reservation) and the
// slices of the file being read. That is "the tab's memory" here.
//
// Beside it, `all` is the proportional set size (Pss, shared pages divided among
// the processes that map them) summed over every process of this Chromium
// (browser, zygotes, GPU, network and storage services, renderers): the whole
// browser's footprint, including the browser process that serves the file's
// blob to the renderer. Each launch in run.mjs opens one page, so the renderers
// of this Chromium are that page's (plus at most a spare one).
//
// Each sample also holds the CPU time (user + system) the renderers have used so
// far: on a shared machine, the CPU seconds a run got beside its wall-clock seconds
// tell how much it waited for a core.

import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Every process id that descends from `root` (found through /proc/PID/stat's parent id). */
function descendants(root) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the parent id is the 2nd field after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const wanted = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (wanted.has(ppid) && !wanted.has(pid)) {
        wanted.add(pid);
        found.push(pid);
        grew = true;
      }
    }
  }
  return found;
}

/** A number (kB) of a "Name:   1234 kB" line in a /proc status-like file; 0 when absent. */
function field(text, name) {
  const m = text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : 0;
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat (fields 14 and 15). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * One sample: { renderer: KiB (VmRSS of the renderers), all: KiB (Pss of every Chromium process),
 * renderers: count, cpu: CPU seconds the renderers have used }.
 */
export function sampleChromium(root = process.pid) {
  let renderer = 0;
  let all = 0;
  let renderers = 0;
  let cpu = 0;
  for (const pid of descendants(root)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chrom')) continue; // not a Chromium process (e.g. the command line tool)
      all += field(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
      if (cmdline.includes('--type=renderer')) {
        renderer += field(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
        renderers += 1;
        cpu += cpuSeconds(pid);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return { renderer, all, renderers, cpu };
}

/**
 * Samples every `everyMs` until stop() is called; stop() resolves to
 * { baseline, peak, cpu, samples: [{ ms, renderer, all }] }, `ms` counted from start.
 * `baseline` is a sample taken at start (before the file is picked); `cpu` is the CPU
 * seconds the renderers used from start to stop.
 */
export function startSampling(everyMs = 100) {
  const started = Date.now();
  const baseline = sampleChromium();
  const samples = [{ ms: 0, ...baseline }];
  const timer = setInterval(() => samples.push({ ms: Date.now() - started, ...sampleChromium() }), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push({ ms: Date.now() - started, ...sampleChromium() });
      const cpu = samples[samples.length - 1].cpu - baseline.cpu;
      const peak = {
        renderer: Math.max(...samples.map((s) => s.renderer)),
        all: Math.max(...samples.map((s) => s.all)),
      };
      return { baseline, peak, cpu, samples };
    },
  };
}

/** About `count` samples evenly spread over the run (first and last included), for printing. */
export function spread(samples, count = 12) {
  if (samples.length <= count) return samples;
  const out = [];
  for (let i = 0; i < count; i++) out.push(samples[Math.round((i * (samples.length - 1)) / (count - 1))]);
  return out;
}

export const mib = (kib) => kib / 1024;
