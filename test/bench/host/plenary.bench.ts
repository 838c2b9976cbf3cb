import { measurePlenary } from '../support/plenary';
import { report } from '../support/report';

export const names = [
  'host.vote_burst_1000_ms',
  'host.note_to_screen_p95_ms_1000',
  'host.rss_mb_1000',
  'host.reconnect_storm_1000_ms',
  'host.reconnect_storm_bytes_ratio',
];

/**
 * A plenary: 1,000 phones in one room (support/plenary.ts). Each casts 3 dots at once; a phone's
 * note is timed until the projector has it; host memory with all connected; then every phone drops
 * and comes back at once while the facilitator went on with 10 changes, until each is current again.
 * The bytes ratio compares that storm with the same storm answered by full snapshots, in the same run.
 */
export async function run(): Promise<void> {
  const figures = await measurePlenary({ phones: 1000, dots: 3, samples: 200, missedEvents: 10 });
  report('host.vote_burst_1000_ms', figures.voteBurstMs, 'ms');
  report('host.note_to_screen_p95_ms_1000', figures.noteToScreenP95Ms, 'ms');
  report('host.rss_mb_1000', figures.rssMb, 'MB');
  report('host.reconnect_storm_1000_ms', figures.reconnectStormMs, 'ms');
  report('host.reconnect_storm_bytes_ratio', figures.stormBytes / figures.snapshotStormBytes, 'ratio', figures.snapshotStormBytes);
}
