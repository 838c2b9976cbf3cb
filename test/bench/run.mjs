// The benchmark runner: `npm run bench` runs every benchmark, `npm run bench -- NAME…` runs those
// whose group (the first word of a figure's name: host, start, canvas, export…), file name or full
// figure name matches. See test/bench/README.md and /work/shared/brief/targets.md.
//
// A benchmark is a file test/bench/<group>/<name>.bench.ts exporting `names` and `run()`. Each is
// bundled with esbuild and run in its own child process (its own process group), so one
// benchmark's memory, timers or leftovers never touch the next. Figures (JSON lines) pass through to
// stdout; everything else goes to stderr. The exit code is non-zero only when a benchmark crashed
// or timed out, never because a figure missed its target.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchRoot = join(root, 'test/bench');
/** Every benchmark must finish in 3 minutes (the contract); past this it is stopped as crashed. */
const HARD_TIMEOUT_MS = Number(process.env.EILAND_BENCH_TIMEOUT_MS ?? 4 * 60_000);
const CONTRACT_MS = 3 * 60_000;

const log = (line) => process.stderr.write(`${line}\n`);

/** test/bench/<group>/*.bench.ts, in a stable order; folders without benchmarks (support) are skipped. */
function discover() {
  const found = [];
  for (const entry of readdirSync(benchRoot, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    for (const file of readdirSync(join(benchRoot, entry.name)).sort()) {
      if (!file.endsWith('.bench.ts')) continue;
      found.push({ group: entry.name, stem: basename(file, '.bench.ts'), file: join(benchRoot, entry.name, file) });
    }
  }
  return found;
}

/** Bundles one benchmark with the harness that calls it; node_modules stays outside the bundle. */
async function bundle(bench, outDir) {
  const outfile = join(outDir, `${bench.group}-${bench.stem}.mjs`);
  const entry = `import * as bench from ${JSON.stringify(bench.file)};
import { runBenchmark } from ${JSON.stringify(join(benchRoot, 'support/harness.ts'))};
await runBenchmark(bench);`;
  await build({
    stdin: { contents: entry, resolveDir: benchRoot, sourcefile: `${bench.group}/${bench.stem}.entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'playwright-core', '@playwright/test', 'playwright', 'electron'],
    // Same as build/build.mjs: ESM bundles need a real require for the CommonJS code they inline.
    banner: { js: "import { createRequire as __eilandRequire } from 'node:module'; const require = __eilandRequire(import.meta.url);" },
  });
  return outfile;
}

/** Runs the bundle with --list in a child and returns the figure names it declares. */
function listNames(outfile) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [outfile, '--list'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, EILAND_ROOT: root } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolvePromise(JSON.parse(out));
      } catch (error) {
        reject(new Error(`${relative(root, outfile)} --list failed: ${error.message}`));
      }
    });
  });
}

const matches = (bench, names, arg) =>
  arg === bench.group || arg === bench.stem || arg === `${bench.group}/${bench.stem}` || (names ?? []).some((name) => name === arg || name.split('.')[0] === arg);

/** A stdout line that is a well-formed figure, or null. */
function figureOf(line) {
  try {
    const figure = JSON.parse(line);
    const ok =
      typeof figure?.name === 'string' &&
      typeof figure.value === 'number' &&
      Number.isFinite(figure.value) &&
      typeof figure.unit === 'string' &&
      (figure.baseline === undefined || (typeof figure.baseline === 'number' && Number.isFinite(figure.baseline)));
    return ok ? figure : null;
  } catch {
    return null;
  }
}

let current = null; // the running child, so a Ctrl+C of the runner stops it too

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Runs one bundled benchmark in its own process group; resolves with its outcome. */
function runOne(bench, outfile) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', outfile], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, EILAND_ROOT: root },
    });
    current = child;
    const figures = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const figure = line.startsWith('{') ? figureOf(line) : null;
      if (figure) {
        figures.push(figure);
        process.stdout.write(`${JSON.stringify(figure)}\n`);
      } else {
        // Not a figure: keep stdout clean for the tools that read it.
        log(`  [${bench.group}/${bench.stem} stdout] ${line}`);
      }
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(`  ${bench.group}/${bench.stem}: still running after ${HARD_TIMEOUT_MS / 1000} s; stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }, HARD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      // Whatever the benchmark left in its process group goes now.
      killGroup(child, 'SIGKILL');
      resolvePromise({ bench, code, signal, timedOut, figures, ms: Date.now() - started });
    });
  });
}

async function main() {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const all = discover();
  if (all.length === 0) {
    log('No benchmarks found under test/bench/<group>/*.bench.ts');
    return 0;
  }
  const cacheDir = join(root, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  // Inside the project, so the bundles find node_modules (better-sqlite3, ws, playwright).
  const outDir = mkdtempSync(join(cacheDir, 'eiland-bench-'));
  const removeOutDir = () => rmSync(outDir, { recursive: true, force: true });
  process.on('exit', removeOutDir);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (current) killGroup(current, 'SIGTERM');
      setTimeout(() => {
        if (current) killGroup(current, 'SIGKILL');
        process.exit(130);
      }, 3_000).unref();
    });
  }

  // Only when an argument is not a group or file name are the figure names needed to select.
  const quick = args.every((arg) => all.some((bench) => matches(bench, null, arg)));
  const candidates = args.length === 0 ? all : quick ? all.filter((bench) => args.some((arg) => matches(bench, null, arg))) : all;
  const bundles = new Map();
  for (const bench of candidates) bundles.set(bench, await bundle(bench, outDir));
  let selected = candidates;
  if (!quick) {
    const names = new Map();
    for (const bench of candidates) names.set(bench, await listNames(bundles.get(bench)));
    const unknown = args.filter((arg) => !candidates.some((bench) => matches(bench, names.get(bench), arg)));
    if (unknown.length > 0) {
      log(`No benchmark matches: ${unknown.join(', ')}. Known: ${[...names.values()].flat().join(', ')}`);
      return 2;
    }
    selected = candidates.filter((bench) => args.some((arg) => matches(bench, names.get(bench), arg)));
  }

  const results = [];
  for (const bench of selected) {
    log(`▶ ${bench.group}/${bench.stem}`);
    const result = await runOne(bench, bundles.get(bench));
    results.push(result);
    const verdict = result.timedOut ? 'TIMED OUT' : result.code === 0 ? 'ok' : `CRASHED (${result.signal ?? `exit ${result.code}`})`;
    const slow = result.ms > CONTRACT_MS ? ' — over the 3-minute limit' : '';
    log(`◀ ${bench.group}/${bench.stem}: ${verdict} in ${(result.ms / 1000).toFixed(1)} s${slow}`);
  }
  log('\nSummary');
  for (const { bench, figures, ms, code, timedOut } of results) {
    const state = timedOut ? 'timed out' : code === 0 ? 'ok' : 'crashed';
    log(`  ${`${bench.group}/${bench.stem}`.padEnd(24)} ${state.padEnd(9)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${figures.map((f) => `${f.name}=${f.value}`).join('  ')}`);
  }
  return results.some((result) => result.code !== 0 || result.timedOut) ? 1 : 0;
}

if (!existsSync(benchRoot)) {
  log(`${benchRoot} not found`);
  process.exit(2);
}
process.exitCode = await main();
