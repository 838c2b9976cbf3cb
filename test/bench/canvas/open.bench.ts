import type { Page } from '@playwright/test';
import { BenchClient } from '../support/bench-client';
import { startHostProcess } from '../support/host-process';
import { info, report } from '../support/report';
import { createSession } from '../support/session';
import { median } from '../support/stats';
import { buildApp, launchBrowser, VIEWPORT } from './browser';
import { addNotes, sceneNotes } from './scene';

export const names = ['canvas.open_ms'];

const NOTES = 1000;
const RUNS = 5;

/**
 * In the running app, from the sessions list: open a session with 1,000 notes until everything is
 * drawn. "Drawn" is the board's data-notes-drawn attribute reaching the number of notes: the board
 * sets it from the notes layer's own draw event, after Konva has painted every note. Timed inside
 * the page, from the navigation until that moment; the median of five opens (the first included).
 */
export async function run(): Promise<void> {
  buildApp();
  const host = await startHostProcess();
  const { browser, close } = await launchBrowser();
  const facilitator = await BenchClient.connect(host.socketUrl());
  try {
    const sessionId = 'open-1k';
    await createSession(facilitator, sessionId);
    await addNotes(host.socketUrl(), sessionId, sceneNotes(NOTES));
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${host.url}?${new URLSearchParams({ token: host.token }).toString()}#/`);
    await page.getByRole('link', { name: 'Openen' }).first().waitFor();
    const times: number[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      const ms = await timeOpen(page, sessionId);
      info(`canvas.open: run ${index + 1}: ${ms.toFixed(0)} ms`);
      times.push(ms);
      await page.evaluate(() => {
        window.location.hash = '#/';
      });
      await page.getByRole('link', { name: 'Openen' }).first().waitFor();
      await page.waitForTimeout(300);
    }
    report('canvas.open_ms', median(times), 'ms');
    await context.close();
  } finally {
    facilitator.close();
    await close();
    await host.stop();
  }
}

/** From the sessions list, opens a session of `count` notes until all are drawn (also the canvas curve's points). */
export function timeOpen(page: Page, sessionId: string, count = NOTES): Promise<number> {
  return page.evaluate(
    ({ id, count }) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const selector = `[data-notes-drawn="${count}"]`;
        const timer = setTimeout(() => reject(new Error('the session was not drawn within 60 s')), 60_000);
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-notes-drawn'] });
        window.location.hash = `#/session/${encodeURIComponent(id)}`;
      }),
    { id: sessionId, count },
  );
}
