import { readFileSync } from 'node:fs';
import type { SessionState } from '../../shared/domain';
import { ZONE_COLORS } from '../../shared/templates';
import { at, clusterTitle, drag, hostHas, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

const LEMNISCATE = 'lemniscaat-ik-wij-het';
const noteIds = (state: SessionState) => Object.keys(state.notes).sort();

test('notes are added, edited in place, moved between sides, recoloured, promoted, deleted and undone', async ({ page, host }) => {
  const socket = await sessionWith(host, 'c1', LEMNISCATE, [{ id: 'a', zoneId: 'wij', text: 'Goede sfeer', x: 380, y: 460 }]);
  await openBoard(page, host, 'c1', 1);
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });

  // Double-click in a side: a new note there.
  const inHet = await at(page, 1180, 560);
  await page.mouse.dblclick(inHet.x, inHet.y);
  await editor.fill('Monitoring: wat willen we weten?');
  await editor.press('Enter');
  await hostHas(socket, 'c1', (s) => Object.values(s.notes).find((n) => n.text.startsWith('Monitoring'))?.zoneId, 'het');

  // N at the pointer: a new note where the pointer is.
  const inIk = await at(page, 800, 420);
  await page.mouse.move(inIk.x, inIk.y);
  await page.keyboard.press('n');
  await editor.fill('Ruimte om te leren');
  await editor.press('Enter');
  await hostHas(socket, 'c1', (s) => Object.values(s.notes).find((n) => n.text === 'Ruimte om te leren')?.zoneId, 'ik');

  // Edit in place: double-click the note, its text is in the field.
  const noteA = await at(page, 380, 460);
  await page.mouse.dblclick(noteA.x, noteA.y);
  await expect(editor).toHaveValue('Goede sfeer');
  await editor.fill('Goede sfeer in het team');
  await editor.press('Enter');
  await hostHas(socket, 'c1', (s) => s.notes.a?.text, 'Goede sfeer in het team');

  // Drag into another side: one note.move, and the host gives it that side.
  await drag(page, noteA, await at(page, 1250, 420));
  await hostHas(socket, 'c1', (s) => [s.notes.a?.zoneId, s.notes.a?.x, s.notes.a?.y], ['het', 1250, 420]);
  await page.screenshot({ path: 'test-results/canvas-moved.png' });

  // Recolour from the selection bar (the note is still selected after its drag).
  await page.getByRole('toolbar').getByRole('button', { name: 'Geel' }).click();
  await hostHas(socket, 'c1', (s) => s.notes.a?.color, ZONE_COLORS.yellow);
  // C steps from the colour the page has; wait until the page, not only the host, has yellow.
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Geel' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('c');
  await hostHas(socket, 'c1', (s) => s.notes.a?.color, ZONE_COLORS.orange);
  await page.keyboard.press('Shift+C');
  await hostHas(socket, 'c1', (s) => s.notes.a?.color, null);

  // Promote: an attention point of the note's side, with its words.
  await page.keyboard.press('p');
  await expect(page.getByText('Aandachtspunt gemaakt: Goede sfeer in het team')).toBeVisible();
  await hostHas(socket, 'c1', (s) => Object.values(s.attentionPoints).map((p) => [p.zoneId, p.title]), [['het', 'Goede sfeer in het team']]);

  // Delete, then undo: the note is back where it was.
  await page.keyboard.press('Delete');
  await hostHas(socket, 'c1', (s) => s.notes.a, undefined);
  await page.keyboard.press('Control+z');
  await hostHas(socket, 'c1', (s) => [s.notes.a?.text, s.notes.a?.zoneId], ['Goede sfeer in het team', 'het']);
  socket.close();
});

