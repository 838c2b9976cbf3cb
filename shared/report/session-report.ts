import { zoneThemeId } from '../zones';
import type { Action, AttentionPoint, Id, Note, SessionState, Theme, Zone } from '../domain';
import { sessionActionBlocks } from './actions-report';
import type { Locale } from '../i18n/messages';
import { rankPoints } from '../voting';
import { people, sidesInSessionOrder } from '../rules';
import { modelAlt } from './figure-alt';
import { byOrderThenText, dotsLabel, formatDate, orNone, type Translate, translator } from './format';
import { modelFigure } from './model-figure';
import type { PointBlock, ReportBlock, ReportDocument } from './types';
import { otherPointsOf } from '../other-points';

export { modelFigure };

export interface SessionReportOptions {
  locale: Locale;
  /** The programme's name; the session only knows its id. */
  programmeName: string | null;
  /** The programme's actions (plan-do-check-act); the report lists those made in this session. */
  actions?: readonly Action[];
  /** The programme's themes, to name the theme a point is linked to. */
  themes?: readonly Theme[];
}

/**
 * The sides in the order the group walked them, as the ballot, the phones and the wall list them
 * (sidesInSessionOrder): as the phases run, then any the phases skip.
 */
export function sidesInOrder(state: SessionState): Zone[] {
  const zones = state.template.zones;
  return sidesInSessionOrder(state).flatMap((id) => zones.find((zone) => zone.id === id) ?? []);
}

const notesByTime = (a: Note, b: Note) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The notes the group saw, oldest first. A note still waiting for the facilitator's approval
 * (moderation) never reached the wall, so it is not in the report; the archive keeps it.
 */
export function reportedNotes(state: SessionState): Note[] {
  return Object.values(state.notes)
    .filter((note) => note.pending !== true)
    .sort(notesByTime);
}

/** The name of the theme a point is linked to (a programme theme, else an older key), or null. */
export type PointTheme = (point: AttentionPoint) => string | null;

/** "Thema: …" for a point linked to a theme, unless the theme is simply its own title. */
function themeLabelOf(theme: string | null, title: string, t: Translate): string | null {
  if (!theme) return null;
  const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return same(theme) === same(title) ? null : t('report.point.theme', { theme });
}

/** Attention points of one side (or of the whole session: null), most dots first. */
export function pointBlocks(state: SessionState, zoneId: Id | null, t: Translate, themeOf: PointTheme): PointBlock[] {
  return rankPoints(state, zoneId).flatMap(({ attentionPointId, dots, rank }) => {
    const point = state.attentionPoints[attentionPointId];
    if (!point) return [];
    const ingredients = Object.values(state.ingredients)
      .filter((ingredient) => ingredient.attentionPointId === point.id)
      .sort(byOrderThenText((i) => i.order, (i) => i.id))
      .map((ingredient) => ingredient.text);
    // With ingredients, the theme heads them (as in the memo); without, it is a label of the point.
    const named = themeOf(point);
    const theme = named !== null && ingredients.length > 0 ? named : null;
    return [
      {
        kind: 'point',
        rank,
        title: point.title,
        dots,
        dotsLabel: dotsLabel(t, dots),
        chosen: point.chosen,
        chosenLabel: point.chosen ? t('report.point.chosen') : null,
        themeLabel: theme === null ? themeLabelOf(named, point.title, t) : null,
        ingredientsTheme: theme,
        ingredientsHeading: ingredients.length > 0 ? t('report.ingredients.heading') : null,
        ingredients,
      } satisfies PointBlock,
    ];
  });
}

export function otherPointTexts(state: SessionState, zoneId: Id | null): string[] {
  return otherPointsOf(state, zoneId).map((point) => point.text);
}

/** The theme of the whole-session zone a point lies in, looked up in the session that holds it. */
function zoneThemeIn(states: readonly SessionState[], point: AttentionPoint): Id | undefined {
  const state = states.find((candidate) => candidate.attentionPoints[point.id] === point) ?? states.find((candidate) => candidate.attentionPoints[point.id]);
  return state ? zoneThemeId(state.template, point.zoneId) : undefined;
}

/**
 * How a point's theme is named in these sessions: the programme theme it is linked to, else its
 * older key, which is either a name ("Monitoring, …") or the id of the point it came from.
 */
