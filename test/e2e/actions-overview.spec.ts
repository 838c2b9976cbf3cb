import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * The programme lead's overview of actions: every action of the programme in one table, narrowed
 * by status and owner, and saved as CSV with formula-looking text kept as text.
 */
test('the actions overview filters by status and owner and saves what it shows as CSV', async ({ page, host }) => {
  const facilitator = await HostSocket.open(host.socketUrl());
  const must = async (stream: string, command: { type: string; [field: string]: unknown }) => expect(await facilitator.command(stream, command)).toMatchObject({ t: 'ack' });
  await must('workspace', { type: 'programme.create', id: 'prog', name: 'Eilanden 2025' });
  await must('workspace', { type: 'session.create', id: 's1', programmeId: 'prog', title: 'Programmateam', group: 'Programmateam', date: '2025-03-04', templateId: 'lemniscaat-ik-wij-het' });
  await must('s1', { type: 'attention.add', id: 'ap', zoneId: 'wij', title: 'Samen handen en voeten geven aan een visie' });
  const made = [
    ['i1', 'Duo’s in de lokale context', 'Anna', 'done'],
    ['i2', 'Elk kwartaal een korte meting', '=HYPERLINK("x")', 'open'],
    ['i3', 'Bewonersavonden samen voorbereiden', 'Bram', 'dropped'],
  ] as const;
  for (const [id, text, owner, status] of made) {
    await must('s1', { type: 'ingredient.add', id, attentionPointId: 'ap', text });
    await must('workspace', { type: 'action.create', id: `a-${id}`, programmeId: 'prog', sessionId: 's1', ingredientId: id, owner });
    if (status !== 'open') await must('workspace', { type: 'action.update', id: `a-${id}`, status });
  }
  facilitator.close();

  await page.goto(host.pageUrl());
  await page.getByTestId('actions-button').click();
  const overview = page.getByTestId('actions-overview');
  const rows = overview.getByTestId('actions-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('dialog')).toContainText('Acties van Eilanden 2025');
  await page.screenshot({ path: test.info().outputPath('actions-overview.png') });

  await overview.getByTestId('actions-filter-status').selectOption('done');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'a-i1');
  await expect(rows.first()).toContainText('Gedaan');

  await overview.getByTestId('actions-filter-status').selectOption('all');
  await overview.getByTestId('actions-filter-owner').fill('hyperlink');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'a-i2');

  const download = page.waitForEvent('download');
  await page.getByTestId('actions-csv').click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  // Only what is shown, and the owner that looks like a formula stays text.
  expect(csv).toContain('Elk kwartaal een korte meting');
  expect(csv).not.toContain('Duo’s in de lokale context');
  expect(csv).not.toMatch(/(^|[,;])"?=HYPERLINK/m);
  expect(csv).toContain('HYPERLINK');
});
