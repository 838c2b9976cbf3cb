import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * "Oogsten" in the browser: the programme lead saves the report, the tables and the archive
 * without a command line, sums up a programme after confirming theme links, and reads in an
 * archive from another laptop. Downloads are captured and read as a person would (pdftotext).
 */
const SESSION = 'oogst';
const TITLE = 'Eiland van reflectie programmateam';
const POINTS = [
  ['a1', 'het', 'Monitoring, effectiviteit en ervaringen'],
  ['a2', 'wij', 'Samen handen en voeten geven aan een visie'],
  ['a3', 'ik', 'Urgentie blijven voelen'],
] as const;
const shot = (name: string) => test.info().outputPath(name);
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

async function seed(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id: SESSION, programmeId: null, title: TITLE, group: 'Programmateam', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
  const notes = [
    ['het', 'Monitoring ontbreekt nog', 1150, 420],
    ['wij', 'Mensen kennen elkaar', 380, 450],
  ] as const;
  for (const [index, [zoneId, text, x, y]] of notes.entries()) await socket.command(SESSION, { type: 'note.add', id: `n${index}`, zoneId, text, x, y });
  for (const [id, zoneId, title] of POINTS) await socket.command(SESSION, { type: 'attention.add', id, zoneId, title });
  return socket;
}

/** Opens "Oogsten"; a panel with exports in it readies the host's export worker for the first one. */
async function openHarvest(page: Page, { exports = true } = {}): Promise<ReturnType<Page['getByTestId']>> {
  const prepared = exports ? page.waitForResponse((response) => response.url().endsWith('/api/jobs/prepare') && response.request().method() === 'POST') : null;
  await page.getByTestId('harvest-button').click();
  const panel = page.getByTestId('harvest-panel');
  await expect(panel).toBeVisible();
  if (prepared) expect((await prepared).status()).toBe(204);
  return panel;
}

