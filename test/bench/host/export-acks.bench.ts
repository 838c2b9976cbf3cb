import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { addNotes, type CommandSender } from '../../support/big-session';
import { startJob } from '../../support/job-stream';
import { BenchClient } from '../support/bench-client';
import { sleep } from '../support/cleanup';
import { type FacilitatorThread, startFacilitatorThread } from '../support/facilitator-thread';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { hrNow } from '../support/projector-thread';
import { info, report } from '../support/report';
import { createSession, joinPhones, openRoom, type Phone } from '../support/session';
import { percentile, summary } from '../support/stats';

export const names = ['host.ack_p99_during_export_ms'];

const NOTES = 4000;
const PHONES = 20;
const EXPORTS = 3;
/** The facilitator drags a note about 50 times a second (within the socket's 100 a second). */
const FACILITATOR_STEP_MS = 20;
/** Each phone sends about 5 commands a second: 100 a second from the room. */
const PHONE_STEP_MS = 200;
const BASELINE_MS = 3000;

/** A phone sending notes one after the other until stopped; every answer must be an ack. */
async function keepSending(client: BenchClient, stream: string, stepMs: number, next: (i: number) => { type: string; [field: string]: unknown }, idPrefix: string, running: () => boolean): Promise<number> {
  let i = 0;
  while (running()) {
    const sent = performance.now();
    const { message } = await client.command(stream, next(i), `${idPrefix}-${i}`);
    if (message.t !== 'ack') throw new Error(`${idPrefix}: command ${i} refused: ${JSON.stringify(message)}`);
    i += 1;
    const wait = sent + stepMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return i;
}

/**
 * One session report, as the harvest panel asks for it (an export job), and the file fetched as
 * the page fetches it. A host from before jobs (EILAND_BENCH_HOST_MAIN, to compare) has only the
 * one-piece download, which is used then.
 */
async function exportOnce(host: HostProcess, session: string): Promise<{ pages?: number; bytes: number }> {
  const auth = { Authorization: `Bearer ${host.token}` };
  const job = startJob(`${host.url}api/jobs/export`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: 'session', id: session, format: 'pdf' }),
  });
  if ((await job.status) === 404) {
    const response = await fetch(`${host.url}api/export/session/${session}.pdf`, { headers: auth });
    if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
    return { bytes: (await response.arrayBuffer()).byteLength };
  }
  const end = await job.finished;
  if (end?.t !== 'done') throw new Error(`the export did not finish: ${JSON.stringify(end)}`);
  const result = end.result as { download: string; pages: number };
  const file = await fetch(`${host.url}${result.download.slice(1)}`, { headers: auth });
  return { pages: result.pages, bytes: (await file.arrayBuffer()).byteLength };
}

/**
 * targets.md `host.ack_p99_during_export_ms`: the report of a 4,000-note session is made three
 * times (POST /api/jobs/export, as the harvest panel asks for it) while 20 joined phones write and
 * reword notes and the facilitator moves notes. The panel was opened before (POST /api/jobs/prepare). The facilitator is a separate device, on its own thread (see
 * support/facilitator-thread), so the phones simulated here do not delay its reading of an ack.
 * Figure: p99 of the facilitator's command acknowledgements sent while an export was running,
 * from the job's request until its file has arrived.
 */
