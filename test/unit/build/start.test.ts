/**
 * `npm start`'s decisions: find a usable Electron or fall back to browser mode with one clear line.
 * findElectron is run for real against small stand-in 'electron' packages in a temp folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error build scripts are plain .mjs without type declarations
import * as start from '../../../build/start.mjs';

interface StartModule {
  findElectron(projectRoot: string): string | null;
  electronPathFromProbe(status: number | null, stdout: string, marker: string, exists: (path: string) => boolean): string | null;
  electronUnavailableReason(path: string | null, platform: string, env: Record<string, string | undefined>): string | null;
  browserModeNotice(reason: string): string;
  electronArgs(projectRoot: string, extraArgs: string[], isRoot: boolean): string[];
}
const startModule = start as StartModule;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder whose node_modules/electron/index.js has the given body. */
function projectWithElectron(indexJs: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'eiland-start-'));
  folders.push(folder);
  mkdirSync(join(folder, 'node_modules/electron'), { recursive: true });
  writeFileSync(join(folder, 'node_modules/electron/package.json'), '{"name":"electron","main":"index.js"}');
  writeFileSync(join(folder, 'node_modules/electron/index.js'), indexJs);
  return folder;
}

describe('findElectron', () => {
  it('returns the path the electron package reports when that file exists', () => {
    const folder = projectWithElectron("module.exports = require('path').join(__dirname, 'dist', 'electron');");
    mkdirSync(join(folder, 'node_modules/electron/dist'));
    writeFileSync(join(folder, 'node_modules/electron/dist/electron'), '');
    expect(startModule.findElectron(folder)).toBe(join(folder, 'node_modules/electron/dist/electron'));
  });

  it('returns null when the package throws because the binary could not be downloaded', () => {
    const folder = projectWithElectron(
      "console.log('Downloading Electron binary...'); console.error('TypeError: fetch failed');" +
        "throw new Error('Electron failed to install correctly.');",
    );
    expect(startModule.findElectron(folder)).toBeNull();
  });

  it('returns null when the reported path does not exist', () => {
    const folder = projectWithElectron("module.exports = '/nowhere/electron-that-is-not-there';");
    expect(startModule.findElectron(folder)).toBeNull();
  });
});

describe('electronPathFromProbe', () => {
  const marker = '<M>';
  const exists = (path: string) => path === '/e/electron';
  it('takes the path after the last marker, only on success and only if it exists', () => {
    expect(startModule.electronPathFromProbe(0, 'Downloading...\n<M>/e/electron', marker, exists)).toBe('/e/electron');
    expect(startModule.electronPathFromProbe(1, '<M>/e/electron', marker, exists)).toBeNull();
    expect(startModule.electronPathFromProbe(0, '/e/electron', marker, exists)).toBeNull();
    expect(startModule.electronPathFromProbe(0, '<M>/e/other', marker, exists)).toBeNull();
  });
});

describe('electronUnavailableReason', () => {
  it('names a missing binary and a Linux machine without a screen', () => {
    expect(startModule.electronUnavailableReason(null, 'win32', {})).toBe('geen Electron-programma gevonden');
    expect(startModule.electronUnavailableReason('/e', 'linux', {})).toBe('geen beeldscherm gevonden');
  });
  it('has no objection when Electron can start', () => {
    expect(startModule.electronUnavailableReason('/e', 'linux', { DISPLAY: ':0' })).toBeNull();
    expect(startModule.electronUnavailableReason('/e', 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(startModule.electronUnavailableReason('/e', 'darwin', {})).toBeNull();
  });
});

describe('browserModeNotice', () => {
  it('is one Dutch line saying why and what happens instead', () => {
    const notice = startModule.browserModeNotice('geen Electron-programma gevonden');
    expect(notice).toBe(
      'Eiland: Electron kan op deze machine niet starten (geen Electron-programma gevonden); Eiland start nu in browsermodus.',
    );
    expect(notice).not.toContain('\n');
  });
});

describe('electronArgs', () => {
  it('passes the project root and extra arguments, adding --no-sandbox only for root', () => {
    expect(startModule.electronArgs('/p', ['--x'], false)).toEqual(['/p', '--x']);
    expect(startModule.electronArgs('/p', [], true)).toEqual(['--no-sandbox', '/p']);
  });
});
