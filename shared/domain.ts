/**
 * The domain of an "Eiland van reflectie", in code terms (see the table in product.md).
 * Every stored thing is declared once, as a record in shared/records/; the types here are inferred
 * from those declarations. Ids are made by the client that creates a thing, so a retried command
 * never creates it twice.
 */
import type { z } from 'zod';
import type { zoneArea, zoneSchema } from './commands/template-schemas';
import type { phaseSchema } from './records/flow';
import type { SessionState, WorkspaceState } from './records/index';

export { type Actor, FIGURE_KINDS, type FigureKind, type Id, LIMITS, type Role, ROLES, WORLD } from './records/basics';
export { PHASE_KINDS, type PhaseKind } from './records/flow';
export {
  type SessionCollectionKey as CollectionKey,
  type SessionSingletonKey as SingletonKey,
  SESSION_COLLECTION_KEYS as COLLECTION_KEYS,
  SESSION_SINGLETON_KEYS as SINGLETON_KEYS,
  type SessionState,
  type WorkspaceState,
} from './records/index';


/** A zone's area as an ellipse in world units; notes whose centre falls inside belong to it. */
export type ZoneArea = z.infer<typeof zoneArea>;
/** A side of the model; its id ('ik', 'wij', 'het', 'zij' or a custom one) is what notes refer to. */
export type Zone = z.infer<typeof zoneSchema>;
export type ModelTemplate = SessionState['template'];
export type Phase = z.infer<typeof phaseSchema>;

export type Programme = WorkspaceState['programmes'][string];
/** A theme of a programme that points, clusters and notes are linked to by hand. */
export type Theme = WorkspaceState['themes'][string];
export type SessionMeta = SessionState['meta'];
export type SessionSettings = SessionState['settings'];
export type Flow = SessionState['flow'];
export type Timer = SessionState['timer'];
export type Note = SessionState['notes'][string];
export type Cluster = SessionState['clusters'][string];
export type AttentionPoint = SessionState['attentionPoints'][string];
export type Ingredient = SessionState['ingredients'][string];
export type OtherPoint = SessionState['otherPoints'][string];
export type Observation = SessionState['observations'][string];
export type Vote = SessionState['votes'][string];
export type Participant = SessionState['participants'][string];
/** An ingredient that became an action of the programme (plan-do-check-act). */
export type Action = WorkspaceState['actions'][string];
export type ActionReview = SessionState['reviews'][string];
export type ActionReaction = SessionState['reactions'][string];
export { ACTION_STATUSES, type ActionStatus, REVIEW_STATUSES } from './records/action';
