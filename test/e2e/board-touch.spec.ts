import type { CDPSession, Page } from '@playwright/test';
import { LONG_PRESS_MS } from '../../renderer/src/facilitator/board/pointer-tool';
import { at, hostHas, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

/**
 * An interactive whiteboard in a venue: fingers and a pen, no keyboard. The input is real: touch
 * points and pen strokes sent to Chromium through the DevTools protocol, so the browser makes its
 * own pointer, gesture and compatibility events from them, as from a touch screen.
 */
test.use({ hasTouch: true, isMobile: false, viewport: { width: 1440, height: 900 } });

const LEMNISCATE = 'lemniscaat-ik-wij-het';
type Point = { x: number; y: number };

/** Fingers on the screen through CDP; each call says where every finger still down is. */
class Fingers {
  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Fingers> {
    return new Fingers(await page.context().newCDPSession(page));
  }

  async down(...points: Point[]): Promise<void> {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points.map((point, id) => ({ ...point, id })) });
  }

  async move(...points: Point[]): Promise<void> {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points.map((point, id) => ({ ...point, id })) });
  }

  /** Lifts every finger. */
  async up(): Promise<void> {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  async tap(point: Point): Promise<void> {
    await this.down(point);
    await this.up();
  }

  /** One finger from one spot to another in steps, as a hand moves. */
  async drag(from: Point, to: Point, steps = 10): Promise<void> {
    for (let step = 1; step <= steps; step += 1) await this.move(between(from, to, step / steps));
  }

  async pen(type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', point: Point, pressed: boolean): Promise<void> {
    await this.cdp.send('Input.dispatchMouseEvent', {
      type,
      ...point,
      pointerType: 'pen',
      button: type === 'mouseMoved' ? 'none' : 'left',
      buttons: pressed ? 1 : 0,
      clickCount: type === 'mouseMoved' ? 0 : 1,
      force: pressed ? 0.6 : 0,
    });
  }
}

const between = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** The browser's own pinch-zoom of the whole window: it must stay 1, the board zooms itself. */
const pageZoom = (page: Page) => page.evaluate(() => window.visualViewport?.scale ?? 1);

async function camera(page: Page): Promise<{ scale: number; x: number; y: number }> {
  const board = page.getByTestId('board');
  const [scale, x, y] = await Promise.all(['data-scale', 'data-offset-x', 'data-offset-y'].map(async (name) => Number(await board.getAttribute(name))));
  return { scale: scale as number, x: x as number, y: y as number };
}

