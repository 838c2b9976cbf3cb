import type { Page } from '@playwright/test';
import { NOTE } from '../../shared/geometry/model';
import type { Note, SessionState } from '../../shared/domain';
import { clusterRegions } from '../../shared/geometry/clusters';
import { at, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';
import type { HostSocket } from './host-socket';

// Notes that never pile (issue 17, item 2): "Netjes leggen" of a side and of a selection, and a new
// group gathering its notes, all through the facilitator's real board and undone with one key.

const LEMNISCATE = 'lemniscaat-ik-wij-het';
const shot = (name: string) => test.info().outputPath(name);

type Box = { x: number; y: number; width: number; height: number };
const noteBox = (note: Note): Box => ({ x: note.x - NOTE.width / 2, y: note.y - NOTE.height / 2, width: NOTE.width, height: NOTE.height });
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of notes that lie (partly) on one another. */
function piledPairs(state: SessionState): string[] {
  const notes = Object.values(state.notes);
  return notes.flatMap((one, index) => notes.slice(index + 1).filter((other) => overlap(noteBox(one), noteBox(other))).map((other) => `${one.id}/${other.id}`));
}

/** Notes inside a group's box that are not its members. */
function strangersInBoxes(state: SessionState): string[] {
  return clusterRegions(state.clusters, state.notes).flatMap((region) =>
    Object.values(state.notes)
      .filter((note) => note.clusterId !== region.id && overlap(noteBox(note), region))
      .map((note) => `${note.id} in ${region.title}`),
  );
}

const places = (state: SessionState) => Object.fromEntries(Object.values(state.notes).map((note) => [note.id, [note.x, note.y]]));

/** Twelve notes heaped in the middle of WIJ, as phones made them before notes found free spots. */
function pile(): Partial<Note>[] {
  return Array.from({ length: 12 }, (_, index) => ({ id: `w${index}`, zoneId: 'wij', text: `Notitie ${index + 1} van de stapel`, x: 400 + (index % 4) * 9, y: 480 + (index % 3) * 8 }));
}

async function settled(socket: HostSocket, id: string, test: (state: SessionState) => boolean): Promise<SessionState> {
  await expect.poll(async () => test(await socket.session(id)), { timeout: 10_000 }).toBe(true);
  return socket.session(id);
}

async function clickNote(page: Page, note: Note, shift = false): Promise<void> {
  const spot = await at(page, note.x, note.y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(spot.x, spot.y);
  if (shift) await page.keyboard.up('Shift');
}

test('"Netjes leggen" from the canvas menu lays a piled side out without overlap; Ctrl+Z puts the pile back', async ({ page, host }) => {
  const socket = await sessionWith(host, 'pile', LEMNISCATE, pile());
  await openBoard(page, host, 'pile', 12);
  const before = await socket.session('pile');
  expect(piledPairs(before).length).toBeGreaterThan(40);
  await page.screenshot({ path: shot('tidy-before.png') });

  const empty = await at(page, 420, 300);
  await page.mouse.click(empty.x, empty.y, { button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: /Netjes leggen/ }).click();
  const tidied = await settled(socket, 'pile', (state) => piledPairs(state).length === 0);
  await expect(page.getByRole('status').filter({ hasText: 'De notities van WIJ-kant liggen netjes.' })).toBeVisible();
  for (const note of Object.values(tidied.notes)) expect(note.zoneId).toBe('wij');
  await page.screenshot({ path: shot('tidy-side.png') });

  await page.keyboard.press('Control+z');
  const undone = await settled(socket, 'pile', (state) => piledPairs(state).length === piledPairs(before).length);
  expect(places(undone)).toEqual(places(before));
  socket.close();
});

test('a new group gathers its scattered notes under its title, and L tidies the selection with its group whole', async ({ page, host }) => {
  const spread: Partial<Note>[] = [
    { id: 'a', zoneId: 'wij', text: 'Elkaar kennen', x: 240, y: 380 },
    { id: 'b', zoneId: 'wij', text: 'Korte lijnen', x: 420, y: 380 },
    { id: 'c', zoneId: 'wij', text: 'Gedeelde visie', x: 600, y: 380 },
    { id: 'd', zoneId: 'wij', text: 'Vertrouwen', x: 240, y: 600 },
    { id: 'e', zoneId: 'wij', text: 'Samen leren', x: 420, y: 600 },
    { id: 'f', zoneId: 'wij', text: 'Elkaar opzoeken', x: 600, y: 600 },
  ];
  const socket = await sessionWith(host, 'gather', LEMNISCATE, spread);
  await openBoard(page, host, 'gather', 6);
  const start = await socket.session('gather');

  // a and f lie at opposite corners: a box around them as they are would hold b, c, d and e.
  await clickNote(page, start.notes.a as Note);
  await clickNote(page, start.notes.f as Note, true);
  await page.keyboard.press('g');
  const title = page.getByRole('textbox', { name: 'Naam van de groep' });
  await title.fill('Elkaar kennen en opzoeken');
  await title.press('Enter');
  const grouped = await settled(socket, 'gather', (state) => Object.keys(state.clusters).length === 1);
  expect(strangersInBoxes(grouped)).toEqual([]);
  expect(piledPairs(grouped)).toEqual([]);
  for (const id of ['b', 'c', 'd', 'e']) expect(grouped.notes[id]).toEqual(start.notes[id]);
  await page.screenshot({ path: shot('group-gathered.png') });

  // Three notes dropped on one another: pick them, then L.
  for (const [index, id] of ['p', 'q', 'r'].entries()) await socket.command('gather', { type: 'note.add', id, zoneId: 'wij', text: `Op de stapel ${index + 1}`, x: 420 + index * 20, y: 460 + index * 30 });
  await expect(page.getByTestId('board')).toHaveAttribute('data-notes-drawn', '9');
  const heaped = await socket.session('gather');
  expect(piledPairs(heaped).length).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await clickNote(page, heaped.notes.r as Note);
  await page.keyboard.down('Shift');
  // The two under r: each reached where the notes on top of it do not cover it.
  await page.mouse.click(...(await xyOf(page, { x: 340, y: 405 })));
  await page.mouse.click(...(await xyOf(page, { x: 360, y: 440 })));
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('selection-bar')).toContainText('3 gekozen');
  await page.keyboard.press('l');
  const tidied = await settled(socket, 'gather', (state) => piledPairs(state).length === 0);
  expect(strangersInBoxes(tidied)).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'De selectie ligt netjes' })).toBeVisible();
  await page.screenshot({ path: shot('selection-tidied.png') });

  // One step back: the three lie heaped again, the rest as it was.
  await page.keyboard.press('Control+z');
  const undone = await settled(socket, 'gather', (state) => piledPairs(state).length > 0);
  expect(places(undone)).toEqual(places(heaped));
  socket.close();
});

async function xyOf(page: Page, world: { x: number; y: number }): Promise<[number, number]> {
  const spot = await at(page, world.x, world.y);
  return [spot.x, spot.y];
}
