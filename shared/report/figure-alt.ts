import type { Note, SessionState } from '../domain';
import type { Translate } from './format';

/**
 * The model drawing said in words, for a reader who cannot see it (the Figure's alternative text
 * in the tagged PDF): the model, then per side how many notes it holds and which themes (clusters)
 * were made on it, in the order the legend shows the sides and the canvas reads (top to bottom,
 * left to right). The notes themselves are in the appendix, so they are not repeated here.
 */
export function modelAlt(state: SessionState, notes: readonly Note[], t: Translate): string {
  const clusters = Object.values(state.clusters).sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  const sides = state.template.zones.map((zone) => {
    const count = notes.filter((note) => note.zoneId === zone.id).length;
    const titles = clusters.filter((cluster) => cluster.zoneId === zone.id).map((cluster) => cluster.title.trim() || t('report.model.altUntitled'));
    const themes =
      titles.length === 0
        ? t('report.model.altThemes.none')
        : t(titles.length === 1 ? 'report.model.altThemes.one' : 'report.model.altThemes.other', { count: titles.length, titles: titles.join('; ') });
    const notesText = count === 1 ? t('report.model.altNotes.one') : t('report.model.altNotes.other', { count });
    return t('report.model.altSide', { side: zone.name, notes: notesText, themes });
  });
  return [t('report.model.alt', { model: state.template.name }), ...sides].join(' ');
}
