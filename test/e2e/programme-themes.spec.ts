import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { plainText, readWord } from '../support/word-read';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * Issue 13's acceptance through the real pages: three sessions of one programme. The lead makes two
 * themes after session 1 and links its points; sessions 2 and 3 are prepared from the one before
 * with both themes carried for the whole session; a point of session 3 is linked by hand; the lead
 * writes the introduction and a theme's text. The summary, as PDF and as Word, names both themes
 * "genoemd door 3 groepen", has every note of the three sessions and the lead's words.
 */
const P = 'avk';
const VISION = 'Samen handen en voeten geven aan een visie';
const MONITORING = 'Monitoring, effectiviteit en ervaringen';
const shot = (name: string) => test.info().outputPath(name);

const NOTES: Record<string, [string, string][]> = {
  s1: [
    ['wij', 'Visie eigen maken in elke organisatie'],
    ['het', 'Wat werkt? Dat weten we te weinig'],
    ['ik', 'Geen kind langdurig in armoede'],
  ],
  // Sessions 2 and 3 write in the zones of the two themes they work on (by the theme's title here).
  s2: [
    [VISION, 'Mandaat van bestuurders'],
    [MONITORING, 'What’s in it for me'],
  ],
  s3: [
    [VISION, 'Over schotten heen kijken'],
    [MONITORING, 'Ervaringen van inwoners ophalen'],
  ],
};

async function addNotes(socket: HostSocket, session: string, notes: [string, string][]): Promise<void> {
  const { template } = await socket.session(session);
  const themes = (await socket.workspace()).themes;
  // A theme's title stands for its zone in this session; a side's id for the side.
  const zoneOf = (key: string) => template.zones.find((zone) => zone.themeId !== undefined && themes[zone.themeId]?.title === key)?.id ?? key;
  for (const [index, [key, text]] of notes.entries()) await socket.command(session, { type: 'note.add', id: `${session}-n${index}`, zoneId: zoneOf(key), text });
}

async function openSummary(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Programmasamenvatting van Alliantie van Kracht' }).click();
  const panel = page.getByTestId('programme-themes');
  await expect(panel).toBeVisible();
  return panel;
}

async function linkByHand(panel: ReturnType<Page['getByTestId']>, item: string, theme: string): Promise<void> {
  const row = panel.locator(`[data-testid="theme-unlinked-item"][data-item="${item}"]`);
  await row.getByRole('combobox').selectOption({ label: theme });
  await row.getByRole('button', { name: 'Koppelen' }).click();
  await expect(row).toBeHidden();
}

async function prepareNext(page: Page, fromTitle: string, title: string, group: string): Promise<void> {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: fromTitle, exact: true }) });
  await row.getByRole('button', { name: 'Volgende sessie voorbereiden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Volgende sessie voorbereiden' });
  // Both themes are offered, each carried for the whole session unless chosen otherwise.
  const carry = dialog.getByTestId('carry-themes');
  await expect(carry.getByRole('radio', { name: 'Thema voor de hele sessie' })).toHaveCount(2);
  for (const radio of await carry.getByRole('radio', { name: 'Thema voor de hele sessie' }).all()) await expect(radio).toBeChecked();
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByLabel('Groep', { exact: true }).fill(group);
  await dialog.getByRole('button', { name: 'Voorbereiden' }).click();
  await expect(dialog).toBeHidden();
}

