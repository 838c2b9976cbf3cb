import { type Curve, recordCurves, reportPoint } from '../support/curves';
import { measurePlenary, type PlenaryFigures } from '../support/plenary';

const SIZES = [250, 500, 1000] as const;
const FIGURES = ['host_vote_burst_ms', 'host_note_to_screen_p95_ms', 'host_rss_mb', 'host_reconnect_storm_ms'] as const;

export const names = FIGURES.flatMap((figure) => SIZES.map((size) => `curves.${figure}.${size}`));

/**
 * The host's figures against the number of phones in the room: 250, 500 and 1,000, each in a host
 * process of its own (support/plenary.ts): every phone casts 3 dots at once; 100 notes from phones
 * timed until the projector has them; memory; every phone drops and comes back at once after the
 * facilitator made 10 changes. Each point is printed, kept in docs/perf/host.json and charted.
 */
export async function run(): Promise<void> {
  const measured: PlenaryFigures[] = [];
  for (const phones of SIZES) {
    const figures = await measurePlenary({ phones, dots: 3, samples: 100, missedEvents: 10, snapshotBaseline: false });
    measured.push(figures);
    reportPoint('host_vote_burst_ms', phones, figures.voteBurstMs, 'ms');
    reportPoint('host_note_to_screen_p95_ms', phones, figures.noteToScreenP95Ms, 'ms');
    reportPoint('host_rss_mb', phones, figures.rssMb, 'MB');
    reportPoint('host_reconnect_storm_ms', phones, figures.reconnectStormMs, 'ms');
  }
  const points = (pick: (figures: PlenaryFigures) => number) => measured.map((figures) => ({ size: figures.phones, value: pick(figures) }));
  const cpu = (pick: (figures: PlenaryFigures) => number, what: string) =>
    `Host CPU ${what}: ${measured.map((figures) => `${Math.round(pick(figures) * 10) / 10} ms`).join(' · ')}`;
  const curves: Curve[] = [
    {
      figure: 'host_vote_burst_ms',
      title: 'Every phone casts 3 dots at once: until all acknowledged',
      unit: 'ms',
      sizeLabel: 'phones',
      target: 500,
      targetNote: '≤ 500 ms at 1,000 phones (host.vote_burst_1000_ms)',
      points: points((figures) => figures.voteBurstMs),
      detail: cpu((figures) => figures.hostCpu.voteBurstMs, 'for the burst'),
    },
    {
      figure: 'host_note_to_screen_p95_ms',
      title: 'A phone’s note until the projector has it (p95)',
      unit: 'ms',
      sizeLabel: 'phones',
      target: [
        { size: 250, value: 10 },
        { size: 1000, value: 20 },
      ],
      targetNote: '≤ 10 ms at 250 phones, ≤ 20 ms at 1,000 (host.note_to_screen_p95_ms, _1000)',
      points: points((figures) => figures.noteToScreenP95Ms),
      detail: cpu((figures) => figures.hostCpu.perNoteMs, 'per note (sending it to every phone)'),
    },
    {
      figure: 'host_rss_mb',
      title: 'Host memory with every phone connected',
      unit: 'MB',
      sizeLabel: 'phones',
      target: 200,
      targetNote: '≤ 200 MB at 250 and at 1,000 phones (host.rss_mb, host.rss_mb_1000)',
      points: points((figures) => figures.rssMb),
    },
    {
      figure: 'host_reconnect_storm_ms',
      title: 'Every phone drops and comes back at once: until all current',
      unit: 'ms',
      sizeLabel: 'phones',
      target: 2000,
      targetNote: '≤ 2,000 ms at 1,000 phones (host.reconnect_storm_1000_ms)',
      points: points((figures) => figures.reconnectStormMs),
      detail: cpu((figures) => figures.hostCpu.stormMs, 'for the storm'),
    },
  ];
  recordCurves(
    'host',
    'The host is the built host process on loopback with its SQLite file (synchronous=FULL); the phones are simulated in the benchmark process on the same 2 cores, so they take CPU from the host; the projector is a thread of its own.',
    curves,
  );
}
