import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * How running a session looks: the facilitator's phase bar and panel, and the projector in the
 * phases that fill the wall (hidden notes counted, the ballot, the ranking, the timer at its end).
 * Screenshots go to this test's output folder to be looked at; the assertions check what they show.
 */
const SESSION = 'look';
const shot = (name: string) => test.info().outputPath(name);

async function seed(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  const run = (command: { type: string; [field: string]: unknown }) => socket.command(SESSION, command);
  await socket.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Eiland van reflectie programmateam',
    group: 'Programmateam',
    date: '2024-06-02',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await run({ type: 'settings.update', hideNotesUntilReveal: true, maxDotsPerItem: 2 });
  const notes = [
    ['het', 'Helder ritme van plannen en bijstellen', 1150, 420],
    ['het', 'Monitoring ontbreekt nog', 1250, 560],
    ['het', 'Wie is het aanspreekpunt per partner?', 1080, 600],
    ['wij', 'Mensen kennen elkaar', 380, 450],
  ] as const;
  for (const [index, [zoneId, text, x, y]] of notes.entries()) await run({ type: 'note.add', id: `n${index}`, zoneId, text, x, y });
  await run({ type: 'observation.set', zoneId: 'het', text: 'Er is een helder ritme van plannen, uitvoeren, reflecteren en bijstellen.' });
  const points = [
    ['a1', 'het', 'Monitoring, effectiviteit en ervaringen'],
    ['a2', 'het', 'Per partner één afvaardigingsteam of aanspreekpunt'],
    ['a3', 'wij', 'Samen handen en voeten geven aan een visie'],
    ['a4', 'wij', 'Ondersteuning van partners bij de vertaling naar de praktijk'],
    ['a5', 'ik', 'Urgentie blijven voelen'],
  ] as const;
  for (const [id, zoneId, title] of points) await run({ type: 'attention.add', id, zoneId, title });
  return socket;
}

async function openFacilitator(page: Page, host: HostHandle): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.pageUrl('')}#/session/${SESSION}`);
  await expect(page.getByTestId('phase-bar')).toBeVisible();
}

test('the phase bar, the panel and the projector while notes are hidden', async ({ browser, page, host }) => {
  const socket = await seed(host);
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'notes-het' });
  await socket.command(SESSION, { type: 'timer.control', action: 'set', durationMs: 5 * 60_000 });
  await socket.command(SESSION, { type: 'timer.control', action: 'start' });
  await openFacilitator(page, host);
  await expect(page.getByTestId('phase-bar')).toHaveAttribute('data-phase', 'notes-het');
  await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running');
  await page.screenshot({ path: shot('facilitator-phase-bar.png') });
  await page.getByTestId('phase-bar').screenshot({ path: shot('facilitator-phase-bar-strip.png') });
  // A smaller laptop: the bar may wrap, but keeps every control.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: shot('facilitator-1280.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  const beamer = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await beamer.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
  await expect(projector.getByTestId('hidden-counts').getByTestId('hidden-count')).toHaveText('3');
  await expect(projector.getByTestId('projector-timer')).toHaveAttribute('data-status', 'running');
  await projector.waitForTimeout(900);
  await projector.screenshot({ path: shot('projector-hidden-notes.png') });

  await socket.command(SESSION, { type: 'phase.set', phaseId: 'observation-het' });
  await expect(projector.getByTestId('projector-observation')).toContainText('helder ritme');
  await projector.waitForTimeout(900);
  await projector.screenshot({ path: shot('projector-observation.png') });

  await socket.command(SESSION, { type: 'phase.set', phaseId: 'checkin' });
  await expect(projector.getByTestId('projector-welcome')).toContainText('Eiland van reflectie programmateam');
  await projector.screenshot({ path: shot('projector-welcome.png') });

  const ingredients = [
    ['a1', 'Bestaande interventies inventariseren'],
    ['a1', 'Framework maken: wat willen we weten?'],
    ['a3', 'Onboarding met standaard middelen'],
  ] as const;
  for (const [index, [id, text]] of ingredients.entries()) await socket.command(SESSION, { type: 'ingredient.add', id: `i${index}`, attentionPointId: id, text });
  await socket.command(SESSION, { type: 'attention.edit', id: 'a1', chosen: true });
  await socket.command(SESSION, { type: 'attention.edit', id: 'a3', chosen: true });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'ingredients' });
  await expect(projector.getByTestId('projector-ingredients').locator('article')).toHaveCount(2);
  await projector.screenshot({ path: shot('projector-ingredients.png') });
  await page.screenshot({ path: shot('facilitator-ingredients.png') });

  await socket.command(SESSION, { type: 'other.add', id: 'o1', zoneId: 'het', text: 'AVK-doelen vastklikken aan wettelijke taken van de gemeente' });
  await socket.command(SESSION, { type: 'other.add', id: 'o2', zoneId: 'wij', text: 'Weten wie waar wat doet en met wie' });
  await socket.command(SESSION, { type: 'phase.set', phaseId: 'other' });
  await expect(projector.getByTestId('projector-other').locator('li')).toHaveCount(2);
  await projector.screenshot({ path: shot('projector-other.png') });
  await page.screenshot({ path: shot('facilitator-other.png') });
  await beamer.close();
  socket.close();
});

