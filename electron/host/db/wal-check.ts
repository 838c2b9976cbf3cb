import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a SQLite write-ahead log (the `-wal` file) the way SQLite's recovery does, before SQLite
 * opens it, to find committed transactions SQLite is about to drop without a word.
 *
 * SQLite replays frames from the start while each one carries the header's salts and a cumulative
 * checksum that matches; it stops at the first that does not and forgets everything after it.
 * Frames after that point are normal leftovers when they belong to an older generation (other
 * salts: the log is reused after a checkpoint) or to a transaction that never committed. But a
 * commit frame with the current salts after the stopping point is a transaction that was
 * acknowledged and is now lost: a torn write at a power cut, or damage. That is what is reported.
 * Format: https://www.sqlite.org/fileformat2.html#walformat
 */

export interface WalReport {
  /** Complete frames in the file. */
  frames: number;
  /** Frames SQLite will replay (up to the last valid commit). */
  replayed: number;
  /** Commit frames of the current generation that SQLite will not replay. */
  droppedCommits: number;
}

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const VERSION = 3007000;

/** SQLite's checksum over 32-bit words, continued from (s0, s1); the magic number says their byte order. */
function checksum(bytes: Buffer, bigEndian: boolean, start: [number, number]): [number, number] {
  let [s0, s1] = start;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

const validPageSize = (size: number) => size >= 512 && size <= 65536 && (size & (size - 1)) === 0;

/**
 * Inspects the log at `walPath`. Null when there is none, it is empty, or its header is not valid:
 * then SQLite ignores the whole file, and with synchronous=FULL a new header is on disk before any
 * frame that depends on it, so no acknowledged frame can sit behind a bad header.
 */
export function inspectWal(walPath: string): WalReport | null {
  let fd: number;
  try {
    fd = openSync(walPath, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return null;
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LE && magic !== MAGIC_BE) return null;
    const bigEndian = magic === MAGIC_BE;
    const rawPageSize = header.readUInt32BE(8);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (header.readUInt32BE(4) !== VERSION || !validPageSize(pageSize)) return null;
    let sums = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return null;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);

    const frame = Buffer.alloc(FRAME_HEADER_BYTES + pageSize);
    let frames = 0;
    let replayed = 0;
    let droppedCommits = 0;
    let chainIntact = true;
    for (;;) {
      const offset = HEADER_BYTES + frames * frame.length;
      if (readSync(fd, frame, 0, frame.length, offset) < frame.length) break;
      frames += 1;
      const sameGeneration = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
      const commit = frame.readUInt32BE(4) !== 0;
      if (chainIntact) {
        const next = checksum(Buffer.concat([frame.subarray(0, 8), frame.subarray(FRAME_HEADER_BYTES)]), bigEndian, sums);
        const valid = sameGeneration && frame.readUInt32BE(0) !== 0 && next[0] === frame.readUInt32BE(16) && next[1] === frame.readUInt32BE(20);
        if (valid) {
          sums = next;
          if (commit) replayed = frames;
          continue;
        }
        chainIntact = false;
      }
      if (sameGeneration && commit) droppedCommits += 1;
    }
    return { frames, replayed, droppedCommits };
  } finally {
    closeSync(fd);
  }
}
