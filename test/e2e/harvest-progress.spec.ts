import { readdirSync } from 'node:fs';
import { addNotes } from '../support/big-session';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * A big harvest in the browser: the report of a session with thousands of long notes takes
 * seconds. After a second the panel shows where the export is (a stage, a percentage and a bar)
 * and a button to stop it; stopping ends it with "nothing saved", and no file arrives.
 */
const SESSION = 'groot';
const TITLE = 'Groot eiland van reflectie';
const shot = (name: string) => test.info().outputPath(name);

test('shows the progress of a big export and stops it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const facilitator = await HostSocket.open(host.socketUrl());
  await facilitator.command('workspace', { type: 'session.create', id: SESSION, programmeId: null, title: TITLE, group: 'Programmateam', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
  const writers = await Promise.all(Array.from({ length: 20 }, () => HostSocket.open(host.socketUrl())));
  await addNotes(writers, SESSION, 4000, 480);
  for (const writer of writers) writer.close();

  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await page.getByTestId('harvest-button').click();
  const panel = page.getByTestId('harvest-panel');
  await expect(panel).toBeVisible();
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));

  await panel.getByTestId('harvest-pdf').click();
  const status = panel.getByTestId('harvest-status');
  await expect(status).toHaveAttribute('data-phase', 'busy');
  // Drawing the pages: the stage, how far it is and the bar, with the stop button beside it.
  const progress = status.getByTestId('job-progress');
  await expect(progress).toHaveAttribute('data-stage', 'pages', { timeout: 30_000 });
  await expect(progress).toContainText('Pagina’s maken…');
  await expect(progress).toContainText(/\d+%/);
  await expect(progress.getByRole('progressbar', { name: 'Pagina’s maken…' })).toBeVisible();
  await expect(panel.getByTestId('harvest-sqlite')).toBeDisabled();
  await page.screenshot({ path: shot('harvest-progress-page.png') });
  await page.getByRole('dialog').screenshot({ path: shot('harvest-progress.png') });

  // The facilitator's commands are answered while the report is being drawn.
  await facilitator.command(SESSION, { type: 'note.add', id: 'tijdens', zoneId: 'ik', text: 'Toegevoegd tijdens het exporteren' });
  await expect(progress).toHaveAttribute('data-stage', 'pages');

  await progress.getByRole('button', { name: 'Stoppen' }).click();
  await expect(status).toHaveAttribute('data-phase', 'stopped');
  await expect(status).toHaveText('Gestopt. Er is niets bewaard.');
  await expect(panel.getByTestId('harvest-pdf')).toBeEnabled();
  await page.getByRole('dialog').screenshot({ path: shot('harvest-stopped.png') });
  // Nothing arrives later either, and the host made nothing in its data folder.
  await page.waitForTimeout(1000);
  expect(downloads).toEqual([]);
  // (Besides the database, its lock and the backups folder, which the host keeps there itself.)
  const own = (name: string) => name.startsWith('eiland.sqlite') || name === 'eiland.lock' || name === 'backups';
  expect(readdirSync(host.dataDir).filter((name) => !own(name))).toEqual([]);

  // A small export right after shows no progress at all: it is done before a second has passed.
  const csv = page.waitForEvent('download');
  await panel.getByTestId('harvest-votes-csv').click();
  await csv;
  await expect(status).toHaveAttribute('data-phase', 'done');
  facilitator.close();
});