test('three sessions carry two themes; the summary as PDF and Word names both by 3 groups, with every note and the lead’s text', async ({ page, host }) => {
  test.setTimeout(120_000);
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
  await socket.command('workspace', { type: 'session.create', id: 's1', programmeId: P, title: 'Eiland Programmateam', group: 'Programmateam', date: '2025-03-04', templateId: 'lemniscaat-ik-wij-het' });
  await addNotes(socket, 's1', NOTES.s1 ?? []);
  await socket.command('s1', { type: 'attention.add', id: 'p1', zoneId: 'wij', title: 'Visie eigen maken in alle organisaties' });
  await socket.command('s1', { type: 'attention.add', id: 'p2', zoneId: 'het', title: 'Monitoring opzetten' });
  for (const id of ['p1', 'p2']) await socket.command('s1', { type: 'attention.edit', id, chosen: true });
  await socket.command('s1', { type: 'ingredient.add', id: 'i1', attentionPointId: 'p2', text: 'Framework maken: wat willen we weten?' });

  // Session 1: the lead makes the two themes and links its points by hand.
  let panel = await openSummary(page, host.pageUrl());
  for (const [index, title] of [VISION, MONITORING].entries()) {
    await panel.getByLabel('Nieuw thema').fill(title);
    await panel.getByRole('button', { name: 'Thema maken' }).click();
    // The field empties once the host has the theme; only then is the next one typed.
    await expect(panel.getByTestId('theme-card')).toHaveCount(index + 1);
    await expect(panel.getByLabel('Nieuw thema')).toHaveValue('');
  }
  await linkByHand(panel, 's1/p1', VISION);
  await linkByHand(panel, 's1/p2', MONITORING);
  await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).first().click();

  // Sessions 2 and 3, each prepared from the one before with both themes for the whole session.
  await prepareNext(page, 'Eiland Programmateam', 'Eiland Managers', 'Managers');
  const id = async (title: string) => Object.values((await socket.workspace()).sessions).find((meta) => meta.title === title)?.id ?? '';
  const s2 = await id('Eiland Managers');
  await socket.command(s2, { type: 'meta.update', date: '2025-03-18' });
  await addNotes(socket, s2, NOTES.s2 ?? []);
  await prepareNext(page, 'Eiland Managers', 'Eiland Stuurgroep', 'Stuurgroep');
  const s3 = await id('Eiland Stuurgroep');
  await socket.command(s3, { type: 'meta.update', date: '2025-04-01' });
  await addNotes(socket, s3, NOTES.s3 ?? []);
  await socket.command(s3, { type: 'attention.add', id: 'q1', zoneId: null, title: 'Deel wat werkt, maak het praktisch' });
  // Each carried theme is a zone of the whole session beside the sides, holding its notes.
  for (const session of [s2, s3]) {
    const state = await socket.session(session);
    const workspace = await socket.workspace();
    expect(state.template.zones.filter((zone) => zone.whole).map((zone) => workspace.themes[zone.themeId ?? '']?.title)).toEqual([VISION, MONITORING]);
    expect(Object.values(state.notes).every((note) => state.template.zones.find((zone) => zone.id === note.zoneId)?.whole)).toBe(true);
  }

  // Session 3's own point linked by hand; the lead's texts.
  panel = await openSummary(page, host.pageUrl());
  await linkByHand(panel, `${s3}/q1`, MONITORING);
  const introduction = panel.getByTestId('lead-introduction');
  await introduction.getByLabel('Inleiding van Samengevat').fill('Drie groepen keken terug op faseplan 2.');
  await introduction.getByRole('button', { name: 'Opslaan' }).click();
  const monitoringId = Object.values((await socket.workspace()).themes).find((theme) => theme.title === MONITORING)?.id;
  const monitoring = panel.locator(`[data-testid="theme-card"][data-theme-id="${monitoringId}"]`);
  await monitoring.getByLabel('Wat de groepen zeiden over dit thema').fill('Iedereen wil weten wat werkt.');
  await monitoring.getByTestId('theme-summary').getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await socket.workspace()).programmes[P]?.introduction).toBe('Drie groepen keken terug op faseplan 2.');
  await expect.poll(async () => Object.values((await socket.workspace()).themes).find((theme) => theme.title === MONITORING)?.summary).toBe('Iedereen wil weten wat werkt.');
  await page.screenshot({ path: shot('programme-themes-panel.png') });

  // The summary as PDF and as Word, from the harvest buttons.
  const programme = page.getByTestId('harvest-programme');
  const save = async (name: string, file: string) => {
    const downloading = page.waitForEvent('download');
    await programme.getByRole('button', { name }).click();
    await (await downloading).saveAs(shot(file));
    return shot(file);
  };
  const pdf = execFileSync('pdftotext', [await save('Samenvatting (PDF) bewaren', 'samengevat.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const word = plainText((await readWord(readFileSync(await save('Samenvatting (Word) bewaren', 'samengevat.docx')))).html);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', shot('samengevat.pdf'), shot('samengevat')]);
  for (const [what, text] of [
    ['PDF', pdf],
    ['Word', word],
  ] as const) {
    for (const title of [VISION, MONITORING]) expect(text, `${what}: ${title}`).toContain(`Thema: ${title} Genoemd door 3 groepen`);
    for (const lead of ['Drie groepen keken terug op faseplan 2.', 'Iedereen wil weten wat werkt.', 'Deel wat werkt, maak het praktisch', 'Framework maken: wat willen we weten?']) {
      expect(text, `${what}: ${lead}`).toContain(lead);
    }
    for (const [, note] of Object.values(NOTES).flat()) expect(text, `${what}: the note "${note}"`).toContain(note);
  }
  socket.close();
});
