import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Id, SessionState } from '../../../../shared/domain';
import { clusterRegion } from '../../canvas/cluster-geometry';
import { fitViewBox, labelPlacement, modelViewBox } from '../../canvas/geometry';
import { type CanvasApi, type DragSet, ModelCanvas } from '../../canvas/ModelCanvas';
import type { OverlayState } from '../../canvas/overlay-painter';
import { useElementSize } from '../../canvas/use-element-size';
import { TemplatePanel } from '../../templates/TemplatePanel';
import { ThemePicker } from '../../themes/ThemePicker';
import { useAppStore, useClient, useStoreApi } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { RoomHandle } from '../../room/use-room';
import type { RunCommand } from '../../ui/use-command';
import { BoardController, type BoardDeps } from './board-controller';
import { PointerGestures } from './board-gestures';
import { BoardToolbar } from './BoardToolbar';
import { ClusterTitleEditor } from './ClusterTitleEditor';
import { ContextMenu } from './ContextMenu';
import { CursorStatus } from './CursorStatus';
import { HelpOverlay } from './HelpOverlay';
import { HoverCard, type HoverTarget } from './HoverCard';
import type { MenuSpot } from './menu-spot';
import { NoteEditor } from './NoteEditor';
import { NotesList } from './NotesList';
import { PointerTool } from './pointer-tool';
import { useActionContext } from './use-action-context';
import { useBoardKeys } from './use-board-keys';
import { usePointerTool } from './use-pointer-tool';
import { ViewControls } from './ViewControls';
import './board.css';

interface BoardProps {
  sessionId: Id;
  session: SessionState;
  readOnly: boolean;
  run: RunCommand;
  room: RoomHandle;
}

/** Air between the fitted model and the sides bar, in screen pixels. */
const SIDES_BAR_AIR = 8;

/**
 * How far up from the board's bottom edge a bar standing on it reaches (its height, its offset and
 * a little air), followed as the bar wraps onto a second line with six sides or a narrower window.
 */
