import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseTarget } from '../../../../../electron/host/http/target';
import { exportFilePath, fillPath, matchPath, parseExportTarget } from '../../../../../shared/http-routes';

describe('parseTarget: a request target read without ever throwing', () => {
  it('reads paths and queries', () => {
    expect(parseTarget('/')).toMatchObject({ ok: true, target: { segments: [], path: '/' } });
    const page = parseTarget('/assets/join-J1.js?v=1&v=2');
    expect(page).toMatchObject({ ok: true, target: { segments: ['assets', 'join-J1.js'], path: '/assets/join-J1.js' } });
    if (page.ok) expect(page.target.query.getAll('v')).toEqual(['1', '2']);
    expect(parseTarget('/api/programme/Caf%C3%A9/suggestions')).toMatchObject({ ok: true, target: { segments: ['api', 'programme', 'Café', 'suggestions'] } });
    expect(parseTarget('/assets/')).toMatchObject({ ok: true, target: { segments: ['assets', ''] } });
    // A malformed escape in the query is the query's problem, not a crash: it reads as U+FFFD.
    const query = parseTarget('/join.html?code=%ff');
    expect(query.ok && query.target.query.get('code')).toBe('\uFFFD');
  });

  it.each([
    ['//['],
    ['/['],
    ['/a]'],
    ['/%ff'],
    ['/%'],
    ['/%zz'],
    ['/%00'],
    ['/a%2Fb'],
    ['/a%5Cb'],
    ['/..'],
    ['/assets/%2e%2e/index.html'],
    ['/.'],
    ['/a//b'],
    ['*'],
    ['http://evil.example/'],
    ['evil.example:80'],
    ['/a b'],
    ['/a\u0000b'],
    ['/\u00e9'],
    ['/?a b'],
    [''],
  ])('refuses %j with 400', (raw) => {
    expect(parseTarget(raw)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a target over its length with 414, and never throws on any byte', () => {
    expect(parseTarget(`/${'a'.repeat(MAX_TARGET_LENGTH)}`)).toMatchObject({ ok: false, status: 414 });
    expect(parseTarget(undefined)).toMatchObject({ ok: false, status: 400 });
    for (let code = 0; code < 256; code += 1) {
      const character = String.fromCharCode(code);
      expect(() => parseTarget(`/${character}`)).not.toThrow();
      expect(() => parseTarget(`/%${character}${character}`)).not.toThrow();
      expect(() => parseTarget(`/?${character}=%${character}`)).not.toThrow();
    }
  });
});

describe('the API paths in shared/http-routes.ts', () => {
  it('fills and matches templates segment by segment', () => {
    expect(fillPath('/api/programme/:id/suggestions', { id: 'a/b c' })).toBe('/api/programme/a%2Fb%20c/suggestions');
    expect(matchPath('/api/programme/:id/suggestions', ['api', 'programme', 'p1', 'suggestions'])).toEqual({ id: 'p1' });
    expect(matchPath('/api/programme/:id/suggestions', ['api', 'programme', 'p1'])).toBeNull();
    expect(matchPath('/api/join', ['api', 'join'])).toEqual({});
  });

  it('builds an export address the host reads back as the same export', () => {
    const path = exportFilePath({ scope: 'programme', id: 'prog-1', format: 'pdf', lang: 'en', sessions: ['s1', 's2'] });
    expect(path).toBe('/api/export/programme/prog-1.pdf?lang=en&sessions=s1%2Cs2');
    const target = parseTarget(path);
    if (!target.ok) throw new Error('not parsed');
    const params = matchPath('/api/export/:scope/:file', target.target.segments) ?? {};
    expect(parseExportTarget(params, target.target.query)).toEqual({ scope: 'programme', id: 'prog-1', format: 'pdf', lang: 'en', sessions: ['s1', 's2'] });
    expect(parseExportTarget({ scope: 'session', file: 's1.csv' }, new URLSearchParams('table=votes'))).toMatchObject({ format: 'votes-csv' });
    expect(parseExportTarget({ scope: 'programme', file: 'p.csv' }, new URLSearchParams())).toBeNull();
    expect(parseExportTarget({ scope: 'session', file: 's1.docx' }, new URLSearchParams())).toEqual({ scope: 'session', id: 's1', format: 'docx' });
    expect(parseExportTarget({ scope: 'programme', file: 'p.docx' }, new URLSearchParams('lang=en'))).toEqual({ scope: 'programme', id: 'p', format: 'docx', lang: 'en' });
    expect(parseExportTarget({ scope: 'session', file: 's1.odt' }, new URLSearchParams())).toBeNull();
    expect(parseExportTarget({ scope: 'team', file: 's1.pdf' }, new URLSearchParams())).toBeNull();
  });
});
