/**
 * Fills a session with many notes over the real protocol, as fast as the host's per-socket rate
 * limit allows: the work is spread over several facilitator sockets. Used where an export must
 * take seconds (the job tests, the end-to-end check of progress and stop, the export benchmark).
 */
export interface CommandSender {
  /** Sends a command and resolves once the host has answered it; refusals must reject or be returned. */
  command(stream: string, command: { type: string; [field: string]: unknown }): Promise<unknown>;
}

const ZONES = ['ik', 'wij', 'het'] as const;
const WORDS = ['samen', 'leren', 'wijk', 'buurt', 'bewoners', 'energie', 'ritme', 'vertrouwen', 'monitoring', 'effect', 'partners', 'gesprek'];

/** A note text of about `length` characters (at most 500, the limit), different for every n. */
export function noteText(n: number, length: number): string {
  let text = `Notitie ${n}:`;
  for (let i = n; text.length < length; i += 1) text += ` ${WORDS[i % WORDS.length]}`;
  return text.slice(0, Math.min(length, 500));
}

/** A socket may send 200 messages at once and 100 a second after that (connection.ts). */
const WINDOW = 100;

export async function addNotes(senders: readonly CommandSender[], sessionId: string, count: number, textLength = 80): Promise<void> {
  await Promise.all(
    senders.map(async (sender, k) => {
      const mine = Array.from({ length: count }, (_, n) => n).filter((n) => n % senders.length === k);
      for (let start = 0; start < mine.length; start += WINDOW) {
        const began = Date.now();
        const window = mine.slice(start, start + WINDOW);
        const answers = await Promise.all(
          window.map((n) =>
            sender.command(sessionId, {
              type: 'note.add',
              id: `${sessionId}-n${n}`,
              zoneId: ZONES[n % ZONES.length] as string,
              text: noteText(n, textLength),
              x: 200 + ((n * 37) % 900),
              y: 200 + ((n * 53) % 500),
            }),
          ),
        );
        const refused = answers.find((answer) => (answer as { t?: string }).t === 'error');
        if (refused) throw new Error(`note.add refused: ${JSON.stringify(refused)}`);
        // Past the first burst the bucket refills at 100 a second: wait for it rather than be refused.
        if (start + WINDOW >= 2 * WINDOW) await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - began))));
      }
    }),
  );
}
