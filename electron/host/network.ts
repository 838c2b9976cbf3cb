import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import type { LanAddress } from '../../shared/protocol';

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Private ranges first (what a travel router or phone hotspot hands out), link-local last. */
function rank(address: string): number {
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address)) return 0;
  if (address.startsWith('169.254.')) return 2;
  return 1;
}

/**
 * This computer's IPv4 addresses that phones on the same local network can reach: every
 * non-internal IPv4 address of every interface, the likeliest first. The table is a parameter so
 * tests can describe a machine without touching the real one.
 */
export function lanAddresses(table: InterfaceTable = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported the family as a number.
      const ipv4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (!ipv4 || info.internal) continue;
      if (!found.some((known) => known.address === info.address)) found.push({ name, address: info.address });
    }
  }
  return found.sort((a, b) => rank(a.address) - rank(b.address));
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A single address to offer instead of the machine's own list (`--lan-address`, tests: 127.0.0.2). */
export function fixedLanAddress(address: string): () => LanAddress[] {
  // 0.0.0.0 would mean every network at once, which is exactly what a room must never do.
  if (!IPV4.test(address) || address === '0.0.0.0' || address === '255.255.255.255') {
    throw new Error(`--lan-address must be one IPv4 address of this computer, not ${address}`);
  }
  return () => [{ name: 'lan-address', address }];
}
