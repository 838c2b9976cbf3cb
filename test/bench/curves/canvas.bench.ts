import { measureDrag, measureOpen, startCanvasRig } from '../canvas/measure';
import { type Curve, recordCurves, reportPoint } from '../support/curves';
import { info } from '../support/report';
import { median } from '../support/stats';

const SIZES = [1000, 5000, 10000] as const;
const OPENS = 3;

export const names = SIZES.flatMap((size) => [`curves.canvas_drag_frame_p95_ms.${size}`, `curves.canvas_open_ms.${size}`]);

/**
 * The canvas figures against the number of notes, by the canvas benchmarks' own measurements
 * (canvas/measure.ts) with a notes count: one note dragged for 3 s on the facilitator page (p95 of
 * frame intervals), then a session of that size opened from the sessions list until every note is
 * drawn (median of 3). Each point is printed, kept in docs/perf/canvas.json and charted.
 */
export async function run(): Promise<void> {
  const rig = await startCanvasRig();
  const drag: { size: number; value: number }[] = [];
  const open: { size: number; value: number }[] = [];
  try {
    for (const count of SIZES) {
      const app = await measureDrag(rig, count);
      drag.push({ size: count, value: app.p95 });
      reportPoint('canvas_drag_frame_p95_ms', count, app.p95, 'ms');
      const times = await measureOpen(rig, count, OPENS);
      info(`canvas curve: open ${count} notes: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      open.push({ size: count, value: median(times) });
      reportPoint('canvas_open_ms', count, median(times), 'ms');
    }
  } finally {
    await rig.stop();
  }
  const curves: Curve[] = [
    {
      figure: 'canvas_drag_frame_p95_ms',
      title: 'Dragging a note: p95 of frame intervals',
      unit: 'ms',
      sizeLabel: 'notes',
      target: 17.5,
      targetNote: '≤ 17.5 ms at 1,000, 5,000 and 10,000 notes (60 fps; one frame is 16.7 ms)',
      points: drag,
    },
    {
      figure: 'canvas_open_ms',
      title: 'Opening a session until every note is drawn',
      unit: 'ms',
      sizeLabel: 'notes',
      target: [
        { size: 1000, value: 500 },
        { size: 10000, value: 1000 },
      ],
      targetNote: '≤ 500 ms at 1,000 notes, ≤ 1,000 ms at 10,000 (canvas.open_ms, canvas.open_ms_10k)',
      points: open,
    },
  ];
  recordCurves('canvas', 'Headless Debian Chromium (60 Hz frames, no GPU) against the built host; the notes were made through commands.', curves);
}
