import type { Browser, Locator, Page } from '@playwright/test';
import type { SessionState } from '../../shared/domain';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * A whole session, from the new-session form to closing: the facilitator's window, the projector
 * and two phones against the real host. After each step the test reads the host's own state over
 * a second connection, so what the screens show is checked against what was really stored.
 * The "network" is 127.0.0.2, as in phones.spec.ts: nothing leaves 127.0.0.0/8.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL', deviceScaleFactor: 2 } as const;

async function newPhone(browser: Browser, joinUrl: string, name: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(joinUrl);
  await phone.getByLabel('Je naam').fill(name);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  return phone;
}

test('a whole session: setup, phases, private writing, voting, ingredients, timer and closing', async ({ browser, page, host }) => {
  test.setTimeout(180_000);
  const socket = await HostSocket.open(host.socketUrl());
  const state = async (): Promise<SessionState> => socket.session(sessionId);
  let sessionId = '';

  // 1. Prepare: the new-session form, with "Meer instellingen".
  await page.goto(host.pageUrl(''));
  await page.getByRole('button', { name: 'Nieuwe sessie' }).first().click();
  await page.getByLabel('Titel').fill('Eiland van reflectie programmateam');
  await page.getByRole('button', { name: 'Programmateam' }).click();
  await page.getByText('Meer instellingen').click();
  await page.getByTestId('setup-programme').selectOption({ label: 'Nieuw programma…' });
  await page.getByTestId('setup-programme-name').fill('Alliantie van Kracht tegen Armoede');
  await page.getByTestId('new-facilitator').fill('Lauren Algra');
  await page.getByTestId('setting-max-on').check();
  await page.getByTestId('setting-hidden').check();
  await page.screenshot({ path: shot('flow-01-new-session.png') });
  await page.getByRole('button', { name: 'Sessie maken' }).click();
  // The form opens the session it made.
  await expect(page.getByTestId('phase-bar')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Eiland van reflectie programmateam' })).toBeVisible();
  const workspace = await socket.workspace();
  const meta = Object.values(workspace.sessions)[0];
  if (!meta) throw new Error('no session was made');
  sessionId = meta.id;
  expect(meta).toMatchObject({ group: 'Programmateam', facilitator: 'Lauren Algra' });
  expect(workspace.programmes[meta.programmeId ?? '']?.name).toBe('Alliantie van Kracht tegen Armoede');
  await expect.poll(async () => (await state()).settings).toMatchObject({ dotsPerParticipant: 3, maxDotsPerItem: 2, hideNotesUntilReveal: true, anonymous: true });

  // 2. The open session: settings (a question, names shown) and the phases (skip IK, HET first).
  await page.getByTestId('open-setup').click();
  await page.getByTestId('setup-question-wij').fill('Hoe werken we samen aan de visie?');
  await page.getByTestId('setting-anonymous').uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('setup-dialog')).toHaveCount(0);
  const afterSetup = await state();
  expect(afterSetup.template.zones.find((zone) => zone.id === 'wij')?.question).toBe('Hoe werken we samen aan de visie?');
  expect(afterSetup.settings.anonymous).toBe(false);

  await page.getByTestId('open-phases').click();
  const phasesDialog = page.getByTestId('phases-dialog');
  await phasesDialog.locator('[data-zone="ik"]').getByRole('checkbox').uncheck();
  await phasesDialog.getByRole('button', { name: 'HET-kant eerder' }).click();
  await page.screenshot({ path: shot('flow-02-phases-dialog.png') });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(phasesDialog).toHaveCount(0);
  expect((await state()).flow.phases.map((phase) => phase.id)).toEqual([
    'checkin',
    'observation-het', 'notes-het', 'clustering-het', 'attention-het',
    'observation-wij', 'notes-wij', 'clustering-wij', 'attention-wij',
    'voting', 'ingredients', 'other', 'closing',
  ]);

  // 3. The room, the projector and two phones.
  await page.getByTestId('room-button').click();
  await page.getByTestId('room-panel').getByTestId('room-open').click();
  const joinUrl = await page.getByTestId('room-panel').locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code');
  // Everyone has joined: the code moves to a corner of the wall, so the session has the room.
  await page.getByText('Groot laten zien op de beamer').click();
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  const beamer = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
  const projector = await beamer.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: sessionId }));
  const anna = await newPhone(browser, joinUrl, 'Anna');
  const bram = await newPhone(browser, joinUrl, 'Bram');
  await expect.poll(async () => Object.values((await state()).participants).map((person) => person.name).sort()).toEqual(['Anna', 'Bram']);

  // 4. Check-in with PageDown, then "Wat gaat goed?" for HET.
  const current = async () => (await state()).flow.currentPhaseId;
  /** The host has moved to the phase, and the facilitator's bar shows it. */
  const inPhase = async (phaseId: string) => {
    await expect.poll(current).toBe(phaseId);
    await expect(page.getByTestId('phase-bar')).toHaveAttribute('data-phase', phaseId);
  };
  await page.keyboard.press('PageDown');
  await inPhase('checkin');
  await expect(projector.getByTestId('projector-welcome')).toContainText('Eiland van reflectie programmateam');
  await page.keyboard.press('PageDown');
  await inPhase('observation-het');
  await page.getByTestId('observation-het').fill('Er is een helder ritme van plannen, uitvoeren en bijstellen.');
  await page.getByTestId('observation-het').press('Enter');
  await expect.poll(async () => (await state()).observations.het?.text).toBe('Er is een helder ritme van plannen, uitvoeren en bijstellen.');
  await expect(projector.getByTestId('projector-observation')).toContainText('helder ritme');

  // 5. Private writing: the phones write, the wall only counts, the facilitator reveals.
  await page.getByTestId('phase-next').click();
  await inPhase('notes-het');
  for (const [phone, text] of [[anna, 'Monitoring ontbreekt nog'], [bram, 'Wie is per partner het aanspreekpunt?']] as const) {
    await expect(phone.getByTestId('phase')).toContainText('HET-kant');
    await phone.getByLabel(/Je notitie voor/).fill(text);
    await phone.getByRole('button', { name: 'Versturen' }).click();
  }
  await expect.poll(async () => Object.values((await state()).notes).map((note) => note.text).sort()).toEqual(['Monitoring ontbreekt nog', 'Wie is per partner het aanspreekpunt?']);
  await expect(projector.getByTestId('hidden-count')).toHaveText('2');
  const beamerView = await HostSocket.open(host.socketUrl('projector'));
  expect(Object.values((await beamerView.session(sessionId)).notes).map((note) => note.text)).toEqual(['', '']);
  await projector.screenshot({ path: shot('flow-03-projector-hidden.png') });
  await page.getByTestId('reveal-zone').click();
  await expect.poll(async () => (await state()).flow.revealedZoneIds).toEqual(['het']);
  await expect(projector.getByTestId('hidden-counts')).toHaveCount(0);
  expect(Object.values((await beamerView.session(sessionId)).notes).map((note) => note.text).sort()).toEqual(['Monitoring ontbreekt nog', 'Wie is per partner het aanspreekpunt?']);

  // 6. Clusters (made on the canvas; here over the protocol), then attention points from the panel.
  await page.keyboard.press('PageDown');
  await inPhase('clustering-het');
  const noteIds = Object.keys((await state()).notes);
  await socket.command(sessionId, { type: 'cluster.create', id: 'c1', title: 'Monitoring, effectiviteit en ervaringen', noteIds: noteIds.slice(0, 1) });
  await page.keyboard.press('PageDown');
  await inPhase('attention-het');
  await page.getByRole('button', { name: '+ Monitoring, effectiviteit en ervaringen' }).click();
  await page.getByTestId('add-point-het').getByRole('textbox').fill('Per partner één aanspreekpunt');
  await page.getByTestId('add-point-het').getByRole('textbox').press('Enter');
  const pointTitles = async () => Object.values((await state()).attentionPoints).map((point) => point.title).sort();
  await expect.poll(pointTitles).toEqual(['Monitoring, effectiviteit en ervaringen', 'Per partner één aanspreekpunt']);

  // Going back loses nothing. (While the cursor is in a field, PageUp belongs to the field.)
  await page.keyboard.press('PageUp');
  expect(await current()).toBe('attention-het');
  await page.getByTestId('flow-panel').locator('.flow-eyebrow').click();
  await page.keyboard.press('PageUp');
  await inPhase('clustering-het');
  expect(await pointTitles()).toHaveLength(2);
  expect(Object.keys((await state()).notes)).toHaveLength(2);
  await page.getByTestId('phase-select').selectOption('attention-wij');
  await inPhase('attention-wij');
  await page.getByTestId('add-point-wij').getByRole('textbox').fill('Samen handen en voeten geven aan een visie');
  await page.getByTestId('add-point-wij').getByRole('button').click();
  await expect.poll(pointTitles).toHaveLength(3);
  const idOf = async (title: string) => Object.values((await state()).attentionPoints).find((point) => point.title === title)?.id ?? '';
  const monitoring = await idOf('Monitoring, effectiviteit en ervaringen');
  const partner = await idOf('Per partner één aanspreekpunt');
  const vision = await idOf('Samen handen en voeten geven aan een visie');

  // 7. Voting: dots on the phones, nothing of it on the wall until the reveal.
  await page.keyboard.press('PageDown');
  await inPhase('voting');
  await page.getByTestId('voting-open').click();
  await expect.poll(async () => (await state()).flow.votingOpen).toBe(true);
  const ballot = page.getByTestId('ballot').locator('li');
  const ballotIds = () => ballot.evaluateAll((items) => items.map((item) => item.getAttribute('data-point')));
  await expect(ballot).toHaveCount(3);
  const ballotBefore = await ballotIds();
  const castOn = (phone: Page, pointId: string) => phone.locator(`[data-point="${pointId}"]`).getByRole('button', { name: /Stip zetten/ }).click();
  await castOn(anna, monitoring);
  await castOn(anna, monitoring);
  await expect(anna.locator(`[data-point="${monitoring}"]`).getByRole('button', { name: /Stip zetten/ })).toBeDisabled();
  await castOn(anna, vision);
  await castOn(bram, vision);
  await castOn(bram, vision);
  await castOn(bram, partner);
  for (const phone of [anna, bram]) await expect(phone.getByTestId('dots-left')).toHaveAttribute('data-left', '0');
  await expect.poll(async () => Object.keys((await state()).votes).length).toBe(6);
  await expect(page.getByTestId('turnout')).toContainText('2 van de 2 deelnemers');
  // Nothing on the facilitator's screen gives the result away before the reveal: the ballot keeps
  // its order (by dots it would now read vision, monitoring, partner), and shows no count.
  expect(await ballotIds()).toEqual(ballotBefore);
  expect(ballotBefore).toEqual([monitoring, partner, vision]);
  for (const text of await ballot.allTextContents()) expect(text).not.toMatch(/stip|\d/);
  await expect(page.getByTestId('turnout')).not.toContainText('stip');
  await page.getByTestId('voting-controls').screenshot({ path: shot('flow-03b-facilitator-ballot.png') });
  expect((await beamerView.session(sessionId)).votes).toEqual({});
  await expect(projector.getByTestId('projector-ballot')).toBeVisible();
  // The ballot names the points, never a count of dots on them.
  await expect(projector.getByTestId('projector-ballot').locator('li')).toHaveCount(3);
  expect(await projector.getByTestId('projector-ballot').locator('li').allTextContents()).toEqual(
    await Promise.all(ballotBefore.map(async (id) => (await state()).attentionPoints[id ?? '']?.title ?? '')),
  );
  for (const text of await projector.getByTestId('projector-ballot').locator('li').allTextContents()) expect(text).not.toMatch(/stip|\d/);
  await expect(anna.getByTestId('phone-ranking')).toHaveCount(0);
  await page.getByTestId('voting-reveal').click();
  const ranking = projector.getByTestId('projector-ranking');
  await expect(ranking.locator(`[data-point="${vision}"]`)).toHaveAttribute('data-rank', '1');
  await expect(ranking.locator(`[data-point="${monitoring}"]`)).toHaveAttribute('data-rank', '2');
  await expect(ranking.locator(`[data-point="${partner}"]`)).toHaveAttribute('data-rank', '3');
  // One order after the reveal: the wall, the facilitator's ballot and every phone rank alike.
  const ranked = [vision, monitoring, partner];
  expect(await ranking.locator('li[data-point]').evaluateAll((items) => items.map((item) => item.getAttribute('data-point')))).toEqual(ranked);
  await expect.poll(ballotIds).toEqual(ranked);
  for (const phone of [anna, bram]) {
    const phoneRanking = phone.getByTestId('phone-ranking');
    await expect(phoneRanking.locator('[data-point]')).toHaveCount(3);
    expect(await phoneRanking.locator('[data-point]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-point'), item.getAttribute('data-rank')]))).toEqual(ranked.map((id, index) => [id, String(index + 1)]));
  }
  await anna.screenshot({ path: shot('flow-04b-phone-ranking.png'), fullPage: true });
  for (const id of [vision, monitoring]) {
    await page.getByTestId(`choose-${id}`).click();
    await expect(page.getByTestId(`choose-${id}`)).toBeChecked();
  }
  expect(Object.values((await state()).attentionPoints).filter((point) => point.chosen).map((point) => point.id).sort()).toEqual([vision, monitoring].sort());
  await expect(anna.locator(`[data-point="${vision}"]`)).toContainText('Totaal 3');
  await projector.waitForTimeout(1000);
  await projector.screenshot({ path: shot('flow-04-projector-ranking.png') });

  // 8. Ingredients: from the facilitator's panel and from a phone.
  await page.keyboard.press('PageDown');
  await inPhase('ingredients');
  await page.getByTestId(`add-ingredient-${monitoring}`).getByRole('textbox').fill('Bestaande interventies inventariseren');
  await page.getByTestId(`add-ingredient-${monitoring}`).getByRole('textbox').press('Enter');
  await anna.getByLabel('Ingrediënt voor Samen handen en voeten geven aan een visie').fill('Duo’s in de lokale context');
  await anna.getByLabel('Ingrediënt voor Samen handen en voeten geven aan een visie').press('Enter');
  await expect.poll(async () => Object.values((await state()).ingredients).map((item) => item.text).sort()).toEqual(['Bestaande interventies inventariseren', 'Duo’s in de lokale context']);
  await expect(projector.getByTestId('projector-ingredients')).toContainText('Duo’s in de lokale context');
  // Ingredients follow the ranking on every screen: vision (3 dots) before monitoring (2).
  const pointOrder = (scope: Locator, selector: string) => scope.locator(selector).evaluateAll((items) => items.map((item) => item.getAttribute('data-point')));
  expect(await pointOrder(page.getByTestId('ingredients-editor'), '.flow-group[data-point]')).toEqual([vision, monitoring]);
  expect(await pointOrder(projector.getByTestId('projector-ingredients'), '[data-point]')).toEqual([vision, monitoring]);
  const phoneBoxes = anna.getByTestId('ingredients').getByRole('textbox');
  await expect(phoneBoxes).toHaveCount(2);
  await expect(phoneBoxes.nth(0)).toHaveAccessibleName('Ingrediënt voor Samen handen en voeten geven aan een visie');
  await expect(phoneBoxes.nth(1)).toHaveAccessibleName('Ingrediënt voor Monitoring, effectiviteit en ervaringen');

  // 9. The timer: set, start, one minute more, pause — the same time on the wall and the phones.
  await page.getByTestId('timer-set').selectOption('3');
  await expect.poll(async () => (await state()).timer).toMatchObject({ durationMs: 180_000, startedAt: null });
  await page.getByTestId('timer-toggle').click();
  await expect.poll(async () => (await state()).timer.startedAt).not.toBeNull();
  await expect(projector.getByTestId('projector-timer')).toHaveAttribute('data-status', 'running');
  await expect(anna.getByRole('timer')).toContainText(/2:5\d|3:00/);
  await page.getByTestId('timer-add').click();
  await expect.poll(async () => (await state()).timer.durationMs).toBe(240_000);
  await expect(projector.getByTestId('projector-timer')).toContainText(/3:5\d|4:00/);
  await page.getByTestId('timer-toggle').click();
  await expect.poll(async () => (await state()).timer.startedAt).toBeNull();
  await expect(projector.getByTestId('projector-timer')).toHaveAttribute('data-status', 'paused');
  await page.getByTestId('phase-bar').screenshot({ path: shot('flow-05-phase-bar-timer.png') });
  await anna.locator('header.phone-bar').screenshot({ path: shot('flow-06-phone-timer.png') });

  // 10. Other points, then closing.
  await page.keyboard.press('PageDown');
  await inPhase('other');
  await page.getByTestId('add-other-het').getByRole('textbox').fill('AVK-doelen vastklikken aan wettelijke taken');
  await page.getByTestId('add-other-het').getByRole('textbox').press('Enter');
  const phoneOther = bram.getByTestId('other-points');
  // The facilitator's point arrives meanwhile; the side chosen on the phone must stay chosen.
  await expect(phoneOther).toContainText('AVK-doelen vastklikken aan wettelijke taken');
  await phoneOther.getByRole('button', { name: 'WIJ-kant' }).click();
  await expect(phoneOther.getByRole('button', { name: 'WIJ-kant' })).toHaveAttribute('aria-pressed', 'true');
  await phoneOther.getByLabel('Overig punt').fill('Weten wie waar wat doet en met wie');
  await phoneOther.getByRole('button', { name: 'Toevoegen' }).click();
  const others = async () => Object.values((await state()).otherPoints).map((point) => `${point.zoneId}: ${point.text}`).sort();
  await expect.poll(others).toEqual(['het: AVK-doelen vastklikken aan wettelijke taken', 'wij: Weten wie waar wat doet en met wie']);
  await expect(projector.getByTestId('projector-other')).toContainText('Weten wie waar wat doet en met wie');
  await expect(phoneOther).toContainText('AVK-doelen vastklikken aan wettelijke taken');
  await page.getByTestId('phase-next').click();
  await inPhase('closing');
  await expect(page.getByTestId('phase-next')).toBeDisabled();
  await expect(page.getByTestId('closing-summary')).toContainText('2 punten voor het faseplan, 2 ingrediënten, 2 overige punten');
  await expect(projector.getByTestId('projector-ingredients')).toContainText('Dit nemen we mee naar het faseplan');

  // 11. The overview: progress per side and who joined.
  const het = page.getByTestId('overview').locator('li[data-zone="het"]');
  await expect(het.getByTestId('progress-notes')).toHaveText('2');
  await expect(het.getByTestId('progress-clusters')).toHaveText('1');
  await expect(het.getByTestId('progress-points')).toHaveText('2');
  await expect(het.getByTestId('progress-chosen')).toHaveText('1');
  await expect(het.getByTestId('progress-observation')).toContainText('✓');
  await expect(page.getByTestId('joined')).toHaveText('2 verbonden · 2 gestemd · 2 aangemeld');
  await expect(page.getByTestId('overview').getByText('Namen: Anna, Bram')).toBeVisible();
  await page.screenshot({ path: shot('flow-07-closing.png') });
  await projector.screenshot({ path: shot('flow-08-projector-closing.png') });

  beamerView.close();
  socket.close();
  await beamer.close();
  for (const phone of [anna, bram]) await phone.context().close();
});
