import { execFileSync } from 'node:child_process';

/**
 * Reads a PDF the way assistive technology does, with real PDF parsers: poppler's `pdfinfo` for
 * the structure tree and the text of each element, qpdf for the objects (alternative text, the
 * document language) and the decoded page content. Both come from Debian (poppler-utils, qpdf);
 * bash .ci/run installs them.
 */
export function requireTool(tool: 'pdfinfo' | 'qpdf', debianPackage: string): void {
  try {
    execFileSync(tool, [tool === 'pdfinfo' ? '-v' : '--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is missing: install Debian's ${debianPackage} (apt-get install ${debianPackage}; bash .ci/run does this)`);
  }
}

export interface StructNode {
  role: string;
  /** Attributes as pdfinfo prints them, e.g. { Scope: '/Row' }. */
  attributes: Record<string, string>;
  /** The text of each marked-content item directly in this element, in order. */
  texts: string[];
  children: StructNode[];
}

/** The structure tree from `pdfinfo -struct-text`: two spaces per level, attributes on odd indents. */
export function structTree(file: string): StructNode {
  const output = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const root: StructNode = { role: '(root)', attributes: {}, texts: [], children: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const spaces = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (body.startsWith('/')) {
      const [name, ...value] = body.slice(1).split(' ');
      const owner = stack.at(-1)?.node;
      if (owner && name) owner.attributes[name] = value.join(' ');
      continue;
    }
    const depth = spaces / 2;
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    if (body.startsWith('"')) {
      parent.texts.push(body.slice(1, -1));
      continue;
    }
    const node: StructNode = { role: body.replace(/[ :(].*$/, ''), attributes: {}, texts: [], children: [] };
    parent.children.push(node);
    stack.push({ depth, node });
  }
  const document = root.children[0];
  if (!document) throw new Error(`${file} has no structure tree`);
  return document;
}

/** Every element in reading order (depth first). */
export function elements(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(elements)];
}

/** All text in an element and its descendants, lines joined by a space. */
export function textOf(node: StructNode): string {
  return [node.texts.join(' '), ...node.children.map(textOf)]
    .filter((part) => part !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type QpdfObject = { value?: Record<string, unknown> | unknown; stream?: { dict: Record<string, unknown>; data?: string } };
interface QpdfJson {
  pages: { contents: string[] }[];
  qpdf: [unknown, Record<string, QpdfObject>];
}

export interface PdfObjects {
  catalog: Record<string, unknown>;
  /** Every dictionary in the file (stream dictionaries included). */
  dictionaries: Record<string, unknown>[];
  /** The decoded content streams of each page. */
  pageContents: string[];
}

/** The file's objects as qpdf reads them; text strings come as "u:…" (UTF-8). */
export function pdfObjects(file: string): PdfObjects {
  const json = execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const parsed = JSON.parse(json) as QpdfJson;
  const objects = parsed.qpdf[1];
  const dictionaries = Object.values(objects).flatMap((object) => {
    if (object.stream) return [object.stream.dict];
    return object.value && typeof object.value === 'object' && !Array.isArray(object.value) ? [object.value as Record<string, unknown>] : [];
  });
  const catalog = dictionaries.find((dict) => dict['/Type'] === '/Catalog');
  if (!catalog) throw new Error(`${file} has no catalog`);
  const pageContents = parsed.pages.map((page) =>
    page.contents.map((ref) => Buffer.from(objects[`obj:${ref}`]?.stream?.data ?? '', 'base64').toString('latin1')).join('\n'),
  );
  return { catalog, dictionaries, pageContents };
}

/** A text string as qpdf gives it ("u:nl-NL"), or undefined for anything else. */
export const textString = (value: unknown): string | undefined => (typeof value === 'string' && value.startsWith('u:') ? value.slice(2) : undefined);

const PAINTING = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);

/**
 * The painting operators of a content stream that lie outside every marked-content sequence: in
 * a tagged PDF everything drawn is either tagged content or an artifact, so this should be empty.
 */
export function unmarkedPainting(content: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let at = 0;
  const skipString = () => {
    let nesting = 0;
    for (; at < content.length; at += 1) {
      const char = content[at];
      if (char === '\\') at += 1;
      else if (char === '(') nesting += 1;
      else if (char === ')' && --nesting === 0) {
        at += 1;
        return;
      }
    }
  };
  while (at < content.length) {
    const char = content[at] as string;
    if (/\s/.test(char)) at += 1;
    else if (char === '%') at = content.indexOf('\n', at) === -1 ? content.length : content.indexOf('\n', at);
    else if (char === '(') skipString();
    else if (content.startsWith('<<', at) || content.startsWith('>>', at)) at += 2;
    else if (char === '<') at = content.indexOf('>', at) + 1;
    else if ('[]{}'.includes(char)) at += 1;
    else {
      const match = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*/.exec(content.slice(at, at + 128));
      const token = match?.[0] ?? char;
      at += token.length;
      if (token === 'BDC' || token === 'BMC') depth += 1;
      else if (token === 'EMC') depth -= 1;
      else if (depth === 0 && PAINTING.has(token)) found.push(token);
    }
  }
  return found;
}
