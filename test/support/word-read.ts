import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import type { ReportDocument } from '../../shared/report/types';

/**
 * A Word file read back as someone opening it would meet it: mammoth turns its styles into HTML
 * (Heading 1–3 become h1–h3, Word lists ul/li, tables table/tr/th/td), and its parts are
 * unzipped to read what the HTML does not show (the document's language, its properties).
 */
export interface WordFile {
  html: string;
  /** mammoth's warnings: a style it did not know, a part it could not read. */
  messages: string[];
  part(name: string): string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };
export const unescapeHtml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity);

export async function readWord(bytes: Buffer): Promise<WordFile> {
  const { value, messages } = await mammoth.convertToHtml({ buffer: bytes });
  const parts = unzipSync(new Uint8Array(bytes));
  return {
    html: value,
    messages: messages.map((message) => message.message),
    part(name) {
      const part = parts[name];
      if (!part) throw new Error(`the Word file has no ${name}`);
      return strFromU8(part);
    },
  };
}

const squashSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
export const plainText = (html: string) => squashSpace(unescapeHtml(html.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, ' ')));

/** The headings of the HTML in order, as "H2 HET-kant". */
export function wordHeadings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => `H${match[1]} ${plainText(match[2] ?? '')}`);
}

/** The headings a report model must have, as the PDF's tags have them: a cluster's title one below its section. */
export function modelHeadings(report: ReportDocument): string[] {
  const headings: string[] = [];
  let level = 1;
  for (const block of report.blocks) {
    if (block.kind === 'title') headings.push(`H1 ${squashSpace(block.text)}`);
    if (block.kind === 'heading') {
      level = block.level;
      headings.push(`H${block.level} ${squashSpace(block.text)}`);
    }
    if (block.kind === 'noteGroup') headings.push(`H${Math.min(level + 1, 3)} ${squashSpace(block.title)}`);
  }
  return headings;
}

/** The tables of the HTML, each as rows of cell texts; `header` says whether the row is made of th cells. */
export function wordTables(html: string): { header: boolean; cells: string[] }[][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => ({
      header: /<th[\s>]/.test(row[1] ?? ''),
      cells: [...(row[1] ?? '').matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t\1>/g)].map((cell) => plainText(cell[2] ?? '')),
    })),
  );
}
