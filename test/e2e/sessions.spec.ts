import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { expect, test } from './fixtures';

test('a session created in the list survives a restart of the host', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  await expect(page.getByRole('heading', { name: 'Sessies' })).toBeVisible();
  await expect(page.getByText('Je hebt nog geen sessies.')).toBeVisible();
  await page.screenshot({ path: 'test-results/sessions-empty.png' });

  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe sessie' });
  await expect(dialog.getByLabel('Titel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  await dialog.getByLabel('Titel').fill('Eiland van reflectie programmateam');
  await dialog.getByRole('button', { name: 'Programmateam' }).click();
  await dialog.getByLabel('Datum').fill('2025-06-02');
  await dialog.getByText('Creatielemniscaat').click();
  // Each model shows a small picture of itself, drawn from its own zones in their own colours.
  const thumbnails = dialog.locator('.model-option svg.model-thumbnail');
  await expect(thumbnails).toHaveCount(BUILT_IN_TEMPLATES.length);
  const drawn = await thumbnails.evaluateAll((svgs) => svgs.map((svg) => [...svg.querySelectorAll('ellipse')].map((ellipse) => ellipse.getAttribute('fill'))));
  expect(drawn).toEqual(BUILT_IN_TEMPLATES.map((template) => template.zones.map((zone) => zone.color)));
  for (const box of await thumbnails.evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width))) expect(box).toBeGreaterThan(60);
  await page.screenshot({ path: 'test-results/sessions-new-dialog.png' });
  await dialog.locator('.model-choice').screenshot({ path: 'test-results/sessions-model-thumbnails.png' });
  await dialog.getByRole('button', { name: 'Sessie maken' }).click();
  await expect(dialog).toBeHidden();
  // Making a session opens it: the next thing anyone does with a new session is work in it.
  await expect(page).toHaveURL(/#\/session\//);
  await expect(page.getByRole('heading', { name: 'Eiland van reflectie programmateam' })).toBeVisible();
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(page.getByText('Deze sessie bestaat niet meer.')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/sessions-created-opens-board.png' });
  await page.getByRole('link', { name: /Terug naar sessies/ }).click();

  const row = page.getByRole('listitem').filter({ hasText: 'Eiland van reflectie programmateam' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Programmateam');
  await expect(row).toContainText('2 juni 2025');
  await page.screenshot({ path: 'test-results/sessions-list.png' });

  await host.restart();
  await page.goto(host.pageUrl());
  await expect(page.getByRole('listitem').filter({ hasText: 'Eiland van reflectie programmateam' })).toBeVisible();
});

test('the list renames, prepares a next session, archives, searches and deletes', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  const create = async (title: string, group: string) => {
    await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titel').fill(title);
    await dialog.getByLabel('Groep', { exact: true }).fill(group);
    await dialog.getByRole('button', { name: 'Sessie maken' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await page.getByRole('link', { name: /Terug naar sessies/ }).click();
  };
  await create('Voorjaar', 'Stuurgroep');
  await create('Najaar', 'Managers/leidinggevenden');
  const row = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

  await row('Voorjaar').getByRole('button', { name: 'Naam wijzigen' }).click();
  await page.getByRole('dialog').getByLabel('Nieuwe titel').fill('Voorjaar 2025');
  await page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click();
  await expect(row('Voorjaar 2025')).toBeVisible();

  await row('Voorjaar 2025').getByRole('button', { name: 'Volgende sessie voorbereiden' }).click();
  const duplicate = page.getByRole('dialog', { name: 'Volgende sessie voorbereiden' });
  await expect(duplicate.getByLabel('Titel')).toHaveValue('Voorjaar 2025 (vervolg)');
  await duplicate.getByRole('button', { name: 'Voorbereiden' }).click();
  await expect(row('Voorjaar 2025 (vervolg)')).toBeVisible();

  await page.getByPlaceholder('Zoek op titel, groep of programma').fill('managers');
  await expect(page.getByRole('list', { name: 'Sessies' }).getByRole('listitem')).toHaveCount(1);
  await expect(row('Najaar')).toBeVisible();
  await page.getByPlaceholder('Zoek op titel, groep of programma').fill('bestaat niet');
  await expect(page.getByText('Geen sessie gevonden voor "bestaat niet".')).toBeVisible();
  await page.getByPlaceholder('Zoek op titel, groep of programma').fill('');

  await row('Najaar').getByRole('button', { name: 'Archiveren' }).click();
  await expect(page.getByRole('list', { name: 'Sessies' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Toon archief (1)' }).click();
  await expect(row('Najaar')).toContainText('Archief');

  await row('Voorjaar 2025').getByRole('button', { name: 'Verwijderen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sessie verwijderen' });
  const submit = confirm.getByRole('button', { name: 'Definitief verwijderen' });
  await expect(submit).toBeDisabled();
  await confirm.getByRole('textbox').fill('Voorjaar');
  await expect(submit).toBeDisabled();
  await confirm.getByRole('textbox').fill('Voorjaar 2025');
  await page.screenshot({ path: 'test-results/sessions-delete-dialog.png' });
  await submit.click();
  await expect(row('Voorjaar 2025')).toHaveCount(0);
  await expect(row('Voorjaar 2025 (vervolg)')).toBeVisible();
});

test('the language switch shows English and is remembered', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  await expect(page.getByRole('heading', { name: 'Sessies' })).toBeVisible();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New session' })).toBeVisible();
  await expect(page.getByText('You have no sessions yet.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'test-results/sessions-english.png' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'New session' })).toBeVisible();
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Nieuwe sessie' })).toBeVisible();
});
