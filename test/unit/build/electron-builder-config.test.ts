/**
 * The packaging configuration, checked with electron-builder's own code where it can run here:
 * its schema validation and its file matcher. Packaging itself needs Electron downloads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

interface TargetList {
  target: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  npmRebuild: boolean;
  win: TargetList & { icon: string };
  mac: TargetList & { category: string; icon: string };
  linux: TargetList & { category: string; maintainer: string; icon: string };
  fileAssociations: { ext: string; name: string; description: string; role: string; mimeType: string }[];
}

const config = require(join(root, 'build/electron-builder.config.cjs')) as BuilderConfig;

type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface FileMatcherClass {
  new (from: string, to: string, expand: (pattern: string) => string, patterns: string[]): { createFilter(): Filter };
}
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as { FileMatcher: FileMatcherClass };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const asFile = { isDirectory: () => false };

/** Whether electron-builder would copy a project file (app files use `files` as written). */
function shipsAppFile(relativePath: string): boolean {
  const filter = new FileMatcher(root, '/out', (pattern) => pattern, config.files).createFilter();
  return filter(join(root, relativePath), asFile);
}

/** Whether electron-builder would copy a file of a production dependency (only `!` patterns apply). */
function shipsModuleFile(relativePath: string): boolean {
  const excludes = config.files.filter((pattern) => pattern.startsWith('!'));
  const filter = new FileMatcher(root, '/out', (pattern) => pattern, ['**/*', ...excludes]).createFilter();
  return filter(join(root, relativePath), asFile);
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder itself', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and its folders', () => {
    expect(config.appId).toBe('nl.eiland.app');
    expect(config.productName).toBe('Eiland');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build/resources' });
  });

  it('starts the built shell, like package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.extraMetadata.main).toBe('dist/electron/shell.cjs');
    expect(pkg.main).toBe(config.extraMetadata.main);
  });

  it('builds all five targets', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('ships the built app and package.json', () => {
    expect(shipsAppFile('dist/electron/shell.cjs')).toBe(true);
    expect(shipsAppFile('dist/electron/preload.cjs')).toBe(true);
    expect(shipsAppFile('dist/host/main.mjs')).toBe(true);
    // The host starts its export worker from beside main.mjs, and both load the shared chunks.
    expect(shipsAppFile('dist/host/export-worker.mjs')).toBe(true);
    expect(shipsAppFile('dist/host/chunks/chunk-ABC123.mjs')).toBe(true);
    expect(shipsAppFile('dist/renderer/index.html')).toBe(true);
    expect(shipsAppFile('package.json')).toBe(true);
  });

  it('never ships source maps, sources, tests, CI or docs', () => {
    for (const path of [
      'dist/electron/shell.cjs.map',
      'dist/host/main.mjs.map',
      'electron/shell/main.ts',
      'shared/ipc.ts',
      'renderer/src/main.tsx',
      'src/index.ts',
      'test/unit/shared/ipc.test.ts',
      '.ci/run',
      'docs/design.md',
      'build/start.mjs',
      'vitest.config.ts',
    ]) {
      expect(shipsAppFile(path), path).toBe(false);
    }
  });

  it('ships nothing of the project but package.json and the built app without maps', () => {
    // Every file in the working tree (what a packager run would see), plus what a build puts in dist/.
    const skip = new Set(['node_modules', '.git', 'dist', 'release', 'test-results', 'playwright-report']);
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) return skip.has(entry.name) ? [] : walk(path);
        return [path];
      });
    const built = [
      'dist/electron/shell.cjs',
      'dist/electron/shell.cjs.map',
      'dist/electron/preload.cjs',
      'dist/host/main.mjs',
      'dist/host/main.mjs.map',
      'dist/host/cli.mjs',
      'dist/host/export-worker.mjs',
      'dist/host/export-worker.mjs.map',
      'dist/host/chunks/chunk-ABC123.mjs',
      'dist/host/chunks/chunk-ABC123.mjs.map',
      'dist/renderer/index.html',
      'dist/renderer/projector.html',
      'dist/renderer/join.html',
      'dist/renderer/assets/index-abc123.js',
      'dist/renderer/assets/index-abc123.js.map',
      'dist/renderer/assets/base-abc123.css',
    ];
    const files = [...walk(''), ...built];
    expect(files.length).toBeGreaterThan(200);
    const shipped = files.filter(shipsAppFile).sort();
    expect(shipped).toEqual(['package.json', ...built.filter((path) => !path.endsWith('.map'))].sort());
  });

  it('keeps the runtime of dependencies but drops their TypeScript and C sources', () => {
    expect(shipsModuleFile('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(shipsModuleFile('node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(shipsModuleFile('node_modules/ws/lib/websocket.js')).toBe(true);
    expect(shipsModuleFile('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
    expect(shipsModuleFile('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(shipsModuleFile('node_modules/zod/src/index.ts')).toBe(false);
  });

  it('unpacks better-sqlite3 from the asar so its native binary can load, without a rebuild', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('registers .eiland files, the extension the shell opens', async () => {
    const { ARCHIVE_EXTENSION } = await import('../../../electron/shell/open-archive');
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'eiland', name: 'Eiland-sessie', role: 'Editor', description: expect.any(String), mimeType: 'application/x-eiland-session' }),
    ]);
    expect(`.${config.fileAssociations[0]?.ext}`).toBe(ARCHIVE_EXTENSION);
  });

  it('gives each platform its derived icons', () => {
    expect(config.win.icon).toBe('build/resources/icon.ico');
    expect(config.mac.icon).toBe('build/resources/icon.icns');
    expect(config.linux.icon).toBe('build/resources/icons');
  });
});
