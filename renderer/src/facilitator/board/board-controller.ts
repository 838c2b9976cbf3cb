import { nanoid } from 'nanoid';
import { zoneAt } from '../../../../shared/templates';
import type { RefObject } from 'react';
import type { Id, SessionState } from '../../../../shared/domain';
import { nearestZoneSpot } from '../../../../shared/templates';
import { visibleBox, ZOOM_STEP, zoomView } from '../../canvas/camera';
import { downloadDataUrl, exportBox, exportFileName, exportWorldPng } from '../../canvas/export-png';
import { type CameraTransform, modelViewBox, NOTE, zoneViewBox } from '../../canvas/geometry';
import { CALM_THEME } from '../../canvas/theme';
import type { CanvasApi, DragSet } from '../../canvas/ModelCanvas';
import type { AppStore } from '../../store';
import type { RoomHandle } from '../../room/use-room';
import type { RunCommand } from '../../ui/use-command';
import { type CursorStep, cursorStart, sidesInOrder, stepCursor } from './note-cursor';
import { type Command, deleteCommand, moveCommand, newNoteSpot, nextColor, promoteCommand, recolorCommand } from './note-actions';
import { type ActionContext, actionContext, type BoardAction, boardAction, type Refusal, refusalMessage } from './actions';
import { menuSpot, type MenuSpot } from './menu-spot';
import { openProjector, projectorContrast, setProjectorContrast } from './projector-link';

export interface BoardDeps {
  store: AppStore;
  run: RunCommand;
  sessionId: Id;
  api: RefObject<CanvasApi | null>;
  readOnly(): boolean;
  /** The camera as drawn (the store's, or the fitted model when it has none) and the canvas size. */
  transform(): CameraTransform;
  size(): { width: number; height: number };
  setDrag(drag: DragSet | null): void;
  /** Optimistic positions until the host answers; null for an id clears it. */
  setOverrides(update: (current: ReadonlyMap<Id, { x: number; y: number }>) => ReadonlyMap<Id, { x: number; y: number }>): void;
  pointerWorld(): { x: number; y: number } | null;
  hover(noteId: Id | null, client: { x: number; y: number }): void;
  /** The session's room for phones (use-room.ts), as it is now. */
  room(): RoomHandle | null;
  /** The token a projector window may watch with (the welcome's), if the host gave one. */
  projectorToken(): string | undefined;
  /** Opens the context menu at a spot on the board, or closes it. */
  showMenu(spot: MenuSpot | null): void;
}

/**
 * The work behind the board's actions: the register's (actions/) keys, buttons and menu items call
 * these, and the pointer's gestures (board-gestures.ts) build on them. It reads the store at the
 * moment of acting (never a stale render) and sends one command per action.
 */
export class BoardController {
  constructor(private readonly deps: BoardDeps) {}

  session(): SessionState | null {
    return this.deps.store.getState().session;
  }

  /** One command to the host (one undo step); nothing on a read-only session. */
  send(command: Command | null): Promise<unknown> {
    if (!command || this.deps.readOnly()) return Promise.resolve(null);
    return this.deps.run(this.deps.sessionId, command);
  }

  get state() {
    return this.deps.store.getState();
  }

  /** What the register judges an action against, as things are now. */
  context(): ActionContext {
    const state = this.state;
    return actionContext(state.session, state, this.deps.readOnly(), projectorContrast());
  }

  /** Says plainly why an action does not apply (a phase it does not belong to, nothing chosen). */
  refuse(action: BoardAction, refusal: Refusal, context: ActionContext): void {
    const phases = this.session()?.flow.phases.map((phase) => phase.kind) ?? [];
    const message = refusalMessage(action, refusal, context, this.state.locale, phases);
    if (message) this.state.showToast({ tone: 'info', ...message });
  }

  /** A gesture that writes (a double-click) follows the phases of the action it stands for; if not, it says so. */
  phaseAllows(id: string): boolean {
    const action = boardAction(id);
    const context = this.context();
    const refusal = action.whyNot(context);
    if (refusal?.kind !== 'phase') return true;
    this.refuse(action, refusal, context);
    return false;
  }

  // Selection