export function pointThemeIn(states: readonly SessionState[], themes: readonly Theme[] = []): PointTheme {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const keyTitle = (key: string) => {
    for (const state of states) {
      const source = state.attentionPoints[key];
      if (source) return source.title;
    }
    return key;
  };
  return (point) => {
    const themeId = point.themeId ?? zoneThemeIn(states, point);
    const linked = themeId === undefined ? undefined : byId.get(themeId);
    if (linked) return linked.title;
    return point.themeKey ? keyTitle(point.themeKey) : null;
  };
}

/** Place, point, side, dots: the point's title gets the room. */
const RANKING_COLUMN_SHARES = [0.14, 0.52, 0.18, 0.16];

/**
 * The session's one ranking as a table: every attention point with its place, side and dots, the
 * order the wall and the phones showed after the reveal. None when no dot was cast.
 */
export function rankingBlocks(state: SessionState, t: Translate): ReportBlock[] {
  const ranking = rankPoints(state);
  if (!ranking.some((entry) => entry.dots > 0)) return [];
  const sideName = (zoneId: Id | null) => state.template.zones.find((zone) => zone.id === zoneId)?.name ?? t('report.ranking.wholeSession');
  const rows = ranking.flatMap(({ attentionPointId, dots, rank, tied }) => {
    const point = state.attentionPoints[attentionPointId];
    if (!point) return [];
    return [[tied ? t('report.ranking.tied', { rank }) : String(rank), point.title, sideName(point.zoneId), dotsLabel(t, dots)]];
  });
  return [
    { kind: 'heading', level: 1, text: t('report.ranking.heading'), color: null, newPage: false },
    { kind: 'paragraph', text: t('report.ranking.intro'), tone: 'muted' },
    { kind: 'table', columns: [t('report.ranking.place'), t('report.ranking.point'), t('report.ranking.side'), t('report.ranking.dots')], rows, shares: RANKING_COLUMN_SHARES },
  ];
}

/** The blocks about one side, or none when nothing was said about it. */
export function sideBlocks(state: SessionState, zone: Zone, t: Translate, themeOf: PointTheme, level: 1 | 2 = 1): ReportBlock[] {
  const observation = state.observations[zone.id]?.text.trim() ?? '';
  const points = pointBlocks(state, zone.id, t, themeOf);
  const others = otherPointTexts(state, zone.id);
  if (observation === '' && points.length === 0 && others.length === 0) return [];
  const sub = (level + 1) as 2 | 3;
  const blocks: ReportBlock[] = [{ kind: 'heading', level, text: zone.name, color: zone.color, newPage: false }];
  if (zone.question.trim() !== '') blocks.push({ kind: 'paragraph', text: t('report.side.question', { question: zone.question }), tone: 'question' });
  blocks.push({ kind: 'heading', level: sub, text: t('report.side.observation'), color: null, newPage: false });
  blocks.push({ kind: 'paragraph', text: observation || t('report.side.noObservation'), tone: observation ? 'body' : 'muted' });
  // A side where only the observation was written down gets no empty list of points.
  if (points.length > 0) blocks.push(...pointsSection(points, t('report.points.heading'), sub, t));
  if (others.length > 0) {
    blocks.push({ kind: 'heading', level: sub, text: t('report.other.heading'), color: null, newPage: false });
    blocks.push({ kind: 'bullets', items: others });
  }
  return blocks;
}

export function pointsSection(points: PointBlock[], heading: string, level: 1 | 2 | 3, t: Translate): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level, text: heading, color: null, newPage: false }];
  if (points.length === 0) return [...blocks, { kind: 'paragraph', text: t('report.points.none'), tone: 'muted' }];
  if (points.some((point) => point.dots > 0)) blocks.push({ kind: 'paragraph', text: t('report.points.intro'), tone: 'muted' });
  return [...blocks, ...points];
}

/** Attention points and other points that belong to the session as a whole (zoneId null). */
export function sessionWideBlocks(state: SessionState, t: Translate, themeOf: PointTheme, level: 1 | 2): ReportBlock[] {
  const points = pointBlocks(state, null, t, themeOf);
  const others = otherPointTexts(state, null);
  if (points.length === 0 && others.length === 0) return [];
  const blocks = pointsSection(points, t('report.points.sessionWide'), level, t);
  if (others.length > 0) {
    blocks.push({ kind: 'heading', level: (level + 1) as 2 | 3, text: t('report.other.heading'), color: null, newPage: false });
    blocks.push({ kind: 'bullets', items: others });
  }
  return blocks;
}

