import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { type Browser, chromium, type Page } from '@playwright/test';
import { atExit, makeTempDir, signalGroup, sleep } from '../support/cleanup';
import { ROOT } from '../support/paths';
import { info, report } from '../support/report';
import { median } from '../support/stats';

export const names = ['start.web_ready_ms'];

const RUNS = 5;
const CHROMIUM = process.env.EILAND_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * `npm run web` started until the facilitator page is interactive. The browser is already running
 * (its start-up is not Eiland's), the build is up to date (a build is not a start), and each run
 * gets a fresh data folder and a fresh browser context (no cache), as on a first start.
 */
export async function run(): Promise<void> {
  // web.mjs rebuilds what is stale; do that now so no run times a build.
  const build = spawnSync(process.execPath, ['build/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('build/build.mjs failed');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const closeBrowser = atExit(() => void browser.close());
  try {
    const times: number[] = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      const { ms, addressMs, readyBy } = await timeOneStart(browser);
      info(`start.web_ready: run ${runIndex + 1}: ${ms.toFixed(0)} ms (address printed after ${addressMs.toFixed(0)} ms; ready by ${readyBy})`);
      times.push(ms);
    }
    report('start.web_ready_ms', median(times), 'ms');
  } finally {
    await browser.close();
    closeBrowser();
  }
}

async function timeOneStart(browser: Browser): Promise<{ ms: number; addressMs: number; readyBy: string }> {
  const data = makeTempDir('eiland-bench-web-');
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = performance.now();
  // Its own process group: npm → sh → node build/web.mjs (the host); all of it goes at the end.
  const child = spawn('npm', ['run', 'web', '--', '--port', '0', '--data', data.path], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forgetKill = atExit(() => signalGroup(child.pid as number, 'SIGKILL'));
  try {
    const url = await facilitatorUrl(child);
    const addressMs = performance.now() - start;
    await page.goto(url, { waitUntil: 'commit' });
    const readyBy = await retryOnNavigation(() => waitUntilInteractive(page));
    return { ms: performance.now() - start, addressMs, readyBy };
  } finally {
    await context.close();
    await stopGroup(child);
    forgetKill();
    data.remove();
  }
}

/** The line `Eiland draait op http://127.0.0.1:PORT/?token=…` that the host prints when it listens. */
function facilitatorUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('`npm run web` printed no address within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`\`npm run web\` exited (${code}) before printing its address`)));
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => info(`  web: ${line}`));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /Eiland draait op (\S+)/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });
}

/**
 * Interactive: the document has loaded and the "Nieuwe sessie" button is visible and enabled, or
 * the app has marked itself ready with data-ready="true", whichever comes first. Watched with a
 * MutationObserver inside the page, so the moment is not rounded up to a polling interval.
 */
async function waitUntilInteractive(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const check = (): string | null => {
          if (document.readyState !== 'complete') return null;
          if (document.querySelector('[data-ready="true"]')) return 'data-ready';
          for (const element of document.querySelectorAll<HTMLElement>('button, [role="button"]')) {
            const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
            if (!/Nieuwe sessie/.test(label)) continue;
            const disabled = (element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true';
            const visible = element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
            if (visible && !disabled) return 'button "Nieuwe sessie"';
          }
          return null;
        };
        const timer = setTimeout(() => reject(new Error('the page did not become interactive within 30 s')), 30_000);
        const finish = () => {
          const by = check();
          if (by === null) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(by);
        };
        const observer = new MutationObserver(finish);
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        document.addEventListener('readystatechange', finish);
        window.addEventListener('load', finish);
        finish();
      }),
  );
}

/** If the page navigates itself (say, to drop the token from the address), watch the new page. */
async function retryOnNavigation<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 3 || !/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

/** SIGTERM to the whole group (the host closes its database), SIGKILL for whatever is left. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid as number;
  signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < 5_000 && signalGroup(pid, 0); waited += 50) await sleep(50);
  signalGroup(pid, 'SIGKILL');
}
