import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from '../../../../renderer/src/facilitator/board/shortcuts';
import { catalogue } from '../../../../shared/i18n/messages';

const key = (init: Partial<KeyboardEvent> & { key: string }) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null, ...init }) as KeyboardEvent;

describe('the board’s shortcuts', () => {
  it('have unique ids and a text in both languages for every label and key name', () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.id)).size).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) {
      for (const locale of ['nl', 'en'] as const) {
        expect(catalogue[locale][shortcut.label]).toBeTruthy();
        for (const name of shortcut.keys) if (typeof name !== 'string') expect(catalogue[locale][name.text]).toBeTruthy();
      }
    }
  });

  it.each([
    [{ key: 'n' }, 'new'],
    [{ key: 'N', shiftKey: true }, 'new'],
    [{ key: 'Enter' }, 'edit'],
    [{ key: 'F2' }, 'edit'],
    [{ key: 'a', ctrlKey: true }, 'all'],
    [{ key: 'Escape' }, 'clear'],
    [{ key: 'Delete' }, 'delete'],
    [{ key: 'Backspace' }, 'delete'],
    [{ key: 'ArrowLeft' }, 'cursor'],
    [{ key: 'ArrowDown' }, 'cursor'],
    [{ key: 'ArrowLeft', ctrlKey: true }, 'nudge'],
    [{ key: 'ArrowUp', metaKey: true, shiftKey: true }, 'nudge'],
    [{ key: ' ' }, 'pick'],
    [{ key: ' ', shiftKey: true }, 'pick-group'],
    [{ key: 'c' }, 'color'],
    [{ key: 'C', shiftKey: true }, 'color-reset'],
    [{ key: 'g' }, 'group'],
    [{ key: 'G', shiftKey: true }, 'ungroup'],
    [{ key: 'p' }, 'promote'],
    [{ key: '+' }, 'zoom-in'],
    [{ key: '=' }, 'zoom-in'],
    [{ key: '-' }, 'zoom-out'],
    [{ key: '0' }, 'fit'],
    [{ key: '4' }, 'focus'],
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', metaKey: true }, 'redo'],
    [{ key: '?', shiftKey: true }, 'help'],
  ] as const)('%o is %s', (event, id) => {
    expect(shortcutFor(key(event), false, true)?.id).toBe(id);
  });

  it('leave other keys alone, and on an archived session allow only looking around', () => {
    expect(shortcutFor(key({ key: 'x' }), false, true)).toBeNull();
    expect(shortcutFor(key({ key: '7' }), false, true)).toBeNull();
    expect(shortcutFor(key({ key: 'n', altKey: true }), false, true)).toBeNull();
    expect(shortcutFor(key({ key: 'n' }), true, true)).toBeNull();
    expect(shortcutFor(key({ key: 'Delete' }), true, true)).toBeNull();
    expect(shortcutFor(key({ key: '+' }), true, true)?.id).toBe('zoom-in');
    expect(shortcutFor(key({ key: '?' }), true, true)?.id).toBe('help');
    // Going through the notes and picking them changes nothing, so an archived session allows it.
    expect(shortcutFor(key({ key: 'ArrowRight' }), true, true)?.id).toBe('cursor');
    expect(shortcutFor(key({ key: ' ' }), true, true)?.id).toBe('pick');
    expect(shortcutFor(key({ key: 'ArrowRight', ctrlKey: true }), true, true)).toBeNull();
  });

  it('act on single keys only while the board has the focus; Esc, ?, undo and redo act anywhere', () => {
    for (const pressed of ['n', 'c', 'g', 'p', 'Delete', 'Backspace', 'Enter', 'ArrowUp', ' ', '0', '3', '+']) {
      expect(shortcutFor(key({ key: pressed }), false, false), pressed).toBeNull();
      expect(shortcutFor(key({ key: pressed }), false, true), pressed).not.toBeNull();
    }
    expect(shortcutFor(key({ key: 'a', ctrlKey: true }), false, false)).toBeNull();
    expect(shortcutFor(key({ key: 'Escape' }), false, false)?.id).toBe('clear');
    expect(shortcutFor(key({ key: '?' }), false, false)?.id).toBe('help');
    expect(shortcutFor(key({ key: 'z', ctrlKey: true }), false, false)?.id).toBe('undo');
    expect(shortcutFor(key({ key: 'y', ctrlKey: true }), false, false)?.id).toBe('redo');
  });

  it('never let two shortcuts claim the same key press', () => {
    const presses = ['n', 'Enter', 'F2', 'Escape', 'Delete', 'c', 'g', 'p', '+', '-', '0', '1', '6', '?', 'ArrowUp', 'ArrowLeft', ' '];
    for (const pressed of presses) {
      for (const shiftKey of [false, true]) {
        for (const ctrlKey of [false, true]) {
          const matching = SHORTCUTS.filter((shortcut) => shortcut.matches?.(key({ key: pressed, shiftKey, ctrlKey })));
          expect(matching.length, `${pressed} shift=${shiftKey} ctrl=${ctrlKey}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
