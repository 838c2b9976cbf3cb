import type { PointBlock } from '../../../shared/report/types';
import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE } from './pdf-surface';
import type { Tag } from './structure';
import { INK, STYLES } from './styles';
import { drawLine, layoutText, lineHeight } from './text-layout';
import { bulletRows, textRows } from './text-rows';

const BADGE_WIDTH = 104;
const TEXT_INDENT = 30;
const CHOSEN = '#D55E00';
const VOTED = '#0072B2';

/**
 * One attention point as a row of the points table (a Table tag made per run of points): its rank,
 * its title as the row's header, its dots, and what else is known of it (chosen, theme,
 * ingredients). The circles behind the rank and the drawn dots are artifacts: the numbers say it.
 */
export function pointRows(point: PointBlock, table: Tag): Row[] {
  const tr = table.add('TR');
  const rankCell = tr.add('TD');
  const titleCell = tr.add('TH', { scope: 'Row' });
  const dotsCell = tr.add('TD');
  const details = tr.add('TD', { keepEmpty: true });
  const x = PAGE.left + TEXT_INDENT;
  const titleWidth = CONTENT_WIDTH - TEXT_INDENT - BADGE_WIDTH - 8;
  const right = PAGE.left + CONTENT_WIDTH;
  const cyOf = (y: number) => y + lineHeight(STYLES.pointTitle) / 2;
  const rank = layoutText(String(point.rank), STYLES.rank, 20)[0];
  const dots = layoutText(point.dotsLabel, STYLES.badge, BADGE_WIDTH)[0];
  const rows = textRows(point.title, STYLES.pointTitle, x, titleWidth, titleCell, {
    gap: 12,
    decorate(surface, y) {
      const cy = cyOf(y);
      surface.doc.save().circle(PAGE.left + 10, cy, 10).fill(point.chosen ? CHOSEN : INK).restore();
      if (!dots) return;
      // Up to ten drawn dots left of the count, as on the projector; the number says the rest.
      const doc = surface.doc.save().fillColor(point.chosen ? CHOSEN : VOTED);
      for (let i = 0; i < Math.min(point.dots, 10); i += 1) doc.circle(right - dots.width - 8 - i * 6.5, cy, 2.4).fill();
      doc.restore();
    },
    beside(surface, y) {
      const cy = cyOf(y);
      if (rank) surface.mark(rankCell, () => drawLine(surface, rank, PAGE.left + 10 - rank.width / 2, cy - lineHeight(STYLES.rank) / 2, STYLES.rank, rank.width));
      if (dots) surface.mark(dotsCell, () => drawLine(surface, dots, right - BADGE_WIDTH, y, STYLES.badge, BADGE_WIDTH, 'end'));
    },
  });
  // A point's title, its labels, the ingredients heading and its first ingredient go together.
  for (const row of rows.slice(1)) row.keep = true;
  const fullWidth = CONTENT_WIDTH - TEXT_INDENT;
  for (const label of [point.chosenLabel, point.themeLabel]) {
    if (label) rows.push(...textRows(label, STYLES.pointMeta, x, fullWidth, details.add('P'), { gap: 1, keepFirst: true }));
  }
  if (point.ingredientsHeading) {
    if (point.ingredientsTheme) rows.push(...textRows(point.ingredientsTheme, STYLES.ingredientsHeading, x, fullWidth, details.add('P'), { gap: 6, keepFirst: true }));
    rows.push(...textRows(point.ingredientsHeading, STYLES.ingredientsHeading, x, fullWidth, details.add('P'), { gap: 5, keepFirst: true }));
    const list = details.add('L');
    point.ingredients.forEach((ingredient, index) => {
      rows.push(...bulletRows(ingredient, STYLES.item, x + 4, fullWidth - 4, list, index === 0, 2));
    });
  }
  return rows;
}