test('with a finger: a tap selects, a drag moves a note in one move, a double tap writes a note, holding still then dragging draws a rubber band, holding still and lifting opens the menu', async ({ page, host }) => {
  const socket = await sessionWith(host, 't1', LEMNISCATE, [
    { id: 'a', zoneId: 'wij', text: 'Mensen kennen elkaar', x: 330, y: 420 },
    { id: 'b', zoneId: 'wij', text: 'Leren van elkaar', x: 520, y: 440 },
    { id: 'c', zoneId: 'het', text: 'Per partner één aanspreekpunt', x: 1200, y: 420 },
  ]);
  await openBoard(page, host, 't1', 3);
  const fingers = await Fingers.on(page);
  const bar = page.getByTestId('selection-bar');
  const before = await camera(page);

  // A tap on a note chooses it.
  await fingers.tap(await at(page, 1200, 420));
  await expect(bar).toContainText('1 gekozen');

  // One finger drags a note into another side: the host hears one note.move (one undo takes it all back).
  await fingers.down(await at(page, 330, 420));
  await fingers.drag(await at(page, 330, 420), await at(page, 1250, 640));
  await fingers.up();
  await hostHas(socket, 't1', (s) => [s.notes.a?.zoneId, s.notes.a?.x, s.notes.a?.y], ['het', 1250, 640]);
  expect(await camera(page)).toEqual(before);
  await page.keyboard.press('Control+z');
  await hostHas(socket, 't1', (s) => [s.notes.a?.zoneId, s.notes.a?.x, s.notes.a?.y], ['wij', 330, 420]);

  // A double tap on an empty spot of a side opens the note's editor there; what is typed becomes a note.
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });
  const empty = await at(page, 1180, 700);
  await fingers.tap(empty);
  await fingers.tap({ x: empty.x + 3, y: empty.y + 2 });
  await expect(editor).toBeVisible();
  await expect(editor).toBeFocused();
  await editor.fill('Ritme van plannen en terugkijken');
  await editor.press('Enter');
  await hostHas(socket, 't1', (s) => Object.values(s.notes).find((n) => n.text === 'Ritme van plannen en terugkijken')?.zoneId, 'het');
  await expect(page.getByTestId('board')).toHaveAttribute('data-notes-drawn', '4');

  // A finger held still on an empty spot, then dragged, draws a rubber band; what it touches is chosen.
  const from = await at(page, 240, 330);
  const to = await at(page, 640, 520);
  await fingers.down(from);
  await page.waitForTimeout(LONG_PRESS_MS + 250);
  await page.screenshot({ path: 'test-results/board-touch-held.png' });
  await fingers.drag(from, to);
  await page.screenshot({ path: 'test-results/board-touch-rubber-band.png' });
  await fingers.up();
  await expect(bar).toContainText('2 gekozen');
  // Nothing moved on the way: not the notes, not the view.
  expect(await camera(page)).toEqual(before);
  await hostHas(socket, 't1', (s) => [s.notes.a?.x, s.notes.b?.x], [330, 520]);
  // No menu from the long press: it became a rubber band.
  await expect(page.getByRole('menu')).toHaveCount(0);

  // A finger held on a note and lifted without moving opens the board's menu for it (a finger has no right button).
  await fingers.down(await at(page, 1200, 420));
  await page.waitForTimeout(LONG_PRESS_MS + 600);
  await fingers.up();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(bar).toContainText('1 gekozen');
  // The click Chromium makes of the long press, under the finger, did not press the menu's first item.
  await page.waitForTimeout(300);
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(editor).toBeHidden();
  await hostHas(socket, 't1', (s) => s.notes.c?.text, 'Per partner één aanspreekpunt');
  await page.screenshot({ path: 'test-results/board-touch-menu.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await fingers.down(await at(page, 330, 420));
  await fingers.up();
  await page.waitForTimeout(500);

  // A finger on an empty spot that does not wait moves the view instead.
  await fingers.down(from);
  await fingers.drag(from, { x: from.x + 120, y: from.y + 40 });
  await fingers.up();
  await expect.poll(async () => (await camera(page)).x).toBeCloseTo(before.x + 120, 0);
  await expect(bar).toContainText('1 gekozen');
  expect(await pageZoom(page)).toBe(1);

  // A tap on ? shows the help, which lists what fingers and a pen do (from the board's register).
  const helpButton = await page.locator('[data-action="help"]').first().boundingBox();
  if (!helpButton) throw new Error('no help button');
  // A hand pauses after a swipe; a tap sent within milliseconds of the pan's release was at times
  // swallowed by Chromium's gesture recogniser (it never became a click, seen once, not explained).
  await page.waitForTimeout(400);
  await fingers.tap({ x: helpButton.x + helpButton.width / 2, y: helpButton.y + helpButton.height / 2 });
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Dubbeltikken (vinger of pen)');
  await expect(help).toContainText('Vinger even stilhouden, dan slepen; of slepen met de pen');
  await expect(help).toContainText('Twee vingers: schuiven en knijpen');
  await expect(help).toContainText('Vinger even stilhouden en loslaten');
  await page.screenshot({ path: 'test-results/board-touch-help.png' });
  // The help scrolls under a finger, though the board around it never lets the window move.
  const helpScroll = () => page.evaluate(() => document.querySelector('.help-overlay')?.scrollTop ?? -1);
  expect(await helpScroll()).toBe(0);
  const helpBox = await help.boundingBox();
  if (!helpBox) throw new Error('no help box');
  const low = { x: helpBox.x + helpBox.width / 2, y: helpBox.y + helpBox.height - 40 };
  await fingers.down(low);
  await fingers.drag(low, { x: low.x, y: helpBox.y + 60 }, 12);
  await fingers.up();
  await expect.poll(helpScroll).toBeGreaterThan(200);
  expect(await pageZoom(page)).toBe(1);
  await page.screenshot({ path: 'test-results/board-touch-help-scrolled.png' });
  socket.close();
});

