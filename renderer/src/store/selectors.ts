import type { Cluster, Id, Note, Programme, SessionMeta, SessionState, WorkspaceState } from '../../../shared/domain';

/** What is selected and still on the board: the notes that exist, or the group if it exists. */
export function liveSelection(session: SessionState, selection: readonly Id[], clusterId: Id | null): { notes: Note[]; cluster: Cluster | undefined } {
  return { notes: selection.flatMap((id) => session.notes[id] ?? []), cluster: clusterId ? session.clusters[clusterId] : undefined };
}

/** Sessions matching a search on title, group or programme, newest date first; archived ones apart. */
export function listSessions(
  workspace: WorkspaceState | null,
  query: string,
): { active: SessionMeta[]; archived: SessionMeta[] } {
  const needle = query.trim().toLocaleLowerCase();
  const programmeName = (meta: SessionMeta) => (meta.programmeId ? (workspace?.programmes[meta.programmeId]?.name ?? '') : '');
  const matches = Object.values(workspace?.sessions ?? {})
    .filter((meta) => !needle || [meta.title, meta.group, programmeName(meta)].some((text) => text.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
  return { active: matches.filter((meta) => !meta.archived), archived: matches.filter((meta) => meta.archived) };
}

export interface ProgrammeGroup {
  /** null: the sessions that belong to no programme. */
  programme: Programme | null;
  sessions: SessionMeta[];
}

/**
 * Sessions (in the order given) under their programme: the programme with the newest session
 * first, the sessions without one last. A programme none of the sessions belongs to is left out.
 */
export function groupByProgramme(workspace: WorkspaceState | null, sessions: readonly SessionMeta[]): ProgrammeGroup[] {
  const groups = new Map<Id | null, ProgrammeGroup>();
  for (const meta of sessions) {
    const programme = meta.programmeId ? (workspace?.programmes[meta.programmeId] ?? null) : null;
    const key = programme?.id ?? null;
    const group = groups.get(key) ?? { programme, sessions: [] };
    group.sessions.push(meta);
    groups.set(key, group);
  }
  const loose = groups.get(null);
  groups.delete(null);
  return [...groups.values(), ...(loose ? [loose] : [])];
}

/** The session a projector shows when it was not told one: the most recently updated that is not archived. */
export function latestSession(workspace: WorkspaceState | null): SessionMeta | null {
  let latest: SessionMeta | null = null;
  for (const meta of Object.values(workspace?.sessions ?? {})) {
    if (meta.archived) continue;
    if (!latest || meta.updatedAt > latest.updatedAt) latest = meta;
  }
  return latest;
}
