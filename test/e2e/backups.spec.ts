import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * "Reservekopieën" on the sessions screen, in Chromium against the real host: the settings show
 * the time of the last good backup (and of the second folder), and restoring one from the list
 * brings back the sessions as they were while the current data is kept aside.
 */
const shot = (name: string) => test.info().outputPath(name);
const create = (socket: HostSocket, id: string, title: string) =>
  socket.command('workspace', { type: 'session.create', id, programmeId: null, title, group: 'Programmateam', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });

/** The time as the page writes it: Dutch, local time, minutes (the backup was made within the test). */
const dutchMoment = (date: Date) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(date);

test('shows the last good backup, takes one, and uses a second folder', async ({ page, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await create(socket, 'team', 'Eiland programmateam');
  const stick = mkdtempSync(join(tmpdir(), 'eiland-e2e-stick-'));
  try {
    await page.goto(host.pageUrl(''));
    await page.getByTestId('backup-button').click();
    const dialog = page.getByRole('dialog', { name: 'Reservekopieën' });
    await expect(dialog.getByTestId('backup-local-last')).toHaveText('Nog geen reservekopie.');
    await expect(dialog).toContainText('Er zijn nog geen reservekopieën.');

    const before = new Date();
    await dialog.getByTestId('backup-now').click();
    await expect(dialog.getByTestId('backup-notice')).toHaveText('✓ Reservekopie gemaakt.');
    const after = new Date();
    const shown = await dialog.getByTestId('backup-local-last').textContent();
    expect([dutchMoment(before), dutchMoment(after)].map((time) => `Laatste goede reservekopie: ${time}`)).toContain(shown);
    await expect(dialog.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
    await expect(dialog.getByTestId('backup-list').locator('tbody tr').first()).toContainText('Deze computer');

    // A stick that is not plugged in: said plainly, nothing chosen.
    await dialog.getByTestId('backup-second-input').fill(join(stick, 'niet-aanwezig'));
    await dialog.getByTestId('backup-second-save').click();
    await expect(dialog.getByTestId('backup-notice')).toHaveText(`De map ${join(stick, 'niet-aanwezig')} is er niet. Zit de USB-stick erin? Je gegevens zelf zijn niet aangeraakt.`);
    await expect(dialog.getByTestId('backup-second')).toContainText('Nog geen tweede map gekozen.');

    await dialog.getByTestId('backup-second-input').fill(stick);
    await dialog.getByTestId('backup-second-save').click();
    await expect(dialog.getByTestId('backup-notice')).toHaveText('✓ De tweede map wordt gebruikt.');
    await expect(dialog.getByTestId('backup-second-last')).toHaveText(/^Laatste goede reservekopie: /);
    await expect(dialog.getByTestId('backup-second')).toContainText(`Map: ${stick}`);
    expect(readdirSync(stick).filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);
    await page.screenshot({ path: shot('backup-settings.png') });
    const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual([]);
    expect(axe.passes.length).toBeGreaterThan(3);

    // The stick is pulled out: the settings say so the next time they are opened.
    rmSync(stick, { recursive: true });
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByTestId('backup-button').click();
    await expect(page.getByTestId('backup-second-error')).toHaveText(`De map ${stick} is er niet. Zit de USB-stick erin? Je gegevens zelf zijn niet aangeraakt.`);
    await expect(page.getByTestId('backup-second-last')).toHaveText(/^Laatste goede reservekopie: /);
    await page.screenshot({ path: shot('backup-stick-gone.png') });
  } finally {
    socket.close();
    rmSync(stick, { recursive: true, force: true });
  }
});

test('restores a backup from the sessions screen and keeps the current data aside', async ({ page, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await create(socket, 'team', 'Eiland programmateam');
  await socket.command('team', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Mensen kennen elkaar' });
  await page.goto(host.pageUrl(''));
  await page.getByTestId('backup-button').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-notice')).toHaveText('✓ Reservekopie gemaakt.');
  await page.getByRole('button', { name: 'Sluiten' }).click();

  // Work goes on after the backup: a second session.
  await create(socket, 'later', 'Sessie van later');
  socket.close();
  await expect(page.locator('.session-row')).toHaveCount(2);

  await page.getByTestId('backup-button').click();
  const rows = page.getByTestId('backup-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(2)).toHaveText('1');
  await page.screenshot({ path: shot('backup-list.png') });
  await rows.first().getByRole('button', { name: /^Reservekopie van .+ terugzetten$/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Reservekopie terugzetten?' });
  await expect(confirm).toContainText('Wat daarna is veranderd, staat dan niet meer in Eiland.');
  await page.screenshot({ path: shot('backup-confirm.png') });
  await confirm.getByTestId('backup-confirm').click();

  // The host reopens on the backup and the page reloads onto it.
  await expect(page.getByRole('status').filter({ hasText: 'Teruggezet.' })).toContainText(/De vorige gegevens staan apart als eiland\.before-restore-.+\.sqlite\./, { timeout: 20_000 });
  await expect(page.locator('.session-row')).toHaveCount(1);
  await expect(page.locator('.session-row')).toContainText('Eiland programmateam');
  await page.screenshot({ path: shot('backup-restored.png') });
  expect(readdirSync(host.dataDir).filter((name) => name.startsWith('eiland.before-restore-'))).toHaveLength(1);

  const check = await HostSocket.open(host.socketUrl());
  expect(Object.keys((await check.workspace()).sessions)).toEqual(['team']);
  expect(Object.keys((await check.session('team')).notes)).toEqual(['n1']);
  check.close();
});

test('speaks English when the window does', async ({ page, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await create(socket, 'team', 'Island of the programme team');
  socket.close();
  await page.goto(host.pageUrl(''));
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByTestId('backup-button').click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByTestId('backup-local-last')).toHaveText('No backup yet.');
  await dialog.getByTestId('backup-second-input').fill('usb/eiland');
  await dialog.getByTestId('backup-second-save').click();
  await expect(dialog.getByTestId('backup-notice')).toHaveText('Give the full path of the folder, for example E:\\Eiland or /media/usb/eiland.');
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backup-notice')).toHaveText('✓ Backup made.');
  await expect(dialog.getByTestId('backup-local-last')).toHaveText(/^Last good backup: \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
  await expect(dialog.getByTestId('backup-list').locator('tbody tr').first()).toContainText('This computer');
  await page.screenshot({ path: shot('backup-settings-en.png') });
});
