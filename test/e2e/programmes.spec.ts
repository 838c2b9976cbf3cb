import { expect, test } from './fixtures';

const AVK = 'Alliantie van Kracht tegen Armoede';

test('programmes in sight: made in the new-session form, the list grouped under them, the summary one click away', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const made = await fetch(`${host.origin}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
  expect(made.status).toBe(200);
  await page.goto(host.pageUrl());
  const group = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(group(AVK).getByRole('listitem')).toHaveCount(3);
  await expect(group(AVK)).toContainText('3 sessies');

  // The programme field is in the form itself, not under "Meer instellingen".
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe sessie' });
  await dialog.getByLabel('Titel').fill('Buurtteams Noord');
  await expect(dialog.getByTestId('more-settings')).not.toHaveAttribute('open');
  await dialog.getByTestId('setup-programme').selectOption({ label: 'Nieuw programma…' });
  await dialog.getByTestId('setup-programme-name').fill('Buurtteams');
  await page.screenshot({ path: 'test-results/programmes-new-session.png' });
  await dialog.getByRole('button', { name: 'Sessie maken' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Buurtteams Noord' })).toBeVisible();
  await page.getByRole('link', { name: /Terug naar sessies/ }).click();

  // The newest programme first; every session under its own programme's name.
  await expect(group('Buurtteams').getByRole('listitem')).toHaveCount(1);
  await expect(group('Buurtteams')).toContainText('1 sessie');
  const order = await page.locator('.programme-group-name').allTextContents();
  expect(order).toEqual(['ProgrammaBuurtteams', `Programma${AVK}`]);
  await page.screenshot({ path: 'test-results/programmes-list.png' });

  // Searching finds sessions by their programme's name.
  await page.getByPlaceholder('Zoek op titel, groep of programma').fill('buurt');
  await expect(page.locator('[data-session-id]')).toHaveCount(1);
  await page.getByPlaceholder('Zoek op titel, groep of programma').fill('');

  // The summary has its own name, and opens on the programme it was asked for.
  await expect(page.getByTestId('harvest-button')).toHaveText(/Programmasamenvatting/);
  await group(AVK).getByRole('button', { name: `Programmasamenvatting van ${AVK}` }).click();
  const summary = page.getByRole('dialog', { name: 'Programmasamenvatting' });
  const programme = summary.getByTestId('harvest-programme');
  await expect(programme.getByRole('combobox')).toHaveValue(/.+/);
  await expect(programme.getByRole('combobox').locator('option:checked')).toHaveText(AVK);
  await expect(programme.getByRole('checkbox')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/programmes-summary.png' });
});
