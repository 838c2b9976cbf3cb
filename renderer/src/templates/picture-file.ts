import { isPictureDataUrl, PICTURE_DATA_URL_LIMIT, PICTURE_FILE_LIMIT, sniffPicture } from '../../../shared/picture';
import { WORLD } from '../../../shared/domain';

export type PictureProblem = 'tooBig' | 'wrongType' | 'unreadable';
export type PreparedPicture = { ok: true; dataUrl: string } | { ok: false; problem: PictureProblem };

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

async function loadImage(url: string): Promise<HTMLImageElement | null> {
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
    return image;
  } catch {
    return null;
  }
}

/** Steps down in size and quality until the picture fits one message; line drawings stay PNG while they can. */
const SCALES = [1, 0.8, 0.64, 0.5, 0.4, 0.3, 0.22];
const JPEG_QUALITIES = [0.85, 0.72, 0.6];

function shrink(image: HTMLImageElement): string | null {
  const width = image.naturalWidth || WORLD.width;
  const height = image.naturalHeight || WORLD.height;
  // Never larger than the world at twice its resolution: the picture is only ever drawn behind it.
  const fit = Math.min(1, (WORLD.width * 1.25) / width, (WORLD.height * 1.25) / height);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  for (const scale of SCALES) {
    canvas.width = Math.max(1, Math.round(width * fit * scale));
    canvas.height = Math.max(1, Math.round(height * fit * scale));
    context.fillStyle = '#FFFFFF';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = canvas.toDataURL('image/png');
    if (png.length <= PICTURE_DATA_URL_LIMIT) return png;
    for (const quality of JPEG_QUALITIES) {
      const jpeg = canvas.toDataURL('image/jpeg', quality);
      if (jpeg.length <= PICTURE_DATA_URL_LIMIT) return jpeg;
    }
  }
  return null;
}

/**
 * The facilitator's picture of the model, ready to send as template.background: at most 2 MB as
 * chosen, really a PNG, JPEG or SVG (judged by its bytes, not its name), and made small enough to
 * travel in one message. A picture that is small enough already is kept exactly as it is.
 */
export async function preparePicture(file: Blob): Promise<PreparedPicture> {
  if (file.size > PICTURE_FILE_LIMIT) return { ok: false, problem: 'tooBig' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffPicture(bytes);
  if (!type) return { ok: false, problem: 'wrongType' };
  const original = `data:${type};base64,${base64(bytes)}`;
  const image = await loadImage(original);
  if (!image) return { ok: false, problem: 'unreadable' };
  if (original.length <= PICTURE_DATA_URL_LIMIT && isPictureDataUrl(original)) return { ok: true, dataUrl: original };
  const smaller = shrink(image);
  return smaller && isPictureDataUrl(smaller) ? { ok: true, dataUrl: smaller } : { ok: false, problem: 'unreadable' };
}
