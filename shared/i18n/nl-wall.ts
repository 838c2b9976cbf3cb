/** Texts on the projector's wall that came with fitting long lists to it. */
export const nlWall = {
  'projector.page': 'Deel {page} van {pages}',
} as const;
