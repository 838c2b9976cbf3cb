import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * A phone in the closing phase ("Afsluiten") shows thanks and the harvest — the chosen points with
 * their ingredients, in the wall's order — instead of a note form nobody needs any more.
 * The "network" is 127.0.0.2, as in phones.spec.ts: nothing leaves 127.0.0.0/8.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const SESSION = 'afsluiten';
const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', deviceScaleFactor: 2 } as const;

async function prepare(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  const run = (command: { type: string; [field: string]: unknown }) => socket.command(SESSION, command);
  await socket.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Programmateam najaar',
    group: 'Programmateam',
    date: '2025-10-02',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await run({ type: 'attention.add', id: 'a1', zoneId: 'het', title: 'Monitoring, effectiviteit en ervaringen' });
  await run({ type: 'attention.add', id: 'a2', zoneId: 'wij', title: 'Samen handen en voeten geven aan een visie' });
  await run({ type: 'attention.add', id: 'a3', zoneId: 'ik', title: 'Urgentie blijven voelen' });
  await run({ type: 'attention.edit', id: 'a1', chosen: true });
  await run({ type: 'attention.edit', id: 'a2', chosen: true });
  await run({ type: 'ingredient.add', id: 'i1', attentionPointId: 'a1', text: 'Elk kwartaal samen de cijfers bespreken' });
  await run({ type: 'ingredient.add', id: 'i2', attentionPointId: 'a2', text: 'Een visiedag met alle partners' });
  await run({ type: 'phase.set', phaseId: 'notes-wij' });
  return socket;
}

async function openRoom(page: Page, host: HostHandle): Promise<string> {
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await page.getByTestId('room-button').click();
  const panel = page.getByTestId('room-panel');
  await panel.getByTestId('room-open').click();
  const joinUrl = await panel.locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code on the panel');
  return joinUrl;
}

test('a phone at the close shows thanks and the chosen points with their ingredients, not the note form', async ({ browser, page, host }) => {
  const socket = await prepare(host);
  const joinUrl = await openRoom(page, host);
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(joinUrl);
  await phone.getByLabel('Je naam').fill('Sanne');
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  // While notes are written, the form is there (so its absence later means something).
  await expect(phone.getByLabel(/Je notitie voor/)).toBeVisible();

  await socket.command(SESSION, { type: 'phase.set', phaseId: 'closing' });
  const closing = phone.getByTestId('closing');
  await expect(closing).toBeVisible();
  await expect(closing.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor je inbreng!');
  await expect(closing).toContainText('Dit neemt de groep mee naar het faseplan:');
  // Only the chosen points, each with its side and its ingredients, in the wall's order (no vote
  // revealed here, so the ballot's: the model's sides, WIJ before HET).
  const points = closing.getByTestId('closing-point');
  await expect(points).toHaveCount(2);
  await expect(points.getByRole('heading')).toHaveText(['Samen handen en voeten geven aan een visie', 'Monitoring, effectiviteit en ervaringen']);
  await expect(points.nth(1)).toContainText('HET-kant');
  await expect(points.nth(1)).toContainText('Elk kwartaal samen de cijfers bespreken');
  await expect(points.nth(0)).toContainText('Een visiedag met alle partners');
  await expect(closing).not.toContainText('Urgentie blijven voelen');
  await expect(phone.getByLabel(/Je notitie voor/)).toHaveCount(0);
  await expect(phone.getByRole('button', { name: 'Versturen' })).toHaveCount(0);
  await phone.screenshot({ path: shot('phone-closing-nl.png'), fullPage: true });

  // An ingredient written at the last moment shows up on the phone too.
  await socket.command(SESSION, { type: 'ingredient.add', id: 'i3', attentionPointId: 'a2', text: 'Partners vragen wat ze nodig hebben' });
  await expect(points.nth(0)).toContainText('Partners vragen wat ze nodig hebben');

  await phone.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(closing.getByRole('heading', { level: 1 })).toHaveText('Thank you for taking part!');
  await expect(closing).toContainText('This is what the group takes into the phase plan:');
  await phone.screenshot({ path: shot('phone-closing-en.png'), fullPage: true });

  // Back a phase, the phone follows: the form for other points is there again.
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'other' });
  await expect(closing).toHaveCount(0);
  await expect(phone.getByTestId('other-points')).toBeVisible();
  await context.close();
  socket.close();
});
