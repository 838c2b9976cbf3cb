import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Builds host and renderer into dist/ first; build.mjs skips what is already up to date. */
export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, ['build/build.mjs'], { cwd: root, stdio: 'inherit' });
}
