import type { Page } from '@playwright/test';
import type { Note, SessionState } from '../../shared/domain';
import { expect, type HostHandle, test, worldToPage } from './fixtures';
import { HostSocket } from './host-socket';

async function createSession(host: HostHandle, id: string, title: string): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', {
    type: 'session.create',
    id,
    programmeId: null,
    title,
    group: 'Programmateam',
    date: '2025-06-02',
    templateId: 'lemniscaat-ik-wij-het',
  });
  return socket;
}

async function openSession(page: Page, host: HostHandle, title: string): Promise<void> {
  await page.goto(host.pageUrl());
  await page.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: 'Openen' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.locator('.board canvas').first()).toBeVisible();
}

const onlyNote = (state: SessionState): Note => {
  const notes = Object.values(state.notes);
  expect(notes).toHaveLength(1);
  return notes[0] as Note;
};

test('a note is added by double-click, dragged to another side, and the move undone', async ({ page, host }) => {
  const socket = await createSession(host, 'board-1', 'Programmateam juni');
  await openSession(page, host, 'Programmateam juni');

  const inIk = await worldToPage(page, { x: 800, y: 580 });
  await page.mouse.dblclick(inIk.x, inIk.y);
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });
  await expect(editor).toBeFocused();
  await editor.fill('Ik voel me gehoord in het team');
  await page.screenshot({ path: 'test-results/board-editing.png' });
  await editor.press('Enter');
  await expect(editor).toBeHidden();
  await expect(page.getByRole('list', { name: 'IK-kant' })).toContainText('Ik voel me gehoord in het team');
  await expect(page.getByText('1 notitie', { exact: true })).toBeVisible();

  await expect.poll(async () => onlyNote(await socket.session('board-1')).zoneId).toBe('ik');
  const added = onlyNote(await socket.session('board-1'));
  expect(added.text).toBe('Ik voel me gehoord in het team');
  // Pixels map to world units through the camera's scale, so the spot is exact to within a unit.
  expect(Math.abs(added.x - 800)).toBeLessThanOrEqual(1);
  expect(Math.abs(added.y - 580)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: 'test-results/board-note-added.png' });

  const target = await worldToPage(page, { x: 1200, y: 600 });
  await page.mouse.move(inIk.x, inIk.y);
  await page.mouse.down();
  await page.mouse.move((inIk.x + target.x) / 2, (inIk.y + target.y) / 2, { steps: 8 });
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => onlyNote(await socket.session('board-1')).zoneId).toBe('het');
  const moved = onlyNote(await socket.session('board-1'));
  expect(Math.abs(moved.x - 1200)).toBeLessThanOrEqual(2);
  await expect(page.getByRole('list', { name: 'HET-kant' })).toContainText('Ik voel me gehoord in het team');
  await page.screenshot({ path: 'test-results/board-note-moved.png' });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => onlyNote(await socket.session('board-1')).zoneId).toBe('ik');
  await expect(page.getByRole('list', { name: 'IK-kant' })).toContainText('Ik voel me gehoord in het team');

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => onlyNote(await socket.session('board-1')).zoneId).toBe('het');
  socket.close();
});

test('a note is edited by double-click and deleted with the Delete key', async ({ page, host }) => {
  const socket = await createSession(host, 'board-2', 'Stuurgroep juni');
  await socket.command('board-2', { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Goede sfeer', x: 420, y: 600 });
  await openSession(page, host, 'Stuurgroep juni');

  const note = await worldToPage(page, { x: 420, y: 600 });
  await page.mouse.dblclick(note.x, note.y);
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });
  await expect(editor).toHaveValue('Goede sfeer');
  await editor.fill('Goede sfeer, open voor nieuwe dingen');
  await editor.press('Enter');
  await expect.poll(async () => (await socket.session('board-2')).notes.n1?.text).toBe('Goede sfeer, open voor nieuwe dingen');

  await page.mouse.dblclick(note.x, note.y);
  await editor.fill('Dit wordt niet bewaard');
  await editor.press('Escape');
  await expect(editor).toBeHidden();

  await page.mouse.click(note.x, note.y);
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.keys((await socket.session('board-2')).notes)).toEqual([]);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect.poll(async () => (await socket.session('board-2')).notes.n1?.text).toBe('Goede sfeer, open voor nieuwe dingen');
  socket.close();
});

test('a note typed while the host is down is sent when it is back', async ({ page, host }) => {
  const socket = await createSession(host, 'board-3', 'Zonder verbinding');
  socket.close();
  await openSession(page, host, 'Zonder verbinding');
  await host.kill();
  await expect(page.getByRole('status').filter({ hasText: 'Geen verbinding' })).toBeVisible();

  const spot = await worldToPage(page, { x: 420, y: 560 });
  await page.mouse.dblclick(spot.x, spot.y);
  await page.getByRole('textbox', { name: 'Tekst van de notitie' }).fill('Geschreven zonder wifi');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nog te versturen: 1')).toBeVisible();
  await page.screenshot({ path: 'test-results/board-offline.png' });

  await host.start();
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('list', { name: 'WIJ-kant' })).toContainText('Geschreven zonder wifi');
  const check = await HostSocket.open(host.socketUrl());
  const notes = Object.values((await check.session('board-3')).notes);
  expect(notes.map((note) => [note.zoneId, note.text])).toEqual([['wij', 'Geschreven zonder wifi']]);
  check.close();
});

const DEMO_NOTES: ReadonlyArray<[string, string, number, number]> = [
  ['het', 'Helder ritme van plannen, doen en bijstellen', 1050, 420],
  ['het', 'Monitoring: wat willen we weten?', 1260, 400],
  ['het', 'Per partner één aanspreekpunt', 1310, 560],
  ['het', 'Bestaande interventies in kaart brengen', 1090, 600],
  ['wij', 'Mensen kennen elkaar en leren van elkaar', 320, 410],
  ['wij', 'Visie samen handen en voeten geven', 530, 470],
  ['wij', 'Organisaties doen graag mee aan pilots', 330, 600],
  ['ik', 'Geen kind langdurig in armoede: dat drijft mij', 800, 420],
  ['ik', 'Ruimte om te leren', 800, 585],
];

test('an open session with several notes, for the README', async ({ page, host }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const socket = await createSession(host, 'demo', 'Eiland van reflectie programmateam');
  for (const [index, [zoneId, text, x, y]] of DEMO_NOTES.entries()) {
    await socket.command('demo', { type: 'note.add', id: `demo-${index}`, zoneId, text, x, y });
  }
  await openSession(page, host, 'Eiland van reflectie programmateam');
  await expect(page.getByText(`${DEMO_NOTES.length} notities`)).toBeVisible();
  const selected = await worldToPage(page, { x: 1260, y: 400 });
  await page.mouse.click(selected.x, selected.y);
  await page.screenshot({ path: 'test-results/board-demo.png' });
  // The README's picture is refreshed on request only, so a normal run leaves the work tree clean.
  if (process.env.UPDATE_DOCS_SCREENSHOT) await page.screenshot({ path: 'docs/screenshot.png' });
  socket.close();
});
