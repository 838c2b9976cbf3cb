import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { BenchClient } from './bench-client';
import { sleep } from './cleanup';
import { type HostProcess, startHostProcess } from './host-process';
import { hrNow, type ProjectorThread, startProjectorThread } from './projector-thread';
import { info } from './report';
import { createSession, joinPhones, mustAck, openRoom, type Phone, phoneSocketUrl } from './session';
import { percentile, summary } from './stats';

/** What one room of `phones` phones measured, in one host process. */
export interface PlenaryFigures {
  phones: number;
  /** All phones cast their dots at once: until the last acknowledgement (all persisted, checked). */
  voteBurstMs: number;
  /** One phone adds a note until the projector has it: p95. */
  noteToScreenP95Ms: number;
  /** Host memory with every phone connected (the larger of two readings). */
  rssMb: number;
  /** Every phone drops and comes back at once: until the last is current again. */
  reconnectStormMs: number;
  /** Bytes the phones received in that storm, and in a storm where each got a full snapshot. */
  stormBytes: number;
  snapshotStormBytes: number;
  snapshotStormMs: number;
  /** The host's CPU time (user + system) for the vote burst, per note, and for the storm. */
  hostCpu: { voteBurstMs: number; perNoteMs: number; stormMs: number };
}

export interface PlenaryOptions {
  phones: number;
  dots: number;
  /** Notes timed from a phone to the projector. */
  samples: number;
  /** Facilitator commands made while the phones are away in the storm (a wifi blip of a few seconds). */
  missedEvents: number;
  /** Also run the storm answered with full snapshots, for the bytes ratio (default true). */
  snapshotBaseline?: boolean;
}

const POINTS = 10;
/** Notes from a room arrive a few per second; spacing keeps samples independent. */
const GAP_MS = 25;

/**
 * A plenary room on the real host process: the facilitator window, `phones` phones and the
 * projector (on its own thread, subscribed last: the last the host sends each event to), all
 * subscribed to the session as the pages are. Measured in this order: memory, a note from a phone
 * until the projector has it, every phone casting its dots at once (then checked in the database
 * file), and the reconnect storm: every phone drops, the facilitator goes on meanwhile, and every
 * phone comes back at once with the sequence number it had, until each is current again; then the
 * same storm once more with full snapshots (no sinceSeq), for the bytes it would have cost.
 */