export async function run(): Promise<void> {
  const host = await startHostProcess();
  const facilitator = await BenchClient.connect(host.socketUrl());
  let phones: Phone[] = [];
  const writers: BenchClient[] = [];
  let mover: FacilitatorThread | null = null;
  let going = true;
  try {
    const session = await createSession(facilitator, 'bench-export');
    for (let k = 0; k < 20; k += 1) writers.push(await BenchClient.connect(host.socketUrl()));
    let written = 0;
    const senders: CommandSender[] = writers.map((writer) => ({
      command: async (stream, command) => (await writer.command(stream, command, `seed-${written++}`)).message,
    }));
    const seeding = performance.now();
    await addNotes(senders, session, NOTES);
    for (const writer of writers.splice(0)) writer.close();
    info(`host.export_acks: ${NOTES} notes added in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    await facilitator.subscribe(session);
    phones = await joinPhones(host, await openRoom(facilitator, session), session, PHONES);

    const noteIds = Array.from({ length: NOTES }, (_, n) => `${session}-n${n}`);
    mover = await startFacilitatorThread(host.socketUrl(), session, noteIds, FACILITATOR_STEP_MS);
    // Each phone writes one note and then keeps rewording it: the room is busy, the session keeps its size.
    const writing = phones.map((phone, p) =>
      keepSending(
        phone.client,
        session,
        PHONE_STEP_MS,
        (i) => (i === 0 ? { type: 'note.add', id: `phone${p}`, zoneId: ['ik', 'wij', 'het'][p % 3] as string, text: `Idee van telefoon ${p}` } : { type: 'note.edit', id: `phone${p}`, text: `Idee van telefoon ${p}, versie ${i}` }),
        `phone${p}`,
        () => going,
      ),
    );
    // The harvest panel opens (it readies the export worker, as the page does) and the facilitator
    // reads it for a few seconds before choosing; a host from before that answers 404 and goes on.
    await fetch(`${host.url}api/jobs/prepare`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
    await sleep(BASELINE_MS);

    const windows: { from: number; to: number }[] = [];
    const cpuBefore = host.cpuMs();
    const loopCpuBefore = host.mainThreadCpuMs();
    const threadsBefore = host.threadCpuMs();
    const benchBefore = process.cpuUsage();
    for (let e = 0; e < EXPORTS; e += 1) {
      const from = hrNow();
      const made = await exportOnce(host, session);
      const to = hrNow();
      windows.push({ from, to });
      info(`  export ${e + 1}: ${((to - from) / 1000).toFixed(2)} s, ${made.pages ?? '?'} pages, ${(made.bytes / 1024).toFixed(0)} KiB`);
      await sleep(500);
    }
    const hostCpu = host.cpuMs() - cpuBefore;
    const loopCpu = host.mainThreadCpuMs() - loopCpuBefore;
    const threadsAfter = host.threadCpuMs();
    const benchCpu = process.cpuUsage(benchBefore);
    info(`  bench process CPU over the exports: ${((benchCpu.user + benchCpu.system) / 1000).toFixed(0)} ms`);
    const exportMs = windows.reduce((sum, { from, to }) => sum + (to - from), 0);
    going = false;
    const samples = await mover.stop();
    mover = null;
    const notes = await Promise.all(writing);
    const inside = ([sent]: [number, number]) => windows.some(({ from, to }) => sent >= from && sent <= to);
    const during = samples.filter(inside).map(([, ms]) => ms);
    const outside = samples.filter((sample) => !inside(sample)).map(([, ms]) => ms);
    info(`  facilitator acks during the exports  ${summary(during)}`);
    info(`  facilitator acks outside the exports ${summary(outside)}`);
    for (const [e, { from, to }] of windows.entries()) info(`    export ${e + 1}: ${summary(samples.filter(([sent]) => sent >= from && sent <= to).map(([, ms]) => ms))}`);
    const busy = [...threadsAfter].map(([thread, ms]) => [thread, ms - (threadsBefore.get(thread) ?? 0)] as const).filter(([, ms]) => ms > 0);
    info(`  host threads' CPU over the exports: ${busy.map(([thread, ms]) => `${thread} ${ms} ms`).join(', ')}`);
    info(`  ${samples.length} facilitator and ${notes.reduce((sum, n) => sum + n, 0)} phone commands, all acknowledged`);
    info(`  host CPU over ${(exportMs / 1000).toFixed(1)} s of exports: ${hostCpu} ms in all, ${loopCpu} ms of it on the main thread (the rest: the export worker and V8's helper threads)`);
    info(`  machine load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores: on a busy machine the tails grow, with or without exports`);
    // A host that draws the report on its own loop answers hardly anything meanwhile (the build
    // before jobs: a handful of acks, p99 in seconds); the figure stays comparable all the same.
    if (during.length === 0) throw new Error('no acknowledgement at all during the exports');
    if (during.length < 50) info(`  only ${during.length} acks during the exports: the host's loop was blocked by them`);
    report('host.ack_p99_during_export_ms', percentile(during, 99), 'ms');
  } finally {
    going = false;
    await mover?.stop().catch(() => undefined);
    for (const writer of writers) writer.close();
    for (const phone of phones) phone?.client.close();
    facilitator.close();
    await host.stop();
  }
}
