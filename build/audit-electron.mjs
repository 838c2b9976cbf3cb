// Security audit of the Electron shell with Electronegativity (Doyensec), fully offline:
//   npm run audit:electron            (after node build/build.mjs)
// It checks the built shell and preload (dist/electron/*.cjs), the shell's TypeScript sources
// (electron/shell) and the HTML pages the windows load (dist/renderer/*.html), and fails on any
// finding that is not fixed and not listed, with its reason, in build/audit-electron-accepted.mjs
// (the README's "Security" section explains each one).
//
// Never on the network. Electronegativity reaches out twice: its translations (fetched from S3 at
// every start, even with the CLI) and the list of Electron releases for the check
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (CLI flag `-x AvailableSecurityFixesGlobalCheck`). Here that
// check is excluded, its HTTP client `got` is replaced by one that answers "not found" without
// connecting, and every socket connect in this process throws, so nothing can slip out.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCEPTED } from './audit-electron-accepted.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Requests Electronegativity tried to make; each was answered locally. */
export const refusedRequests = [];

/** Makes this process unable to open any network connection, and Electronegativity's HTTP client a local stub. */
export function goOffline() {
  if (Module._load.name === 'loadOffline') return;
  net.Socket.prototype.connect = function refuseConnect() {
    throw new Error('Eiland audit: network access is switched off');
  };
  const offlineGot = (url) => {
    refusedRequests.push(String(url));
    return Promise.resolve({ statusCode: 404, body: '{}', headers: {} });
  };
  offlineGot.head = (url) => {
    refusedRequests.push(String(url));
    return Promise.reject(new Error('Eiland audit: offline'));
  };
  offlineGot.get = offlineGot;
  // Electronegativity parses TypeScript with typescript-estree 4, which npm hoisted next to the
  // project's TypeScript 7 (no JavaScript API). Give it the TypeScript 4 Electronegativity ships.
  const ownTypeScript = createRequire(require.resolve('@doyensec/electronegativity/package.json')).resolve('typescript');
  const load = Module._load;
  Module._load = function loadOffline(request, parent, ...rest) {
    if (request === 'got') return offlineGot;
    if (request === 'typescript' && /[\\/](@typescript-eslint|tsutils)[\\/]/.test(parent?.filename ?? '')) return load.call(this, ownTypeScript, parent, ...rest);
    return load.call(this, request, parent, ...rest);
  };
}

/** Copies what is audited into a fresh folder, so Electronegativity sees exactly that and nothing else. */
export function stageInput(base = root) {
  const stage = mkdtempSync(join(tmpdir(), 'eiland-audit-'));
  const copy = (from) => {
    const to = join(stage, relative(base, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  const pick = (dir, pattern) => (existsSync(join(base, dir)) ? readdirSync(join(base, dir)).filter((name) => pattern.test(name)).map((name) => join(base, dir, name)) : []);
  const built = pick('dist/electron', /\.cjs$/);
  if (built.length === 0) throw new Error('Eiland audit: dist/electron is empty. Run `node build/build.mjs` first.');
  for (const file of [...built, ...pick('electron/shell', /\.ts$/), ...pick('dist/renderer', /\.html$/)]) copy(file);
  return stage;
}

/** Whether a finding is one we decided to accept (check id and file as listed). */
export function isAccepted(issue) {
  return ACCEPTED.some((entry) => entry.check === issue.id && entry.file.test(issue.file));
}

/**
 * Runs Electronegativity on what `base` holds (the project, or a test's copy of it) for the
 * installed Electron version, and returns every finding (accepted or not) as plain data.
 */
export async function audit({ base = root } = {}) {
  goOffline();
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const stage = stageInput(base);
  try {
    const result = await run(
      {
        input: stage,
        isRelative: true,
        isVerbose: false,
        customScan: [],
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.replaceAll('\\', '/'),
      line: issue.location?.line ?? 0,
      severity: issue.severity?.name ?? '',
      manualReview: Boolean(issue.manualReview),
    }));
    return { electronVersion, checks: result.globalChecks + result.atomicChecks, errors: result.errors, issues };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await audit();
  const open = report.issues.filter((issue) => !isAccepted(issue));
  console.log(`Electronegativity: ${report.checks} checks on Electron ${report.electronVersion}, offline (${refusedRequests.length} requests answered locally).`);
  for (const issue of report.issues) {
    const mark = isAccepted(issue) ? 'accepted' : 'OPEN    ';
    console.log(`  ${mark} ${issue.id.padEnd(40)} ${issue.severity.padEnd(8)} ${issue.file}:${issue.line}`);
  }
  for (const error of report.errors.filter((entry) => !entry.tolerable)) console.log(`  could not parse ${error.file}: ${error.message}`);
  if (open.length > 0) {
    console.error(`Electronegativity: ${open.length} finding(s) neither fixed nor accepted in build/audit-electron-accepted.mjs.`);
    process.exit(1);
  }
  console.log('Electronegativity: every finding is fixed or accepted with a reason.');
}