export async function measurePlenary(options: PlenaryOptions): Promise<PlenaryFigures> {
  const { phones: count, dots, samples, missedEvents } = options;
  const host = await startHostProcess();
  const facilitator = await BenchClient.connect(host.socketUrl());
  let phones: Phone[] = [];
  let projector: ProjectorThread | null = null;
  try {
    const session = await createSession(facilitator, `plenary-${count}`);
    await facilitator.subscribe(session);
    await mustAck(facilitator, session, { type: 'settings.update', dotsPerParticipant: dots }, 'set-dots');
    for (let p = 0; p < POINTS; p += 1) {
      await mustAck(facilitator, session, { type: 'attention.add', id: `ap${p}`, zoneId: null, title: `Aandachtspunt ${p + 1}` }, `add-ap${p}`);
    }
    await mustAck(facilitator, session, { type: 'voting.open', open: true }, 'open-voting');
    const code = await openRoom(facilitator, session);
    const joinStart = performance.now();
    phones = await joinPhones(host, code, session, count, 20);
    projector = await startProjectorThread(host.socketUrl('projector'), session);
    info(`plenary ${count}: phones joined and subscribed in ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);
    await sleep(500); // let the joins' garbage be collected before the first reading
    const connected = host.memory();

    const notes = await notesToScreen(host, session, phones, projector, samples);
    const burst = await voteBurst(host, session, phones, dots);
    const after = host.memory();
    info(`  host RSS with ${count} phones: ${connected.rssMb.toFixed(1)} MiB, after notes and votes ${after.rssMb.toFixed(1)} MiB, peak ${after.peakMb.toFixed(1)} MiB`);

    const storm = await reconnectStorm(host, facilitator, session, phones, missedEvents, true);
    const full = options.snapshotBaseline === false ? { ms: Number.NaN, bytes: Number.NaN, snapshots: count, cpuMs: Number.NaN } : await reconnectStorm(host, facilitator, session, phones, missedEvents, false);
    info(
      `  reconnect storm: ${storm.ms.toFixed(0)} ms, ${(storm.bytes / 1e6).toFixed(2)} MB (${storm.snapshots} snapshots); ` +
        `with full snapshots instead: ${full.ms.toFixed(0)} ms, ${(full.bytes / 1e6).toFixed(2)} MB`,
    );
    return {
      phones: count,
      voteBurstMs: burst.ms,
      noteToScreenP95Ms: notes.p95,
      rssMb: Math.max(connected.rssMb, after.rssMb),
      reconnectStormMs: storm.ms,
      stormBytes: storm.bytes,
      snapshotStormBytes: full.bytes,
      snapshotStormMs: full.ms,
      hostCpu: { voteBurstMs: burst.cpuMs, perNoteMs: notes.cpuPerNoteMs, stormMs: storm.cpuMs },
    };
  } finally {
    for (const phone of phones) phone?.client.close();
    await projector?.stop();
    facilitator.close();
    await host.stop();
  }
}

async function notesToScreen(host: HostProcess, session: string, phones: Phone[], projector: ProjectorThread, samples: number): Promise<{ p95: number; cpuPerNoteMs: number }> {
  const latencies: number[] = [];
  const cpuBefore = host.cpuMs();
  for (let i = 0; i < samples; i += 1) {
    const phone = phones[(i * 7) % phones.length] as Phone;
    const noteId = `pn${i}`;
    const onScreen = projector.noteArrival(noteId);
    const sent = hrNow();
    const acked = phone.client.command(session, { type: 'note.add', id: noteId, zoneId: ['wij', 'ik', 'het'][i % 3] as string, text: `Idee ${i} van een telefoon` }, `phone-note-${i}`);
    latencies.push((await onScreen) - sent);
    const { message } = await acked;
    if (message.t !== 'ack') throw new Error(`note ${i} refused: ${JSON.stringify(message)}`);
    await sleep(GAP_MS);
  }
  const cpuPerNoteMs = (host.cpuMs() - cpuBefore) / samples;
  info(`  phone note.add → projector event  ${summary(latencies)}; host CPU per note ${cpuPerNoteMs.toFixed(2)} ms`);
  return { p95: percentile(latencies, 95), cpuPerNoteMs };
}

async function voteBurst(host: HostProcess, session: string, phones: Phone[], dots: number): Promise<{ ms: number; cpuMs: number }> {
  const hostCpuBefore = host.cpuMs();
  const start = performance.now();
  const answers: ReturnType<BenchClient['command']>[] = [];
  for (const [index, phone] of phones.entries()) {
    for (let dot = 0; dot < dots; dot += 1) {
      const vote = { type: 'vote.cast', id: `v${index}-${dot}`, attentionPointId: `ap${(index + dot) % POINTS}` };
      answers.push(phone.client.command(session, vote, `vote-${index}-${dot}`));
    }
  }
  const replies = await withTimeout(Promise.all(answers), 60_000, 'the votes were not all answered within 60 s');
  const burstMs = Math.max(...replies.map((reply) => reply.at)) - start;
  const refused = replies.filter((reply) => reply.message.t !== 'ack');
  const cpuMs = host.cpuMs() - hostCpuBefore;
  const persisted = countPersisted(host.databaseFile, session);
  info(`  ${replies.length} dots: last answer after ${burstMs.toFixed(1)} ms; host CPU ${cpuMs} ms; ${persisted} in the database file`);
  if (refused.length > 0 || persisted !== phones.length * dots) {
    throw new Error(`votes lost or refused: ${refused.length} refused (first: ${JSON.stringify(refused[0]?.message)}), ${persisted} persisted`);
  }
  return { ms: burstMs, cpuMs };
}

/**
 * Every phone's socket drops; the facilitator goes on (notes added and moved); then every phone
 * connects again at once and subscribes, with the sequence number it had (`delta`) or without
 * (a full snapshot), until the last one is current: at the stream's sequence number.
 */
async function reconnectStorm(host: HostProcess, facilitator: BenchClient, session: string, phones: Phone[], missed: number, delta: boolean): Promise<{ ms: number; bytes: number; snapshots: number; cpuMs: number }> {
  const had = phones.map((phone) => phone.client.seqs.get(session));
  await Promise.all(phones.map((phone) => closed(phone.client)));
  const tag = delta ? 'd' : 's';
  for (let i = 0; i < missed; i += 1) {
    const id = `storm-${tag}-${Math.floor(i / 2)}`;
    if (i % 2 === 0) await mustAck(facilitator, session, { type: 'note.add', id, zoneId: 'wij', text: `Terwijl de wifi weg was ${i}` }, `${id}-add`);
    else await mustAck(facilitator, session, { type: 'note.move', moves: [{ id, x: 400 + i, y: 300 + i }] }, `${id}-move`);
  }
  await sleep(200);
  const target = await streamSeq(facilitator, session);
  const start = performance.now();
  const hostCpu = host.cpuMs();
  let snapshots = 0;
  const comeBack = async (phone: Phone, index: number) => {
    const client = await BenchClient.connect(phoneSocketUrl(host, phone.token));
    phone.client = client;
    const since = had[index];
    const answer = delta && since !== undefined ? await client.resubscribe(session, since) : { message: await client.subscribe(session), at: performance.now() };
    if (answer.message.t === 'snapshot') snapshots += 1;
    if (client.seqs.get(session) !== target) throw new Error(`phone ${index} came back at ${client.seqs.get(session)}, not ${target}`);
    return answer.at;
  };
  const done = await withTimeout(Promise.all(phones.map(comeBack)), 90_000, 'the phones did not all come back within 90 s');
  const ms = Math.max(...done) - start;
  const bytes = phones.reduce((sum, phone) => sum + phone.client.bytes, 0);
  const cpuMs = host.cpuMs() - hostCpu;
  info(`  storm (${delta ? 'from sinceSeq' : 'full snapshots'}): ${phones.length} phones current again after ${ms.toFixed(0)} ms; host CPU ${cpuMs} ms`);
  return { ms, bytes, snapshots, cpuMs };
}

function closed(client: BenchClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.ws.readyState === client.ws.CLOSED) resolve();
    client.ws.once('close', () => resolve());
    client.close();
  });
}

/** The stream's sequence number now, from a facilitator's own resync (an empty replay at the end). */
async function streamSeq(facilitator: BenchClient, session: string): Promise<number> {
  const since = facilitator.seqs.get(session) ?? 0;
  const { message } = await facilitator.resubscribe(session, since);
  if (message.t === 'replayed' || message.t === 'snapshot') return message.seq;
  throw new Error('no sequence number');
}

/** Counted in the file itself (read-only, beside the running host), not in the host's memory. */
function countPersisted(file: string, session: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT count(*) AS n FROM entities WHERE stream = ? AND key = 'votes'").get(session) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
