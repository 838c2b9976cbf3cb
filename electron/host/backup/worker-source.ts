/**
 * The code of the backup thread (see worker.ts), plain JavaScript run with `eval`, so the same code
 * runs from the TypeScript sources (tests), from the bundled host and from the packaged app without
 * a separate file to find. It answers `{id, job}` messages with `{id, ok, result | error}`.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const Database = require(workerData.sqlite);

// On Linux a thread has its own nice value: this one gives way to the host's loop when cores are busy.
if (workerData.lowerPriority) {
  try { require('node:os').setPriority(19); } catch {}
}

const coded = (eiland, message) => Object.assign(new Error(message), { eiland });

function removeQuietly(file) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try { fs.rmSync(file + suffix, { force: true }); } catch {}
  }
}

function fsyncPath(target, flags) {
  let fd;
  try {
    fd = fs.openSync(target, flags);
    fs.fsyncSync(fd);
  } catch (error) {
    // A folder cannot be opened on Windows; its rename is durable there without it.
    if (flags === 'r+') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

// Checks a copy this worker made: one file, intact, an Eiland database this version can open.
function verify(file, latest) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw coded('damaged', 'integrity_check: ' + String(check));
    const version = db.pragma('user_version', { simple: true });
    if (version > latest) throw coded('newer', 'schema ' + version + ' > ' + latest);
    const hasStreams = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'streams'").get();
    if (!hasStreams) throw coded('not_eiland', 'no streams table');
    return db.prepare("SELECT count(*) FROM streams WHERE kind = 'session'").pluck().get();
  } finally {
    db.close();
  }
}

async function copy({ source, temp, target, latest, stepPages }) {
  removeQuietly(temp);
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      // One read transaction: the steps below all read the same snapshot, so the backup never
      // restarts when the host commits, and what it holds is one consistent moment.
      from.exec('BEGIN');
      from.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
      await from.backup(temp, { progress: () => stepPages });
      from.exec('COMMIT');
    } finally {
      from.close();
    }
    const sessions = verify(temp, latest);
    fsyncPath(temp, 'r+');
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target), 'r');
    return { bytes: fs.statSync(target).size, sessions };
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

function inspect({ files }) {
  return files.map((file) => {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare("SELECT count(*) FROM streams WHERE kind = 'session'").pluck().get();
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  });
}

parentPort.on('message', async ({ id, job }) => {
  try {
    const result = job.kind === 'copy' ? await copy(job) : inspect(job);
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, eiland: error.eiland, code: error.code, message: String(error.message || error) });
  }
});
`;
