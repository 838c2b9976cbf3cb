import { afterEach, describe, expect, it } from 'vitest';
import { installLastResort } from '../../../../electron/host/last-resort';

/** What Node does with an error nobody caught: emit it on the process (the listeners decide the rest). */
const raise = (event: 'uncaughtException' | 'unhandledRejection', error: Error) =>
  (process.emit as (event: string, ...args: unknown[]) => boolean)(event, error, event === 'uncaughtException' ? 'uncaughtException' : Promise.resolve());

describe('the host’s last resort for errors nobody caught', () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });

  function install(safe: () => boolean, perMinute = 3) {
    const logged: string[] = [];
    const exits: number[] = [];
    let now = 0;
    removals.push(
      installLastResort({ safe, perMinute, clock: () => now, log: (message) => logged.push(message), exit: (code) => exits.push(code) }),
    );
    return { logged, exits, later: (ms: number) => (now += ms) };
  }

  it('logs and goes on while no transaction is open', () => {
    const { logged, exits } = install(() => true);
    raise('uncaughtException', new Error('stray'));
    raise('unhandledRejection', new Error('stray promise'));
    expect(exits).toEqual([]);
    expect(logged).toEqual([expect.stringContaining('session goes on'), expect.stringContaining('session goes on')]);
  });

  it('stops when going on is not safe: a transaction is open, or errors keep coming', () => {
    const inTransaction = install(() => false);
    raise('uncaughtException', new Error('mid-transaction'));
    expect(inTransaction.exits).toEqual([70]);
    removals.pop()?.();

    const loop = install(() => true, 3);
    for (let i = 0; i < 3; i += 1) raise('uncaughtException', new Error(`again ${i}`));
    expect(loop.exits).toEqual([]);
    raise('uncaughtException', new Error('once too often'));
    expect(loop.exits).toEqual([70]);
    // A minute later a single stray error is survivable again.
    loop.later(61_000);
    raise('uncaughtException', new Error('much later'));
    expect(loop.exits).toEqual([70]);
  });

  it('treats a check that throws as not safe', () => {
    const { exits } = install(() => {
      throw new Error('database closed');
    });
    raise('uncaughtException', new Error('stray'));
    expect(exits).toEqual([70]);
  });
});