test('with two fingers: they pan and pinch the view, and a pinch begun during a note drag leaves the note where it was', async ({ page, host }) => {
  const socket = await sessionWith(host, 't2', LEMNISCATE, [{ id: 'a', zoneId: 'wij', text: 'Goede sfeer', x: 380, y: 460 }]);
  await openBoard(page, host, 't2', 1);
  const fingers = await Fingers.on(page);
  const start = await camera(page);

  // Two fingers moving together pan, without zooming.
  const left = { x: 600, y: 450 };
  const right = { x: 800, y: 450 };
  await fingers.down(left);
  await fingers.down(left, right);
  for (let step = 1; step <= 8; step += 1) await fingers.move({ x: left.x + step * 15, y: left.y + step * 5 }, { x: right.x + step * 15, y: right.y + step * 5 });
  await fingers.up();
  await expect.poll(async () => (await camera(page)).x).toBeCloseTo(start.x + 120, 0);
  const panned = await camera(page);
  expect(panned.y).toBeCloseTo(start.y + 40, 0);
  expect(panned.scale).toBeCloseTo(start.scale, 5);

  // Fingers spreading apart zoom in around their middle; the point between them stays under them.
  const middle = { x: 700, y: 450 };
  await fingers.down(left);
  await fingers.down(left, right);
  for (let step = 1; step <= 8; step += 1) await fingers.move({ x: left.x - step * 12.5, y: left.y }, { x: right.x + step * 12.5, y: right.y });
  await page.screenshot({ path: 'test-results/board-touch-pinching.png' });
  await fingers.up();
  await expect.poll(async () => (await camera(page)).scale).toBeGreaterThan(panned.scale * 1.5);
  const zoomed = await camera(page);
  // The fingers went from 200 to 400 pixels apart: twice as close.
  expect(zoomed.scale / panned.scale).toBeCloseTo(2, 1);
  const box = await page.getByTestId('board').boundingBox();
  const local = { x: middle.x - (box?.x ?? 0), y: middle.y - (box?.y ?? 0) };
  const boardMiddleBefore = { x: (local.x - panned.x) / panned.scale, y: (local.y - panned.y) / panned.scale };
  const boardMiddleAfter = { x: (local.x - zoomed.x) / zoomed.scale, y: (local.y - zoomed.y) / zoomed.scale };
  expect(boardMiddleAfter.x).toBeCloseTo(boardMiddleBefore.x, 0);
  expect(boardMiddleAfter.y).toBeCloseTo(boardMiddleBefore.y, 0);

  // A pinch that starts on the sides' bar over the board (near the bottom edge of a whiteboard)
  // zooms nothing of the whole window: the browser's own pinch-zoom stays off over the board.
  const sidesBar = await page.getByRole('button', { name: /Hele model/ }).boundingBox();
  if (!sidesBar) throw new Error('the sides’ bar is not on screen');
  // Both fingers on the bar, moving apart along it.
  const onBar = { x: sidesBar.x + sidesBar.width / 2, y: sidesBar.y + sidesBar.height / 2 };
  const alongBar = { x: onBar.x + 250, y: onBar.y };
  await fingers.down(onBar);
  await fingers.down(onBar, alongBar);
  for (let step = 1; step <= 6; step += 1) await fingers.move({ x: onBar.x - step * 15, y: onBar.y }, { x: alongBar.x + step * 25, y: alongBar.y });
  await fingers.up();
  expect(await pageZoom(page)).toBe(1);
  const scrolled = await page.evaluate(() => [window.scrollX, window.scrollY, window.visualViewport?.offsetLeft ?? 0, window.visualViewport?.offsetTop ?? 0]);
  expect(scrolled).toEqual([0, 0, 0, 0]);

  // A note dragged halfway, then a second finger: the drag gives way to the pinch, the note goes back
  // to its place and no move reaches the host, not even when the fingers let go.
  await page.getByRole('button', { name: /Hele model/ }).click();
  await expect.poll(async () => (await camera(page)).scale).toBeCloseTo(start.scale, 5);
  const note = await at(page, 380, 460);
  await fingers.down(note);
  await fingers.drag(note, { x: note.x + 150, y: note.y + 60 }, 5);
  const held = { x: note.x + 150, y: note.y + 60 };
  // The note is on its way (chosen, its drag shown), as a hand would hold it.
  await expect(page.getByTestId('selection-bar')).toContainText('1 gekozen');
  const second = { x: held.x + 250, y: held.y };
  await fingers.down(held, second);
  for (let step = 1; step <= 5; step += 1) await fingers.move({ x: held.x - step * 10, y: held.y }, { x: second.x + step * 10, y: second.y });
  await page.screenshot({ path: 'test-results/board-touch-pinch-during-drag.png' });
  await fingers.up();
  await expect.poll(async () => (await camera(page)).scale).toBeGreaterThan(start.scale * 1.2);
  // Give a stray move the time to reach the host, then check it did not.
  await page.waitForTimeout(500);
  await hostHas(socket, 't2', (s) => [s.notes.a?.x, s.notes.a?.y, s.notes.a?.zoneId], [380, 460, 'wij']);
  await expect(page.getByTestId('board')).toHaveAttribute('data-notes-drawn', '1');
  expect(await pageZoom(page)).toBe(1);
  socket.close();
});

