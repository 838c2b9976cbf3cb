import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliBundle {
  file: string;
  remove(): void;
}

/**
 * Bundles the programme lead's command line (electron/host/cli.ts) as the build does. Inside the
 * project, so the bundle finds node_modules (better-sqlite3, fonts) as dist/ does.
 */
export async function buildCliBundle(): Promise<CliBundle> {
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'eiland-cli-test-'));
  const file = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'electron/host/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: file,
    logLevel: 'warning',
    external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __eilandRequire } from 'node:module'; const require = __eilandRequire(import.meta.url);" },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The tests always say --data; a data folder set in the developer's shell must not leak in. */
export function withoutDataEnv(): NodeJS.ProcessEnv {
  const { EILAND_DATA: _ignored, ...env } = process.env;
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line without blocking this process, so a host driven from here keeps going meanwhile. */
export function runCli(bundle: string, ...args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, [bundle, ...args], { env: withoutDataEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}
