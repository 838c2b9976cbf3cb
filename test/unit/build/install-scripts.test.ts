import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * npm 11 runs a dependency's install script only when package.json's `allowScripts` says so, and
 * warns on every install about each one it does not mention. package-lock.json records which
 * packages have an install script (`hasInstallScript`), so a dependency added later that wants one
 * shows up here before anyone sees the warning.
 */
interface LockFile {
  packages: Record<string, { name?: string; hasInstallScript?: boolean }>;
}
type Policy = Record<string, boolean>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** "node_modules/a/node_modules/@s/b" → "@s/b"; an aliased package carries its real name. */
function packageName(path: string, entry: { name?: string }): string {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** "esbuild", "esbuild@0.28.2", "@scope/pkg@1.0.0 || 1.0.1" → the package name. */
function policyName(key: string): string {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  return at === -1 ? key : key.slice(0, at);
}

function withInstallScript(lock: LockFile): string[] {
  const names = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
    .map(([path, entry]) => packageName(path, entry));
  return [...new Set(names)].sort();
}

/** Packages that want an install script the policy does not mention, allowed or denied. */
function uncovered(lock: LockFile, policy: Policy): string[] {
  const mentioned = new Set(Object.keys(policy).map(policyName));
  return withInstallScript(lock).filter((name) => !mentioned.has(name));
}

/** Policy entries for packages that no longer have an install script (npm install-scripts prune). */
function stale(lock: LockFile, policy: Policy): string[] {
  const wanted = new Set(withInstallScript(lock));
  return Object.keys(policy).filter((key) => !wanted.has(policyName(key)));
}

describe('install scripts', () => {
  const lock = readJson('package-lock.json') as LockFile;
  const manifest = readJson('package.json') as { allowScripts?: Policy };
  const policy = manifest.allowScripts ?? {};

  it('mentions in allowScripts every package of the lock file that has an install script', () => {
    expect(Object.keys(policy).length, 'package.json has no allowScripts').toBeGreaterThan(0);
    expect(uncovered(lock, policy), 'add these to allowScripts in package.json (false unless the script is needed)').toEqual([]);
  });

  it('keeps no entry for a package without an install script', () => {
    expect(stale(lock, policy)).toEqual([]);
  });

  it('runs none of the four scripts: none of them is needed to build, test or run Eiland', () => {
    expect(policy).toEqual({ 'better-sqlite3': false, 'electron-winstaller': false, 'es5-ext': false, esbuild: false });
  });

  it('catches a dependency added later that wants an install script', () => {
    const later: LockFile = {
      packages: {
        ...lock.packages,
        'node_modules/sharp': { hasInstallScript: true },
        'node_modules/x/node_modules/@scope/native': { hasInstallScript: true },
        'node_modules/alias': { name: 'real-name', hasInstallScript: true },
      },
    };
    expect(uncovered(later, policy)).toEqual(['@scope/native', 'real-name', 'sharp']);
    expect(uncovered(later, { ...policy, 'sharp@0.34.1': true, '@scope/native': false, 'real-name@1.0.0 || 1.0.1': true })).toEqual([]);
  });

  it('reads package names from pinned, scoped and bare policy keys', () => {
    expect(['esbuild', 'esbuild@0.28.2', '@scope/pkg', '@scope/pkg@1.0.0 || 1.0.1'].map(policyName)).toEqual([
      'esbuild',
      'esbuild',
      '@scope/pkg',
      '@scope/pkg',
    ]);
  });
});