/**
 * Every note of a side: its clusters in reading order, then the notes in none of them under
 * `looseTitle` (the appendix says "Zonder thema", in a theme's zone "Niet gegroepeerd"; the
 * programme report names the side too).
 */
export function sideNoteGroups(state: SessionState, zone: Zone, inZone: readonly Note[], looseTitle: string): ReportBlock[] {
  const blocks = clusterGroups(state, zone, inZone);
  const loose = inZone.filter((note) => note.clusterId === null || !state.clusters[note.clusterId]);
  if (loose.length > 0) blocks.push({ kind: 'noteGroup', title: looseTitle, color: zone.color, notes: loose.map((note) => note.text) });
  return blocks;
}

/** One block per cluster of a side, in reading order (top to bottom, left to right). */
export function clusterGroups(state: SessionState, zone: Zone, inZone: readonly Note[]): ReportBlock[] {
  return Object.values(state.clusters)
    .filter((cluster) => inZone.some((note) => note.clusterId === cluster.id))
    .sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id))
    .map((cluster) => ({
      kind: 'noteGroup',
      title: cluster.title,
      color: zone.color,
      notes: inZone.filter((note) => note.clusterId === cluster.id).map((note) => note.text),
    }));
}

/**
 * Up to this many notes the appendix lists every one; past it, pages of notes help no one, so it
 * summarises. A big plenary (4,000 notes, the size the export benchmarks and job tests draw in
 * full) still gets every note; a wall of 10,000 gets the summary.
 */
export const APPENDIX_FULL_LIMIT = 5000;
/** In a summarised appendix: the notes listed per side (the oldest), and the themes named per side (the largest). */
export const SUMMARY_NOTES_PER_SIDE = 40;
export const SUMMARY_THEMES_PER_SIDE = 25;

/** Whether the appendix summarises instead of listing every note (the model's caption says so too). */
export const appendixSummarised = (state: SessionState) => reportedNotes(state).length > APPENDIX_FULL_LIMIT;

/** Appendix: every note, per side, grouped by cluster in reading order, then those without one. */
export function appendixBlocks(state: SessionState, t: Translate): ReportBlock[] {
  const notes = reportedNotes(state);
  if (notes.length > APPENDIX_FULL_LIMIT) return summaryAppendix(state, notes, t);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: t('report.appendix.heading'), color: null, newPage: true }];
  if (notes.length === 0) return [...blocks, { kind: 'paragraph', text: t('report.appendix.none'), tone: 'muted' }];
  for (const zone of sidesInOrder(state)) {
    const inZone = notes.filter((note) => note.zoneId === zone.id);
    if (inZone.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: t('report.appendix.zone', { zone: zone.name }), color: zone.color, newPage: false });
    blocks.push(...sideNoteGroups(state, zone, inZone, t(zone.themeId === undefined ? 'report.appendix.unclustered' : 'report.appendix.unclusteredInThemeZone')));
  }
  return blocks;
}

/**
 * The appendix of a session too big to print note by note: it says so, then per side how many
 * notes and themes there are, the largest themes with their sizes, and the first notes; every note
 * stays in the CSV export and the session's archive, which the text points to.
 */
function summaryAppendix(state: SessionState, notes: readonly Note[], t: Translate): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t('report.appendix.summaryHeading'), color: null, newPage: true },
    { kind: 'paragraph', text: t('report.appendix.summary', { count: notes.length, shown: SUMMARY_NOTES_PER_SIDE }), tone: 'body' },
  ];
  for (const zone of sidesInOrder(state)) {
    const inZone = notes.filter((note) => note.zoneId === zone.id);
    if (inZone.length === 0) continue;
    const sizes = new Map<Id, number>();
    for (const note of inZone) if (note.clusterId && state.clusters[note.clusterId]) sizes.set(note.clusterId, (sizes.get(note.clusterId) ?? 0) + 1);
    const themes = [...sizes.entries()]
      .map(([id, size]) => ({ title: state.clusters[id]?.title.trim() || t('report.model.altUntitled'), size, id }))
      .sort((a, b) => b.size - a.size || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    blocks.push({ kind: 'heading', level: 2, text: t('report.appendix.zone', { zone: zone.name }), color: zone.color, newPage: false });
    const notesText = inZone.length === 1 ? t('report.model.altNotes.one') : t('report.model.altNotes.other', { count: inZone.length });
    const themesText = themes.length === 1 ? t('report.appendix.themes.one') : t('report.appendix.themes.other', { count: themes.length });
    blocks.push({ kind: 'paragraph', text: t('report.appendix.sideCounts', { notes: notesText, themes: themesText }), tone: 'body' });
    if (themes.length > 0) {
      blocks.push({ kind: 'bullets', items: themes.slice(0, SUMMARY_THEMES_PER_SIDE).map((theme) => t('report.appendix.themeSize', { theme: theme.title, count: theme.size })) });
      if (themes.length > SUMMARY_THEMES_PER_SIDE) blocks.push({ kind: 'paragraph', text: t('report.appendix.moreThemes', { count: themes.length - SUMMARY_THEMES_PER_SIDE }), tone: 'muted' });
    }
    const first = inZone.slice(0, SUMMARY_NOTES_PER_SIDE);
    blocks.push({ kind: 'noteGroup', title: t('report.appendix.firstNotes', { count: first.length }), color: zone.color, notes: first.map((note) => note.text) });
    if (inZone.length > first.length) blocks.push({ kind: 'paragraph', text: t('report.appendix.moreNotes', { count: inZone.length - first.length }), tone: 'muted' });
  }
  return blocks;
}

