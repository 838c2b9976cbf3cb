import type { RawOptions } from './raw-http';

/**
 * Malformed HTTP requests for the fuzz test (reliability/http-fuzz.test.ts): targets with bad
 * escapes, brackets, NUL and 64 KB; every method; duplicated, missing and lying headers; bodies
 * cut at any offset or sent slowly. Each is a recipe for raw-http.ts, made from a seeded random.
 */
export interface FuzzContext {
  /** The Host header the listener expects (`127.0.0.1:PORT`). */
  host: string;
  /** A join code that works, so some joins get through (and their cut copies do not). */
  code: string;
  token: string;
}

export interface FuzzRequest {
  kind: string;
  options: RawOptions;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'G\u0000T', '', 'X'.repeat(300)];
const VERSIONS = [...Array.from({ length: 12 }, () => 'HTTP/1.1'), 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', ''];
const TARGETS = [
  '/',
  '//[',
  '/[',
  '/]',
  '//[::1]',
  '/%ff',
  '/%',
  '/%%',
  '/%zz',
  '/%00',
  '/%E2%82',
  '/%c0%ae%c0%ae/etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/assets/../index.html',
  '/assets/%2e%2e/index.html',
  '/assets/',
  '/join.html',
  '/join.html?code=%ff',
  '/index.html',
  '/projector.html',
  '/api/join',
  '/api/join?x=%ff',
  '/api/import',
  '/api/demo',
  '/api/export/session/s1.csv',
  '/api/export/session/%ff.pdf',
  '/api/export/session/s1.docx',
  '/api/programme/[/suggestions',
  '/api/programme/%/suggestions',
  '/ws',
  '/ws?participant=%ff',
  '/ws?participant=',
  '/ws?token=',
  '*',
  'http://evil.example/',
  'evil.example:80',
  '',
  `/?${'&'.repeat(3000)}`,
  '/\u00e9',
  '/a\tb',
  '/a b',
];

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number) => Math.floor(random() * max);

function randomTarget(random: Random, context: FuzzContext): string {
  const roll = random();
  if (roll < 0.7) {
    const base = pick(random, TARGETS);
    return random() < 0.15 && base.startsWith('/') ? `${base}${base.includes('?') ? '&' : '?'}token=${context.token}` : base;
  }
  if (roll < 0.75) return `/${'a'.repeat(64 * 1024)}`;
  if (roll < 0.8) return `/${'%'.repeat(int(random, 6000))}`;
  // Made of the characters that broke parsers: escapes, brackets, slashes, NUL, spaces, non-ASCII.
  const alphabet = ['%', '%f', '%ff', '[', ']', '/', '//', '\u0000', ' ', '?', '#', '..', 'é', '€', '\\', 'a', 'api', 'ws', '%2F', '%00', '&', '='];
  let target = '/';
  for (let length = 1 + int(random, 30); length > 0; length -= 1) target += pick(random, alphabet);
  return target;
}

function headerLines(random: Random, context: FuzzContext, bodyLength: number): string[] {
  const lines: string[] = [];
  const hostRoll = random();
  if (hostRoll < 0.8) lines.push(`Host: ${context.host}`);
  else if (hostRoll < 0.86) lines.push(`Host: ${context.host}`, 'Host: evil.example');
  else if (hostRoll < 0.92) lines.push('Host: evil.example');
  else if (hostRoll < 0.95) lines.push('Host:');
  // else: no Host at all
  const lengthRoll = random();
  if (lengthRoll < 0.35) lines.push(`Content-Length: ${bodyLength}`);
  else if (lengthRoll < 0.45) lines.push(`Content-Length: ${bodyLength + 1 + int(random, 100)}`);
  else if (lengthRoll < 0.5) lines.push(`Content-Length: ${Math.max(0, bodyLength - 1 - int(random, 10))}`);
  else if (lengthRoll < 0.55) lines.push(`Content-Length: ${pick(random, ['abc', '-1', '1e3', '99999999999999999999', ' 5', '0x10'])}`);
  else if (lengthRoll < 0.6) lines.push(`Content-Length: ${bodyLength}`, `Content-Length: ${bodyLength + 3}`);
  else if (lengthRoll < 0.65) lines.push('Transfer-Encoding: chunked');
  else if (lengthRoll < 0.68) lines.push('Transfer-Encoding: chunked', `Content-Length: ${bodyLength}`);
  else if (lengthRoll < 0.7) lines.push('Transfer-Encoding: gzip, chunked');
  // else: no length at all
  if (random() < 0.5) lines.push(pick(random, ['Content-Type: application/json', 'Content-Type: text/plain', 'Content-Type: application/json; charset=utf-8', 'Content-Type:']));
  if (random() < 0.2) lines.push(pick(random, ['Origin: http://evil.example', `Origin: http://${context.host}`, 'Origin: null', 'Origin: %ff']));
  if (random() < 0.15) lines.push(pick(random, [`Authorization: Bearer ${context.token}`, 'Authorization: Bearer wrong', 'Authorization: Basic Zm9vOmJhcg==', 'Authorization:']));
  if (random() < 0.1) lines.push('Upgrade: websocket', 'Connection: Upgrade', ...(random() < 0.5 ? ['Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'] : []));
  if (random() < 0.05) lines.push(`X-Big: ${'b'.repeat(20_000)}`);
  if (random() < 0.05) lines.push(pick(random, ['NoColonHere', ' folded: continuation', 'X-Nul: a\u0000b', 'X-Empty:', ': no name', 'Expect: 100-continue']));
  if (random() < 0.3) lines.push('Connection: close');
  return lines;
}

