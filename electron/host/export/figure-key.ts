import type { Id } from '../../../shared/domain';
import type { FigureLayout } from '../../../shared/geometry/print-figure';
import type { ModelFigure } from '../../../shared/report/types';
import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE } from './pdf-surface';
import type { Tag } from './structure';
import { MUTED, STYLES } from './styles';
import { drawLine, layoutText, lineHeight, startsRightToLeft } from './text-layout';
import { textRows } from './text-rows';

/**
 * The key to the figure: the words of every note it shows by number, per side and per cluster, in
 * number order. A screen reader gets it as lists whose items carry their number as label (Lbl).
 */

const NUMBER_WIDTH = 24;
const numberStyle = { ...STYLES.note, weight: 'bold' as const };
const groupStyle = { ...STYLES.ingredientsHeading, color: MUTED };

/** One numbered note: its number as the item's label, its words as the item's body. */
function itemRows(number: number, text: string, list: Tag, first: boolean): Row[] {
  const item = list.add('LI');
  const label = item.add('Lbl');
  const x = PAGE.left + 14;
  const width = CONTENT_WIDTH - 14;
  const rtl = startsRightToLeft(text);
  const numberLine = layoutText(String(number), numberStyle, NUMBER_WIDTH)[0];
  return textRows(text, STYLES.note, rtl ? x : x + NUMBER_WIDTH, width - NUMBER_WIDTH, item.add('LBody'), {
    gap: first ? 4 : 2,
    keepFirst: first,
    beside(surface, y) {
      if (!numberLine) return;
      surface.mark(label, () => drawLine(surface, numberLine, rtl ? x + width - numberLine.width : x, y, numberStyle, numberLine.width));
    },
  });
}

/** The key's rows, or none when the figure numbers no note. */
export function keyRows(figure: ModelFigure, layout: FigureLayout, parent: Tag): Row[] {
  if (layout.numbered.length === 0) return [];
  const texts = new Map<Id, string>(figure.notes.map((note) => [note.id, note.text]));
  const titles = new Map<Id, string>(figure.clusters.map((cluster) => [cluster.id, cluster.title]));
  const rows: Row[] = [
    ...textRows(figure.words.keyHeading, STYLES.h2, PAGE.left, CONTENT_WIDTH, parent.add('P'), { gap: 0 }),
    ...textRows(figure.words.keyIntro, STYLES.muted, PAGE.left, CONTENT_WIDTH, parent.add('P'), { gap: 4, keepFirst: true }),
  ];
  for (const zone of figure.template.zones) {
    const entries = layout.numbered.filter((entry) => entry.zoneId === zone.id);
    if (entries.length === 0) continue;
    rows.push(
      ...textRows(zone.name, STYLES.groupTitle, PAGE.left + 14, CONTENT_WIDTH - 14, parent.add('P'), {
        gap: 14,
        decorate(surface, y) {
          surface.doc.save().roundedRect(PAGE.left, y + 3, 8, lineHeight(STYLES.groupTitle) - 6, 1.5).fill(zone.color).restore();
        },
      }),
    );
    const unclustered = zone.themeId === undefined ? figure.words.unclustered : figure.words.unclusteredInThemeZone;
    let group: Id | null | undefined;
    let list: Tag | null = null;
    for (const entry of entries) {
      if (entry.clusterId !== group || !list) {
        group = entry.clusterId;
        const title = group === null ? unclustered : (titles.get(group) ?? unclustered);
        rows.push(...textRows(title, groupStyle, PAGE.left + 14, CONTENT_WIDTH - 14, parent.add('P'), { gap: 6, keepFirst: true }));
        list = parent.add('L');
        rows.push(...itemRows(entry.number, texts.get(entry.noteId) ?? '', list, true));
        continue;
      }
      rows.push(...itemRows(entry.number, texts.get(entry.noteId) ?? '', list, false));
    }
  }
  // The key's heading stays with its first lines; the rest may flow over pages.
  for (const row of rows.slice(1, 3)) row.keep = true;
  return rows;
}
