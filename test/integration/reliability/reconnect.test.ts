import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../shared/reducer';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { sessionCreate } from '../../support/payloads';
import { rawWebSocket } from '../../support/raw-socket';
import { report, seed, seededRandom, size, sleep } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';
import { joinRoom } from '../../support/ws-client';

/**
 * targets.md, Reliability, "Flaky wifi": a phone drops and reconnects in the middle of sending;
 * every note and vote counts exactly once, because commands carry client-made ids and a phone
 * re-sends what was not acknowledged with the same ids.
 *
 * Three ways to drop: after some acks came back (mid-batch), right after the last frame left
 * (before any ack), and inside a frame (a hand-made socket stops halfway through the bytes).
 * Re-sending may itself be cut again.
 */

const ROUNDS = size('EILAND_FLAKY_ROUNDS', 12, 100);
const BATCH = 30;
const RANDOM_SEED = seed();
const random = seededRandom(RANDOM_SEED);
const POINTS = ['ap1', 'ap2', 'ap3', 'ap4', 'ap5'];
const ZONES = ['ik', 'wij', 'het'];

type Host = Awaited<ReturnType<typeof startTestHost>>;
interface Sent {
  id: string;
  command: CommandInput;
}

describe('reliability: flaky wifi', () => {
  let host: Host;
  let code: string;
  let facilitator: TrackingClient;
  beforeAll(async () => {
    host = await startTestHost();
    facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    const must = async (stream: string, command: CommandInput) => {
      const reply = await facilitator.command(`setup-${command.type}-${String(command.id ?? '')}`, stream, command);
      if (reply?.t !== 'ack') throw new Error(`setup ${command.type}: ${JSON.stringify(reply)}`);
    };
    await must('workspace', sessionCreate('s1', 'Wankel wifi'));
    await must('s1', { type: 'settings.update', dotsPerParticipant: 50, maxDotsPerItem: null });
    for (const id of POINTS) await must('s1', { type: 'attention.add', id, zoneId: null, title: `Punt ${id}` });
    await must('s1', { type: 'voting.open', open: true });
    facilitator.ws.send(JSON.stringify({ t: 'room', action: 'open', sessionId: 's1' }));
    const room = await facilitator.waitFor((m) => m.t === 'room' && m.open);
    code = room.t === 'room' ? (room.joinCode as string) : '';
  });
  afterAll(async () => {
    facilitator?.close();
    await host?.cleanup();
  });

  const eventOf = (commandId: string) =>
    host.db.prepare('SELECT stream, seq, type FROM events WHERE command_id = ?').all(commandId) as { stream: string; seq: number; type: string }[];

  it(`${ROUNDS} phones drop mid-send, reconnect and re-send: every note and vote counts once`, async () => {
    const started = Date.now();
    const totals = { commands: 0, drops: 0, midFrame: 0, resent: 0, appliedBeforeAck: 0, replays: 0, notes: 0, votes: 0 };
    const wsBase = host.url.replace(/^http/, 'ws');

    for (let round = 0; round < ROUNDS; round += 1) {
      const joined = await joinRoom(host.url, code, `Telefoon ${round}`);
      expect(joined.status).toBe(200);
      const { token, participantId } = joined.body as { token: string; participantId: string };
      const batch: Sent[] = Array.from({ length: BATCH }, (_, k) => ({
        id: `r${round}-c${k}`,
        command:
          k % 3 === 2
            ? { type: 'vote.cast', id: `r${round}-v${k}`, attentionPointId: POINTS[k % POINTS.length] as string }
            : { type: 'note.add', id: `r${round}-n${k}`, zoneId: ZONES[k % ZONES.length] as string, text: `Ronde ${round}, notitie ${k} — één keer` },
      }));
      const acked = new Map<string, number>();
      const collect = (client: TrackingClient) => {
        for (const [id, ack] of client.acks) {
          expect(ack.stream).toBe('s1');
          if (acked.has(id)) expect(acked.get(id)).toBe(ack.seq);
          acked.set(id, ack.seq);
        }
        for (const [id, refusal] of client.refusals) throw new Error(`${id} was refused: ${refusal.code} ${refusal.message}`);
      };

      // ---- the first attempt, cut in one of three ways
      const mode = round % 3;
      totals.drops += 1;
      if (mode === 2) {
        totals.midFrame += 1;
        const raw = await rawWebSocket(`${wsBase}ws?participant=${token}`);
        const whole = 1 + Math.floor(random() * (BATCH - 2));
        const frames = batch.map((sent) => raw.frame(JSON.stringify({ t: 'command', id: sent.id, stream: 's1', command: sent.command })));
        const cut = frames[whole] as Buffer;
        await raw.write(Buffer.concat([...frames.slice(0, whole), cut.subarray(0, 2 + Math.floor(random() * (cut.length - 3)))]));
        raw.destroy();
        await sleep(100);
        // Half a frame is never a command: the one that was cut off did not happen.
        expect(eventOf((batch[whole] as Sent).id)).toEqual([]);
        for (const sent of batch.slice(whole + 1)) expect(eventOf(sent.id)).toEqual([]);
      } else {
        const phone = await TrackingClient.participant(host.url, token);
        await phone.waitFor((m) => m.t === 'welcome');
        const split = mode === 0 ? 5 + Math.floor(random() * (BATCH - 10)) : BATCH;
        for (const sent of batch.slice(0, split)) phone.send(sent.id, 's1', sent.command);
        if (mode === 0) {
          // Some acks come back, then the rest leaves and the line drops before their acks.
          await phone.waitFor((m) => m.t === 'ack', 5000);
          for (const sent of batch.slice(split)) phone.send(sent.id, 's1', sent.command);
        }
        phone.terminate();
        await phone.closed;
        collect(phone);
      }

      // ---- reconnect with the same token and re-send what was not acknowledged, maybe cut again
      for (let attempt = 0; ; attempt += 1) {
        const missing = batch.filter((sent) => !acked.has(sent.id));
        if (missing.length === 0) break;
        expect(attempt, 'a phone that keeps re-sending gets everything acknowledged').toBeLessThan(6);
        await sleep(20);
        totals.appliedBeforeAck += missing.filter((sent) => eventOf(sent.id).length > 0).length;
        totals.resent += missing.length;
        const phone = await TrackingClient.participant(host.url, token);
        await phone.waitFor((m) => m.t === 'welcome');
        const dropAgain = attempt < 2 && random() < 0.4;
        for (const sent of missing) phone.send(sent.id, 's1', sent.command);
        if (dropAgain) {
          totals.drops += 1;
          phone.terminate();
          await phone.closed;
        } else {
          await Promise.all(missing.map((sent) => phone.reply(sent.id)));
          phone.close();
        }
        collect(phone);
      }

      // ---- acknowledged ids sent once more: the same ack, the same seq, nothing applied
      const seqBefore = host.engine.seqOf('s1');
      const again = await TrackingClient.participant(host.url, token);
      for (const sent of batch) again.send(sent.id, 's1', { ...sent.command, text: 'Dit mag nooit verschijnen' });
      const replies = await Promise.all(batch.map((sent) => again.reply(sent.id)));
      replies.forEach((reply, k) => {
        expect(reply).toEqual({ t: 'ack', id: (batch[k] as Sent).id, stream: 's1', seq: acked.get((batch[k] as Sent).id) });
      });
      totals.replays += batch.length;
      again.close();
      expect(host.engine.seqOf('s1')).toBe(seqBefore);

      // ---- exactly once: in the engine, in the log and in the state rows
      const state = host.engine.session('s1');
      const notes = Object.values(state?.notes ?? {}).filter((note) => note.authorId === participantId);
      const votes = Object.values(state?.votes ?? {}).filter((vote) => vote.participantId === participantId);
      const wantNotes = batch.filter((sent) => sent.command.type === 'note.add');
      const wantVotes = batch.filter((sent) => sent.command.type === 'vote.cast');
      expect(notes.map((note) => note.id).sort()).toEqual(wantNotes.map((sent) => String(sent.command.id)).sort());
      for (const note of notes) expect(note.text).toBe(wantNotes.find((sent) => sent.command.id === note.id)?.command.text);
      expect(votes.map((vote) => vote.id).sort()).toEqual(wantVotes.map((sent) => String(sent.command.id)).sort());
      for (const sent of batch) {
        const events = eventOf(sent.id);
        expect(events).toEqual([{ stream: 's1', seq: acked.get(sent.id), type: sent.command.type }]);
      }
      const rows = (key: string) =>
        (host.db.prepare('SELECT data FROM entities WHERE stream = ? AND key = ? AND deleted = 0').all('s1', key) as { data: string }[])
          .map((row) => JSON.parse(row.data) as { authorId?: string; participantId?: string })
          .filter((entity) => (key === 'notes' ? entity.authorId : entity.participantId) === participantId);
      expect(rows('notes')).toHaveLength(wantNotes.length);
      expect(rows('votes')).toHaveLength(wantVotes.length);
      totals.commands += batch.length;
      totals.notes += notes.length;
      totals.votes += votes.length;
    }

    // The session as a whole: no command counted twice, the log and the rows agree.
    const all = host.db.prepare("SELECT count(*) AS n, count(DISTINCT command_id) AS d FROM events WHERE stream = 's1' AND type IN ('note.add', 'vote.cast')").get() as { n: number; d: number };
    expect(all).toEqual({ n: totals.commands, d: totals.commands });
    expect(Object.keys(host.engine.session('s1')?.notes ?? {})).toHaveLength(totals.notes);
    expect(Object.keys(host.engine.session('s1')?.votes ?? {})).toHaveLength(totals.votes);
    report(
      `reliability.flaky: ${ROUNDS} phones × ${BATCH} commands = ${totals.commands}; ${totals.drops} drops ` +
        `(${totals.midFrame} inside a frame); ${totals.resent} re-sent with the same id, of which ${totals.appliedBeforeAck} ` +
        `had been applied before the drop (ack lost) → acknowledged again; ${totals.notes} notes and ${totals.votes} votes, ` +
        `each exactly once (engine, events, rows); ${totals.replays} replays of acked ids → same seq, nothing applied; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; seed ${RANDOM_SEED}`,
    );
  });
});
