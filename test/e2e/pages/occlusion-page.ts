/**
 * A page for canvas-occlusion.spec.ts: paints the same crowded wall of notes twice with the app's
 * own note painter, once as the app does (notes wholly under others skipped, occlusion.ts) and once
 * note by note (nothing skipped), and reports how many pixels differ and how many notes were painted.
 */
import { type PaintNote, paintNotes } from '../../../renderer/src/canvas/note-painter';
import { CALM_THEME, CONTRAST_THEME } from '../../../renderer/src/canvas/theme';

interface Wall {
  count: number;
  scale: number;
  pixelRatio: number;
  contrast: boolean;
  seed: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAPERS = ['#E6F2FB', '#FBEFD9', '#DDF1EA'];
const BANDS = ['#5AB0E8', '#E8A317', '#1B9E77'];

function notesOf(wall: Wall): PaintNote[] {
  const next = random(wall.seed);
  return Array.from({ length: wall.count }, (_, index) => {
    const side = index % 3;
    // Three crowded heaps, as on a lemniscate holding thousands of notes; some pending, some hidden.
    const angle = next() * Math.PI * 2;
    const radius = Math.sqrt(next()) * 380;
    const hidden = next() < 0.03;
    return {
      id: `n${index}`,
      x: 500 + side * 700 + Math.cos(angle) * radius,
      y: 500 + Math.sin(angle) * radius * 0.7,
      text: hidden ? '' : `Notitie ${index} met wat woorden erop`,
      paper: hidden ? '#E4DED4' : (PAPERS[side] as string),
      band: BANDS[side] as string,
      hidden,
      pending: next() < 0.02,
    };
  });
}

function canvasFor(wall: Wall): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(1200 * wall.pixelRatio);
  canvas.height = Math.round(700 * wall.pixelRatio);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  ctx.setTransform(wall.scale * wall.pixelRatio, 0, 0, wall.scale * wall.pixelRatio, 13.4 * wall.pixelRatio, 7.7 * wall.pixelRatio);
  return { canvas, ctx };
}

function compare(wall: Wall): { differing: number; painted: number; total: number } {
  const notes = notesOf(wall);
  const theme = wall.contrast ? CONTRAST_THEME : CALM_THEME;
  const app = canvasFor(wall);
  const painted = paintNotes(app.ctx, notes, theme);
  const reference = canvasFor(wall);
  for (const note of notes) paintNotes(reference.ctx, [note], theme);
  const a = app.ctx.getImageData(0, 0, app.canvas.width, app.canvas.height).data;
  const b = reference.ctx.getImageData(0, 0, reference.canvas.width, reference.canvas.height).data;
  let differing = 0;
  for (let index = 0; index < a.length; index += 4) {
    if (a[index] !== b[index] || a[index + 1] !== b[index + 1] || a[index + 2] !== b[index + 2] || a[index + 3] !== b[index + 3]) differing += 1;
  }
  return { differing, painted, total: notes.length };
}

(window as unknown as { compareWall: typeof compare }).compareWall = compare;
