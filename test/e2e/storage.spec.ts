import { join } from 'node:path';
import { makeReadOnlyFile } from '../support/storage-faults';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * A database file the host can only read, seen as the facilitator sees it: a banner on every
 * screen, the session shown like an archived one (to look at and export, not to change).
 */
const shot = (name: string) => test.info().outputPath(name);

test('a read-only database file shows a banner and a board that only shows', async ({ page, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id: 'ro', programmeId: null, title: 'Alleen lezen', group: 'Team', date: '2026-11-26', templateId: 'lemniscaat-ik-wij-het' });
  await socket.command('ro', { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Wat er al stond', x: 400, y: 450 });
  socket.close();
  await host.kill();
  const undo = makeReadOnlyFile(join(host.dataDir, 'eiland.sqlite'));
  try {
    await host.start();
    await page.goto(host.pageUrl());
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toHaveText(/^Alleen lezen: Eiland kan het bestand met je sessies niet veranderen/);
    await expect(page.getByText('Alleen lezen', { exact: true })).toBeVisible(); // the session is listed
    await page.screenshot({ path: shot('read-only-sessions.png') });

    await page.goto(`${host.pageUrl()}#/session/ro`);
    await expect(page.getByTestId('storage-banner')).toBeVisible();
    await expect(page.getByTestId('harvest-button')).toBeVisible();
    await expect(page.locator('.toolbar-hint')).toHaveText('');
    await expect(page.getByRole('button', { name: 'Ruimte', exact: true })).toHaveCount(0);
    await page.screenshot({ path: shot('read-only-board.png') });

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByTestId('storage-banner')).toHaveText(/^Read only: Eiland cannot change the file with your sessions/);
  } finally {
    await host.kill();
    undo();
  }
});
