import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Labels that say what they do: the dot limit names what it limits, the phase-plan box is explained
 * where it shows, and the board's ⤓ and ◐ carry a word, in Dutch and in English.
 */
const SESSION = 'labels';
const shot = (name: string) => test.info().outputPath(name);

async function seed(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Stuurgroep najaar',
    group: 'Stuurgroep',
    date: '2025-10-02',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await socket.command(SESSION, { type: 'attention.add', id: 'p1', zoneId: 'wij', title: 'Samen handen en voeten geven aan een visie' });
  await socket.command(SESSION, { type: 'attention.add', id: 'p2', zoneId: 'wij', title: 'Partners ondersteunen bij de vertaling naar de praktijk' });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'attention-wij' });
  return socket;
}

async function openBoard(page: Page, host: HostHandle): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await expect(page.getByTestId('phase-bar')).toBeVisible();
}

test('the dot limit, the phase-plan box and the board icons say what they do, in both languages', async ({ page, host }) => {
  const socket = await seed(host);
  await openBoard(page, host);

  // The phase-plan box: a name that says where the point goes, and one line that says what ticking does.
  const editor = page.getByTestId('attention-editor');
  await expect(editor.getByRole('checkbox', { name: 'Naar faseplan' })).toHaveCount(2);
  await expect(editor.getByTestId('chosen-legend')).toBeVisible();
  await expect(editor.getByTestId('chosen-legend')).toContainText('Vink "Naar faseplan" aan');
  await expect(editor.getByTestId('chosen-legend')).toContainText('ingrediënten');

  // ⤓ and ◐ show a word, keep their full name for screen readers and their tooltip.
  const picture = page.getByRole('button', { name: 'Plaatje bewaren' });
  await expect(picture).toHaveText(/Plaatje/);
  await expect(picture).toHaveAttribute('title', /PNG/);
  const contrast = page.getByRole('button', { name: 'Beamer met hoog contrast' });
  await expect(contrast).toHaveText(/Contrast/);
  await expect(contrast).toHaveAttribute('title', 'Beamer met hoog contrast');
  // The words fit inside their buttons: nothing spills over the edge.
  for (const button of [picture, contrast]) {
    const fits = await button.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight);
    expect(fits).toBe(true);
  }
  await page.screenshot({ path: shot('labels-attention-nl.png') });
  await page.locator('.view-zoom').screenshot({ path: shot('labels-zoom-nl.png') });

  // The dot limit: its box says what it limits; switched on, the line reads as one sentence.
  await page.getByTestId('open-setup').click();
  const limit = page.getByRole('checkbox', { name: 'Stippen op één aandachtspunt beperken' });
  await expect(limit).not.toBeChecked();
  await limit.check();
  const row = page.locator('.setup-inline').filter({ has: page.getByTestId('setting-max') });
  await expect(row.getByText('hoogstens', { exact: true })).toBeVisible();
  await expect(row.getByText('stippen per aandachtspunt', { exact: true })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Hoogstens zoveel stippen per aandachtspunt' })).toHaveValue('2');
  await page.getByTestId('setup-dialog').screenshot({ path: shot('labels-setup-nl.png') });
  await page.keyboard.press('Escape');

  // Voting: the boxes are on the ballot before the reveal, and so is what they do.
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'voting' });
  await expect(page.getByTestId('ballot')).toBeVisible();
  await expect(page.getByTestId('chosen-legend')).toContainText('Vink "Naar faseplan" aan');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('ballot').getByRole('checkbox', { name: 'Into phase plan' })).toHaveCount(2);
  await expect(page.getByTestId('chosen-legend')).toContainText('Tick "Into phase plan"');
  await expect(page.getByRole('button', { name: 'Save picture' })).toHaveText(/Picture/);
  await expect(page.getByRole('button', { name: 'High-contrast projector' })).toHaveText(/Contrast/);
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'attention-wij' });
  await expect(page.getByTestId('attention-editor').getByTestId('chosen-legend')).toContainText('Then only those points get ingredients');
  await page.screenshot({ path: shot('labels-attention-en.png') });
  await page.getByTestId('open-setup').click();
  await expect(page.getByRole('checkbox', { name: 'Limit the dots on one attention point' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Limit the dots on one attention point' }).check();
  const rowEn = page.locator('.setup-inline').filter({ has: page.getByTestId('setting-max') });
  await expect(rowEn.getByText('at most', { exact: true })).toBeVisible();
  await expect(rowEn.getByText('dots per attention point', { exact: true })).toBeVisible();
  await page.getByTestId('setup-dialog').screenshot({ path: shot('labels-setup-en.png') });
  socket.close();
});
