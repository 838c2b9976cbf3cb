import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { hostHas, openBoard } from './canvas-support';
import { expect, type HostHandle, test, worldToPage } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Programme themes through the real UI: the lead makes a theme, links a point and a group by hand
 * in the harvest panel, writes the introduction and the theme's text (and undoes a change), the
 * facilitator links a note on the board, the next session is prepared with the theme carried for
 * the whole session, and the programme summary PDF prints it all.
 */
const P = 'avk';
const LEMNISCATE = 'lemniscaat-ik-wij-het';
const shot = (name: string) => test.info().outputPath(name);
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

/** No serious accessibility problem in the part of the page the selector names. */
async function accessible(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function seed(host: HostHandle): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
  const sessions = [
    ['pt', 'Programmateam', '2025-03-04'],
    ['mg', 'Managers', '2025-03-18'],
  ] as const;
  for (const [id, group, date] of sessions) {
    await socket.command('workspace', { type: 'session.create', id, programmeId: P, title: `Eiland ${group}`, group, date, templateId: LEMNISCATE });
  }
  await socket.command('pt', { type: 'attention.add', id: 'pt1', zoneId: 'wij', title: 'Visie eigen maken in alle organisaties' });
  await socket.command('pt', { type: 'attention.edit', id: 'pt1', chosen: true });
  await socket.command('pt', { type: 'note.add', id: 'n1', zoneId: 'het', text: 'Mandaat van bestuurders', x: 1180, y: 500 });
  await socket.command('mg', { type: 'note.add', id: 'm1', zoneId: 'wij', text: 'Visie onderdeel van eigen organisatie', x: 330, y: 420 });
  await socket.command('mg', { type: 'cluster.create', id: 'mc1', title: 'Handen en voeten geven aan de visie', noteIds: ['m1'] });
  return socket;
}

async function openSummary(page: Page) {
  await page.getByRole('button', { name: 'Programmasamenvatting van Alliantie van Kracht' }).click();
  const panel = page.getByTestId('programme-themes');
  await expect(panel).toBeVisible();
  return panel;
}

