import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { GESTURES, KEYED_ACTIONS } from '../../renderer/src/facilitator/board/actions';
import { openBoard, sessionWith } from './canvas-support';
import { expect, test, worldToPage } from './fixtures';
import type { HostSocket } from './host-socket';

// One register of board actions: the selection bar, the context menu, the keys and the help all
// show and do the same actions, and only those that apply in the phase the session is in.

const LEMNISCATE = 'lemniscaat-ik-wij-het';
const NOTES = [
  { id: 'a', zoneId: 'wij', text: 'Mensen kennen elkaar', x: 330, y: 420 },
  { id: 'b', zoneId: 'wij', text: 'Korte lijnen', x: 520, y: 440 },
  { id: 'h', zoneId: 'het', text: 'Monitoring ontbreekt nog', x: 1180, y: 500 },
];
const PHASES = [
  { id: 'notes-wij', kind: 'notes', zoneId: 'wij' },
  { id: 'clustering-wij', kind: 'clustering', zoneId: 'wij' },
  { id: 'attention-wij', kind: 'attention', zoneId: 'wij' },
  { id: 'voting', kind: 'voting', zoneId: null },
  { id: 'ingredients', kind: 'ingredients', zoneId: null },
];
const shot = (name: string) => test.info().outputPath(name);

async function seed(host: Parameters<typeof sessionWith>[0], id: string): Promise<HostSocket> {
  const socket = await sessionWith(host, id, LEMNISCATE, NOTES);
  await socket.command(id, { type: 'phases.configure', phases: PHASES });
  return socket;
}

/** Sets the phase from another window, as the phase bar would, and waits until the board shows it. */
async function toPhase(page: Page, socket: HostSocket, id: string, phaseId: string | null): Promise<void> {
  await socket.command(id, { type: 'phase.set', phaseId });
  await expect(page.getByTestId('flow-panel')).toHaveAttribute('data-kind', PHASES.find((phase) => phase.id === phaseId)?.kind ?? '');
}

