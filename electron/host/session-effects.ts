import type { CarryChoice } from '../../shared/carry-themes';
import type { Change } from '../../shared/changes';
import type { SessionMeta, SessionState, Theme, WorkspaceState } from '../../shared/domain';
import { LIMITS } from '../../shared/domain';
import type { CommandInput } from '../../shared/reducer';
import { openWithReview } from '../../shared/review';
import { createSessionState, type NextSessionThemes, prepareNextSession } from '../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET, resolveTemplate } from '../../shared/templates';

/**
 * What a workspace change causes in the sessions' own streams, written in the workspace command's
 * transaction and announced after it (engine.ts): a session made or deleted with its entry in the
 * list, its meta following the entry, zones following a theme's title.
 */

/** A change the workspace causes in one session's stream (written and announced with it). */
export interface DerivedChange {
  stream: string;
  changes: Change[];
}

export interface SessionEffect extends DerivedChange {
  /** A session made by this change: its first state. */
  newSession?: SessionState;
  /** The session was deleted with its entry. */
  deleted?: boolean;
}

type SessionOf = (sessionId: string) => SessionState | undefined;

/** Everything one change of a workspace command causes in sessions. */
export function sessionEffectsOf(workspace: WorkspaceState, input: CommandInput, change: Change, load: SessionOf): SessionEffect[] {
  return [...sessionSideOf(workspace, input, change, load), ...themeZoneRenames(workspace, change, load)];
}

/** What a change to the sessions list means for the session's own stream. */
function sessionSideOf(workspace: WorkspaceState, input: CommandInput, change: Change, load: SessionOf): SessionEffect[] {
  if (change.key !== 'sessions' || change.id === null) return [];
  const meta = change.after as SessionMeta | null;
  if (meta === null) return [{ stream: change.id, changes: [], deleted: true }];
  if (change.before === null) {
    const template = resolveTemplate(workspace, String(input.templateId)) ?? LEMNISCATE_IK_WIJ_HET;
    const source = input.type === 'session.duplicate' ? load(String(input.sourceId)) : undefined;
    const state = source ? prepareNextSession(source, meta, carriedThemes(workspace, input)) : createSessionState(meta, template);
    // A session of a programme with open actions opens with their review (plan-do-check-act).
    return [{ stream: change.id, changes: [], newSession: openWithReview(state, workspace) }];
  }
  const state = load(change.id);
  if (!state) return [];
  return [{ stream: change.id, changes: [{ key: 'meta', id: null, before: state.meta, after: meta }] }];
}

/** The facilitator's choice per theme in "Volgende sessie voorbereiden", when the command gave one. */
function carriedThemes(workspace: WorkspaceState, input: CommandInput): NextSessionThemes | null {
  if (!Array.isArray(input.themes)) return null;
  const choices = new Map((input.themes as { themeId: string; carry: CarryChoice }[]).map((entry) => [entry.themeId, entry.carry]));
  return { themes: Object.values(workspace.themes), choices };
}

/**
 * A theme's zones carry its title as their name, so a board, a phone and a report name the zone as
 * "Samengevat" names the theme. When a theme's title changes (renamed, or that undone or redone),
 * the zones of the open sessions of its programme follow in the same transaction. Archived sessions
 * are closed records and keep the name they were held under, and a zone renamed by hand keeps its own.
 */
export function themeZoneRenames(workspace: WorkspaceState, change: Change, load: SessionOf): DerivedChange[] {
  if (change.key !== 'themes' || change.id === null) return [];
  const before = change.before as Theme | null;
  const after = change.after as Theme | null;
  if (before === null || after === null || before.title === after.title) return [];
  const name = after.title.slice(0, LIMITS.shortText);
  const previous = before.title.slice(0, LIMITS.shortText);
  const derived: DerivedChange[] = [];
  for (const meta of Object.values(workspace.sessions)) {
    if (meta.programmeId !== after.programmeId || meta.archived) continue;
    const state = load(meta.id);
    // A zone the facilitator gave a name of its own (zone.update) keeps it: only one still called
    // after the theme follows it.
    const follows = (zone: { themeId?: string; name: string }) => zone.themeId === after.id && zone.name === previous;
    if (state === undefined || !state.template.zones.some(follows)) continue;
    const zones = state.template.zones.map((zone) => (follows(zone) ? { ...zone, name } : zone));
    derived.push({ stream: meta.id, changes: [{ key: 'template', id: null, before: state.template, after: { ...state.template, zones } }] });
  }
  return derived;
}
