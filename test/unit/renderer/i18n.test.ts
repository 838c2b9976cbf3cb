import { describe, expect, it } from 'vitest';
import { PHASE_KINDS_FOR_TEST } from './phase-kinds';
import { catalogue, errorMessageKey, isLocale, isMessageKey, translate, translateIfKnown } from '../../../shared/i18n/messages';
import { ERROR_CODES, RULE_REASONS } from '../../../shared/protocol';

describe('the message catalogue', () => {
  it('has the same keys in every language, none of them empty', () => {
    const dutch = Object.keys(catalogue.nl).sort();
    expect(Object.keys(catalogue.en).sort()).toEqual(dutch);
    for (const locale of ['nl', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(catalogue.nl) as (keyof typeof catalogue.nl)[]) {
      expect(placeholders(catalogue.en[key]), key).toEqual(placeholders(catalogue.nl[key]));
    }
  });

  it('has a text for every error code, rule reason and phase', () => {
    for (const code of ERROR_CODES) expect(isMessageKey(`error.${code}`), code).toBe(true);
    for (const reason of RULE_REASONS) expect(isMessageKey(`rule.${reason}`), reason).toBe(true);
    for (const kind of PHASE_KINDS_FOR_TEST) expect(isMessageKey(`phase.${kind}`), kind).toBe(true);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nl', 'sessions.noMatch', { query: 'stuurgroep' })).toBe('Geen sessie gevonden voor "stuurgroep".');
    expect(translate('en', 'board.noteCount', { count: 3 })).toBe('3 notes');
    expect(translate('nl', 'board.noteCount')).toBe('{count} notities');
  });

  it('picks the rule text for a rule violation and the code text otherwise', () => {
    expect(errorMessageKey('rule_violation', 'no_dots_left')).toBe('rule.no_dots_left');
    expect(errorMessageKey('rule_violation')).toBe('error.rule_violation');
    expect(errorMessageKey('forbidden', 'no_dots_left')).toBe('error.forbidden');
    expect(translate('nl', errorMessageKey('rule_violation', 'confirmation_mismatch'))).toContain('titel');
  });

  it('knows its locales and keys that arrive as data', () => {
    expect(isLocale('nl')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(translateIfKnown('en', 'template.creatielemniscaat')).toBe('Creation lemniscate');
    expect(translateIfKnown('en', 'template.unknown')).toBeNull();
  });
});