test('saves the session report, tables and archive from the open session', async ({ page, host }) => {
  const socket = await seed(host);
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await expect(page.getByTestId('harvest-button')).toBeVisible();
  await page.locator('.appbar').screenshot({ path: shot('session-appbar.png') });
  const panel = await openHarvest(page);
  await expect(page.getByRole('dialog', { name: 'Oogsten' })).toContainText(TITLE);
  await page.getByRole('dialog').screenshot({ path: shot('harvest-session-panel.png') });

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Verslag (PDF) bewaren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${TITLE} 2024-06-02.pdf`);
  const file = shot('verslag.pdf');
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(file);
  for (const [, , title] of POINTS) expect(text).toContain(title);
  await expect(panel.getByTestId('harvest-status')).toHaveAttribute('data-phase', 'done');
  await expect(panel.getByTestId('harvest-status')).toContainText(`"${TITLE} 2024-06-02.pdf" staat bij je downloads`);

  const csv = page.waitForEvent('download');
  await panel.getByTestId('harvest-csv').click();
  const notes = await csv;
  await notes.saveAs(shot('notities.csv'));
  expect(readFileSync(shot('notities.csv'), 'utf8')).toContain('Mensen kennen elkaar');

  const sqlite = page.waitForEvent('download');
  await panel.getByTestId('harvest-sqlite').click();
  await (await sqlite).saveAs(shot('sessie.sqlite'));
  expect(readFileSync(shot('sessie.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  socket.close();
});

test('shows progress while exporting, and a plain message when the export fails', async ({ page, host }) => {
  const socket = await seed(host);
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  const panel = await openHarvest(page);
  const status = panel.getByTestId('harvest-status');

  // A slow export: the spinner and "Bezig met exporteren…" show, the buttons wait, and it ends.
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => {
    release = done;
  });
  await page.route('**/api/jobs/export', async (route) => {
    await held;
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await panel.getByTestId('harvest-pdf').click();
  await expect(status).toHaveAttribute('data-phase', 'busy');
  await expect(status).toContainText('Bezig met exporteren…');
  await expect(panel.getByTestId('harvest-sqlite')).toBeDisabled();
  await page.getByRole('dialog').screenshot({ path: shot('harvest-busy.png') });
  release();
  await downloading;
  await expect(status).toHaveAttribute('data-phase', 'done');
  await page.unroute('**/api/jobs/export');

  // The host refuses: the message is the catalogue's, not the raw code.
  await page.route('**/api/jobs/export', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'internal', message: 'boom' }) }),
  );
  await panel.getByTestId('harvest-votes-csv').click();
  await expect(status).toHaveAttribute('data-phase', 'failed');
  await expect(status.getByRole('alert')).toHaveText('Het exporteren lukte niet. Er is niets veranderd. Probeer het nog eens.');
  await page.unroute('**/api/jobs/export');

  // The host is gone: the spinner still ends, with a message that says what to do.
  await page.route('**/api/jobs/export', (route) => route.abort('connectionrefused'));
  await panel.getByTestId('harvest-pdf').click();
  await expect(status.getByRole('alert')).toHaveText('Eiland geeft geen antwoord. Wacht even en probeer het nog eens.');
  await expect(panel.getByTestId('harvest-pdf')).toBeEnabled();
  await page.getByRole('dialog').screenshot({ path: shot('harvest-failed.png') });
  socket.close();
});

test('imports an archive on a fresh screen, and refuses a file that is no archive', async ({ page, host, otherLaptop }) => {
  // The archive comes from another laptop (its own data folder and host), where the session was made.
  (await seed(otherLaptop)).close();
  const archive = await fetch(`${otherLaptop.origin}api/export/session/${SESSION}.sqlite`, { headers: { Authorization: `Bearer ${otherLaptop.token}` } });
  const bytes = Buffer.from(await archive.arrayBuffer());
  const socket = await HostSocket.open(host.socketUrl());

  await page.goto(host.pageUrl());
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.locator('.appbar').screenshot({ path: shot('sessions-appbar.png') });
  // No session yet: the panel only reads archives in, and readies no export.
  const panel = await openHarvest(page, { exports: false });
  const importStatus = panel.getByTestId('import-status');

  const garbage = page.waitForEvent('filechooser');
  await panel.getByTestId('import-choose').click();
  await (await garbage).setFiles({ name: 'boodschappen.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('dit is geen archief') });
  await expect(importStatus.getByRole('alert')).toHaveText('Dit bestand is geen Eiland-archief.');
  await page.getByRole('dialog').screenshot({ path: shot('harvest-import-refused.png') });

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name: 'programmateam.sqlite', mimeType: 'application/vnd.sqlite3', buffer: bytes });
  await expect(importStatus).toHaveAttribute('data-phase', 'done');
  await expect(importStatus).toContainText('Nieuw: 1. Bijgewerkt: 0. Was er al: 0.');
  await expect(importStatus.getByRole('listitem')).toContainText(`${TITLE}nieuw`);
  await page.getByRole('dialog').screenshot({ path: shot('harvest-import-done.png') });

  await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
  const row = page.locator(`[data-session-id="${SESSION}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(TITLE);
  expect(Object.keys((await socket.session(SESSION)).attentionPoints).sort()).toEqual(['a1', 'a2', 'a3']);
  socket.close();
});

test('sums up a programme after the facilitator confirms a theme link', async ({ page, host }) => {
  const made = await fetch(`${host.origin}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
  expect(made.status).toBe(200);
  await page.goto(host.pageUrl());
  const panel = await openHarvest(page);
  const programme = panel.getByTestId('harvest-programme');
  await expect(programme.getByRole('checkbox')).toHaveCount(3);
  for (const box of await programme.getByRole('checkbox').all()) await expect(box).toBeChecked();
  const suggestions = programme.getByTestId('theme-suggestion');
  await expect(suggestions.first()).toBeVisible();
  await page.getByRole('dialog').screenshot({ path: shot('harvest-programme-panel.png') });
  await page.screenshot({ path: shot('harvest-programme-page.png') });

  // Nothing is linked until the facilitator says so; "Niet koppelen" only hides a suggestion.
  const socket = await HostSocket.open(host.socketUrl());
  const count = await suggestions.count();
  expect(count).toBeGreaterThan(1);
  await suggestions.first().getByRole('button', { name: 'Niet koppelen' }).click();
  await expect(suggestions).toHaveCount(count - 1);
  expect(await socket.workspace().then((ws) => Object.keys(ws.themes))).toEqual([]);

  // "Koppelen" makes the theme and links the suggested points and groups to it.
  const chosen = suggestions.first();
  const theme = ((await chosen.locator('.harvest-link-theme strong').textContent()) ?? '').replace(/^Thema: /, '');
  expect(theme).not.toBe('');
  await chosen.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByText(`Gekoppeld aan het thema “${theme}”.`)).toBeVisible();
  const themes = Object.values((await socket.workspace()).themes);
  expect(themes.map((item) => item.title)).toEqual([theme]);
  await expect(programme.getByTestId('theme-card').getByTestId('theme-linked-item').first()).toBeVisible();

  // Leave one session out: the summary of the other two downloads as a PDF.
  await programme.getByRole('checkbox').first().uncheck();
  const downloading = page.waitForEvent('download');
  await programme.getByRole('button', { name: 'Samenvatting (PDF) bewaren' }).click();
  const download = await downloading;
  await download.saveAs(shot('samengevat.pdf'));
  expect(readFileSync(shot('samengevat.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfText(shot('samengevat.pdf'))).toContain('Samengevat');
  await programme.getByRole('checkbox').nth(1).uncheck();
  await programme.getByRole('checkbox').nth(2).uncheck();
  await expect(programme.getByText('Kies minstens één sessie.')).toBeVisible();
  await expect(programme.getByTestId('harvest-pdf')).toBeDisabled();
  socket.close();
});

test('in the desktop app, saves where the save dialog points, and says when it cannot', async ({ page, host }) => {
  const socket = await seed(host);
  // The Electron preload's bridge, standing in for the native save dialog: it answers from a list.
  const answers = [join(host.dataDir, 'verslag'), join(host.dataDir, 'geen-map', 'verslag.pdf'), null];
  await page.addInitScript((paths: (string | null)[]) => {
    const asked: string[] = [];
    Object.assign(window, { eilandAsked: asked });
    Object.assign(window, {
      eiland: {
        platform: 'linux',
        openProjector: async () => undefined,
        sessionOpened: async () => undefined,
        localeChanged: async () => undefined,
        chooseSavePath: async (name: string) => {
          asked.push(name);
          return paths.shift() ?? null;
        },
      },
    });
  }, answers);
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  const panel = await openHarvest(page);
  const status = panel.getByTestId('harvest-status');

  // The dialog offered the session's name; the name came back without extension, and .pdf was added.
  await panel.getByTestId('harvest-pdf').click();
  await expect(status).toHaveAttribute('data-phase', 'done');
  const saved = join(host.dataDir, 'verslag.pdf');
  await expect(status).toContainText(`Het bestand is bewaard: ${saved}`);
  expect(await page.evaluate(() => (window as unknown as { eilandAsked: string[] }).eilandAsked)).toEqual([`${TITLE} 2024-06-02.pdf`]);
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  for (const [, , title] of POINTS) expect(pdfText(saved)).toContain(title);

  // A folder that does not exist: a plain message, and nothing written.
  await panel.getByTestId('harvest-pdf').click();
  await expect(status.getByRole('alert')).toHaveText(
    'Het bestand kan daar niet worden bewaard. Misschien bestaat de map niet, of mag je daar niet schrijven. Kies een andere plek.',
  );
  expect(existsSync(join(host.dataDir, 'geen-map'))).toBe(false);
  await page.getByRole('dialog').screenshot({ path: shot('harvest-desktop-not-writable.png') });

  // Cancelled in the dialog: no spinner, no message.
  await panel.getByTestId('harvest-csv').click();
  await expect(status).toHaveAttribute('data-phase', 'idle');
  await expect(panel.getByTestId('harvest-csv')).toBeEnabled();
  socket.close();
});
