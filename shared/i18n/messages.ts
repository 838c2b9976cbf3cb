/**
 * The one message catalogue for every surface (facilitator, projector, phones, host, PDF).
 * Pure TypeScript, so the host and the report can use it too. Dutch is the default and defines the
 * keys; English must have the same keys (enforced by the type of `en`).
 */
import type { PhaseKind } from '../domain';
import type { ErrorCode, RuleReason } from '../protocol';
import { en } from './en';
import { nl } from './nl';

export type MessageKey = keyof typeof nl;
export type Locale = 'nl' | 'en';

export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';

export const catalogue: { readonly [L in Locale]: { readonly [K in MessageKey]: string } } = { nl, en };

/**
 * Every error code, rule reason and phase kind must have a text: adding one to the protocol
 * without a message fails to compile here rather than showing a raw code to the user.
 */
type RequiredKeys = `error.${ErrorCode}` | `rule.${RuleReason}` | `phase.${PhaseKind}`;
type MissingKeys = Exclude<RequiredKeys, MessageKey>;
const everyCodeHasText: [MissingKeys] extends [never] ? true : MissingKeys = true;
void everyCodeHasText;

export type MessageParams = Readonly<Record<string, string | number>>;

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}

/** The text for a key in a locale, with {name} placeholders filled; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogue[locale][key] ?? nl[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The plain text for a host error: the rule's own text for a rule violation, else the code's. */
export function errorMessageKey(code: ErrorCode, reason?: RuleReason): MessageKey {
  if (code === 'rule_violation' && reason) return `rule.${reason}`;
  return `error.${code}`;
}

/** The text for a message key that arrived as data (e.g. a template id), or null when unknown. */
export function translateIfKnown(locale: Locale, key: string, params?: MessageParams): string | null {
  return isMessageKey(key) ? translate(locale, key, params) : null;
}
