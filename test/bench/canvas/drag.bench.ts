import { report } from '../support/report';
import { measureBareKonva, measureDrag, startCanvasRig } from './measure';

export const names = ['canvas.drag_frame_p95_ms', 'canvas.drag_frame_p95_ms_5k', 'canvas.drag_vs_konva'];

/**
 * One note dragged for 3 s on the real facilitator page, against a real host holding 1,000 (then
 * 5,000) notes made through commands; p95 of the intervals between animation frames. The same
 * drag on bare Konva drawing the same scene, in the same browser and run, gives the ratio.
 */
export async function run(): Promise<void> {
  const rig = await startCanvasRig();
  try {
    const app1k = await measureDrag(rig, 1000);
    const bare1k = await measureBareKonva(rig, app1k.scene, app1k.camera);
    const app5k = await measureDrag(rig, 5000);
    report('canvas.drag_frame_p95_ms', app1k.p95, 'ms');
    report('canvas.drag_frame_p95_ms_5k', app5k.p95, 'ms');
    report('canvas.drag_vs_konva', app1k.p95 / bare1k, 'ratio', bare1k);
  } finally {
    await rig.stop();
  }
}
