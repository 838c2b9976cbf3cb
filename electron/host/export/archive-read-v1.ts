import type Database from 'better-sqlite3';
import { z } from 'zod';
import { entityId } from '../../../shared/commands/schemas';
import { FIGURE_KINDS, LIMITS, type Programme, type SessionState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { ExportError } from './errors';
import { emptyCollections } from '../../../shared/session-factory';
import { PHASE_KINDS } from '../../../shared/records/flow';

/**
 * Version-1 archives (hand-written tables, no revisions). The file comes from elsewhere, so it is
 * untrusted: every row is validated as strictly as a command would be before anything is used.
 */
const text = (max: number) => z.string().max(max);
const int = z.number().int();
const real = z.number().finite();
const bool = z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1);
/** NULL: the field did not exist when the session was made; it stays absent. */
const optionalBool = bool.nullable().transform((value) => value ?? undefined);
const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

const programmeRow = z.object({ id: entityId, name: text(LIMITS.title), created_at: int });
const sessionRow = z.object({
  id: entityId,
  programme_id: entityId.nullable(),
  title: text(LIMITS.title),
  group_name: text(LIMITS.shortText),
  date: text(10),
  facilitator: text(LIMITS.shortText),
  created_at: int,
  updated_at: int,
  archived: bool,
  template_id: entityId,
  template_name: text(LIMITS.title),
  figure: z.enum(FIGURE_KINDS),
  background: text(20_000_000).nullable(),
  dots_per_participant: int.min(1).max(LIMITS.dotsPerParticipant),
  max_dots_per_item: int.min(1).max(LIMITS.dotsPerParticipant).nullable(),
  anonymous: bool,
  hide_notes_until_reveal: bool,
  moderation: optionalBool,
  flow: z.string(),
  timer: z.string(),
});
const phase = z.object({
  id: entityId,
  kind: z.enum(PHASE_KINDS),
  zoneId: entityId.nullable(),
});
const flowJson = z.object({
  phases: z.array(phase).max(100),
  currentPhaseId: entityId.nullable(),
  revealedZoneIds: z.array(entityId).max(100),
  votingOpen: z.boolean(),
  votesRevealed: z.boolean(),
  focusZoneId: entityId.nullable(),
});
const timerJson = z.object({ durationMs: int.min(0), startedAt: int.nullable(), remainingMs: real.min(0) });
const zoneRow = z.object({
  id: entityId,
  position: int,
  name: text(LIMITS.shortText),
  color: hex,
  question: text(LIMITS.longText),
  area_x: real,
  area_y: real,
  area_rx: real,
  area_ry: real,
});
const participantRow = z.object({ id: entityId, name: text(LIMITS.participantName).nullable(), joined_at: int });
const clusterRow = z.object({ id: entityId, zone_id: entityId, title: text(LIMITS.title), x: real, y: real });
const noteRow = z.object({
  id: entityId,
  zone_id: entityId,
  cluster_id: entityId.nullable(),
  text: text(LIMITS.noteText),
  x: real,
  y: real,
  color: hex.nullable(),
  author_id: entityId.nullable(),
  author_name: text(LIMITS.participantName).nullable(),
  created_at: int,
  pending: optionalBool,
});
const observationRow = z.object({ zone_id: entityId, text: text(LIMITS.longText) });
const pointRow = z.object({
  id: entityId,
  zone_id: entityId.nullable(),
  title: text(LIMITS.title),
  position: int,
  chosen: bool,
  theme_key: text(LIMITS.shortText).nullable(),
});
const ingredientRow = z.object({ id: entityId, attention_point_id: entityId, text: text(LIMITS.noteText), position: int });
const otherRow = z.object({ id: entityId, zone_id: entityId.nullable(), text: text(LIMITS.noteText) });
const voteRow = z.object({ id: entityId, attention_point_id: entityId, participant_id: entityId });

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || '?';
  throw new ExportError('invalid_archive', `Het archief klopt niet: ${where}, veld ${field}.`);
}

