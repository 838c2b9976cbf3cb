import type { Programme, SessionMeta, WorkspaceState } from '../../../shared/domain';

/** A programme that can be summed up: not archived, with at least one session. */
export interface HarvestableProgramme {
  programme: Programme;
  /** Oldest first, as the summary tells them. */
  sessions: SessionMeta[];
}

export function harvestableProgrammes(workspace: WorkspaceState | null): HarvestableProgramme[] {
  if (!workspace) return [];
  const byProgramme = new Map<string, SessionMeta[]>();
  for (const meta of Object.values(workspace.sessions)) {
    if (meta.programmeId === null) continue;
    byProgramme.set(meta.programmeId, [...(byProgramme.get(meta.programmeId) ?? []), meta]);
  }
  return Object.values(workspace.programmes)
    .filter((programme) => !programme.archived && byProgramme.has(programme.id))
    .map((programme) => ({
      programme,
      sessions: (byProgramme.get(programme.id) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title)),
    }))
    .sort((a, b) => latest(b).localeCompare(latest(a)) || a.programme.name.localeCompare(b.programme.name));
}

/** The date of a programme's last session: the programme worked on most recently comes first. */
const latest = (entry: HarvestableProgramme) => entry.sessions.at(-1)?.date ?? '';
