import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { BenchClient } from '../support/bench-client';
import { sleep } from '../support/cleanup';
import { startHostProcess } from '../support/host-process';
import { info, report } from '../support/report';
import { createSession, mustAck, openRoom } from '../support/session';
import { percentile, summary } from '../support/stats';

export const names = ['host.noread_rss_growth_mb', 'host.noread_ack_p99_ms'];

const NOTES = 1500;
const DURATION_MS = 60_000;
/** A socket may send 100 messages a second (connection.ts); the phone stays just under. */
const SUBSCRIBE_EVERY_MS = 11;
/** The facilitator keeps working meanwhile: a command every 50 ms, each timed until its ack. */
const COMMAND_EVERY_MS = 50;
const SEEDERS = 5;
const CONTROL_MS = 15_000;

/**
 * A joined phone that never reads sends `subscribe` at the allowed rate for 60 s on a 1,500-note
 * session (each answer a ~400 KB snapshot). Unbounded, the host buffered every snapshot: ~18 MB a
 * second until V8 ran out of heap, with the facilitator's acks at 2 s. Measured: how much the
 * host's RSS grows over its reading before the phone started, and the facilitator's ack p99 meanwhile.
 * When the host closes the phone (it fell too far behind), the phone connects again and goes on,
 * as a hostile one would.
 */
export async function run(): Promise<void> {
  const host = await startHostProcess();
  const facilitators: BenchClient[] = [];
  let phone: WebSocket | null = null;
  try {
    for (let i = 0; i < SEEDERS; i += 1) facilitators.push(await BenchClient.connect(host.socketUrl()));
    const facilitator = facilitators[0] as BenchClient;
    const session = await createSession(facilitator, 'bench-noread');
    // Several sockets, each within its own message budget, so the 1,500 notes take seconds, not a quarter minute.
    await Promise.all(
      facilitators.map(async (client, seeder) => {
        for (let i = seeder; i < NOTES; i += SEEDERS) {
          const text = `Notitie ${i}: wat ging goed, wat kan beter, en wat nemen we mee naar de volgende fase?`;
          await mustAck(client, session, { type: 'note.add', id: `n${i}`, zoneId: ['ik', 'wij', 'het'][i % 3] as string, text }, `seed-${i}`);
          await sleep(10);
        }
      }),
    );
    await facilitator.subscribe(session);
    const code = await openRoom(facilitator, session);
    const joined = await fetch(`${host.url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name: 'Stil' }) });
    const { token } = (await joined.json()) as { token: string };
    const phoneUrl = `${host.url.replace(/^http/, 'ws')}ws?participant=${token}`;

    let connects = 0;
    let closes = 0;
    let subscribes = 0;
    const connect = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(phoneUrl, { perMessageDeflate: false });
        socket.once('open', () => {
          socket.pause(); // from here on, nothing is read
          connects += 1;
          resolve(socket);
        });
        socket.once('error', reject);
        socket.on('error', () => {});
        socket.once('close', () => {
          closes += 1;
        });
      });

    let peakMb = 0;
    /** Runs the facilitator's commands (and, when asked, the phone's subscribes) for a while; their ack times. */
    const drive = async (durationMs: number, withPhone: boolean): Promise<number[]> => {
      const acks: number[] = [];
      const started = performance.now();
      let nextSubscribe = started;
      let nextCommand = started;
      let nextSample = started;
      let pendingCommand: Promise<void> | null = null;
      while (performance.now() - started < durationMs) {
        const now = performance.now();
        if (withPhone && now >= nextSubscribe) {
          if (phone?.readyState === WebSocket.OPEN) {
            phone.send(JSON.stringify({ t: 'subscribe', stream: session }));
            subscribes += 1;
          } else if (phone?.readyState === WebSocket.CLOSED) {
            phone = await connect().catch(() => phone);
          }
          nextSubscribe += SUBSCRIBE_EVERY_MS;
        }
        if (now >= nextCommand && pendingCommand === null) {
          commandIndex += 1;
          const id = `f${commandIndex}`;
          const sent = performance.now();
          const move = { type: 'note.move', moves: [{ id: `n${commandIndex % NOTES}`, x: 300 + (commandIndex % 900), y: 300 }] };
          pendingCommand = facilitator.command(session, move, id).then(({ message, at }) => {
            if (message.t !== 'ack') throw new Error(`command refused: ${JSON.stringify(message)}`);
            acks.push(at - sent);
            pendingCommand = null;
          });
          nextCommand += COMMAND_EVERY_MS;
        }
        if (now >= nextSample) {
          peakMb = Math.max(peakMb, host.memory().rssMb);
          nextSample += 200;
        }
        await sleep(Math.max(0, Math.min(withPhone ? nextSubscribe : nextCommand, nextCommand) - performance.now()));
      }
      await pendingCommand;
      return acks;
    };
    let commandIndex = 0;
    // The same commands without the phone first: what this machine gives right now, for comparison.
    const quiet = await drive(CONTROL_MS, false);
    await sleep(1000);
    const before = host.memory();
    peakMb = before.rssMb;
    info(`host.noread: ${NOTES} notes; host RSS before ${before.rssMb.toFixed(1)} MiB; the phone now asks for snapshots for ${DURATION_MS / 1000} s and reads nothing`);
    phone = await connect();
    const acks = await drive(DURATION_MS, true);
    const after = host.memory();
    peakMb = Math.max(peakMb, after.rssMb);
    info(`  phone: ${subscribes} subscribes on ${connects} connection(s), closed by the host ${closes} time(s)`);
    info(`  host RSS before ${before.rssMb.toFixed(1)}, peak ${peakMb.toFixed(1)}, after ${after.rssMb.toFixed(1)} MiB (VmHWM ${after.peakMb.toFixed(1)})`);
    info(`  facilitator command → ack without the phone (${CONTROL_MS / 1000} s before): ${summary(quiet)}`);
    info(`  facilitator command → ack during it: ${summary(acks)}`);
    report('host.noread_rss_growth_mb', peakMb - before.rssMb, 'MB');
    report('host.noread_ack_p99_ms', percentile(acks, 99), 'ms');
  } finally {
    phone?.terminate();
    for (const client of facilitators) client.close();
    await host.stop();
  }
}
