import { describe, expect, it } from 'vitest';
import { socketUrl, tokenOf } from '../../../renderer/src/client';
import { parseRoute, routeHash } from '../../../renderer/src/facilitator/route';

describe('facilitator routes', () => {
  it('round-trips a session route through the hash', () => {
    const route = { screen: 'session', id: 'abc-123_X' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('')).toEqual({ screen: 'sessions' });
    expect(parseRoute('#/session/')).toEqual({ screen: 'sessions' });
    expect(parseRoute('#/iets')).toEqual({ screen: 'sessions' });
  });
});

describe('socket addresses', () => {
  const page = { protocol: 'http:', host: '127.0.0.1:4780', search: '?token=abc%2Fdef&session=s1' };

  it('carries the page token, and the role for the projector', () => {
    expect(tokenOf(page)).toBe('abc/def');
    expect(socketUrl(page, 'facilitator')).toBe('ws://127.0.0.1:4780/ws?token=abc%2Fdef');
    expect(socketUrl(page, 'projector')).toBe('ws://127.0.0.1:4780/ws?token=abc%2Fdef&role=projector');
    expect(socketUrl({ ...page, protocol: 'https:', search: '' }, 'facilitator')).toBe('wss://127.0.0.1:4780/ws?');
  });
});
