// Draws Eiland's app icon, assets/icon.png: a cream ∞ (the lemniscate of the "Eiland van reflectie")
// on a warm rounded square, 1024 × 1024 RGBA. electron-builder derives the Windows .ico, the macOS
// .icns and the Linux sizes from this one file. Only Node built-ins, so it runs anywhere Node does:
//   node build/make-icon.mjs [output.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 1024;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Distance from (px, py) to a rounded rectangle's edge; negative inside. */
function roundedRectDistance(px, py, margin, radius) {
  const half = SIZE / 2 - margin;
  const qx = Math.abs(px - SIZE / 2) - (half - radius);
  const qy = Math.abs(py - SIZE / 2) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Points along a lemniscate of Bernoulli centred in the icon, `a` = half its width. */
function lemniscatePoints(a, steps) {
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = (i / steps) * Math.PI * 2;
    const d = 1 + Math.sin(t) ** 2;
    points.push([SIZE / 2 + (a * Math.cos(t)) / d, SIZE / 2 + (a * Math.sin(t) * Math.cos(t)) / d]);
  }
  return points;
}

/** Per-pixel distance to the nearest point of a polyline, computed only near each segment. */
function strokeDistance(points, reach) {
  const distance = new Float32Array(SIZE * SIZE).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < points.length - 1; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const minX = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
    const maxX = Math.min(SIZE - 1, Math.ceil(Math.max(ax, bx) + reach));
    const minY = Math.max(0, Math.floor(Math.min(ay, by) - reach));
    const maxY = Math.min(SIZE - 1, Math.ceil(Math.max(ay, by) + reach));
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy || 1;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
        const index = y * SIZE + x;
        if (d < distance[index]) distance[index] = d;
      }
    }
  }
  return distance;
}

const clamp01 = (value) => Math.min(1, Math.max(0, value));
const mix = (a, b, t) => a + (b - a) * t;

export function drawIcon() {
  const top = [244, 162, 89]; // warm apricot
  const bottom = [214, 96, 77]; // terracotta
  const ink = [255, 248, 236]; // cream
  const halfStroke = 44;
  const line = strokeDistance(lemniscatePoints(370, 720), halfStroke + 2);
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const i = y * SIZE + x;
      // Coverage from signed distances gives smooth, anti-aliased edges without supersampling.
      const tile = clamp01(0.5 - roundedRectDistance(x + 0.5, y + 0.5, 48, 200));
      const mark = clamp01(halfStroke + 0.5 - line[i]);
      const g = (x + y) / (2 * SIZE);
      for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.round(mix(mix(top[c], bottom[c], g), ink[c], mark));
      pixels[i * 4 + 3] = Math.round(255 * tile);
    }
  }
  return encodePng(SIZE, SIZE, pixels);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter type 0 on every row. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const output = resolve(process.argv[2] ?? join(root, 'assets/icon.png'));
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, drawIcon());
  console.log(`Eiland: icoon geschreven naar ${output}`);
}
