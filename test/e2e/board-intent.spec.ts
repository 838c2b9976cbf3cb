import type { SessionState } from '../../shared/domain';
import { openBoard, sessionWith } from './canvas-support';
import { expect, test, worldToPage } from './fixtures';

// Nothing on the board fires unasked: what is typed after a double-click lands in a note, single
// keys act only while the board has the focus, and the selection bar never covers the canvas.

const LEMNISCATE = 'lemniscaat-ik-wij-het';
const NOTE = { id: 'n1', zoneId: 'het', text: 'Bewonersavonden in elke wijk', x: 1180, y: 500 };

const texts = (state: SessionState) => Object.values(state.notes).map((note) => note.text).sort();

test('typing after a double-click outside every side lands in a note on the nearest side', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const socket = await sessionWith(host, 'intent-1', LEMNISCATE, [NOTE]);
  await openBoard(page, host, 'intent-1', 1);

  // In the corner of WIJ's box but outside its ellipse (centre 420, 500; radii 300, 270), and outside every other side.
  const outside = await worldToPage(page, { x: 150, y: 250 });
  await page.mouse.dblclick(outside.x, outside.y);
  // Typed at once, as a person does: nothing of it may reach the board's N, C, G or P.
  await page.keyboard.type('Bewonersavonden organiseren met de gemeente');
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });
  await expect(editor).toHaveValue('Bewonersavonden organiseren met de gemeente');
  await page.screenshot({ path: 'test-results/board-intent-outside.png' });
  await editor.press('Enter');
  await expect(editor).toBeHidden();

  await expect.poll(async () => texts(await socket.session('intent-1'))).toEqual(['Bewonersavonden in elke wijk', 'Bewonersavonden organiseren met de gemeente']);
  const state = await socket.session('intent-1');
  const added = Object.values(state.notes).find((note) => note.text.startsWith('Bewonersavonden organiseren'));
  expect(added?.zoneId).toBe('wij');
  expect(Object.keys(state.attentionPoints)).toHaveLength(0);
  expect(Object.keys(state.clusters)).toHaveLength(0);
});

test('single keys act only while the board has the focus; the selection bar stays off the canvas', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const socket = await sessionWith(host, 'intent-2', LEMNISCATE, [NOTE]);
  await openBoard(page, host, 'intent-2', 1);

  const canvasBefore = await page.locator('.board-canvas').boundingBox();
  const note = await worldToPage(page, { x: 1180, y: 500 });
  await page.mouse.click(note.x, note.y);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toBeVisible();
  await page.screenshot({ path: 'test-results/board-intent-selection.png' });
  const barBox = await bar.boundingBox();
  const canvasBox = await page.locator('.board-canvas').boundingBox();
  expect(barBox && canvasBox).toBeTruthy();
  if (barBox && canvasBox) expect(barBox.y + barBox.height).toBeLessThanOrEqual(canvasBox.y + 0.5);
  // The board does not move when the tools appear: the note stays under the pointer.
  expect(canvasBox).toEqual(canvasBefore);
  for (const name of ['Groeperen', 'Aandachtspunt maken', 'Verwijderen']) {
    const button = bar.getByRole('button', { name: new RegExp(name) });
    await expect(button).toBeVisible();
    const box = await button.boundingBox();
    if (box && barBox) expect(box.x + box.width).toBeLessThanOrEqual(barBox.x + barBox.width + 0.5);
  }

  // The focus leaves the board (a person clicks the session's title bar): P, G and Delete do nothing.
  await page.getByRole('heading', { name: 'Sessie intent-2' }).click();
  await expect(page.locator('.board-canvas')).not.toBeFocused();
  for (const key of ['p', 'g', 'c', 'Delete', 'n']) await page.keyboard.press(key);
  await expect(page.getByRole('textbox', { name: 'Tekst van de notitie' })).toBeHidden();
  const untouched = await socket.session('intent-2');
  expect(Object.keys(untouched.notes)).toEqual(['n1']);
  expect(untouched.notes.n1?.color ?? null).toBeNull();
  expect(Object.keys(untouched.attentionPoints)).toHaveLength(0);

  // Back on the board the same key acts.
  await page.mouse.click(note.x, note.y);
  await expect(page.locator('.board-canvas')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.keys((await socket.session('intent-2')).notes)).toEqual([]);
});
