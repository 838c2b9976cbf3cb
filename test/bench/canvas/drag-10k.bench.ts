import { report } from '../support/report';
import { measureDrag, startCanvasRig } from './measure';

export const names = ['canvas.drag_frame_p95_ms_10k'];

/** As drag.bench.ts with 10,000 notes; its own process, so each stays within the 3-minute contract. */
export async function run(): Promise<void> {
  const rig = await startCanvasRig();
  try {
    report('canvas.drag_frame_p95_ms_10k', (await measureDrag(rig, 10_000)).p95, 'ms');
  } finally {
    await rig.stop();
  }
}
