import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type HostMessage, parseClientMessage } from '../../../shared/protocol';
import { type CommandInput, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../../shared/reducer';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { HISTORY_PAYLOADS, type PayloadFixture, sessionCreate, sessionPayloads, workspacePayloads } from '../../support/payloads';
import { report, seed, seededRandom, size, sleep } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';
import { joinRoom } from '../../support/ws-client';

/**
 * targets.md, Reliability, "Hostile input": at least 10,000 malformed, oversized, unknown,
 * forged-role and replayed messages from facilitator, projector and phone sockets. Every one is
 * answered with a coded error (or, for a replayed id, the original ack); the host keeps serving;
 * the sessions and every SQLite row are unchanged.
 *
 * Each message carries the answer it must get, and answers are matched to messages by order per
 * socket (the host answers every frame exactly once, in order), so a wrong code fails the test.
 * Well-formed `room` requests are the exception: the host queues them (opening a room may start a
 * network listener), so their answers can overtake; they go to sockets of their own and are
 * matched as a multiset of codes.
 */

const MESSAGES = size('EILAND_HOSTILE_MESSAGES', 2000, 10_000);
const RANDOM_SEED = seed();
const random = seededRandom(RANDOM_SEED);

type Role = 'facilitator' | 'projector' | 'phone';
interface Hostile {
  category: string;
  from: Role;
  /** For a phone: which one must send it (its own notes and votes differ from the others'). */
  phone?: number;
  frame: string | Buffer;
  binary?: boolean;
  /** The codes that are a right answer, or an ack with this seq (a replayed id). */
  expect: readonly ErrorCode[] | { ack: number };
}

type Host = Awaited<ReturnType<typeof startTestHost>>;

const json = (value: unknown) => JSON.stringify(value);
const command = (id: string, stream: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  json({ t: 'command', id, stream, command: body, ...extra });
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const nested = (depth: number, open: string, close: string, inner = '0') => open.repeat(depth) + inner + close.repeat(depth);

const malformed = ['{', '{"t":"command"', 'not json', '', ' ', '{"t":"ping","id":"x",}', "{'t':'ping','id':'x'}", '\u0000', '{"t":"command","id":"a"}}', '}{', '[', 'undefined', '{"t":"ping","id":"x"} trailing'];

interface World {
  sessionId: string;
  otherSessionId: string;
  fixture: PayloadFixture;
  /** Command ids that were acknowledged during setup, with their stream and seq. */
  facilitatorAcks: { id: string; stream: string; seq: number }[];
  phoneAcks: { id: string; seq: number; phone: number }[];
  phones: { participantId: string; noteId: string; voteId: string }[];
  innocent: string;
}

/** The catalogue of attacks; each call makes one message, with fresh ids where they matter. */
function attacks(w: World): ((i: number) => Hostile)[] {
  const s = w.sessionId;
  const sessionCatalogue = sessionPayloads(w.fixture);
  const workspaceCatalogue = workspacePayloads(w.fixture);
  // Only types the catalogue knows (access.test.ts fails when a new command has no payload there).
  const facilitatorOnly = [...SESSION_COMMANDS.values()].filter((d) => !d.roles.includes('participant') && d.type in sessionCatalogue).map((d) => d.type);
  const everySession = [...SESSION_COMMANDS.keys()].filter((type) => type in sessionCatalogue);
  const everyWorkspace = [...WORKSPACE_COMMANDS.keys()].filter((type) => type in workspaceCatalogue);
  const id = (i: number) => `hostile-${i}`;
  const roles: Role[] = ['facilitator', 'projector', 'phone'];
  const anyone = (i: number) => roles[i % 3] as Role;
  const bad: readonly ErrorCode[] = ['bad_message'];
  const phoneOf = (i: number) => w.phones[i % w.phones.length] as World['phones'][number];
  const otherPhoneOf = (i: number) => w.phones[(i + 1) % w.phones.length] as World['phones'][number];
  const forged = { role: 'facilitator', actor: { role: 'facilitator', participantId: null } };
  // Strict schemas refuse the forged fields themselves; the others ignore them and the role check refuses.

  const notObjects = ['null', '42', '"command"', '[]', 'true', '[{"t":"ping","id":"x"}]', '-0', '1e5'];
  const unknownT = ['hack', 'COMMAND', 'event', 'ack', 'snapshot', 'welcome', 'error', 'pong', '', 'command ', '__proto__', 'constructor'];

  return [
    // ---- malformed and non-object JSON
    (i) => ({ category: 'malformed JSON', from: anyone(i), frame: pick(malformed), expect: bad }),
    (i) => ({ category: 'malformed JSON', from: anyone(i), frame: Array.from({ length: 80 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join(''), expect: bad }),
    (i) => ({ category: 'not an object', from: anyone(i), frame: pick(notObjects), expect: bad }),
    // ---- wrong types
    (i) => ({
      category: 'wrong types',
      from: anyone(i),
      frame: pick([
        json({ t: 'command', id: 5, stream: s, command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: 1, command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: s, command: 'note.add' }),
        json({ t: 'command', id: id(i), stream: s, command: { type: 7 } }),
        json({ t: 'command', id: id(i), stream: s, command: [] }),
        json({ t: 'command', id: id(i), stream: s, command: null }),
        json({ t: 'command', id: id(i), stream: s }),
        json({ t: 'command', id: '', stream: s, command: { type: 'note.add' } }),
        json({ t: 'command', id: 'x'.repeat(65), stream: s, command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: '', command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: s, baseSeq: '3', command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: s, baseSeq: -1, command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: s, baseSeq: 1.5, command: { type: 'note.add' } }),
        json({ t: 'command', id: id(i), stream: s, command: { type: '' } }),
        json({ t: 'command', id: id(i), stream: s, command: { type: 'x'.repeat(65) } }),
        json({ t: 'subscribe', stream: s, sinceSeq: '0' }),
        json({ t: 'subscribe', stream: s, sinceSeq: -5 }),
        json({ t: 'subscribe', stream: [s] }),
        json({ t: 'subscribe' }),
        json({ t: 'unsubscribe' }),
        json({ t: 'unsubscribe', stream: 42 }),
        json({ t: 'room', action: 'delete', sessionId: s }),
        json({ t: 'room', action: 'open' }),
        json({ t: 'ping' }),
        json({ t: 'ping', id: 3 }),
        json({ t: ['command'], id: id(i), stream: s, command: { type: 'note.add' } }),
      ]),
      expect: bad,
    }),
    (i) => ({ category: 'unknown t', from: anyone(i), frame: json({ t: pick(unknownT), id: id(i), stream: s }), expect: bad }),
    (i) => ({ category: 'unknown t', from: anyone(i), frame: json({ id: id(i), stream: s, command: { type: 'note.add' } }), expect: bad }),
    // ---- unknown command types
    (i) => ({
      category: 'unknown command',
      from: anyone(i),
      frame: command(id(i), s, { type: pick(['note.explode', 'admin.grant', 'x'.repeat(64), 'session.create', 'programme.create', 'history.undo ', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'NOTE.ADD']) }),
      expect: ['unknown_command'],
    }),
    (i) => ({ category: 'unknown command', from: 'facilitator', frame: command(id(i), 'workspace', { type: pick([...everySession.filter((type) => !type.startsWith('history.')), 'constructor']) }), expect: ['unknown_command'] }),
    (i) => ({ category: 'unknown command', from: 'phone', frame: command(id(i), 'workspace', { type: pick(everyWorkspace) }), expect: ['wrong_session'] }),
    // ---- oversized
    (i) => ({
      category: 'oversized',
      from: i % 2 ? 'facilitator' : 'phone',
      frame: command(id(i), s, { type: 'note.add', id: `big-${i}`, zoneId: 'ik', text: 'x'.repeat(501 + Math.floor(random() * 20_000)) }),
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'oversized',
      from: 'facilitator',
      frame: pick([
        command(id(i), s, { type: 'attention.add', id: `big-${i}`, zoneId: 'ik', title: 'T'.repeat(201) }),
        command(id(i), s, { type: 'observation.set', zoneId: 'ik', text: 'o'.repeat(4001) }),
        command(id(i), s, { type: 'note.add', id: 'n'.repeat(65), zoneId: 'ik', text: 'Te lang id' }),
        command(id(i), s, { type: 'note.add', id: `ws-${i}`, zoneId: 'ik', text: '   \n\t  ' }),
        command(id(i), s, { type: 'meta.update', facilitator: 'f'.repeat(121) }),
        command(id(i), 'workspace', { ...(workspaceCatalogue['session.rename'] as CommandInput), title: 't'.repeat(201) }),
      ]),
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'oversized frame',
      from: anyone(i),
      frame: command(id(i), s, { type: 'note.add', id: `huge-${i}`, zoneId: 'ik', text: 'y'.repeat(70_000 + Math.floor(random() * 100_000)) }),
      expect: ['too_large'],
    }),
    // A frame over 64 KiB in bytes but not in characters: the limit is on bytes.
    (i) => ({
      category: 'oversized frame',
      from: anyone(i),
      frame: command(id(i), s, { type: 'note.add', id: `euro-${i}`, zoneId: 'ik', text: '€'.repeat(30_000) }),
      expect: ['too_large'],
    }),
    // ---- deep nesting
    (i) => ({ category: 'deep nesting', from: anyone(i), frame: nested(20_000, '[', ']'), expect: bad }),
    (i) => ({ category: 'deep nesting', from: anyone(i), frame: nested(10_000, '{"a":', '}'), expect: bad }),
    (i) => ({
      category: 'deep nesting',
      from: i % 2 ? 'facilitator' : 'phone',
      frame: `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.add","id":"deep-${i}","zoneId":"ik","text":${nested(10_000, '[', ']')}}}`,
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'deep nesting',
      from: 'facilitator',
      frame: `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"history.redo","x":${nested(8_000, '{"a":', '}')}}}`,
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'deep nesting',
      from: anyone(i),
      frame: `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"deep.unknown","x":${nested(8_000, '[', ']')}}}`,
      expect: ['unknown_command'],
    }),
    (i) => ({ category: 'deep nesting', from: anyone(i), frame: `{"t":"subscribe","stream":${nested(5_000, '[', ']', '"s1"')}}`, expect: bad }),
    // ---- prototype pollution
    (i) => ({
      category: 'prototype keys',
      from: 'facilitator',
      frame: pick([
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.add","__proto__":{"id":"pp-${i}","zoneId":"ik","text":"polluted"}}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.move","moves":[{"__proto__":{"id":"n-keep","x":1,"y":1}}]}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"settings.update","__proto__":{"dotsPerParticipant":50},"dotsPerParticipant":0}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"settings.update","constructor":{"prototype":{"polluted":true}}}}`,
        command(id(i), s, { type: 'note.edit', id: pick(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineSetter__', 'isPrototypeOf']), text: 'polluted' }),
        command(id(i), s, { type: 'attention.add', id: pick(['constructor', '__proto__', 'toString']), zoneId: null, title: 'polluted' }),
        command(id(i), s, { type: 'note.add', id: `pz-${i}`, zoneId: pick(['__proto__', 'constructor']), text: 'polluted' }),
        command(id(i), s, { type: 'cluster.create', id: `pc-${i}`, title: 'polluted', noteIds: ['__proto__'] }),
        command(id(i), s, { type: 'phases.configure', phases: [{ id: '__proto__', kind: 'notes', zoneId: null }] }),
        command(id(i), 'workspace', { type: 'session.rename', id: 'constructor', title: 'polluted' }),
        command(id(i), 'workspace', { type: 'programme.create', id: '__proto__', name: 'polluted' }),
      ]),
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'prototype keys',
      from: 'facilitator',
      frame: pick([
        json({ t: 'subscribe', stream: pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) }),
        command(id(i), pick(['__proto__', 'constructor', 'prototype', 'toString']), sessionCatalogue['note.add'] as CommandInput),
        json({ t: 'room', action: pick(['open', 'close', 'status']), sessionId: pick(['__proto__', 'constructor', 'toString']) }),
      ]),
      expect: ['not_found'],
    }),
    (i) => ({ category: 'prototype keys', from: anyone(i), frame: '{"__proto__":{"t":"ping","id":"x"}}', expect: bad }),
    (i) => ({
      category: 'prototype keys',
      from: i % 2 ? 'phone' : 'projector',
      frame: `{"t":"command","id":"${id(i)}","stream":"${s}","__proto__":{"role":"facilitator"},"command":{"type":"voting.open","open":false,"constructor":{"prototype":{"role":"facilitator"}},"__proto__":{"role":"facilitator"}}}`,
      expect: ['forbidden'],
    }),
    // ---- forged roles
    (i) => {
      const type = pick(facilitatorOnly);
      return {
        category: 'forged role',
        from: i % 2 ? 'phone' : 'projector',
        frame: command(id(i), s, { ...(sessionCatalogue[type] as CommandInput), ...forged }, { role: 'facilitator', actor: { role: 'facilitator' } }),
        // The role is checked before anything else looks at a command (connection.ts), payload or not.
        expect: ['forbidden'],
      };
    },
    (i) => ({ category: 'forged role', from: 'phone', frame: command(id(i), s, { type: 'participant.join', id: w.innocent, name: 'Ik ben iemand anders' }), expect: ['forbidden'] }),
    (i) => ({
      category: 'forged role',
      from: 'phone',
      phone: i % w.phones.length,
      // The phone has used its dots; a participantId in the payload does not make it someone else.
      frame: command(id(i), s, { type: 'vote.cast', id: `fv-${i}`, attentionPointId: 'ap1', participantId: w.innocent, actor: { role: 'participant', participantId: w.innocent } }),
      expect: ['rule_violation'],
    }),
    (i) => ({
      category: 'forged role',
      from: 'phone',
      phone: i % w.phones.length,
      frame: pick([
        command(id(i), s, { type: 'note.edit', id: otherPhoneOf(i).noteId, text: 'Overgenomen', authorId: phoneOf(i).participantId }),
        command(id(i), s, { type: 'note.delete', ids: [otherPhoneOf(i).noteId], authorId: phoneOf(i).participantId }),
        command(id(i), s, { type: 'note.edit', id: 'n-keep', text: 'Van de facilitator afgepakt', role: 'facilitator' }),
        command(id(i), s, { type: 'vote.retract', id: otherPhoneOf(i).voteId, participantId: otherPhoneOf(i).participantId }),
      ]),
      expect: ['rule_violation'],
    }),
    (i) => ({ category: 'forged role', from: 'facilitator', frame: command(id(i), s, { type: 'vote.cast', id: `fv-${i}`, attentionPointId: 'ap1', participantId: w.innocent }), expect: ['forbidden'] }),
    // A phone may not even ask about the room; the projector may ask (status) but never open or close it.
    () => ({ category: 'forged role', from: 'phone', frame: json({ t: 'room', action: pick(['open', 'close', 'status']), sessionId: s, role: 'facilitator' }), expect: ['forbidden'] }),
    () => ({ category: 'forged role', from: 'projector', frame: json({ t: 'room', action: pick(['open', 'close']), sessionId: s, role: 'facilitator' }), expect: ['forbidden'] }),
    // ---- a participant (and the projector) sending facilitator commands
    (i) => ({ category: 'facilitator command', from: 'phone', frame: command(id(i), s, sessionCatalogue[pick(facilitatorOnly)] as CommandInput), expect: ['forbidden'] }),
    (i) => ({ category: 'facilitator command', from: i % 2 ? 'phone' : 'projector', frame: command(id(i), s, HISTORY_PAYLOADS[pick(['history.undo', 'history.redo'])] as CommandInput), expect: ['forbidden'] }),
    (i) => ({ category: 'facilitator command', from: 'projector', frame: command(id(i), s, sessionCatalogue[pick(everySession)] as CommandInput), expect: ['forbidden'] }),
    (i) => ({ category: 'facilitator command', from: 'projector', frame: command(id(i), 'workspace', workspaceCatalogue[pick(everyWorkspace)] as CommandInput), expect: ['forbidden'] }),
    // ---- replayed ids with other payloads: acknowledged again to their sender, nothing applied
    (i) => {
      const earlier = pick(w.facilitatorAcks.filter((a) => a.stream === s));
      return {
        category: 'replay',
        from: 'facilitator',
        frame: command(earlier.id, s, pick([{ type: 'votes.clear' }, { type: 'note.add', id: `r-${i}`, zoneId: 'ik', text: 'Ander' }, { type: 'history.undo' }, { type: 'nonsense' }])),
        expect: { ack: earlier.seq },
      };
    },
    // Someone else's id (ids travel in every event): the role is checked first, so no ack tells anything.
    (i) => {
      const earlier = pick(w.facilitatorAcks.filter((a) => a.stream === s));
      const [body, answer] = pick([
        [{ type: 'votes.clear' }, 'forbidden'],
        [{ type: 'note.add', id: `r-${i}`, zoneId: 'ik', text: 'Ander' }, 'forbidden'],
        [{ type: 'history.undo' }, 'forbidden'],
        [{ type: 'nonsense' }, 'unknown_command'],
      ] as const);
      return { category: 'replay', from: 'projector', frame: command(earlier.id, s, body), expect: [answer] };
    },
    (i) => {
      const earlier = pick(w.facilitatorAcks.filter((a) => a.stream === s));
      return { category: 'replay', from: 'phone', phone: i % w.phones.length, frame: command(earlier.id, s, { type: 'votes.clear' }), expect: ['forbidden'] };
    },
    (i) => {
      const earlier = pick(w.phoneAcks);
      return {
        category: 'replay',
        from: 'phone',
        frame: command(earlier.id, s, pick([{ type: 'note.add', id: `r-${i}`, zoneId: 'ik', text: 'Ander' }, { type: 'vote.cast', id: `rv-${i}`, attentionPointId: 'ap1' }, { type: 'note.delete', ids: ['n-keep'] }])),
        expect: { ack: earlier.seq },
      };
    },
    () => {
      const earlier = pick(w.facilitatorAcks.filter((a) => a.stream === 'workspace'));
      return { category: 'replay', from: 'facilitator', frame: command(earlier.id, s, { type: 'votes.clear' }), expect: ['conflict'] };
    },
    () => {
      const earlier = pick(w.facilitatorAcks.filter((a) => a.stream === s));
      return { category: 'replay', from: 'facilitator', frame: command(earlier.id, 'workspace', workspaceCatalogue['programme.create'] as CommandInput), expect: ['conflict'] };
    },
    () => ({ category: 'replay', from: 'phone', frame: command((pick(w.phoneAcks) as { id: string }).id, w.otherSessionId, { type: 'votes.clear' }), expect: ['wrong_session'] }),
    // ---- other and unknown sessions
    (i) => ({
      category: 'other session',
      from: 'facilitator',
      frame: pick([
        command(id(i), `nope-${i}`, sessionCatalogue['note.add'] as CommandInput),
        json({ t: 'subscribe', stream: `nope-${i}` }),
        json({ t: 'room', action: pick(['open', 'close', 'status']), sessionId: `nope-${i}` }),
      ]),
      expect: ['not_found'],
    }),
    (i) => ({
      category: 'other session',
      from: 'phone',
      frame: pick([
        command(id(i), w.otherSessionId, { type: 'note.add', id: `os-${i}`, zoneId: 'ik', text: 'Elders' }),
        command(id(i), 'workspace', sessionCatalogue['note.add'] as CommandInput),
        command(id(i), `nope-${i}`, sessionCatalogue['note.add'] as CommandInput),
        json({ t: 'subscribe', stream: w.otherSessionId }),
        json({ t: 'subscribe', stream: 'workspace' }),
      ]),
      expect: ['wrong_session'],
    }),
    (i) => ({
      category: 'other session',
      from: 'facilitator',
      frame: json({ t: 'room', action: 'open', sessionId: `nope-${i}`, interfaceAddress: pick(['0.0.0.0', '8.8.8.8', '::', '127.0.0.1', '../../etc', '']) }),
      expect: ['not_found'],
    }),
    () => ({ category: 'forged role', from: 'projector', frame: json({ t: 'room', action: pick(['show', 'hide']), sessionId: s, interfaceAddress: '0.0.0.0' }), expect: ['forbidden'] }),
    (i) => ({ category: 'other session', from: 'projector', frame: command(id(i), w.otherSessionId, sessionCatalogue['note.add'] as CommandInput), expect: ['forbidden'] }),
    (i) => ({ category: 'other session', from: 'projector', frame: command(id(i), `nope-${i}`, sessionCatalogue['note.add'] as CommandInput), expect: ['forbidden'] }),
    (i) => ({ category: 'other session', from: 'facilitator', frame: command(id(i), w.otherSessionId, { type: 'note.add', id: `os-${i}`, zoneId: 'ik', text: 'z'.repeat(600) }), expect: ['invalid_payload'] }),
    (i) => ({ category: 'stale sequence', from: 'facilitator', frame: command(id(i), s, sessionCatalogue['note.add'] as CommandInput, { baseSeq: 1_000_000 + i }), expect: ['stale_sequence'] }),
    // ---- domain rules (well-formed but refused)
    (i) => ({
      category: 'domain rule',
      from: i % 2 ? 'facilitator' : 'phone',
      frame: pick([
        command(id(i), s, { type: 'note.add', id: 'n-keep', zoneId: 'ik', text: 'Bestaat al' }),
        command(id(i), s, { type: 'note.add', id: `uz-${i}`, zoneId: 'nergens', text: 'Geen zone' }),
        command(id(i), s, { type: 'note.edit', id: `missing-${i}`, text: 'Weg' }),
      ]),
      expect: ['rule_violation', 'not_found'],
    }),
    (i) => ({ category: 'domain rule', from: 'facilitator', frame: command(id(i), s, HISTORY_PAYLOADS['history.redo'] as CommandInput), expect: ['nothing_to_undo'] }),
    // ---- binary frames
    (i) => ({ category: 'binary', from: anyone(i), frame: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))), binary: true, expect: bad }),
    (i) => ({ category: 'binary', from: anyone(i), frame: Buffer.from(command(id(i), s, sessionCatalogue['note.add'] as CommandInput)), binary: true, expect: bad }),
    // ---- NaN, Infinity and other numbers JSON cannot or should not carry
    (i) => ({
      category: 'NaN/Infinity',
      from: anyone(i),
      frame: pick(['NaN', 'Infinity', `{"t":"command","id":"${id(i)}","stream":"${s}","baseSeq":NaN,"command":{"type":"note.add"}}`, `{"t":"subscribe","stream":"${s}","sinceSeq":Infinity}`, `{"t":"command","id":"${id(i)}","stream":"${s}","baseSeq":1e999,"command":{"type":"note.add"}}`, `{"t":"subscribe","stream":"${s}","sinceSeq":-1e999}`, `{"t":"command","id":"${id(i)}","stream":"${s}","baseSeq":1e20,"command":{"type":"note.add"}}`]),
      expect: bad,
    }),
    (i) => ({
      category: 'NaN/Infinity',
      from: 'facilitator',
      frame: pick([
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.add","id":"inf-${i}","zoneId":"ik","text":"Oneindig","x":1e999,"y":5}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"cluster.move","id":"c-keep","x":-1e999,"y":0}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"timer.control","action":"set","durationMs":1e999}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"settings.update","dotsPerParticipant":1e308}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"attention.edit","id":"ap1","order":1e999}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.move","moves":[{"id":"n-keep","x":"NaN","y":"Infinity"}]}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.move","moves":[{"id":"n-keep","x":20000,"y":-20000}]}}`,
        `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"settings.update","dotsPerParticipant":2.5}}`,
      ]),
      expect: ['invalid_payload'],
    }),
    (i) => ({
      category: 'NaN/Infinity',
      from: 'phone',
      frame: `{"t":"command","id":"${id(i)}","stream":"${s}","command":{"type":"note.add","id":"inf-${i}","zoneId":"ik","text":"Oneindig","x":-1e999}}`,
      expect: ['invalid_payload'],
    }),
    // ---- huge arrays
    (i) => ({ category: 'huge array', from: 'facilitator', frame: command(id(i), s, { type: 'note.move', moves: Array.from({ length: 1800 }, (_, k) => ({ id: `gone-${k}`, x: 1, y: 1 })) }), expect: ['not_found'] }),
    (i) => ({ category: 'huge array', from: i % 2 ? 'facilitator' : 'phone', frame: command(id(i), s, { type: 'note.delete', ids: Array.from({ length: 5000 }, (_, k) => `gone-${k}`) }), expect: ['not_found'] }),
    (i) => ({ category: 'huge array', from: 'projector', frame: command(id(i), s, { type: 'note.move', moves: Array.from({ length: 1800 }, (_, k) => ({ id: `gone-${k}`, x: 1, y: 1 })) }), expect: ['forbidden'] }),
    (i) => ({
      category: 'huge array',
      from: 'facilitator',
      frame: pick([
        command(id(i), s, { type: 'note.recolor', ids: Array.from({ length: 15_000 }, () => 0), color: '#000000' }),
        command(id(i), s, { type: 'cluster.create', id: `e-${i}`, title: 'Leeg', noteIds: [] }),
        command(id(i), s, { type: 'phases.configure', phases: Array.from({ length: 101 }, (_, k) => ({ id: `p${k}`, kind: 'notes', zoneId: null })) }),
        command(id(i), s, { type: 'note.move', moves: [] }),
      ]),
      expect: ['invalid_payload'],
    }),
    (i) => ({ category: 'huge array', from: anyone(i), frame: json(Array.from({ length: 20_000 }, () => 0)), expect: bad }),
  ];
}

