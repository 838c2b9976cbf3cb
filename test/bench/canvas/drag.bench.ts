import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { SessionState } from '../../../shared/domain';
import { BenchClient } from '../support/bench-client';
import { makeTempDir } from '../support/cleanup';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { ROOT } from '../support/paths';
import { info, report } from '../support/report';
import { createSession } from '../support/session';
import { percentile, summary } from '../support/stats';
import { boardCamera, buildApp, launchBrowser, sessionUrl, VIEWPORT, waitForNotesDrawn, worldToPage } from './browser';
import { dragInCircle } from './drag-driver';
import { addNotes, DRAGGED, type SceneNote, sceneNotes } from './scene';

export const names = ['canvas.drag_frame_p95_ms', 'canvas.drag_frame_p95_ms_5k', 'canvas.drag_vs_konva'];

/** How far the note travels, in world units: across a good part of its side. */
const DRAG_RADIUS_WORLD = 160;

/**
 * One note dragged for 3 s on the real facilitator page, against a real host holding 1,000 (then
 * 5,000) notes made through commands; p95 of the intervals between animation frames. The same
 * drag on bare Konva drawing the same scene, in the same browser and run, gives the ratio.
 */
export async function run(): Promise<void> {
  buildApp();
  const host = await startHostProcess();
  const { browser, close } = await launchBrowser();
  try {
    const app1k = await dragInApp(browser, host, 1000);
    const bare1k = await dragInBareKonva(browser, app1k.scene, app1k.camera);
    const app5k = await dragInApp(browser, host, 5000);
    report('canvas.drag_frame_p95_ms', app1k.p95, 'ms');
    report('canvas.drag_frame_p95_ms_5k', app5k.p95, 'ms');
    report('canvas.drag_vs_konva', app1k.p95 / bare1k, 'ratio', bare1k);
  } finally {
    await close();
    await host.stop();
  }
}

interface AppDrag {
  p95: number;
  scene: SceneNote[];
  camera: { width: number; height: number; scale: number; x: number; y: number };
}

/** One note dragged on the app with `count` notes on the board (also the canvas curve's points, curves/canvas.bench.ts). */
export async function dragInApp(browser: Browser, host: HostProcess, count: number): Promise<AppDrag> {
  const sessionId = `drag-${count}`;
  const facilitator = await BenchClient.connect(host.socketUrl());
  const scene = sceneNotes(count);
  await createSession(facilitator, sessionId);
  const made = performance.now();
  await addNotes(host.socketUrl(), sessionId, scene);
  info(`canvas.drag: ${count} notes made through commands in ${(performance.now() - made).toFixed(0)} ms`);

  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
  const page = await context.newPage();
  try {
    await page.goto(sessionUrl(host.url, host.token, sessionId));
    await waitForNotesDrawn(page, count);
    await page.waitForTimeout(500);
    const camera = await boardCamera(page);
    const from = worldToPage(camera, DRAGGED);
    const intervals = await dragInCircle(page, from, DRAG_RADIUS_WORLD * camera.scale);
    const p95 = percentile(intervals, 95);
    info(`canvas.drag (app, ${count} notes): frames ${summary(intervals)}`);

    // The drag must have been a real one: the host holds the note where it was let go.
    const moved = await movedOnHost(facilitator, sessionId);
    if (!moved) throw new Error('the dragged note did not move on the host: the drag did not happen');
    return { p95, scene, camera: { width: camera.box.width, height: camera.box.height, scale: camera.scale, x: camera.offsetX, y: camera.offsetY } };
  } finally {
    await context.close();
    facilitator.close();
  }
}

async function movedOnHost(facilitator: BenchClient, sessionId: string): Promise<boolean> {
  // Patient: on a busy machine the host may take a while to answer a 5,000-note snapshot.
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const snapshot = await facilitator.subscribe(sessionId);
    facilitator.send({ t: 'unsubscribe', stream: sessionId });
    const note = snapshot.t === 'snapshot' ? (snapshot.state as SessionState).notes[DRAGGED.id] : undefined;
    if (note && (note.x !== DRAGGED.x || note.y !== DRAGGED.y)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * esbuild, loaded from the project's node_modules at run time: the runner bundles this file, and
 * esbuild cannot be bundled into itself.
 */
function esbuild(): typeof import('esbuild') {
  return createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
}

/** Bundles the bare Konva page (Konva inlined) and drags its note exactly as on the app. */
async function dragInBareKonva(browser: Browser, scene: SceneNote[], camera: AppDrag['camera']): Promise<number> {
  const temp = makeTempDir('eiland-bench-konva-');
  try {
    const outfile = join(temp.path, 'bare-konva.js');
    await esbuild().build({ entryPoints: [join(ROOT, 'test/bench/canvas/bare-konva-page.ts')], bundle: true, format: 'iife', outfile, logLevel: 'warning', minify: true });
    const script = readFileSync(outfile, 'utf8');
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
    const page = await context.newPage();
    try {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#FBF8F2"><div id="stage"></div></body></html>`);
      await page.addScriptTag({ content: script });
      await page.evaluate((input) => (window as unknown as { buildBareScene(scene: unknown): void }).buildBareScene(input), { notes: scene, ...camera });
      await page.waitForTimeout(500);
      const from = { x: camera.x + DRAGGED.x * camera.scale, y: camera.y + DRAGGED.y * camera.scale };
      const intervals = await dragInCircle(page, from, DRAG_RADIUS_WORLD * camera.scale);
      info(`canvas.drag (bare Konva, ${scene.length} notes): frames ${summary(intervals)}`);
      const moved = await page.evaluate(() => {
        const stage = (window as unknown as { Konva?: { stages: { findOne(selector: string): { x(): number } | undefined }[] } }).Konva?.stages[0];
        return stage?.findOne('#dragged')?.x();
      });
      if (moved === DRAGGED.x) throw new Error('the bare Konva note did not move: the drag did not happen');
      return percentile(intervals, 95);
    } finally {
      await context.close();
    }
  } finally {
    temp.remove();
  }
}