test('several notes are selected, dragged as one move, grouped, and the group moved, promoted and ungrouped', async ({ page, host }) => {
  const socket = await sessionWith(host, 'c2', LEMNISCATE, [
    { id: 'a', zoneId: 'wij', text: 'Mensen kennen elkaar', x: 330, y: 420 },
    { id: 'b', zoneId: 'wij', text: 'Leren van elkaar', x: 520, y: 440 },
    { id: 'c', zoneId: 'wij', text: 'Korte lijnen', x: 360, y: 620 },
    { id: 'd', zoneId: 'het', text: 'Per partner één aanspreekpunt', x: 1200, y: 500 },
  ]);
  await openBoard(page, host, 'c2', 4);

  // Shift-click adds to the selection; dragging one drags both, in ONE command: one undo undoes both.
  await page.mouse.click(...xy(await at(page, 330, 420)));
  await page.keyboard.down('Shift');
  await page.mouse.click(...xy(await at(page, 520, 440)));
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('selection-bar')).toContainText('2 gekozen');
  await drag(page, await at(page, 330, 420), await at(page, 370, 380));
  await hostHas(socket, 'c2', (s) => [s.notes.a?.x, s.notes.a?.y, s.notes.b?.x, s.notes.b?.y], [370, 380, 560, 400]);
  await page.keyboard.press('Control+z');
  await hostHas(socket, 'c2', (s) => [s.notes.a?.x, s.notes.b?.x], [330, 520]);

  // A rubber band (Shift + drag from an empty spot) selects the notes it touches.
  await drag(page, await at(page, 200, 320), await at(page, 620, 700), ['Shift']);
  await expect(page.getByTestId('selection-bar')).toContainText('3 gekozen');

  // G names the group; the host holds one cluster with the three notes.
  await page.keyboard.press('g');
  const title = page.getByRole('textbox', { name: 'Naam van de groep' });
  await title.fill('Samen leren');
  await title.press('Enter');
  await hostHas(socket, 'c2', (s) => Object.values(s.clusters).map((c) => c.title), ['Samen leren']);
  await hostHas(socket, 'c2', (s) => ['a', 'b', 'c'].map((id) => s.notes[id]?.clusterId !== null), [true, true, true]);
  await page.screenshot({ path: 'test-results/canvas-cluster.png' });

  // The group moves as a whole by its title band: one cluster.move, its notes along.
  let state = await socket.session('c2');
  const cluster = Object.values(state.clusters)[0];
  if (!cluster) throw new Error('no cluster');
  const band = await clusterTitle(page, state, cluster);
  await page.mouse.click(band.x, band.y);
  await expect(page.getByTestId('selection-bar')).toContainText('Groep: Samen leren');
  await drag(page, band, { x: band.x + 40, y: band.y + 30 });
  await expect.poll(async () => (await socket.session('c2')).notes.c?.x).not.toBe(360);
  state = await socket.session('c2');
  const dx = (state.notes.c?.x ?? 0) - 360;
  const dy = (state.notes.c?.y ?? 0) - 620;
  expect([state.notes.a?.x, state.notes.a?.y, state.notes.b?.x, state.notes.b?.y]).toEqual([330 + dx, 420 + dy, 520 + dx, 440 + dy]);
  expect(state.notes.d?.x).toBe(1200);

  // Promote the group, then ungroup it (Shift+G); undo brings the group back.
  await page.keyboard.press('p');
  await hostHas(socket, 'c2', (s) => Object.values(s.attentionPoints).map((p) => [p.zoneId, p.title]), [['wij', 'Samen leren']]);
  await page.keyboard.press('Shift+G');
  await hostHas(socket, 'c2', (s) => Object.keys(s.clusters).length, 0);
  await hostHas(socket, 'c2', (s) => noteIds(s).map((id) => s.notes[id]?.clusterId), [null, null, null, null]);
  await page.keyboard.press('Control+z');
  await hostHas(socket, 'c2', (s) => Object.values(s.clusters).map((c) => c.title), ['Samen leren']);
  socket.close();
});

