import { hostHas, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

// In the cluster phase of a side the flow panel proposes groups of loose notes that share a word
// (shared/text/suggest-groups.ts); each is made a cluster in one command, made with another title,
// or skipped, and the host holds exactly what was chosen.

const LEMNISCATE = 'lemniscaat-ik-wij-het';
const HET: [string, string][] = [
  ['n1', 'Bestaande interventies inventariseren bij betrokken organisaties'],
  ['n2', 'Framework voor monitoring maken: wat willen we weten?'],
  ['n3', 'In kaart brengen omvang generatiearmoede'],
  ['n4', 'Terugkoppeling van de monitoring naar AVK partners'],
  ['n5', 'Onderzoek naar armoede bij jongeren'],
  ['n6', 'Interventies die werken delen met elkaar'],
  ['n7', 'Lerend evalueren in een vast ritme'],
  ['n8', 'Wat is effectiviteit? Monitoren op de doelen'],
  ['n9', 'Koffie bij de start'],
  ['n10', 'Per partner een aanspreekpunt'],
];
const NOTES = [
  ...HET.map(([id, text], index) => ({ id, zoneId: 'het', text, x: 860 + (index % 4) * 190, y: 290 + Math.floor(index / 4) * 150 })),
  // Another side's note on the same subject: never part of the HET side's suggestions.
  { id: 'w1', zoneId: 'wij', text: 'Monitoring samen bespreken', x: 380, y: 430 },
];
const shot = (name: string) => test.info().outputPath(name);

test('the cluster phase proposes groups; accept, edit and skip each do exactly that', async ({ page, host }) => {
  const socket = await sessionWith(host, 'groepen', LEMNISCATE, NOTES);
  await openBoard(page, host, 'groepen', NOTES.length);
  await socket.command('groepen', { type: 'phase.set', phaseId: 'clustering-het' });
  const panel = page.getByTestId('group-suggestions');
  await expect(panel.getByRole('heading', { name: 'Voorstellen voor groepen' })).toBeVisible();
  const items = panel.getByTestId('group-suggestion');
  const titles = () => items.getByTestId('suggestion-title').allTextContents();
  await expect.poll(titles).toEqual(['Monitoring', 'Armoede', 'Interventies']);
  const monitoring = items.filter({ hasText: 'Monitoring' });
  await expect(monitoring.getByTestId('suggestion-note')).toHaveText([HET[1]?.[1] ?? '', HET[3]?.[1] ?? '', HET[7]?.[1] ?? '']);
  await expect(panel).not.toContainText('Monitoring samen bespreken');
  await page.screenshot({ path: shot('suggest-0-proposed.png') });
  await page.getByTestId('flow-panel').screenshot({ path: shot('suggest-0-panel.png') });

  // Accept: one cluster of exactly those notes, under the proposed title, as one undo step.
  await monitoring.getByRole('button', { name: 'Maak groep “Monitoring”' }).click();
  const clusters = (state: Awaited<ReturnType<typeof socket.session>>) =>
    Object.values(state.clusters)
      .map((cluster) => ({
        title: cluster.title,
        zoneId: cluster.zoneId,
        notes: Object.values(state.notes)
          .filter((note) => note.clusterId === cluster.id)
          .map((note) => note.id)
          .sort(),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  await hostHas(socket, 'groepen', clusters, [{ title: 'Monitoring', zoneId: 'het', notes: ['n2', 'n4', 'n8'] }]);
  await expect.poll(titles).toEqual(['Armoede', 'Interventies']);
  await page.screenshot({ path: shot('suggest-1-accepted.png') });
  await page.locator('.board-actions [data-action="undo"]').click();
  await hostHas(socket, 'groepen', clusters, []);
  await expect.poll(titles).toEqual(['Monitoring', 'Armoede', 'Interventies']);
  await page.locator('.board-actions [data-action="redo"]').click();
  await hostHas(socket, 'groepen', clusters, [{ title: 'Monitoring', zoneId: 'het', notes: ['n2', 'n4', 'n8'] }]);

  // Edit: the group is made with the title typed first.
  const armoede = items.filter({ hasText: 'Armoede' });
  await armoede.getByRole('button', { name: 'Andere titel' }).click();
  const field = armoede.getByRole('textbox', { name: 'Titel voor de groep' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Armoede');
  await field.fill('Armoede in kaart');
  await page.screenshot({ path: shot('suggest-2-editing.png') });
  await field.press('Enter');
  await hostHas(socket, 'groepen', clusters, [
    { title: 'Armoede in kaart', zoneId: 'het', notes: ['n3', 'n5'] },
    { title: 'Monitoring', zoneId: 'het', notes: ['n2', 'n4', 'n8'] },
  ]);

  // Skip, with the keyboard: only that suggestion goes, the host is unchanged, and it stays
  // skipped after a reload of the window.
  await expect.poll(titles).toEqual(['Interventies']);
  const before = await socket.session('groepen');
  await items.filter({ hasText: 'Interventies' }).getByRole('button', { name: 'Voorstel “Interventies” overslaan' }).focus();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(0);
  await expect(panel).toContainText('Je hebt alle voorstellen overgeslagen.');
  await expect(panel.getByTestId('suggest-undismiss')).toBeVisible();
  const after = await socket.session('groepen');
  expect(after.clusters).toEqual(before.clusters);
  expect(after.notes).toEqual(before.notes);
  await page.screenshot({ path: shot('suggest-3-skipped.png') });
  await page.reload();
  await expect(page.getByTestId('flow-panel')).toHaveAttribute('data-kind', 'clustering');
  await expect(panel.getByTestId('suggest-undismiss')).toBeVisible();
  await expect(items).toHaveCount(0);
  await panel.getByTestId('suggest-undismiss').click();
  await expect.poll(titles).toEqual(['Interventies']);
  socket.close();
});
