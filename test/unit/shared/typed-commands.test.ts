import { describe, expect, it } from 'vitest';
import type { CommandOf, TypedCommand } from '../../../shared/commands/index';
import { SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../../shared/reducer';

/**
 * Commands are typed at the call site from the registry: `npm run typecheck` fails if a line marked
 * @ts-expect-error below starts to compile (an unknown name or field slipped through), and this test
 * checks that what does compile is what the host's schemas accept.
 */
const accepted: TypedCommand[] = [
  { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Goed bezig' },
  { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' },
  { type: 'votes.clear' },
  { type: 'timer.control', action: 'set', durationMs: 60_000 },
  { type: 'history.undo' },
  { type: 'programme.create', id: 'p1', name: 'Programma' },
];

// @ts-expect-error a command the host does not know
const misspelled: TypedCommand = { type: 'note.ad', id: 'n1', zoneId: 'ik', text: 'x' };
// @ts-expect-error a field the command does not have
const wrongField: TypedCommand = { type: 'note.add', id: 'n1', zoneId: 'ik', txt: 'x' };
// @ts-expect-error a required field left out
const missing: CommandOf<'vote.cast'> = { type: 'vote.cast', id: 'v1' };

describe('typed commands', () => {
  it('that compile are what the host accepts, and those that do not are what it refuses', () => {
    for (const command of accepted) {
      if (command.type === 'history.undo') continue;
      const { type, ...fields } = command;
      const definition = SESSION_COMMANDS.get(type) ?? WORKSPACE_COMMANDS.get(type);
      expect(definition, type).toBeDefined();
      expect(definition?.schema.safeParse(fields).success, type).toBe(true);
    }
    expect(SESSION_COMMANDS.get(misspelled.type)).toBeUndefined();
    const { type: _type, ...wrong } = wrongField as { type: string };
    expect(SESSION_COMMANDS.get('note.add')?.schema.safeParse(wrong).success).toBe(false);
    expect(SESSION_COMMANDS.get('vote.cast')?.schema.safeParse({ id: missing.id }).success).toBe(false);
  });
});
