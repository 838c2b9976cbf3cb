import { API_ROUTES } from '../../../shared/http-routes';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { StoredJoin } from './storage';

export type JoinOutcome = { ok: true; join: StoredJoin } | { ok: false; key: MessageKey };

/** Codes are read off a beamer: spaces and dashes people type in between do not count. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Exchanges the room's code for this phone's own participant token (POST /api/join on the host).
 * `previous` is the token this phone had before: in the same session the host keeps it the same
 * participant, so a phone that joins again is not counted twice.
 */
export async function joinRoom(code: string, name: string, previous: string | null, fetcher: typeof fetch = fetch): Promise<JoinOutcome> {
  const cleanCode = normaliseCode(code);
  if (cleanCode.length === 0) return { ok: false, key: 'join.codeMissing' };
  let response: Response;
  try {
    response = await fetcher(API_ROUTES.join.path, {
      method: API_ROUTES.join.method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: cleanCode, name: name.trim() || null, previous }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, key: 'join.unreachable' };
  }
  if (response.status === 404) return { ok: false, key: 'join.wrongCode' };
  if (response.status === 429) return { ok: false, key: 'join.tooMany' };
  if (!response.ok) return { ok: false, key: 'join.failed' };
  const body = API_ROUTES.join.reply.safeParse(await response.json().catch(() => null));
  if (!body.success) return { ok: false, key: 'join.failed' };
  const { token, participantId, sessionId } = body.data;
  return { ok: true, join: { token, participantId, sessionId, code: cleanCode } };
}
