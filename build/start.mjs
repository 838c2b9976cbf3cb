// `npm start`: builds, then opens Eiland in Electron. Where Electron cannot start (no Electron
// binary, as on machines that cannot download it, or no screen), it says so in one line and starts
// browser mode (build/web.mjs) instead, so `npm start` always ends in a running Eiland.
//   node build/start.mjs [extra args passed on to Electron or to web.mjs]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable, or null when there is none. The 'electron' package exports the binary's
 * path, but when the binary is missing its require first tries to download it (printing progress
 * and a stack trace) and then throws. That happens in a child process with its output captured,
 * so a failure here stays quiet and `npm start` can print its own single line.
 */
export function findElectron(projectRoot = root) {
  const marker = '\u0000ELECTRON_PATH\u0000';
  const probe = spawnSync(
    process.execPath,
    ['-e', `process.stdout.write(${JSON.stringify(marker)} + require('electron'))`],
    // The first start on a machine with internet downloads Electron here: allow it time.
    { cwd: projectRoot, encoding: 'utf8', timeout: 10 * 60_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return electronPathFromProbe(probe.status, probe.stdout ?? '', marker, existsSync);
}

/** Pure part of findElectron: the reported path, only if the probe succeeded and the file exists. */
export function electronPathFromProbe(status, stdout, marker, exists) {
  if (status !== 0) return null;
  const at = stdout.lastIndexOf(marker);
  if (at === -1) return null;
  const path = stdout.slice(at + marker.length).trim();
  return path !== '' && exists(path) ? path : null;
}

/**
 * Why Electron cannot start here (a Dutch phrase for the one-line notice), or null when it can.
 * Electron on Linux needs a display server; without one it crashes with a long error.
 */
export function electronUnavailableReason(electronPath, platform = process.platform, env = process.env) {
  if (electronPath === null) return 'geen Electron-programma gevonden';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'geen beeldscherm gevonden';
  return null;
}

export function browserModeNotice(reason) {
  return `Eiland: Electron kan op deze machine niet starten (${reason}); Eiland start nu in browsermodus.`;
}

/** Electron's arguments: the project root (package.json "main" points at the built shell). */
export function electronArgs(projectRoot, extraArgs, isRoot) {
  // Chromium refuses to run as root with its OS sandbox (containers, CI); pages stay sandboxed by
  // Electron's renderer settings either way. Never needed for a normal user.
  return [...(isRoot ? ['--no-sandbox'] : []), projectRoot, ...extraArgs];
}

/**
 * Runs a child with our terminal, forwards Ctrl+C / termination, and exits with its code.
 * If the child cannot be started at all, `onError` decides what happens instead.
 */
function runAndExit(command, args, { env = process.env, onError } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  let failed = false;
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('error', (error) => {
    failed = true;
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, forward);
    if (onError) onError(error);
    else {
      console.error(`Eiland: ${command} kon niet starten (${error.message}).`);
      process.exit(1);
    }
  });
  child.on('exit', (code, signal) => {
    if (!failed) process.exit(code ?? (signal ? 1 : 0));
  });
}

function startBrowserMode(extraArgs) {
  runAndExit(process.execPath, [join(root, 'build/web.mjs'), ...extraArgs]);
}

async function main() {
  const extraArgs = process.argv.slice(2);
  const build = spawnSync(process.execPath, [join(root, 'build/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const electronPath = findElectron();
  const reason = electronUnavailableReason(electronPath);
  if (reason !== null || electronPath === null) {
    console.log(browserModeNotice(reason ?? 'geen Electron-programma gevonden'));
    startBrowserMode(extraArgs);
    return;
  }
  // Set in some shells by other tools; it would make Electron behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAndExit(electronPath, electronArgs(root, extraArgs, process.getuid?.() === 0), {
    env,
    // The binary exists but cannot be executed (wrong architecture, no permission): browser mode.
    onError: (error) => {
      console.log(browserModeNotice(`Electron start niet: ${error.code ?? error.message}`));
      startBrowserMode(extraArgs);
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
