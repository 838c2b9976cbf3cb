import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Phones on the local network: the facilitator opens the room, the projector shows the QR code,
 * three phones (small screens, touch) join, write notes and vote — and a flaky connection loses
 * and doubles nothing. The host is told that the "network" is 127.0.0.2: tests never bind or
 * send to anything outside 127.0.0.0/8.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const SESSION = 'eiland';
/** Screenshots go to this test's own output folder (test-results/…, or wherever --output points). */
const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL', deviceScaleFactor: 2 } as const;

async function prepareSession(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Programmateam voorjaar',
    group: 'Programmateam',
    date: '2025-03-12',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'notes-wij' });
  return socket;
}

/** The facilitator opens the room from the session screen and reads the join URL off the panel's QR code. */
async function openRoom(page: Page, host: HostHandle): Promise<{ joinUrl: string; code: string }> {
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await page.getByTestId('room-button').click();
  const panel = page.getByTestId('room-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('room-open').click();
  const code = ((await panel.getByTestId('room-code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(panel.getByTestId('room-address')).toHaveText(/^127\.0\.0\.2:\d+$/);
  const joinUrl = await panel.locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code on the panel');
  expect(joinUrl).toBe(`http://${await panel.getByTestId('room-address').textContent()}/join.html?code=${code}`);
  await expect(page.getByTestId('room-button')).toHaveAttribute('data-room', 'network');
  return { joinUrl, code };
}

async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

/** Joins from the QR code's URL (code filled in) with an optional name. */
async function joinFromQr(page: Page, joinUrl: string, name: string): Promise<void> {
  await page.goto(joinUrl);
  await expect(page.getByLabel('Code van het scherm')).toHaveValue(new URL(joinUrl).searchParams.get('code') ?? '');
  if (name) await page.getByLabel('Je naam').fill(name);
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('phase')).toBeVisible();
}

async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByLabel(/Je notitie voor/).fill(text);
  await page.getByRole('button', { name: 'Versturen' }).click();
}

test('three phones join with the code, write notes and vote; the projector shows them', async ({ browser, page, host }) => {
  test.setTimeout(120_000);
  const socket = await prepareSession(host);
  const { joinUrl, code } = await openRoom(page, host);
  await page.screenshot({ path: shot('phones-room-panel.png') });

  // The beamer shows the QR code and the code, large.
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await projectorContext.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
  const large = projector.getByTestId('join-large');
  await expect(large).toBeVisible();
  await expect(large.getByTestId('join-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(large.getByTestId('join-address')).toHaveText(new URL(joinUrl).host);
  await expect(large.locator('svg[data-qr]')).toHaveAttribute('data-qr', joinUrl);
  await projector.screenshot({ path: shot('phones-projector-qr.png') });

  const phones = await Promise.all([newPhone(browser), newPhone(browser), newPhone(browser)]);
  const [anna, bram, chris] = phones.map((phone) => phone.page) as [Page, Page, Page];

  // Anna scans the QR code; Bram too, without a name; Chris types the address off the wall and then the code.
  await anna.goto(joinUrl);
  await anna.screenshot({ path: shot('phones-join.png'), fullPage: true });
  await joinFromQr(anna, joinUrl, 'Anna');
  await joinFromQr(bram, joinUrl, '');
  await chris.goto(`http://${new URL(joinUrl).host}`);
  await expect(chris).toHaveURL(/\/join\.html$/);
  await chris.getByLabel('Code van het scherm').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await chris.getByRole('button', { name: 'Meedoen' }).click();
  await expect(chris.getByTestId('connection')).toHaveAttribute('data-state', 'online');

  // Everyone sees the phase and its question.
  for (const phone of [anna, bram, chris]) {
    await expect(phone.getByTestId('phase')).toContainText('Notities');
    await expect(phone.getByTestId('phase')).toContainText('WIJ-kant');
    await expect(phone.getByTestId('phase')).toContainText('Hoe werken we samen?');
  }

  await writeNote(anna, 'Korte lijnen met de gemeente');
  await writeNote(anna, 'We vieren successen te weinig');
  await writeNote(bram, 'Gedeelde visie op armoede');
  await chris.getByRole('button', { name: 'HET-kant' }).click();
  await writeNote(chris, 'Monitoring ontbreekt <b>nog</b>');
  for (const [phone, count] of [
    [anna, 2],
    [bram, 1],
    [chris, 1],
  ] as const) {
    await expect(phone.getByTestId('my-notes').locator('li')).toHaveCount(count);
    await expect(phone.getByTestId('my-notes')).not.toContainText('Nog niet verstuurd');
  }
  // Untrusted text stays text.
  await expect(chris.getByTestId('my-notes')).toContainText('Monitoring ontbreekt <b>nog</b>');

  // Anna changes one note and withdraws the other.
  const notes = anna.getByTestId('my-notes').locator('li');
  await notes.filter({ hasText: 'successen' }).getByRole('button', { name: 'Aanpassen' }).click();
  await anna.getByLabel('Tekst van je notitie').fill('We vieren successen nog te weinig');
  await anna.getByRole('button', { name: 'Opslaan' }).click();
  await notes.filter({ hasText: 'Korte lijnen' }).getByRole('button', { name: 'Intrekken' }).click();
  await anna.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(notes).toHaveCount(1);
  await expect(notes).toContainText('We vieren successen nog te weinig');
  await anna.getByTestId('my-notes').scrollIntoViewIfNeeded();
  await anna.screenshot({ path: shot('phones-notes.png') });

  // What the projector receives: the three notes, without names.
  const beamerView = await HostSocket.open(host.socketUrl('projector'));
  await expect
    .poll(async () => Object.values((await beamerView.session(SESSION)).notes).map((note) => note.text).sort())
    .toEqual(['Gedeelde visie op armoede', 'Monitoring ontbreekt <b>nog</b>', 'We vieren successen nog te weinig']);
  expect(Object.values((await beamerView.session(SESSION)).notes).every((note) => note.authorName === null && note.authorId === null)).toBe(true);

  // The facilitator tucks the code into a corner; the projector shows the notes.
  await page.getByText('Groot laten zien op de beamer').click();
  await expect(projector.getByTestId('join-corner')).toBeVisible();
  await expect(projector.getByTestId('join-large')).toHaveCount(0);
  await projector.waitForTimeout(800);
  await projector.screenshot({ path: shot('phones-projector-notes.png') });

  // Voting: three attention points, three dots each.
  for (const [id, title] of [
    ['a1', 'Samen handen en voeten geven aan een visie'],
    ['a2', 'Monitoring, effectiviteit en ervaringen'],
    ['a3', 'Successen vieren'],
  ]) {
    await socket.command(SESSION, { type: 'attention.add', id, zoneId: id === 'a2' ? 'het' : 'wij', title });
  }
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'voting' });
  await socket.command(SESSION, { type: 'voting.open', open: true });
  const castOn = async (phone: Page, pointId: string) => {
    await phone.locator(`[data-point="${pointId}"]`).getByRole('button', { name: /Stip zetten/ }).click();
  };
  for (const phone of [anna, bram, chris]) await expect(phone.getByTestId('dots-left')).toHaveAttribute('data-left', '3');
  await castOn(anna, 'a1');
  await castOn(anna, 'a1');
  await castOn(anna, 'a2');
  await expect(anna.getByTestId('dots-left')).toHaveAttribute('data-left', '0');
  await expect(anna.getByTestId('dots-left')).toContainText('Je hebt nog 0 van de 3 stippen.');
  await expect(anna.locator('[data-point="a3"]').getByRole('button', { name: /Stip zetten/ })).toBeDisabled();
  // Anna takes one back from a1 and puts it on a3.
  await anna.locator('[data-point="a1"]').getByRole('button', { name: /Stip weghalen/ }).click();
  await castOn(anna, 'a3');
  await castOn(bram, 'a2');
  await castOn(bram, 'a2');
  await castOn(chris, 'a1');
  await expect(anna.getByTestId('dots-left')).toHaveAttribute('data-left', '0');
  await expect(bram.getByTestId('dots-left')).toHaveAttribute('data-left', '1');
  await expect(chris.getByTestId('dots-left')).toHaveAttribute('data-left', '2');
  await anna.evaluate(() => window.scrollTo(0, 0));
  await anna.screenshot({ path: shot('phones-voting.png') });
  for (const phone of [anna, bram, chris]) await expect(phone.getByTestId('pending')).toHaveCount(0);

  const totals = async () => {
    const votes = Object.values((await socket.session(SESSION)).votes);
    return ['a1', 'a2', 'a3'].map((id) => votes.filter((vote) => vote.attentionPointId === id).length);
  };
  await expect.poll(totals).toEqual([2, 3, 1]);
  await socket.command(SESSION, { type: 'voting.reveal', revealed: true });
  await expect(anna.locator('[data-point="a2"]')).toContainText('Totaal 3');

  // Ingredients for the chosen point, with the timer running on every phone.
  await socket.command(SESSION, { type: 'attention.edit', id: 'a2', chosen: true });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'ingredients' });
  await socket.command(SESSION, { type: 'timer.control', action: 'set', durationMs: 5 * 60_000 });
  await socket.command(SESSION, { type: 'timer.control', action: 'start' });
  const ingredients = bram.getByTestId('ingredients');
  await expect(ingredients.getByTestId('ingredient-point')).toHaveCount(1);
  await expect(ingredients).toContainText('Monitoring, effectiviteit en ervaringen');
  await ingredients.getByRole('textbox').fill('Elk kwartaal een korte meting');
  await ingredients.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(ingredients.locator('li')).toHaveText(['Elk kwartaal een korte meting']);
  await expect(bram.getByRole('timer')).toHaveText(/^(5:00|4:5\d)$/);
  await expect
    .poll(async () => Object.values((await socket.session(SESSION)).ingredients).map((ingredient) => ingredient.text))
    .toEqual(['Elk kwartaal een korte meting']);
  await bram.screenshot({ path: shot('phones-ingredients.png') });

  // The panel counts the people connected; closing the room asks first, then drops every phone at once.
  await expect(page.getByTestId('room-connected')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('room-connected')).toHaveText('3 telefoons verbonden');
  await page.getByTestId('room-close').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ruimte sluiten?' })).toContainText('(3)');
  await page.screenshot({ path: shot('room-close-question.png') });
  await page.getByTestId('room-close-cancel').click();
  await expect(anna.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('room-close').click();
  await page.getByTestId('room-close-confirm').click();
  for (const phone of [anna, bram, chris]) await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'closed');
  await expect(projector.getByTestId('join-corner')).toHaveCount(0);
  await anna.screenshot({ path: shot('phones-room-closed.png') });

  beamerView.close();
  socket.close();
  await projectorContext.close();
  for (const phone of phones) await phone.context.close();
});

