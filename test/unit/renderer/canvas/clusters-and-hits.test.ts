import { describe, expect, it } from 'vitest';
import { CLUSTER, clusterAnchor, clusterRegion, clusterRegions } from '../../../../renderer/src/canvas/cluster-geometry';
import { NOTE } from '../../../../renderer/src/canvas/geometry';
import { hitTest, notesInBox, noteAt, zoneTargetAt } from '../../../../renderer/src/canvas/hit-test';
import type { Cluster, Note } from '../../../../shared/domain';
import { LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';

const note = (id: string, x: number, y: number, clusterId: string | null = null): Note => ({
  id,
  zoneId: 'wij',
  text: id,
  x,
  y,
  color: null,
  authorId: null,
  authorName: null,
  clusterId,
  createdAt: 0,
});
const CLUSTER_C1: Cluster = { id: 'c1', zoneId: 'wij', title: 'Samen leren', x: 400, y: 300 };

describe('cluster regions', () => {
  it('wrap their notes with a margin and a title band on top', () => {
    const region = clusterRegion(CLUSTER_C1, [note('a', 300, 400, 'c1'), note('b', 500, 480, 'c1')]);
    expect(region.x).toBe(300 - NOTE.width / 2 - CLUSTER.padding);
    expect(region.width).toBe(200 + NOTE.width + 2 * CLUSTER.padding);
    expect(region.y).toBe(400 - NOTE.height / 2 - CLUSTER.padding - CLUSTER.titleHeight);
    expect(region.y + region.height).toBe(480 + NOTE.height / 2 + CLUSTER.padding);
    expect(region.noteIds).toEqual(['a', 'b']);
  });

  it('keep a title where the cluster was put when all its notes are gone', () => {
    const region = clusterRegion(CLUSTER_C1, []);
    expect(region).toMatchObject({ x: 400 - CLUSTER.minWidth / 2, y: 300, width: CLUSTER.minWidth });
  });

  it('are found for every cluster in one pass, and a new cluster is anchored at its title', () => {
    const notes = { a: note('a', 300, 400, 'c1'), b: note('b', 900, 400) };
    expect(clusterRegions({ c1: CLUSTER_C1 }, notes).map((region) => region.noteIds)).toEqual([['a']]);
    const anchor = clusterAnchor([notes.a]);
    expect(anchor).toEqual({ x: 300, y: 400 - NOTE.height / 2 - CLUSTER.padding - CLUSTER.titleHeight });
  });
});

describe('hit testing without hit canvases', () => {
  const notes = [note('under', 400, 400), note('over', 450, 420)];
  it('finds the note on top where notes overlap', () => {
    expect(noteAt(notes, { x: 430, y: 410 })).toBe('over');
    expect(noteAt(notes, { x: 330, y: 360 })).toBe('under');
    expect(noteAt(notes, { x: 100, y: 100 })).toBeNull();
  });

  it('finds a cluster by its title band or its body when no note is there', () => {
    const region = clusterRegion(CLUSTER_C1, [note('a', 300, 400, 'c1')]);
    expect(hitTest([], [region], { x: region.x + 30, y: region.y + 10 })).toEqual({ kind: 'cluster', id: 'c1', onTitle: true });
    expect(hitTest([], [region], { x: region.x + 5, y: region.y + region.height - 5 })).toEqual({ kind: 'cluster', id: 'c1', onTitle: false });
    expect(hitTest([note('a', 300, 400, 'c1')], [region], { x: 300, y: 400 })).toEqual({ kind: 'note', id: 'a' });
  });

  it('selects every note a rubber band touches, whichever way it was drawn', () => {
    expect(notesInBox(notes, { x: 600, y: 600, width: -105, height: -150 })).toEqual(['over']);
    expect(notesInBox(notes, { x: 0, y: 0, width: 1000, height: 1000 })).toEqual(['under', 'over']);
  });

  it('grabs a zone by a handle on its edge, else by its body', () => {
    const zones = LEMNISCATE_IK_WIJ_HET.zones;
    const het = zones.find((zone) => zone.id === 'het');
    if (!het) throw new Error('no HET zone');
    expect(zoneTargetAt(zones, { x: het.area.x + het.area.rx, y: het.area.y }, 1)).toEqual({ zoneId: 'het', handle: 'right' });
    expect(zoneTargetAt(zones, { x: het.area.x, y: het.area.y - 30 }, 1)).toEqual({ zoneId: 'het', handle: 'move' });
    expect(zoneTargetAt(zones, { x: 800, y: 500 }, 1)).toEqual({ zoneId: 'ik', handle: 'move' });
    expect(zoneTargetAt(zones, { x: 5, y: 5 }, 1)).toBeNull();
  });
});

describe('zone handles where zones touch', () => {
  it('take the handle nearest the pointer, not the first zone’s', () => {
    const zones = LEMNISCATE_IK_WIJ_HET.zones;
    // IK's right edge (910, 500) and HET's left edge (880, 500) lie 30 units apart.
    expect(zoneTargetAt(zones, { x: 882, y: 500 }, 1)).toEqual({ zoneId: 'het', handle: 'left' });
    expect(zoneTargetAt(zones, { x: 908, y: 500 }, 1)).toEqual({ zoneId: 'ik', handle: 'right' });
  });
});
