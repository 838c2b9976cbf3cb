/**
 * What can go wrong in an export or import, with a plain Dutch message for the person and a
 * stable code for programs (the HTTP API answers `{code, message}`, the CLI prints the message).
 */
export type ExportErrorCode =
  | 'unknown_session'
  | 'unknown_programme'
  | 'not_writable'
  | 'not_readable'
  | 'unreadable_archive'
  | 'unsupported_archive'
  | 'invalid_archive'
  | 'too_large'
  | 'bad_request'
  /** The export worker stopped in the middle of a job (out of memory, a crash); the host is fine. */
  | 'worker_failed';

const HTTP_STATUS: Record<ExportErrorCode, number> = {
  unknown_session: 404,
  unknown_programme: 404,
  not_writable: 500,
  not_readable: 400,
  unreadable_archive: 422,
  unsupported_archive: 422,
  invalid_archive: 422,
  too_large: 413,
  bad_request: 400,
  worker_failed: 500,
};

export const isExportErrorCode = (code: string): code is ExportErrorCode => Object.hasOwn(HTTP_STATUS, code);

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** An id as typed by someone, safe to repeat in a one-line message. */
const shown = (id: string) => id.replace(/\p{Cc}/gu, '?').slice(0, 80);

export const unknownSession = (id: string) => new ExportError('unknown_session', `Er is geen sessie met id "${shown(id)}".`);
export const unknownProgramme = (id: string) => new ExportError('unknown_programme', `Er is geen programma met id "${shown(id)}".`);
