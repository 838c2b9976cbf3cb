import type { Id, Zone, ZoneArea } from '../../../../shared/domain';
import { panView, visibleBox, wheelFactor, zoomView } from '../../canvas/camera';
import { type CameraTransform, fitViewBox } from '../../canvas/geometry';
import { type Hit, hitTest, notesInBox, noteAt, type ZoneHandle, zoneTargetAt } from '../../canvas/hit-test';
import type { CanvasApi } from '../../canvas/ModelCanvas';
import type { ViewBox } from '../../store';
import { zoneAreaAfter } from './zone-edit';

/** What the gestures do to the board; the tool itself only tells pointer movements apart. */
export interface BoardGestures {
  click(hit: Hit | null, additive: boolean): void;
  doubleClick(hit: Hit | null, world: { x: number; y: number }): void;
  /** A drag of notes or a cluster begins; returns false when nothing may move (read-only). */
  beginDrag(hit: Hit): boolean;
  drop(dx: number, dy: number): void;
  cancelDrag(): void;
  selectBox(ids: Id[], additive: boolean): void;
  commitCamera(view: ViewBox): void;
  moveZone(zoneId: Id, area: ZoneArea): void;
  hover(noteId: Id | null, client: { x: number; y: number }): void;
  /** A right-click: what is there, where on the board (pixels) and where on the model. */
  contextMenu(hit: Hit | null, local: { x: number; y: number }, world: { x: number; y: number }): void;
  /** The browser's menu event came from the keyboard (the menu key, Shift+F10): the menu opens at the cursor. */
  keyboardMenu(): void;
}

export interface ToolEnvironment {
  api(): CanvasApi | null;
  element(): HTMLElement | null;
  /** The committed camera as drawn now, and the canvas size. */
  transform(): CameraTransform;
  size(): { width: number; height: number };
  /** Zones being edited (the template editor is open), or null. */
  editedZones(): readonly Zone[] | null;
  spaceHeld(): boolean;
}

type State =
  | { kind: 'idle' }
  | {
      kind: 'pressing';
      hit: Hit | null;
      start: Point;
      world: Point;
      additive: boolean;
      zone: { zoneId: Id; handle: ZoneHandle } | null;
      /** 'mouse', 'touch' or 'pen': a finger and a pen have no Shift, so their rubber band starts otherwise. */
      pointerType: string;
      time: number;
      /** The browser asked for a menu during a finger's or pen's long press; it opens on release, unless the press became a drag. */
      menu: { local: Point; world: Point } | null;
    }
  | { kind: 'dragging'; world: Point }
  | { kind: 'marquee'; world: Point; additive: boolean }
  | { kind: 'panning'; start: Point; view: ViewBox; transform: CameraTransform }
  | { kind: 'pinching'; view: ViewBox; transform: CameraTransform; distance: number; middle: Point }
  | { kind: 'zone'; zone: Zone; handle: ZoneHandle; world: Point };

interface Point {
  x: number;
  y: number;
}

/** Moves shorter than this (in pixels) are a click, not a drag. */
const DRAG_THRESHOLD = 4;
/** A finger moves a little even when it means to stay: its taps and long presses allow this much (pixels). */
const TOUCH_SLOP = 10;
/**
 * A finger held still this long on an empty spot, then dragged, draws a rubber band instead of
 * moving the view (a finger has no Shift). Long enough that a quick pan never becomes one.
 */
export const LONG_PRESS_MS = 450;
/** Two taps within this time and distance are a double tap: a new note or editing, as a double-click. */
const DOUBLE_TAP_MS = 400;
const DOUBLE_TAP_DISTANCE = 30;
/** The ring's radius in pixels: larger than a fingertip, so it shows around it. */
const HOLD_RING = 36;
/** How long after a long press opened the menu the browser's click from it may still come. */
const HOLD_CLICK_MS = 400;
/**
 * A menu event this long after the last press did not come from a press (a right-click, a long
 * touch): the keyboard asked for it, and where the pointer is says nothing.
 */
