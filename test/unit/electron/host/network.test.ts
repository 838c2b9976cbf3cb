import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fixedLanAddress, lanAddresses } from '../../../../electron/host/network';

const v4 = (address: string, internal = false) => ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as NetworkInterfaceInfo;
const v6 = (address: string) => ({ address, family: 'IPv6', internal: false, netmask: 'ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

describe('lanAddresses', () => {
  it('lists the non-internal IPv4 addresses, private ranges first and link-local last', () => {
    const table = {
      lo: [v4('127.0.0.1', true), v6('::1')],
      docker0: [v4('169.254.10.1')],
      eth0: [v4('203.0.113.5'), v6('fe80::1')],
      'Wi-Fi': [v4('192.168.8.23')],
      hotspot: [v4('172.20.10.2'), v4('192.168.8.23')],
    };
    expect(lanAddresses(table)).toEqual([
      { name: 'Wi-Fi', address: '192.168.8.23' },
      { name: 'hotspot', address: '172.20.10.2' },
      { name: 'eth0', address: '203.0.113.5' },
      { name: 'docker0', address: '169.254.10.1' },
    ]);
  });

  it('is empty on a computer without a network', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
    expect(lanAddresses({})).toEqual([]);
  });
});

describe('fixedLanAddress', () => {
  it('offers exactly the one address given', () => {
    expect(fixedLanAddress('127.0.0.2')()).toEqual([{ name: 'lan-address', address: '127.0.0.2' }]);
  });

  it('refuses what is not an IPv4 address', () => {
    for (const bad of ['0.0.0.0', '0.0.0.0.0', 'localhost', '::', '256.1.1.1', '']) expect(() => fixedLanAddress(bad)).toThrow(/IPv4/);
  });
});
