/**
 * The shell's few settings, in preferences.json in userData: the language the facilitator chose
 * (so the menus speak it from the first moment of the next start) and whether the projector shows
 * the high-contrast look. Anything unreadable falls back to the defaults.
 */
import { join } from 'node:path';
import { isLocale, type Locale } from '../../shared/i18n/messages';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';

export interface Preferences {
  /** null until the facilitator page has reported its language once. */
  locale: Locale | null;
  projectorHighContrast: boolean;
}

export function parsePreferences(value: unknown): Preferences {
  const record = isRecord(value) ? value : {};
  return {
    locale: isLocale(record.locale) ? record.locale : null,
    projectorHighContrast: record.projectorHighContrast === true,
  };
}

export class PreferencesFile {
  private readonly file: string;
  private current: Preferences;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'preferences.json');
    this.current = parsePreferences(readJsonFile(this.file));
  }

  get value(): Preferences {
    return this.current;
  }

  update(change: Partial<Preferences>): Preferences {
    this.current = { ...this.current, ...change };
    writeJsonFile(this.file, this.current);
    return this.current;
  }
}
