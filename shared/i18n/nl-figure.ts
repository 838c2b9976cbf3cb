/**
 * Dutch texts of the model figure in the session report: its counts and the list of numbered
 * notes after it. Part of the one catalogue (spread into `nl` in nl.ts).
 */
export const nlFigure = {
  'report.figure.notes.one': '1 notitie',
  'report.figure.notes.other': '{count} notities',
  'report.figure.loose.one': '1 notitie zonder thema',
  'report.figure.loose.other': '{count} notities zonder thema',
  'report.figure.sideCount': '{notes} · {themes}',
  'report.figure.key.heading': 'De genummerde notities in het model',
  'report.figure.key.intro': 'In het model staat een nummer waar een notitie te klein zou worden om te lezen. Hier staat bij elk nummer de notitie, per kant en per thema.',
} as const;
