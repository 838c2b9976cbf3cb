/** Texts on the projector's wall that came with fitting long lists to it. */
export const nlWall = {
  'projector.wallNotes': '{count} notities',
  'projector.wallNotesOne': '1 notitie',
  'projector.wallLoose': 'Nog in geen groep',
  'projector.page': 'Deel {page} van {pages}',
} as const;
