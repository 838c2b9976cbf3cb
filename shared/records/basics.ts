/**
 * The words every record and command uses: ids, roles, the world's size and the limits. They sit
 * below the records so that both the records and shared/domain.ts can import them without a cycle.
 */
export type Id = string;

export const ROLES = ['facilitator', 'projector', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** Who sends a command. A participant id exists only for phones; the facilitator has none. */
export interface Actor {
  role: Role;
  participantId: Id | null;
}

/** World coordinates: the canvas is a fixed 1600 × 1000 world, scaled to any screen. */
export const WORLD = { width: 1600, height: 1000 } as const;

export const LIMITS = {
  noteText: 500,
  title: 200,
  shortText: 120,
  longText: 4000,
  notesPerSession: 20000,
  dotsPerParticipant: 50,
  messageBytes: 64 * 1024,
  participantName: 60,
  /** An action's owner: a name or a role. */
  actionOwner: 80,
  /** An action's outcome note. */
  actionNote: 500,
  /** A phone's note on an action under review. */
  reactionText: 200,
  /** Reactions one participant may give to one action. */
  reactionsPerAction: 3,
  /** A programme theme's title: as long as the theme keys it replaces, so every old key fits. */
  themeTitle: 120,
} as const;

export const FIGURE_KINDS = ['lemniscate', 'creation', 'judgement'] as const;
/** Which figure the canvas draws behind the zones. */
export type FigureKind = (typeof FIGURE_KINDS)[number];