const PRESS_TO_MENU_MS = 1500;
/** A wheel gesture ends (and is redrawn sharp) after this long without a new notch. */
const WHEEL_SETTLE_MS = 160;

/**
 * The board's pointer gestures as a small state machine (tldraw's tools, in one file): press,
 * then either a click, a drag of notes or a cluster, a rubber band (Shift), a pan (empty spot,
 * space, middle button, one finger), a pinch, or moving and resizing a zone while editing the model.
 * A finger or a pen on an interactive whiteboard does the same without keys: a tap is a click, a
 * double tap a double-click, a pen dragged over an empty spot or a finger held still first draws
 * the rubber band, and two fingers pan and zoom the view.
 * Between press and release nothing goes through React: the canvas moves its drag layer or
 * previews the camera, and the store hears once, at the end.
 */
export class PointerTool {
  private state: State = { kind: 'idle' };
  private readonly pointers = new Map<number, Point>();
  private wheelView: ViewBox | null = null;
  private wheelTimer: ReturnType<typeof setTimeout> | null = null;
  private lastClient: Point | null = null;
  private lastPress = Number.NEGATIVE_INFINITY;
  /** The last finger's or pen's tap, to tell a double tap; null after anything else. */
  private lastTap: { time: number; client: Point } | null = null;
  /** The kind of pointer that last pressed: the browser's own dblclick after a double tap is not a second one. */
  private lastPressType = 'mouse';
  /** Shows a finger held still on an empty spot that its drag will now draw a rubber band. */
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private holdRing = false;
  /** When a finger's long press last opened the menu: the browser's own menu event after it is not a second one. */
  private lastHoldMenu = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly env: ToolEnvironment,
    private readonly gestures: BoardGestures,
  ) {}

  /** Where the pointer last was, in world units (for N: a new note at the pointer). */
  pointerWorld(): Point | null {
    return this.lastClient ? this.toWorld(this.lastClient) : null;
  }

  private local(client: Point): Point {
    const box = this.env.element()?.getBoundingClientRect();
    return { x: client.x - (box?.left ?? 0), y: client.y - (box?.top ?? 0) };
  }

  private transform(): CameraTransform {
    return this.env.transform();
  }

  private toWorld(client: Point): Point {
    const local = this.local(client);
    const camera = this.transform();
    return { x: (local.x - camera.x) / camera.scale, y: (local.y - camera.y) / camera.scale };
  }

  private hitAt(world: Point): Hit | null {
    const api = this.env.api();
    return api ? hitTest(api.notes(), api.regions(), world) : null;
  }

  down(event: PointerEvent): void {
    this.lastPress = event.timeStamp;
    this.lastPressType = event.pointerType || 'mouse';
    const client = { x: event.clientX, y: event.clientY };
    this.pointers.set(event.pointerId, client);
    this.lastClient = client;
    this.gestures.hover(null, client);
    if (this.pointers.size === 2) {
      this.startPinch();
      return;
    }
    if (this.pointers.size > 2 || this.state.kind !== 'idle') return;
    const world = this.toWorld(client);
    const panButton = event.button === 1 || (event.button === 0 && this.env.spaceHeld());
    if (panButton) {
      this.startPan(client);
      return;
    }
    if (event.button !== 0) return;
    const edited = this.env.editedZones();
    const zone = edited ? zoneTargetAt(edited, world, this.transform().scale) : null;
    const hit = edited ? null : this.hitAt(world);
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    this.state = { kind: 'pressing', hit, start: client, world, additive, zone, pointerType: this.lastPressType, time: event.timeStamp, menu: null };
    if (this.lastPressType === 'touch' && !hit && !edited) this.armHold(this.state);
  }

  move(event: PointerEvent): void {
    const client = { x: event.clientX, y: event.clientY };
    this.lastClient = client;
    if (this.pointers.has(event.pointerId)) this.pointers.set(event.pointerId, client);
    const state = this.state;
    // Only the pointers that are pressed steer a gesture: a pen hovering, or a mouse moved while a finger drags, does not.
    if (state.kind !== 'idle' && !this.pointers.has(event.pointerId)) return;
    switch (state.kind) {
      case 'idle':
        this.hover(client);
        return;
      case 'pressing': {
        const slop = state.pointerType === 'touch' ? TOUCH_SLOP : DRAG_THRESHOLD;
        if (Math.hypot(client.x - state.start.x, client.y - state.start.y) >= slop) this.startDragging(state, event);
        return;
      }
      case 'dragging': {
        const world = this.toWorld(client);
        this.env.api()?.moveDrag(world.x - state.world.x, world.y - state.world.y);
        return;
      }
      case 'marquee': {
        const world = this.toWorld(client);
        this.env.api()?.setMarquee({ x: state.world.x, y: state.world.y, width: world.x - state.world.x, height: world.y - state.world.y });
        return;
      }
      case 'panning': {
        const next = panView(state.view, client.x - state.start.x, client.y - state.start.y, state.transform.scale);
        this.env.api()?.previewCamera(fitViewBox(next, this.env.size()));
        return;
      }
      case 'pinching':
        this.previewPinch(state);
        return;
      case 'zone':
        this.previewZone(state, this.toWorld(client));
        return;
    }
  }

  up(event: PointerEvent): void {
    const client = { x: event.clientX, y: event.clientY };
    const state = this.state;
    // A finger that was not part of the gesture (one left over after a pinch) ends nothing.
    if (!this.pointers.has(event.pointerId) && state.kind !== 'idle') return;
    // Where the fingers left the camera, read while both are still known.
    const pinched = state.kind === 'pinching' ? this.pinchView(state) : null;
    this.pointers.delete(event.pointerId);
    const world = this.toWorld(client);
    this.state = { kind: 'idle' };
    this.disarmHold();
    switch (state.kind) {
      case 'pressing':
        // A finger held still and lifted is a right-click (as on Windows): not every browser sends a menu event for it.
        if (state.menu || (state.pointerType === 'touch' && event.timeStamp - state.time >= LONG_PRESS_MS)) {
          this.lastHoldMenu = event.timeStamp;
          this.gestures.contextMenu(state.hit, state.menu?.local ?? this.local(state.start), state.menu?.world ?? state.world);
          return;
        }
        if (state.pointerType !== 'mouse' && this.isDoubleTap(event.timeStamp, client)) {
          this.lastTap = null;
          if (!this.env.editedZones()) this.gestures.doubleClick(state.hit, state.world);
          return;
        }
        this.lastTap = state.pointerType === 'mouse' ? null : { time: event.timeStamp, client };
        this.gestures.click(state.hit, state.additive);
        return;
      case 'dragging':
        this.gestures.drop(world.x - state.world.x, world.y - state.world.y);
        return;
      case 'marquee': {
        this.env.api()?.setMarquee(null);
        const box = { x: state.world.x, y: state.world.y, width: world.x - state.world.x, height: world.y - state.world.y };
        this.gestures.selectBox(notesInBox(this.env.api()?.notes() ?? [], box), state.additive);
        return;
      }
      case 'panning':
        this.gestures.commitCamera(panView(state.view, client.x - state.start.x, client.y - state.start.y, state.transform.scale));
        return;
      case 'pinching':
        // The pinch ends with the first finger lifted; the camera stays where the fingers left it.
        this.gestures.commitCamera(pinched ?? state.view);
        return;
      case 'zone': {
        const area = zoneAreaAfter(state.zone, state.handle, world.x - state.world.x, world.y - state.world.y);
        this.env.api()?.setMarquee(null);
        this.gestures.moveZone(state.zone.id, area);
        return;
      }
      case 'idle':
        return;
    }
  }

  /** The pointer left or the browser took it (a system gesture): nothing half-done stays behind. */
  cancel(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
    const state = this.state;
    this.state = { kind: 'idle' };
    this.disarmHold();
    if (state.kind === 'dragging') this.gestures.cancelDrag();
    if (state.kind === 'marquee' || state.kind === 'zone') this.env.api()?.setMarquee(null);
    if (state.kind === 'panning' || state.kind === 'pinching') this.env.api()?.previewCamera(null);
  }

  /**
   * The click the browser makes of a finger's long press arrives after its release, where the menu
   * has just opened under the finger: it would press the menu's first item. True for that click.
   */
  swallowsClick(event: MouseEvent): boolean {
    return event.timeStamp - this.lastHoldMenu <= HOLD_CLICK_MS;
  }

  doubleClick(event: MouseEvent): void {
    // After a finger's or pen's double tap the tool has answered already (see up).
    if (this.env.editedZones() || this.lastPressType !== 'mouse') return;
    const world = this.toWorld({ x: event.clientX, y: event.clientY });
    this.gestures.doubleClick(this.hitAt(world), world);
  }

  /** The browser's own menu never shows over the board; while the model is being edited, none does. */
  contextMenu(event: MouseEvent): void {
    event.preventDefault();
    const pressed = this.state;
    // A finger's or pen's long press: the menu waits for the release, so holding still and then
    // dragging can still draw a rubber band.
    if (pressed.kind === 'pressing' && pressed.pointerType !== 'mouse' && !this.env.editedZones()) {
      const client = { x: event.clientX, y: event.clientY };
      this.state = { ...pressed, menu: { local: this.local(client), world: this.toWorld(client) } };
      return;
    }
    // A Ctrl+click on a Mac is a press that turns into this menu: it is no longer a click.
    if (this.state.kind === 'pressing') this.state = { kind: 'idle' };
    if (this.env.editedZones() || this.state.kind !== 'idle') return;
    if (this.lastPressType !== 'mouse' && event.timeStamp - this.lastHoldMenu <= PRESS_TO_MENU_MS) return;
    if (!(event.timeStamp - this.lastPress <= PRESS_TO_MENU_MS)) {
      this.gestures.keyboardMenu();
      return;
    }
    const client = { x: event.clientX, y: event.clientY };
    const world = this.toWorld(client);
    this.gestures.contextMenu(this.hitAt(world), this.local(client), world);
  }

  wheel(event: WheelEvent): void {
    event.preventDefault();
    if (this.state.kind !== 'idle') return;
    const size = this.env.size();
    const base = this.wheelView ?? visibleBox(this.transform(), size);
    const local = this.local({ x: event.clientX, y: event.clientY });
    const camera = fitViewBox(base, size);
    const visible = visibleBox(camera, size);
    const focus = { fx: (local.x - camera.x) / camera.scale - visible.x, fy: (local.y - camera.y) / camera.scale - visible.y };
    const next = zoomView(visible, wheelFactor(event.deltaY, event.deltaMode), { fx: focus.fx / visible.width, fy: focus.fy / visible.height });
    this.wheelView = next;
    this.env.api()?.previewCamera(fitViewBox(next, size));
    if (this.wheelTimer) clearTimeout(this.wheelTimer);
    this.wheelTimer = setTimeout(() => {
      const settled = this.wheelView;
      this.wheelView = null;
      this.wheelTimer = null;
      if (settled) this.gestures.commitCamera(settled);
    }, WHEEL_SETTLE_MS);
  }

  private hover(client: Point): void {
    const api = this.env.api();
    if (!api || this.env.editedZones()) return;
    this.gestures.hover(noteAt(api.notes(), this.toWorld(client)), client);
  }

  private startDragging(state: Extract<State, { kind: 'pressing' }>, event: PointerEvent): void {
    this.lastTap = null;
    this.disarmHold();
    if (state.zone) {
      const zone = this.env.editedZones()?.find((candidate) => candidate.id === state.zone?.zoneId);
      this.state = zone ? { kind: 'zone', zone, handle: state.zone.handle, world: state.world } : { kind: 'idle' };
      return;
    }
    if (state.hit && this.gestures.beginDrag(state.hit)) {
      this.state = { kind: 'dragging', world: state.world };
      this.move(event);
      return;
    }
    if (state.hit) {
      this.state = { kind: 'idle' };
      return;
    }
    // The rubber band: Shift with a mouse; a pen (a finger pans); a finger held still first.
    const held = state.pointerType === 'touch' && event.timeStamp - state.time >= LONG_PRESS_MS;
    const band = state.pointerType === 'touch' ? held : state.additive || state.pointerType === 'pen';
    if (band) {
      this.state = { kind: 'marquee', world: state.world, additive: state.additive };
      this.move(event);
      return;
    }
    this.startPan(state.start);
    this.move(event);
  }

  /** After LONG_PRESS_MS of holding still, a small ring under the finger: its drag now draws a rubber band. */
  private armHold(pressed: Extract<State, { kind: 'pressing' }>): void {
    this.disarmHold();
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null;
      if (this.state !== pressed) return;
      const radius = HOLD_RING / this.transform().scale;
      this.holdRing = true;
      this.env.api()?.setMarquee({ x: pressed.world.x - radius, y: pressed.world.y - radius, width: 2 * radius, height: 2 * radius, ellipse: true });
    }, LONG_PRESS_MS);
  }

  /** Stops the ring's timer and takes a ring that shows away (a rubber band drawn next replaces it). */
  private disarmHold(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    if (this.holdRing) this.env.api()?.setMarquee(null);
    this.holdRing = false;
  }

  private isDoubleTap(time: number, client: Point): boolean {
    const last = this.lastTap;
    return last !== null && time - last.time <= DOUBLE_TAP_MS && Math.hypot(client.x - last.client.x, client.y - last.client.y) <= DOUBLE_TAP_DISTANCE;
  }

  private startPan(client: Point): void {
    const view = visibleBox(this.transform(), this.env.size());
    this.state = { kind: 'panning', start: client, view, transform: fitViewBox(view, this.env.size()) };
  }

  private startPinch(): void {
    const [a, b] = [...this.pointers.values()] as [Point, Point];
    if (this.state.kind === 'dragging') this.gestures.cancelDrag();
    this.env.api()?.setMarquee(null);
    const view = visibleBox(this.transform(), this.env.size());
    this.state = { kind: 'pinching', view, transform: fitViewBox(view, this.env.size()), distance: Math.hypot(a.x - b.x, a.y - b.y), middle: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  }

  private pinchView(state: Extract<State, { kind: 'pinching' }>): ViewBox {
    const [a, b] = [...this.pointers.values()];
    if (!a || !b) return state.view;
    const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, state.distance);
    const local = this.local(state.middle);
    const size = this.env.size();
    const zoomed = zoomView(state.view, factor, { fx: local.x / size.width, fy: local.y / size.height });
    return panView(zoomed, middle.x - state.middle.x, middle.y - state.middle.y, size.width / zoomed.width);
  }

  private previewPinch(state: Extract<State, { kind: 'pinching' }>): void {
    this.env.api()?.previewCamera(fitViewBox(this.pinchView(state), this.env.size()));
  }

  private previewZone(state: Extract<State, { kind: 'zone' }>, world: Point): void {
    const { x, y, rx, ry } = zoneAreaAfter(state.zone, state.handle, world.x - state.world.x, world.y - state.world.y);
    // The zone's new outline, drawn on the overlay until it is let go.
    this.env.api()?.setMarquee({ x: x - rx, y: y - ry, width: 2 * rx, height: 2 * ry, ellipse: true });
  }
}