test('links by hand, writes the summary text, carries the theme to the next session and prints it', async ({ page, host }) => {
  const socket = await seed(host);
  await page.goto(host.pageUrl());
  const panel = await openSummary(page);

  // A theme needs a name: an empty one is refused in plain words, and nothing is made.
  await panel.getByRole('button', { name: 'Thema maken' }).click();
  await expect(page.getByText('Geef het thema een naam.')).toBeVisible();
  expect(Object.keys((await socket.workspace()).themes)).toEqual([]);
  await panel.getByLabel('Nieuw thema').fill('Samen handen en voeten geven aan een visie');
  await panel.getByRole('button', { name: 'Thema maken' }).click();
  const card = panel.getByTestId('theme-card');
  await expect(card).toHaveCount(1);
  const themeId = (await card.getAttribute('data-theme-id')) ?? '';

  // The suggestion groups the two groups' "visie" items; the lead links the point by hand instead.
  await expect(panel.getByTestId('theme-suggestion')).toHaveCount(1);
  const row = panel.locator('[data-testid="theme-unlinked-item"][data-item="pt/pt1"]');
  await row.getByRole('combobox').selectOption({ label: 'Samen handen en voeten geven aan een visie' });
  await row.getByRole('button', { name: 'Koppelen' }).click();
  await expect(card.locator('[data-item="pt/pt1"]')).toBeVisible();
  await hostHas(socket, 'pt', (state) => state.attentionPoints.pt1?.themeId, themeId);
  const group = panel.locator('[data-testid="theme-unlinked-item"][data-item="mg/mc1"]');
  await group.getByRole('combobox').selectOption({ label: 'Samen handen en voeten geven aan een visie' });
  await group.getByRole('button', { name: 'Koppelen' }).click();
  await expect(card.getByTestId('theme-linked-item')).toHaveCount(2);

  // The lead's texts: saved, undone, saved again.
  const summary = 'Alle groepen willen de visie eigen maken, met de AVK zichtbaar erbij.';
  await card.getByLabel('Wat de groepen zeiden over dit thema').fill(summary);
  await card.getByTestId('theme-summary').getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await socket.workspace()).themes[themeId]?.summary).toBe(summary);
  const introduction = panel.getByTestId('lead-introduction');
  await introduction.getByLabel('Inleiding van Samengevat').fill('Drie groepen keken terug op faseplan 2.');
  await introduction.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await socket.workspace()).programmes[P]?.introduction).toBe('Drie groepen keken terug op faseplan 2.');
  await panel.getByRole('button', { name: 'Laatste wijziging aan thema’s en teksten ongedaan maken' }).click();
  await expect.poll(async () => (await socket.workspace()).programmes[P]?.introduction ?? '').toBe('');
  await expect(introduction.getByLabel('Inleiding van Samengevat')).toHaveValue('');
  await introduction.getByLabel('Inleiding van Samengevat').fill('Twee groepen keken terug op faseplan 2.');
  await introduction.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await socket.workspace()).programmes[P]?.introduction).toBe('Twee groepen keken terug op faseplan 2.');
  await accessible(page, '[data-testid="programme-themes"]');
  await page.getByRole('dialog').screenshot({ path: shot('themes-harvest-panel.png') });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: shot('themes-theme-card.png') });
  await panel.getByTestId('theme-unlinked').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('themes-suggestions.png') });
  await page.screenshot({ path: shot('themes-harvest-page.png'), fullPage: false });

  // The summary PDF: the introduction, the theme "genoemd door 2 groepen", the lead's text.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('harvest-programme').getByRole('button', { name: 'Samenvatting (PDF) bewaren' }).click();
  await (await downloading).saveAs(shot('samengevat.pdf'));
  expect(readFileSync(shot('samengevat.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(shot('samengevat.pdf')).replace(/\s+/g, ' ');
  for (const expected of ['Twee groepen keken terug op faseplan 2.', 'Thema: Samen handen en voeten geven aan een visie', 'Genoemd door 2 groepen', summary, 'Handen en voeten geven aan de visie: Visie onderdeel van eigen organisatie']) {
    expect(text).toContain(expected);
  }
  await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).first().click();

  // On the board: a note linked by hand with "Aan thema koppelen" (T), refused for nothing.
  await openBoard(page, host, 'pt', 1);
  const note = await worldToPage(page, { x: 1180, y: 500 });
  await page.mouse.click(note.x, note.y);
  await expect(page.getByTestId('selection-bar')).toContainText('1 gekozen');
  await page.keyboard.press('t');
  const picker = page.getByTestId('theme-picker');
  await expect(picker).toContainText('Kies een thema voor “Mandaat van bestuurders”.');
  await picker.getByTestId('theme-picker-select').selectOption({ label: 'Samen handen en voeten geven aan een visie' });
  await hostHas(socket, 'pt', (state) => state.notes.n1?.themeId, themeId);
  await expect(picker).toContainText('Nu gekoppeld aan “Samen handen en voeten geven aan een visie”.');
  await page.screenshot({ path: shot('themes-board-picker.png') });
  await accessible(page, '[data-testid="theme-picker"]');
  // Undo on the board takes the link back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await hostHas(socket, 'pt', (state) => state.notes.n1?.themeId ?? null, null);

  // Volgende sessie voorbereiden: the theme is offered with its chosen point; carried for the whole session.
  await page.goto(host.pageUrl());
  const ptRow = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Eiland Programmateam', exact: true }) });
  await ptRow.getByRole('button', { name: 'Volgende sessie voorbereiden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Volgende sessie voorbereiden' });
  const carry = dialog.getByTestId('carry-themes');
  await expect(carry).toContainText('Gekozen punten: “Visie eigen maken in alle organisaties”');
  await expect(carry.getByRole('radio', { name: 'Thema voor de hele sessie' })).toBeChecked();
  await dialog.screenshot({ path: shot('themes-duplicate-dialog.png') });
  await dialog.getByLabel('Titel').fill('Eiland stuurgroep');
  await dialog.getByRole('button', { name: 'Voorbereiden' }).click();
  await expect(dialog).toBeHidden();
  const next = Object.values((await socket.workspace()).sessions).find((meta) => meta.title === 'Eiland stuurgroep');
  expect(next).toBeDefined();
  // The theme is a zone of the whole session beside the sides, where its notes will go; no point carries it.
  const prepared = await socket.session(next?.id ?? '');
  expect(prepared.template.zones.filter((zone) => zone.whole).map((zone) => [zone.name, zone.themeId])).toEqual([['Samen handen en voeten geven aan een visie', themeId]]);
  expect(Object.values(prepared.attentionPoints)).toEqual([]);
  socket.close();
});