  selectBox(ids: readonly Id[], additive: boolean): void {
    this.state.selectCluster(null);
    if (additive) this.state.select([...new Set([...this.state.selection, ...ids])]);
    else this.state.select(ids);
  }

  clearSelection(): void {
    this.state.select([]);
    this.state.selectCluster(null);
  }

  selectAll(): void {
    const session = this.session();
    if (session) this.selectBox(Object.keys(session.notes), false);
  }

  // Notes

  /** A new note at a spot on the model; outside every side it goes to the nearest one, so what is typed next lands in it. */
  newNoteAt(world: { x: number; y: number }): void {
    const session = this.session();
    if (!session || this.deps.readOnly() || !this.phaseAllows('new')) return;
    const spot = nearestZoneSpot(session.template, world.x, world.y);
    if (spot) this.state.startEditing({ kind: 'new', zoneId: spot.zone.id, x: Math.round(spot.x), y: Math.round(spot.y) });
    else this.state.showToast({ tone: 'info', key: 'board.noSides' });
  }

  /** The join code large on the projector, or back in its corner (it steps aside by itself once work starts). */
  toggleJoinInfo(): void {
    const room = this.deps.room();
    if (!room?.status?.open) {
      this.state.showToast({ tone: 'info', key: 'board.joinInfoNoRoom' });
      return;
    }
    room.showOnProjector(!room.status.showJoinInfo);
  }

  /** N at the pointer (or the cursor's side); from the context menu, at the spot it was opened. */
  newNote(at?: { x: number; y: number }): void {
    const session = this.session();
    if (!session || this.deps.readOnly()) return;
    if (at) {
      this.newNoteAt(at);
      return;
    }
    const view = visibleBox(this.deps.transform(), this.deps.size());
    const cursorZone = session.notes[this.state.cursor ?? '']?.zoneId ?? null;
    const spot = newNoteSpot(session, this.deps.pointerWorld(), { x: view.x + view.width / 2, y: view.y + view.height / 2 }, cursorZone);
    if (!spot) {
      this.state.showToast({ tone: 'info', key: 'board.hintOutside' });
      return;
    }
    // The cursor waits on the note being written, so Space picks it as soon as it is saved.
    const id = nanoid();
    this.state.setCursor(id);
    this.state.startEditing({ kind: 'new', id, ...spot });
  }

  editSelection(): void {
    if (this.deps.readOnly()) return;
    const cluster = this.state.selectedClusterId;
    if (cluster) {
      this.state.draftCluster({ kind: 'rename', clusterId: cluster });
      return;
    }
    const [only, ...rest] = this.state.selection;
    const cursor = this.state.cursor;
    if (only && rest.length === 0) this.state.startEditing({ kind: 'edit', noteId: only });
    else if (cursor && this.session()?.notes[cursor]) this.state.startEditing({ kind: 'edit', noteId: cursor });
  }

  /** Opens the theme picker for the chosen group, the one chosen note, or the note at the cursor. */
  linkTheme(): void {
    if (this.deps.readOnly()) return;
    const cluster = this.state.selectedClusterId;
    if (cluster) {
      this.state.openThemePicker({ target: 'cluster', id: cluster });
      return;
    }
    const [only, ...rest] = this.state.selection;
    const cursor = this.state.cursor;
    if (only && rest.length === 0) this.state.openThemePicker({ target: 'note', id: only });
    else if (cursor && this.session()?.notes[cursor]) this.state.openThemePicker({ target: 'note', id: cursor });
  }

  deleteSelection(): void {
    const session = this.session();
    if (!session) return;
    if (this.state.selectedClusterId) {
      this.ungroup();
      return;
    }
    const command = deleteCommand(session, this.state.selection);
    if (command) {
      this.keepCursorPast(session, this.state.selection);
      this.state.select([]);
    }
    void this.send(command);
  }

  /** A cursor on a note about to go moves on to the next note that stays, as a list's focus does. */
  private keepCursorPast(session: SessionState, leaving: readonly Id[]): void {
    const gone = new Set(leaving);
    let cursor = this.state.cursor;
    if (!cursor || !gone.has(cursor)) return;
    for (let steps = Object.keys(session.notes).length; cursor && gone.has(cursor) && steps > 0; steps--) cursor = stepCursor(session, cursor, 'next');
    this.state.setCursor(cursor && !gone.has(cursor) ? cursor : null);
  }

