import { BenchClient } from '../support/bench-client';
import { sleep } from '../support/cleanup';
import { startHostProcess } from '../support/host-process';
import { hrNow, type ProjectorThread, startProjectorThread } from '../support/projector-thread';
import { info, report } from '../support/report';
import { createSession, joinPhones, openRoom } from '../support/session';
import { percentile, summary } from '../support/stats';

export const names = ['host.note_to_screen_p95_ms', 'host.rss_mb'];

const PHONES = 250;
const SAMPLES = 200;
/** Notes from a room of people arrive a few per second; spacing keeps samples independent. */
const GAP_MS = 25;

/**
 * A full room: the facilitator window, 250 phones and the projector, all subscribed to the session.
 * The projector subscribes last, so it is the last the host sends each event to: the worst case.
 * It runs on its own thread, as the separate device it is (see support/projector-thread).
 * Then phones add notes one at a time, each timed until the projector has it; and the host's
 * memory is read from /proc while everyone is connected.
 */
export async function run(): Promise<void> {
  const host = await startHostProcess();
  const facilitator = await BenchClient.connect(host.socketUrl());
  let phones: Awaited<ReturnType<typeof joinPhones>> = [];
  let projector: ProjectorThread | null = null;
  try {
    const session = await createSession(facilitator, 'bench-room');
    await facilitator.subscribe(session);
    const code = await openRoom(facilitator, session);
    phones = await joinPhones(host, code, session, PHONES);
    projector = await startProjectorThread(host.socketUrl('projector'), session);
    await sleep(500); // let the joins' garbage be collected before the first reading
    const connected = host.memory();
    info(`host.phones: ${PHONES} phones + projector + facilitator subscribed; host RSS ${connected.rssMb.toFixed(1)} MiB`);

    const latencies: number[] = [];
    const hostCpuBefore = host.cpuMs();
    for (let i = 0; i < SAMPLES; i += 1) {
      const phone = phones[i % PHONES];
      if (!phone) throw new Error('missing phone');
      const noteId = `pn${i}`;
      const onScreen = projector.noteArrival(noteId);
      const sent = hrNow();
      const acked = phone.client.command(session, { type: 'note.add', id: noteId, zoneId: ['wij', 'ik', 'het'][i % 3] as string, text: `Idee ${i} van een telefoon` }, `phone-note-${i}`);
      latencies.push((await onScreen) - sent);
      const { message } = await acked;
      if (message.t !== 'ack') throw new Error(`note ${i} refused: ${JSON.stringify(message)}`);
      await sleep(GAP_MS);
    }
    const hostCpuPerNote = (host.cpuMs() - hostCpuBefore) / SAMPLES;
    const after = host.memory();
    info(`  phone note.add → projector event  ${summary(latencies)}; host CPU per note ${hostCpuPerNote.toFixed(2)} ms`);
    info(`  host RSS after the notes ${after.rssMb.toFixed(1)} MiB, peak (VmHWM) ${after.peakMb.toFixed(1)} MiB`);
    report('host.note_to_screen_p95_ms', percentile(latencies, 95), 'ms');
    // The larger of the two readings taken while all phones were connected.
    report('host.rss_mb', Math.max(connected.rssMb, after.rssMb), 'MB');
  } finally {
    for (const phone of phones) phone?.client.close();
    await projector?.stop();
    facilitator.close();
    await host.stop();
  }
}
