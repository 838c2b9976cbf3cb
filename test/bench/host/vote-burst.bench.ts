import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { SessionState } from '../../../shared/domain';
import { BenchClient } from '../support/bench-client';
import { startHostProcess } from '../support/host-process';
import { info, report } from '../support/report';
import { createSession, joinPhones, mustAck, openRoom } from '../support/session';

export const names = ['host.vote_burst_ms'];

const PHONES = 250;
const DOTS = 5;
const POINTS = 10;

/**
 * The voting moment: 250 phones, subscribed to the session as the participant page is, each cast
 * their 5 dots at once. Timed from the first send until the last of the 1,250 acks; then every
 * vote must be in the database file.
 */
export async function run(): Promise<void> {
  const host = await startHostProcess();
  const facilitator = await BenchClient.connect(host.socketUrl());
  let phones: Awaited<ReturnType<typeof joinPhones>> = [];
  try {
    const session = await createSession(facilitator, 'bench-votes');
    await facilitator.subscribe(session);
    await mustAck(facilitator, session, { type: 'settings.update', dotsPerParticipant: DOTS }, 'set-dots');
    for (let p = 0; p < POINTS; p += 1) {
      await mustAck(facilitator, session, { type: 'attention.add', id: `ap${p}`, zoneId: null, title: `Aandachtspunt ${p + 1}` }, `add-ap${p}`);
    }
    await mustAck(facilitator, session, { type: 'voting.open', open: true }, 'open-voting');
    const code = await openRoom(facilitator, session);
    const joinStart = performance.now();
    phones = await joinPhones(host, code, session, PHONES);
    info(`host.vote_burst: ${PHONES} phones joined and subscribed in ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);

    const cpuBefore = process.cpuUsage();
    const hostCpuBefore = host.cpuMs();
    const start = performance.now();
    const answers: Promise<Awaited<ReturnType<BenchClient['command']>>>[] = [];
    for (const [index, phone] of phones.entries()) {
      for (let dot = 0; dot < DOTS; dot += 1) {
        const vote = { type: 'vote.cast', id: `v${index}-${dot}`, attentionPointId: `ap${(index + dot) % POINTS}` };
        answers.push(phone.client.command(session, vote, `vote-${index}-${dot}`));
      }
    }
    const sentMs = performance.now() - start;
    const replies = await withTimeout(Promise.all(answers), 60_000, 'the votes were not all answered within 60 s');
    const burstMs = Math.max(...replies.map((reply) => reply.at)) - start;
    const cpu = process.cpuUsage(cpuBefore);
    const hostCpu = host.cpuMs() - hostCpuBefore;
    const refused = replies.filter((reply) => reply.message.t !== 'ack');
    info(`  all ${replies.length} sends issued in ${sentMs.toFixed(1)} ms; last answer after ${burstMs.toFixed(1)} ms`);
    info(`  CPU meanwhile: host ${hostCpu} ms, benchmark process (the phones) ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);

    const persisted = countPersistedVotes(host.databaseFile, session);
    const inSnapshot = await countVotesInSnapshot(host.socketUrl(), session);
    info(`  acknowledged ${replies.length - refused.length}/${PHONES * DOTS}; in the database file: ${persisted}; in a fresh snapshot: ${inSnapshot}`);
    report('host.vote_burst_ms', burstMs, 'ms');
    if (refused.length > 0 || persisted !== PHONES * DOTS) {
      throw new Error(`votes lost or refused: ${refused.length} refused (first: ${JSON.stringify(refused[0]?.message)}), ${persisted} persisted`);
    }
  } finally {
    for (const phone of phones) phone?.client.close();
    facilitator.close();
    await host.stop();
  }
}

/** Counted in the file itself (read-only, beside the running host), not in the host's memory. */
function countPersistedVotes(file: string, session: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT count(*) AS n FROM entities WHERE stream = ? AND key = 'votes'").get(session) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

async function countVotesInSnapshot(socketUrl: string, session: string): Promise<number> {
  const client = await BenchClient.connect(socketUrl);
  try {
    const snapshot = await client.subscribe(session);
    return snapshot.t === 'snapshot' ? Object.keys((snapshot.state as SessionState).votes).length : -1;
  } finally {
    client.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