test('a flaky connection loses nothing and doubles nothing', async ({ browser, page, host }) => {
  test.setTimeout(120_000);
  const socket = await prepareSession(host);
  await socket.command(SESSION, { type: 'attention.add', id: 'a1', zoneId: 'wij', title: 'Samen leren' });
  await socket.command(SESSION, { type: 'settings.update', dotsPerParticipant: 5 });
  const { joinUrl } = await openRoom(page, host);
  const { context, page: phone } = await newPhone(browser);

  // A line that loses the acknowledgement of some commands, and the connection with it.
  let dropAcks = 0;
  let connections = 0;
  await phone.routeWebSocket(/\/ws\?participant=/, (ws) => {
    connections += 1;
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (dropAcks > 0 && String(message).includes('"t":"ack"')) {
        dropAcks -= 1;
        ws.close();
        server.close();
        return;
      }
      ws.send(message);
    });
  });
  await joinFromQr(phone, joinUrl, 'Dirk');
  const written: string[] = [];
  const write = async (text: string) => {
    written.push(text);
    await writeNote(phone, text);
  };

  // 1. Offline: notes and a dot stay on the phone, visibly.
  await context.setOffline(true);
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
  await write('Zonder wifi geschreven');
  await write('Nog een zonder wifi');
  await expect(phone.getByTestId('pending')).toHaveText('Nog te versturen: 2');
  await expect(phone.getByTestId('my-notes')).toContainText('Nog niet verstuurd');
  await phone.screenshot({ path: shot('phones-offline.png') });
  await context.setOffline(false);
  await expect(phone.getByTestId('pending')).toHaveCount(0);

  // 2. Acknowledgements lost on the way: the phone sends again, the host counts once.
  dropAcks = 2;
  await write('Bevestiging kwijt');
  await write('Weer kwijt');
  await expect(phone.getByTestId('pending')).toHaveCount(0, { timeout: 15_000 });
  expect(connections).toBeGreaterThanOrEqual(3);

  // 3. Wifi going on and off in the middle of sending, and a reload with a full queue.
  for (let round = 0; round < 4; round += 1) {
    await write(`Wisselend ${round}`);
    await context.setOffline(true);
    await write(`Wisselend offline ${round}`);
    await context.setOffline(false);
  }
  await context.setOffline(true);
  await write('Voor het herladen');
  await context.setOffline(false);
  await phone.reload();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect(phone.getByTestId('pending')).toHaveCount(0, { timeout: 15_000 });

  const notes = Object.values((await socket.session(SESSION)).notes).map((note) => note.text);
  expect(notes.sort()).toEqual([...written].sort());
  await expect(phone.getByTestId('my-notes').locator('li')).toHaveCount(written.length);

  // Dots too: two cast while the line drops their acknowledgements.
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'voting' });
  await socket.command(SESSION, { type: 'voting.open', open: true });
  dropAcks = 1;
  await phone.locator('[data-point="a1"]').getByRole('button', { name: /Stip zetten/ }).click();
  await context.setOffline(true);
  await phone.locator('[data-point="a1"]').getByRole('button', { name: /Stip zetten/ }).click();
  await context.setOffline(false);
  await expect(phone.getByTestId('pending')).toHaveCount(0, { timeout: 15_000 });
  await expect(phone.getByTestId('dots-left')).toHaveAttribute('data-left', '3');
  expect(Object.keys((await socket.session(SESSION)).votes)).toHaveLength(2);

  socket.close();
  await context.close();
});