test('with a pen: hovering changes nothing, a drag on a note moves it, a drag on an empty spot draws a rubber band', async ({ page, host }) => {
  const socket = await sessionWith(host, 't3', LEMNISCATE, [
    { id: 'a', zoneId: 'wij', text: 'Mensen kennen elkaar', x: 330, y: 420 },
    { id: 'b', zoneId: 'wij', text: 'Leren van elkaar', x: 520, y: 440 },
  ]);
  await openBoard(page, host, 't3', 2);
  const fingers = await Fingers.on(page);
  const before = await camera(page);

  // Hovering over the notes and the empty model: no drag, no pan, no selection.
  for (const point of [await at(page, 330, 420), await at(page, 900, 300), await at(page, 520, 440)]) await fingers.pen('mouseMoved', point, false);
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);

  // A pen drag on a note moves it: one note.move, to where the pen lifted.
  const from = await at(page, 330, 420);
  const to = await at(page, 420, 640);
  await fingers.pen('mouseMoved', from, false);
  await fingers.pen('mousePressed', from, true);
  for (let step = 1; step <= 8; step += 1) await fingers.pen('mouseMoved', between(from, to, step / 8), true);
  await fingers.pen('mouseReleased', to, false);
  await hostHas(socket, 't3', (s) => [s.notes.a?.x, s.notes.a?.y], [420, 640]);
  await expect(page.getByTestId('selection-bar')).toContainText('1 gekozen');

  // A pen drag over an empty spot draws a rubber band around both notes (a finger would pan there).
  const corner = await at(page, 250, 330);
  const far = await at(page, 640, 720);
  await fingers.pen('mousePressed', corner, true);
  for (let step = 1; step <= 8; step += 1) await fingers.pen('mouseMoved', between(corner, far, step / 8), true);
  await page.screenshot({ path: 'test-results/board-touch-pen-band.png' });
  await fingers.pen('mouseReleased', far, false);
  await expect(page.getByTestId('selection-bar')).toContainText('2 gekozen');
  expect(await camera(page)).toEqual(before);
  socket.close();
});
