import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { atExit, makeTempDir } from './cleanup';
import { ROOT } from './paths';

/**
 * The bare floor under a host command: a `ws` echo server that does nothing but send each frame
 * back, in its own process like the host (so both pay the same loopback and process hop).
 */
const ECHO_SERVER = `
const { WebSocketServer } = require('ws');
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('listening', () => console.log('port ' + server.address().port));
server.on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
process.on('SIGTERM', () => process.exit(0));
`;

export interface EchoBaseline {
  /** Sends one frame and resolves with the time until it came back, in ms. */
  roundTrip(frame: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startEchoBaseline(): Promise<EchoBaseline> {
  // cwd is the project root, so require('ws') finds the same ws the host bundles.
  const child = spawn(process.execPath, ['-e', ECHO_SERVER], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const forgetKill = atExit(() => child.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`echo server exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /^port (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let waiting: ((at: number) => void) | null = null;
  ws.on('message', () => waiting?.(performance.now()));
  return {
    roundTrip(frame) {
      const start = performance.now();
      return new Promise((resolve) => {
        waiting = (at) => {
          waiting = null;
          resolve(at - start);
        };
        ws.send(frame);
      });
    },
    async stop() {
      ws.close();
      child.kill('SIGTERM');
      await exited;
      forgetKill();
    },
  };
}

export interface SqliteBaseline {
  /** One transaction inserting one row of `bytes` characters; resolves with its duration in ms. */
  insert(bytes: number): number;
  close(): void;
}

/** A bare SQLite file with the host's settings (WAL, synchronous=FULL: power-loss safe), in a temp folder. */
export function openSqliteBaseline(): SqliteBaseline {
  const dir = makeTempDir('eiland-bench-sqlite-');
  const db = new Database(join(dir.path, 'baseline.sqlite'));
  const forgetClose = atExit(() => db.close());
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  const statement = db.prepare('INSERT INTO rows (data) VALUES (?)');
  const insert = db.transaction((data: string) => statement.run(data));
  const payloads = new Map<number, string>();
  let counter = 0;
  return {
    insert(bytes) {
      // Vary the text a little so SQLite cannot reuse anything from the previous row.
      const base = payloads.get(bytes) ?? 'x'.repeat(bytes);
      payloads.set(bytes, base);
      const data = `${(counter++).toString(36)}${base}`.slice(0, bytes);
      const start = performance.now();
      insert(data);
      return performance.now() - start;
    },
    close() {
      db.close();
      forgetClose();
      dir.remove();
    },
  };
}
