import { randomBytes } from 'node:crypto';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export interface HostOptions {
  dataDir: string;
  port: number;
  token: string;
  /** The projector window's token (`--projector-token`); made fresh when not given. */
  projectorToken?: string;
  rendererDir: string;
  /** Offer phones only this address instead of the machine's own list (`--lan-address`). */
  lanAddress?: string;
  /** The port phones connect to, tried first when a room opens (`--lan-port`, default 4780). */
  lanPort?: number;
}

export const DEFAULT_PORT = 4780;

/** Where browser mode keeps its data when neither --data nor EILAND_DATA says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, os = platform(), home = homedir()): string {
  if (os === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Eiland');
  if (os === 'darwin') return join(home, 'Library', 'Application Support', 'Eiland');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'eiland');
}

/**
 * Reads `--data DIR --port N --token T --projector-token T --renderer DIR --lan-address A --lan-port N`;
 * environment: EILAND_DATA, EILAND_PORT, EILAND_LAN_ADDRESS, EILAND_LAN_PORT.
 */
export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv, defaultRenderer: string): HostOptions {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    if (index === -1) return undefined;
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
    return next;
  };
  const port = portOf('--port', value('--port') ?? env.EILAND_PORT ?? String(DEFAULT_PORT));
  const lanPort = portOf('--lan-port', value('--lan-port') ?? env.EILAND_LAN_PORT ?? String(DEFAULT_PORT));
  const token = value('--token') ?? randomBytes(24).toString('hex');
  if (token.length < 16) throw new Error('--token must be at least 16 characters');
  const projectorToken = value('--projector-token');
  if (projectorToken !== undefined && (projectorToken.length < 16 || projectorToken === token)) {
    throw new Error('--projector-token must be at least 16 characters and differ from --token');
  }
  return {
    dataDir: value('--data') ?? env.EILAND_DATA ?? defaultDataDir(env),
    port,
    token,
    rendererDir: value('--renderer') ?? defaultRenderer,
    ...(projectorToken ? { projectorToken } : {}),
    ...lanAddressOf(value('--lan-address') ?? env.EILAND_LAN_ADDRESS),
    lanPort,
  };
}

function portOf(flag: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} must be 0–65535, not ${text}`);
  return port;
}

function lanAddressOf(address: string | undefined): { lanAddress?: string } {
  return address ? { lanAddress: address } : {};
}
