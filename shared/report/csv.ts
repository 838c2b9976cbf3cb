import type { SessionState } from '../domain';
import type { Locale } from '../i18n/messages';
import { translator } from './format';
import { reportedNotes } from './session-report';

/** Excel reads a file as UTF-8 only when it starts with this mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, so a hostile note stays text in Excel too (the OWASP advice for CSV injection).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: CRLF line ends, BOM first, ending with a line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

const isoTime = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** Every note the group saw: its side, its cluster, its text as typed, where it lay on the canvas. */
export function notesCsv(state: SessionState, locale: Locale): string {
  const t = translator(locale);
  const zones = new Map(state.template.zones.map((zone) => [zone.id, zone.name]));
  const notes = reportedNotes(state);
  return toCsv(
    [t('report.csv.id'), t('report.csv.side'), t('report.csv.cluster'), t('report.csv.text'), t('report.csv.author'), 'x', 'y', t('report.csv.createdAt')],
    notes.map((note) => [
      note.id,
      zones.get(note.zoneId) ?? note.zoneId,
      note.clusterId ? (state.clusters[note.clusterId]?.title ?? '') : '',
      note.text,
      note.authorName,
      Math.round(note.x),
      Math.round(note.y),
      isoTime(note.createdAt),
    ]),
  );
}

/** Every dot: on which attention point, of which side, by which participant (a name only if not anonymous). */
export function votesCsv(state: SessionState, locale: Locale): string {
  const t = translator(locale);
  const zones = new Map(state.template.zones.map((zone) => [zone.id, zone.name]));
  const votes = Object.values(state.votes).sort(
    (a, b) => a.attentionPointId.localeCompare(b.attentionPointId) || a.participantId.localeCompare(b.participantId) || a.id.localeCompare(b.id),
  );
  return toCsv(
    [t('report.csv.id'), t('report.csv.pointId'), t('report.csv.point'), t('report.csv.side'), t('report.csv.participantId'), t('report.csv.participant')],
    votes.map((vote) => {
      const point = state.attentionPoints[vote.attentionPointId];
      const side = point?.zoneId ? (zones.get(point.zoneId) ?? point.zoneId) : t('report.csv.sessionWide');
      return [vote.id, vote.attentionPointId, point?.title ?? '', side, vote.participantId, state.participants[vote.participantId]?.name ?? null];
    }),
  );
}
