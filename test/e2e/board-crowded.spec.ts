import type { Page } from '@playwright/test';
import type { Note } from '../../shared/domain';
import { at, drag, hostHas, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

const LEMNISCATE = 'lemniscaat-ik-wij-het';

/** The notes layer's own pixels (the second of the stage's canvases), read in the page. */
async function notesLayerPixels(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('[data-testid="board"] canvas')[1];
    if (!canvas) throw new Error('no notes layer');
    const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let start = 0; start < data.length; start += 0x8000) binary += String.fromCharCode(...data.subarray(start, start + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** Pixels that differ by more than antialiasing does (a few levels at the soft edge of a spot). */
function visiblyDifferent(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (let index = 0; index < a.length; index += 4) {
    let most = 0;
    for (let channel = 0; channel < 4; channel += 1) most = Math.max(most, Math.abs((a[index + channel] as number) - (b[index + channel] as number)));
    if (most > 24) count += 1;
  }
  return count;
}

/** 140 notes heaped on the WIJ side (most wholly under others), the last one on top; 10 on HET. */
function crowd(): Partial<Note>[] {
  const notes: Partial<Note>[] = [];
  for (let index = 0; index < 139; index += 1) notes.push({ id: `w${index}`, zoneId: 'wij', text: `Notitie ${index}`, x: 400 + (index % 7) * 4, y: 480 + (index % 5) * 3 });
  notes.push({ id: 'top', zoneId: 'wij', text: 'Bovenop', x: 410, y: 486 });
  for (let index = 0; index < 10; index += 1) notes.push({ id: `h${index}`, zoneId: 'het', text: `Het ${index}`, x: 1150 + index * 20, y: 520 });
  return notes;
}

test('on a crowded board, moving the top note uncovers exactly what a fresh drawing shows', async ({ page, host }) => {
  const socket = await sessionWith(host, 'crowd', LEMNISCATE, crowd());
  await openBoard(page, host, 'crowd', 150);
  const board = page.getByTestId('board');

  // The top note is the one picked up: what is hidden under it is not painted, but still there.
  await drag(page, await at(page, 410, 486), await at(page, 1250, 420));
  await hostHas(socket, 'crowd', (s) => [s.notes.top?.zoneId, s.notes.top?.x, s.notes.top?.y], ['het', 1250, 420]);
  await hostHas(socket, 'crowd', (s) => [s.notes.w138?.x, s.notes.w138?.y], [400 + (138 % 7) * 4, 480 + (138 % 5) * 3]);
  await expect(board).toHaveAttribute('data-notes-drawn', '150');
  await page.waitForTimeout(300);
  const repaired = await notesLayerPixels(page);

  await page.reload();
  await openBoard(page, host, 'crowd', 150);
  const fresh = await notesLayerPixels(page);
  expect(visiblyDifferent(repaired, fresh)).toBe(0);
  // And the picture did change where the note was: the comparison can see a moved note.
  const before = await notesLayerPixels(page);
  await drag(page, await at(page, 1250, 420), await at(page, 410, 486));
  await hostHas(socket, 'crowd', (s) => [s.notes.top?.x, s.notes.top?.y], [410, 486]);
  await page.waitForTimeout(300);
  expect(visiblyDifferent(before, await notesLayerPixels(page))).toBeGreaterThan(1000);
  socket.close();
});

test('the notes list names a side\'s first 100 notes, says how many more there are, and lists more on request', async ({ page, host }) => {
  const socket = await sessionWith(host, 'list', LEMNISCATE, crowd());
  await openBoard(page, host, 'list', 150);
  const list = page.getByRole('region', { name: 'Het model met alle notities' });
  const wij = list.getByRole('list', { name: 'WIJ-kant' });
  await expect(wij.getByRole('listitem')).toHaveCount(100);
  await expect(list.getByRole('list', { name: 'HET-kant' }).getByRole('listitem')).toHaveCount(10);
  await expect(list).toContainText('En nog 40 notities aan deze kant.');

  // A key brings the button into view (a hidden focus is no focus); pressing it lists the rest.
  const more = list.getByRole('button', { name: 'Toon er 40 meer' });
  await more.focus();
  await expect(more).toBeVisible();
  await more.press('Enter');
  await expect(wij.getByRole('listitem')).toHaveCount(140);
  await expect(wij.getByRole('listitem').last()).toHaveText('Bovenop');
  await expect(list).not.toContainText('En nog');
  socket.close();
});
