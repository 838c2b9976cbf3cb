/**
 * Small JSON files in the userData folder (window position, recent sessions, preferences). They
 * are conveniences: a missing or damaged file reads as null and the app goes on with defaults,
 * and a write goes to a temporary file first, so a crash mid-write never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Returns false when the file cannot be written (read-only profile); the caller carries on. */
export function writeJsonFile(path: string, value: unknown): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    renameSync(temporary, path);
    return true;
  } catch {
    return false;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
