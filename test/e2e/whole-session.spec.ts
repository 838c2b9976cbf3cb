import type { Page } from '@playwright/test';
import type { SessionState } from '../../shared/domain';
import { themeZoneId } from '../../shared/zones';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Issue 13 item 3 through the real pages: the facilitator sets a session to work per side and per
 * theme in "Instellingen"; each chosen theme gets its own zone on the board, the projector and the
 * phones; a phone writes a note for a theme; a zone that already holds notes cannot be set aside.
 */
const SESSION = 'managers';
const P = 'avk';
const VISION = 'Samen handen en voeten geven aan een visie';
const MONITORING = 'Monitoring, effectiviteit en ervaringen';
const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', deviceScaleFactor: 2 } as const;

async function prepare(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
  await socket.command('workspace', { type: 'theme.create', id: 'visie', programmeId: P, title: VISION });
  await socket.command('workspace', { type: 'theme.create', id: 'mon', programmeId: P, title: MONITORING });
  await socket.command('workspace', { type: 'session.create', id: SESSION, programmeId: P, title: 'Eiland Managers', group: 'Managers', date: '2025-03-18', templateId: 'lemniscaat-ik-wij-het' });
  await socket.command(SESSION, { type: 'note.add', id: 'wij1', zoneId: 'wij', text: 'Korte lijnen' });
  return socket;
}

async function openSetup(page: Page) {
  await page.getByTestId('open-setup').click();
  const dialog = page.getByTestId('setup-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

const wholeZones = (state: SessionState) => state.template.zones.filter((zone) => zone.whole).map((zone) => [zone.id, zone.name]);

test('a session works per side and per theme: the themes get zones on board, projector and phone, and a phone writes for a theme', async ({ page, browser, host }) => {
  test.setTimeout(90_000);
  const socket = await prepare(host);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);

  // Per theme only is refused while the WIJ side holds a note: a clear message, nothing changed.
  let dialog = await openSetup(page);
  const workMode = dialog.getByTestId('setup-work-mode');
  await workMode.getByRole('radio', { name: 'Thema (hele sessie)' }).check();
  await workMode.getByRole('checkbox', { name: VISION }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Op dat vlak staan nog notities, punten of tekst. Verplaats of verwijder die eerst.')).toBeVisible();
  expect(wholeZones(await socket.session(SESSION))).toEqual([]);
  await page.screenshot({ path: shot('whole-session-refused.png') });

  // Both: the sides stay, each theme gets a zone.
  await workMode.getByRole('radio', { name: 'Allebei' }).check();
  await workMode.getByRole('checkbox', { name: MONITORING }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => wholeZones(await socket.session(SESSION)))
    .toEqual([
      [themeZoneId('visie'), VISION],
      [themeZoneId('mon'), MONITORING],
    ]);
  const state = await socket.session(SESSION);
  expect(state.template.zones.filter((zone) => !zone.whole).map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
  await page.screenshot({ path: shot('whole-session-board-1440.png') });
  // The dialog shows what the session does now.
  dialog = await openSetup(page);
  await expect(dialog.getByTestId('setup-work-mode').getByRole('radio', { name: 'Allebei' })).toBeChecked();
  await expect(dialog.getByTestId('setup-work-mode').getByRole('checkbox', { name: VISION })).toBeChecked();
  await page.screenshot({ path: shot('whole-session-setup-1440.png') });
  await page.keyboard.press('Escape');

  // A phone in the theme's notes phase: its chips say "Kant of thema" and the theme is chosen.
  await socket.command(SESSION, { type: 'phase.set', phaseId: `notes-${themeZoneId('visie')}` });
  const code = await socket.openRoom(SESSION);
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(`${host.origin}join.html?code=${code}`);
  await phone.getByLabel('Je naam').fill('Fatima');
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  const zones = phone.getByRole('group', { name: 'Kant of thema' });
  await expect(zones.getByRole('button', { name: VISION })).toHaveAttribute('aria-pressed', 'true');
  await expect(zones.getByRole('button')).toHaveCount(5);
  await phone.getByLabel(`Je notitie voor ${VISION}`).fill('Mandaat van bestuurders');
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await expect.poll(async () => Object.values((await socket.session(SESSION)).notes).find((note) => note.text === 'Mandaat van bestuurders')?.zoneId).toBe(themeZoneId('visie'));
  await phone.screenshot({ path: shot('whole-session-phone-390.png'), fullPage: true });
  await context.close();

  // The projector shows the sides and both themes with their names, at both beamer sizes.
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const projectorContext = await browser.newContext({ viewport: size, locale: 'nl-NL' });
    const projector = await projectorContext.newPage();
    await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
    await expect(projector.locator('canvas').first()).toBeVisible();
    await projector.waitForTimeout(500);
    await projector.screenshot({ path: shot(`whole-session-projector-${size.width}.png`) });
    await projectorContext.close();
  }
  socket.close();
});

test('a session of no programme works on the whole: one "Hele sessie" zone, no figure, and back to the sides as they were', async ({ page, browser, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id: 'geheel', programmeId: null, title: 'Stuurgroep', group: 'Stuurgroep', date: '2025-04-01', templateId: 'lemniscaat-ik-wij-het' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.pageUrl('')}#/session/geheel`);
  let dialog = await openSetup(page);
  await dialog.getByTestId('setup-work-mode').getByRole('radio', { name: 'Thema (hele sessie)' }).check();
  await expect(dialog.getByText('Deze sessie hoort niet bij een programma: er komt één vlak „Hele sessie”.')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await socket.session('geheel')).template.zones.map((zone) => zone.name)).toEqual(['Hele sessie']);
  await socket.command('geheel', { type: 'note.add', id: 'g1', zoneId: 'hele-sessie', text: 'Urgentie blijven voelen' });
  await expect(page.getByText('1 notitie', { exact: true })).toBeVisible();
  await page.screenshot({ path: shot('whole-session-only-1440.png') });
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await projectorContext.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: 'geheel' }));
  await expect(projector.locator('canvas').first()).toBeVisible();
  await projector.waitForTimeout(500);
  await projector.screenshot({ path: shot('whole-session-only-projector-1280.png') });
  await projectorContext.close();
  // Per side again: the note in "Hele sessie" keeps it there, so that is refused; without it the sides return.
  dialog = await openSetup(page);
  await dialog.getByTestId('setup-work-mode').getByRole('radio', { name: 'Kant van het model' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Op dat vlak staan nog notities, punten of tekst. Verplaats of verwijder die eerst.')).toBeVisible();
  await page.keyboard.press('Escape');
  await socket.command('geheel', { type: 'note.delete', ids: ['g1'] });
  dialog = await openSetup(page);
  await dialog.getByTestId('setup-work-mode').getByRole('radio', { name: 'Kant van het model' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await socket.session('geheel')).template.zones.map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
  socket.close();
});
