import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { atExit, makeTempDir } from './cleanup';
import { HOST_MAIN, ROOT } from './paths';
import { info } from './report';

export interface HostProcess {
  pid: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  token: string;
  databaseFile: string;
  /** The facilitator's (or projector's) WebSocket address. */
  socketUrl(role?: 'facilitator' | 'projector'): string;
  /** VmRSS and VmHWM (peak) of the host process, in MiB. */
  memory(): { rssMb: number; peakMb: number };
  /** CPU time (user + system) the host has used so far, in ms: work done, whatever the noise. */
  cpuMs(): number;
  /** The same for the host's main thread alone, the one loop every client waits on (its workers not counted). */
  mainThreadCpuMs(): number;
  /** CPU time (ms) per thread of the host, by the thread's name and id, to see where it went. */
  threadCpuMs(): Map<string, number>;
  stop(): Promise<void>;
}

/**
 * Node options for the host, for profiling a benchmark run without editing it, e.g.
 * EILAND_BENCH_HOST_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/eiland-prof".
 */
const extraNodeArgs = (process.env.EILAND_BENCH_HOST_NODE_OPTIONS ?? '').split(' ').filter(Boolean);

/**
 * The built host (dist/host/main.mjs) as its own process, as in the app: its memory and its event
 * loop are its own, so what the simulated clients cost is not counted against it.
 */
export async function startHostProcess(options: { data?: { path: string; remove(): void } } = {}): Promise<HostProcess> {
  if (!existsSync(HOST_MAIN)) throw new Error(`${HOST_MAIN} is missing: run \`npm run build\` first`);
  // A benchmark may hand over a data folder it filled beforehand; it is removed at stop all the same.
  const data = options.data ?? makeTempDir('eiland-bench-host-');
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [...extraNodeArgs, HOST_MAIN, '--port', '0', '--data', data.path, '--token', token], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forgetKill = atExit(() => child.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => info(`  host: ${line}`));

  const facilitatorUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host did not print its address within 15 s')), 15_000);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /Eiland draait op (\S+)/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });
  const url = `${new URL(facilitatorUrl).origin}/`;
  const pid = child.pid as number;
  return {
    pid,
    url,
    token,
    databaseFile: join(data.path, 'eiland.sqlite'),
    socketUrl: (role = 'facilitator') => `${url.replace(/^http/, 'ws')}ws?token=${token}${role === 'projector' ? '&role=projector' : ''}`,
    memory: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    mainThreadCpuMs: () => readCpuMs(pid, `/proc/${pid}/task/${pid}/stat`),
    threadCpuMs: () => readThreadCpuMs(pid),
    async stop() {
      await stopChild(child, exited);
      forgetKill();
      data.remove();
    },
  };
}

/** SIGTERM lets the host close its database (and write a CPU profile if asked); SIGKILL if it hangs. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kib('VmRSS') / 1024, peakMb: kib('VmHWM') / 1024 };
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function readCpuMs(pid: number, file = `/proc/${pid}/stat`): number {
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function readThreadCpuMs(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      threads.set(`${name}#${task}`, readCpuMs(pid, `/proc/${pid}/task/${task}/stat`));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}
