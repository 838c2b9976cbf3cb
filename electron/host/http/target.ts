/**
 * The request target (`/path?query`) as the router reads it. Never throws: `new URL` and
 * `decodeURIComponent` do on `//[` or `/%ff`, and one such request used to end the host.
 */
export interface Target {
  /** The decoded path segments: `/assets/a.js` is ['assets', 'a.js'], `/` is []. */
  segments: string[];
  /** The decoded path, segments joined with '/', starting with '/'. */
  path: string;
  query: URLSearchParams;
}

/** Far above any address of this app; the HTTP parser itself refuses headers over 16 KiB (431). */
export const MAX_TARGET_LENGTH = 4096;

/** What RFC 3986 allows in a path (pchar and '/'), plus '%' for escapes checked below. */
const PATH_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
/** The query may hold anything printable but spaces; URLSearchParams decodes it leniently. */
const QUERY_CHARACTERS = /^[\x21-\x7e]*$/;

export type TargetResult = { ok: true; target: Target } | { ok: false; status: 400 | 414; reason: string };

const bad = (reason: string): TargetResult => ({ ok: false, status: 400, reason });

export function parseTarget(raw: string | undefined): TargetResult {
  if (raw === undefined || raw === '') return bad('no target');
  if (raw.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: 'target too long' };
  // Only the origin form: absolute URLs (proxies), `*` and authority forms are not for this server.
  if (!raw.startsWith('/')) return bad('target is not a path');
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  if (!PATH_CHARACTERS.test(rawPath)) return bad('path holds characters a path may not');
  if (!QUERY_CHARACTERS.test(rawQuery)) return bad('query holds characters a query may not');
  const parts = rawPath.split('/').slice(1);
  // A trailing slash leaves one empty part: `/` is the root, `/assets/` is a folder (not found).
  if (parts.length === 1 && parts[0] === '') parts.pop();
  const segments: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (part === '' && index !== parts.length - 1) return bad('empty path segment');
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return bad('bad escape in path');
    }
    // Escaped slashes, NUL and control characters, and climbing out of a folder are never a file here.
    if (/[\p{Cc}/\\]/u.test(decoded) || decoded === '.' || decoded === '..') return bad('path segment not allowed');
    segments.push(decoded);
  }
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(rawQuery);
  } catch {
    return bad('bad query');
  }
  return { ok: true, target: { segments, path: `/${segments.join('/')}`, query } };
}