function bodyFor(random: Random, context: FuzzContext): Buffer {
  const roll = random();
  if (roll < 0.35) return Buffer.alloc(0);
  if (roll < 0.65) return Buffer.from(JSON.stringify({ code: random() < 0.5 ? context.code : 'WRONG1', name: 'Fuzz'.repeat(int(random, 40)) }), 'utf8');
  if (roll < 0.75) return Buffer.from('5\r\nhello\r\n0\r\n\r\n', 'latin1');
  if (roll < 0.8) return Buffer.from(`zz\r\n${'x'.repeat(50)}\r\n`, 'latin1');
  const bytes = Buffer.alloc(int(random, 6000));
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = int(random, 256);
  return bytes;
}

/**
 * A request a real page or phone could send, right up to its headers, so that it reaches a handler:
 * what breaks it is how it is delivered (cut at any offset, slowly) or its body.
 */
function plausible(random: Random, context: FuzzContext): Buffer {
  const json = (value: unknown, cutAt?: number) => {
    const text = JSON.stringify(value);
    return cutAt === undefined ? text : text.slice(0, cutAt);
  };
  const join = json({ code: random() < 0.5 ? context.code : 'WRONG2', name: 'Fuzz' }, random() < 0.3 ? int(random, 20) : undefined);
  const [method, target, body, type] = pick(random, [
    ['POST', '/api/join', join, 'application/json'],
    ['POST', '/api/join', '{"code":', 'application/json'],
    ['POST', '/api/join', '[]', 'application/json'],
    ['POST', '/api/join', 'null', 'application/json'],
    ['POST', `/api/export-to-file?token=${context.token}`, json({ scope: 'session', id: 's1', format: 'csv', path: 'relative.csv' }), 'application/json'],
    ['POST', `/api/import?token=${context.token}`, 'SQLite format 3\u0000garbage', 'application/octet-stream'],
    ['GET', `/api/export/session/nope.csv?token=${context.token}`, '', ''],
    ['GET', `/api/programme/nope/suggestions?token=${context.token}`, '', ''],
    ['GET', '/join.html', '', ''],
    ['GET', '/assets/none.js', '', ''],
    ['HEAD', '/', '', ''],
  ] as const);
  const length = Buffer.byteLength(body);
  const headers = [`Host: ${context.host}`, ...(type ? [`Content-Type: ${type}`] : []), ...(method === 'POST' ? [`Content-Length: ${length}`] : [])];
  return Buffer.from(`${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/** One malformed (or now and then well-formed) request and how it is delivered. */
export function fuzzRequest(random: Random, context: FuzzContext): FuzzRequest {
  let bytes: Buffer;
  if (random() < 0.3) bytes = plausible(random, context);
  else {
    const method = random() < 0.75 ? pick(random, ['GET', 'POST']) : pick(random, METHODS);
    const body = bodyFor(random, context);
    const head = `${method} ${randomTarget(random, context)} ${pick(random, VERSIONS)}\r\n${headerLines(random, context, body.length).join('\r\n')}\r\n\r\n`;
    bytes = Buffer.concat([Buffer.from(head, 'latin1'), body]);
  }
  const delivery = random();
  if (delivery < 0.45) return { kind: 'whole', options: { parts: [bytes], waitMs: 400, untilAnswer: true } };
  if (delivery < 0.7) {
    // Cut at any offset: inside the request line, the headers or the body.
    const at = int(random, bytes.length + 1);
    return { kind: 'cut', options: { parts: [bytes.subarray(0, at)], cut: true } };
  }
  if (delivery < 0.85) {
    const at = 1 + int(random, Math.max(1, bytes.length - 1));
    return { kind: 'split', options: { parts: [bytes.subarray(0, at), bytes.subarray(at)], pauseMs: 20, waitMs: 400, untilAnswer: true, end: random() < 0.5 } };
  }
  // Slow: a few bytes at a time, then the client gives up before the host's time limit.
  const parts: Buffer[] = [];
  for (let offset = 0; offset < Math.min(bytes.length, 40); offset += 8) parts.push(bytes.subarray(offset, offset + 8));
  return { kind: 'slow', options: { parts, pauseMs: 150, waitMs: 200, untilAnswer: true } };
}
