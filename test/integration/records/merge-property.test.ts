import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../../electron/host/export/archive-read';
import type { ArchiveContent } from '../../../electron/host/export/archive-write';
import { programmeArchiveContent } from '../../../electron/host/export/exporter';
import { importArchive } from '../../../electron/host/export/importer';
import { writeArchive } from '../../../electron/host/export/archive-write';
import type { Actor } from '../../../shared/domain';
import { report, seed as runSeed, seededRandom, size } from '../../support/reliability';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * Three laptops start from one programme's archive, each makes its own random adds, edits, moves,
 * votes and deletions, and then every laptop merges all three archives in its own random order.
 * The merge must be order-independent (the same records on every laptop) and idempotent (merging
 * any archive again changes nothing). Real engines on real SQLite files; EILAND_SEED repeats a run.
 */
const P = 'prog';
const S = 'sess';
const ZONES = ['ik', 'wij', 'het'] as const;

let counter = 0;
/** Acknowledged commands per type: a random step may be refused (no dots left), but every kind must happen. */
const acked = new Map<string, number>();
function run(engine: TempEngine['engine'], stream: string, command: Record<string, unknown> & { type: string }, actor: Actor = { role: 'facilitator', participantId: null }) {
  const reply = engine.handle({ t: 'command', id: `c${++counter}`, stream, command }, actor);
  if (reply.t === 'ack') acked.set(command.type, (acked.get(command.type) ?? 0) + 1);
  return reply;
}

function base(random: () => number): TempEngine {
  const temp = tempEngine();
  run(temp.engine, 'workspace', { type: 'programme.create', id: P, name: 'Programma' });
  run(temp.engine, 'workspace', { type: 'session.create', id: S, programmeId: P, title: 'Sessie', group: 'Team', date: '2025-03-01', templateId: 'lemniscaat-ik-wij-het' });
  for (let i = 0; i < 6; i++) run(temp.engine, S, { type: 'note.add', id: `n${i}`, zoneId: ZONES[i % 3], text: `Notitie ${i}`, x: 400 + i * 60, y: 500 });
  for (let i = 0; i < 3; i++) run(temp.engine, S, { type: 'attention.add', id: `a${i}`, zoneId: ZONES[i], title: `Punt ${i}` });
  const phone: Actor = { role: 'participant', participantId: 'p0' };
  run(temp.engine, S, { type: 'participant.join', id: 'p0', name: null }, phone);
  run(temp.engine, S, { type: 'voting.open', open: true });
  run(temp.engine, S, { type: 'vote.cast', id: 'v0', attentionPointId: `a${Math.floor(random() * 3)}` }, phone);
  return temp;
}

/** One laptop's own work: what a facilitator and one phone of that laptop do after the copy. */
function work(temp: TempEngine, laptop: number, random: () => number): void {
  const engine = temp.engine;
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const phone: Actor = { role: 'participant', participantId: `p-laptop${laptop}` };
  run(engine, S, { type: 'participant.join', id: `p-laptop${laptop}`, name: null }, phone);
  const steps = 4 + Math.floor(random() * 12);
  for (let step = 0; step < steps; step++) {
    const state = engine.session(S);
    if (!state) return;
    const note = pick(Object.keys(state.notes));
    const point = pick(Object.keys(state.attentionPoints));
    const unique = `${laptop}-${step}`;
    switch (Math.floor(random() * 9)) {
      case 0:
        run(engine, S, { type: 'note.add', id: `n${unique}`, zoneId: pick(ZONES), text: `Nieuw ${unique}` });
        break;
      case 1:
      case 2:
        if (note) run(engine, S, { type: 'note.edit', id: note, text: `Laptop ${laptop} schreef ${step}` });
        break;
      case 3:
        if (note) run(engine, S, { type: 'note.move', moves: [{ id: note, x: Math.round(200 + random() * 1200), y: Math.round(300 + random() * 400) }] });
        break;
      case 4:
        if (note) run(engine, S, { type: 'note.delete', ids: [note] });
        break;
      case 5:
        run(engine, S, { type: 'attention.add', id: `a${unique}`, zoneId: pick(ZONES), title: `Punt ${unique}` });
        break;
      case 6:
        if (point) run(engine, S, { type: 'attention.edit', id: point, title: `Punt door ${laptop}`, chosen: random() < 0.5 });
        break;
      case 7:
        if (point) run(engine, S, { type: 'vote.cast', id: `v${unique}`, attentionPointId: point }, phone);
        break;
      default:
        if (point) run(engine, S, { type: 'ingredient.add', id: `i${unique}`, attentionPointId: point, text: `Ingrediënt ${unique}` });
    }
  }
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item) => (item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item));