/** People who wrote a note or cast a dot: joining alone is not taking part. */
export function peopleWhoTookPart(state: SessionState): number {
  const active = new Set<string>();
  for (const note of Object.values(state.notes)) if (note.authorId !== null) active.add(note.authorId);
  for (const vote of Object.values(state.votes)) active.add(vote.participantId);
  return people(state).filter((person) => active.has(person.id)).length;
}

/** The memo's heading of a session's results: programme, group, date and who facilitated. */
export function sessionHeadingFacts(state: SessionState, t: Translate, locale: Locale, programmeName: string | null) {
  const { meta } = state;
  return [
    { label: t('report.fact.programme'), value: orNone(t, programmeName) },
    { label: t('report.fact.group'), value: orNone(t, meta.group) },
    { label: t('report.fact.date'), value: formatDate(locale, meta.date) },
    { label: t('report.fact.facilitator'), value: orNone(t, meta.facilitator) },
  ];
}

export function sessionFacts(state: SessionState, t: Translate, locale: Locale, programmeName: string | null) {
  const { meta } = state;
  return [
    { label: t('report.fact.programme'), value: orNone(t, programmeName) },
    { label: t('report.fact.session'), value: orNone(t, meta.title) },
    { label: t('report.fact.group'), value: orNone(t, meta.group) },
    { label: t('report.fact.date'), value: formatDate(locale, meta.date) },
    { label: t('report.fact.facilitator'), value: orNone(t, meta.facilitator) },
    { label: t('report.fact.tookPart'), value: String(peopleWhoTookPart(state)) },
    { label: t('report.fact.joined'), value: String(people(state).length) },
    { label: t('report.fact.notes'), value: String(reportedNotes(state).length) },
    { label: t('report.fact.model'), value: state.template.name },
  ];
}

/** The session report: title page, the model, the ranking, each side, the session-wide points, the appendix. */
export function buildSessionReport(state: SessionState, options: SessionReportOptions): ReportDocument {
  const { locale } = options;
  const t = translator(locale);
  const { meta } = state;
  const date = formatDate(locale, meta.date);
  const themeOf = pointThemeIn([state], options.themes);
  const blocks: ReportBlock[] = [
    { kind: 'title', eyebrow: t('report.session.eyebrow'), text: meta.title, subtitle: [meta.group, date].filter(Boolean).join(' · ') },
    { kind: 'facts', rows: sessionFacts(state, t, locale, options.programmeName) },
    { kind: 'heading', level: 1, text: t('report.model.heading'), color: null, newPage: true },
    { kind: 'model', figure: modelFigure(state, reportedNotes(state), t), caption: t(appendixSummarised(state) ? 'report.model.captionSummarised' : 'report.model.caption'), alt: modelAlt(state, reportedNotes(state), t) },
  ];
  blocks.push(...rankingBlocks(state, t));
  for (const zone of sidesInOrder(state)) blocks.push(...sideBlocks(state, zone, t, themeOf));
  blocks.push(...sessionWideBlocks(state, t, themeOf, 1));
  blocks.push(...sessionActionBlocks(state, options.actions ?? [], t, locale));
  blocks.push(...appendixBlocks(state, t));
  return {
    locale,
    title: meta.title,
    subject: t('report.session.subject'),
    footer: [meta.title, meta.group, date].filter(Boolean).join(' · '),
    pageLabel: t('report.page', { page: '{page}', pages: '{pages}' }),
    blocks,
  };
}
