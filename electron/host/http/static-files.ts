import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { type Reply, text } from './reply';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

export const notFound = (): Reply => text(404, 'Niet gevonden');

/**
 * A file of the built renderer, by the decoded segments of its path (http/target.ts has already
 * refused '..', slashes and control characters in them); `[]` is the facilitator's page.
 */
export async function staticFile(rendererDir: string, segments: readonly string[]): Promise<Reply> {
  const relative = segments.length === 0 ? ['index.html'] : segments;
  const root = normalize(rendererDir);
  const full = normalize(join(root, ...relative));
  if (!full.startsWith(root + sep)) return notFound();
  let body: Buffer;
  try {
    body = await readFile(full);
  } catch {
    return notFound();
  }
  return {
    status: 200,
    body,
    headers: {
      'Content-Type': CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
      // Built assets carry a content hash in their name; pages must always be fresh.
      'Cache-Control': relative[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  };
}
