import type { PhaseKind } from '../../../shared/domain';

/** Every phase kind, spelled out: the mapped type makes the compiler complain when the domain gains one. */
const ALL: { [K in PhaseKind]: true } = {
  review: true,
  checkin: true,
  observation: true,
  notes: true,
  clustering: true,
  attention: true,
  voting: true,
  ingredients: true,
  other: true,
  closing: true,
};

export const PHASE_KINDS_FOR_TEST = Object.keys(ALL) as PhaseKind[];
