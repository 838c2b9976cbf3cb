import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { openBoard, sessionWith } from './canvas-support';

// The projector follows the session: the big join code fills the wall while people come in and
// steps aside to its corner by itself once the group starts working; Q on the board brings it back.
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const SESSION = 'volgt';
const shot = (name: string) => test.info().outputPath(name);

async function openRoomOnNetwork(page: Page, host: HostHandle): Promise<void> {
  (await sessionWith(host, SESSION, 'lemniscaat-ik-wij-het')).close();
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await page.getByTestId('room-button').click();
  const panel = page.getByTestId('room-panel');
  await panel.getByTestId('room-open').click();
  await expect(page.getByTestId('room-button')).toHaveAttribute('data-room', 'network');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
}

test('the big join code steps aside when the first working phase starts, and Q brings it back', async ({ browser, page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openRoomOnNetwork(page, host);
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await projectorContext.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
  await expect(projector.getByTestId('join-large')).toBeVisible();

  // Check-in: people are still coming in, the code stays large.
  await page.getByRole('button', { name: /Beginnen/ }).click();
  await expect(page.getByRole('button', { name: /Volgende/ })).toBeEnabled();
  await projector.waitForTimeout(300);
  await expect(projector.getByTestId('join-large')).toBeVisible();

  // The first working phase: the wall is the group's; the code waits in the corner.
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(projector.getByTestId('join-large')).toHaveCount(0);
  await expect(projector.getByTestId('join-corner')).toBeVisible();
  await projector.screenshot({ path: shot('projector-follows-corner.png') });

  // Q on the board (it has the focus after a click on it) shows it large again, and hides it again.
  await page.locator('.board-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('q');
  await expect(projector.getByTestId('join-large')).toBeVisible();
  await projector.screenshot({ path: shot('projector-follows-large-again.png') });
  await page.keyboard.press('q');
  await expect(projector.getByTestId('join-corner')).toBeVisible();
  await expect(projector.getByTestId('join-large')).toHaveCount(0);

  // Moving on between working phases does not hide what the facilitator chose to show.
  await page.keyboard.press('q');
  await expect(projector.getByTestId('join-large')).toBeVisible();
  await page.getByRole('button', { name: /Volgende/ }).click();
  await expect(projector.getByTestId('join-large')).toBeVisible();
  await projectorContext.close();
});

test('Q without an open room says what to do and changes nothing', async ({ page, host }) => {
  (await sessionWith(host, 'dicht', 'lemniscaat-ik-wij-het')).close();
  await openBoard(page, host, 'dicht', 0);
  await page.locator('.board-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('q');
  await expect(page.getByText('Er is geen ruimte voor telefoons open. Open die eerst met "Ruimte".')).toBeVisible();
  await expect(page.getByTestId('room-button')).toHaveAttribute('data-room', 'closed');
});

test('a projector opened in another browser takes its contrast and language from the facilitator’s screen', async ({ browser, page, host }) => {
  const socket = await sessionWith(host, 'kijk', 'lemniscaat-ik-wij-het', [{ id: 'n1', zoneId: 'wij', text: 'Korte lijnen', x: 420, y: 500 }]);
  await socket.command('kijk', { type: 'phase.set', phaseId: 'notes-wij' });
  socket.close();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, host, 'kijk', 1);

  // Another browser, no ?contrast in its address, nothing of the facilitator's in its storage.
  const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const projector = await elsewhere.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: 'kijk' }));
  const wall = projector.getByRole('main');
  await expect(wall).toHaveAttribute('data-contrast', 'calm');
  await expect(projector.locator('html')).toHaveAttribute('lang', 'nl');
  await projector.screenshot({ path: test.info().outputPath('projector-display-calm.png') });

  await page.getByRole('button', { name: 'Beamer met hoog contrast' }).click();
  await expect(wall).toHaveAttribute('data-contrast', 'high');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(projector.locator('html')).toHaveAttribute('lang', 'en');
  await expect(projector.getByTestId('projector-phase')).toContainText(/notes/i);
  await projector.screenshot({ path: test.info().outputPath('projector-display-high-en.png') });

  // Back: both follow again.
  await page.getByRole('button', { name: 'High-contrast projector' }).click();
  await expect(wall).toHaveAttribute('data-contrast', 'calm');
  await elsewhere.close();
});
