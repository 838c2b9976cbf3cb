/**
 * Which notes are hidden entirely under notes painted after them, so painting them changes no
 * pixel. On a wall of 10,000 notes most of them lie under others; painting only what shows is most
 * of the cost of opening such a session. Pure (no canvas): it works on the context's transform.
 *
 * Conservative by construction, so the picture stays exactly the same: the screen is cut into
 * cells of CELL device pixels; a note marks a cell covered only when the cell lies wholly inside the
 * part of its paper that is sure to be opaque (inside the rounded corners, one pixel in from the
 * soft edge), and a note is skipped only when every cell its paint can touch (shadow and edge
 * included, one pixel out) is covered by notes above it. A note painted translucent (pending)
 * covers nothing.
 */

export interface OcclusionNote {
  x: number;
  y: number;
  /** Painted translucent: what lies under it shows through. */
  pending: boolean;
}

export interface NoteShape {
  width: number;
  height: number;
  radius: number;
  /** How far paint reaches past the paper (shadow offset, stroke), in world units, per side. */
  reach: { left: number; top: number; right: number; bottom: number };
}

/** The world-to-device transform of a 2D context without rotation (a, d scale; e, f offset). */
export interface Transform2D {
  a: number;
  d: number;
  e: number;
  f: number;
}

const CELL = 4;
/** Below this many notes the bookkeeping costs more than it can save. */
const MIN_NOTES = 64;

/**
 * Returns, for each note in painting order, whether it is covered by the ones after it; null when
 * nothing is worth checking. `device` is the canvas size in device pixels.
 */
export function coveredNotes(notes: readonly OcclusionNote[], shape: NoteShape, transform: Transform2D, device: { width: number; height: number }): Uint8Array | null {
  if (notes.length < MIN_NOTES || transform.a <= 0 || transform.d <= 0) return null;
  const columns = Math.ceil(device.width / CELL);
  const rows = Math.ceil(device.height / CELL);
  if (columns <= 0 || rows <= 0) return null;
  const covered = new Uint8Array(columns * rows);
  const skip = new Uint8Array(notes.length);
  const halfW = shape.width / 2;
  const halfH = shape.height / 2;
  // Inside a rounded rectangle: the rectangle pulled in by r·(1 − 1/√2) is clear of the corners.
  const inset = shape.radius * (1 - Math.SQRT1_2);
  const toX = (world: number) => transform.a * world + transform.e;
  const toY = (world: number) => transform.d * world + transform.f;

  for (let index = notes.length - 1; index >= 0; index -= 1) {
    const note = notes[index] as OcclusionNote;
    // Every cell this note's paint may touch, one device pixel out for antialiasing.
    const firstColumn = Math.max(0, Math.floor((toX(note.x - halfW - shape.reach.left) - 1) / CELL));
    const lastColumn = Math.min(columns - 1, Math.floor((toX(note.x + halfW + shape.reach.right) + 1) / CELL));
    const firstRow = Math.max(0, Math.floor((toY(note.y - halfH - shape.reach.top) - 1) / CELL));
    const lastRow = Math.min(rows - 1, Math.floor((toY(note.y + halfH + shape.reach.bottom) + 1) / CELL));
    let hidden = firstColumn <= lastColumn && firstRow <= lastRow;
    for (let row = firstRow; hidden && row <= lastRow; row += 1) {
      const base = row * columns;
      for (let column = firstColumn; column <= lastColumn; column += 1) {
        if (covered[base + column] === 0) {
          hidden = false;
          break;
        }
      }
    }
    if (hidden) {
      skip[index] = 1;
      continue;
    }
    if (note.pending) continue;
    // The cells wholly inside this note's sure-opaque paper, one device pixel in.
    const left = toX(note.x - halfW + inset) + 1;
    const right = toX(note.x + halfW - inset) - 1;
    const top = toY(note.y - halfH + inset) + 1;
    const bottom = toY(note.y + halfH - inset) - 1;
    const fromColumn = Math.max(0, Math.ceil(left / CELL));
    const toColumn = Math.min(columns, Math.floor(right / CELL));
    const fromRow = Math.max(0, Math.ceil(top / CELL));
    const toRow = Math.min(rows, Math.floor(bottom / CELL));
    for (let row = fromRow; row < toRow; row += 1) covered.fill(1, row * columns + fromColumn, row * columns + toColumn);
  }
  return skip;
}
