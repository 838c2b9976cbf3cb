import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real UI in Chromium against the real host, started per test as a child
 * process (see test/e2e/fixtures.ts). Playwright never downloads a browser here: it drives the
 * system Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH on other machines).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'nl-NL',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
