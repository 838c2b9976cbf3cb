import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Plan-do-check-act end to end, in Chromium against the real host: session 1 makes three actions
 * from its ingredients (clicked on the facilitator's screen); session 2 of the same programme opens
 * with the review ("Terugblik") on the facilitator's screen, the projector and two phones; the
 * facilitator marks one done, one ongoing, one dropped while the phones react; both reports and
 * the programme summary show it (read with pdftotext, drawn with pdftoppm).
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';

const P = 'prog-review';
const S1 = 'sessie-1';
const S2 = 'sessie-2';
const INGREDIENTS = ['Dashboard met cijfers per gemeente', 'Werkbezoek bij twee partners', 'Nieuwsbrief elke maand'];
const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', deviceScaleFactor: 2 } as const;

async function seed(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'programme.create', id: P, name: 'Alliantie tegen armoede' });
  await socket.command('workspace', { type: 'session.create', id: S1, programmeId: P, title: 'Programmateam voorjaar', group: 'Programmateam', date: '2025-03-12', templateId: 'lemniscaat-ik-wij-het' });
  await socket.command(S1, { type: 'attention.add', id: 'punt-1', zoneId: 'het', title: 'Monitoring en effectiviteit' });
  await socket.command(S1, { type: 'attention.edit', id: 'punt-1', chosen: true });
  for (const [index, text] of INGREDIENTS.entries()) await socket.command(S1, { type: 'ingredient.add', id: `ing-${index + 1}`, attentionPointId: 'punt-1', text });
  await socket.command(S1, { type: 'phase.set', phaseId: 'ingredients' });
  return socket;
}

