import { entityValues } from '../changes';
import type { Cluster, Id, Note } from '../domain';
import { NOTE } from './model';

/** A cluster is drawn as a soft region around its notes, with its title in a band on top. */
export const CLUSTER = { padding: 20, titleHeight: 52, titleSize: 28, radius: 28, minWidth: 240 } as const;

export interface ClusterRegion {
  id: Id;
  zoneId: Id;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  noteIds: Id[];
}

/** The notes of every cluster, in one pass over the notes. */
function notesByCluster(notes: Iterable<Note>): Map<Id, Note[]> {
  const groups = new Map<Id, Note[]>();
  for (const note of notes) {
    if (note.clusterId === null) continue;
    const group = groups.get(note.clusterId);
    if (group) group.push(note);
    else groups.set(note.clusterId, [note]);
  }
  return groups;
}

/**
 * The region of one cluster: the box around its notes plus a margin and the title band. A cluster
 * whose notes are all gone (deleted one by one) still shows its title where it was put.
 */
export function clusterRegion(cluster: Cluster, notes: readonly Note[]): ClusterRegion {
  const base = { id: cluster.id, zoneId: cluster.zoneId, title: cluster.title, noteIds: notes.map((note) => note.id) };
  if (notes.length === 0) {
    return { ...base, x: cluster.x - CLUSTER.minWidth / 2, y: cluster.y, width: CLUSTER.minWidth, height: CLUSTER.titleHeight + CLUSTER.padding };
  }
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const note of notes) {
    left = Math.min(left, note.x - NOTE.width / 2);
    right = Math.max(right, note.x + NOTE.width / 2);
    top = Math.min(top, note.y - NOTE.height / 2);
    bottom = Math.max(bottom, note.y + NOTE.height / 2);
  }
  const width = Math.max(CLUSTER.minWidth, right - left + 2 * CLUSTER.padding);
  const x = (left + right) / 2 - width / 2;
  const y = top - CLUSTER.padding - CLUSTER.titleHeight;
  return { ...base, x, y, width, height: bottom + CLUSTER.padding - y };
}

export function clusterRegions(clusters: Readonly<Record<Id, Cluster>>, notes: Readonly<Record<Id, Note>>): ClusterRegion[] {
  if (Object.keys(clusters).length === 0) return [];
  const groups = notesByCluster(entityValues(notes));
  return Object.values(clusters).map((cluster) => clusterRegion(cluster, groups.get(cluster.id) ?? []));
}

/** Where a new cluster's anchor goes: the top middle of its region, which is where its title is drawn. */
export function clusterAnchor(notes: readonly Note[]): { x: number; y: number } {
  const region = clusterRegion({ id: '', zoneId: '', title: '', x: 0, y: 0 }, notes);
  return { x: Math.round(region.x + region.width / 2), y: Math.round(region.y) };
}
