/**
 * Dutch texts of programme themes: making them, linking points, groups and notes to them by hand
 * (board and harvest), the lead's texts for "Samengevat", and carrying themes to the next session.
 * Part of the one catalogue (spread into `nl` in nl.ts). Same rules: B1, short sentences, "je".
 */
export const nlThemes = {
  'rule.theme_title_empty': 'Geef het thema een naam.',
  'rule.theme_title_too_long': 'De naam van een thema is hoogstens 120 tekens.',
  'rule.theme_wrong_programme': 'Dit thema hoort bij een ander programma.',
  'rule.theme_no_programme': 'Deze sessie hoort niet bij een programma, dus er zijn geen thema’s.',
  'rule.theme_not_linked': 'Dit is niet aan een thema gekoppeld.',

  'report.summary.groupLine': '{group} ({date})',
  'report.summary.point': '{title} · {dots}',
  'report.summary.cluster': '{title}: {notes}',
  'report.summary.said': 'Daarbij is het volgende ingebracht',
  'report.summary.actions': 'Acties',
  'report.summary.action': '{text} · {owner} · {status}',
  'report.summary.mentionedByOne': 'Genoemd door 1 groep',
};
