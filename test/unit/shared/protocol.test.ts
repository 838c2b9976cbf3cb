import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/domain';
import { ERROR_CODES, MAX_MESSAGE_BYTES, parseClientMessage, RULE_REASONS, utf8Length, WORKSPACE_STREAM } from '../../../shared/protocol';

const ok = (raw: string) => {
  const result = parseClientMessage(raw);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.message;
};

const fail = (raw: string) => {
  const result = parseClientMessage(raw);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.message.length).toBeGreaterThan(0);
  return result;
};

/** A valid ping padded with an ignored field to the given number of UTF-8 bytes. */
function paddedPing(bytes: number, char = 'x'): string {
  const shell = '{"t":"ping","id":"p","pad":""}';
  const charBytes = new TextEncoder().encode(char).length;
  const room = bytes - shell.length;
  const raw = `{"t":"ping","id":"p","pad":"${char.repeat(Math.floor(room / charBytes))}${'x'.repeat(room % charBytes)}"}`;
  expect(new TextEncoder().encode(raw).length).toBe(bytes);
  return raw;
}

describe('parseClientMessage: valid messages', () => {
  it('parses subscribe with and without sinceSeq', () => {
    expect(ok('{"t":"subscribe","stream":"workspace"}')).toEqual({
      t: 'subscribe',
      stream: WORKSPACE_STREAM,
    });
    expect(ok('{"t":"subscribe","stream":"s1","sinceSeq":0}')).toEqual({
      t: 'subscribe',
      stream: 's1',
      sinceSeq: 0,
    });
  });

  it('parses unsubscribe and ping', () => {
    expect(ok('{"t":"unsubscribe","stream":"s1"}')).toEqual({
      t: 'unsubscribe',
      stream: 's1',
    });
    expect(ok('{"t":"ping","id":"42"}')).toEqual({ t: 'ping', id: '42' });
  });

  it('parses a command and keeps the command’s own fields', () => {
    const message = ok(
      JSON.stringify({
        t: 'command',
        id: 'c1',
        stream: 's1',
        baseSeq: 7,
        command: { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Hoi' },
      }),
    );
    expect(message).toEqual({
      t: 'command',
      id: 'c1',
      stream: 's1',
      baseSeq: 7,
      command: { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Hoi' },
    });
  });

  it('drops unknown top-level fields', () => {
    expect(ok('{"t":"ping","id":"1","admin":true}')).toEqual({
      t: 'ping',
      id: '1',
    });
  });

  it('accepts a message of exactly the size limit', () => {
    expect(ok(paddedPing(MAX_MESSAGE_BYTES))).toEqual({ t: 'ping', id: 'p' });
    expect(MAX_MESSAGE_BYTES).toBe(LIMITS.messageBytes);
  });
});

describe('parseClientMessage: refusals', () => {
  it.each(['', 'not json', '{"t":', "{'t':'ping'}", '{"t":"ping","id":"1"} trailing'])('invalid JSON %j is bad_message', (raw) => {
    expect(fail(raw).code).toBe('bad_message');
  });

  it('a message one byte over the limit is too_large', () => {
    const result = fail(paddedPing(MAX_MESSAGE_BYTES + 1));
    expect(result.code).toBe('too_large');
  });

  it('measures the limit in bytes, not characters', () => {
    // 3-byte characters: fewer than MAX_MESSAGE_BYTES characters, but far more bytes.
    const raw = paddedPing(MAX_MESSAGE_BYTES + 3 * 10 + 30, '€');
    expect(raw.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(fail(raw).code).toBe('too_large');
    // A 4-byte character (two UTF-16 units) counts as 4 bytes.
    const emoji = paddedPing(MAX_MESSAGE_BYTES + 2, '😀');
    expect(emoji.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(fail(emoji).code).toBe('too_large');
  });

  it('accepts multi-byte text within the byte limit', () => {
    expect(ok(paddedPing(MAX_MESSAGE_BYTES - 2, '€')).t).toBe('ping');
  });

  it('checks the size before parsing', () => {
    const garbage = 'x'.repeat(MAX_MESSAGE_BYTES + 1);
    expect(fail(garbage).code).toBe('too_large');
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['an array', '[{"t":"ping","id":"1"}]'],
    ['an object without t', '{"id":"1"}'],
    ['an unknown t', '{"t":"shutdown","id":"1"}'],
    ['t of the wrong type', '{"t":1,"id":"1"}'],
    ['ping without id', '{"t":"ping"}'],
    ['ping with empty id', '{"t":"ping","id":""}'],
    ['ping with an id over 64 characters', `{"t":"ping","id":"${'a'.repeat(65)}"}`],
    ['subscribe without stream', '{"t":"subscribe"}'],
    ['subscribe with negative sinceSeq', '{"t":"subscribe","stream":"s1","sinceSeq":-1}'],
    ['subscribe with fractional sinceSeq', '{"t":"subscribe","stream":"s1","sinceSeq":1.5}'],
    ['subscribe with string sinceSeq', '{"t":"subscribe","stream":"s1","sinceSeq":"3"}'],
    ['command without id', '{"t":"command","stream":"s1","command":{"type":"x"}}'],
    ['command without stream', '{"t":"command","id":"c1","command":{"type":"x"}}'],
    ['command without command', '{"t":"command","id":"c1","stream":"s1"}'],
    ['command without type', '{"t":"command","id":"c1","stream":"s1","command":{"id":"n1"}}'],
    ['command with empty type', '{"t":"command","id":"c1","stream":"s1","command":{"type":""}}'],
    ['command with a string as command', '{"t":"command","id":"c1","stream":"s1","command":"note.add"}'],
    ['command with negative baseSeq', '{"t":"command","id":"c1","stream":"s1","baseSeq":-1,"command":{"type":"x"}}'],
  ])('%s is bad_message', (_label, raw) => {
    const result = fail(raw);
    expect(result.code).toBe('bad_message');
    expect(result.message).toMatch(/^Malformed message: /);
  });

  it('names the failing field', () => {
    expect(fail('{"t":"command","id":"c1","command":{"type":"x"}}').message).toContain('stream');
  });

  it('never throws, whatever it gets', () => {
    for (const raw of ['\u0000', '{"__proto__":{"t":"ping"}}', '"ping"', 'true', '{"t":"ping","id":{"a":1}}']) {
      expect(() => parseClientMessage(raw)).not.toThrow();
      expect(parseClientMessage(raw).ok).toBe(false);
    }
  });
});

describe('utf8Length', () => {
  it.each(['', 'abc', 'é', '€', 'Ĳsselmeer €5 😀 ✓', '😀😀', '\uD800', '\uDC00x', 'a\uD83D'])('agrees with TextEncoder for %j', (text) => {
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('protocol constants', () => {
  it('lists each error code and rule reason once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(new Set(RULE_REASONS).size).toBe(RULE_REASONS.length);
    for (const code of [
      'bad_message',
      'too_large',
      'invalid_payload',
      'forbidden',
      'not_found',
      'conflict',
      'rule_violation',
      'nothing_to_undo',
    ])
      expect(ERROR_CODES).toContain(code);
  });
});
