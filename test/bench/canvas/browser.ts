import { spawnSync } from 'node:child_process';
import { type Browser, chromium, type Page } from '@playwright/test';
import { atExit } from '../support/cleanup';
import { ROOT } from '../support/paths';

const CHROMIUM = process.env.EILAND_CHROMIUM ?? '/usr/bin/chromium';
/** The brief's flags; no --disable-frame-rate-limit: frames are measured at 60 Hz, as on a beamer. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const VIEWPORT = { width: 1440, height: 900 } as const;

/** Brings dist/ up to date first, so no measurement times a build. */
export function buildApp(): void {
  const build = spawnSync(process.execPath, ['build/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('build/build.mjs failed');
}

/** Headless Debian Chromium (never a downloaded one); closed at exit even if the benchmark fails. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const forget = atExit(() => void browser.close());
  return {
    browser,
    async close() {
      await browser.close();
      forget();
    },
  };
}

export const sessionUrl = (hostUrl: string, token: string, sessionId: string) =>
  `${hostUrl}?${new URLSearchParams({ token }).toString()}#/session/${encodeURIComponent(sessionId)}`;

/** Waits until the board says its notes layer has drawn `count` notes (data-notes-drawn). */
export async function waitForNotesDrawn(page: Page, count: number, timeout = 120_000): Promise<void> {
  await page.locator(`[data-notes-drawn="${count}"]`).first().waitFor({ state: 'attached', timeout });
}

/** The board's camera, as it publishes it for tests: where the world is on the page. */
export interface BoardCamera {
  box: { x: number; y: number; width: number; height: number };
  scale: number;
  offsetX: number;
  offsetY: number;
}

export async function boardCamera(page: Page): Promise<BoardCamera> {
  const board = page.getByTestId('board');
  const box = await board.boundingBox();
  if (!box) throw new Error('the board is not on screen');
  const read = async (name: string) => Number(await board.getAttribute(name));
  return { box, scale: await read('data-scale'), offsetX: await read('data-offset-x'), offsetY: await read('data-offset-y') };
}

export const worldToPage = (camera: BoardCamera, point: { x: number; y: number }) => ({
  x: camera.box.x + camera.offsetX + point.x * camera.scale,
  y: camera.box.y + camera.offsetY + point.y * camera.scale,
});