const barActions = (page: Page) => page.getByTestId('selection-bar').locator('[data-action]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
const menuActions = (page: Page) => page.getByRole('menu').getByRole('menuitem').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action') ?? 'note'));

test('the selection bar shows only what applies in each phase, and a key that does not apply says why', async ({ page, host }) => {
  const socket = await seed(host, 'bar');
  await openBoard(page, host, 'bar', NOTES.length);
  const note = await worldToPage(page, { x: 330, y: 420 });
  await page.mouse.click(note.x, note.y);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toContainText('1 gekozen');
  // The toolbar reads the same register.
  await expect(page.locator('.board-actions [data-action]')).toHaveCount(2);
  expect(await page.locator('.board-actions [data-action]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')))).toEqual(['undo', 'redo']);

  // Before the first phase everything applies: the colours, edit, group, promote, delete.
  expect(await barActions(page)).toEqual(['color', 'edit', 'group', 'promote', 'linkTheme', 'delete']);
  await page.screenshot({ path: shot('bar-0-not-started.png') });

  const expected: [string, string[]][] = [
    ['notes-wij', ['color', 'edit', 'group', 'delete']],
    ['clustering-wij', ['color', 'edit', 'group', 'promote', 'linkTheme', 'delete']],
    ['attention-wij', ['color', 'edit', 'promote', 'linkTheme', 'delete']],
    ['voting', []],
    ['ingredients', []],
  ];
  for (const [phase, actions] of expected) {
    await toPhase(page, socket, 'bar', phase);
    await expect(bar).toHaveAttribute('data-phase', PHASES.find((candidate) => candidate.id === phase)?.kind ?? '');
    expect(await barActions(page), phase).toEqual(actions);
    await page.screenshot({ path: shot(`bar-${phase}.png`) });
  }
  // With nothing to offer, the bar says why instead of showing buttons that would be refused.
  await expect(page.getByTestId('selection-quiet')).toHaveText('In de fase Ingrediënten verander je geen notities.');
  await page.keyboard.press('Escape');
  await expect(page.locator('.toolbar-hint')).toHaveText('In deze fase schrijf je geen notities. Druk op ? voor alle sneltoetsen.');
  await page.mouse.click(...xy(await worldToPage(page, { x: 330, y: 420 })));
  // The bar stays above the board, never over the canvas.
  const barBox = await bar.boundingBox();
  const canvasBox = await page.locator('.board-canvas').boundingBox();
  if (!barBox || !canvasBox) throw new Error('bar or canvas not on screen');
  expect(barBox.y + barBox.height).toBeLessThanOrEqual(canvasBox.y + 0.5);

  // Keys of actions that do not apply say so, and change nothing.
  await toPhase(page, socket, 'bar', 'voting');
  await expect(page.locator('.board-canvas')).toBeFocused();
  await page.keyboard.press('g');
  const toast = page.locator('.toast').last();
  await expect(toast).toHaveText(/Groeperen kan niet in de fase Stemmen\. Dat kan in: Notities, Thema’s maken\./);
  await page.keyboard.press('Delete');
  // It names the phases of this session where it can: not check-in or "Wat gaat goed?", which this session skips.
  await expect(page.locator('.toast').last()).toHaveText(/Verwijderen kan niet in de fase Stemmen\. Dat kan in: Notities, Thema’s maken, Aandachtspunten\./);
  // A double-click, which writes a note as N does, follows the same phases.
  const empty = await worldToPage(page, { x: 800, y: 300 });
  await page.mouse.dblclick(empty.x, empty.y);
  await expect(page.locator('.toast').last()).toHaveText(/Nieuwe notitie kan niet in de fase Stemmen/);
  await expect(page.getByRole('textbox', { name: 'Tekst van de notitie' })).toBeHidden();
  await page.screenshot({ path: shot('bar-voting-refused.png') });
  const untouched = await socket.session('bar');
  expect(Object.keys(untouched.notes).sort()).toEqual(['a', 'b', 'h']);
  expect(Object.keys(untouched.clusters)).toHaveLength(0);
  // Looking around still works in every phase: arrows move the keyboard's cursor.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('board-cursor')).toHaveAttribute('data-note-id', /.+/);

  // In the notes phase G groups; P is refused there and works one phase on.
  await toPhase(page, socket, 'bar', 'notes-wij');
  await page.mouse.click(...xy(await worldToPage(page, { x: 330, y: 420 })));
  await page.keyboard.press('p');
  await expect(page.locator('.toast').last()).toHaveText(/Aandachtspunt maken kan niet in de fase Notities\. Dat kan in: Thema’s maken, Aandachtspunten\./);
  expect(Object.keys((await socket.session('bar')).attentionPoints)).toHaveLength(0);
  await toPhase(page, socket, 'bar', 'attention-wij');
  await page.keyboard.press('p');
  await expect.poll(async () => Object.values((await socket.session('bar')).attentionPoints).map((point) => point.title)).toEqual(['Mensen kennen elkaar']);
  socket.close();
});

