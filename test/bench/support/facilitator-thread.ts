import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from './paths';

/**
 * The facilitator's window as a separate device: its socket lives on its own thread with its own
 * event loop, so the phones simulated on the main thread cannot delay the moment it reads an ack.
 * It sends one command every `stepMs` (the next waits for the previous ack) and times each from
 * send to ack on process.hrtime, the clock every thread shares (ms).
 */
const FACILITATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const ws = new WebSocket(workerData.url, { perMessageDeflate: false });
const samples = [];
let going = true;
let i = 0;
let pending = null;
ws.on('error', (error) => parentPort.postMessage({ t: 'failed', message: String(error) }));
ws.on('message', (data) => {
  const at = now();
  if (!pending) return;
  const text = data.toString();
  if (!text.startsWith('{"t":"ack"') && !text.startsWith('{"t":"error"')) return;
  const message = JSON.parse(text);
  if (message.id !== pending.id) return;
  if (message.t !== 'ack') parentPort.postMessage({ t: 'failed', message: JSON.stringify(message) });
  samples.push([pending.sent, at - pending.sent]);
  const next = pending.sent + workerData.stepMs;
  pending = null;
  if (going) setTimeout(send, Math.max(0, next - now()));
});
function send() {
  const id = 'fac-' + i;
  const command = { type: 'note.move', moves: [{ id: workerData.noteIds[i % workerData.noteIds.length], x: 300 + (i % 400), y: 300 + ((i * 7) % 300) }] };
  i += 1;
  pending = { id, sent: now() };
  ws.send(JSON.stringify({ t: 'command', id, stream: workerData.stream, command }));
}
ws.on('open', () => {
  parentPort.postMessage({ t: 'ready' });
  send();
});
parentPort.on('message', () => {
  going = false;
  parentPort.postMessage({ t: 'samples', samples });
});
`;

export interface FacilitatorThread {
  /** Stops sending and returns every [sent (hrtime ms), ack latency (ms)] pair. */
  stop(): Promise<[number, number][]>;
}

export async function startFacilitatorThread(url: string, stream: string, noteIds: readonly string[], stepMs: number): Promise<FacilitatorThread> {
  const wsPath = createRequire(join(ROOT, 'package.json')).resolve('ws');
  const worker = new Worker(FACILITATOR, { eval: true, workerData: { url, stream, noteIds, stepMs, wsPath } });
  let failure: Error | null = null;
  let collected: (samples: [number, number][]) => void = () => undefined;
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: { t: string; message?: string; samples?: [number, number][] }) => {
      if (message.t === 'ready') resolve();
      if (message.t === 'failed') {
        failure = new Error(`facilitator: ${message.message}`);
        reject(failure);
      }
      if (message.t === 'samples') collected(message.samples ?? []);
    });
  });
  return {
    async stop() {
      const samples = new Promise<[number, number][]>((resolve) => {
        collected = resolve;
      });
      worker.postMessage('stop');
      const result = await samples;
      await worker.terminate();
      if (failure) throw failure;
      return result;
    },
  };
}
