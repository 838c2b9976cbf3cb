import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pages of the built renderer that the participant page needs, found from join.html itself. */
export function participantAssets(rendererDir: string): Set<string> {
  const assets = new Set<string>();
  let page: string;
  try {
    page = readFileSync(join(rendererDir, 'join.html'), 'utf8');
  } catch {
    return assets;
  }
  const pending = [page];
  const reference = /(?:\.\/|\/|^|["'(])(?:assets\/)?([A-Za-z0-9_.-]+\.(?:js|css|woff2?|svg|png))(?=["')?#])/g;
  while (pending.length > 0) {
    const text = pending.pop() as string;
    for (const match of text.matchAll(reference)) {
      const name = match[1] as string;
      if (assets.has(name)) continue;
      let body: string;
      try {
        body = readFileSync(join(rendererDir, 'assets', name), 'utf8');
      } catch {
        continue; // not a built asset (a word in a string, a file of another folder)
      }
      assets.add(name);
      if (name.endsWith('.js') || name.endsWith('.css')) pending.push(body);
    }
  }
  return assets;
}

