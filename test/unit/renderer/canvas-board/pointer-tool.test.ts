import { describe, expect, it, vi } from 'vitest';
import { fitViewBox, WORLD_VIEW } from '../../../../renderer/src/canvas/geometry';
import type { CanvasApi } from '../../../../renderer/src/canvas/ModelCanvas';
import { type BoardGestures, LONG_PRESS_MS, PointerTool } from '../../../../renderer/src/facilitator/board/pointer-tool';
import { LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';

const SIZE = { width: 1600, height: 1000 };
/** Screen pixels are world units here: scale 1, no offset. */
const TRANSFORM = fitViewBox(WORLD_VIEW, SIZE);

function setup(options: { space?: boolean; editing?: boolean } = {}) {
  const api = {
    stage: () => null,
    transform: () => TRANSFORM,
    notes: () => [{ id: 'a', x: 400, y: 400, text: 'a', paper: '#fff', band: '#000', hidden: false, pending: false }],
    regions: () => [],
    moveDrag: vi.fn(),
    previewCamera: vi.fn(),
    setMarquee: vi.fn(),
  } satisfies CanvasApi;
  const gestures = {
    click: vi.fn(),
    doubleClick: vi.fn(),
    beginDrag: vi.fn(() => true),
    drop: vi.fn(),
    cancelDrag: vi.fn(),
    selectBox: vi.fn(),
    commitCamera: vi.fn(),
    moveZone: vi.fn(),
    hover: vi.fn(),
    contextMenu: vi.fn(),
    keyboardMenu: vi.fn(),
  } satisfies BoardGestures;
  const tool = new PointerTool(
    {
      api: () => api,
      element: () => null,
      transform: () => TRANSFORM,
      size: () => SIZE,
      editedZones: () => (options.editing ? LEMNISCATE_IK_WIJ_HET.zones : null),
      spaceHeld: () => options.space === true,
    },
    gestures,
  );
  return { tool, api, gestures };
}

const pointer = (x: number, y: number, extra: Partial<PointerEvent> = {}) =>
  ({ clientX: x, clientY: y, pointerId: 1, button: 0, shiftKey: false, ctrlKey: false, metaKey: false, pointerType: 'mouse', ...extra }) as PointerEvent;

describe('the pointer tool', () => {
  it('turns a press and release without moving into a click on what is there', () => {
    const { tool, gestures } = setup();
    tool.down(pointer(400, 400));
    tool.move(pointer(402, 401));
    tool.up(pointer(402, 401));
    expect(gestures.click).toHaveBeenCalledWith({ kind: 'note', id: 'a' }, false);
    expect(gestures.beginDrag).not.toHaveBeenCalled();
  });

  it('drags a note: the canvas moves it on every move, the board hears once, on release', () => {
    const { tool, api, gestures } = setup();
    tool.down(pointer(400, 400));
    for (let step = 1; step <= 10; step += 1) tool.move(pointer(400 + step * 10, 400 + step * 5));
    tool.up(pointer(500, 450));
    expect(gestures.beginDrag).toHaveBeenCalledTimes(1);
    expect(api.moveDrag).toHaveBeenCalledTimes(10);
    expect(api.moveDrag).toHaveBeenLastCalledWith(100, 50);
    expect(gestures.drop).toHaveBeenCalledExactlyOnceWith(100, 50);
  });

  it('pans over an empty spot, and over a note while space is held', () => {
    for (const [start, space] of [[{ x: 1000, y: 900 }, false], [{ x: 400, y: 400 }, true]] as const) {
      const { tool, api, gestures } = setup({ space });
      tool.down(pointer(start.x, start.y));
      tool.move(pointer(start.x + 100, start.y + 20));
      tool.up(pointer(start.x + 100, start.y + 20));
      expect(api.previewCamera).toHaveBeenCalled();
      expect(gestures.beginDrag).not.toHaveBeenCalled();
      expect(gestures.commitCamera).toHaveBeenCalledExactlyOnceWith({ x: -100, y: -20, width: 1600, height: 1000 });
    }
  });

  it('draws a rubber band with Shift and selects what it touches', () => {
    const { tool, api, gestures } = setup();
    tool.down(pointer(250, 250, { shiftKey: true }));
    tool.move(pointer(350, 350, { shiftKey: true }));
    tool.up(pointer(350, 350, { shiftKey: true }));
    expect(api.setMarquee).toHaveBeenCalledWith({ x: 250, y: 250, width: 100, height: 100 });
    expect(gestures.selectBox).toHaveBeenCalledExactlyOnceWith(['a'], true);
  });

  it('zooms with two fingers around their middle and keeps the camera where they let go', () => {
    const { tool, gestures } = setup();
    tool.down(pointer(700, 500, { pointerId: 1, pointerType: 'touch' }));
    tool.down(pointer(900, 500, { pointerId: 2, pointerType: 'touch' }));
    tool.move(pointer(600, 500, { pointerId: 1, pointerType: 'touch' }));
    tool.move(pointer(1000, 500, { pointerId: 2, pointerType: 'touch' }));
    tool.up(pointer(1000, 500, { pointerId: 2, pointerType: 'touch' }));
    const [view] = gestures.commitCamera.mock.calls[0] ?? [];
    expect(view?.width).toBeCloseTo(800);
    expect((view?.x ?? 0) + (view?.width ?? 0) / 2).toBeCloseTo(800);
  });

  it('moves a zone by its body while the model is edited', () => {
    const { tool, gestures } = setup({ editing: true });
    tool.down(pointer(1180, 500));
    tool.move(pointer(1200, 520));
    tool.up(pointer(1200, 520));
    expect(gestures.moveZone).toHaveBeenCalledExactlyOnceWith('het', { x: 1200, y: 520, rx: 300, ry: 270 });
    expect(gestures.beginDrag).not.toHaveBeenCalled();
  });

  it('opens the board’s own menu on a right-click, on what is there, and never the browser’s', () => {
    const { tool, gestures } = setup();
    const menu = (x: number, y: number, timeStamp: number) => ({ clientX: x, clientY: y, button: 2, timeStamp, preventDefault: vi.fn() }) as unknown as MouseEvent;
    const onNote = menu(400, 400, 1010);
    tool.down(pointer(400, 400, { button: 2, timeStamp: 1000 }));
    tool.contextMenu(onNote);
    tool.up(pointer(400, 400, { button: 2, timeStamp: 1100 }));
    expect(onNote.preventDefault).toHaveBeenCalled();
    expect(gestures.contextMenu).toHaveBeenCalledWith({ kind: 'note', id: 'a' }, { x: 400, y: 400 }, { x: 400, y: 400 });
    // A right press is no click: the selection is the menu's to change.
    expect(gestures.click).not.toHaveBeenCalled();
    tool.down(pointer(900, 100, { button: 2, timeStamp: 2000 }));
    tool.contextMenu(menu(900, 100, 2005));
    expect(gestures.contextMenu).toHaveBeenLastCalledWith(null, { x: 900, y: 100 }, { x: 900, y: 100 });
    // Long after any press the event came from the keyboard (the menu key): the menu goes to the cursor, not the pointer.
    const fromKeys = menu(0, 0, 9000);
    tool.contextMenu(fromKeys);
    expect(fromKeys.preventDefault).toHaveBeenCalled();
    expect(gestures.keyboardMenu).toHaveBeenCalledOnce();
    expect(gestures.contextMenu).toHaveBeenCalledTimes(2);
  });

  it('turns a Mac’s Ctrl+click into the menu and not also into a click; while the model is edited no menu opens', () => {
    const { tool, gestures } = setup();
    tool.down(pointer(400, 400, { ctrlKey: true, timeStamp: 0 }));
    tool.contextMenu({ clientX: 400, clientY: 400, timeStamp: 5, preventDefault: vi.fn() } as unknown as MouseEvent);
    tool.up(pointer(400, 400, { ctrlKey: true, timeStamp: 90 }));
    expect(gestures.contextMenu).toHaveBeenCalledOnce();
    expect(gestures.click).not.toHaveBeenCalled();

    const editing = setup({ editing: true });
    const event = { clientX: 1180, clientY: 500, timeStamp: 0, preventDefault: vi.fn() } as unknown as MouseEvent;
    editing.tool.contextMenu(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(editing.gestures.contextMenu).not.toHaveBeenCalled();
    expect(editing.gestures.keyboardMenu).not.toHaveBeenCalled();
  });
});

describe('the pointer tool with a finger or a pen', () => {
  const touch = (x: number, y: number, timeStamp: number, pointerId = 1) => pointer(x, y, { pointerType: 'touch', pointerId, timeStamp });
  const pen = (x: number, y: number, timeStamp: number, extra: Partial<PointerEvent> = {}) => pointer(x, y, { pointerType: 'pen', pointerId: 7, timeStamp, ...extra });

  it('turns a tap into a click, and two quick taps into a double-click at that spot; the browser’s own dblclick after it is ignored', () => {
    const { tool, gestures } = setup();
    tool.down(touch(400, 400, 0));
    tool.move(touch(406, 403, 30)); // a finger wobbles: still a tap
    tool.up(touch(406, 403, 80));
    expect(gestures.click).toHaveBeenCalledExactlyOnceWith({ kind: 'note', id: 'a' }, false);
    expect(gestures.beginDrag).not.toHaveBeenCalled();
    tool.down(touch(1000, 900, 2000));
    tool.up(touch(1000, 900, 2060));
    tool.down(touch(1004, 902, 2200));
    tool.up(touch(1004, 902, 2260));
    expect(gestures.doubleClick).toHaveBeenCalledExactlyOnceWith(null, { x: 1004, y: 902 });
    tool.doubleClick({ clientX: 1004, clientY: 902 } as MouseEvent);
    expect(gestures.doubleClick).toHaveBeenCalledOnce();
    // Two taps far apart in time are two clicks.
    tool.down(touch(400, 400, 5000));
    tool.up(touch(400, 400, 5050));
    tool.down(touch(400, 400, 6000));
    tool.up(touch(400, 400, 6050));
    expect(gestures.doubleClick).toHaveBeenCalledOnce();
  });

  it('drags a note with one finger, and pans with one finger on an empty spot', () => {
    const { tool, api, gestures } = setup();
    tool.down(touch(400, 400, 0));
    tool.move(touch(450, 430, 40));
    tool.up(touch(500, 450, 80));
    expect(gestures.drop).toHaveBeenCalledExactlyOnceWith(100, 50);
    tool.down(touch(1000, 900, 1000));
    tool.move(touch(1100, 920, 1040));
    tool.up(touch(1100, 920, 1080));
    expect(api.setMarquee).not.toHaveBeenCalled();
    expect(gestures.commitCamera).toHaveBeenCalledExactlyOnceWith({ x: -100, y: -20, width: 1600, height: 1000 });
  });

  it('draws a rubber band when a finger is held still first, and the long press’s menu does not open then', () => {
    const { tool, api, gestures } = setup();
    tool.down(touch(250, 250, 0));
    tool.contextMenu({ clientX: 250, clientY: 250, timeStamp: LONG_PRESS_MS, preventDefault: vi.fn() } as unknown as MouseEvent);
    tool.move(touch(300, 300, LONG_PRESS_MS + 50));
    tool.up(touch(350, 350, LONG_PRESS_MS + 100));
    expect(api.setMarquee).toHaveBeenCalledWith({ x: 250, y: 250, width: 50, height: 50 });
    expect(gestures.selectBox).toHaveBeenCalledExactlyOnceWith(['a'], false);
    expect(gestures.contextMenu).not.toHaveBeenCalled();
    expect(gestures.commitCamera).not.toHaveBeenCalled();
  });

  it('shows a ring under a finger held still on an empty spot, and takes it away on release; a quick pan shows none', () => {
    vi.useFakeTimers();
    try {
      const { tool, api } = setup();
      tool.down(touch(1000, 900, 0));
      vi.advanceTimersByTime(LONG_PRESS_MS - 50);
      expect(api.setMarquee).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(api.setMarquee).toHaveBeenCalledExactlyOnceWith({ x: 964, y: 864, width: 72, height: 72, ellipse: true });
      tool.up(touch(1000, 900, LONG_PRESS_MS + 100));
      expect(api.setMarquee).toHaveBeenLastCalledWith(null);
      const quick = setup();
      quick.tool.down(touch(1000, 900, 0));
      quick.tool.move(touch(1100, 900, 40));
      vi.advanceTimersByTime(LONG_PRESS_MS * 2);
      quick.tool.up(touch(1100, 900, LONG_PRESS_MS * 2));
      expect(quick.api.setMarquee).not.toHaveBeenCalled();
      // On a note a held finger drags the note: no ring.
      const onNote = setup();
      onNote.tool.down(touch(400, 400, 0));
      vi.advanceTimersByTime(LONG_PRESS_MS * 2);
      expect(onNote.api.setMarquee).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the menu on the release of a long press that did not move', () => {
    const { tool, gestures } = setup();
    tool.down(touch(400, 400, 0));
    tool.contextMenu({ clientX: 400, clientY: 400, timeStamp: 600, preventDefault: vi.fn() } as unknown as MouseEvent);
    expect(gestures.contextMenu).not.toHaveBeenCalled();
    tool.up(touch(400, 400, 900));
    expect(gestures.contextMenu).toHaveBeenCalledExactlyOnceWith({ kind: 'note', id: 'a' }, { x: 400, y: 400 }, { x: 400, y: 400 });
    expect(gestures.click).not.toHaveBeenCalled();
  });

  it('opens the menu on a long press’s release also when the browser sends no menu event, and once when it sends one after', () => {
    const { tool, gestures } = setup();
    tool.down(touch(400, 400, 0));
    tool.up(touch(402, 401, LONG_PRESS_MS + 100));
    expect(gestures.contextMenu).toHaveBeenCalledExactlyOnceWith({ kind: 'note', id: 'a' }, { x: 400, y: 400 }, { x: 400, y: 400 });
    tool.contextMenu({ clientX: 402, clientY: 401, timeStamp: LONG_PRESS_MS + 120, preventDefault: vi.fn() } as unknown as MouseEvent);
    expect(gestures.contextMenu).toHaveBeenCalledOnce();
    expect(gestures.click).not.toHaveBeenCalled();
    // The browser's click from that press would land on the menu just opened: it is swallowed, a later one is not.
    expect(tool.swallowsClick({ timeStamp: LONG_PRESS_MS + 130 } as MouseEvent)).toBe(true);
    expect(tool.swallowsClick({ timeStamp: LONG_PRESS_MS + 2000 } as MouseEvent)).toBe(false);
  });

  it('draws a rubber band with a pen over an empty spot and drags a note with it; its hovering moves nothing', () => {
    const { tool, api, gestures } = setup();
    tool.move(pen(300, 300, 0, { buttons: 0 }));
    tool.down(pen(250, 250, 10));
    tool.move(pen(350, 350, 40));
    tool.up(pen(350, 350, 60));
    expect(gestures.selectBox).toHaveBeenCalledExactlyOnceWith(['a'], false);
    expect(gestures.commitCamera).not.toHaveBeenCalled();
    tool.down(pen(400, 400, 1000));
    tool.move(pen(460, 420, 1040));
    tool.up(pen(460, 420, 1060));
    expect(gestures.drop).toHaveBeenCalledExactlyOnceWith(60, 20);
    expect(api.moveDrag).toHaveBeenCalled();
  });

  it('pans with two fingers that move together, without zooming', () => {
    const { tool, gestures } = setup();
    tool.down(touch(700, 500, 0, 1));
    tool.down(touch(900, 500, 5, 2));
    tool.move(touch(800, 560, 40, 1));
    tool.move(touch(1000, 560, 45, 2));
    tool.up(touch(800, 560, 80, 1));
    expect(gestures.commitCamera).toHaveBeenCalledExactlyOnceWith({ x: -100, y: -60, width: 1600, height: 1000 });
  });

  it('a second finger during a note’s drag zooms instead, and the note goes back where it was: never dropped on the way', () => {
    const { tool, gestures } = setup();
    tool.down(touch(400, 400, 0, 1));
    tool.move(touch(450, 420, 30, 1));
    tool.down(touch(700, 420, 60, 2));
    expect(gestures.cancelDrag).toHaveBeenCalledOnce();
    tool.move(touch(420, 420, 90, 1));
    tool.move(touch(760, 420, 95, 2));
    tool.up(touch(760, 420, 120, 2));
    // The finger still down after the pinch moves nothing, and its release drops nothing.
    tool.move(touch(300, 300, 150, 1));
    tool.up(touch(300, 300, 180, 1));
    expect(gestures.drop).not.toHaveBeenCalled();
    expect(gestures.click).not.toHaveBeenCalled();
    expect(gestures.commitCamera).toHaveBeenCalledOnce();
  });

  it('forgets a finger the browser took (pointercancel): a drag is undone and the next press starts clean', () => {
    const { tool, api, gestures } = setup();
    tool.down(touch(400, 400, 0));
    tool.move(touch(450, 430, 40));
    tool.cancel(touch(450, 430, 60));
    expect(gestures.cancelDrag).toHaveBeenCalledOnce();
    tool.down(touch(1000, 900, 1000));
    tool.up(touch(1000, 900, 1050));
    expect(gestures.click).toHaveBeenCalledExactlyOnceWith(null, false);
    expect(api.previewCamera).not.toHaveBeenCalled();
  });
});