test('links an attention point to a theme in the points editor, and unlinks it', async ({ page, host }) => {
  const socket = await seed(host);
  await socket.command('workspace', { type: 'theme.create', id: 'visie', programmeId: P, title: 'Samen handen en voeten geven aan een visie' });
  await socket.command('pt', { type: 'phases.configure', phases: [{ id: 'attention-wij', kind: 'attention', zoneId: 'wij' }] });
  await socket.command('pt', { type: 'phase.set', phaseId: 'attention-wij' });
  await openBoard(page, host, 'pt', 1);
  const editor = page.getByTestId('attention-editor');
  const select = editor.getByTestId('theme-pt1');
  await expect(select).toHaveValue('');
  await select.selectOption({ label: 'Samen handen en voeten geven aan een visie' });
  await hostHas(socket, 'pt', (state) => state.attentionPoints.pt1?.themeId, 'visie');
  await expect(page.getByText('Gekoppeld aan het thema “Samen handen en voeten geven aan een visie”.')).toBeVisible();
  await page.screenshot({ path: shot('themes-points-editor.png') });
  await accessible(page, '[data-testid="attention-editor"]');
  // A new theme named after the point, then none again.
  await select.selectOption({ label: 'Nieuw thema met deze naam' });
  await expect.poll(async () => Object.values((await socket.workspace()).themes).map((theme) => theme.title).sort()).toEqual([
    'Samen handen en voeten geven aan een visie',
    'Visie eigen maken in alle organisaties',
  ]);
  await select.selectOption({ label: 'geen thema' });
  await hostHas(socket, 'pt', (state) => state.attentionPoints.pt1?.themeId ?? null, null);
  socket.close();
});

test('a phone may not link or make a theme: refused over the real socket, nothing changed', async ({ host }) => {
  const socket = await seed(host);
  await socket.command('workspace', { type: 'theme.create', id: 'visie', programmeId: P, title: 'Samen handen en voeten geven aan een visie' });
  const code = await socket.openRoom('pt');
  const phone = await HostSocket.joinRoom(host.origin, code, 'Bram');
  await expect(phone.command('pt', { type: 'theme.link', target: 'point', id: 'pt1', themeId: 'visie' })).rejects.toThrow('theme.link refused: forbidden');
  // A phone's connection belongs to its session: the programme's records are out of its reach.
  await expect(phone.command('workspace', { type: 'theme.create', id: 'tel', programmeId: P, title: 'Van de telefoon' })).rejects.toThrow('theme.create refused: wrong_session');
  await expect(phone.command('workspace', { type: 'theme.summary.set', id: 'visie', text: 'Van de telefoon' })).rejects.toThrow('theme.summary.set refused: wrong_session');
  await expect(phone.command('pt', { type: 'theme.unlink', target: 'point', id: 'pt1' })).rejects.toThrow('theme.unlink refused: forbidden');
  expect((await socket.session('pt')).attentionPoints.pt1?.themeId).toBeUndefined();
  const workspace = await socket.workspace();
  expect(Object.keys(workspace.themes)).toEqual(['visie']);
  expect(workspace.themes.visie?.summary).toBe('');
  phone.close();
  socket.close();
});
