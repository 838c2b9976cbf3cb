import { connect } from 'node:net';

/**
 * HTTP spoken by hand over a plain TCP socket, for what fetch and http.request will not send:
 * broken targets, raw NUL bytes, duplicated or lying headers, bodies cut off or sent slowly.
 */
export interface RawAnswer {
  /** The status of the answer, or null when none came (the host dropped or kept the connection). */
  status: number | null;
  /** Everything the host sent, as latin1 text. */
  text: string;
  /** Whether the host closed the connection within the wait. */
  closed: boolean;
}

export interface RawOptions {
  /** The bytes to send, in parts; `pauseMs` between parts (a slow client). */
  parts: (string | Buffer)[];
  pauseMs?: number;
  /** How long to wait for an answer after the last part; then the socket is cut. */
  waitMs?: number;
  /** Half-close after sending (the client says it has nothing more). */
  end?: boolean;
  /** Cut the connection right after sending, without waiting (a phone leaving the wifi). */
  cut?: boolean;
  localAddress?: string;
  /** Stop as soon as the head of an answer has arrived, instead of waiting for the close. */
  untilAnswer?: boolean;
}

const statusOf = (text: string): number | null => {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : null;
};

export function rawHttp(host: string, port: number, options: RawOptions): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, ...(options.localAddress ? { localAddress: options.localAddress } : {}) });
    let text = '';
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text, closed });
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (options.untilAnswer && text.includes('\r\n\r\n')) settle(false);
    });
    socket.on('error', () => settle(true));
    socket.on('close', () => settle(true));
    socket.once('connect', async () => {
      for (const [index, part] of options.parts.entries()) {
        if (settled) return;
        if (index > 0 && options.pauseMs) await new Promise((done) => setTimeout(done, options.pauseMs));
        if (socket.writable) socket.write(part);
      }
      if (options.cut) {
        settle(false);
        return;
      }
      if (options.end && socket.writable) socket.end();
      timer = setTimeout(() => settle(false), options.waitMs ?? 1000);
    });
  });
}

/** A request line and headers; `body` is appended as it is (so Content-Length may lie). */
export function request(method: string, target: string, headers: Record<string, string | number>, body: string | Buffer = ''): Buffer {
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}