test('the context menu opens at the pointer on a right-click, offers what applies, and does it', async ({ page, host }) => {
  const socket = await seed(host, 'menu');
  await toPhaseBeforeOpen(socket, 'menu', 'clustering-wij');
  await openBoard(page, host, 'menu', NOTES.length);

  // Two notes chosen, then a right-click on one of them: the choice stays, the menu is about it.
  await page.mouse.click(...xy(await worldToPage(page, { x: 330, y: 420 })));
  await page.keyboard.down('Shift');
  await page.mouse.click(...xy(await worldToPage(page, { x: 520, y: 440 })));
  await page.keyboard.up('Shift');
  const at = await worldToPage(page, { x: 520, y: 440 });
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Wat je hier kunt doen' });
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('selection-bar')).toContainText('2 gekozen');
  // It opens where the pointer is (above it when there is no room below), and the first item has the keyboard.
  const box = await menu.boundingBox();
  if (!box) throw new Error('menu not on screen');
  expect(Math.abs(box.x - at.x)).toBeLessThanOrEqual(2);
  expect(Math.min(Math.abs(box.y - at.y), Math.abs(box.y + box.height - at.y))).toBeLessThanOrEqual(2);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  // Two notes: no single text to edit. What changes the notes first (laying them down neatly too), then what only chooses, the removing item last.
  expect(await menuActions(page)).toEqual(['color', 'color-reset', 'group', 'promote', 'tidy', 'clear', 'delete']);
  await expect(menu.locator('hr')).toHaveCount(2);
  await expect(menu.getByRole('menuitem', { name: /Groeperen/ })).toContainText('G');
  await page.screenshot({ path: shot('menu-right-click-clustering.png') });
  const axe = await new AxeBuilder({ page }).include('[role="menu"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await menu.getByRole('menuitem', { name: /Groeperen/ }).click();
  await expect(menu).toBeHidden();
  const title = page.getByRole('textbox', { name: 'Naam van de groep' });
  await title.fill('Elkaar kennen');
  await title.press('Enter');
  await expect.poll(async () => Object.values((await socket.session('menu')).clusters).map((cluster) => cluster.title)).toEqual(['Elkaar kennen']);
  const grouped = await socket.session('menu');
  expect(['a', 'b'].map((id) => grouped.notes[id]?.clusterId !== null)).toEqual([true, true]);

  // On an empty spot: the canvas's menu; "Nieuwe notitie" writes one right there.
  const spot = await worldToPage(page, { x: 1250, y: 620 });
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  await expect(menu).toBeVisible();
  expect(await menuActions(page)).toEqual(['new', 'tidy', 'fit', 'undo', 'redo', 'all', 'help']);
  await page.screenshot({ path: shot('menu-right-click-empty.png') });
  await menu.getByRole('menuitem', { name: /Nieuwe notitie/ }).click();
  const editor = page.getByRole('textbox', { name: 'Tekst van de notitie' });
  await expect(editor).toBeFocused();
  await editor.fill('Per partner één aanspreekpunt');
  await editor.press('Enter');
  // Where the menu was opened, to within the rounding of a pixel to world units.
  await expect
    .poll(async () => {
      const added = Object.values((await socket.session('menu')).notes).find((found) => found.text === 'Per partner één aanspreekpunt');
      return added && { zoneId: added.zoneId, near: Math.abs(added.x - 1250) <= 1 && Math.abs(added.y - 620) <= 1 };
    })
    .toEqual({ zoneId: 'het', near: true });

  // Esc closes it and gives the board the keyboard back; a press elsewhere closes it too.
  await page.mouse.click(spot.x, spot.y - 200, { button: 'right' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.locator('.board-canvas')).toBeFocused();
  await page.mouse.click(spot.x, spot.y - 200, { button: 'right' });
  await page.getByRole('heading', { name: 'Sessie menu' }).click();
  await expect(menu).toBeHidden();

  // In the voting phase the menu on a note offers no note actions, and says why.
  await socket.command('menu', { type: 'phase.set', phaseId: 'voting' });
  await expect(page.getByTestId('flow-panel')).toHaveAttribute('data-kind', 'voting');
  const h = await worldToPage(page, { x: 1180, y: 500 });
  await page.mouse.click(h.x, h.y, { button: 'right' });
  await expect(menu).toContainText('In de fase Stemmen verander je geen notities.');
  expect(await menuActions(page)).toEqual(['note', 'clear']);
  // The keyboard starts on what can be done, not on the line that explains.
  await expect(page.locator(':focus')).toHaveAttribute('data-action', 'clear');
  await page.screenshot({ path: shot('menu-voting.png') });

  // The same menu in English.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await toPhaseBeforeOpen(socket, 'menu', 'attention-wij');
  await expect(page.getByTestId('flow-panel')).toHaveAttribute('data-kind', 'attention');
  await page.mouse.click(...xy(await worldToPage(page, { x: 1180, y: 500 })), { button: 'right' });
  const english = page.getByRole('menu', { name: 'What you can do here' });
  await expect(english.getByRole('menuitem', { name: /Make attention point/ })).toBeVisible();
  await page.screenshot({ path: shot('menu-attention-en.png') });
  socket.close();
});

test('the keyboard opens the same menu at the cursor’s note (Shift+F10, the menu key) and goes through it', async ({ page, host }) => {
  await page.addInitScript(() => {
    const record = window as unknown as { pointerPresses: number };
    record.pointerPresses = 0;
    for (const type of ['pointerdown', 'mousedown', 'touchstart']) window.addEventListener(type, () => record.pointerPresses++, true);
  });
  const socket = await seed(host, 'keys');
  await toPhaseBeforeOpen(socket, 'keys', 'attention-wij');
  await openBoard(page, host, 'keys', NOTES.length);
  const canvas = page.locator('.board-canvas');
  await expect(canvas).toBeFocused();

  await page.keyboard.press('ArrowRight');
  const cursor = page.getByTestId('board-cursor');
  await expect(cursor).toHaveAttribute('data-note-id', 'a');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  // The cursor's note is chosen, as a right-click chooses the note under the pointer.
  await expect(page.getByTestId('selection-bar')).toContainText('1 gekozen');
  // Beside the note, not over it: its top right corner.
  const corner = await worldToPage(page, { x: 330 + 88, y: 420 - 62 });
  const box = await menu.boundingBox();
  if (!box) throw new Error('menu not on screen');
  expect(Math.abs(box.x - corner.x)).toBeLessThanOrEqual(2);
  // From the corner down, or moved up as far as it must to stay on the screen, still beside that corner.
  const viewport = page.viewportSize();
  expect(box.y <= corner.y + 2 && corner.y <= box.y + box.height).toBe(true);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport?.height ?? 0);
  expect(await menuActions(page)).toEqual(['edit', 'color', 'color-reset', 'promote', 'tidy', 'linkTheme', 'clear', 'delete']);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.screenshot({ path: shot('menu-keyboard.png') });

  // Arrows go round, Home and End go to the ends; the board's own arrow keys wait meanwhile.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-action', 'linkTheme');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-action', 'tidy');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-action', 'promote');
  await expect(cursor).toHaveAttribute('data-note-id', 'a');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect.poll(async () => Object.values((await socket.session('keys')).attentionPoints).map((point) => point.title)).toEqual(['Mensen kennen elkaar']);
  await expect(canvas).toBeFocused();

  // The menu key opens it too, on the note the cursor moved to; Esc closes it and the board has the keys again.
  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-note-id', 'b');
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('selection-bar')).toContainText('1 gekozen');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(canvas).toBeFocused();
  // Tab closes it as well, and Space on a menu item does it.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-action', 'clear');
  await page.keyboard.press('Space');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { pointerPresses: number }).pointerPresses)).toBe(0);
  socket.close();
});