test('the view zooms, fits, turns the projector to a side, shows its shortcuts and saves a picture', async ({ page, host }) => {
  const socket = await sessionWith(host, 'c3', LEMNISCATE, [{ id: 'a', zoneId: 'het', text: 'Helder ritme', x: 1180, y: 500 }]);
  await openBoard(page, host, 'c3', 1);
  const board = page.getByTestId('board');
  const scale = async () => Number(await board.getAttribute('data-scale'));
  const fitted = await scale();

  await page.keyboard.press('+');
  await expect.poll(scale).toBeGreaterThan(fitted * 1.2);
  await page.keyboard.press('0');
  await expect.poll(scale).toBeCloseTo(fitted, 5);

  // 2 shows the second side large, here and on the projector (focus.set).
  await page.keyboard.press('2');
  await hostHas(socket, 'c3', (s) => s.flow.focusZoneId, 'ik');
  await expect.poll(scale).toBeGreaterThan(fitted * 1.15);
  await page.getByRole('button', { name: /Hele model/ }).click();
  await hostHas(socket, 'c3', (s) => s.flow.focusZoneId, null);

  // Dragging an empty spot pulls the paper along; so does space + drag.
  const offset = async () => Number(await board.getAttribute('data-offset-x'));
  const before = await offset();
  const empty = await at(page, 800, 760);
  await drag(page, empty, { x: empty.x + 120, y: empty.y });
  await expect.poll(offset).toBeCloseTo(before + 120, 0);
  // With space held, even a drag that starts on a note pans instead of moving it.
  const onNote = await at(page, 1180, 500);
  await page.keyboard.down(' ');
  await drag(page, onNote, { x: onNote.x - 60, y: onNote.y });
  await page.keyboard.up(' ');
  await expect.poll(offset).toBeCloseTo(before + 60, 0);
  await hostHas(socket, 'c3', (s) => [s.notes.a?.x, s.notes.a?.y], [1180, 500]);
  await page.keyboard.press('0');

  // The mouse wheel zooms around the pointer.
  const het = await at(page, 1180, 500);
  await page.mouse.move(het.x, het.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(scale).toBeGreaterThan(fitted * 1.5);
  await page.keyboard.press('0');

  // ? shows every shortcut; Esc closes it again.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Nieuwe notitie: bij de muis, in de kant van de cursor of in de kant op de beamer');
  await expect(help).toContainText('Gekozen notities groeperen');
  await page.screenshot({ path: 'test-results/canvas-help.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The whole world as a PNG, at twice its size, whatever the camera shows.
  await page.keyboard.press('3');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plaatje bewaren' }).click();
  const file = await (await download).path();
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(3200);
  expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(2000);
  expect((await download).suggestedFilename()).toBe('sessie-c3-2025-06-02.png');
  socket.close();
});

test('after many small repaints, the notes layer is exactly what a fresh full paint draws', async ({ page, context, host }) => {
  const notes = Array.from({ length: 40 }, (_, index) => ({
    id: `n${index}`,
    zoneId: index % 2 ? 'wij' : 'het',
    text: `Notitie ${index} over samen leren`,
    x: (index % 2 ? 300 : 1060) + (index % 5) * 60,
    y: 320 + Math.floor(index / 5) * 45,
  }));
  const socket = await sessionWith(host, 'c4', LEMNISCATE, notes);
  await openBoard(page, host, 'c4', notes.length);
  // Changes that each repaint only a spot: a drag, a note from elsewhere, a group, a colour, a deletion.
  // n35 (300, 635) is grabbed at its left edge, where no later note lies over it.
  await drag(page, await at(page, 250, 635), await at(page, 370, 740));
  await hostHas(socket, 'c4', (s) => [s.notes.n35?.x, s.notes.n35?.y], [420, 740]);
  await socket.command('c4', { type: 'note.add', id: 'late', zoneId: 'ik', text: 'Later binnengekomen', x: 800, y: 520 });
  await socket.command('c4', { type: 'cluster.create', id: 'g', title: 'Samen', noteIds: ['n4', 'n6'] });
  await socket.command('c4', { type: 'note.recolor', ids: ['n8'], color: ZONE_COLORS.blue });
  await socket.command('c4', { type: 'note.delete', ids: ['n10'] });
  await expect(page.getByTestId('board')).toHaveAttribute('data-notes-drawn', String(notes.length));
  await page.waitForTimeout(300);
  const notesLayer = (target: typeof page) => target.locator('.board-canvas canvas').nth(1).evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const incremental = await notesLayer(page);

  const fresh = await context.newPage();
  await openBoard(fresh, host, 'c4', notes.length);
  await fresh.waitForTimeout(300);
  const full = await notesLayer(fresh);
  // Compared pixel by pixel in the page: where they differ, and by how much.
  const difference = await page.evaluate(
    async ([a, b]) => {
      const pixels = async (url: string) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [one, two] = [await pixels(a as string), await pixels(b as string)];
      let count = 0;
      let worst = 0;
      const box = { left: Number.POSITIVE_INFINITY, top: Number.POSITIVE_INFINITY, right: -1, bottom: -1 };
      // As seen over paper: a clipped repaint may round a half-transparent edge by a few levels, no more.
      const seen = (data: Uint8ClampedArray, index: number, channel: number) => {
        const alpha = (data[index + 3] ?? 0) / 255;
        return (data[index + channel] ?? 0) * alpha + 255 * (1 - alpha);
      };
      for (let index = 0; index < one.data.length; index += 4) {
        const delta = Math.max(...[0, 1, 2].map((channel) => Math.abs(seen(one.data, index, channel) - seen(two.data, index, channel))));
        if (delta <= 8) continue;
        count += 1;
        worst = Math.max(worst, delta);
        const x = (index / 4) % one.width;
        const y = Math.floor(index / 4 / one.width);
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
      }
      return { count, worst, box, size: [one.width, one.height, two.width, two.height] };
    },
    [incremental, full],
  );
  expect(difference.count, JSON.stringify(difference)).toBe(0);
  socket.close();
});

const xy = (point: { x: number; y: number }) => [point.x, point.y] as const;
