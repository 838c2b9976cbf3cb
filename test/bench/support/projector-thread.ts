import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from './paths';

/**
 * The projector as a separate device: its socket lives on its own thread with its own event loop,
 * so the 250 simulated phones in the main thread cannot delay the moment it reads a note. Times
 * are process.hrtime (one monotonic clock for every thread), in ms.
 */
const PROJECTOR = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const ws = new WebSocket(workerData.url, { perMessageDeflate: false });
ws.on('open', () => ws.send(JSON.stringify({ t: 'subscribe', stream: workerData.stream })));
ws.on('error', (error) => parentPort.postMessage({ t: 'failed', message: String(error) }));
ws.on('message', (data) => {
  const at = Number(process.hrtime.bigint()) / 1e6;
  const message = JSON.parse(data.toString());
  if (message.t === 'snapshot') parentPort.postMessage({ t: 'ready' });
  else if (message.t === 'error') parentPort.postMessage({ t: 'failed', message: message.message });
  else if (message.t === 'event') {
    for (const change of message.changes) if (change.key === 'notes') parentPort.postMessage({ t: 'note', id: change.id, at });
  }
});
parentPort.on('message', () => ws.close());
`;

export const hrNow = () => Number(process.hrtime.bigint()) / 1e6;

export interface ProjectorThread {
  /** Resolves with the hrtime (ms) at which the projector received the note. */
  noteArrival(noteId: string, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startProjectorThread(url: string, stream: string): Promise<ProjectorThread> {
  const wsPath = createRequire(join(ROOT, 'package.json')).resolve('ws');
  const worker = new Worker(PROJECTOR, { eval: true, workerData: { url, stream, wsPath } });
  const waiting = new Map<string, (at: number) => void>();
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: { t: string; id?: string; at?: number; message?: string }) => {
      if (message.t === 'ready') resolve();
      if (message.t === 'failed') reject(new Error(`projector: ${message.message}`));
      if (message.t === 'note' && message.id !== undefined && message.at !== undefined) {
        waiting.get(message.id)?.(message.at);
        waiting.delete(message.id);
      }
    });
  });
  return {
    noteArrival(noteId, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the projector did not get note ${noteId} within ${timeoutMs} ms`)), timeoutMs);
        waiting.set(noteId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
    },
    async stop() {
      worker.postMessage('close');
      await worker.terminate();
    },
  };
}
