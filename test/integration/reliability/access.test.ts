import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../shared/protocol';
import { type CommandInput, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../../shared/reducer';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { HISTORY_PAYLOADS, type PayloadFixture, sessionCreate, sessionPayloads, workspacePayloads } from '../../support/payloads';
import { report } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';
import { joinRoom } from '../../support/ws-client';

/**
 * targets.md, Reliability, "Access": a participant tries every facilitator-only command and none
 * succeeds; 50 votes fired in parallel never give more dots than allowed; a wrong join code is
 * rate-limited. Real host on loopback, real SQLite file, real sockets.
 */

type Host = Awaited<ReturnType<typeof startTestHost>>;
type Reply = Extract<HostMessage, { t: 'ack' } | { t: 'error' }>;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

async function must(client: TrackingClient, stream: string, command: CommandInput): Promise<number> {
  const reply = await client.command(nextId('setup'), stream, command);
  if (reply?.t !== 'ack') throw new Error(`setup ${command.type} was not acknowledged: ${JSON.stringify(reply)}`);
  return reply.seq;
}

async function openRoom(facilitator: TrackingClient, sessionId: string): Promise<string> {
  facilitator.ws.send(JSON.stringify({ t: 'room', action: 'open', sessionId }));
  const reply = await facilitator.waitFor((m) => m.t === 'room' && m.sessionId === sessionId && m.open);
  if (reply.t !== 'room' || !reply.joinCode) throw new Error('room did not open');
  return reply.joinCode;
}

async function phone(host: Host, code: string, name: string): Promise<TrackingClient & { participantId: string; token: string }> {
  const joined = await joinRoom(host.url, code, name);
  if (joined.status !== 200) throw new Error(`join failed: ${joined.status}`);
  const { token, participantId } = joined.body as { token: string; participantId: string };
  return Object.assign(await TrackingClient.participant(host.url, token), { participantId, token });
}

function rowsOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify([
      db.prepare('SELECT * FROM streams ORDER BY id').all(),
      db.prepare('SELECT * FROM entities ORDER BY stream, key, id').all(),
      db.prepare('SELECT * FROM events ORDER BY stream, seq').all(),
    ]);
  } finally {
    db.close();
  }
}

