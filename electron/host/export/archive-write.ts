import Database from 'better-sqlite3';
import type { Programme, SessionState } from '../../../shared/domain';
import packageJson from '../../../package.json' with { type: 'json' };
import { ARCHIVE_APPLICATION_ID, ARCHIVE_FORMAT, ARCHIVE_SCHEMA_V1, ARCHIVE_SCHEMA_VERSION } from './archive-schema';

export interface ArchiveContent {
  scope: 'session' | 'programme';
  scopeId: string;
  programmes: Programme[];
  sessions: SessionState[];
}

const flag = (value: boolean) => (value ? 1 : 0);
/** Fields added to the domain later may be absent in older sessions: absent stays NULL. */
const optionalFlag = (value: boolean | undefined) => (value === undefined ? null : flag(value));

function insertSession(db: Database.Database, state: SessionState): void {
  const { meta, settings, template } = state;
  const sid = meta.id;
  db.prepare(
    `INSERT INTO session (id, programme_id, title, group_name, date, facilitator, created_at, updated_at, archived, template_id, template_name,
       figure, background, dots_per_participant, max_dots_per_item, anonymous, hide_notes_until_reveal, moderation, flow, timer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sid,
    meta.programmeId,
    meta.title,
    meta.group,
    meta.date,
    meta.facilitator,
    meta.createdAt,
    meta.updatedAt,
    flag(meta.archived),
    template.id,
    template.name,
    template.figure,
    template.background,
    settings.dotsPerParticipant,
    settings.maxDotsPerItem,
    flag(settings.anonymous),
    flag(settings.hideNotesUntilReveal),
    optionalFlag((settings as Partial<typeof settings>).moderation),
    JSON.stringify(state.flow),
    JSON.stringify(state.timer),
  );
  const zone = db.prepare('INSERT INTO zone VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const [position, z] of template.zones.entries()) zone.run(sid, z.id, position, z.name, z.color, z.question, z.area.x, z.area.y, z.area.rx, z.area.ry);
  const participant = db.prepare('INSERT INTO participant VALUES (?, ?, ?, ?)');
  for (const p of Object.values(state.participants)) participant.run(sid, p.id, p.name, p.joinedAt);
  const cluster = db.prepare('INSERT INTO cluster VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of Object.values(state.clusters)) cluster.run(sid, c.id, c.zoneId, c.title, c.x, c.y);
  const note = db.prepare('INSERT INTO note VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const n of Object.values(state.notes)) {
    note.run(sid, n.id, n.zoneId, n.clusterId, n.text, n.x, n.y, n.color, n.authorId, n.authorName, n.createdAt, optionalFlag(n.pending));
  }
  const observation = db.prepare('INSERT INTO observation VALUES (?, ?, ?)');
  for (const o of Object.values(state.observations)) observation.run(sid, o.id, o.text);
  const point = db.prepare('INSERT INTO attention_point VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const a of Object.values(state.attentionPoints)) point.run(sid, a.id, a.zoneId, a.title, a.order, flag(a.chosen), a.themeKey);
  const ingredient = db.prepare('INSERT INTO ingredient VALUES (?, ?, ?, ?, ?)');
  for (const i of Object.values(state.ingredients)) ingredient.run(sid, i.id, i.attentionPointId, i.text, i.order);
  const other = db.prepare('INSERT INTO other_point VALUES (?, ?, ?, ?)');
  for (const o of Object.values(state.otherPoints)) other.run(sid, o.id, o.zoneId, o.text);
  const vote = db.prepare('INSERT INTO vote VALUES (?, ?, ?, ?)');
  for (const v of Object.values(state.votes)) vote.run(sid, v.id, v.attentionPointId, v.participantId);
}

/**
 * Builds the archive in memory and returns the bytes of the SQLite file: the caller writes them
 * to disk (atomically) or sends them over HTTP. Nothing half-written ever lands anywhere.
 */
export function writeArchive(content: ArchiveContent, now: Date = new Date()): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${ARCHIVE_APPLICATION_ID}`);
    db.pragma(`user_version = ${ARCHIVE_SCHEMA_VERSION}`);
    db.exec(ARCHIVE_SCHEMA_V1);
    db.transaction(() => {
      db.prepare('INSERT INTO archive VALUES (?, ?, ?, ?, ?, ?)').run(
        ARCHIVE_SCHEMA_VERSION,
        ARCHIVE_FORMAT,
        now.toISOString(),
        `Eiland ${packageJson.version}`,
        content.scope,
        content.scopeId,
      );
      const programme = db.prepare('INSERT INTO programme VALUES (?, ?, ?)');
      for (const p of content.programmes) programme.run(p.id, p.name, p.createdAt);
      for (const state of content.sessions) insertSession(db, state);
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}