test('the network sees only the participant page', async ({ page, host, request }) => {
  const socket = await prepareSession(host);
  const { joinUrl } = await openRoom(page, host);
  const lan = new URL(joinUrl).origin;
  expect((await request.get(joinUrl)).status()).toBe(200);
  for (const path of [
    '/index.html',
    '/projector.html',
    `/index.html?token=${host.token}`,
    `/api/export/session/${SESSION}.pdf?token=${host.token}`,
    `/api/export/session/${SESSION}.sqlite?token=${host.token}`,
  ]) {
    expect([403, 404], path).toContain((await request.get(`${lan}${path}`)).status());
  }
  const root = await request.get(`${lan}/`, { maxRedirects: 0 });
  expect(root.status()).toBe(302);
  expect(root.headers().location).toBe('/join.html');

  // The participant page's own code is all there, and nothing that needs a secure context (plain HTTP).
  const assetsOf = async (url: string) =>
    [...(await (await request.get(url)).text()).matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] as string);
  const phoneAssets = await assetsOf(joinUrl);
  expect(phoneAssets.some((asset) => asset.endsWith('.js'))).toBe(true);
  for (const asset of phoneAssets) {
    const response = await request.get(`${lan}/${asset}`);
    expect(response.status(), asset).toBe(200);
    if (!asset.endsWith('.js')) continue;
    // Case matters: react-dom names the "serviceworker" request destination, which is harmless.
    expect((await response.text()).match(/randomUUID|serviceWorker|navigator\.clipboard|Konva|konva/)?.[0] ?? null, asset).toBeNull();
  }
  // The facilitator's and projector's own code (the canvas, the store) is not served on the network.
  const staffOnly = [...(await assetsOf(host.pageUrl(''))), ...(await assetsOf(host.pageUrl('projector.html')))].filter(
    (asset) => !phoneAssets.includes(asset),
  );
  expect(staffOnly.length).toBeGreaterThan(0);
  for (const asset of staffOnly) expect((await request.get(`${lan}/${asset}`)).status(), asset).toBe(404);
  socket.close();
});

