import { CONTENT_BOTTOM, LANDSCAPE, type Orientation, PAGE, type PdfSurface } from './pdf-surface';

/**
 * The unit of pagination: something that is drawn whole on one page — one line of text, a
 * drawing, a table row. Rows are never split, so no text is ever cut at a page break; rows that
 * belong together (a heading and what follows, the lines of a short paragraph) are chained with
 * `keep` and moved to the next page together when they do not fit.
 */
export interface Row {
  height: number;
  /** Space above the row; dropped at the top of a page. */
  gap: number;
  /** Stays on the same page as the row before it. */
  keep: boolean;
  /** Starts a new page unless the current page is still empty. */
  newPage?: boolean;
  /** Goes on a landscape page (the model's figure, with its heading and caption); a row without goes on a portrait page. */
  landscape?: boolean;
  draw(surface: PdfSurface, y: number): void;
}

const PROGRESS_EVERY = 64;
const bottomOf = (orientation: Orientation) => (orientation === 'landscape' ? LANDSCAPE.contentBottom : CONTENT_BOTTOM);

/** Rows joined by `keep` into the groups that must share a page when they can. */
function chains(rows: readonly Row[]): Row[][] {
  const groups: Row[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    // A row for a page of the other orientation never joins the chain before it.
    if (last && row.keep && !row.newPage && (row.landscape === true) === (last[0]?.landscape === true)) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

const heightOf = (group: readonly Row[], atTop: boolean) =>
  group.reduce((sum, row, index) => sum + row.height + (index === 0 && atTop ? 0 : row.gap), 0);

export interface Placement {
  page: number;
  y: number;
  row: Row;
  orientation: Orientation;
}

/**
 * Lays the rows out over pages and draws them. A group that does not fit in what is left of the
 * page goes to the next page whole; only a group taller than a whole page is broken, between rows.
 * Returns where each row went (the tests check that nothing crosses the bottom margin).
 */
export function paginate(surface: PdfSurface, rows: readonly Row[], onRows?: (done: number, total: number) => void): Placement[] {
  const placements: Placement[] = [];
  let page = 0;
  let y = PAGE.top;
  let empty = true;
  // The first page exists already, and it is portrait.
  let orientation: Orientation = 'portrait';
  const newPage = (turn: Orientation = orientation) => {
    surface.addPage(turn);
    orientation = turn;
    page += 1;
    y = PAGE.top;
    empty = true;
  };
  for (const group of chains(rows)) {
    const wanted: Orientation = group[0]?.landscape ? 'landscape' : 'portrait';
    if (wanted !== orientation) newPage(wanted);
    else if (group[0]?.newPage && !empty) newPage();
    const bottom = bottomOf(orientation);
    const needed = heightOf(group, empty);
    if (!empty && y + needed > bottom && heightOf(group, true) <= bottom - PAGE.top) newPage();
    for (const row of group) {
      if (!empty && y + row.gap + row.height > bottom) newPage();
      if (!empty) y += row.gap;
      row.draw(surface, y);
      placements.push({ page, y, row, orientation });
      y += row.height;
      empty = false;
      // Drawing is most of a big report's time: say how far it is every so many rows.
      if (onRows && placements.length % PROGRESS_EVERY === 0) onRows(placements.length, rows.length);
    }
  }
  onRows?.(rows.length, rows.length);
  return placements;
}
