/**
 * Revisions: every stored record carries the revision of its last change and a version vector.
 *
 * A revision is a hybrid logical clock stamp `<ms:15>.<counter:4>.<device>`: wall-clock time,
 * a counter for changes within one millisecond (or while the clock stands behind a revision seen
 * from elsewhere) and the id of the device that made it. Stamps compare as plain strings, two
 * devices never make the same stamp, and a change made after seeing another always sorts after it.
 *
 * The version vector holds, per device, the newest revision of that device the record includes.
 * It tells a merge whether one copy already contains the other (one dominates) or whether two
 * laptops changed the record without seeing each other (a conflict a person may need to see).
 * A later programme server can sync these records by exactly the same rules.
 */
export type Revision = string;
export type VersionVector = Readonly<Record<string, Revision>>;

const DEVICE = /^d[a-z0-9]{6,31}$/;
const REVISION = /^(\d{15})\.(\d{4})\.(d[a-z0-9]{6,31})$/;
const MAX_COUNTER = 9999;

/** The revision of everything that came from a version-1 archive: older than any real change. */
export const ORIGIN_REVISION: Revision = `${'0'.repeat(15)}.0000.d000000`;

export const isDeviceId = (id: string): boolean => DEVICE.test(id);
export const isRevision = (rev: string): boolean => REVISION.test(rev);

export function deviceOf(rev: Revision): string {
  return rev.slice(21);
}

export function makeRevision(ms: number, counter: number, device: string): Revision {
  return `${String(ms).padStart(15, '0')}.${String(counter).padStart(4, '0')}.${device}`;
}

/** A new device id: 'd' and 15 base-36 characters from the given random source. */
export function newDeviceId(random: () => number): string {
  let id = 'd';
  for (let i = 0; i < 15; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    newestSeen: Revision | null = null,
  ) {
    if (!isDeviceId(device)) throw new Error(`Not a device id: ${device}`);
    if (newestSeen) this.observe(newestSeen);
  }

  /** The next stamp at wall time `now`; never equal to or older than an earlier one. */
  next(now: number): Revision {
    if (now > this.ms) {
      this.ms = now;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.ms += 1;
      this.counter = 0;
    }
    return makeRevision(this.ms, this.counter, this.device);
  }

  /** Moves the clock past a stamp made elsewhere, so what this device does next sorts after it. */
  observe(rev: Revision): void {
    const match = REVISION.exec(rev);
    if (!match) return;
    const ms = Number(match[1]);
    const counter = Number(match[2]);
    if (ms > this.ms || (ms === this.ms && counter > this.counter)) {
      this.ms = ms;
      this.counter = counter;
    }
  }
}

/** A version vector with its devices in sorted order, so equal vectors serialise to equal text. */
export function canonicalVector(vector: VersionVector): VersionVector {
  const out: Record<string, Revision> = {};
  for (const device of Object.keys(vector).sort()) out[device] = vector[device] as Revision;
  return out;
}

/** The vector after a change stamped `rev` on a record that had `vector`. */
export function advanceVector(vector: VersionVector, rev: Revision): VersionVector {
  return canonicalVector({ ...vector, [deviceOf(rev)]: rev });
}

/** True when `a` includes everything `b` includes. */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  for (const [device, rev] of Object.entries(b)) {
    const mine = a[device];
    if (mine === undefined || mine < rev) return false;
  }
  return true;
}

export function joinVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, Revision> = { ...a };
  for (const [device, rev] of Object.entries(b)) {
    const mine = out[device];
    if (mine === undefined || mine < rev) out[device] = rev;
  }
  return canonicalVector(out);
}

export function newestRevision(vector: VersionVector): Revision | null {
  let newest: Revision | null = null;
  for (const rev of Object.values(vector)) if (newest === null || rev > newest) newest = rev;
  return newest;
}
