import { performance } from 'node:perf_hooks';
import type { Change } from '../../../shared/changes';
import { BenchClient } from '../support/bench-client';
import { openSqliteBaseline, startEchoBaseline } from '../support/baseline';
import { sleep } from '../support/cleanup';
import { startHostProcess } from '../support/host-process';
import { info, report } from '../support/report';
import { createSession } from '../support/session';
import { percentile, summary } from '../support/stats';

export const names = ['host.command_p99_ms', 'host.command_vs_raw'];

const WARMUP = 500;
const MEASURED = 5000;
/**
 * The host allows a connection 100 messages a second (burst 200), so one facilitator sends at most
 * ~90 commands a second. Each step also runs the two baseline measurements, interleaved, so noise
 * on this shared machine falls on both sides of the ratio alike.
 */
const STEP_MS = 11;

/**
 * One facilitator window, subscribed to its session, sends note.add and note.move one after the
 * other; each is timed from send until its ack (which the host sends only after the SQLite commit).
 */
export async function run(): Promise<void> {
  const host = await startHostProcess();
  const echo = await startEchoBaseline();
  const sqlite = openSqliteBaseline();
  const facilitator = await BenchClient.connect(host.socketUrl());
  try {
    const session = await createSession(facilitator, 'bench-commands');
    await facilitator.subscribe(session);
    // The size the host wrote for the last command: the event's changes plus each entity row.
    let writtenBytes = 0;
    facilitator.listen((message) => {
      if (message.t === 'event') writtenBytes = JSON.stringify(message.changes).length + entityBytes(message.changes);
    });

    const hostMs: number[] = [];
    const echoMs: number[] = [];
    const sqliteMs: number[] = [];
    const bytes: number[] = [];
    const started = performance.now();
    info(`host.command: ${WARMUP} warm-up + ${MEASURED} measured commands, one every ${STEP_MS} ms (~${Math.round(((WARMUP + MEASURED) * STEP_MS) / 1000)} s)`);

    let hostCpuAtStart = 0;
    for (let i = 0; i < WARMUP + MEASURED; i += 1) {
      if (i === WARMUP) hostCpuAtStart = host.cpuMs();
      const stepStart = performance.now();
      const command = commandFor(i);
      const frame = JSON.stringify({ t: 'command', id: `c${i}`, stream: session, command });
      const timeHost = async () => {
        const sent = performance.now();
        const { message, at } = await facilitator.command(session, command, `c${i}`);
        if (message.t !== 'ack') throw new Error(`command ${i} refused: ${JSON.stringify(message)}`);
        return at - sent;
      };
      // Alternate who goes first, so neither side always meets a just-woken machine.
      let hostTime: number;
      let echoTime: number;
      if (i % 2 === 0) {
        hostTime = await timeHost();
        echoTime = await echo.roundTrip(frame);
      } else {
        echoTime = await echo.roundTrip(frame);
        hostTime = await timeHost();
      }
      const sqliteTime = sqlite.insert(writtenBytes);
      if (i >= WARMUP) {
        hostMs.push(hostTime);
        echoMs.push(echoTime);
        sqliteMs.push(sqliteTime);
        bytes.push(writtenBytes);
      }
      const wait = stepStart + STEP_MS - performance.now();
      if (wait > 0) await sleep(wait);
    }

    const hostCpuPerCommand = (host.cpuMs() - hostCpuAtStart) / MEASURED;
    const hostP99 = percentile(hostMs, 99);
    const baseline = percentile(echoMs, 99) + percentile(sqliteMs, 99);
    info(`  host  send→ack   ${summary(hostMs)}`);
    info(`  first half ${summary(hostMs.slice(0, MEASURED / 2))}; second half ${summary(hostMs.slice(MEASURED / 2))}`);
    info(`  host CPU per command ${hostCpuPerCommand.toFixed(2)} ms (all its work, measured by the kernel)`);
    info(`  echo  send→echo  ${summary(echoMs)}`);
    info(`  sqlite WAL tx    ${summary(sqliteMs)} (rows of ${Math.min(...bytes)}–${Math.max(...bytes)} chars)`);
    info(`  baseline p99 = echo p99 + sqlite p99 = ${baseline.toFixed(3)} ms; ${((performance.now() - started) / 1000).toFixed(1)} s`);
    report('host.command_p99_ms', hostP99, 'ms');
    report('host.command_vs_raw', hostP99 / baseline, 'ratio', baseline);
  } finally {
    facilitator.close();
    await echo.stop();
    sqlite.close();
    await host.stop();
  }
}

/** Even steps add a note, odd steps move the note just added (to another side now and then). */
function commandFor(i: number): { type: string; [field: string]: unknown } {
  const noteIndex = Math.floor(i / 2);
  if (i % 2 === 0) {
    const zoneId = ['wij', 'ik', 'het'][noteIndex % 3] as string;
    return { type: 'note.add', id: `n${noteIndex}`, zoneId, text: `Notitie ${noteIndex}: wat gaat goed, wat kan beter?` };
  }
  return { type: 'note.move', moves: [{ id: `n${noteIndex}`, x: 200 + ((noteIndex * 37) % 1200), y: 250 + ((noteIndex * 53) % 500) }] };
}

function entityBytes(changes: readonly Change[]): number {
  let total = 0;
  for (const change of changes) if (change.after !== null) total += JSON.stringify(change.after).length;
  return total;
}
