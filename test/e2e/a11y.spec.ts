import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type HostHandle, test } from './fixtures';

/**
 * Accessibility of the real pages against the real host: axe-core (WCAG 2.1 A and AA rules) finds
 * no serious or critical violation on the facilitator's sessions list and open session, the
 * projector (calm and high contrast) and the phone pages; and the sessions screen works with the
 * keyboard alone. Colours the canvas draws are checked in test/unit/renderer/contrast.test.ts.
 */

const shot = (name: string) => test.info().outputPath(name);
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' } as const;

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`);
  expect(report, `${what}: axe-core violations`).toEqual([]);
  expect(result.passes.length, `${what}: axe-core ran its rules`).toBeGreaterThan(3);
}

/** The example programme, made by the host as the "Voorbeeld laden" button does. */
async function loadDemo(host: HostHandle): Promise<string[]> {
  const response = await fetch(`${host.origin}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { sessionIds: string[] }).sessionIds;
}

/** Opens a session's room on this computer (no network needed) and returns its join code. */
async function openRoom(host: HostHandle, sessionId: string): Promise<string> {
  const socket = new WebSocket(host.socketUrl());
  try {
    await new Promise((done, fail) => {
      socket.addEventListener('open', done, { once: true });
      socket.addEventListener('error', fail, { once: true });
    });
    const code = new Promise<string>((done) => {
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { t: string; joinCode?: string | null };
        if (message.t === 'room' && message.joinCode) done(message.joinCode);
      });
    });
    socket.send(JSON.stringify({ t: 'room', action: 'open', sessionId }));
    return await code;
  } finally {
    socket.close();
  }
}

test('the facilitator pages have no serious accessibility problems', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expectNoSeriousViolations(page, 'first run');

  const [sessionId] = await loadDemo(host);
  await expect(page.getByRole('list', { name: 'Alliantie van Kracht tegen Armoede' }).getByRole('listitem')).toHaveCount(3);
  await expectNoSeriousViolations(page, 'sessions list');

  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  await expect(page.getByRole('dialog', { name: 'Nieuwe sessie' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new session dialog');
  await page.keyboard.press('Escape');

  await page.goto(`${host.pageUrl()}#/session/${sessionId}`);
  await expect(page.getByTestId('board')).toBeVisible();
  await expectNoSeriousViolations(page, 'open session');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expectNoSeriousViolations(page, 'open session in English');
});

test('the projector has no serious accessibility problems, also in high contrast', async ({ page, host }) => {
  const [sessionId = ''] = await loadDemo(host);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.pageUrl('projector.html', { session: sessionId }));
  await expect(page.locator('main.projector canvas').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'projector');

  await page.goto(host.pageUrl('projector.html', { session: sessionId, contrast: 'high' }));
  await expect(page.locator('main.projector canvas').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'projector in high contrast');
  await page.screenshot({ path: shot('projector-high-contrast.png') });
});

test('the phone pages have no serious accessibility problems', async ({ browser, host }) => {
  const [sessionId = ''] = await loadDemo(host);
  const code = await openRoom(host, sessionId);
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.goto(`${host.origin}join.html?code=${code}`);
  await expect(phone.getByLabel('Code van het scherm')).toHaveValue(code);
  await expectNoSeriousViolations(phone, 'join screen');

  await phone.getByLabel('Je naam').fill('Fatima');
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
  await expect(phone.getByTestId('phase')).toBeVisible();
  await expectNoSeriousViolations(phone, 'phone in a session');
  await context.close();
});

/** Presses Tab until `name` has focus (at most `limit` times); returns the names focus passed. */
async function tabTo(page: Page, name: RegExp, limit = 40): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const label = element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent ?? '';
      // A date field's calendar button is part of the field; Chromium draws its focus ring itself.
      const ownRing = element.type === 'date' && !element.matches(':focus-visible');
      return { label: label.trim() || element.placeholder || element.tagName, outline: ownRing || (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') };
    });
    if (focused === null) continue;
    // Every stop must show where focus is: a visible outline (the :focus-visible rule in base.css).
    expect(focused.outline, `focus ring on "${focused.label}"`).toBe(true);
    passed.push(focused.label);
    if (name.test(focused.label)) return passed;
  }
  throw new Error(`Tab never reached ${name}; it passed: ${passed.join(' | ')}`);
}

test('the sessions screen works with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.pageUrl());
  await expect(page.getByTestId('welcome')).toBeVisible();

  // From the top: the language switch, then the two ways to begin.
  const passed = await tabTo(page, /Nieuwe sessie/);
  expect(passed).toEqual(expect.arrayContaining(['NL', 'EN']));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nieuwe sessie' });
  await expect(dialog.getByLabel('Titel')).toBeFocused();
  await page.keyboard.type('Terugblik met het programmateam');
  await tabTo(page, /^Programmateam$/);
  await page.keyboard.press('Space');
  await expect(dialog.getByLabel('Groep', { exact: true })).toHaveValue('Programmateam');
  // The model is a radio group: one Tab stop, arrows choose.
  await tabTo(page, /^Lemniscaat IK/);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /Creatielemniscaat/ })).toBeChecked();
  await tabTo(page, /Sessie maken/);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The new session opens; its back link is the way to the list, with the keyboard as well.
  await expect(page.getByTestId('board')).toBeVisible();
  await page.locator('body').focus();
  await tabTo(page, /Terug naar sessies/);
  await page.keyboard.press('Enter');
  const row = page.getByRole('listitem').filter({ hasText: 'Terugblik met het programmateam' });
  await expect(row).toContainText('Programmateam');

  // Every action of the row is reachable in order, and Openen opens the session.
  await page.locator('body').focus();
  const actions = await tabTo(page, /^Verwijderen$/);
  expect(actions).toEqual(expect.arrayContaining(['Terugblik met het programmateam', 'Openen', 'Naam wijzigen', 'Volgende sessie voorbereiden', 'Archiveren']));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Sessie verwijderen' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('body').focus();
  await tabTo(page, /^Openen$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/session\//);
  await expect(page.getByTestId('board')).toBeVisible();
  // The board has the focus, so its keys work at once (N, arrows, Space), without a click.
  await expect(page.getByRole('application')).toBeFocused();
});
