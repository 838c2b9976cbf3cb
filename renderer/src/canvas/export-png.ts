import type Konva from 'konva';
import type { ViewBox } from '../store';
import { WORLD_VIEW } from './geometry';

export interface ExportOptions {
  /** The part of the world to export, in world units; the whole 1600 × 1000 world by default. */
  box?: ViewBox;
  /** Pixels per world unit: 2 gives a 3200 × 2000 picture of the world, sharp in print. */
  pixelRatio?: number;
  /** Filled behind everything: the canvas itself is transparent. */
  paper?: string;
}

/**
 * A PNG of the whole world (not just what the camera shows), as a data URL. The stage is put under
 * an identity camera for the moment of drawing and put back before anything reaches the screen;
 * every layer is drawn into a fresh canvas, so the live canvas is untouched. Returns null when the
 * browser refuses (a canvas too large for this machine's memory).
 *
 * For the harvest PDF: the host's renderPdf takes `modelPicture: Buffer` (PNG or JPEG), drawn by
 * pictureModelRows (model-figure.ts) in place of the drawn model. `pngBytes(exportWorldPng(stage))` are those bytes.
 */
export function exportWorldPng(stage: Konva.Stage, options: ExportOptions = {}): string | null {
  const box = options.box ?? WORLD_VIEW;
  const pixelRatio = options.pixelRatio ?? 2;
  const saved = { x: stage.x(), y: stage.y(), scaleX: stage.scaleX(), scaleY: stage.scaleY() };
  try {
    stage.position({ x: -box.x, y: -box.y });
    stage.scale({ x: 1, y: 1 });
    const drawn = stage.toCanvas({ x: 0, y: 0, width: box.width, height: box.height, pixelRatio });
    const canvas = document.createElement('canvas');
    canvas.width = drawn.width;
    canvas.height = drawn.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    if (options.paper) {
      context.fillStyle = options.paper;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(drawn, 0, 0);
    const url = canvas.toDataURL('image/png');
    return url.startsWith('data:image/png') ? url : null;
  } catch {
    return null;
  } finally {
    stage.position({ x: saved.x, y: saved.y });
    stage.scale({ x: saved.scaleX, y: saved.scaleY });
  }
}

/** The world, grown to take in whatever lies beyond its edges (a label, a note dragged far out). */
export function exportBox(content: ViewBox): ViewBox {
  const left = Math.min(WORLD_VIEW.x, content.x);
  const top = Math.min(WORLD_VIEW.y, content.y);
  const right = Math.max(WORLD_VIEW.x + WORLD_VIEW.width, content.x + content.width);
  const bottom = Math.max(WORLD_VIEW.y + WORLD_VIEW.height, content.y + content.height);
  return { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
}

/** The bytes of a base64 data URL (what the host's PDF export takes as `modelPicture`). */
export function pngBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A file name people recognise later: the session's title and date, in plain letters. */
export function exportFileName(title: string, date: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'eiland'}-${date}.png`;
}

/** Browser mode: hands the picture to the browser as a download. */
export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
