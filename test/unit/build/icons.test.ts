/**
 * The app icons: one source (assets/icon.png, 1024 × 1024) and, derived from it by
 * build/make-icon.mjs, the Windows .ico, the macOS .icns and the Linux icon set that
 * electron-builder packs. Each container is read back byte by byte and each image in it compared
 * with a fresh derivation from the source, so a stale icon (source changed, script not run) fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build scripts are plain .mjs without type declarations
import * as formats from '../../../build/icon-formats.mjs';
// @ts-expect-error build scripts are plain .mjs without type declarations
import * as makeIcon from '../../../build/make-icon.mjs';

interface Image {
  width: number;
  height: number;
  pixels: Buffer;
}
const { decodePng, resize, encodePng, ICO_SIZES, ICNS_TYPES, LINUX_SIZES } = formats as {
  decodePng(png: Buffer): Image;
  resize(image: Image, size: number): Image;
  encodePng(width: number, height: number, rgba: Buffer): Buffer;
  ICO_SIZES: number[];
  ICNS_TYPES: [string, number][];
  LINUX_SIZES: number[];
};
const { ICON_PATHS, drawIcon } = makeIcon as { ICON_PATHS: Record<'source' | 'ico' | 'icns' | 'linuxDir', string>; drawIcon(): Buffer };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(root, path));
const source = decodePng(read(ICON_PATHS.source));
const expected = new Map<number, Buffer>();
/** What the icon of this size must look like: the source, area-averaged. */
const derived = (size: number): Buffer => {
  if (!expected.has(size)) expected.set(size, size === source.width ? source.pixels : resize(source, size).pixels);
  return expected.get(size) as Buffer;
};

function expectDerivedPng(png: Buffer, size: number, what: string) {
  const image = decodePng(png);
  expect([image.width, image.height], what).toEqual([size, size]);
  expect(image.pixels.equals(derived(size)), `${what} is derived from ${ICON_PATHS.source}`).toBe(true);
}

describe('the icon source', () => {
  it('is a 1024 × 1024 RGBA PNG: a rounded tile with transparent corners and an opaque centre', () => {
    expect([source.width, source.height]).toEqual([1024, 1024]);
    const alpha = (x: number, y: number) => source.pixels[(y * 1024 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(1023, 1023)).toBe(0);
    expect(alpha(512, 512)).toBe(255);
  });

  it('is what make-icon draws', () => {
    expect(decodePng(drawIcon()).pixels.equals(source.pixels)).toBe(true);
  });
});

describe('the image tools', () => {
  it('read back what they write, and average areas when shrinking', () => {
    const pixels = Buffer.from([255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255]);
    const image = decodePng(encodePng(2, 2, pixels));
    expect(image.pixels.equals(pixels)).toBe(true);
    // Premultiplied: the transparent pixel adds no colour, only transparency.
    expect([...resize(image, 1).pixels]).toEqual([85, 0, 170, 191]);
  });

  it('refuse a PNG they cannot read', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/Not a PNG/);
  });
});

describe('Windows: build/resources/icon.ico', () => {
  const ico = read(ICON_PATHS.ico);

  it('holds one PNG per size Windows shows, from 16 to 256', () => {
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    expect(ICO_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256]);
    let end = 6 + 16 * ICO_SIZES.length;
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      expect(ico[entry] === 0 ? 256 : ico[entry]).toBe(size);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset).toBe(end);
      end = offset + length;
      expectDerivedPng(ico.subarray(offset, offset + length), size, `ico ${size}`);
    });
    expect(end).toBe(ico.length);
  });
});

describe('macOS: build/resources/icon.icns', () => {
  const icns = read(ICON_PATHS.icns);

  it('holds every Retina and normal size as PNG, 16 to 1024', () => {
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      const size = ICNS_TYPES.find(([known]) => known === type)?.[1];
      expect(size, `known element ${type}`).toBeDefined();
      expectDerivedPng(icns.subarray(offset + 8, offset + length), size as number, `icns ${type}`);
      found.push([type, size as number]);
      offset += length;
    }
    expect(found).toEqual(ICNS_TYPES);
    expect(new Set(found.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 128, 256, 512, 1024]));
  });
});

describe('Linux: build/resources/icons/', () => {
  it('holds NxN.png for every size of the icon theme, and nothing else', () => {
    const names = readdirSync(join(root, ICON_PATHS.linuxDir)).sort();
    expect(names).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_SIZES) expectDerivedPng(read(`${ICON_PATHS.linuxDir}/${size}x${size}.png`), size, `linux ${size}`);
  });
});
