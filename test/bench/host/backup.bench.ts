import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import type { Actor } from '../../../shared/domain';
import { BenchClient } from '../support/bench-client';
import { makeTempDir, sleep } from '../support/cleanup';
import { startHostProcess } from '../support/host-process';
import { info, report } from '../support/report';
import { joinPhones, openRoom } from '../support/session';
import { percentile, summary } from '../support/stats';

export const names = ['host.ack_p99_during_backup_ms'];

const SESSION = 'bench-backup';
const NOTES = 10_000;
const PHONES = 20;
const BACKUPS = 40;
/** Each phone adds a note every PHONE_MS and the facilitator moves one every FACILITATOR_MS: ~110 commands a second, a busy room with the facilitator dragging notes. */
const PHONE_MS = 2_000;
const FACILITATOR_MS = 10;
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };

/** A data folder with one session of 10,000 notes, written through the real engine. */
function seed(dir: string): number {
  const { db } = openDatabase(dir);
  const engine = new Engine(new EventStore(db));
  let id = 0;
  const send = (stream: string, command: { type: string; [field: string]: unknown }) => {
    const reply = engine.handle({ t: 'command', id: `seed-${++id}`, stream, command }, FACILITATOR);
    if (reply.t !== 'ack') throw new Error(`${command.type} refused: ${JSON.stringify(reply)}`);
  };
  send('workspace', { type: 'session.create', id: SESSION, programmeId: null, title: 'Groot eiland', group: 'Programmateam', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
  for (let n = 0; n < NOTES; n += 1) {
    send(SESSION, { type: 'note.add', id: `n${n}`, zoneId: ['ik', 'wij', 'het'][n % 3] as string, text: `Notitie ${n}: we willen meer samen leren en elkaar beter kennen in de wijk.` });
  }
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  return pages * 4096;
}

/** CPU time (ms) the host's main thread (its loop) has used: /proc/<pid>/task/<pid>/stat, fields 14 and 15. */
function loopCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The road not taken, measured for the record: better-sqlite3's backup() on the writer's own
 * connection in steps of 64 pages. Each step is short, but the last one commits and fsyncs the
 * whole copy on the loop, and integrity_check after it would hold the loop as long again.
 */
async function inLoopSteps(dir: string): Promise<string> {
  const { db } = openDatabase(dir);
  try {
    const steps: number[] = [];
    let last = performance.now();
    await db.backup(join(dir, 'in-loop.sqlite'), {
      progress: () => {
        const now = performance.now();
        steps.push(now - last);
        last = now;
        return 64;
      },
    });
    const lastStep = performance.now() - last;
    const check = new Database(join(dir, 'in-loop.sqlite'));
    const checkFrom = performance.now();
    check.pragma('integrity_check');
    const checkMs = performance.now() - checkFrom;
    check.close();
    return `steps ${summary(steps)}; last step (commit + fsync) ${lastStep.toFixed(1)} ms; integrity_check ${checkMs.toFixed(1)} ms`;
  } finally {
    db.close();
    rmSync(join(dir, 'in-loop.sqlite'), { force: true });
  }
}

interface Sample {
  sent: number;
  ms: number;
}

/**
 * The host's data folder holds a 10,000-note session; 20 phones add notes and the facilitator
 * moves notes meanwhile. The host is asked for a backup (POST /api/backups/now) forty times; every
 * command sent while a backup ran counts, from send to its acknowledgement.
 */
export async function run(): Promise<void> {
  const data = makeTempDir('eiland-bench-backup-');
  const started = performance.now();
  const bytes = seed(data.path);
  info(`host.backup: seeded ${NOTES} notes (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  info(`  backup() on the writer's own loop, for comparison: ${await inLoopSteps(data.path)}`);
  const host = await startHostProcess({ data });
  const facilitator = await BenchClient.connect(host.socketUrl());
  const clients: BenchClient[] = [facilitator];
  const samples: Sample[] = [];
  let sending = true;
  try {
    await facilitator.subscribe(SESSION);
    const code = await openRoom(facilitator, SESSION);
    const phones = await joinPhones(host, code, SESSION, PHONES);
    clients.push(...phones.map((phone) => phone.client));

    let next = 0;
    const timed = async (client: BenchClient, command: { type: string; [field: string]: unknown }) => {
      const id = `load-${++next}`;
      const sent = performance.now();
      const { message, at } = await client.command(SESSION, command, id);
      if (message.t !== 'ack') throw new Error(`${command.type} refused: ${JSON.stringify(message)}`);
      samples.push({ sent, ms: at - sent });
    };
    const loop = async (every: number, command: (i: number) => { type: string; [field: string]: unknown }, client: BenchClient, offset: number) => {
      await sleep(offset);
      for (let i = 0; sending; i += 1) {
        const stepStart = performance.now();
        await timed(client, command(i));
        const wait = stepStart + every - performance.now();
        if (wait > 0) await sleep(wait);
      }
    };
    const load = [
      loop(FACILITATOR_MS, (i) => ({ type: 'note.move', moves: [{ id: `n${i % NOTES}`, x: 200 + ((i * 37) % 1200), y: 250 + ((i * 53) % 500) }] }), facilitator, 0),
      ...phones.map((phone, p) =>
        loop(PHONE_MS, (i) => ({ type: 'note.add', id: `p${p}-${i}`, zoneId: ['ik', 'wij', 'het'][i % 3] as string, text: `Idee ${i} van telefoon ${p}` }), phone.client, (p * PHONE_MS) / PHONES),
      ),
    ];

    const windows: [number, number][] = [];
    // The loop's CPU per second of wall time, during backups and between them: what a backup costs the loop itself.
    const cpu = { during: 0, duringMs: 0, between: 0, betweenMs: 0 };
    await sleep(1000);
    // The clients' own loop: if it lagged, the tail would be the benchmark's, not the host's.
    const benchLoop = monitorEventLoopDelay({ resolution: 1 });
    benchLoop.enable();
    for (let b = 0; b < BACKUPS; b += 1) {
      const from = performance.now();
      const cpuFrom = loopCpuMs(host.pid);
      const response = await fetch(`${host.url}api/backups/now`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: '{}' });
      const to = performance.now();
      const cpuTo = loopCpuMs(host.pid);
      if (response.status !== 200) throw new Error(`backup ${b} failed: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
      windows.push([from, to]);
      await sleep(250);
      cpu.during += cpuTo - cpuFrom;
      cpu.duringMs += to - from;
      cpu.between += loopCpuMs(host.pid) - cpuTo;
      cpu.betweenMs += performance.now() - to;
    }
    sending = false;
    await Promise.all(load);

    const during = samples.filter((s) => windows.some(([from, to]) => s.sent >= from && s.sent <= to)).map((s) => s.ms);
    const outside = samples.filter((s) => !windows.some(([from, to]) => s.sent >= from - 50 && s.sent <= to + 50)).map((s) => s.ms);
    const durations = windows.map(([from, to]) => to - from);
    info(`  backups (POST /api/backups/now until answered) ${summary(durations)}`);
    info(`  benchmark's own loop delay p50 ${(benchLoop.percentile(50) / 1e6).toFixed(2)} p99 ${(benchLoop.percentile(99) / 1e6).toFixed(2)} max ${(benchLoop.max / 1e6).toFixed(2)} ms`);
    info(`  acks during a backup   ${summary(during)}`);
    info(`  acks between backups   ${summary(outside)}`);
    info(`  host loop CPU: ${((cpu.during / cpu.duringMs) * 1000).toFixed(0)} ms/s during backups, ${((cpu.between / cpu.betweenMs) * 1000).toFixed(0)} ms/s between`);
    report('host.ack_p99_during_backup_ms', percentile(during, 99), 'ms');
  } finally {
    sending = false;
    for (const client of clients) client.close();
    await host.stop();
  }
}
