import { randomUUID } from 'node:crypto';
import type { Change } from '../../../shared/changes';
import { COLLECTION_KEYS, type SessionState } from '../../../shared/domain';
import type { Engine } from '../engine';
import type { ArchiveContent } from './archive-write';

export type SessionImportOutcome = 'created' | 'merged' | 'unchanged';

export interface ImportReport {
  programmes: { id: string; name: string; created: boolean }[];
  sessions: { id: string; title: string; outcome: SessionImportOutcome; added: number }[];
}

/**
 * What an existing session lacks from the archive's copy of it: entities whose id it does not
 * have. Ids are made once, where a thing is created, so the same id is the same thing: what is
 * here already is kept as it is, nothing is duplicated and nothing typed here is overwritten.
 */
export function missingEntities(local: SessionState, incoming: SessionState): Change[] {
  const changes: Change[] = [];
  for (const key of COLLECTION_KEYS) {
    const have = local[key] as Record<string, unknown>;
    for (const [id, entity] of Object.entries(incoming[key] as Record<string, unknown>)) {
      if (!Object.hasOwn(have, id)) changes.push({ key, id, before: null, after: entity });
    }
  }
  return changes;
}

/**
 * Brings an archive into this laptop's data through the engine, so it is persisted in one
 * transaction and every open window hears of it. Importing the same file twice changes nothing
 * the second time.
 */
export function importArchive(engine: Engine, content: ArchiveContent, commandId = `import-${randomUUID()}`): ImportReport {
  const workspace = engine.workspace;
  const workspaceChanges: Change[] = [];
  const report: ImportReport = { programmes: [], sessions: [] };
  for (const programme of content.programmes) {
    const created = !Object.hasOwn(workspace.programmes, programme.id);
    if (created) workspaceChanges.push({ key: 'programmes', id: programme.id, before: null, after: programme });
    report.programmes.push({ id: programme.id, name: created ? programme.name : (workspace.programmes[programme.id]?.name ?? programme.name), created });
  }
  const knownProgrammes = new Set([...Object.keys(workspace.programmes), ...content.programmes.map((programme) => programme.id)]);
  const created: SessionState[] = [];
  const merged: { id: string; changes: Change[] }[] = [];
  for (const incoming of content.sessions) {
    const id = incoming.meta.id;
    const local = engine.session(id);
    if (local) {
      const changes = missingEntities(local, incoming);
      if (changes.length > 0) merged.push({ id, changes });
      report.sessions.push({ id, title: local.meta.title, outcome: changes.length > 0 ? 'merged' : 'unchanged', added: changes.length });
      continue;
    }
    // A programme that is neither here nor in the file cannot be pointed at: the session stands alone.
    const programmeId = incoming.meta.programmeId !== null && knownProgrammes.has(incoming.meta.programmeId) ? incoming.meta.programmeId : null;
    const state: SessionState = { ...incoming, meta: { ...incoming.meta, programmeId } };
    workspaceChanges.push({ key: 'sessions', id, before: workspace.sessions[id] ?? null, after: state.meta });
    created.push(state);
    const count = COLLECTION_KEYS.reduce((sum, key) => sum + Object.keys(state[key]).length, 0);
    report.sessions.push({ id, title: state.meta.title, outcome: 'created', added: count });
  }
  if (workspaceChanges.length > 0 || merged.length > 0) engine.importArchive(commandId, workspaceChanges, created, merged);
  return report;
}
