import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseHostArgs } from '../../../../electron/host/args';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseHostArgs(argv, env, '/renderer');

describe('the host command line: the phones port', () => {
  it('is 4780 unless told otherwise, whatever port the facilitator screen uses', () => {
    expect(DEFAULT_PORT).toBe(4780);
    expect(parse([])).toMatchObject({ port: 4780, lanPort: 4780 });
    expect(parse(['--port', '4781'])).toMatchObject({ port: 4781, lanPort: 4780 });
  });

  it('is set with --lan-port, or EILAND_LAN_PORT when the flag is absent', () => {
    expect(parse(['--lan-port', '8080']).lanPort).toBe(8080);
    expect(parse([], { EILAND_LAN_PORT: '8081' }).lanPort).toBe(8081);
    expect(parse(['--lan-port', '8080'], { EILAND_LAN_PORT: '8081' }).lanPort).toBe(8080);
  });

  it('refuses a port that is not one, naming the option', () => {
    expect(() => parse(['--lan-port', 'wifi'])).toThrow('--lan-port must be 0–65535, not wifi');
    expect(() => parse(['--lan-port', '70000'])).toThrow('--lan-port must be 0–65535, not 70000');
    expect(() => parse([], { EILAND_LAN_PORT: '47.5' })).toThrow('--lan-port must be 0–65535, not 47.5');
    expect(() => parse(['--lan-port'])).toThrow('--lan-port needs a value');
    expect(() => parse(['--port', '-1'])).toThrow('--port must be 0–65535, not -1');
  });
});
