import type { Change } from '../../shared/changes';
import type { SessionState, Theme, WorkspaceState } from '../../shared/domain';
import { LIMITS } from '../../shared/domain';

/** A change the workspace causes in one session's stream (written and announced with it). */
export interface DerivedChange {
  stream: string;
  changes: Change[];
}

/**
 * A theme's zones carry its title as their name, so a board, a phone and a report name the zone as
 * "Samengevat" names the theme. When a theme's title changes (renamed, or that undone or redone),
 * the zones of the open sessions of its programme follow in the same transaction. Archived sessions
 * are closed records and keep the name they were held under.
 */
export function themeZoneRenames(workspace: WorkspaceState, change: Change, load: (sessionId: string) => SessionState | undefined): DerivedChange[] {
  if (change.key !== 'themes' || change.id === null) return [];
  const before = change.before as Theme | null;
  const after = change.after as Theme | null;
  if (before === null || after === null || before.title === after.title) return [];
  const name = after.title.slice(0, LIMITS.shortText);
  const derived: DerivedChange[] = [];
  for (const meta of Object.values(workspace.sessions)) {
    if (meta.programmeId !== after.programmeId || meta.archived) continue;
    const state = load(meta.id);
    const stale = (zone: { themeId?: string; name: string }) => zone.themeId === after.id && zone.name !== name;
    if (state === undefined || !state.template.zones.some(stale)) continue;
    const zones = state.template.zones.map((zone) => (zone.themeId === after.id ? { ...zone, name } : zone));
    derived.push({ stream: meta.id, changes: [{ key: 'template', id: null, before: state.template, after: { ...state.template, zones } }] });
  }
  return derived;
}
