// Eiland's app icons, all from one source: assets/icon.png, a cream ∞ (the lemniscate of the
// "Eiland van reflectie") on a warm rounded square, 1024 × 1024 RGBA.
//   node build/make-icon.mjs          derives every packaged icon from assets/icon.png:
//                                     build/resources/icon.ico (Windows), icon.icns (macOS),
//                                     icons/NxN.png (Linux)
//   node build/make-icon.mjs --draw   first draws assets/icon.png itself (procedurally)
// Only Node built-ins, so it runs anywhere Node does and never downloads a tool. electron-builder
// could derive .ico and .icns itself, but only with its own helper binaries; made here, the icons
// are in the repository, tested (test/unit/build/icons.test.ts) and the same on every machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng, encodeIcns, encodeIco, encodePng, ICNS_TYPES, ICO_SIZES, LINUX_SIZES, resize } from './icon-formats.mjs';

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

/** Every packaged icon, derived from the source PNG's bytes. */
export function deriveIcons(sourcePng) {
  const source = decodePng(sourcePng);
  if (source.width !== SIZE || source.height !== SIZE) throw new Error(`assets/icon.png must be ${SIZE} × ${SIZE}`);
  const cache = new Map();
  const pngOf = (size) => {
    if (!cache.has(size)) {
      const image = size === SIZE ? source : resize(source, size);
      cache.set(size, encodePng(size, size, image.pixels));
    }
    return cache.get(size);
  };
  return {
    ico: encodeIco(ICO_SIZES.map((size) => ({ size, png: pngOf(size) }))),
    icns: encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngOf(size) }))),
    linux: LINUX_SIZES.map((size) => ({ size, png: pngOf(size) })),
  };
}

/** Where the derived icons go; build/electron-builder.config.cjs names the same paths. */
export const ICON_PATHS = {
  source: 'assets/icon.png',
  ico: 'build/resources/icon.ico',
  icns: 'build/resources/icon.icns',
  linuxDir: 'build/resources/icons',
};

export function writeIcons(base = root) {
  const icons = deriveIcons(readFileSync(join(base, ICON_PATHS.source)));
  mkdirSync(join(base, ICON_PATHS.linuxDir), { recursive: true });
  writeFileSync(join(base, ICON_PATHS.ico), icons.ico);
  writeFileSync(join(base, ICON_PATHS.icns), icons.icns);
  for (const { size, png } of icons.linux) writeFileSync(join(base, ICON_PATHS.linuxDir, `${size}x${size}.png`), png);
  return icons;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--draw')) {
    const source = join(root, ICON_PATHS.source);
    mkdirSync(dirname(source), { recursive: true });
    writeFileSync(source, drawIcon());
    console.log(`Eiland: icoon getekend in ${source}`);
  }
  writeIcons();
  console.log(`Eiland: iconen afgeleid in ${ICON_PATHS.ico}, ${ICON_PATHS.icns} en ${ICON_PATHS.linuxDir}/`);
}