/** Sends one connection's share, paced under the host's per-socket limit (200 burst, 100/s). */
async function drive(client: TrackingClient, messages: Hostile[]): Promise<void> {
  let tokens = 150;
  let last = Date.now();
  for (const message of messages) {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(150, tokens + ((now - last) / 1000) * 70);
      last = now;
      if (tokens >= 1) break;
      await sleep(15);
    }
    tokens -= 1;
    client.ws.send(message.frame, { binary: message.binary === true });
    // Keep the backlog small so that the host's clock and ours agree about the pace.
    if (client.ws.bufferedAmount > 256 * 1024) await sleep(5);
  }
}

function dump(file: string): { text: string; events: number } {
  const db = new Database(file, { readonly: true });
  try {
    const text = JSON.stringify([
      db.prepare('SELECT * FROM streams ORDER BY id').all(),
      db.prepare('SELECT * FROM entities ORDER BY stream, key, id').all(),
      db.prepare('SELECT * FROM events ORDER BY stream, seq').all(),
      db.prepare('SELECT * FROM rooms ORDER BY session_id').all(),
      db.prepare('SELECT * FROM participant_tokens ORDER BY token_hash').all(),
    ]);
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    return { text, events };
  } finally {
    db.close();
  }
}

describe('reliability: hostile input', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(async () => {
    await host?.cleanup();
  });

  it(`answers ${MESSAGES} hostile messages with error codes and changes nothing`, async () => {
    const started = Date.now();
    const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    let n = 0;
    const facilitatorAcks: World['facilitatorAcks'] = [];
    const must = async (client: TrackingClient, stream: string, body: CommandInput) => {
      const id = `setup-${++n}`;
      const reply = await client.command(id, stream, body);
      if (reply?.t !== 'ack') throw new Error(`setup ${body.type}: ${JSON.stringify(reply)}`);
      return { id, stream, seq: reply.seq };
    };
    facilitatorAcks.push(await must(facilitator, 'workspace', { type: 'programme.create', id: 'prog1', name: 'Programma' }));
    facilitatorAcks.push(await must(facilitator, 'workspace', sessionCreate('s1', 'Vijandig', 'prog1')));
    facilitatorAcks.push(await must(facilitator, 'workspace', sessionCreate('s2', 'Ernaast')));
    facilitatorAcks.push(await must(facilitator, 'workspace', sessionCreate('sdel', 'Weg ermee')));
    for (const id of ['n-keep', 'n-c']) facilitatorAcks.push(await must(facilitator, 's1', { type: 'note.add', id, zoneId: 'ik', text: `Notitie ${id}` }));
    facilitatorAcks.push(await must(facilitator, 's1', { type: 'cluster.create', id: 'c-keep', title: 'Cluster', noteIds: ['n-c'] }));
    facilitatorAcks.push(await must(facilitator, 's1', { type: 'attention.add', id: 'ap1', zoneId: 'ik', title: 'Punt 1' }));
    facilitatorAcks.push(await must(facilitator, 's1', { type: 'attention.add', id: 'ap2', zoneId: null, title: 'Punt 2' }));
    facilitatorAcks.push(await must(facilitator, 's1', { type: 'ingredient.add', id: 'ing1', attentionPointId: 'ap1', text: 'Ingrediënt' }));
    facilitatorAcks.push(await must(facilitator, 's1', { type: 'voting.open', open: true }));
    facilitator.ws.send(json({ t: 'room', action: 'open', sessionId: 's1' }));
    const room = await facilitator.waitFor((m) => m.t === 'room' && m.open);
    const code = room.t === 'room' ? (room.joinCode as string) : '';

    // Phones: each has written a note and used all three of its dots; one innocent phone has not.
    const phoneSockets: TrackingClient[] = [];
    const phones: World['phones'] = [];
    const phoneAcks: World['phoneAcks'] = [];
    const innocentJoin = await joinRoom(host.url, code, 'Onschuldig');
    const innocent = (innocentJoin.body as { participantId: string }).participantId;
    for (let p = 0; p < 10; p += 1) {
      const joined = await joinRoom(host.url, code, `Telefoon ${p}`);
      const { token, participantId } = joined.body as { token: string; participantId: string };
      const socket = await TrackingClient.participant(host.url, token);
      const note = await must(socket, 's1', { type: 'note.add', id: `pn-${p}`, zoneId: 'wij', text: `Van telefoon ${p}` });
      phoneAcks.push({ id: note.id, seq: note.seq, phone: p });
      for (let v = 0; v < 3; v += 1) {
        const vote = await must(socket, 's1', { type: 'vote.cast', id: `pv-${p}-${v}`, attentionPointId: v % 2 ? 'ap2' : 'ap1' });
        phoneAcks.push({ id: vote.id, seq: vote.seq, phone: p });
      }
      phoneSockets.push(socket);
      phones.push({ participantId, noteId: `pn-${p}`, voteId: `pv-${p}-0` });
    }
    const staff = await Promise.all([
      ...Array.from({ length: 11 }, () => TrackingClient.staff(host.url, TEST_TOKEN)),
      ...Array.from({ length: 8 }, () => TrackingClient.staff(host.url, TEST_TOKEN, 'projector')),
    ]);
    const pools: Record<Role, TrackingClient[]> = { facilitator: [facilitator, ...staff.slice(0, 11)], projector: staff.slice(11), phone: phoneSockets };
    const roomPools: Record<Role, TrackingClient[]> = {
      facilitator: await Promise.all([0, 1].map(() => TrackingClient.staff(host.url, TEST_TOKEN))),
      projector: await Promise.all([0, 1].map(() => TrackingClient.staff(host.url, TEST_TOKEN, 'projector'))),
      phone: [],
    };
    const roomSockets = new Set([...roomPools.facilitator, ...roomPools.projector]);
    const all = [...pools.facilitator, ...pools.projector, ...pools.phone, ...roomSockets];
    for (const client of all) await client.waitFor((m) => m.t === 'welcome');

    const world: World = {
      sessionId: 's1',
      otherSessionId: 's2',
      fixture: {
        fresh: 'hx',
        zoneId: 'ik',
        noteId: 'n-keep',
        deletableNoteId: 'n-keep',
        clusterId: 'c-keep',
        deletableClusterId: 'c-keep',
        attentionPointId: 'ap1',
        deletableAttentionPointId: 'ap2',
        ingredientId: 'ing1',
        deletableIngredientId: 'ing1',
        deletableOtherPointId: 'o-none',
        voteId: 'pv-0-0',
        participantId: innocent,
        duplicateParticipantId: innocent,
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
      },
      facilitatorAcks,
      phoneAcks,
      phones,
      innocent,
    };

    // A phone for the sockets that the host closes by design (its join is part of the setup).
    const phoneToken = (await joinRoom(host.url, code, 'Wegwerp')).body as { token: string };

    // ---- the state before
    const stateBefore = JSON.stringify([host.engine.session('s1'), host.engine.session('s2'), host.engine.session('sdel'), host.engine.workspace]);
    const seqBefore = [host.engine.seqOf('s1'), host.engine.seqOf('workspace')];
    const rowsBefore = dump(host.databaseFile);

    // ---- the barrage
    const makers = attacks(world);
    const messages: Hostile[] = Array.from({ length: MESSAGES }, (_, i) => (makers[i % makers.length] as (i: number) => Hostile)(i));
    const queues = new Map<TrackingClient, Hostile[]>(all.map((client) => [client, []]));
    const turn: Record<Role, number> = { facilitator: 0, projector: 0, phone: 0 };
    for (const message of messages) {
      const parsed = typeof message.frame === 'string' && !message.binary ? parseClientMessage(message.frame) : null;
      const queuedRoom = parsed?.ok === true && parsed.message.t === 'room' && message.from !== 'phone';
      const pool = queuedRoom ? roomPools[message.from] : pools[message.from];
      const index = message.phone ?? turn[message.from];
      turn[message.from] += 1;
      queues.get(pool[index % pool.length] as TrackingClient)?.push(message);
    }
    // The room the facilitator opened tells it of phones coming and going on its own: not answers.
    const answersOf = (client: (typeof all)[number]) => client.received.filter((m) => !(m.t === 'room' && m.sessionId === 's1'));
    const baseline = new Map(all.map((client) => [client, answersOf(client).length]));
    await Promise.all([...queues].map(([client, queue]) => drive(client, queue)));
    await Promise.all([...queues].map(([client, queue]) => client.waitForCount((baseline.get(client) ?? 0) + queue.length, 60_000)));

    // ---- every message got its answer
    const codes = new Map<string, number>();
    const categories = new Map<string, number>();
    let replayAcks = 0;
    let rateLimited = 0;
    const wrong: string[] = [];
    for (const [client, queue] of queues) {
      const received = answersOf(client);
      const answers = received.slice(baseline.get(client), (baseline.get(client) ?? 0) + queue.length);
      if (roomSockets.has(client)) {
        // Matched as a multiset: each of these requests has exactly one right code.
        for (const message of queue) categories.set(message.category, (categories.get(message.category) ?? 0) + 1);
        for (const answer of answers) if (answer.t === 'error') codes.set(answer.code, (codes.get(answer.code) ?? 0) + 1);
        expect(queue.every((message) => Array.isArray(message.expect) && message.expect.length === 1)).toBe(true);
        const got = answers.map((answer) => (answer.t === 'error' ? answer.code : answer.t)).sort();
        expect(got).toEqual(queue.map((message) => (message.expect as readonly ErrorCode[])[0] as string).sort());
        expect(received.length).toBe((baseline.get(client) ?? 0) + queue.length);
        continue;
      }
      queue.forEach((message, k) => {
        const answer = answers[k] as HostMessage;
        categories.set(message.category, (categories.get(message.category) ?? 0) + 1);
        if (answer.t === 'error') {
          codes.set(answer.code, (codes.get(answer.code) ?? 0) + 1);
          expect(ERROR_CODES).toContain(answer.code);
          if (answer.code === 'rate_limited') {
            rateLimited += 1;
            return;
          }
        }
        const expected = message.expect;
        const ok = Array.isArray(expected)
          ? answer.t === 'error' && expected.includes(answer.code)
          : answer.t === 'ack' && answer.seq === (expected as { ack: number }).ack;
        if (!Array.isArray(expected) && ok) replayAcks += 1;
        if (!ok && wrong.length < 20) {
          const text = typeof message.frame === 'string' ? message.frame : `<binary ${message.frame.length} bytes>`;
          wrong.push(`${message.category} from ${message.from}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(answer).slice(0, 300)} for ${text.slice(0, 200)}`);
        }
      });
      // Nothing beyond one answer per message.
      expect(received.length).toBe((baseline.get(client) ?? 0) + queue.length);
    }
    expect(wrong).toEqual([]);
    expect(codes.get('internal') ?? 0).toBe(0);
    // Most messages must reach validation, not the rate limiter.
    expect(rateLimited).toBeLessThan(MESSAGES / 100);

    // ---- a flood on one socket: the limiter answers, with a code, every frame beyond the burst
    const flooder = await TrackingClient.staff(host.url, TEST_TOKEN, 'projector');
    await flooder.waitFor((m) => m.t === 'welcome');
    for (let k = 0; k < 400; k += 1) flooder.ws.send(pick(malformed));
    await flooder.waitForCount(401);
    const floodAnswers = flooder.received.slice(1);
    const floodLimited = floodAnswers.filter((m) => m.t === 'error' && m.code === 'rate_limited').length;
    expect(floodAnswers.every((m) => m.t === 'error' && (m.code === 'rate_limited' || m.code === 'bad_message'))).toBe(true);
    expect(floodLimited).toBeGreaterThan(100);
    flooder.close();

    // ---- frames the host closes the socket for, by design: over 1 MiB, and text that is not UTF-8
    const closers: { what: string; code: number }[] = [];
    const throwaway = () =>
      pick([
        () => TrackingClient.staff(host.url, TEST_TOKEN),
        () => TrackingClient.staff(host.url, TEST_TOKEN, 'projector'),
        () => TrackingClient.participant(host.url, phoneToken.token),
      ])();
    for (let k = 0; k < 6; k += 1) {
      const socket = await throwaway();
      if (k % 2 === 0) {
        socket.ws.send(command(`huge-${k}`, 's1', { type: 'note.add', id: `mb-${k}`, zoneId: 'ik', text: 'm'.repeat(1024 * 1024 + 10) }));
        closers.push({ what: 'over 1 MiB', code: await socket.closed });
      } else {
        socket.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]), { binary: false });
        closers.push({ what: 'invalid UTF-8', code: await socket.closed });
      }
    }
    expect(closers.filter((c) => c.what === 'over 1 MiB').map((c) => c.code)).toEqual([1009, 1009, 1009]);
    expect(closers.filter((c) => c.what === 'invalid UTF-8').map((c) => c.code)).toEqual([1007, 1007, 1007]);

    // ---- nothing changed: in memory, in every SQLite row, and no prototype was touched
    expect(JSON.stringify([host.engine.session('s1'), host.engine.session('s2'), host.engine.session('sdel'), host.engine.workspace])).toBe(stateBefore);
    expect([host.engine.seqOf('s1'), host.engine.seqOf('workspace')]).toEqual(seqBefore);
    const rowsAfter = dump(host.databaseFile);
    expect(rowsAfter.events).toBe(rowsBefore.events);
    expect(rowsAfter.text === rowsBefore.text, 'every SQLite row is byte-for-byte the same').toBe(true);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();

    // ---- and the host still serves everyone
    for (const client of all) expect(client.open).toBe(true);
    expect(await facilitator.command('final-facilitator', 's1', { type: 'note.add', id: 'n-final', zoneId: 'het', text: 'Nog steeds hier' })).toMatchObject({ t: 'ack' });
    expect(await (phoneSockets[0] as TrackingClient).command('final-phone', 's1', { type: 'note.add', id: 'pn-final', zoneId: 'het', text: 'Ik ook' })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes['n-final']?.text).toBe('Nog steeds hier');
    for (const client of all) client.close();

    const errors = [...codes.values()].reduce((a, b) => a + b, 0);
    report(
      `reliability.hostile: ${MESSAGES} messages (facilitator ${turn.facilitator}, projector ${turn.projector}, phone ${turn.phone}) → ` +
        `${errors} coded errors + ${replayAcks} replay acks (original seq, nothing applied), 0 unanswered, 0 internal; ` +
        `rate_limited ${rateLimited}; codes ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${k}`).join(', ')}; ` +
        `closed by design ${closers.length} (3 over 1 MiB → 1009, 3 invalid UTF-8 → 1007); flood of 400 → ${floodLimited} rate_limited; ` +
        `state and SQLite rows unchanged; final commands acked; ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${RANDOM_SEED}`,
    );
    report(`reliability.hostile.categories: ${[...categories].map(([c, k]) => `${c} ${k}`).join(', ')}`);
  });
});

describe('reliability: hostile command ids', () => {
  it("a command id with ':' (kept for the ids the host derives, like id:list) is refused and changes nothing", async () => {
    const host = await startTestHost();
    try {
      const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
      expect(await facilitator.command('c-session', 'workspace', sessionCreate('s1', 'Botsing'))).toMatchObject({ t: 'ack' });
      const before = JSON.stringify([host.engine.session('s1'), host.engine.workspace, host.engine.seqOf('s1'), host.engine.seqOf('workspace')]);
      const rows = dump(host.databaseFile);
      // Were these accepted, the host's own derived events for 'grab' and 'rename' would collide with them.
      for (const [id, stream, command] of [
        ['grab:list', 'workspace', { type: 'programme.create', id: 'prog-a', name: 'A' }],
        ['rename:meta', 's1', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Bezet' }],
      ] as const) {
        facilitator.ws.send(JSON.stringify({ t: 'command', id, stream, command }));
        // A malformed frame's id is not trusted, so the answer carries none.
        expect(await facilitator.waitFor((m) => m.t === 'error')).toMatchObject({ t: 'error', id: null, code: 'bad_message' });
      }
      expect(JSON.stringify([host.engine.session('s1'), host.engine.workspace, host.engine.seqOf('s1'), host.engine.seqOf('workspace')])).toBe(before);
      expect(dump(host.databaseFile).text === rows.text).toBe(true);
      // The derived events of a rename still land, gap-free, on both streams.
      expect(await facilitator.command('grab', 's1', { type: 'meta.update', title: 'Nieuw' })).toMatchObject({ t: 'ack' });
      expect(await facilitator.command('rename', 'workspace', { type: 'session.rename', id: 's1', title: 'Nieuwer' })).toMatchObject({ t: 'ack' });
      for (const stream of ['s1', 'workspace']) {
        const seqs = (host.db.prepare('SELECT seq FROM events WHERE stream = ? ORDER BY seq').all(stream) as { seq: number }[]).map((row) => row.seq);
        expect(seqs).toEqual(seqs.map((_, k) => k + 1));
      }
      facilitator.close();
    } finally {
      await host.cleanup();
    }
  });
});
