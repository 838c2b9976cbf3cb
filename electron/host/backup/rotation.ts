import { backupTime } from './names';

/**
 * Which backups a folder keeps: the newest RECENT, and for each of the last DAYS calendar days
 * (the computer's own days, today included) the newest backup of that day. The rest is deleted.
 * The newest ten are kept however old they are, so a laptop left in a drawer for months still
 * has its last backups when it is opened again.
 */
export const KEEP_RECENT = 10;
export const KEEP_DAYS = 30;

const localDay = (at: number) => {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
};

/** The first moment of the calendar day `days` days before the day of `now`, in local time. */
function startOfDayBefore(now: number, days: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - days).getTime();
}

/** The names to keep, of the given backup names (names that are not backups are never returned). */
export function namesToKeep(names: readonly string[], now: number): Set<string> {
  const backups = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((entry): entry is { name: string; at: number } => entry.at !== null)
    .sort((a, b) => b.at - a.at);
  const keep = new Set(backups.slice(0, KEEP_RECENT).map((entry) => entry.name));
  const firstDay = startOfDayBefore(now, KEEP_DAYS - 1);
  const daysSeen = new Set<string>();
  for (const entry of backups) {
    if (entry.at < firstDay) break;
    const day = localDay(entry.at);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(entry.name);
  }
  return keep;
}

/** The backup names rotation deletes: backups not kept. Anything else in the folder is left alone. */
export function namesToDelete(names: readonly string[], now: number): string[] {
  const keep = namesToKeep(names, now);
  return names.filter((name) => backupTime(name) !== null && !keep.has(name));
}
