import type { nlWall } from './nl-wall';

/** English texts on the projector's wall (see nl-wall.ts). */
export const enWall: { readonly [K in keyof typeof nlWall]: string } = {
  'projector.wallNotes': '{count} notes',
  'projector.wallNotesOne': '1 note',
  'projector.wallLoose': 'Not in a group yet',
  'projector.page': 'Part {page} of {pages}',
};