/** The records every laptop must agree on: all but a session's copy of its list entry and local counters. */
function records(temp: TempEngine): string {
  const rows = temp.db.prepare("SELECT stream, key, id, data, deleted, rev, vv FROM entities WHERE key != 'meta' ORDER BY stream, key, id").all() as { data: string }[];
  // One line per record, so a difference points at the record.
  return rows.map((row) => canonical({ ...row, data: JSON.parse(row.data) })).join('\n');
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('merging archives of one programme from three laptops', () => {
  const scenarios = size('EILAND_MERGE_SCENARIOS', 200, 1000);
  const seed = runSeed();
  const open: TempEngine[] = [];
  afterAll(() => {
    for (const temp of open.splice(0)) temp.cleanup();
  });

  it(`gives the same records on every laptop in any order, and a second merge changes nothing (${scenarios} scenarios)`, { timeout: 10 * 60_000 }, () => {
    const started = Date.now();
    let conflicts = 0;
    let tombstones = 0;
    for (let scenario = 0; scenario < scenarios; scenario++) {
      const random = seededRandom(seed + scenario);
      const origin = base(random);
      const copy = readArchive(writeArchive(programmeArchiveContent(origin.engine, P)));
      origin.cleanup();
      const laptops = [0, 1, 2].map((laptop) => {
        const temp = tempEngine();
        open.push(temp);
        importArchive(temp.engine, copy);
        work(temp, laptop, random);
        return temp;
      });
      // What each laptop brings: its archive after its own work, through the real file format.
      const archives: ArchiveContent[] = laptops.map((temp) => readArchive(writeArchive(programmeArchiveContent(temp.engine, P))));
      const fresh = tempEngine();
      open.push(fresh);
      for (const temp of [...laptops, fresh]) {
        for (const archive of shuffled(archives, random)) importArchive(temp.engine, archive);
      }
      const expected = records(fresh);
      for (const [index, temp] of laptops.entries()) {
        expect(records(temp), `seed ${seed + scenario}, laptop ${index}`).toBe(expected);
      }
      const again = archives[Math.floor(random() * 3)] as ArchiveContent;
      const events = (fresh.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      importArchive(fresh.engine, again);
      expect(records(fresh), `seed ${seed + scenario}, merged twice`).toBe(expected);
      expect((fresh.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(events);
      conflicts += Object.values(fresh.engine.session(S)?.notes ?? {}).filter((note) => note.conflicts?.length).length;
      tombstones += (fresh.db.prepare('SELECT count(*) AS n FROM entities WHERE deleted = 1').get() as { n: number }).n;
      for (const temp of open.splice(0)) temp.cleanup();
    }
    for (const type of ['note.add', 'note.edit', 'note.move', 'note.delete', 'attention.add', 'attention.edit', 'vote.cast', 'ingredient.add']) {
      expect(acked.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    report(`records.merge: ${scenarios} scenarios × 3 laptops, merged in random orders on 4 laptops: identical records every time; merging again changed nothing; ${conflicts} notes kept a conflicting text, ${tombstones} tombstones; ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${seed}`);
  });
});
