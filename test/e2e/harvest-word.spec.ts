import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { plainText, readWord, wordHeadings, wordTables } from '../support/word-read';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * The Word export from the harvest panels, as the programme lead uses it: the button beside the
 * PDF, a download in the browser, and a file that a real .docx reader opens, with the report's
 * headings, its lists and its tables, and every note of the sessions in it.
 */
const shot = (name: string) => test.info().outputPath(name);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function openHarvest(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByTestId('harvest-button').click();
  const panel = page.getByTestId('harvest-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('saves the session report and the programme summary as Word documents beside the PDF', async ({ page, host }) => {
  const made = await fetch(`${host.origin}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
  expect(made.status).toBe(200);
  const { sessionIds } = (await made.json()) as { sessionIds: string[] };
  const socket = await HostSocket.open(host.socketUrl());
  const sessions = await Promise.all(sessionIds.map((id) => socket.session(id)));
  const managers = sessions.find((state) => state.meta.group === 'Managers/leidinggevenden');
  if (!managers) throw new Error('the demo has a managers session');

  // A session's "Oogsten": the Word file is offered right after the PDF.
  await page.goto(`${host.pageUrl('')}#/session/${managers.meta.id}`);
  const panel = await openHarvest(page);
  const buttons = panel.getByRole('button', { name: /bewaren$/ });
  await expect(buttons.nth(0)).toHaveAccessibleName('Verslag (PDF) bewaren');
  await expect(buttons.nth(1)).toHaveAccessibleName('Verslag (Word) bewaren');
  await page.getByRole('dialog').screenshot({ path: shot('harvest-session-word.png') });
  const downloading = page.waitForEvent('download');
  await panel.getByTestId('harvest-docx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${managers.meta.title} ${managers.meta.date}.docx`);
  await download.saveAs(shot('verslag.docx'));
  await expect(panel.getByTestId('harvest-status')).toContainText(`"${managers.meta.title} ${managers.meta.date}.docx" staat bij je downloads`);
  const report = await readWord(readFileSync(shot('verslag.docx')));
  const headings = wordHeadings(report.html);
  expect(headings[0]).toBe(`H1 ${managers.meta.title}`);
  expect(headings).toContain('H1 Het model aan het eind van de sessie');
  expect(headings).toContain('H1 Bijlage: alle notities per thema');
  expect(wordTables(report.html).some((rows) => rows[0]?.header && rows[0].cells.join('|') === 'Plaats|Aandachtspunt|Stippen')).toBe(true);
  for (const note of Object.values(managers.notes)) expect(plainText(report.html)).toContain(oneLine(note.text));
  await page.keyboard.press('Escape');

  // The programme summary of all three sessions, from the sessions screen.
  await page.goto(host.pageUrl());
  const summary = (await openHarvest(page)).getByTestId('harvest-programme');
  await expect(summary.getByRole('checkbox')).toHaveCount(3);
  await expect(summary.getByRole('button', { name: 'Samenvatting (Word) bewaren' })).toBeVisible();
  await page.getByRole('dialog').screenshot({ path: shot('harvest-programme-word.png') });
  const downloadingSummary = page.waitForEvent('download');
  await summary.getByTestId('harvest-docx').click();
  const summaryFile = await downloadingSummary;
  expect(summaryFile.suggestedFilename()).toBe('Alliantie van Kracht tegen Armoede.docx');
  await summaryFile.saveAs(shot('samengevat.docx'));
  const word = await readWord(readFileSync(shot('samengevat.docx')));
  expect(word.messages).toEqual([]);
  const summaryHeadings = wordHeadings(word.html);
  expect(summaryHeadings.slice(0, 3)).toEqual(['H1 Alliantie van Kracht tegen Armoede', 'H2 Sessies in deze samenvatting', 'H1 Samengevat']);
  expect(summaryHeadings.filter((heading) => heading.startsWith('H1 Uitkomsten '))).toHaveLength(3);
  expect(word.html).toMatch(/<ul><li>/);
  const text = plainText(word.html);
  for (const state of sessions) for (const note of Object.values(state.notes)) expect(text).toContain(oneLine(note.text));
  socket.close();
});
