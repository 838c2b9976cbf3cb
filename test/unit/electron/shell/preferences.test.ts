import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeFromSystem, setShellLocale, st } from '../../../../electron/shell/locale';
import { parsePreferences, PreferencesFile } from '../../../../electron/shell/preferences';
import { app, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

describe('the shell language', () => {
  it('is English for an English system and Dutch for any other', () => {
    expect(localeFromSystem('en-GB')).toBe('en');
    expect(localeFromSystem('EN')).toBe('en');
    expect(localeFromSystem('nl-BE')).toBe('nl');
    expect(localeFromSystem('fr')).toBe('nl');
  });

  it('speaks through the catalogue', () => {
    setShellLocale('en');
    expect(st('menu.file')).toBe('File');
    setShellLocale('nl');
    expect(st('shell.exitedEarly', { code: 3 })).toBe('het stopte meteen, foutcode 3');
  });
});

describe('preferences.json', () => {
  it('starts with the defaults and keeps each change', () => {
    const prefs = new PreferencesFile(app.userData);
    expect(prefs.value).toEqual({ locale: null, projectorHighContrast: false });
    prefs.update({ locale: 'en' });
    prefs.update({ projectorHighContrast: true });
    expect(new PreferencesFile(app.userData).value).toEqual({ locale: 'en', projectorHighContrast: true });
  });

  it('falls back to the defaults for what it does not understand', () => {
    expect(parsePreferences({ locale: 'de', projectorHighContrast: 'yes' })).toEqual({ locale: null, projectorHighContrast: false });
    writeFileSync(join(app.userData, 'preferences.json'), 'nonsense');
    expect(new PreferencesFile(app.userData).value).toEqual({ locale: null, projectorHighContrast: false });
  });
});
