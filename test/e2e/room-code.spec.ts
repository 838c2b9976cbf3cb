import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * The room's code and tokens as the people in the room meet them: the facilitator gives the room a
 * new code and phones already in stay in; closing the room ends the phones' participation, and a
 * phone joins again with one tap, taking along what it had not sent; the projector opened from the
 * facilitator's page gets a token that can only watch.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const SESSION = 'ruimte';
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' } as const;

async function prepare(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Stuurgroep najaar',
    group: 'Stuurgroep',
    date: '2025-10-01',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'notes-wij' });
  return socket;
}

async function openRoom(page: Page, host: HostHandle): Promise<string> {
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await page.getByTestId('room-button').click();
  await page.getByTestId('room-panel').getByTestId('room-open').click();
  const joinUrl = await page.getByTestId('room-panel').locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code on the panel');
  return joinUrl;
}

const code = async (page: Page) => ((await page.getByTestId('room-code').textContent()) ?? '').replace(/\s/g, '');

test('a new code keeps the phones in; a closed room ends their participation and one tap joins again', async ({ browser, page, host }) => {
  test.setTimeout(90_000);
  const socket = await prepare(host);
  const joinUrl = await openRoom(page, host);
  const first = await code(page);

  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(joinUrl);
  await phone.getByLabel('Je naam').fill('Dewi');
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');

  // A new code: the panel shows it and says so; the phone stays in and goes on.
  await page.getByTestId('room-new-code').click();
  await expect(page.getByTestId('room-code-changed')).toHaveText('De ruimte heeft nu een nieuwe code.');
  await expect.poll(() => code(page)).not.toBe(first);
  const second = await code(page);
  await phone.getByLabel(/Je notitie voor/).fill('Na de nieuwe code');
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await expect.poll(async () => Object.values((await socket.session(SESSION)).notes).map((note) => note.text)).toContain('Na de nieuwe code');
  await page.screenshot({ path: test.info().outputPath('room-new-code.png') });

  // Closed: the phone says so and offers to join again; what it writes meanwhile waits on the phone.
  await expect(page.getByTestId('room-connected')).toHaveAttribute('data-count', '1');
  await page.getByTestId('room-close').click();
  await page.getByTestId('room-close-confirm').click();
  await expect(phone.getByTestId('rejoin')).toBeVisible();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'closed');
  await phone.getByLabel(/Je notitie voor/).fill('Tijdens de pauze');
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await phone.screenshot({ path: test.info().outputPath('phone-room-closed.png') });

  // Opened again: one tap, the code is filled in, and the waiting note arrives under the new join.
  await page.getByTestId('room-open').click();
  await expect.poll(() => code(page)).toBe(second);
  await phone.getByTestId('rejoin').click();
  await expect(phone.getByLabel('Code van het scherm')).toHaveValue(first);
  await phone.getByLabel('Code van het scherm').fill(second);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect.poll(async () => Object.values((await socket.session(SESSION)).notes).map((note) => note.text)).toContain('Tijdens de pauze');
  const session = await socket.session(SESSION);
  const late = Object.values(session.notes).find((note) => note.text === 'Tijdens de pauze');
  const early = Object.values(session.notes).find((note) => note.text === 'Na de nieuwe code');
  // The same person: the phone showed its earlier token when it joined again.
  expect(late?.authorId).toBe(early?.authorId);
  await context.close();
  socket.close();
});

test('the projector opened from the facilitator’s page can only watch', async ({ page, host }) => {
  const socket = await prepare(host);
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  const [projector] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Beamer openen' }).click()]);
  await projector.waitForLoadState();
  const token = new URL(projector.url()).searchParams.get('token');
  expect(token).toMatch(/^[0-9a-f]{48}$/);
  expect(token).not.toBe(host.token);
  // It shows the session this window has open.
  await expect(projector.locator('main.projector')).toHaveAttribute('data-session', SESSION);
  // That token is a projector's, whatever role it asks for.
  const watcher = await HostSocket.open(`${host.origin.replace('http', 'ws')}ws?token=${token}&role=facilitator`);
  await expect(watcher.command(SESSION, { type: 'voting.open', open: true })).rejects.toThrow(/forbidden/);
  watcher.close();
  socket.close();
});