function useRoomBelow(boardRef: RefObject<HTMLElement | null>, barRef: RefObject<HTMLElement | null>): number {
  const [room, setRoom] = useState(0);
  useLayoutEffect(() => {
    const board = boardRef.current;
    const bar = barRef.current;
    if (!board || !bar) return;
    const measure = () => setRoom(Math.max(0, Math.round(board.getBoundingClientRect().bottom - bar.getBoundingClientRect().top + SIDES_BAR_AIR)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(board);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [boardRef, barRef]);
  return room;
}

type Positions = ReadonlyMap<Id, { x: number; y: number }>;
/** The template editor's width on screen (templates.css: min(26rem, 90%) at 18 px, plus air). */
const TEMPLATE_PANEL_WIDTH = 440;
const NO_OVERRIDES: Positions = new Map();

/**
 * The facilitator's canvas with its toolbar: the model, its notes and clusters, and the gestures,
 * keys, bars and menu that change them. Gestures run in the pointer tool, actions are declared in
 * the register (actions/) and done by the board controller; this component only wires them to the
 * store, the host and the canvas.
 */
export function Board({ sessionId, session, readOnly, run, room }: BoardProps) {
  const t = useT();
  const store = useStoreApi();
  const client = useClient();
  const selection = useAppStore((state) => state.selection);
  const selectedClusterId = useAppStore((state) => state.selectedClusterId);
  const editing = useAppStore((state) => state.editing);
  const stopEditing = useAppStore((state) => state.stopEditing);
  const camera = useAppStore((state) => state.camera);
  const panel = useAppStore((state) => state.panel);
  const themeTarget = useAppStore((state) => state.themeTarget);
  const clusterDraft = useAppStore((state) => state.clusterDraft);
  const cursor = useAppStore((state) => state.cursor);
  const [canvasFocused, setCanvasFocused] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<CanvasApi>(null);
  const size = useElementSize(boxRef);
  const sidesRef = useRef<HTMLElement>(null);
  const sidesRoom = useRoomBelow(boxRef, sidesRef);
  const [drag, setDrag] = useState<DragSet | null>(null);
  const [overrides, setOverrides] = useState<Positions>(NO_OVERRIDES);
  const [hover, setHover] = useState<HoverTarget | null>(null);
  const [menu, setMenu] = useState<MenuSpot | null>(null);
  const selectionRef = useRef<HTMLDivElement>(null);
  const context = useActionContext(session, readOnly);

  const fitted = useMemo(() => modelViewBox(session.template.zones, Object.values(session.notes)), [session.template.zones, session.notes]);
  const view = camera ?? fitted;
  const editingModel = panel === 'template' && !readOnly;
  // A model with names under its bottom sides (Creatielemniscaat, Oordeelsvorming) fits above the
  // sides bar, which would cover them; one with all names on top keeps the full height, so its type
  // stays as large as it can. With the model editor open at the right, the model fits left of it.
  // A camera the facilitator zoomed or panned is shown as it is: fitted into less, it would jump on
  // the next zoom step.
  const namesBelow = useMemo(() => session.template.zones.some((zone) => labelPlacement(zone.area).side === 'below'), [session.template.zones]);
  const fitSize =
    camera === null
      ? {
          width: editingModel ? Math.max(240, size.width - TEMPLATE_PANEL_WIDTH) : size.width,
          height: namesBelow ? Math.max(240, size.height - sidesRoom) : size.height,
        }
      : size;
  const transform = fitViewBox(view, fitSize);
  const live = useRef({ transform, size, readOnly, session, editingModel, room, client });
  live.current = { transform, size, readOnly, session, editingModel, room, client };
  const toolRef = useRef<PointerTool | null>(null);

  const { controller, gestures } = useMemo(() => {
    const deps: BoardDeps = {
      store,
      run,
      sessionId,
      api: apiRef,
      readOnly: () => live.current.readOnly,
      transform: () => live.current.transform,
      size: () => live.current.size,
      setDrag,
      setOverrides,
      pointerWorld: () => toolRef.current?.pointerWorld() ?? null,
      hover: (id, client) => setHover((current) => (current?.id === id ? current : id ? { id, x: client.x, y: client.y } : null)),
      room: () => live.current.room,
      projectorToken: () => live.current.client.welcome?.projectorToken,
      showMenu: setMenu,
    };
    const board = new BoardController(deps);
    return { controller: board, gestures: new PointerGestures(board, deps) };
  }, [store, run, sessionId]);
  const closeHelp = useCallback(() => {
    if (store.getState().panel !== 'help') return false;
    store.getState().openPanel(null);
    return true;
  }, [store]);
  const closePanel = useCallback(() => store.getState().openPanel(null), [store]);
  const writing = useCallback(() => {
    const state = store.getState();
    return state.editing !== null || state.clusterDraft !== null;
  }, [store]);
  const holds = useCallback((element: Element) => boxRef.current?.contains(element) === true || selectionRef.current?.contains(element) === true, []);
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu(null);
    if (refocus) canvasRef.current?.focus({ preventScroll: true });
  }, []);
  const space = useBoardKeys(controller, { readOnly, holds, closeHelp, writing });
  useBoardFocus(canvasRef, editing !== null || clusterDraft !== null);
  // A note or a group's name being written closes the menu: it never comes back over the editor.
  useEffect(() => {
    if (editing !== null || clusterDraft !== null) setMenu(null);
  }, [editing, clusterDraft]);
  const tool = useMemo(() => {
    const created = new PointerTool(
      {
        api: () => apiRef.current,
        element: () => canvasRef.current,
        transform: () => live.current.transform,
        size: () => live.current.size,
        editedZones: () => (live.current.editingModel ? live.current.session.template.zones : null),
        spaceHeld: () => space.current,
      },
      gestures,
    );
    toolRef.current = created;
    return created;
  }, [gestures, space]);
  usePointerTool(canvasRef, tool);

  const overlay = useMemo<OverlayState>(() => {
    const at = (id: Id) => {
      const note = session.notes[id];
      if (!note) return [];
      const moved = overrides.get(id);
      return [{ id, x: moved?.x ?? note.x, y: moved?.y ?? note.y }];
    };
    const cluster = selectedClusterId ? session.clusters[selectedClusterId] : undefined;
    const members = cluster ? Object.values(session.notes).filter((note) => note.clusterId === cluster.id) : [];
    return {
      selectedNotes: drag ? [] : selection.flatMap(at),
      // The ring shows where the keys act, so only while they do: the canvas has the focus.
      cursorNote: cursor && canvasFocused && !drag ? (at(cursor)[0] ?? null) : null,
      selectedCluster: cluster && !drag ? clusterRegion(cluster, members.map((note) => ({ ...note, ...overrides.get(note.id) }))) : null,
      marquee: null,
      editedZones: editingModel ? session.template.zones : null,
      pixel: 1 / transform.scale,
    };
  }, [session.notes, session.clusters, session.template.zones, selection, selectedClusterId, overrides, drag, editingModel, transform.scale, cursor, canvasFocused]);

  const labels = useMemo(() => ({ kenweg: t('canvas.kenweg'), keuzeweg: t('canvas.keuzeweg') }), [t]);
  const onNotesDrawn = useCallback((count: number) => {
    if (boxRef.current) boxRef.current.dataset.notesDrawn = String(count);
  }, []);

  const writingNow = editing !== null || clusterDraft !== null;
  return (
    <>
      <BoardToolbar session={session} board={controller} context={context} selectionRef={selectionRef} tools={!writingNow && !editingModel} />
      <div
        ref={boxRef}
        className={`board${editingModel ? ' board-editing-model' : ''}`}
        data-testid="board"
        data-scale={transform.scale}
        data-offset-x={transform.x}
        data-offset-y={transform.y}
      >
        {/* Focusable, so Tab reaches the board and its keys act only while it (or its bars) has the focus. */}
        <div
          ref={canvasRef}
          className="board-canvas"
          role="application"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas is operated by keys (the register in actions/), as an application
          tabIndex={0}
          aria-label={t('canvas.drawn', { count: Object.keys(session.notes).length })}
          onFocus={() => setCanvasFocused(true)}
          onBlur={() => setCanvasFocused(false)}
        >
          {size.width > 0 && (
            <ModelCanvas
              template={session.template}
              notes={session.notes}
              clusters={session.clusters}
              size={size}
              view={view}
              fitSize={fitSize}
              labels={labels}
              overrides={overrides}
              overlay={overlay}
              drag={drag}
              apiRef={apiRef}
              onNotesDrawn={onNotesDrawn}
            />
          )}
        </div>
        {editing && (
          <NoteEditor
            key={JSON.stringify(editing)}
            sessionId={sessionId}
            session={session}
            draft={editing}
            transform={transform}
            run={run}
            onDone={stopEditing}
          />
        )}
        {clusterDraft && (
          <ClusterTitleEditor key={JSON.stringify(clusterDraft)} draft={clusterDraft} session={session} transform={transform} sessionId={sessionId} run={run} />
        )}
        <ViewControls session={session} board={controller} context={context} sidesRef={sidesRef} />
        {hover && !drag && !editing && !menu && <HoverCard target={hover} session={session} />}
        {panel === 'help' && <HelpOverlay context={context} onClose={() => store.getState().openPanel(null)} />}
        {menu && <ContextMenu key={`${menu.x},${menu.y}`} spot={menu} board={controller} context={context} onClose={closeMenu} />}
        {panel === 'theme' && themeTarget && (
          <ThemePicker session={session} sessionId={sessionId} target={themeTarget} readOnly={readOnly} run={run} onClose={closePanel} />
        )}
        {editingModel && <TemplatePanel sessionId={sessionId} session={session} run={run} onClose={() => store.getState().openPanel(null)} />}
        <NotesList session={session} />
        <CursorStatus session={session} cursor={cursor} selected={cursor !== null && selection.includes(cursor)} />
      </div>
    </>
  );
}

/**
 * The board takes the focus when the session opens, and takes it back when a note or title editor
 * closes and left the focus nowhere, so the board's keys go on working without a click.
 */
function useBoardFocus(canvasRef: RefObject<HTMLDivElement | null>, writing: boolean): void {
  useEffect(() => {
    if (writing) return;
    const focus = document.activeElement;
    if (focus === null || focus === document.body) canvasRef.current?.focus({ preventScroll: true });
  }, [canvasRef, writing]);
}
