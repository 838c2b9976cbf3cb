/**
 * Dutch texts for the group suggestions of the cluster phase (shared/text/suggest-groups.ts). Part
 * of the one catalogue (spread into `nl` in nl.ts).
 */
export const nlSuggest = {
  'suggest.heading': 'Voorstellen voor groepen',
  'suggest.hint': 'Deze notities gebruiken dezelfde woorden. Maak er een thema van, pas de titel aan of sla het voorstel over.',
  'suggest.none': 'Geen voorstellen: er zijn geen losse notities met dezelfde woorden.',
  'suggest.allSkipped': 'Je hebt alle voorstellen overgeslagen.',
  'suggest.accept': 'Maak groep',
  'suggest.acceptLabel': 'Maak groep “{title}”',
  'suggest.edit': 'Andere titel',
  'suggest.editLabel': 'Titel voor de groep',
  'suggest.save': 'Maak groep met deze titel',
  'suggest.cancel': 'Annuleren',
  'suggest.dismiss': 'Overslaan',
  'suggest.dismissLabel': 'Voorstel “{title}” overslaan',
  'suggest.showDismissed': 'Overgeslagen voorstellen weer tonen ({count})',
} as const;
