import type { Id, Note } from '../../../shared/domain';
import { NOTE, NOTE_TEXT, noteTextBox, paperTint } from './geometry';
import { coveredNotes, type NoteShape } from './occlusion';
import { canvasMeasure, type FittedText, fitText } from './text-fit';
import { fontGeneration } from './font-generation';
import { type CanvasTheme, FONT_STACK } from './theme';

export { NOTE_TEXT, noteTextBox };

/**
 * Paints notes straight onto a 2D context: one Konva shape draws all of them, so a board of 5,000
 * notes is one node, not 15,000, and nothing is measured twice. Positions are world units; the
 * context already carries the camera.
 */

/** What the painter needs of a note, worked out once per change of the note, not once per frame. */
export interface PaintNote {
  id: Id;
  x: number;
  y: number;
  text: string;
  /** The paper: the note's own colour or its side's, as a pale tint. */
  paper: string;
  /** The band on top: always its side's colour, so the side stays visible after a recolour. */
  band: string;
  hidden: boolean;
  pending: boolean;
}

const measure = canvasMeasure(FONT_STACK);
const fitted = new Map<string, FittedText>();

/** The note's words fitted to its paper; remembered per text, since notes never change size. */
export function fitNoteText(text: string, band: number): FittedText {
  const key = `${fontGeneration()}|${band}|${text}`;
  const known = fitted.get(key);
  if (known) return known;
  const result = fitText(text, noteTextBox(band), measure, NOTE_TEXT);
  if (fitted.size > 30_000) fitted.clear();
  fitted.set(key, result);
  return result;
}

const paperCache = new Map<string, string>();
const paperOf = (color: string, strength: number) => {
  const key = `${color}|${strength}`;
  let paper = paperCache.get(key);
  if (!paper) {
    paper = paperTint(color, strength);
    paperCache.set(key, paper);
  }
  return paper;
};

/** Turns notes into what the painter draws, in drawing order (oldest first, so new notes lie on top). */
export function paintNotesOf(notes: readonly Note[], zoneColors: ReadonlyMap<Id, string>, theme: CanvasTheme): PaintNote[] {
  return notes.map((note) => {
    const zoneColor = zoneColors.get(note.zoneId) ?? '#999999';
    return {
      id: note.id,
      x: note.x,
      y: note.y,
      text: note.text,
      paper: note.text === '' ? theme.hiddenNote : paperOf(note.color ?? zoneColor, theme.noteTint),
      band: zoneColor,
      hidden: note.text === '',
      pending: note.pending === true,
    };
  });
}

/** The world box the context can show: notes wholly outside it are skipped. */
export function visibleWorld(ctx: CanvasRenderingContext2D): { left: number; top: number; right: number; bottom: number } {
  const inverse = ctx.getTransform().inverse();
  const a = inverse.transformPoint({ x: 0, y: 0 });
  const b = inverse.transformPoint({ x: ctx.canvas.width, y: ctx.canvas.height });
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
}

/** A note's outline for the occlusion test: how far its shadow and edge reach past the paper. */
function noteShape(theme: CanvasTheme): NoteShape {
  const edge = theme.noteEdge ? 1 : 0;
  const shadow = theme.noteShadow ? { x: 1.5, y: 4 } : { x: 0, y: 0 };
  return { width: NOTE.width, height: NOTE.height, radius: NOTE_TEXT.radius, reach: { left: edge, top: edge, right: Math.max(edge, shadow.x), bottom: Math.max(edge, shadow.y) } };
}

/**
 * Paints the notes (except `skip`) that can show: those in view and not wholly under notes painted
 * after them (occlusion.ts). Returns how many it painted.
 */
export function paintNotes(ctx: CanvasRenderingContext2D, notes: readonly PaintNote[], theme: CanvasTheme, skip?: ReadonlySet<Id>): number {
  const view = visibleWorld(ctx);
  const halfW = NOTE.width / 2;
  const halfH = NOTE.height / 2;
  const inView = notes.filter(
    (note) => !skip?.has(note.id) && !(note.x + halfW < view.left || note.x - halfW > view.right || note.y + halfH < view.top || note.y - halfH > view.bottom),
  );
  const { a, d, e, f } = ctx.getTransform();
  const covered = coveredNotes(inView, noteShape(theme), { a, d, e, f }, { width: ctx.canvas.width, height: ctx.canvas.height });
  let painted = 0;
  let font = '';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let index = 0; index < inView.length; index += 1) {
    if (covered?.[index] === 1) continue;
    font = paintNote(ctx, inView[index] as PaintNote, theme, font);
    painted += 1;
  }
  return painted;
}

/** One note: shadow, paper, band, edge and words. Returns the font left set on the context. */
function paintNote(ctx: CanvasRenderingContext2D, note: PaintNote, theme: CanvasTheme, currentFont: string): string {
  const left = note.x - NOTE.width / 2;
  const top = note.y - NOTE.height / 2;
  const { radius } = NOTE_TEXT;
  if (theme.noteShadow && !note.pending) {
    ctx.fillStyle = theme.noteShadow;
    ctx.beginPath();
    ctx.roundRect(left + 1.5, top + 4, NOTE.width, NOTE.height, radius);
    ctx.fill();
  }
  ctx.globalAlpha = note.pending ? 0.6 : 1;
  ctx.fillStyle = note.paper;
  ctx.beginPath();
  ctx.roundRect(left, top, NOTE.width, NOTE.height, radius);
  ctx.fill();
  if (theme.noteEdge) {
    ctx.strokeStyle = theme.noteEdge;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.fillStyle = note.band;
  ctx.beginPath();
  ctx.roundRect(left, top, NOTE.width, theme.noteBand, [radius, radius, 0, 0]);
  ctx.fill();
  let font = currentFont;
  if (!note.hidden) {
    const text = fitNoteText(note.text, theme.noteBand);
    const wanted = `${text.size}px ${FONT_STACK}`;
    if (wanted !== font) {
      ctx.font = wanted;
      font = wanted;
    }
    ctx.fillStyle = theme.ink;
    const lineHeight = text.size * NOTE_TEXT.lineHeight;
    const inner = NOTE.height - theme.noteBand;
    const blockTop = top + theme.noteBand + (inner - lineHeight * text.lines.length) / 2;
    for (let index = 0; index < text.lines.length; index += 1) {
      ctx.fillText(text.lines[index] as string, left + NOTE.padding, blockTop + lineHeight * (index + 0.5));
    }
  }
  ctx.globalAlpha = 1;
  return font;
}