async function exported(host: HostHandle, scope: 'session' | 'programme', id: string): Promise<string> {
  const response = await fetch(`${host.origin}api/export/${scope}/${id}.pdf?lang=nl`, { headers: { Authorization: `Bearer ${host.token}` } });
  expect(response.status).toBe(200);
  const file = shot(`${scope}-${id}.pdf`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}
/** The PDF's text in reading order, with line breaks (a table cell may wrap) read as spaces. */
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

async function joinPhone(browser: Browser, joinUrl: string, name: string): Promise<Page> {
  const phone = await (await browser.newContext(PHONE)).newPage();
  await phone.goto(joinUrl);
  await phone.getByLabel('Je naam').fill(name);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  return phone;
}

test('session 2 reviews the actions of session 1 on every screen, and the reports show how they moved', async ({ browser, page, host }) => {
  test.setTimeout(180_000);
  const socket = await seed(host);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Session 1: the facilitator makes an action of each ingredient and names who takes the first.
  await page.goto(`${host.pageUrl('')}#/session/${S1}`);
  for (const n of [1, 2, 3]) await page.getByTestId(`make-action-ing-${n}`).click();
  await expect(page.locator('[data-testid^="action-ing-"]')).toHaveCount(3);
  await page.getByTestId('action-owner-ing-1').fill('Coördinator monitoring');
  await page.getByTestId('action-due-ing-1').fill('2025-05-01');
  await page.getByTestId('action-owner-ing-1').blur();
  await expect.poll(async () => Object.values((await socket.workspace()).actions).map((action) => action.owner).sort()).toEqual(['', '', 'Coördinator monitoring']);
  await page.getByTestId('flow-panel').screenshot({ path: shot('review-01-make-actions.png') });

  // Session 2 of the same programme opens with the review.
  await socket.command('workspace', { type: 'session.create', id: S2, programmeId: P, title: 'Managers zomer', group: 'Managers', date: '2025-06-20', templateId: 'lemniscaat-ik-wij-het' });
  await page.goto(`${host.pageUrl('')}#/session/${S2}`);
  await expect(page.getByTestId('phase-bar')).toHaveAttribute('data-phase', 'review');
  const panel = page.getByTestId('review-panel');
  await expect(panel.getByTestId('review-card')).toContainText(INGREDIENTS[0] as string);
  await expect(panel.locator('.review-agenda-item')).toHaveCount(3);

  // The room opens; two phones join; the projector shows the action under review.
  await page.getByTestId('room-button').click();
  const room = page.getByTestId('room-panel');
  await room.getByTestId('room-open').click();
  const joinUrl = (await room.locator('svg[data-qr]').getAttribute('data-qr')) ?? '';
  expect(joinUrl).toContain('/join.html?code=');
  // Everyone is in: the join code goes to the corner of the wall, the review takes the screen.
  await room.getByRole('checkbox', { name: 'Groot laten zien op de beamer' }).click();
  await expect(room.getByRole('checkbox', { name: 'Groot laten zien op de beamer' })).not.toBeChecked();
  await page.keyboard.press('Escape');
  const [anna, bram] = [await joinPhone(browser, joinUrl, 'Anna'), await joinPhone(browser, joinUrl, 'Bram')];
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' })).newPage();
  await projector.goto(host.pageUrl('projector.html', { session: S2 }));
  await expect(projector.getByTestId('projector-review-text')).toHaveText(INGREDIENTS[0] as string);
  await expect(projector.getByTestId('join-corner')).toBeVisible();
  for (const phone of [anna, bram]) await expect(phone.getByTestId('phone-review-text')).toHaveText(INGREDIENTS[0] as string);

  // Phones react: a thumb and a short note reach the facilitator and the wall, without names.
  await anna.getByTestId('phone-thumb-up').click();
  await bram.getByTestId('phone-review-note').fill('Het dashboard helpt ons echt');
  await bram.getByRole('button', { name: 'Versturen' }).click();
  await expect(panel.getByTestId('review-thumbs-up')).toContainText('1');
  await expect(panel.getByTestId('review-reactions')).toContainText('Het dashboard helpt ons echt');
  await expect(projector.getByTestId('projector-review-reactions')).toContainText('Het dashboard helpt ons echt');
  await expect(anna.getByTestId('phone-review-sent')).toBeVisible();

  // The facilitator decides: done, ongoing, dropped — each with a note.
  // The note is typed on the card of the action it is about: wait for that card after "Volgende".
  const decide = async (ingredient: number, status: 'done' | 'ongoing' | 'dropped', note: string) => {
    await expect(panel.getByTestId('review-card').locator('.review-text')).toHaveText(INGREDIENTS[ingredient] as string);
    await panel.getByTestId('review-note').fill(note);
    await panel.getByTestId(`review-set-${status}`).click();
    await expect(panel.getByTestId('review-card')).toHaveAttribute('data-status', status);
  };
  await decide(0, 'done', 'Dashboard staat online');
  await expect(projector.getByTestId('projector-review-status')).toHaveText(/Gedaan/);
  await expect(anna.locator('.phone-review-status')).toHaveText('Gedaan');
  await page.screenshot({ path: shot('review-02-facilitator-1440.png') });
  await projector.screenshot({ path: shot('review-03-projector-1920.png') });
  await projector.setViewportSize({ width: 1280, height: 720 });
  await projector.screenshot({ path: shot('review-04-projector-1280.png') });
  await anna.screenshot({ path: shot('review-05-phone-390.png') });

  await panel.getByTestId('review-next').click();
  await expect(projector.getByTestId('projector-review-text')).toHaveText(INGREDIENTS[1] as string);
  await expect(bram.getByTestId('phone-review-text')).toHaveText(INGREDIENTS[1] as string);
  await decide(1, 'ongoing', 'Eén bezoek gehad');
  await panel.getByTestId('review-next').click();
  await decide(2, 'dropped', 'Te weinig lezers');

  // The wall cannot decide either: the host refuses it (a phone's refusal: test/integration/records).
  const wall = await HostSocket.open(host.socketUrl('projector'));
  const firstAction = Object.keys((await socket.session(S2)).reviews)[0] ?? '';
  await expect(wall.command(S2, { type: 'review.set', actionId: firstAction, status: 'dropped' })).rejects.toThrow('forbidden');
  wall.close();

  // Undo takes the last decision back, redo puts it again; the programme's action follows.
  const statuses = async () => Object.values((await socket.workspace()).actions).map((action) => action.status).sort();
  await expect.poll(statuses).toEqual(['done', 'dropped', 'ongoing']);
  await socket.command(S2, { type: 'history.undo' });
  await expect.poll(statuses).toEqual(['done', 'ongoing', 'open']);
  await socket.command(S2, { type: 'history.redo' });
  await expect.poll(statuses).toEqual(['done', 'dropped', 'ongoing']);

  // Both reports show it, and the programme summary shows how the actions moved.
  const first = pdfText(await exported(host, 'session', S1));
  expect(first).toContain('Nieuwe acties');
  for (const text of INGREDIENTS) expect(first).toContain(text);
  expect(first).toContain('Coördinator monitoring');
  const second = pdfText(await exported(host, 'session', S2));
  expect(second).toContain('Teruggekeken op acties van eerder');
  for (const words of ['Dashboard staat online', 'Eén bezoek gehad', 'Te weinig lezers', 'Gedaan', 'Loopt nog', 'Gestopt']) expect(second).toContain(words);
  const summaryFile = await exported(host, 'programme', P);
  const summary = pdfText(summaryFile);
  expect(summary).toContain('Wat de acties opleverden');
  expect(summary).toContain('Monitoring en effectiviteit 3 1 loopt nog, 1 gedaan, 1 gestopt');
  execFileSync('pdftoppm', ['-png', '-r', '60', summaryFile, shot('summary')]);
  socket.close();
});
