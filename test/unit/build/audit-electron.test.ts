/**
 * The Electronegativity audit (build/audit-electron.mjs) on the shell as it is now: run for real,
 * on a copy of electron/shell and freshly bundled dist/electron files, with the network switched
 * off. Every finding must be fixed or accepted with a reason; a window made insecure on purpose
 * must be caught, so the audit cannot pass by finding nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error build scripts are plain .mjs without type declarations
import * as auditModule from '../../../build/audit-electron.mjs';
// @ts-expect-error build scripts are plain .mjs without type declarations
import * as acceptedModule from '../../../build/audit-electron-accepted.mjs';

interface Issue {
  id: string;
  file: string;
  line: number;
}
const { audit, isAccepted, refusedRequests } = auditModule as {
  audit(options: { base: string }): Promise<{ checks: number; issues: Issue[]; electronVersion: string }>;
  isAccepted(issue: Issue): boolean;
  refusedRequests: string[];
};
const { ACCEPTED } = acceptedModule as { ACCEPTED: { check: string; file: RegExp; reason: string }[] };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A copy of the project's shell, sources and bundles, as `npm run audit:electron` sees it after a build. */
async function copyOfShell(extra: Record<string, string> = {}): Promise<string> {
  const base = mkdtempSync(join(tmpdir(), 'eiland-audit-base-'));
  mkdirSync(join(base, 'electron/shell'), { recursive: true });
  for (const name of readdirSync(join(root, 'electron/shell'))) copyFileSync(join(root, 'electron/shell', name), join(base, 'electron/shell', name));
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(base, path), text);
  const bundle: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', external: ['electron', 'better-sqlite3'] };
  await build({ ...bundle, entryPoints: [join(root, 'electron/shell/main.ts')], outfile: join(base, 'dist/electron/shell.cjs') });
  await build({ ...bundle, entryPoints: [join(root, 'electron/shell/preload.ts')], outfile: join(base, 'dist/electron/preload.cjs') });
  return base;
}

describe('npm run audit:electron', () => {
  let base: string;
  let result: Awaited<ReturnType<typeof audit>>;

  beforeAll(async () => {
    base = await copyOfShell();
    result = await audit({ base });
  }, 60_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('runs all its checks on the installed Electron', () => {
    expect(result.checks).toBeGreaterThan(30);
    expect(result.electronVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('finds nothing that is neither fixed nor accepted with a reason', () => {
    const open = result.issues.filter((issue) => !isAccepted(issue)).map((issue) => `${issue.id} ${issue.file}:${issue.line}`);
    expect(open).toEqual([]);
    for (const entry of ACCEPTED) expect(entry.reason.length, entry.check).toBeGreaterThan(80);
  });

  it('no longer finds the isolation and sandbox it once could not see', () => {
    expect(result.issues.map((issue) => issue.id)).not.toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(result.issues.map((issue) => issue.id)).not.toContain('SANDBOX_JS_CHECK');
  });

  it('never reaches the network: its requests are answered locally and sockets refuse to connect', async () => {
    // Its translations download was answered here; the Electron releases check never ran.
    expect(refusedRequests.some((url) => url.includes('electronegativity-i18n'))).toBe(true);
    expect(refusedRequests.every((url) => !url.includes('electron/releases'))).toBe(true);
    const attempt = new Promise((done, fail) => {
      const call = request('http://example.org/', () => done('connected'));
      call.on('error', fail);
      call.end();
    });
    await expect(attempt).rejects.toThrow(/network access is switched off/);
  });
});

describe('the audit catches an insecure window', () => {
  it('reports node integration and no isolation as open findings', async () => {
    const base = await copyOfShell({
      'electron/shell/bad-window.ts':
        "import { BrowserWindow } from 'electron';\nexport const bad = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    });
    try {
      const { issues } = await audit({ base });
      const open = issues.filter((issue) => !isAccepted(issue)).map((issue) => issue.id);
      expect(open).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 60_000);
});
