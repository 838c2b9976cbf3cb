import type { nlThemes } from './nl-themes';

/** English texts of programme themes; the keys are the Dutch file's (nl-themes.ts). */
export const enThemes: { readonly [K in keyof typeof nlThemes]: string } = {
  'rule.theme_title_empty': 'Give the theme a name.',
  'rule.theme_title_too_long': 'A theme name is at most 120 characters.',
  'rule.theme_wrong_programme': 'This theme belongs to another programme.',
  'rule.theme_no_programme': 'This session belongs to no programme, so it has no themes.',
  'rule.theme_not_linked': 'This is not linked to a theme.',

  'report.summary.groupLine': '{group} ({date})',
  'report.summary.point': '{title} · {dots}',
  'report.summary.cluster': '{title}: {notes}',
  'report.summary.said': 'What was brought in',
  'report.summary.actions': 'Actions',
  'report.summary.action': '{text} · {owner} · {status}',
  'report.summary.mentionedByOne': 'Mentioned by 1 group',
};
