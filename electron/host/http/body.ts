import type { IncomingMessage } from 'node:http';

/** Why a body could not be read; `gone` means the client left, so there is no one to answer. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 408 | 411 | 413 | 0,
    readonly code: 'bad_request' | 'timeout' | 'length_required' | 'too_large' | 'gone',
    message: string,
  ) {
    super(message);
  }
}

export interface BodyLimits {
  /** The most bytes accepted; more is refused with 413 (before reading, when Content-Length says so). */
  maxBytes: number;
  /** The whole body must have arrived by then. */
  timeoutMs: number;
}

/** Whether the request says it carries a body at all (a length above 0, or chunks). */
export function announcesBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads a request body within its limits. Resolves with the bytes, or rejects with a BodyError:
 * too large, too slow, cut off. It always settles, and it never leaves a listener behind.
 */
export function readBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limits.maxBytes)) {
    const tooLarge = /^\d+$/.test(declared);
    return Promise.reject(
      tooLarge ? new BodyError(413, 'too_large', `Body over ${limits.maxBytes} bytes`) : new BodyError(400, 'bad_request', 'Content-Length is not a number'),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: BodyError | null) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        finish(new BodyError(413, 'too_large', `Body over ${limits.maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new BodyError(0, 'gone', 'The client went away while sending'));
    const onClose = () => {
      if (!request.complete) finish(new BodyError(0, 'gone', 'The client went away while sending'));
    };
    const timer = setTimeout(() => finish(new BodyError(408, 'timeout', 'The body did not arrive in time')), limits.timeoutMs);
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('close', onClose);
  });
}
