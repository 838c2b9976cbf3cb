import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HOST_BUNDLE_OPTIONS } from './export-worker-bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HostBundle {
  file: string;
  remove(): void;
}

/**
 * Bundles a host entry the way build/build.mjs does, inside node_modules/.cache so that its
 * createRequire finds better-sqlite3. The host's main gets the export worker beside it
 * (export-worker.mjs), where the host looks for it.
 */
async function bundle(entry: 'main' | 'cli'): Promise<HostBundle> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `eiland-${entry === 'main' ? 'host' : 'cli'}-`));
  const file = join(dir, `${entry}.mjs`);
  await build({
    ...HOST_BUNDLE_OPTIONS,
    external: [...HOST_BUNDLE_OPTIONS.external],
    entryPoints: entry === 'main' ? { main: join(root, 'electron/host/main.ts'), 'export-worker': join(root, 'electron/host/jobs/worker.ts') } : { cli: join(root, 'electron/host/cli.ts') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** electron/host/main.ts bundled as the build does, without the renderer build. */
export const buildHostBundle = () => bundle('main');

/** The command line (electron/host/cli.ts) bundled the same way, for tests that run it as a program. */
export const buildCliBundle = () => bundle('cli');

export interface HostProcess {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const URL_LINE = /Eiland draait op (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=(\S+)/;

/** Starts the bundled host as its own Node process and waits for the line with its address. */
export function spawnHost(bundle: string, dataDir: string, token: string, timeoutMs = 15_000, extraArgs: readonly string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [bundle, '--data', dataDir, '--port', '0', '--token', token, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (!match || match[3] !== token) return;
      clearTimeout(timer);
      const url = match[1] as string;
      const host: HostProcess = {
        child,
        pid: child.pid as number,
        url,
        port: Number(match[2]),
        output: () => output,
        exited,
        kill9() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          return exited;
        },
        stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      };
      resolvePromise(host);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`host exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}