  // The keyboard's cursor

  moveCursor(step: CursorStep): void {
    const session = this.session();
    if (!session) return;
    const next = stepCursor(session, this.state.cursor, step, this.state.selection);
    if (!next) {
      this.state.showToast({ tone: 'info', key: 'cursor.noNotes' });
      return;
    }
    this.state.setCursor(next);
    this.bringIntoView(next);
  }

  /** Space: the cursor's note into the selection or out of it (the first press also places the cursor). */
  pickCursor(): void {
    const session = this.session();
    if (!session) return;
    const id = session.notes[this.state.cursor ?? ''] ? this.state.cursor : cursorStart(session, this.state.selection);
    if (!id) {
      this.state.showToast({ tone: 'info', key: 'cursor.noNotes' });
      return;
    }
    this.state.setCursor(id);
    this.state.selectCluster(null);
    this.state.select([id], 'toggle');
  }

  /** Shift+Space: the group the cursor's note is in, to rename (Enter), promote (P) or ungroup. */
  pickCursorGroup(): void {
    const note = this.session()?.notes[this.state.cursor ?? ''];
    if (note?.clusterId) this.state.selectCluster(note.clusterId);
    else this.pickCursor();
  }

  /** Pans (never zooms) so the cursor's note is on screen: arrow keys may lead past the edge. */
  private bringIntoView(id: Id): void {
    const note = this.session()?.notes[id];
    if (!note) return;
    const shown = visibleBox(this.deps.transform(), this.deps.size());
    const inside =
      note.x - NOTE.width / 2 >= shown.x && note.x + NOTE.width / 2 <= shown.x + shown.width && note.y - NOTE.height / 2 >= shown.y && note.y + NOTE.height / 2 <= shown.y + shown.height;
    if (!inside) this.state.setCamera({ ...shown, x: note.x - shown.width / 2, y: note.y - shown.height / 2 });
  }

  recolor(color: string | null): void {
    const session = this.session();
    if (session) void this.send(recolorCommand(session, this.state.selection, color));
  }

  cycleColor(): void {
    const session = this.session();
    if (session) this.recolor(nextColor(session, this.state.selection));
  }

  nudge(dx: number, dy: number): void {
    const session = this.session();
    if (session) void this.send(moveCommand(session, this.state.selection, dx, dy));
  }

  // Clusters and attention points

  group(): void {
    if (this.deps.readOnly() || this.state.selection.length === 0) return;
    this.state.draftCluster({ kind: 'new', noteIds: [...this.state.selection] });
  }

  ungroup(): void {
    const id = this.state.selectedClusterId;
    if (!id || !this.session()?.clusters[id]) return;
    this.state.selectCluster(null);
    void this.send({ type: 'cluster.ungroup', id });
  }

  promote(): void {
    const session = this.session();
    if (!session || this.deps.readOnly()) return;
    const cluster = this.state.selectedClusterId;
    const targets = cluster ? [{ clusterId: cluster }] : this.state.selection.map((noteId) => ({ noteId }));
    for (const target of targets) {
      const promoted = promoteCommand(session, target);
      if (!promoted) continue;
      void this.send(promoted.command).then((ack) => {
        if (ack) this.state.showToast({ tone: 'info', key: 'toast.promoted', params: { title: promoted.title } });
      });
    }
  }

  // Camera and focus

  zoom(factor: number): void {
    const shown = visibleBox(this.deps.transform(), this.deps.size());
    this.state.setCamera(zoomView(shown, factor));
  }

  zoomIn = () => this.zoom(ZOOM_STEP);
  zoomOut = () => this.zoom(1 / ZOOM_STEP);

  /** 0: the whole model, here and on the projector. */
  fit(): void {
    this.state.setCamera(null);
    void this.send({ type: 'focus.set', zoneId: null });
  }

  /** 1–6: one side large, here and on the projector (focus.set; the projector follows). */
  focusZone(index: number): void {
    const session = this.session();
    const zone = session?.template.zones[index];
    if (!session || !zone) return;
    const first = sidesInOrder(session).find((side) => side.zoneId === zone.id)?.notes[0];
    if (first) this.state.setCursor(first.id);
    this.state.setCamera(zoneViewBox(zone.area));
    void this.send({ type: 'focus.set', zoneId: zone.id });
  }

