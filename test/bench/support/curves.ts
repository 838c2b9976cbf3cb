import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';
import { report, type Unit } from './report';

/**
 * Curves: how a figure grows with its size (phones in a room, notes on the wall). Each point is a
 * figure line of its own (`curves.<figure>.<size>`); the points of one run are kept in
 * docs/perf/<part>.json and drawn as small SVG charts (figure against size, with the target line)
 * into docs/perf/, and docs/performance.md shows them between its curve markers with the machine
 * they were measured on. Nothing else of docs/performance.md is touched.
 */

export interface Curve {
  /** e.g. 'host_vote_burst_ms'; the file docs/perf/<figure>.svg. */
  figure: string;
  title: string;
  unit: Unit;
  /** What the size counts, e.g. 'phones'. */
  sizeLabel: string;
  /** The target line: one value for every size, or points (size, value) where targets are set. */
  target: number | { size: number; value: number }[];
  /** How the target was set, for the caption. */
  targetNote: string;
  points: { size: number; value: number }[];
  /** Said after the points, e.g. the host's CPU time for each (it measures work, whatever the noise). */
  detail?: string;
}

interface Part {
  /** 'host' or 'canvas': one file per benchmark, so each can run on its own. */
  part: string;
  measuredAt: string;
  machine: Machine;
  conditions: string;
  curves: Curve[];
}

interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  /** The load average (1 min) when the run ended: other work on the machine makes figures noisy. */
  load: number;
}

export const PERF_DIR = join(ROOT, 'docs/perf');
export const PERFORMANCE_MD = join(ROOT, 'docs/performance.md');
const START = '<!-- curves:start (written by npm run bench -- curves) -->';
const END = '<!-- curves:end -->';

/** Prints one curve point as a figure line. */
export function reportPoint(figure: string, size: number, value: number, unit: Unit): void {
  report(`curves.${figure}.${size}`, value, unit);
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

/** Keeps one part's curves and redraws every chart and the section of docs/performance.md. */
export function recordCurves(part: string, conditions: string, curves: Curve[]): void {
  mkdirSync(PERF_DIR, { recursive: true });
  const data: Part = { part, measuredAt: new Date().toISOString(), machine: machine(), conditions, curves };
  writeFileSync(join(PERF_DIR, `${part}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const parts = readdirSync(PERF_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(PERF_DIR, file), 'utf8')) as Part);
  for (const stored of parts) for (const curve of stored.curves) writeFileSync(join(PERF_DIR, `${curve.figure}.svg`), chart(curve));
  writeSection(parts);
}

function writeSection(parts: Part[]): void {
  const lines = [START, ''];
  for (const part of parts) {
    const m = part.machine;
    lines.push(
      `### ${part.part === 'host' ? 'Host' : part.part === 'canvas' ? 'Canvas' : part.part}`,
      '',
      `Measured ${part.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB memory, Node ${m.node}; ` +
        `load average ${m.load} at the end of the run (other work shared the machine). ${part.conditions}`,
      '',
    );
    for (const curve of part.curves) {
      const values = curve.points.map((point) => `${point.size.toLocaleString('en')}: ${format(point.value)} ${curve.unit}`).join(' · ');
      const detail = curve.detail ? ` ${curve.detail}.` : '';
      lines.push(`![${curve.title}](perf/${curve.figure}.svg)`, '', `${curve.title} — ${values}.${detail} Target: ${curve.targetNote}.`, '');
    }
  }
  lines.push(END);
  let text: string;
  try {
    text = readFileSync(PERFORMANCE_MD, 'utf8');
  } catch {
    text = `# Performance\n\n${START}\n${END}\n`;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const section = lines.join('\n');
  text = start >= 0 && end > start ? `${text.slice(0, start)}${section}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n## Curves\n\n${section}\n`;
  writeFileSync(PERFORMANCE_MD, text);
}

const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : Number.isInteger(value) ? String(value) : value.toFixed(1));

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small line chart: the measured points joined, the target dashed, axes with the sizes measured. */
export function chart(curve: Curve): string {
  const width = 420;
  const height = 240;
  const left = 56;
  const right = 28;
  const top = 30;
  const bottom = 40;
  const sizes = curve.points.map((point) => point.size);
  const targets = typeof curve.target === 'number' ? [] : curve.target;
  const allSizes = [...sizes, ...targets.map((point) => point.size)];
  const minSize = Math.min(...allSizes);
  const maxSize = Math.max(...allSizes);
  const targetValues = typeof curve.target === 'number' ? [curve.target] : targets.map((point) => point.value);
  const axisTop = niceCeiling(Math.max(...curve.points.map((point) => point.value), ...targetValues) * 1.1);
  const x = (size: number) => left + ((size - minSize) / Math.max(1, maxSize - minSize)) * (width - left - right);
  const y = (value: number) => top + (1 - value / axisTop) * (height - top - bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(curve.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="18" font-size="13" font-weight="bold">${escapeXml(curve.title)}</text>`,
  ];
  for (let step = 0; step <= 4; step += 1) {
    const value = (axisTop / 4) * step;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" fill="#555">${format(value)}</text>`,
    );
  }
  for (const size of sizes) {
    parts.push(`<text x="${x(size).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" fill="#555">${size.toLocaleString('en')}</text>`);
  }
  parts.push(
    `<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle" fill="#333">${escapeXml(curve.sizeLabel)}</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" text-anchor="middle" fill="#333" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${escapeXml(curve.unit)}</text>`,
  );
  const targetPath =
    typeof curve.target === 'number'
      ? `M${x(minSize).toFixed(1)},${y(curve.target).toFixed(1)} L${x(maxSize).toFixed(1)},${y(curve.target).toFixed(1)}`
      : targets.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.size).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  parts.push(`<path d="${targetPath}" fill="none" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  for (const point of targets) parts.push(`<circle cx="${x(point.size).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" fill="#c0392b"/>`);
  const lastTarget = typeof curve.target === 'number' ? curve.target : (targets.at(-1)?.value ?? 0);
  parts.push(`<text x="${width - right}" y="${(y(lastTarget) - 5).toFixed(1)}" text-anchor="end" fill="#c0392b">target</text>`);
  const line = [...curve.points].sort((a, b) => a.size - b.size);
  parts.push(`<path d="${line.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.size).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')}" fill="none" stroke="#1f5f99" stroke-width="2"/>`);
  for (const point of line) {
    parts.push(
      `<circle cx="${x(point.size).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3.5" fill="#1f5f99"/>`,
      `<text x="${x(point.size).toFixed(1)}" y="${(y(point.value) - 8).toFixed(1)}" text-anchor="middle" fill="#1f5f99">${format(point.value)}</text>`,
    );
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** A round number at or above `value` for the top of an axis (1, 2 or 5 times a power of ten). */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
