import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Counts of people the facilitator can trust: six phones vote, the room is closed and opened
 * again and every phone joins again from its own browser, one person joins a second time from a
 * private window and is merged by hand. The board keeps saying six.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const SESSION = 'mensen';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' } as const;
const NAMES = ['Anna', 'Bram', 'Chris', 'Dewi', 'Eva', 'Farid'];
const shot = (name: string) => test.info().outputPath(name);

async function prepareSession(host: HostHandle): Promise<HostSocket> {
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
  await socket.command(SESSION, { type: 'settings.update', anonymous: false });
  await socket.command(SESSION, { type: 'attention.add', id: 'a1', zoneId: 'wij', title: 'Samen handen en voeten geven aan een visie' });
  await socket.command(SESSION, { type: 'attention.add', id: 'a2', zoneId: 'het', title: 'Monitoring, effectiviteit en ervaringen' });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'voting' });
  await socket.command(SESSION, { type: 'voting.open', open: true });
  return socket;
}

async function openRoom(page: Page): Promise<string> {
  await page.getByTestId('room-button').click();
  const panel = page.getByTestId('room-panel');
  await panel.getByTestId('room-open').click();
  const joinUrl = await panel.locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code on the panel');
  return joinUrl;
}

/**
 * Taps "Meedoen" until the phone is in. Every phone of this test shares one address, and the host
 * allows an address only a few joins in a row (join-guard): then the phone says to wait, and does.
 */
async function pressJoin(phone: Page): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await phone.getByRole('button', { name: 'Meedoen' }).click();
    const outcome = await Promise.race([
      // The loser of the race is left waiting; its end (a timeout, a closed page) means nothing.
      phone.getByTestId('connection').waitFor().then(() => 'in', () => 'gone'),
      phone.getByText('Te veel pogingen').waitFor().then(() => 'wait', () => 'gone'),
    ]);
    if (outcome === 'in') break;
    await phone.waitForTimeout(2500);
  }
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
}

async function join(browser: Browser, joinUrl: string, name: string): Promise<{ context: BrowserContext; phone: Page }> {
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(joinUrl);
  await phone.getByLabel('Je naam').fill(name);
  await pressJoin(phone);
  return { context, phone };
}

const counts = (page: Page) => page.getByTestId('overview').getByTestId('joined');

test('a phone that joins again is the same person, a duplicate is merged, and the counts read six', async ({ browser, page, host }) => {
  test.setTimeout(180_000);
  const socket = await prepareSession(host);
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  const joinUrl = await openRoom(page);
  await page.keyboard.press('Escape');

  const phones: { context: BrowserContext; phone: Page }[] = [];
  for (const name of NAMES) phones.push(await join(browser, joinUrl, name));
  for (const { phone } of phones) await phone.locator('[data-point="a1"]').getByRole('button', { name: /Stip zetten/ }).click();
  await expect(counts(page)).toHaveText('6 verbonden · 6 gestemd · 6 aangemeld');
  await expect(page.getByTestId('turnout')).toContainText('6 van de 6 deelnemers hebben gestemd.');

  // The room closes and opens again: every phone joins again from its own browser, one tap and "Meedoen".
  await page.getByTestId('room-button').click();
  await page.getByTestId('room-close').click();
  await page.getByTestId('room-close-confirm').click();
  for (const { phone } of phones) await expect(phone.getByTestId('rejoin')).toBeVisible();
  await expect(counts(page)).toHaveText('0 verbonden · 6 gestemd · 6 aangemeld');
  // Nobody is connected, but those who voted still count: the ballot waits for no one who left.
  await expect(page.getByTestId('turnout')).toContainText('6 van de 6 deelnemers hebben gestemd.');
  await page.getByTestId('room-open').click();
  await page.keyboard.press('Escape');
  for (const { phone } of phones) {
    await phone.getByTestId('rejoin').click();
    await pressJoin(phone);
  }
  await expect(counts(page)).toHaveText('6 verbonden · 6 gestemd · 6 aangemeld');
  expect(Object.keys((await socket.session(SESSION)).participants)).toHaveLength(6);
  // Still their own dot: Anna has 2 of 3 left after joining again.
  const anna = phones[0]?.phone;
  if (!anna) throw new Error('no phones');
  await expect(anna.getByTestId('dots-left')).toHaveAttribute('data-left', '2');

  // Anna opens a private window and joins again: a second Anna the host cannot know about.
  const privateTab = await join(browser, joinUrl, 'Anna');
  await privateTab.phone.locator('[data-point="a2"]').getByRole('button', { name: /Stip zetten/ }).click();
  await expect(counts(page)).toHaveText('7 verbonden · 7 gestemd · 7 aangemeld');

  // The facilitator sees two Annas and merges the second into the first.
  const list = page.getByTestId('people-list');
  await list.locator('summary').click();
  await expect(list.locator('summary')).toHaveText('Wie doet mee (7)');
  const annas = list.locator('li', { hasText: 'Anna' });
  await expect(annas).toHaveCount(2);
  const [first, second] = [await annas.nth(0).getAttribute('data-participant'), await annas.nth(1).getAttribute('data-participant')];
  await list.getByTestId('merge-duplicate').selectOption(second ?? '');
  await list.getByTestId('merge-into').selectOption(first ?? '');
  await page.screenshot({ path: shot('people-merge-1440.png') });
  await list.getByTestId('merge-submit').click();
  await expect(counts(page)).toHaveText('6 verbonden · 6 gestemd · 6 aangemeld');
  await expect(list.locator('summary')).toHaveText('Wie doet mee (6)');
  await expect(list.locator('li', { hasText: 'Anna' })).toContainText('verbonden · 0 notities · 2 stippen');
  await page.screenshot({ path: shot('people-merged-1440.png') });

  // The private window is Anna now: it sees her dots and adds to them.
  await expect(privateTab.phone.getByTestId('dots-left')).toHaveAttribute('data-left', '1');
  await privateTab.phone.screenshot({ path: shot('people-private-tab-390.png') });
  const state = await socket.session(SESSION);
  expect(Object.values(state.votes).filter((vote) => vote.participantId === first)).toHaveLength(2);

  // Undo brings the second Anna back as she was.
  await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
  await expect(counts(page)).toHaveText('7 verbonden · 7 gestemd · 7 aangemeld');
  await expect(privateTab.phone.getByTestId('dots-left')).toHaveAttribute('data-left', '2');

  for (const { context } of [...phones, privateTab]) await context.close();
  socket.close();
});