  /**
   * "Netjes leggen": the selection (with its groups whole) laid down without overlap where it was,
   * or, with nothing selected, the whole side the facilitator is working on: the side of the
   * keyboard's cursor, else the one on the projector, else the current phase's. One undo step.
   */
  tidy(at?: { x: number; y: number }): void {
    const session = this.session();
    if (!session) return;
    const cluster = this.state.selectedClusterId ? session.clusters[this.state.selectedClusterId] : undefined;
    const picked = cluster ? Object.values(session.notes).filter((note) => note.clusterId === cluster.id) : this.state.selection.flatMap((id) => session.notes[id] ?? []);
    if (picked.length > 0) {
      void this.send({ type: 'notes.tidy', noteIds: picked.map((note) => note.id) }).then((ack) => {
        if (ack) this.state.showToast({ tone: 'info', key: 'toast.tidiedSelection' });
      });
      return;
    }
    const cursorZone = session.notes[this.state.cursor ?? '']?.zoneId;
    const pointed = at ? zoneAt(session.template, at.x, at.y)?.id : undefined;
    const phaseZone = session.flow.phases.find((phase) => phase.id === session.flow.currentPhaseId)?.zoneId ?? undefined;
    const zoneId = pointed ?? cursorZone ?? picked[0]?.zoneId ?? session.flow.focusZoneId ?? phaseZone;
    const zone = session.template.zones.find((candidate) => candidate.id === zoneId);
    if (!zone) {
      this.state.showToast({ tone: 'info', key: 'board.tidyWhichSide' });
      return;
    }
    void this.send({ type: 'notes.tidy', zoneId: zone.id }).then((ack) => {
      if (ack) this.state.showToast({ tone: 'info', key: 'toast.tidied', params: { side: zone.name } });
    });
  }

  // History and help

  undo(): void {
    void this.send({ type: 'history.undo' });
  }

  redo(): void {
    if (this.deps.readOnly()) return;
    void this.deps.run(this.deps.sessionId, { type: 'history.redo' }, { messageFor: (error) => (error.code === 'nothing_to_undo' ? 'toast.nothingToRedo' : null) });
  }

  toggleHelp(): void {
    this.state.openPanel(this.state.panel === 'help' ? null : 'help');
  }

  // The toolbar's and the view column's own

  toggleModelEditor(): void {
    if (this.deps.readOnly()) return;
    this.state.openPanel(this.state.panel === 'template' ? null : 'template');
  }

  openProjector(): void {
    openProjector(this.deps.projectorToken());
  }

  toggleContrast(): void {
    setProjectorContrast(!projectorContrast());
  }

  /** The whole model with all notes as a PNG picture, downloaded. */
  exportPicture(): void {
    const session = this.session();
    const stage = this.deps.api.current?.stage();
    const box = session ? exportBox(modelViewBox(session.template.zones, Object.values(session.notes), 0.02)) : null;
    const url = stage && box ? exportWorldPng(stage, { box, paper: CALM_THEME.paper }) : null;
    if (!session || !url) {
      this.state.showToast({ tone: 'error', key: 'toast.exportFailed' });
      return;
    }
    downloadDataUrl(url, exportFileName(session.meta.title, session.meta.date));
    this.state.showToast({ tone: 'info', key: 'toast.exported' });
  }

  // The context menu (a right-click opens it in board-gestures.ts)

  /** Shift+F10 or the menu key: the cursor is the keyboard's pointer, so its note is chosen as a right-click would. */
  openMenuByKeys(): void {
    const session = this.session();
    if (!session) return;
    const cursor = session.notes[this.state.cursor ?? ''];
    const inChosenGroup = cursor?.clusterId != null && cursor.clusterId === this.state.selectedClusterId;
    if (cursor && !inChosenGroup && !this.state.selection.includes(cursor.id)) {
      this.state.selectCluster(null);
      this.state.select([cursor.id]);
    }
    this.deps.showMenu(menuSpot(session, this.state, this.deps.transform(), this.deps.size()));
  }
}
