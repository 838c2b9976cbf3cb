import { report } from '../support/report';
import { median } from '../support/stats';
import { measureOpen, startCanvasRig } from './measure';

export const names = ['canvas.open_ms', 'canvas.open_ms_10k'];

/**
 * In the running app, from the sessions list: open a session with 1,000 (then 10,000) notes until
 * everything is drawn (see measureOpen); the median of five opens, the first included.
 */
export async function run(): Promise<void> {
  const rig = await startCanvasRig();
  try {
    report('canvas.open_ms', median(await measureOpen(rig, 1000)), 'ms');
    report('canvas.open_ms_10k', median(await measureOpen(rig, 10_000)), 'ms');
  } finally {
    await rig.stop();
  }
}