describe('reliability: access', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a participant or projector cannot run a single facilitator-only command', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    const projector = await TrackingClient.staff(host.url, TEST_TOKEN, 'projector');
    cleanups.push(() => facilitator.close(), () => projector.close());

    await must(facilitator, 'workspace', { type: 'programme.create', id: 'prog1', name: 'Programma' });
    await must(facilitator, 'workspace', sessionCreate('s1', 'Toegang', 'prog1'));
    await must(facilitator, 'workspace', sessionCreate('sdel', 'Weg ermee'));
    await must(facilitator, 'workspace', { type: 'programme.create', id: 'prog-del', name: 'Weg programma' });
    // An earlier session of the programme whose ingredients became actions: s1 reviews them.
    await must(facilitator, 'workspace', { ...sessionCreate('s0', 'Vorige keer', 'prog1'), date: '2024-05-01' });
    await must(facilitator, 's0', { type: 'attention.add', id: 'ap0', zoneId: 'wij', title: 'Eerder punt' });
    for (const id of ['ing0-keep', 'ing0-del', 'ing0-free']) await must(facilitator, 's0', { type: 'ingredient.add', id, attentionPointId: 'ap0', text: `Ingrediënt ${id}` });
    for (const [id, ingredientId] of [['act-keep', 'ing0-keep'], ['act-del', 'ing0-del']]) {
      await must(facilitator, 'workspace', { type: 'action.create', id, programmeId: 'prog1', sessionId: 's0', ingredientId });
    }
    for (const id of ['th-keep', 'th-del']) await must(facilitator, 'workspace', { type: 'theme.create', id, programmeId: 'prog1', title: `Thema ${id}` });
    await must(facilitator, 's1', { type: 'review.begin' });
    const code = await openRoom(facilitator, 's1');
    const participant = await phone(host, code, 'Anna');
    const duplicate = await phone(host, code, 'Anna (tablet)');
    cleanups.push(() => participant.close(), () => duplicate.close());

    // Every entity the payloads refer to exists, so only the role can make a difference.
    for (const id of ['n-keep', 'n-del', 'n-c1', 'n-c2']) await must(facilitator, 's1', { type: 'note.add', id, zoneId: 'ik', text: `Notitie ${id}` });
    await must(facilitator, 's1', { type: 'cluster.create', id: 'c-keep', title: 'Blijft', noteIds: ['n-c1'] });
    await must(facilitator, 's1', { type: 'cluster.create', id: 'c-del', title: 'Gaat', noteIds: ['n-c2'] });
    await must(facilitator, 's1', { type: 'attention.add', id: 'ap1', zoneId: 'ik', title: 'Punt' });
    await must(facilitator, 's1', { type: 'attention.add', id: 'ap-del', zoneId: null, title: 'Weg' });
    await must(facilitator, 's1', { type: 'ingredient.add', id: 'ing1', attentionPointId: 'ap1', text: 'Ingrediënt' });
    await must(facilitator, 's1', { type: 'ingredient.add', id: 'ing-del', attentionPointId: 'ap1', text: 'Weg' });
    await must(facilitator, 's1', { type: 'other.add', id: 'o-del', zoneId: null, text: 'Overig' });
    await must(facilitator, 's1', { type: 'voting.open', open: true });
    await must(participant, 's1', { type: 'vote.cast', id: 'v1', attentionPointId: 'ap1' });

    const fixture: PayloadFixture = {
      fresh: 'x1',
      zoneId: 'ik',
      noteId: 'n-keep',
      deletableNoteId: 'n-del',
      clusterId: 'c-keep',
      deletableClusterId: 'c-del',
      attentionPointId: 'ap1',
      deletableAttentionPointId: 'ap-del',
      ingredientId: 'ing1',
      deletableIngredientId: 'ing-del',
      deletableOtherPointId: 'o-del',
      voteId: 'v1',
      participantId: participant.participantId,
      duplicateParticipantId: duplicate.participantId,
      phaseId: 'checkin',
      programmeId: 'prog1',
      sessionId: 's1',
      deletableSession: { id: 'sdel', title: 'Weg ermee' },
      deletableProgramme: { id: 'prog-del', name: 'Weg programma' },
      actionId: 'act-keep',
      deletableActionId: 'act-del',
      actionSessionId: 's0',
      actionIngredientId: 'ing0-free',
      themeId: 'th-keep',
      deletableThemeId: 'th-del',
    };
    const session = sessionPayloads(fixture);
    const workspace = workspacePayloads(fixture);
    // The catalogue covers every registered command, and every payload passes its schema.
    expect(Object.keys(session).sort()).toEqual([...SESSION_COMMANDS.keys()].sort());
    expect(Object.keys(workspace).sort()).toEqual([...WORKSPACE_COMMANDS.keys()].sort());
    for (const [registry, payloads] of [[SESSION_COMMANDS, session], [WORKSPACE_COMMANDS, workspace]] as const) {
      for (const [type, { type: _type, ...fields }] of Object.entries(payloads)) {
        expect(registry.get(type)?.schema.safeParse(fields).success, `${type} payload is valid`).toBe(true);
      }
    }

    const codes = new Map<string, number>();
    let tried = 0;
    let succeeded = 0;
    const attempt = async (client: TrackingClient, stream: string, command: CommandInput): Promise<Reply | null> => {
      tried += 1;
      const reply = await client.command(nextId('try'), stream, command);
      if (reply?.t === 'ack') succeeded += 1;
      if (reply?.t === 'error') codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
      return reply;
    };
    const unchanged = async (work: () => Promise<void>) => {
      const state = JSON.stringify([host.engine.session('s1'), host.engine.workspace]);
      const rows = rowsOf(host.databaseFile);
      await work();
      expect(JSON.stringify([host.engine.session('s1'), host.engine.workspace])).toBe(state);
      expect(rowsOf(host.databaseFile)).toBe(rows);
    };

    // Session commands: the participant and the projector are refused, then the facilitator
    // sends the very same payload and it is accepted — proof that it was the role that mattered.
    const facilitatorOnly = [...SESSION_COMMANDS.values()].filter((definition) => !definition.roles.includes('participant'));
    expect(facilitatorOnly.length).toBeGreaterThan(20);
    for (const definition of facilitatorOnly) {
      const payload = session[definition.type] as CommandInput;
      await unchanged(async () => {
        expect(await attempt(participant, 's1', payload), `participant ${definition.type}`).toMatchObject({ t: 'error', code: 'forbidden' });
        expect(await attempt(projector, 's1', payload), `projector ${definition.type}`).toMatchObject({ t: 'error', code: 'forbidden' });
      });
      expect(await facilitator.command(nextId('fac'), 's1', payload), `facilitator ${definition.type}`).toMatchObject({ t: 'ack' });
    }
    // Undo and redo belong to the facilitator too (the engine handles them, not the reducer).
    for (const payload of Object.values(HISTORY_PAYLOADS)) {
      await unchanged(async () => {
        expect(await attempt(participant, 's1', payload)).toMatchObject({ t: 'error', code: 'forbidden' });
        expect(await attempt(projector, 's1', payload)).toMatchObject({ t: 'error', code: 'forbidden' });
      });
    }
    expect(await facilitator.command(nextId('fac'), 's1', HISTORY_PAYLOADS['history.undo'] as CommandInput)).toMatchObject({ t: 'ack' });
    expect(await facilitator.command(nextId('fac'), 's1', HISTORY_PAYLOADS['history.redo'] as CommandInput)).toMatchObject({ t: 'ack' });

    // The projector may send nothing at all, not even what a participant may send.
    const participantAllowed = [...SESSION_COMMANDS.values()].filter((definition) => definition.roles.includes('participant'));
    await unchanged(async () => {
      for (const definition of participantAllowed) {
        expect(await attempt(projector, 's1', session[definition.type] as CommandInput), `projector ${definition.type}`).toMatchObject({
          t: 'error',
          code: 'forbidden',
        });
      }
    });

    // Rooms: only the facilitator opens, closes or even asks about a room.
    let roomTries = 0;
    await unchanged(async () => {
      // The projector may ask for the status (to show the join code), so only open and close count there.
      for (const [client, actions] of [[participant, ['open', 'close', 'status']], [projector, ['open', 'close']]] as const) {
        for (const action of actions) {
          roomTries += 1;
          tried += 1;
          const before = client.received.length;
          client.ws.send(JSON.stringify({ t: 'room', action, sessionId: 's1' }));
          await client.waitForCount(before + 1);
          const reply = client.received[before] as HostMessage;
          expect(reply, `room ${action}`).toMatchObject({ t: 'error', code: 'forbidden' });
          if (reply.t !== 'error') succeeded += 1;
          else codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
        }
      }
    });
    expect(host.rooms.status('s1')).toEqual({ joinCode: code, open: true });
    expect(participant.open).toBe(true);

    // The sessions list: a phone is held to its own session, the projector has no say.
    await unchanged(async () => {
      for (const [type, payload] of Object.entries(workspace)) {
        expect(await attempt(participant, 'workspace', payload), `participant ${type}`).toMatchObject({ t: 'error', code: 'wrong_session' });
        expect(await attempt(projector, 'workspace', payload), `projector ${type}`).toMatchObject({ t: 'error', code: 'forbidden' });
      }
    });
    for (const payload of Object.values(workspace)) {
      expect(await facilitator.command(nextId('fac'), 'workspace', payload), payload.type).toMatchObject({ t: 'ack' });
    }

    expect(succeeded).toBe(0);
    const participantTries = facilitatorOnly.length + 2 + 3 + Object.keys(workspace).length;
    report(
      `reliability.access: participant tried ${participantTries} facilitator-only commands ` +
        `(${facilitatorOnly.length} session, 2 history, 3 room, ${Object.keys(workspace).length} workspace), ` +
        `projector tried ${tried - participantTries}; ${succeeded} succeeded; ` +
        `answers ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; room tries ${roomTries}`,
    );
  });

  it('50 votes fired in parallel never give more dots than allowed', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    await must(facilitator, 'workspace', sessionCreate('sv', 'Stemmen'));
    await must(facilitator, 'sv', { type: 'settings.update', dotsPerParticipant: 3, maxDotsPerItem: null });
    for (const id of ['pa', 'pb', 'pc']) await must(facilitator, 'sv', { type: 'attention.add', id, zoneId: null, title: `Punt ${id}` });
    await must(facilitator, 'sv', { type: 'voting.open', open: true });
    const code = await openRoom(facilitator, 'sv');
    const points = ['pa', 'pb', 'pc'];
    const votesOf = (participantId: string) => Object.values(host.engine.session('sv')?.votes ?? {}).filter((v) => v.participantId === participantId);
    const voteRows = () => {
      const db = new Database(host.databaseFile, { readonly: true });
      try {
        return (db.prepare("SELECT data FROM entities WHERE stream = 'sv' AND key = 'votes' AND deleted = 0").all() as { data: string }[]).map(
          (row) => JSON.parse(row.data) as { participantId: string },
        );
      } finally {
        db.close();
      }
    };
    const fire = async (sockets: TrackingClient[], count: number, pointFor: (i: number) => string) => {
      const ids = Array.from({ length: count }, () => nextId('vote'));
      // All frames leave before the first answer can arrive: no awaiting between sends.
      ids.forEach((id, i) => {
        (sockets[i % sockets.length] as TrackingClient).send(id, 'sv', { type: 'vote.cast', id, attentionPointId: pointFor(i) });
      });
      const replies = await Promise.all(ids.map((id, i) => (sockets[i % sockets.length] as TrackingClient).reply(id)));
      const acks = replies.filter((reply) => reply?.t === 'ack').length;
      const reasons = new Map<string, number>();
      for (const reply of replies) if (reply?.t === 'error') reasons.set(`${reply.code}/${reply.reason}`, (reasons.get(`${reply.code}/${reply.reason}`) ?? 0) + 1);
      return { acks, reasons, answered: replies.filter(Boolean).length };
    };

    // 1. dotsPerParticipant 3, 50 votes over three points from one socket.
    const first = await phone(host, code, 'Snel');
    cleanups.push(() => first.close());
    const one = await fire([first], 50, (i) => points[i % 3] as string);
    expect(one).toEqual({ acks: 3, reasons: new Map([['rule_violation/no_dots_left', 47]]), answered: 50 });
    expect(votesOf(first.participantId)).toHaveLength(3);
    expect(voteRows().filter((v) => v.participantId === first.participantId)).toHaveLength(3);

    // 2. maxDotsPerItem 1: 50 votes on one point give one dot.
    await must(facilitator, 'sv', { type: 'settings.update', maxDotsPerItem: 1 });
    const second = await phone(host, code, 'Gretig');
    cleanups.push(() => second.close());
    const two = await fire([second], 50, () => 'pa');
    expect(two).toEqual({ acks: 1, reasons: new Map([['rule_violation/max_dots_per_item', 49]]), answered: 50 });
    expect(votesOf(second.participantId)).toHaveLength(1);

    // 3. One participant on five sockets at once (same token): still never more than allowed.
    const joined = await joinRoom(host.url, code, 'Veelvoud');
    const { token, participantId } = joined.body as { token: string; participantId: string };
    const sockets = await Promise.all(Array.from({ length: 5 }, () => TrackingClient.participant(host.url, token)));
    cleanups.push(() => {
      for (const socket of sockets) socket.close();
    });
    const three = await fire(sockets, 50, (i) => points[i % 3] as string);
    expect(three.acks).toBe(3);
    expect(three.answered).toBe(50);
    expect(votesOf(participantId)).toHaveLength(3);
    expect(new Set(votesOf(participantId).map((v) => v.attentionPointId))).toEqual(new Set(points));

    const rows = voteRows();
    expect(rows).toHaveLength(3 + 1 + 3);
    expect(Object.keys(host.engine.session('sv')?.votes ?? {})).toHaveLength(7);
    report(
      `reliability.access.votes: 3×50 parallel vote.cast → ${one.acks} + ${two.acks} + ${three.acks} acks ` +
        `(allowed 3, 1, 3); refused ${[one, two, three].map((r) => [...r.reasons].map(([k, n]) => `${k} ${n}`).join(', ')).join('; ')}; ` +
        `${rows.length} vote rows in SQLite`,
    );
  });

  it('a wrong join code is rate-limited, after which even the right code must wait', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    await must(facilitator, 'workspace', sessionCreate('sj', 'Deur'));
    const code = await openRoom(facilitator, 'sj');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 15; attempt += 1) {
      const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
      statuses.push((await joinRoom(host.url, attempt % 2 === 0 ? wrong : `NOPE${attempt}`)).status);
    }
    const right = await joinRoom(host.url, code);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(right.status).toBe(429);
    expect(Object.keys(host.engine.session('sj')?.participants ?? {})).toHaveLength(0);
    report(`reliability.access.join: 15 wrong codes → ${statuses.filter((s) => s === 404).length}×404 then ${statuses.filter((s) => s === 429).length}×429; right code while limited → ${right.status}`);
  });
});
