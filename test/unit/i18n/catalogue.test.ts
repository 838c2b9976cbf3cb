/**
 * Both languages complete: every Dutch text has an English one (the type of `en` enforces the keys;
 * this checks they are really translated), and the first-run and desktop texts keep to plain
 * language: short sentences, as B1 asks.
 */
import { describe, expect, it } from 'vitest';
import { enDesktop } from '../../../shared/i18n/en-desktop';
import { catalogue, type MessageKey } from '../../../shared/i18n/messages';
import { nlDesktop } from '../../../shared/i18n/nl-desktop';

/** Words that are the same in Dutch and English, so an equal text is not a missing translation. */
const SAME_IN_BOTH = new Set(['Eiland', 'Nederlands', 'English', 'Model', 'Code', 'id', 'Help', 'OK', 'Timer', 'Start', 'Stop', 'PDF', 'CSV', 'QR', 'min', 'later', 'Delete', 'Esc', 'Enter', 'Open', 'Status', 'Contrast', 'Del', 'Menu']);

const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];

describe('the English catalogue', () => {
  it('translates every Dutch text (no Dutch left behind in English)', () => {
    const untranslated = (Object.keys(catalogue.nl) as MessageKey[]).filter((key) => {
      const dutch = catalogue.nl[key];
      if (catalogue.en[key] !== dutch) return false;
      return words(dutch).some((word) => !SAME_IN_BOTH.has(word));
    });
    expect(untranslated).toEqual([]);
  });

  it('holds the desktop texts with the same keys as the Dutch', () => {
    expect(Object.keys(enDesktop).sort()).toEqual(Object.keys(nlDesktop).sort());
    for (const key of Object.keys(nlDesktop) as (keyof typeof nlDesktop)[]) {
      expect(catalogue.nl[key]).toBe(nlDesktop[key]);
      expect(catalogue.en[key]).toBe(enDesktop[key]);
    }
  });
});

describe('plain language on the first-run screen and in the desktop dialogs', () => {
  const longest = (text: string) => Math.max(...text.split(/[.!?:\n]+/).map((sentence) => words(sentence).length));

  it.each(['nl', 'en'] as const)('keeps every sentence short in %s (at most 20 words)', (locale) => {
    const keys = (Object.keys(nlDesktop) as MessageKey[]).filter((key) => key.startsWith('welcome.') || key.startsWith('archive.') || key.startsWith('shell.'));
    const long = keys.filter((key) => longest(catalogue[locale][key]) > 20).map((key) => `${key}: ${catalogue[locale][key]}`);
    expect(long).toEqual([]);
  });

  it('explains Eiland in two sentences and names the three steps', () => {
    expect(catalogue.nl['welcome.what'].split(/(?<=\.)\s+/)).toHaveLength(2);
    expect([catalogue.nl['welcome.step1.title'], catalogue.nl['welcome.step2.title'], catalogue.nl['welcome.step3.title']]).toEqual([
      'Voorbereiden',
      'Samen invullen',
      'Oogsten',
    ]);
  });
});
