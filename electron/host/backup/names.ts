/**
 * File names of backups. The time is in the name (UTC, sortable, no colons for Windows), so a
 * listing needs no database and rotation can never mistake another file for a backup: only names
 * that match BACKUP_NAME exactly are ever listed, rotated or offered for restore.
 */
const BACKUP_NAME = /^eiland-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

/** A backup being written; never listed, removed at the next start if a crash left it behind. */
export const PARTIAL_SUFFIX = '.partial';

export const BACKUP_FOLDER = 'backups';

/** In the data folder: a verified copy waiting to become eiland.sqlite (see restore.ts). */
export const RESTORE_READY = 'eiland.restore-ready.sqlite';
export const RESTORE_PARTIAL = `eiland.restore${PARTIAL_SUFFIX}`;

export function backupName(at: number): string {
  return `eiland-${new Date(at).toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** The time a backup was taken, or null when the name is not one of ours. */
export function backupTime(name: string): number | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match.map(Number) as number[];
  const at = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
  // Reject what Date.UTC would silently roll over (month 13, 31 February).
  return backupName(at) === name ? at : null;
}

export const partialName = (name: string) => `.${name}${PARTIAL_SUFFIX}`;

/** Where the current database is kept when a backup is restored over it; never deleted by Eiland. */
export function keptAsideName(at: number): string {
  return `eiland.before-restore-${new Date(at).toISOString().replace(/[:.]/g, '-')}.sqlite`;
}
