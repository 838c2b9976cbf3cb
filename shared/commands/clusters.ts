import { z } from 'zod';
import { entityValues } from '../changes';
import type { Cluster } from '../domain';
import type { SessionState } from '../domain';
import { LIMITS } from '../domain';
import { gatherCluster } from '../geometry/gather';
import { clusterAnchor } from '../geometry/clusters';
import { keepsSide, requireNote } from './notes';
import { defineSessionCommand, FACILITATOR, notFound, refuse } from './registry';
import { coordinate, entityId, title } from './schemas';

function requireCluster(state: SessionState, id: string): Cluster {
  return state.clusters[id] ?? notFound('Cluster', id);
}

const notesOf = (state: SessionState, clusterId: string) => [...entityValues(state.notes)].filter((note) => note.clusterId === clusterId);

export const clusterCommands = [
  defineSessionCommand({
    type: 'cluster.create',
    schema: z.object({
      id: entityId,
      title,
      noteIds: z.array(entityId).min(1).max(LIMITS.notesPerSession),
      x: coordinate.optional(),
      y: coordinate.optional(),
    }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, payload) {
      if (tx.state.clusters[payload.id]) refuse('duplicate_id', `Cluster ${payload.id} already exists`);
      const notes = payload.noteIds.map((id) => requireNote(tx.state, id));
      const first = notes[0];
      if (!first) return refuse('empty_cluster', 'A cluster needs at least one note');
      const anchor = clusterAnchor(notes);
      const cluster: Cluster = { id: payload.id, zoneId: first.zoneId, title: payload.title, x: payload.x ?? anchor.x, y: payload.y ?? anchor.y };
      const members = notes.map((note) => ({ ...note, clusterId: payload.id }));
      // Its box must hold its members and nothing else, so scattered notes are gathered under the title.
      const memberIds = new Set(members.map((member) => member.id));
      const others = [...entityValues(tx.state.notes)].filter((note) => !memberIds.has(note.id));
      const plan = gatherCluster(cluster, members, [...others, ...members], Object.values(tx.state.clusters), tx.state.template.zones, keepsSide(tx.state, first.zoneId));
      const place = new Map(plan?.moves.map((move) => [move.id, move]));
      const moved = plan?.clusters[0];
      tx.put('clusters', moved ? { ...cluster, x: moved.x, y: moved.y } : cluster);
      for (const note of members) {
        const to = place.get(note.id);
        tx.put('notes', to ? { ...note, x: to.x, y: to.y, zoneId: cluster.zoneId } : note);
      }
    },
  }),
  defineSessionCommand({
    type: 'cluster.rename',
    schema: z.object({ id: entityId, title }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, title: newTitle }) {
      tx.put('clusters', { ...requireCluster(tx.state, id), title: newTitle });
    },
  }),
  defineSessionCommand({
    type: 'cluster.move',
    schema: z.object({ id: entityId, x: coordinate, y: coordinate }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, x, y }) {
      const cluster = requireCluster(tx.state, id);
      const dx = x - cluster.x;
      const dy = y - cluster.y;
      tx.put('clusters', { ...cluster, x, y });
      for (const note of notesOf(tx.state, id)) tx.put('notes', { ...note, x: note.x + dx, y: note.y + dy });
    },
  }),
  defineSessionCommand({
    type: 'cluster.ungroup',
    schema: z.object({ id: entityId }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id }) {
      requireCluster(tx.state, id);
      for (const note of notesOf(tx.state, id)) tx.put('notes', { ...note, clusterId: null });
      tx.remove('clusters', id);
    },
  }),
];
