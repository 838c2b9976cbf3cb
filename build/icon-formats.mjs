// Image formats for Eiland's app icons, with Node built-ins only (no download, no native tool):
// PNG encode/decode (8-bit RGBA), area-average resizing, Windows .ico and macOS .icns containers.
// build/make-icon.mjs uses these to derive every icon from the one source, assets/icon.png.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Reads an 8-bit RGBA, non-interlaced PNG (what make-icon writes, and what a designer's export of
 * the icon should be). Any other kind is refused with a message saying what to export instead.
 */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('Not a PNG file');
  let width = 0;
  let height = 0;
  const data = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error('The icon source must be an 8-bit RGBA PNG without interlacing');
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x] + predictor) & 255;
    }
  }
  return { width, height, pixels };
}

/** For each destination cell along one axis: the source indices it covers and how much of each. */
function coverage(from, to) {
  const scale = from / to;
  const cells = [];
  for (let d = 0; d < to; d++) {
    const start = d * scale;
    const end = start + scale;
    const weights = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      weights.push([s, (Math.min(end, s + 1) - Math.max(start, s)) / scale]);
    }
    cells.push(weights);
  }
  return cells;
}

/**
 * Shrinks an image by averaging the area each new pixel covers, in premultiplied alpha (so a
 * transparent corner never bleeds dark into the edge). Deterministic: same input, same pixels.
 */
export function resize(image, size) {
  const { width, height, pixels } = image;
  const columns = coverage(width, size);
  const rows = coverage(height, size);
  const out = Buffer.alloc(size * size * 4);
  const sum = new Float64Array(4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      sum.fill(0);
      for (const [sy, wy] of rows[y]) {
        for (const [sx, wx] of columns[x]) {
          const i = (sy * width + sx) * 4;
          const w = wx * wy;
          const alpha = pixels[i + 3] / 255;
          sum[0] += pixels[i] * alpha * w;
          sum[1] += pixels[i + 1] * alpha * w;
          sum[2] += pixels[i + 2] * alpha * w;
          sum[3] += alpha * w;
        }
      }
      const o = (y * size + x) * 4;
      const alpha = sum[3];
      for (let c = 0; c < 3; c++) out[o + c] = alpha > 0 ? Math.min(255, Math.round(sum[c] / alpha)) : 0;
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, pixels: out };
}

/** The sizes Windows shows (task bar, Explorer views, Alt+Tab); 256 is stored as "0" in the directory. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** A Windows icon holding one PNG per size (supported since Windows Vista). */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, png }, index) => {
    const entry = index * 16;
    directory[entry] = size >= 256 ? 0 : size;
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...images.map(({ png }) => png)]);
}

/**
 * The PNG element types of a macOS .icns and their pixel sizes, as `iconutil` writes them:
 * each point size at 1× and at 2× (Retina).
 */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

export function encodeIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((total, part) => total + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** The sizes of the Linux icon set (hicolor theme folders); electron-builder reads them from the file names. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