test('with moderation on, a phone’s note waits until the facilitator approves it', async ({ browser, page, host }) => {
  const socket = await prepareSession(host);
  const { joinUrl } = await openRoom(page, host);
  // The box follows the host: it shows ticked once the setting is stored.
  await page.getByTestId('moderation-toggle').click();
  await expect(page.getByTestId('moderation-toggle')).toBeChecked();
  await expect.poll(async () => (await socket.session(SESSION)).settings.moderation).toBe(true);
  const { context, page: phone } = await newPhone(browser);
  await joinFromQr(phone, joinUrl, '');
  await writeNote(phone, 'Mag dit op de muur?');
  const mine = phone.getByTestId('my-notes').locator('li');
  await expect(mine).toContainText('Wacht op goedkeuring');

  const beamerView = await HostSocket.open(host.socketUrl('projector'));
  expect(Object.keys((await beamerView.session(SESSION)).notes)).toHaveLength(0);

  const queue = page.getByTestId('moderation-queue');
  await expect(queue.getByTestId('moderation-note')).toHaveCount(1);
  await expect(queue).toContainText('Mag dit op de muur?');
  await expect(page.getByTestId('room-button')).toContainText('1');
  await page.screenshot({ path: shot('phones-moderation.png') });
  await queue.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(mine).toContainText('Verstuurd');
  await expect(page.getByTestId('moderation-queue')).toHaveCount(0);
  await expect.poll(async () => Object.values((await beamerView.session(SESSION)).notes).map((note) => note.text)).toEqual(['Mag dit op de muur?']);

  beamerView.close();
  socket.close();
  await context.close();
});
