/**
 * The canvas measurements, for any number of notes: the benchmarks in this folder call them at
 * 1,000, 5,000 and 10,000 notes, and a benchmark that draws curves can call them at any size.
 *
 *   const rig = await startCanvasRig();             // a built host process and headless Chromium
 *   try {
 *     const drag = await measureDrag(rig, 10_000);   // { p95, intervals, scene, camera }
 *     const opens = await measureOpen(rig, 10_000);  // ms of each open, the first one included
 *   } finally { await rig.stop(); }
 *
 * Each call makes its own session of `count` notes on the rig's host (through commands), so calls
 * on one rig do not disturb each other.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { SessionState } from '../../../shared/domain';
import { BenchClient } from '../support/bench-client';
import { makeTempDir } from '../support/cleanup';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { ROOT } from '../support/paths';
import { info } from '../support/report';
import { createSession } from '../support/session';
import { percentile, summary } from '../support/stats';
import { type BoardCamera, boardCamera, buildApp, launchBrowser, sessionUrl, VIEWPORT, waitForNotesDrawn, worldToPage } from './browser';
import { dragInCircle } from './drag-driver';
import { addNotes, DRAGGED, type SceneNote, sceneNotes } from './scene';

/** How far the note travels, in world units: across a good part of its side. */
const DRAG_RADIUS_WORLD = 160;

export interface CanvasRig {
  host: HostProcess;
  browser: Browser;
  stop(): Promise<void>;
}

/** Builds the app (so nothing times a build), starts the host process and Chromium. */
export async function startCanvasRig(): Promise<CanvasRig> {
  buildApp();
  const host = await startHostProcess();
  try {
    const { browser, close } = await launchBrowser();
    return {
      host,
      browser,
      async stop() {
        await close();
        await host.stop();
      },
    };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

export interface CameraBox {
  width: number;
  height: number;
  scale: number;
  x: number;
  y: number;
}

export interface DragResult {
  /** p95 of the intervals between animation frames while dragging, in ms. */
  p95: number;
  intervals: number[];
  scene: SceneNote[];
  camera: CameraBox;
}

let sessions = 0;

/** A new session on the rig's host holding `count` notes of the benchmark scene, made through commands. */
export async function sessionWithNotes(rig: CanvasRig, count: number, prefix: string): Promise<{ sessionId: string; scene: SceneNote[] }> {
  sessions += 1;
  const sessionId = `${prefix}-${count}-${sessions}`;
  const facilitator = await BenchClient.connect(rig.host.socketUrl());
  try {
    await createSession(facilitator, sessionId);
  } finally {
    facilitator.close();
  }
  const scene = sceneNotes(count);
  const made = performance.now();
  await addNotes(rig.host.socketUrl(), sessionId, scene);
  info(`canvas: ${count} notes made through commands in ${(performance.now() - made).toFixed(0)} ms`);
  return { sessionId, scene };
}

/**
 * One note dragged for 3 s on the real facilitator page (1440×900) against the rig's host holding
 * `count` notes; the intervals between animation frames from the press until the release.
 */
export async function measureDrag(rig: CanvasRig, count: number): Promise<DragResult> {
  const { sessionId, scene } = await sessionWithNotes(rig, count, 'drag');
  const context = await rig.browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
  const page = await context.newPage();
  const facilitator = await BenchClient.connect(rig.host.socketUrl());
  try {
    await page.goto(sessionUrl(rig.host.url, rig.host.token, sessionId));
    await waitForNotesDrawn(page, count);
    const camera = await settledCamera(page);
    const from = worldToPage(camera, DRAGGED);
    const intervals = await dragInCircle(page, from, DRAG_RADIUS_WORLD * camera.scale);
    info(`canvas.drag (app, ${count} notes): frames ${summary(intervals)}`);
    // The drag must have been a real one: the host holds the note where it was let go.
    if (!(await movedOnHost(facilitator, sessionId))) throw new Error('the dragged note did not move on the host: the drag did not happen');
    return {
      p95: percentile(intervals, 95),
      intervals,
      scene,
      camera: { width: camera.box.width, height: camera.box.height, scale: camera.scale, x: camera.offsetX, y: camera.offsetY },
    };
  } finally {
    facilitator.close();
    await context.close();
  }
}

/**
 * The board's camera once the page has stopped moving: on a busy machine a panel or banner may
 * still push the board aside after the notes are drawn, and a press aimed with the camera of
 * before lands beside the note (a drag that never happens).
 */
async function settledCamera(page: Page): Promise<BoardCamera> {
  let camera = await boardCamera(page);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.waitForTimeout(250);
    const next = await boardCamera(page);
    if (JSON.stringify(next) === JSON.stringify(camera)) return next;
    camera = next;
  }
  return camera;
}

async function movedOnHost(facilitator: BenchClient, sessionId: string): Promise<boolean> {
  // Patient: on a busy machine the host may take a while to answer a 10,000-note snapshot.
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

/** The same drag on bare Konva (bare-konva-page.ts) drawing `scene` under `camera`; p95 in ms. */
export async function measureBareKonva(rig: CanvasRig, scene: SceneNote[], camera: CameraBox): Promise<number> {
  const temp = makeTempDir('eiland-bench-konva-');
  try {
    const outfile = join(temp.path, 'bare-konva.js');
    await esbuild().build({ entryPoints: [join(ROOT, 'test/bench/canvas/bare-konva-page.ts')], bundle: true, format: 'iife', outfile, logLevel: 'warning', minify: true });
    const script = readFileSync(outfile, 'utf8');
    const context = await rig.browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
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

/**
 * In the running app, from the sessions list: opens a session of `count` notes `runs` times until
 * everything is drawn. "Drawn" is the board's data-notes-drawn attribute reaching `count`: the board
 * sets it from the notes layer's own draw event, after Konva has painted (or culled) every note.
 * Timed inside the page, from the navigation until that moment. Returns each open's ms, first included.
 */
export async function measureOpen(rig: CanvasRig, count: number, runs = 5): Promise<number[]> {
  const { sessionId } = await sessionWithNotes(rig, count, 'open');
  const context = await rig.browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
  const page = await context.newPage();
  try {
    await page.goto(`${rig.host.url}?${new URLSearchParams({ token: rig.host.token }).toString()}#/`);
    await page.getByRole('link', { name: 'Openen' }).first().waitFor();
    const times: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const ms = await timeOpen(page, sessionId, count);
      info(`canvas.open (${count} notes): run ${index + 1}: ${ms.toFixed(0)} ms`);
      times.push(ms);
      await page.evaluate(() => {
        window.location.hash = '#/';
      });
      await page.getByRole('link', { name: 'Openen' }).first().waitFor();
      await page.waitForTimeout(300);
    }
    return times;
  } finally {
    await context.close();
  }
}

function timeOpen(page: Page, sessionId: string, count: number): Promise<number> {
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
