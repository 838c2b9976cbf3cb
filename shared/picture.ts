/**
 * The facilitator's own picture of the model (ModelTemplate.background): a PNG, JPEG or SVG kept as
 * a data URL. The host checks what a picture really is from its first bytes, never from the name
 * or type it claims, so nothing else can pose as a picture.
 */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type PictureType = (typeof PICTURE_TYPES)[number];

/** The largest file a facilitator may choose; the app shrinks it before it is sent. */
export const PICTURE_FILE_LIMIT = 2 * 1024 * 1024;

/**
 * The largest stored picture, as a data URL. A command travels in one message (LIMITS.messageBytes,
 * 64 KiB) and the template goes with it when saved for a programme, so the picture keeps room for that.
 */
export const PICTURE_DATA_URL_LIMIT = 56 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);

/** What the bytes are, judged by their content: PNG and JPEG by their signature, SVG by its root element. */
export function sniffPicture(bytes: Uint8Array): PictureType | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
  return looksLikeSvg(bytes) ? 'image/svg+xml' : null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  let head = '';
  for (const byte of bytes.subarray(0, 2048)) head += String.fromCharCode(byte);
  // A UTF-8 byte order mark, then whitespace, then markup: an XML declaration, a comment or <svg itself.
  const text = head.replace(/^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (!text.startsWith('<')) return false;
  const withoutProlog = text.replace(/^(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*/, '');
  return withoutProlog.startsWith('<svg');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (no line breaks); null when it is not. Pure, so shared/ needs no atob. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const chunk = [0, 1, 2, 3].map((offset) => Math.max(0, BASE64.indexOf(text[index + offset] ?? '=')));
    const value = ((chunk[0] ?? 0) << 18) | ((chunk[1] ?? 0) << 12) | ((chunk[2] ?? 0) << 6) | (chunk[3] ?? 0);
    for (const shift of [16, 8, 0]) {
      if (out < bytes.length) bytes[out++] = (value >> shift) & 255;
    }
  }
  return bytes;
}

const DATA_URL = /^data:(image\/png|image\/jpeg|image\/svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/;

/** The picture in a data URL, when the URL is well formed and its bytes are what its type says. */
export function readPictureDataUrl(url: string): { type: PictureType; bytes: Uint8Array } | null {
  if (url.length > PICTURE_DATA_URL_LIMIT) return null;
  const match = DATA_URL.exec(url);
  if (!match) return null;
  const bytes = decodeBase64(match[2] ?? '');
  if (!bytes || bytes.length === 0) return null;
  const type = match[1] as PictureType;
  return sniffPicture(bytes) === type ? { type, bytes } : null;
}

export const isPictureDataUrl = (url: string): boolean => readPictureDataUrl(url) !== null;

/** The pixel size a PNG or JPEG declares (PNG: its IHDR chunk; JPEG: its start-of-frame segment); null when it declares none. */
export function rasterSize(bytes: Uint8Array, type: 'image/png' | 'image/jpeg'): { width: number; height: number } | null {
  const at16 = (offset: number) => ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
  if (type === 'image/png') {
    if (bytes.length < 24) return null;
    const at32 = (offset: number) => at16(offset) * 65536 + at16(offset + 2);
    return { width: at32(16), height: at32(20) };
  }
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Start of frame: C0–CF, except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: at16(offset + 7), height: at16(offset + 5) };
    offset += 2 + at16(offset + 2);
  }
  return null;
}

/**
 * The size an SVG declares for itself, as a browser sizes it: its width and height when both are
 * plain numbers (or px), else its viewBox's; null when it declares neither (drawn world-sized then).
 */
export function svgSize(bytes: Uint8Array): { width: number; height: number } | null {
  // The attributes wanted are ASCII, so the bytes are read one character each (no TextDecoder in shared/).
  const text = String.fromCharCode(...bytes.subarray(0, 8192));
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return null;
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1]?.trim();
  const length = (value: string | undefined) => {
    const match = value ? /^(\d+(?:\.\d+)?)(px)?$/.exec(value) : null;
    const number = match ? Number(match[1]) : Number.NaN;
    return number > 0 ? number : null;
  };
  const width = length(attribute('width'));
  const height = length(attribute('height'));
  if (width !== null && height !== null) return { width, height };
  const box = attribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && (box[2] ?? 0) > 0 && (box[3] ?? 0) > 0) return { width: box[2] as number, height: box[3] as number };
  return null;
}