test('the help lists exactly the register’s keyed actions and gestures, and greys what the phase does not allow', async ({ page, host }) => {
  const socket = await seed(host, 'help');
  await openBoard(page, host, 'help', NOTES.length);
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  const listed = (attribute: string) => help.locator(`[${attribute}]`).evaluateAll((nodes, name) => nodes.map((node) => node.getAttribute(name)), attribute);
  expect((await listed('data-action')).sort()).toEqual(KEYED_ACTIONS.map((action) => action.id).sort());
  expect((await listed('data-gesture')).sort()).toEqual(GESTURES.map((gesture) => gesture.id).sort());
  // Each row shows the keys its action answers to.
  await expect(help.locator('[data-action="group"] kbd')).toHaveText(['G']);
  await expect(help.locator('[data-action="menu"] kbd')).toHaveText(['Shift+F10', 'Menutoets']);
  await expect(help.locator('[data-action="redo"] kbd')).toHaveText(['Ctrl+Shift+Z', 'Ctrl+Y']);
  // Before the first phase nothing is greyed.
  await expect(help.locator('.help-row-off')).toHaveCount(0);

  await socket.command('help', { type: 'phase.set', phaseId: 'voting' });
  await expect(help.getByText('Grijs: kan niet in de fase Stemmen.')).toBeVisible();
  const off = await help.locator('.help-row-off').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
  expect(off.sort()).toEqual(['color', 'color-reset', 'delete', 'edit', 'group', 'linkTheme', 'new', 'promote', 'reveal-notes', 'tidy', 'ungroup']);
  await expect(help.locator('[data-action="group"]')).toContainText('(niet in deze fase)');
  await page.screenshot({ path: shot('help-voting.png') });
  socket.close();
});

/** The phase set before the page opens, so it opens in it. */
async function toPhaseBeforeOpen(socket: HostSocket, id: string, phaseId: string): Promise<void> {
  await socket.command(id, { type: 'phase.set', phaseId });
}

const xy = (point: { x: number; y: number }): [number, number] => [point.x, point.y];
