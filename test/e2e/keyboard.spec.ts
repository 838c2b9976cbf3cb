import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

const shot = (name: string) => test.info().outputPath(name);

/** Counts every press of a real pointer on the page, so the test can prove it never used one. */
async function countPointerPresses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { pointerPresses: number };
    record.pointerPresses = 0;
    for (const type of ['pointerdown', 'mousedown', 'touchstart']) window.addEventListener(type, () => record.pointerPresses++, true);
  });
}

/** Tab (forward only) until `target` has the focus; fails with the stops it passed when it never does. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  await expect(target).toBeVisible();
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
    passed.push(await page.evaluate(() => {
      const element = document.activeElement;
      return element ? `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''}` : 'none';
    }));
  }
  throw new Error(`Tab never reached the target; it passed: ${passed.join(' | ')}`);
}

test('the board: arrow keys go through a side’s notes, Space picks, and G and P work on what was picked', async ({ page, host }) => {
  await countPointerPresses(page);
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Toetsen', group: 'Programmateam', date: '2026-12-06', templateId: 'lemniscaat-ik-wij-het' });
  const notes = [
    ['a1', 'wij', 'Mensen kennen elkaar', 300, 410],
    ['a2', 'wij', 'Korte lijnen', 520, 400],
    ['b1', 'wij', 'Gedeelde visie ontbreekt', 300, 560],
    ['h1', 'het', 'Monitoring ontbreekt nog', 1180, 500],
  ] as const;
  for (const [id, zoneId, text, x, y] of notes) await socket.command('s1', { type: 'note.add', id, zoneId, text, x, y });
  await page.goto(`${host.pageUrl('')}#/session/s1`);
  const canvas = page.getByRole('application');
  await expect(canvas).toBeFocused();
  const cursor = page.getByTestId('board-cursor');

  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-note-id', 'a1');
  await expect(cursor).toHaveText('WIJ-kant, notitie 1 van 3: Mensen kennen elkaar');
  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-note-id', 'a2');
  await page.keyboard.press('ArrowDown');
  await expect(cursor).toHaveAttribute('data-note-id', 'b1');
  await page.keyboard.press('Space');
  await expect(cursor).toHaveText('WIJ-kant, notitie 3 van 3: Gedeelde visie ontbreekt, gekozen');
  await page.keyboard.press('ArrowUp');
  await expect(cursor).toHaveAttribute('data-note-id', 'a1');
  await page.keyboard.press('Space');
  await page.screenshot({ path: shot('keyboard-cursor-1440.png') });
  await page.keyboard.press('g');
  await page.keyboard.type('Elkaar kennen');
  await page.keyboard.press('Enter');
  const state = () => socket.session('s1');
  await expect.poll(async () => Object.values((await state()).clusters).map((cluster) => cluster.title)).toEqual(['Elkaar kennen']);
  const cluster = Object.values((await state()).clusters)[0];
  expect(Object.values((await state()).notes).filter((note) => note.clusterId === cluster?.id).map((note) => note.id).sort()).toEqual(['a1', 'b1']);
  await expect(canvas).toBeFocused();
  await page.keyboard.press('p');
  await expect.poll(async () => Object.values((await state()).attentionPoints).map((point) => point.title)).toEqual(['Elkaar kennen']);

  // Ctrl + arrows move what is picked; the arrows alone only move the cursor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await expect(cursor).toHaveAttribute('data-note-id', 'h1');
  await page.keyboard.press('Space');
  const before = (await state()).notes.h1;
  await page.keyboard.press('ArrowLeft');
  await expect(cursor).toHaveAttribute('data-note-id', 'b1');
  expect((await state()).notes.h1?.x).toBe(before?.x);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+ArrowDown');
  await expect.poll(async () => (await state()).notes.h1?.y).toBe((before?.y ?? 0) + 10);
  // Deleting the cursor's note moves the cursor on to the next (round to the first side), as a list's focus does.
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await state()).notes.h1).toBeUndefined();
  await expect(cursor).toHaveAttribute('data-note-id', 'a1');
  await page.keyboard.press('Space');
  await expect(cursor).toHaveText('WIJ-kant, notitie 1 van 3: Mensen kennen elkaar, in groep Elkaar kennen, gekozen');

  // The help lists the cursor keys from the same table the keys are handled by.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help.locator('.help-row').filter({ has: page.locator('kbd', { hasText: /^Spatie$/ }) })).toContainText('Notitie bij de cursor kiezen');
  await expect(help.locator('.help-row').filter({ hasText: 'Ctrl + pijltjes' })).toContainText('verschuiven');
  await help.locator('kbd', { hasText: /^Spatie$/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('keyboard-help-1280.png') });

  expect(await page.evaluate(() => (window as unknown as { pointerPresses: number }).pointerPresses)).toBe(0);
  socket.close();
});

test('a whole session without a mouse: make it, open the room, write, group, promote, vote, harvest and save the report', async ({ browser, page, host }) => {
  test.setTimeout(240_000);
  await countPointerPresses(page);
  const socket = await HostSocket.open(host.socketUrl());
  const sessionId = async () => Object.keys((await socket.workspace()).sessions)[0] ?? '';
  const state = async () => socket.session(await sessionId());
  const canvas = page.getByRole('application');
  const phase = page.getByTestId('phase-bar');
  /** PageDown until the bar shows the phase: sides without notes are passed by the same key. */
  const pageDownTo = async (phaseId: string) => {
    for (let i = 0; i < 20 && (await phase.getAttribute('data-phase')) !== phaseId; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    await expect(phase).toHaveAttribute('data-phase', phaseId);
  };

  // 1. A new session, from the first screen; it opens with the board holding the focus.
  await page.goto(host.pageUrl());
  await expect(page.getByTestId('welcome')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Nieuwe sessie' }).first());
  await page.keyboard.press('Enter');
  await page.keyboard.type('Eiland zonder muis');
  // "Meer instellingen": notes stay hidden on the wall until the facilitator shows them.
  await tabTo(page, page.getByText('Meer instellingen'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('setting-hidden'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('setting-hidden')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Sessie maken' }));
  await page.keyboard.press('Enter');
  await expect(canvas).toBeFocused();

  // 2. The room: open it, read its code, close the dialog; two phones join.
  await tabTo(page, page.getByTestId('room-button'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('room-open'));
  await page.keyboard.press('Enter');
  const joinUrl = await page.getByTestId('room-panel').locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('room-panel')).toBeHidden();
  const phones: Page[] = [];
  for (const name of ['Anna', 'Bram']) {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' })).newPage();
    await phone.goto(joinUrl);
    await phone.getByLabel('Je naam').fill(name);
    await phone.getByLabel('Je naam').press('Enter');
    await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
    phones.push(phone);
  }
  const [anna, bram] = phones as [Page, Page];

  // 3. The first side's phases: what goes well, then notes from the phones and from the board.
  await pageDownTo('observation-wij');
  await tabTo(page, page.getByTestId('observation-wij'));
  await page.keyboard.type('Mensen weten elkaar te vinden.');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).observations.wij?.text).toBe('Mensen weten elkaar te vinden.');
  await pageDownTo('notes-wij');
  for (const [phone, text] of [[anna, 'Korte lijnen tussen partners'], [bram, 'Gedeelde visie ontbreekt']] as const) {
    await phone.getByLabel(/Je notitie voor/).fill(text);
    await phone.getByRole('button', { name: 'Versturen' }).click();
  }
  await tabTo(page, canvas);
  await page.keyboard.press('n');
  await page.keyboard.type('Iedereen kent elkaar bij naam');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.values((await state()).notes).map((note) => note.text).sort()).toEqual(['Gedeelde visie ontbreekt', 'Iedereen kent elkaar bij naam', 'Korte lijnen tussen partners']);
  await tabTo(page, page.getByTestId('reveal-zone'));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).flow.revealedZoneIds).toContain('wij');

  // 4. Clustering: the cursor picks two notes, G groups them, P makes the group a point.
  await pageDownTo('clustering-wij');
  await tabTo(page, canvas);
  const cursor = page.getByTestId('board-cursor');
  const noteId = async (text: string) => Object.values((await state()).notes).find((note) => note.text === text)?.id ?? '';
  const pick = async (text: string) => {
    const id = await noteId(text);
    for (let i = 0; i < 6 && (await cursor.getAttribute('data-note-id')) !== id; i++) await page.keyboard.press('ArrowRight');
    await expect(cursor).toHaveAttribute('data-note-id', id);
    await page.keyboard.press('Space');
    await expect(cursor).toContainText('gekozen');
  };
  await pick('Korte lijnen tussen partners');
  await pick('Iedereen kent elkaar bij naam');
  await page.keyboard.press('g');
  await page.keyboard.type('Elkaar kennen');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.values((await state()).clusters).map((cluster) => cluster.title)).toEqual(['Elkaar kennen']);
  await expect(canvas).toBeFocused();
  await pageDownTo('attention-wij');
  await tabTo(page, canvas);
  await page.keyboard.press('p');
  await expect.poll(async () => Object.values((await state()).attentionPoints).map((point) => point.title)).toEqual(['Elkaar kennen']);
  // A single note becomes a point too: to it with the arrows, Space, P.
  await page.keyboard.press('Escape');
  await pick('Gedeelde visie ontbreekt');
  await page.keyboard.press('p');
  await expect.poll(async () => Object.values((await state()).attentionPoints).map((point) => point.title).sort()).toEqual(['Elkaar kennen', 'Gedeelde visie ontbreekt']);
  await page.screenshot({ path: shot('keyboard-session-points.png') });

  // 5. Voting: open it, the phones vote, reveal, and choose the winner for the phase plan.
  await pageDownTo('voting');
  await tabTo(page, page.getByTestId('voting-open'));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).flow.votingOpen).toBe(true);
  const pointId = async (title: string) => Object.values((await state()).attentionPoints).find((point) => point.title === title)?.id ?? '';
  const vision = await pointId('Gedeelde visie ontbreekt');
  for (const phone of phones) {
    await phone.locator(`[data-point="${vision}"]`).getByRole('button', { name: /Stip zetten/ }).click();
  }
  await expect.poll(async () => Object.keys((await state()).votes).length).toBe(2);
  await tabTo(page, page.getByTestId('voting-reveal'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ballot').locator('li').first()).toHaveAttribute('data-point', vision);
  await tabTo(page, page.getByTestId(`choose-${vision}`));
  await page.keyboard.press('Space');
  await expect.poll(async () => (await state()).attentionPoints[vision]?.chosen).toBe(true);

  // 6. Ingredients, another point, the close.
  await pageDownTo('ingredients');
  await tabTo(page, page.getByTestId(`add-ingredient-${vision}`).getByRole('textbox'));
  await page.keyboard.type('Samen een visiedocument schrijven');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.values((await state()).ingredients).map((item) => item.text)).toEqual(['Samen een visiedocument schrijven']);
  // Out of the field first: PageDown inside it belongs to the field.
  await tabTo(page, canvas);
  await pageDownTo('other');
  await tabTo(page, page.getByTestId('add-other-wij').getByRole('textbox'));
  await page.keyboard.type('Wie is waar aanspreekpunt?');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.values((await state()).otherPoints).map((point) => point.text)).toEqual(['Wie is waar aanspreekpunt?']);
  await tabTo(page, canvas);
  await pageDownTo('closing');

  // 7. The report, saved from "Oogsten".
  await tabTo(page, page.getByTestId('harvest-button'));
  await page.keyboard.press('Enter');
  const saveReport = page.getByTestId('harvest-panel').getByRole('button', { name: 'Verslag (PDF) bewaren' });
  await tabTo(page, saveReport);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = shot('verslag.pdf');
  await (await downloading).saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  for (const expected of ['Eiland zonder muis', 'Gedeelde visie ontbreekt', 'Samen een visiedocument schrijven', 'Wie is waar aanspreekpunt?']) expect(text).toContain(expected);

  expect(await page.evaluate(() => (window as unknown as { pointerPresses: number }).pointerPresses)).toBe(0);
  for (const phone of phones) await phone.context().close();
  socket.close();
});
