import { useRef } from 'react';
import type { Id, Note, SessionState } from '../../../../shared/domain';
import { paperTint } from '../../canvas/geometry';
import type { WallRect } from '../../canvas/wall-space';
import { useT } from '../../ui/i18n';
import { NOTE_TYPE, wallGroups } from './notes-wall';
import { PageCount } from './PageCount';
import { onPage, useFitList } from './use-fit-list';

interface NotesWallProps {
  session: SessionState;
  zoneId: Id;
  notes: Readonly<Record<Id, Note>>;
  /** The part of the wall the model would have (wall-space.ts): the cards take exactly that. */
  area: WallRect;
  contrast: boolean;
}

/**
 * The focused side's notes as cards filling the wall, grouped by cluster, when the model would show
 * them too small or piled (notes-wall.ts decides). The type fits the room as the ranking's does,
 * never below 24 px on a 1080p wall; what still does not fit goes in parts that turn by themselves.
 */
export function NotesWall({ session, zoneId, notes, area, contrast }: NotesWallProps) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const zone = session.template.zones.find((candidate) => candidate.id === zoneId);
  const groups = wallGroups(session, zoneId, notes);
  // One flat list, cluster titles among the cards, so the wall can be cut into parts anywhere.
  // Loose notes get a heading of their own only after groups, so they do not read as the last group's.
  const grouped = groups.some((group) => group.cluster !== null);
  const items = groups.flatMap((group) => [
    ...(group.cluster || grouped
      ? [{ kind: 'title' as const, id: `c-${group.cluster?.id ?? 'loose'}`, text: group.cluster?.title ?? t('projector.wallLoose'), count: group.notes.length }]
      : []),
    ...group.notes.map((note) => ({ kind: 'note' as const, id: note.id, text: note.text, color: note.color })),
  ]);
  const fit = useFitList(listRef, items.map((item) => `${item.id}:${item.text}`).join('|'), NOTE_TYPE);
  const paper = (color: string | null) => paperTint(color ?? zone?.color ?? '#cccccc', contrast ? 0.08 : 0.22);
  return (
    <section className="pflow-notes-wall" style={{ left: area.x, top: area.y, width: area.width, height: area.height }} data-testid="notes-wall" aria-label={zone?.name}>
      <header className="pflow-notes-wall-side" style={{ borderColor: zone?.color }}>
        <p className="pflow-notes-wall-name">{zone?.name}</p>
        {zone?.question && <p className="pflow-notes-wall-question">{zone.question}</p>}
      </header>
      <ol ref={listRef} style={fit.fontPx > 0 ? { fontSize: fit.fontPx } : undefined}>
        {items.map((item, index) =>
          item.kind === 'title' ? (
            <li key={item.id} className="pflow-wall-title" hidden={!onPage(fit, index)}>
              {item.text} <span className="pflow-wall-count">({t(item.count === 1 ? 'projector.wallNotesOne' : 'projector.wallNotes', { count: item.count })})</span>
            </li>
          ) : (
            <li key={item.id} className="pflow-wall-note" data-note={item.id} hidden={!onPage(fit, index)} style={{ background: paper(item.color), borderTopColor: zone?.color }}>
              {item.text}
            </li>
          ),
        )}
      </ol>
      <PageCount fit={fit} />
    </section>
  );
}
