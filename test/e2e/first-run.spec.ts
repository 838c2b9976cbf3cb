import { expect, test } from './fixtures';

/** Screenshots go to this test's own output folder (test-results/…, or wherever --output points). */
const shot = (name: string) => test.info().outputPath(name);

test('an empty Eiland explains itself and loads the example programme', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { name: 'Welkom bij Eiland' })).toBeVisible();
  await expect(welcome).toContainText('Met Eiland kijk je met een groep terug');
  const steps = welcome.getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.getByRole('heading')).toHaveText(['Voorbereiden', 'Samen invullen', 'Oogsten']);
  await expect(welcome.getByRole('button', { name: 'Nieuwe sessie' })).toBeVisible();
  // Everything on one screen: all of it visible without scrolling in the app's window on a small laptop.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByRole('region', { name: 'Sessies' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: shot('first-run-nl.png') });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(welcome.getByRole('heading', { name: 'Welcome to Eiland' })).toBeVisible();
  await expect(steps.getByRole('heading')).toHaveText(['Prepare', 'Fill in together', 'Harvest']);
  await page.screenshot({ path: shot('first-run-en.png') });
  await page.getByRole('button', { name: 'NL', exact: true }).click();

  await welcome.getByRole('button', { name: 'Voorbeeld laden' }).click();
  await expect(page.getByText('Het voorbeeld staat klaar.')).toBeVisible();
  await expect(welcome).toBeHidden();
  const list = page.getByRole('list', { name: 'Alliantie van Kracht tegen Armoede' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Programmateam');
  await page.screenshot({ path: shot('first-run-demo-loaded.png') });

  // Reloading shows the list, not the welcome: the example was stored by the host.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Alliantie van Kracht tegen Armoede' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('the example says so plainly when the host refuses it', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  // Answer the demo request as a host that failed would; the page must not hang or pretend.
  await page.route('**/api/demo', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"code":"internal"}' }));
  await page.getByRole('button', { name: 'Voorbeeld laden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Het voorbeeld laden lukte niet. Probeer het nog eens.');
  await expect(page.getByRole('button', { name: 'Voorbeeld laden' })).toBeEnabled();
});