function rows(db: Database.Database, table: string, sessionId: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} WHERE session_id = ? ORDER BY rowid`).all(sessionId);
}

function readSession(db: Database.Database, raw: unknown): SessionState {
  const row = parse(sessionRow, raw, 'een sessie');
  // The workspace stream shares the id space of sessions; a session may never take its name.
  if (row.id === WORKSPACE_STREAM) throw new ExportError('invalid_archive', `Het archief klopt niet: een sessie heeft de gereserveerde id "${WORKSPACE_STREAM}".`);
  const where = (what: string) => `${what} in sessie ${row.id}`;
  const zones = rows(db, 'zone', row.id)
    .map((z) => parse(zoneRow, z, where('een kant')))
    .sort((a, b) => a.position - b.position);
  const state: SessionState = {
    meta: {
      id: row.id,
      programmeId: row.programme_id,
      title: row.title,
      group: row.group_name,
      date: row.date,
      facilitator: row.facilitator,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      archived: row.archived,
    },
    settings: {
      dotsPerParticipant: row.dots_per_participant,
      maxDotsPerItem: row.max_dots_per_item,
      anonymous: row.anonymous,
      hideNotesUntilReveal: row.hide_notes_until_reveal,
      ...(row.moderation === undefined ? {} : { moderation: row.moderation }),
    } as SessionState['settings'],
    template: {
      id: row.template_id,
      name: row.template_name,
      figure: row.figure,
      background: row.background,
      zones: zones.map((z) => ({ id: z.id, name: z.name, color: z.color, question: z.question, area: { x: z.area_x, y: z.area_y, rx: z.area_rx, ry: z.area_ry } })),
    },
    flow: { ...parse(flowJson, jsonOf(row.flow), where('de fasen')), reviewActionId: null },
    timer: parse(timerJson, jsonOf(row.timer), where('de timer')),
    ...emptyCollections(),
  };
  for (const r of rows(db, 'participant', row.id).map((p) => parse(participantRow, p, where('een deelnemer')))) {
    state.participants[r.id] = { id: r.id, name: r.name, joinedAt: r.joined_at, mergedInto: null };
  }
  for (const r of rows(db, 'cluster', row.id).map((c) => parse(clusterRow, c, where('een thema')))) {
    state.clusters[r.id] = { id: r.id, zoneId: r.zone_id, title: r.title, x: r.x, y: r.y };
  }
  const notes = rows(db, 'note', row.id);
  if (notes.length > LIMITS.notesPerSession) throw new ExportError('invalid_archive', `Het archief klopt niet: sessie ${row.id} heeft te veel notities.`);
  for (const r of notes.map((n) => parse(noteRow, n, where('een notitie')))) {
    state.notes[r.id] = {
      id: r.id,
      zoneId: r.zone_id,
      text: r.text,
      x: r.x,
      y: r.y,
      color: r.color,
      authorId: r.author_id,
      authorName: r.author_name,
      clusterId: r.cluster_id,
      createdAt: r.created_at,
      ...(r.pending === undefined ? {} : { pending: r.pending }),
    };
  }
  for (const r of rows(db, 'observation', row.id).map((o) => parse(observationRow, o, where('een observatie')))) {
    state.observations[r.zone_id] = { id: r.zone_id, text: r.text };
  }
  for (const r of rows(db, 'attention_point', row.id).map((p) => parse(pointRow, p, where('een aandachtspunt')))) {
    state.attentionPoints[r.id] = { id: r.id, zoneId: r.zone_id, title: r.title, order: r.position, chosen: r.chosen, themeKey: r.theme_key };
  }
  for (const r of rows(db, 'ingredient', row.id).map((i) => parse(ingredientRow, i, where('een ingrediënt')))) {
    state.ingredients[r.id] = { id: r.id, attentionPointId: r.attention_point_id, text: r.text, order: r.position };
  }
  // A version-1 archive kept no order for them: they keep the order they are read in.
  for (const [index, r] of rows(db, 'other_point', row.id).map((o) => parse(otherRow, o, where('een overig punt'))).entries()) {
    state.otherPoints[r.id] = { id: r.id, zoneId: r.zone_id, text: r.text, order: index + 1 };
  }
  for (const r of rows(db, 'vote', row.id).map((v) => parse(voteRow, v, where('een stem')))) {
    state.votes[r.id] = { id: r.id, attentionPointId: r.attention_point_id, participantId: r.participant_id };
  }
  return state;
}

function jsonOf(textValue: string): unknown {
  try {
    return JSON.parse(textValue);
  } catch {
    return undefined;
  }
}

/** Reads a version-1 archive whose schema was already checked (see archive-read.ts). */
export function readArchiveV1(db: Database.Database): { programmes: Programme[]; sessions: SessionState[] } {
  const programmes: Programme[] = db
    .prepare('SELECT id, name, created_at FROM programme ORDER BY rowid')
    .all()
    .map((row) => parse(programmeRow, row, 'een programma'))
    .map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  const sessions = db
    .prepare('SELECT * FROM session ORDER BY rowid')
    .all()
    .map((row) => readSession(db, row));
  return { programmes, sessions };
}
