import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/changes';
import { COLLECTION_KEYS, type SessionState } from '../../../shared/domain';
import type { CommandInput } from '../../../shared/reducer';
import { tempDataDir } from '../../support/host-harness';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../../support/host-process';
import { sessionCreate } from '../../support/payloads';
import { report, seed, seededRandom, size, sleep } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';
import { joinRoom } from '../../support/ws-client';

/**
 * targets.md, Reliability, "Crash": the host runs as its own process (the bundled main.ts, as the
 * app starts it) and is killed with SIGKILL at random moments of a scripted session in which phones
 * add, edit and vote and the facilitator moves and clusters. After every kill the database file,
 * as the kill left it, is opened read-only: `PRAGMA integrity_check` must say ok, and every command
 * the host acknowledged must be there with its sequence number and its effect. Then the host is
 * restarted on the same folder, the phones reconnect with their tokens and re-send what was not
 * acknowledged (same ids), and the session goes on.
 */

const KILLS = size('EILAND_CRASH_KILLS', 5, 50);
const PHONES = size('EILAND_CRASH_PHONES', 5, 20);
const MAX_KILL_DELAY_MS = 600;
const WINDOW = 3;
const RANDOM_SEED = seed();
const random = seededRandom(RANDOM_SEED);
const SESSION = 's1';
const ZONES = ['ik', 'wij', 'het'];

interface Sent {
  id: string;
  actor: string;
  stream: string;
  command: CommandInput;
  order: number;
}

interface Actor {
  name: string;
  token: string | null;
  participantId: string | null;
  /** Sent, neither acknowledged nor refused yet: re-sent, in order, after a reconnect. */
  pending: string[];
  notes: string[];
  votes: Set<string>;
  castsInFlight: number;
}

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

