import type { Cluster, Id, Note, SessionMeta, SessionState, WorkspaceState } from '../../../shared/domain';

/** What is selected and still on the board: the notes that exist, or the group if it exists. */
export function liveSelection(session: SessionState, selection: readonly Id[], clusterId: Id | null): { notes: Note[]; cluster: Cluster | undefined } {
  return { notes: selection.flatMap((id) => session.notes[id] ?? []), cluster: clusterId ? session.clusters[clusterId] : undefined };
}

/** Sessions matching a search on title or group, newest date first; archived ones apart. */
export function listSessions(
  workspace: WorkspaceState | null,
  query: string,
): { active: SessionMeta[]; archived: SessionMeta[] } {
  const needle = query.trim().toLocaleLowerCase();
  const matches = Object.values(workspace?.sessions ?? {})
    .filter((meta) => !needle || meta.title.toLocaleLowerCase().includes(needle) || meta.group.toLocaleLowerCase().includes(needle))
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
  return { active: matches.filter((meta) => !meta.archived), archived: matches.filter((meta) => meta.archived) };
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
