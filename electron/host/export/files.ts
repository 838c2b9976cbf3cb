import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ExportError } from './errors';

/** Archives bigger than this are refused before they are read (a full session is a few MB). */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'de map bestaat niet';
    case 'EACCES':
    case 'EPERM':
      return 'je hebt daar geen schrijfrechten';
    case 'EROFS':
      return 'die plek is alleen-lezen';
    case 'EISDIR':
      return 'dat is een map, geen bestand';
    case 'ENOSPC':
      return 'de schijf is vol';
    default:
      return 'het schrijven mislukte';
  }
}

/**
 * Writes a file whole or not at all: first to a temporary name beside it, then renamed into
 * place. A failed export never leaves a half file, and never touches an existing file it could
 * not replace.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array, signal?: AbortSignal): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if ((await stat(path).catch(() => null))?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    await writeFile(temporary, data, { signal });
    // A job cancelled while its file was being written leaves nothing: not the file, not the temporary.
    signal?.throwIfAborted();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    throw new ExportError('not_writable', `Kan niet schrijven naar "${path}": ${reason(error)}.`);
  }
}

/** Reads an archive file from disk, with a plain message when that is not possible. */
export async function readArchiveFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ExportError('not_readable', `"${path}" is een map, geen archiefbestand.`);
    if (info.size > MAX_ARCHIVE_BYTES) throw new ExportError('too_large', `"${path}" is te groot voor een Eiland-archief.`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'het bestand bestaat niet' : code === 'EACCES' ? 'je hebt geen leesrechten' : 'het lezen mislukte';
    throw new ExportError('not_readable', `Kan "${path}" niet lezen: ${why}.`);
  }
}