describe('reliability: kill -9', () => {
  let bundle: HostBundle;
  let dataDir: string;
  let host: HostProcess | null = null;
  const token = randomBytes(16).toString('hex');

  beforeAll(async () => {
    bundle = await buildHostBundle();
    dataDir = tempDataDir('eiland-crash-');
  }, 60_000);
  afterAll(async () => {
    await host?.kill9();
    bundle?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses no acknowledged command over ${KILLS} kills with ${PHONES} phones`, async () => {
    const started = Date.now();
    const sent = new Map<string, Sent>();
    const acked = new Map<string, { stream: string; seq: number }>();
    const refused = new Map<string, string>();
    let order = 0;
    const ackedNotes: string[] = [];
    const ackedClusters: string[] = [];
    const ackedPoints: string[] = [];
    const retracted = new Set<string>();
    const unattributed = new Map<string, number>();
    const stats = { sent: 0, resent: 0, appliedBeforeKill: 0, pendingAtKill: 0, restartMs: [] as number[], killDelays: [] as number[], perKillAcks: [] as number[] };
    let counter = 0;
    const fresh = (prefix: string) => `${prefix}${(++counter).toString(36)}`;

    // ---- the session: created once, its room open; the phones join once and keep their tokens
    host = await spawnHost(bundle.file, dataDir, token);
    const facilitatorActor: Actor = { name: 'facilitator', token: null, participantId: null, pending: [], notes: [], votes: new Set(), castsInFlight: 0 };
    const phones: Actor[] = [];
    {
      const setup = await TrackingClient.staff(host.url, token);
      const must = async (stream: string, command: CommandInput) => {
        const id = fresh('setup-');
        const reply = await setup.command(id, stream, command);
        if (reply?.t !== 'ack') throw new Error(`setup ${command.type}: ${JSON.stringify(reply)}`);
        sent.set(id, { id, actor: 'facilitator', stream, command, order: order++ });
        acked.set(id, { stream, seq: reply.seq });
      };
      await must('workspace', sessionCreate(SESSION, 'Crashbestendig'));
      await must(SESSION, { type: 'settings.update', dotsPerParticipant: 50, maxDotsPerItem: null });
      for (const id of ['ap-a', 'ap-b', 'ap-c']) {
        await must(SESSION, { type: 'attention.add', id, zoneId: null, title: `Punt ${id}` });
        ackedPoints.push(id);
      }
      await must(SESSION, { type: 'voting.open', open: true });
      setup.ws.send(JSON.stringify({ t: 'room', action: 'open', sessionId: SESSION }));
      const room = await setup.waitFor((m) => m.t === 'room' && m.open);
      const code = room.t === 'room' ? (room.joinCode as string) : '';
      setup.close();
      for (let p = 0; p < PHONES; p += 1) {
        const joined = await joinRoom(host.url, code, `Telefoon ${p}`);
        expect(joined.status).toBe(200);
        const { token: phoneToken, participantId } = joined.body as { token: string; participantId: string };
        phones.push({ name: `phone-${p}`, token: phoneToken, participantId, pending: [], notes: [], votes: new Set(), castsInFlight: 0 });
      }
    }

    const nextCommand = (actor: Actor): { stream: string; command: CommandInput } => {
      const r = random();
      if (actor.participantId === null) {
        const notes = ackedNotes;
        if (r < 0.45 && notes.length > 0) {
          const moves = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ id: pick(notes) as string, x: Math.round(random() * 1600), y: Math.round(random() * 1000) }));
          return { stream: SESSION, command: { type: 'note.move', moves } };
        }
        if (r < 0.65 && notes.length > 0) {
          const noteIds = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(notes) as string))];
          return { stream: SESSION, command: { type: 'cluster.create', id: fresh('c'), title: `Cluster ${counter}`, noteIds } };
        }
        if (r < 0.85 && ackedClusters.length > 0) {
          return { stream: SESSION, command: { type: 'cluster.move', id: pick(ackedClusters) as string, x: Math.round(random() * 1600), y: Math.round(random() * 1000) } };
        }
        if (ackedPoints.length < 40) return { stream: SESSION, command: { type: 'attention.add', id: fresh('ap'), zoneId: null, title: `Punt ${counter}` } };
        return { stream: SESSION, command: { type: 'timer.control', action: pick(['start', 'pause', 'addMinute'] as const) as string } };
      }
      if (r < 0.45 || (r < 0.75 && actor.notes.length === 0)) {
        return { stream: SESSION, command: { type: 'note.add', id: fresh('n'), zoneId: pick(ZONES) as string, text: `Notitie ${counter} van ${actor.name}` } };
      }
      if (r < 0.75) return { stream: SESSION, command: { type: 'note.edit', id: pick(actor.notes) as string, text: `Bewerkt ${counter} door ${actor.name}` } };
      if (actor.votes.size + actor.castsInFlight < 45) {
        actor.castsInFlight += 1;
        return { stream: SESSION, command: { type: 'vote.cast', id: fresh('v'), attentionPointId: pick(ackedPoints) as string } };
      }
      const vote = pick([...actor.votes]) as string;
      actor.votes.delete(vote);
      retracted.add(vote);
      return { stream: SESSION, command: { type: 'vote.retract', id: vote } };
    };

    const settle = (actor: Actor, id: string, reply: Awaited<ReturnType<TrackingClient['reply']>>) => {
      if (reply === null) return; // the host died first: still pending
      const entry = sent.get(id) as Sent;
      actor.pending = actor.pending.filter((pendingId) => pendingId !== id);
      if (entry.command.type === 'vote.cast' && !acked.has(id) && !refused.has(id)) actor.castsInFlight = Math.max(0, actor.castsInFlight - 1);
      if (reply.t === 'error') {
        refused.set(id, `${reply.code}${reply.reason ? `/${reply.reason}` : ''}`);
        return;
      }
      if (acked.has(id)) {
        // A re-sent id answered after a restart: the same seq as the first ack, or it was never acked.
        expect(reply.seq).toBe(acked.get(id)?.seq);
        return;
      }
      acked.set(id, { stream: reply.stream, seq: reply.seq });
      const entity = String(entry.command.id ?? '');
      if (entry.command.type === 'note.add') {
        ackedNotes.push(entity);
        actor.notes.push(entity);
      }
      if (entry.command.type === 'vote.cast' && !retracted.has(entity)) actor.votes.add(entity);
      if (entry.command.type === 'cluster.create') ackedClusters.push(entity);
      if (entry.command.type === 'attention.add') ackedPoints.push(entity);
    };

    const drive = async (actor: Actor, client: TrackingClient, running: () => boolean) => {
      const inflight: Promise<void>[] = [];
      const track = (id: string) => inflight.push(client.reply(id).then((reply) => settle(actor, id, reply)));
      // First what the last host never answered, with the same ids and in the same order.
      for (const id of [...actor.pending]) {
        const entry = sent.get(id) as Sent;
        client.send(id, entry.stream, entry.command);
        stats.resent += 1;
        track(id);
      }
      while (running() && client.open) {
        const { stream, command } = nextCommand(actor);
        const id = fresh(`${actor.name}-`);
        sent.set(id, { id, actor: actor.name, stream, command, order: order++ });
        actor.pending.push(id);
        stats.sent += 1;
        client.send(id, stream, command);
        track(id);
        // At most WINDOW unanswered: after a restart the re-sent backlog drains before new work.
        while (inflight.length >= WINDOW) await inflight.shift();
        await sleep(2 + random() * 20);
      }
      await Promise.all(inflight);
    };

    let integrityOk = 0;
    let lost = 0;
    const lostDetail: string[] = [];

    for (let kill = 0; kill < KILLS; kill += 1) {
      const current = host as HostProcess;
      const ackedBefore = acked.size;
      let running = true;
      // Everyone (re)connects; phones use the token they got when they joined.
      const actors = [facilitatorActor, ...phones];
      const clients = await Promise.all(
        actors.map((actor) => (actor.token ? TrackingClient.participant(current.url, actor.token) : TrackingClient.staff(current.url, token))),
      );
      const work = actors.map((actor, k) => drive(actor, clients[k] as TrackingClient, () => running));
      const delay = Math.floor(random() * MAX_KILL_DELAY_MS);
      stats.killDelays.push(delay);
      await sleep(delay);
      const exit = await current.kill9();
      running = false;
      expect(exit.signal, `the host was still running when killed:\n${current.output()}`).toBe('SIGKILL');
      await Promise.all(clients.map((client) => client.closed));
      await Promise.all(work);
      // Answers the host could not tie to a command (id null): a client cannot know which one it was.
      for (const client of clients) {
        for (const message of client.received) {
          if (message.t === 'error' && message.id === null) unattributed.set(message.code, (unattributed.get(message.code) ?? 0) + 1);
        }
      }
      stats.perKillAcks.push(acked.size - ackedBefore);

      // ---- the file as the kill left it, read-only
      const audit = auditDatabase(join(dataDir, 'eiland.sqlite'), { sent, acked, retracted });
      if (audit.integrity === 'ok') integrityOk += 1;
      lost += audit.lost.length;
      lostDetail.push(...audit.lost.slice(0, 5));
      expect(audit.integrity).toBe('ok');
      expect(audit.problems).toEqual([]);
      expect(audit.lost).toEqual([]);
      const pendingNow = actors.flatMap((actor) => actor.pending);
      stats.pendingAtKill += pendingNow.length;
      stats.appliedBeforeKill += pendingNow.filter((id) => audit.applied.has(id)).length;

      // ---- restart on the same folder
      const before = Date.now();
      host = await spawnHost(bundle.file, dataDir, token);
      stats.restartMs.push(Date.now() - before);
      expect(host.output()).not.toMatch(/beschadigd|damaged/i);
    }

    // ---- after the last kill: the restarted host serves the session with everything in it
    const final = host as HostProcess;
    const facilitator = await TrackingClient.staff(final.url, token);
    facilitator.ws.send(JSON.stringify({ t: 'subscribe', stream: SESSION }));
    const snapshot = await facilitator.waitFor((m) => m.t === 'snapshot' && m.stream === SESSION);
    const state = snapshot.t === 'snapshot' ? (snapshot.state as SessionState) : null;
    for (const id of acked.keys()) {
      const entry = sent.get(id) as Sent;
      if (entry.command.type === 'note.add') expect(state?.notes[String(entry.command.id)], `note of ${id}`).toBeDefined();
    }
    const maxSessionSeq = Math.max(...[...acked.values()].filter((a) => a.stream === SESSION).map((a) => a.seq));
    expect(snapshot.t === 'snapshot' && snapshot.seq).toBeGreaterThanOrEqual(maxSessionSeq);
    // A phone reconnects once more and its work is acknowledged as usual.
    const phone = await TrackingClient.participant(final.url, phones[0]?.token as string);
    expect(await phone.command('after-the-last-kill', SESSION, { type: 'note.add', id: 'n-final', zoneId: 'ik', text: 'Nog steeds hier' })).toMatchObject({ t: 'ack' });
    phone.close();
    facilitator.close();
    const stopped = await final.stop();
    expect(stopped.code).toBe(0);
    host = null;

    expect(lost).toBe(0);
    expect(integrityOk).toBe(KILLS);
    const refusedCodes = new Map<string, number>();
    for (const code of refused.values()) refusedCodes.set(code, (refusedCodes.get(code) ?? 0) + 1);
    expect(refusedCodes.get('internal') ?? 0).toBe(0);
    const avg = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
    report(
      `reliability.crash: ${KILLS} kills, ${lost} acknowledged commands lost, integrity ok ${integrityOk}/${KILLS}; ` +
        `${PHONES} phones + facilitator sent ${stats.sent} commands (+${stats.resent} re-sent after restarts), ${acked.size} acknowledged ` +
        `(min ${Math.min(...stats.perKillAcks)}, max ${Math.max(...stats.perKillAcks)} per run), ` +
        `${stats.pendingAtKill} unanswered at a kill of which ${stats.appliedBeforeKill} were committed (ack lost, re-acked after restart); ` +
        `refused ${[...refusedCodes].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}; ` +
        `errors without a command id ${[...unattributed].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}; ` +
        `kill delay avg ${avg(stats.killDelays)} ms, restart avg ${avg(stats.restartMs)} ms; ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${RANDOM_SEED}`,
    );
    if (lostDetail.length > 0) console.log(lostDetail.join('\n'));
  });
});

interface Ledger {
  sent: Map<string, Sent>;
  acked: Map<string, { stream: string; seq: number }>;
  retracted: Set<string>;
}

/**
 * Reads the database file read-only and checks it against what the host acknowledged:
 * every acked command id is in the log with its stream and seq; every stream's log runs 1..seq
 * without gaps; the state rows equal the log folded from the start; and each acked command's
 * effect is in the rows (its note, with a text no older than the last acked one; its vote, unless
 * it was taken back; its cluster; its point).
 */
function auditDatabase(file: string, ledger: Ledger): { integrity: string; lost: string[]; problems: string[]; applied: Set<string> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const problems: string[] = [];
    const lost: string[] = [];
    const events = db.prepare('SELECT stream, seq, command_id AS commandId, changes FROM events ORDER BY stream, seq').all() as {
      stream: string;
      seq: number;
      commandId: string;
      changes: string;
    }[];
    const byCommand = new Map(events.map((event) => [event.commandId, event]));

    // Logs without gaps, and the stream's seq is the last event's.
    const streams = db.prepare('SELECT id, seq FROM streams').all() as { id: string; seq: number }[];
    for (const stream of streams) {
      const seqs = events.filter((event) => event.stream === stream.id).map((event) => event.seq);
      if (seqs.length !== stream.seq || seqs.some((seq, k) => seq !== k + 1)) problems.push(`stream ${stream.id}: seq ${stream.seq}, log ${seqs.length} events`);
    }

    // The rows are the log folded: each entity holds the `after` of its last change.
    const folded = new Map<string, unknown>();
    // Where the log itself removes an entity later (the last note moved out of a cluster removes it).
    const removedAt = new Map<string, number>();
    for (const event of events) {
      for (const change of JSON.parse(event.changes) as Change[]) {
        const slot = `${event.stream}/${change.key}/${change.id ?? ''}`;
        folded.set(slot, change.after);
        if (change.after === null) removedAt.set(slot, event.seq);
      }
    }
    const rows = db.prepare('SELECT stream, key, id, data FROM entities WHERE deleted = 0').all() as { stream: string; key: string; id: string; data: string }[];
    const rowMap = new Map(rows.map((row) => [`${row.stream}/${row.key}/${row.id}`, row.data]));
    for (const [slot, after] of folded) {
      const stream = slot.split('/')[0] as string;
      if (!streams.some((s) => s.id === stream)) continue;
      const row = rowMap.get(slot);
      const expected = after === null ? undefined : JSON.stringify(after);
      if (row !== expected) problems.push(`row ${slot} is ${row?.slice(0, 80)}, the log says ${expected?.slice(0, 80)}`);
    }
    for (const row of rows) {
      const slot = `${row.stream}/${row.key}/${row.id}`;
      if ((COLLECTION_KEYS as readonly string[]).includes(row.key) && row.stream !== 'workspace' && !folded.has(slot)) problems.push(`row ${slot} has no event`);
    }

    const entity = (stream: string, key: string, id: string) => {
      const data = rowMap.get(`${stream}/${key}/${id}`);
      return data === undefined ? undefined : (JSON.parse(data) as Record<string, unknown>);
    };
    // The last acknowledged write of each note, by send order.
    const lastAckedWrite = new Map<string, number>();
    for (const [id] of ledger.acked) {
      const entry = ledger.sent.get(id);
      if (!entry || (entry.command.type !== 'note.add' && entry.command.type !== 'note.edit')) continue;
      const note = String(entry.command.id);
      lastAckedWrite.set(note, Math.max(lastAckedWrite.get(note) ?? -1, entry.order));
    }
    for (const [id, ack] of ledger.acked) {
      const event = byCommand.get(id);
      if (!event || event.stream !== ack.stream || event.seq !== ack.seq) {
        lost.push(`${id}: acked as ${ack.stream}#${ack.seq}, log has ${event ? `${event.stream}#${event.seq}` : 'nothing'}`);
        continue;
      }
      const entry = ledger.sent.get(id);
      if (!entry) continue;
      const { type } = entry.command;
      const target = String(entry.command.id ?? '');
      if (type === 'note.add' || type === 'note.edit') {
        const note = entity(entry.stream, 'notes', target);
        const newest = lastAckedWrite.get(target) ?? -1;
        const allowed = [...ledger.sent.values()]
          .filter((other) => (other.command.type === 'note.add' || other.command.type === 'note.edit') && other.command.id === target && other.order >= newest)
          .map((other) => other.command.text);
        if (!note) lost.push(`${id}: note ${target} is missing`);
        else if (!allowed.includes(note.text)) lost.push(`${id}: note ${target} reads "${String(note.text)}", older than the last acked text`);
      }
      if (type === 'vote.cast' && !ledger.retracted.has(target) && !entity(entry.stream, 'votes', target)) lost.push(`${id}: vote ${target} is missing`);
      if (type === 'vote.retract' && entity(entry.stream, 'votes', target)) lost.push(`${id}: vote ${target} was taken back but is there`);
      const removedLater = (removedAt.get(`${entry.stream}/clusters/${target}`) ?? 0) > event.seq;
      if (type === 'cluster.create' && !entity(entry.stream, 'clusters', target) && !removedLater) lost.push(`${id}: cluster ${target} is missing`);
      if (type === 'attention.add' && !entity(entry.stream, 'attentionPoints', target)) lost.push(`${id}: point ${target} is missing`);
      if (type === 'session.create' && !entity('workspace', 'sessions', target)) lost.push(`${id}: session ${target} is missing`);
    }
    return { integrity, lost, problems, applied: new Set(byCommand.keys()) };
  } finally {
    db.close();
  }
}
