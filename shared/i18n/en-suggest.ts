import type { nlSuggest } from './nl-suggest';

/** English texts for the group suggestions of the cluster phase (see nl-suggest.ts). */
export const enSuggest: { readonly [K in keyof typeof nlSuggest]: string } = {
  'suggest.heading': 'Suggested groups',
  'suggest.hint': 'These notes use the same words. Make them a theme, change the title, or skip the suggestion.',
  'suggest.none': 'No suggestions: no loose notes share their words.',
  'suggest.allSkipped': 'You skipped all suggestions.',
  'suggest.accept': 'Make group',
  'suggest.acceptLabel': 'Make group “{title}”',
  'suggest.edit': 'Other title',
  'suggest.editLabel': 'Title for the group',
  'suggest.save': 'Make group with this title',
  'suggest.cancel': 'Cancel',
  'suggest.dismiss': 'Skip',
  'suggest.dismissLabel': 'Skip suggestion “{title}”',
  'suggest.showDismissed': 'Show skipped suggestions again ({count})',
};
