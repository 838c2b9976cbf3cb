import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), info.mtimeMs);
}

/** How build/build.mjs bundles the host's programs for Node (without its code splitting). */
export const HOST_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'],
  // ESM bundles need a real require for the CommonJS dependencies they inline.
  banner: { js: "import { createRequire as __eilandRequire } from 'node:module'; const require = __eilandRequire(import.meta.url);" },
} as const;

let pending: Promise<string> | null = null;

/**
 * The export worker (electron/host/jobs/worker.ts) bundled as build/build.mjs bundles it, for
 * hosts started inside a test process (host-harness.ts): the worker is a thread that loads a file,
 * so it needs the built program, not the TypeScript. Built once per change of the host's or
 * shared sources and kept in node_modules/.cache (where its createRequire finds better-sqlite3),
 * so the test files of one run share one build.
 */
export function exportWorkerBundle(): Promise<string> {
  pending ??= (async () => {
    const key = createHash('sha256')
      .update(`${root}:${Math.max(newestMtime(join(root, 'electron/host')), newestMtime(join(root, 'shared')))}`)
      .digest('hex')
      .slice(0, 16);
    const cache = join(root, 'node_modules', '.cache');
    const dir = join(cache, `eiland-export-worker-${key}`);
    const file = join(dir, 'export-worker.mjs');
    if (existsSync(file)) return file;
    mkdirSync(cache, { recursive: true });
    const building = mkdtempSync(join(cache, 'eiland-export-worker-building-'));
    await build({ ...HOST_BUNDLE_OPTIONS, external: [...HOST_BUNDLE_OPTIONS.external], entryPoints: [join(root, 'electron/host/jobs/worker.ts')], outfile: join(building, 'export-worker.mjs') });
    try {
      renameSync(building, dir);
    } catch {
      // Another test file built the same version at the same moment: use that one.
      rmSync(building, { recursive: true, force: true });
    }
    return file;
  })();
  return pending;
}
