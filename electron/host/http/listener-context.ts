import type { JoinDoor, ListenerContext } from './router';

/** The names a loopback listener answers to: DNS rebinding (evil.example → 127.0.0.1) gets nothing. */
export function loopbackContext(port: () => number): ListenerContext {
  const hosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`];
  return {
    name: 'loopback',
    // On this computer every open room may be joined (tests, a browser beside the app), without a budget.
    joins: { admit: () => true, admits: () => true },
    origins: () => hosts().map((host) => `http://${host}`),
    hostAllowed: (host) => host !== undefined && hosts().includes(host.toLowerCase()),
  };
}

/** The LAN listener answers only to its own address (as on the projector), with or without :80. */
export function lanContext(address: string, port: () => number, joins: JoinDoor): ListenerContext {
  const hosts = () => (port() === 80 ? [`${address}:80`, address] : [`${address}:${port()}`]);
  return {
    name: 'lan',
    joins,
    origins: () => [`http://${address}:${port()}`, ...(port() === 80 ? [`http://${address}`] : [])],
    hostAllowed: (host) => host !== undefined && hosts().includes(host),
  };
}
