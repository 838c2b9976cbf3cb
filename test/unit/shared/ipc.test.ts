import { describe, expect, it } from 'vitest';
import { IpcChannel, isHostDatabaseRecoveredMessage, isHostReadyMessage } from '../../../shared/ipc';

describe('isHostReadyMessage', () => {
  it('accepts the message the host sends when it listens', () => {
    expect(isHostReadyMessage({ type: 'ready', url: 'http://127.0.0.1:51234/', port: 51234 })).toBe(true);
  });

  it('rejects anything malformed', () => {
    expect(isHostReadyMessage(null)).toBe(false);
    expect(isHostReadyMessage('ready')).toBe(false);
    expect(isHostReadyMessage({ type: 'ready', url: 'http://127.0.0.1:51234/' })).toBe(false);
    expect(isHostReadyMessage({ type: 'ready', url: 'http://127.0.0.1:51234', port: 51234 })).toBe(false);
    expect(isHostReadyMessage({ type: 'ready', url: 'http://127.0.0.1:0/', port: 0 })).toBe(false);
    expect(isHostReadyMessage({ type: 'ready', url: 'http://127.0.0.1:1/', port: 1.5 })).toBe(false);
    expect(isHostReadyMessage({ type: 'ready', url: 42, port: 1 })).toBe(false);
    expect(isHostReadyMessage({ type: 'database-recovered', url: 'http://127.0.0.1:1/', port: 1 })).toBe(false);
  });
});

describe('isHostDatabaseRecoveredMessage', () => {
  it('accepts a message naming where the damaged file went', () => {
    expect(isHostDatabaseRecoveredMessage({ type: 'database-recovered', movedTo: 'eiland.corrupt.db' })).toBe(true);
  });

  it('rejects a message without a usable name', () => {
    expect(isHostDatabaseRecoveredMessage({ type: 'database-recovered', movedTo: '' })).toBe(false);
    expect(isHostDatabaseRecoveredMessage({ type: 'database-recovered' })).toBe(false);
    expect(isHostDatabaseRecoveredMessage({ type: 'ready', movedTo: 'x' })).toBe(false);
  });
});

describe('IpcChannel', () => {
  it('has unique channel names in the eiland: namespace', () => {
    const names = Object.values(IpcChannel);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^eiland:[a-z-]+$/);
  });
});
