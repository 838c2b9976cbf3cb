import type { Id, Note, SessionState } from '../domain';
import type { FigureSideInput } from '../geometry/print-figure';
import type { Translate } from './format';
import type { CountWords, FigureCluster, FigureNote, ModelFigure } from './types';

/** Reading order on the canvas: top to bottom, then left to right. */
const byPlace = (a: { x: number; y: number; id: Id }, b: { x: number; y: number; id: Id }) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id);

/** The model as the canvas ended, with the words the figure prints, for the report's writer to lay out. */
export function modelFigure(state: SessionState, notes: readonly Note[], t: Translate): ModelFigure {
  const zones = new Map(state.template.zones.map((zone) => [zone.id, zone]));
  const counted = (one: Parameters<Translate>[0], other: Parameters<Translate>[0]): CountWords => ({ one: t(one), other: t(other, { count: '{count}' }) });
  return {
    template: state.template,
    notes: notes.map((note) => ({
      id: note.id,
      zoneId: note.zoneId,
      clusterId: note.clusterId,
      text: note.text,
      x: note.x,
      y: note.y,
      color: note.color ?? zones.get(note.zoneId)?.color ?? '#999999',
    })),
    clusters: Object.values(state.clusters)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((cluster) => ({
        id: cluster.id,
        zoneId: cluster.zoneId,
        title: cluster.title.trim() || t('report.model.altUntitled'),
        x: cluster.x,
        y: cluster.y,
        color: zones.get(cluster.zoneId)?.color ?? '#999999',
      })),
    legend: state.template.zones.map((zone) => {
      const count = notes.filter((note) => note.zoneId === zone.id).length;
      // "1 notitie", never "1 notities".
      return { zoneId: zone.id, name: zone.name, color: zone.color, count: count === 1 ? t('report.figure.notes.one') : t('report.figure.notes.other', { count }) };
    }),
    words: {
      kenweg: t('canvas.kenweg'),
      keuzeweg: t('canvas.keuzeweg'),
      notes: counted('report.figure.notes.one', 'report.figure.notes.other'),
      loose: counted('report.figure.loose.one', 'report.figure.loose.other'),
      themes: counted('report.appendix.themes.one', 'report.appendix.themes.other'),
      sideCount: t('report.figure.sideCount', { notes: '{notes}', themes: '{themes}' }),
      keyHeading: t('report.figure.key.heading'),
      keyIntro: t('report.figure.key.intro'),
      unclustered: t('report.appendix.unclustered'),
      unclusteredInThemeZone: t('report.appendix.unclusteredInThemeZone'),
    },
  };
}

/** "4 notities": a counted form with its number filled in. */
export const countOf = (words: CountWords, count: number) => (count === 1 ? words.one : words.other.replace('{count}', String(count)));

/**
 * The figure's sides as its layout takes them: per zone, its clusters and each cluster's notes in
 * reading order, then the notes without a cluster. A note counts on the side it lies on: a note in
 * a cluster of another side (moved there after clustering) stands on its own on its side.
 */
export function figureSides(figure: ModelFigure): FigureSideInput[] {
  const clusters = new Map<Id, FigureCluster>(figure.clusters.map((cluster) => [cluster.id, cluster]));
  return figure.template.zones.map((zone) => {
    const onSide = figure.notes.filter((note) => note.zoneId === zone.id).sort(byPlace);
    const clusterOf = (note: FigureNote) => (note.clusterId !== null && clusters.get(note.clusterId)?.zoneId === zone.id ? note.clusterId : null);
    return {
      zoneId: zone.id,
      area: zone.area,
      clusters: figure.clusters
        .filter((cluster) => cluster.zoneId === zone.id)
        .sort(byPlace)
        .map((cluster) => ({ id: cluster.id, title: cluster.title, notes: onSide.filter((note) => clusterOf(note) === cluster.id).map(({ id, text }) => ({ id, text })) })),
      loose: onSide.filter((note) => clusterOf(note) === null).map(({ id, text }) => ({ id, text })),
    };
  });
}