test('the ballot, the ranking with a tie, and the timer running out', async ({ browser, page, host }) => {
  const socket = await seed(host);
  const run = (command: { type: string; [field: string]: unknown }) => socket.command(SESSION, command);
  await run({ type: 'phase.set', phaseId: 'voting' });
  await run({ type: 'voting.open', open: true });
  // Votes come from phones; here the host is driven over its protocol by three phones.
  const code = await socket.openRoom(SESSION);
  const phones = await Promise.all(['Anna', 'Bram', 'Chris'].map((name) => HostSocket.joinRoom(host.origin, code, name)));
  const plan: [number, string][] = [
    [0, 'a1'], [0, 'a1'], [0, 'a3'],
    [1, 'a3'], [1, 'a1'], [1, 'a2'],
    [2, 'a3'], [2, 'a4'], [2, 'a2'],
  ];
  for (const [index, [phone, pointId]] of plan.entries()) await phones[phone]?.command(SESSION, { type: 'vote.cast', id: `v${index}`, attentionPointId: pointId });

  await openFacilitator(page, host);
  await expect(page.getByTestId('voting-controls')).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('turnout')).toContainText('3 van de 3 deelnemers');
  await page.screenshot({ path: shot('facilitator-voting-open.png') });

  const beamer = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await beamer.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
  await expect(projector.getByTestId('projector-ballot')).toBeVisible();
  await projector.screenshot({ path: shot('projector-ballot.png') });

  await page.getByTestId('voting-reveal').click();
  const ranking = projector.getByTestId('projector-ranking');
  await expect(ranking).toBeVisible();
  // a1 and a3 have 3 dots each: a shared first place; a2 2, then a4 1 and a5 0.
  await expect(ranking.locator('li')).toHaveCount(5);
  await expect(ranking.locator('[data-point="a1"]')).toHaveAttribute('data-rank', '1');
  await expect(ranking.locator('[data-point="a3"]')).toHaveAttribute('data-rank', '1');
  await expect(ranking.locator('[data-point="a2"]')).toHaveAttribute('data-rank', '3');
  // The boxes follow the host: each shows ticked once the choice is stored.
  for (const id of ['a1', 'a3']) {
    await page.getByTestId(`choose-${id}`).click();
    await expect(page.getByTestId(`choose-${id}`)).toBeChecked();
  }
  await expect(ranking.locator('.pflow-chosen')).toHaveCount(2);
  await projector.waitForTimeout(1000);
  await projector.screenshot({ path: shot('projector-voting-reveal.png') });
  await page.screenshot({ path: shot('facilitator-voting-revealed.png') });

  await run({ type: 'timer.control', action: 'set', durationMs: 1500 });
  await run({ type: 'timer.control', action: 'start' });
  await expect(projector.getByTestId('projector-timer')).toHaveAttribute('data-status', 'done', { timeout: 5000 });
  await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'done');
  await projector.screenshot({ path: shot('projector-timer-done.png') });
  await page.getByTestId('phase-bar').screenshot({ path: shot('facilitator-timer-done.png') });
  await beamer.close();
  for (const phone of phones) phone.close();
  socket.close();
});


