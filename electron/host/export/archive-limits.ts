import { LIMITS } from '../../../shared/domain';

/**
 * What one archive may hold. An archive comes from elsewhere: these bound the memory and time an
 * import can take, and each refusal names the limit that was passed (docs/archive-format.md).
 */
export const ARCHIVE_LIMITS = {
  /** The file itself. */
  bytes: 64 * 1024 * 1024,
  sessions: 500,
  participantsPerSession: 2_000,
  notesPerSession: LIMITS.notesPerSession,
  /** Rows of any one table, tombstones included. */
  rowsPerTable: 250_000,
} as const;
