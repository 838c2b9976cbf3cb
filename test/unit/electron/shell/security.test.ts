import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  hostUrlPattern,
  isAllowedNavigation,
  isLoopbackHttpUrl,
  isTrustedSender,
  originOf,
  withCspHeader,
} from '../../../../electron/shell/security';

const HOST = 'http://127.0.0.1:51234';

describe('originOf', () => {
  it('gives scheme, host and port of a URL', () => {
    expect(originOf('http://127.0.0.1:51234/projector.html?token=abc')).toBe(HOST);
  });
  it('gives null for opaque origins and garbage', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,<b>x</b>')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isAllowedNavigation', () => {
  it('allows pages of the host origin', () => {
    expect(isAllowedNavigation(`${HOST}/report.html`, HOST)).toBe(true);
    expect(isAllowedNavigation(`${HOST}/?token=x#notes`, HOST)).toBe(true);
  });
  it('blocks other sites, other ports, other schemes and localhost aliases', () => {
    expect(isAllowedNavigation('https://example.org/', HOST)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:51235/', HOST)).toBe(false);
    expect(isAllowedNavigation('https://127.0.0.1:51234/', HOST)).toBe(false);
    expect(isAllowedNavigation('http://localhost:51234/', HOST)).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/', HOST)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', HOST)).toBe(false);
  });
  it('blocks everything while the host origin is unknown', () => {
    expect(isAllowedNavigation(`${HOST}/`, null)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts frames from the host origin', () => {
    expect(isTrustedSender(`${HOST}/?token=abc`, HOST)).toBe(true);
  });
  it('refuses foreign, missing and pre-ready senders', () => {
    expect(isTrustedSender('http://127.0.0.1:9999/', HOST)).toBe(false);
    expect(isTrustedSender('https://evil.example/', HOST)).toBe(false);
    expect(isTrustedSender('about:blank', HOST)).toBe(false);
    expect(isTrustedSender(null, HOST)).toBe(false);
    expect(isTrustedSender(undefined, HOST)).toBe(false);
    expect(isTrustedSender(`${HOST}/`, null)).toBe(false);
  });
});

describe('isLoopbackHttpUrl', () => {
  it('accepts only http on 127.0.0.1 with a port', () => {
    expect(isLoopbackHttpUrl('http://127.0.0.1:4000/')).toBe(true);
    expect(isLoopbackHttpUrl('http://192.168.1.5:4000/')).toBe(false);
    expect(isLoopbackHttpUrl('https://127.0.0.1:4000/')).toBe(false);
    expect(isLoopbackHttpUrl('http://127.0.0.1/')).toBe(false);
    expect(isLoopbackHttpUrl('nonsense')).toBe(false);
  });
});

describe('buildCsp', () => {
  it('is the agreed strict policy, directive by directive', () => {
    expect(buildCsp()).toBe(
      "default-src 'self'; connect-src 'self' ws://127.0.0.1:*; img-src 'self' data: blob:; " +
        "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
  it('never allows inline or evaluated scripts', () => {
    const scriptSrc = buildCsp()
      .split('; ')
      .find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });
});

describe('withCspHeader', () => {
  it('adds our CSP beside a server CSP of any case, so both are enforced, and keeps other headers', () => {
    const headers = withCspHeader({
      'content-security-policy': ["form-action 'none'"],
      'Content-Type': ['text/html'],
      'X-Single': 'value',
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'X-Single': ['value'],
      'Content-Security-Policy': ["form-action 'none'", buildCsp()],
    });
  });
  it('adds the CSP when the response had no headers', () => {
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [buildCsp()] });
  });
});

describe('hostUrlPattern', () => {
  it('matches every path of the host origin', () => {
    expect(hostUrlPattern(HOST)).toBe('http://127.0.0.1:51234/*');
  });
});
