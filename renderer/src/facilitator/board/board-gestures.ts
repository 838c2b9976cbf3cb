import type { Id, ZoneArea } from '../../../../shared/domain';
import type { Hit } from '../../canvas/hit-test';
import type { ViewBox } from '../../store';
import type { BoardController, BoardDeps } from './board-controller';
import { type Command, moveCommand } from './note-actions';
import type { BoardGestures } from './pointer-tool';

/**
 * What the pointer's gestures do to the board (the pointer tool only tells them apart): choosing,
 * dragging, double-clicking, right-clicking. They build on the board controller's actions, so a
 * double-click that writes a note follows the same phases as N.
 */
export class PointerGestures implements BoardGestures {
  private dragged: { hit: Hit; noteIds: Id[] } | null = null;

  constructor(
    private readonly board: BoardController,
    private readonly deps: BoardDeps,
  ) {}

  private get state() {
    return this.board.state;
  }

  click(hit: Hit | null, additive: boolean): void {
    // The pointer chose: the keyboard starts again from the selection.
    this.state.setCursor(null);
    if (!hit) {
      this.board.clearSelection();
      return;
    }
    if (hit.kind === 'cluster') this.state.selectCluster(hit.id);
    else {
      this.state.selectCluster(null);
      this.state.select([hit.id], additive ? 'toggle' : 'replace');
    }
  }

  selectBox(ids: Id[], additive: boolean): void {
    this.board.selectBox(ids, additive);
  }

  doubleClick(hit: Hit | null, world: { x: number; y: number }): void {
    if (!this.board.session() || this.deps.readOnly()) return;
    if (hit?.kind === 'note') {
      if (this.board.phaseAllows('edit')) this.state.startEditing({ kind: 'edit', noteId: hit.id });
      return;
    }
    if (hit?.kind === 'cluster' && hit.onTitle) {
      if (this.board.phaseAllows('edit')) this.state.draftCluster({ kind: 'rename', clusterId: hit.id });
      return;
    }
    this.board.newNoteAt(world);
  }

  /** A right-click: what is under the pointer is chosen (unless it already is), as in every drawing program. */
  contextMenu(hit: Hit | null, local: { x: number; y: number }, world: { x: number; y: number }): void {
    this.state.setCursor(null);
    if (!hit) this.board.clearSelection();
    else if (hit.kind === 'cluster') {
      if (this.state.selectedClusterId !== hit.id) this.state.selectCluster(hit.id);
    } else if (!this.state.selection.includes(hit.id)) {
      this.state.selectCluster(null);
      this.state.select([hit.id]);
    }
    this.deps.showMenu({ ...local, world });
  }

  keyboardMenu(): void {
    this.board.openMenuByKeys();
  }

  beginDrag(hit: Hit): boolean {
    const session = this.board.session();
    if (!session || this.deps.readOnly()) return false;
    if (hit.kind === 'cluster') {
      const region = this.deps.api.current?.regions().find((candidate) => candidate.id === hit.id);
      this.state.selectCluster(hit.id);
      this.dragged = { hit, noteIds: region?.noteIds ?? [] };
      this.deps.setDrag({ noteIds: new Set(this.dragged.noteIds), clusterIds: new Set([hit.id]) });
      return true;
    }
    const selection = this.state.selection;
    const ids = selection.includes(hit.id) ? selection : [hit.id];
    if (!selection.includes(hit.id)) {
      this.state.selectCluster(null);
      this.state.select(ids);
    }
    this.dragged = { hit, noteIds: [...ids] };
    this.deps.setDrag({ noteIds: new Set(ids), clusterIds: new Set() });
    return true;
  }

  drop(dx: number, dy: number): void {
    const dragged = this.dragged;
    const session = this.board.session();
    this.dragged = null;
    if (!dragged || !session) {
      this.deps.setDrag(null);
      return;
    }
    const moved = dragged.noteIds.flatMap((id) => {
      const note = session.notes[id];
      return note ? [[id, { x: Math.round(note.x + dx), y: Math.round(note.y + dy) }] as const] : [];
    });
    // Drawn where they were let go until the host answers, in the same render that ends the drag.
    this.deps.setOverrides((current) => new Map([...current, ...moved]));
    this.deps.setDrag(null);
    const cluster = dragged.hit.kind === 'cluster' ? session.clusters[dragged.hit.id] : undefined;
    const command: Command | null = cluster
      ? { type: 'cluster.move', id: cluster.id, x: Math.round(cluster.x + dx), y: Math.round(cluster.y + dy) }
      : moveCommand(session, dragged.noteIds, dx, dy);
    void this.board.send(command).finally(() =>
      this.deps.setOverrides((current) => {
        const next = new Map(current);
        for (const [id] of moved) next.delete(id);
        return next;
      }),
    );
  }

  cancelDrag(): void {
    this.dragged = null;
    this.deps.setDrag(null);
  }

  commitCamera(view: ViewBox): void {
    this.state.setCamera(view);
  }

  moveZone(zoneId: Id, area: ZoneArea): void {
    void this.board.send({ type: 'zone.area', id: zoneId, ...area });
  }

  hover(noteId: Id | null, client: { x: number; y: number }): void {
    this.deps.hover(noteId, client);
  }
}
