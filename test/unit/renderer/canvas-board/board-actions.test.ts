import { describe, expect, it } from 'vitest';
import {
  type ActionContext,
  actionForKey,
  BOARD_ACTIONS,
  boardAction,
  GESTURES,
  KEYED_ACTIONS,
  offered,
  refusalMessage,
} from '../../../../renderer/src/facilitator/board/actions';
import { PHASE_KINDS, type PhaseKind } from '../../../../shared/domain';
import { catalogue, LOCALES, type MessageKey } from '../../../../shared/i18n/messages';

const key = (init: Partial<KeyboardEvent> & { key: string }) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, repeat: false, target: null, ...init }) as KeyboardEvent;

const context = (init: Partial<ActionContext> = {}): ActionContext => ({
  phase: null,
  notes: 0,
  cluster: false,
  cursor: false,
  readOnly: false,
  panel: null,
  contrast: false,
  ...init,
});

/** The ids of the actions that apply in a context. */
const applying = (ctx: ActionContext) =>
  BOARD_ACTIONS.filter((action) => action.appliesTo(ctx))
    .map((action) => action.id)
    .sort();

describe('the register of board actions', () => {
  it('has unique ids, and every name, help text, tooltip and key name in both languages', () => {
    const ids = [...BOARD_ACTIONS.map((action) => action.id), ...GESTURES.map((gesture) => gesture.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const action of BOARD_ACTIONS) {
      const texts: MessageKey[] = [action.label, action.labelForGroup, action.help, action.hint, action.word].filter((text) => text !== undefined);
      for (const name of action.keys ?? []) if (typeof name !== 'string') texts.push(name.text);
      for (const locale of LOCALES) for (const text of texts) expect(catalogue[locale][text], `${action.id}: ${text} (${locale})`).toBeTruthy();
    }
    for (const gesture of GESTURES) for (const locale of LOCALES) expect(catalogue[locale][gesture.label]).toBeTruthy();
  });

  it('gives every key a test and every test a key, so the help shows each key that acts', () => {
    for (const action of BOARD_ACTIONS) expect(action.keys === undefined, action.id).toBe(action.keyTest === undefined);
    // What a gesture stands for is a real action.
    for (const gesture of GESTURES) if (gesture.like) expect(boardAction(gesture.like).id).toBe(gesture.like);
  });

  it('offers every button-only action somewhere, or it could never be done', () => {
    for (const action of BOARD_ACTIONS) if (!action.keys) expect(action.on?.length ?? 0, action.id).toBeGreaterThan(0);
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
    [{ key: 'q' }, 'join-info'],
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', metaKey: true }, 'redo'],
    [{ key: '?', shiftKey: true }, 'help'],
    [{ key: 'F10', shiftKey: true }, 'menu'],
    [{ key: 'ContextMenu' }, 'menu'],
  ] as const)('reads %o as %s', (event, id) => {
    expect(actionForKey(key(event), false, true)?.id).toBe(id);
  });

  it('leaves other keys alone, and on an archived session allows only looking around', () => {
    expect(actionForKey(key({ key: 'x' }), false, true)).toBeNull();
    expect(actionForKey(key({ key: '7' }), false, true)).toBeNull();
    expect(actionForKey(key({ key: 'F10' }), false, true)).toBeNull();
    expect(actionForKey(key({ key: 'n', altKey: true }), false, true)).toBeNull();
    expect(actionForKey(key({ key: 'n' }), true, true)).toBeNull();
    expect(actionForKey(key({ key: 'Delete' }), true, true)).toBeNull();
    expect(actionForKey(key({ key: '+' }), true, true)?.id).toBe('zoom-in');
    expect(actionForKey(key({ key: '?' }), true, true)?.id).toBe('help');
    expect(actionForKey(key({ key: 'ContextMenu' }), true, true)?.id).toBe('menu');
    // Going through the notes and picking them changes nothing, so an archived session allows it.
    expect(actionForKey(key({ key: 'ArrowRight' }), true, true)?.id).toBe('cursor');
    expect(actionForKey(key({ key: ' ' }), true, true)?.id).toBe('pick');
    expect(actionForKey(key({ key: 'ArrowRight', ctrlKey: true }), true, true)).toBeNull();
  });

  it('acts on single keys only while the board has the focus; Esc, ?, undo and redo act anywhere', () => {
    for (const pressed of ['n', 'c', 'g', 'p', 'q', 'Delete', 'Backspace', 'Enter', 'ArrowUp', ' ', '0', '3', '+', 'ContextMenu']) {
      expect(actionForKey(key({ key: pressed }), false, false), pressed).toBeNull();
      expect(actionForKey(key({ key: pressed }), false, true), pressed).not.toBeNull();
    }
    expect(actionForKey(key({ key: 'a', ctrlKey: true }), false, false)).toBeNull();
    expect(actionForKey(key({ key: 'F10', shiftKey: true }), false, false)).toBeNull();
    expect(actionForKey(key({ key: 'Escape' }), false, false)?.id).toBe('clear');
    expect(actionForKey(key({ key: '?' }), false, false)?.id).toBe('help');
    expect(actionForKey(key({ key: 'z', ctrlKey: true }), false, false)?.id).toBe('undo');
    expect(actionForKey(key({ key: 'y', ctrlKey: true }), false, false)?.id).toBe('redo');
  });

  it('never lets two actions claim the same key press', () => {
    const presses = [
      ...'abcdefghijklmnopqrstuvwxyz0123456789+-=_?/ '.split(''),
      ...[
        'Enter',
        'Escape',
        'Delete',
        'Backspace',
        'Tab',
        'F2',
        'F10',
        'ContextMenu',
        'ArrowUp',
        'ArrowDown',
        'ArrowLeft',
        'ArrowRight',
        'Home',
        'End',
        'PageDown',
      ],
    ];
    for (const pressed of presses) {
      for (const shiftKey of [false, true]) {
        for (const ctrlKey of [false, true]) {
          for (const metaKey of [false, true]) {
            const event = key({ key: shiftKey && pressed.length === 1 ? pressed.toUpperCase() : pressed, shiftKey, ctrlKey, metaKey });
            const claiming = KEYED_ACTIONS.filter((action) => action.keyTest?.(event)).map((action) => action.id);
            expect(claiming.length, `${pressed} shift=${shiftKey} ctrl=${ctrlKey} meta=${metaKey}: ${claiming.join(', ')}`).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });
});

describe('when an action applies', () => {
  const LOOKING = [
    'all',
    'clear',
    'contrast',
    'cursor',
    'export-png',
    'fit',
    'focus',
    'help',
    'join-info',
    'menu',
    'pick',
    'pick-group',
    'projector',
    'redo',
    'undo',
    'zoom-in',
    'zoom-out',
  ];
  const withNotes = (phase: PhaseKind | null) => applying(context({ phase, notes: 2 }));

  it('applies everything before the first phase ("Nog niet begonnen"), given something to act on', () => {
    expect(applying(context({ notes: 1 }))).toEqual(
      BOARD_ACTIONS.filter((action) => action.id !== 'ungroup')
        .map((action) => action.id)
        .sort(),
    );
    expect(applying(context({ cluster: true }))).toContain('ungroup');
  });

  it.each([
    ['notes', ['color', 'color-reset', 'delete', 'edit-model', 'group', 'new', 'nudge', 'reveal-notes', 'tidy']],
    ['clustering', ['color', 'color-reset', 'delete', 'edit-model', 'group', 'new', 'nudge', 'promote', 'reveal-notes', 'tidy']],
    ['attention', ['color', 'color-reset', 'delete', 'edit-model', 'new', 'nudge', 'promote', 'reveal-notes', 'tidy']],
    ['observation', ['color', 'color-reset', 'delete', 'edit-model', 'new', 'nudge', 'reveal-notes', 'tidy']],
    ['checkin', ['color', 'color-reset', 'delete', 'edit-model', 'new', 'nudge', 'tidy']],
    ['voting', ['edit-model', 'nudge', 'voting-open', 'voting-result']],
    ['ingredients', ['edit-model', 'nudge']],
    ['other', ['edit-model', 'nudge']],
    ['closing', ['edit-model', 'nudge']],
    ['review', ['edit-model', 'nudge']],
  ] as const)('in the phase %s, with notes chosen: looking around, and %j', (phase, writing) => {
    expect(withNotes(phase)).toEqual([...LOOKING, ...writing].sort());
  });

  it('puts only what applies on the selection bar, in each phase, with the removing one last', () => {
    const bar = (phase: PhaseKind | null, init: Partial<ActionContext> = { notes: 1 }) =>
      offered('bar', context({ phase, ...init })).map((action) => action.id);
    expect(bar(null)).toEqual(['edit', 'color', 'group', 'promote', 'linkTheme', 'delete']);
    expect(bar('notes')).toEqual(['edit', 'color', 'group', 'delete']);
    expect(bar('clustering')).toEqual(['edit', 'color', 'group', 'promote', 'linkTheme', 'delete']);
    expect(bar('attention')).toEqual(['edit', 'color', 'promote', 'linkTheme', 'delete']);
    expect(bar('voting')).toEqual([]);
    expect(bar('ingredients')).toEqual([]);
    // Several notes: no single one to edit on the bar (Enter edits the cursor's).
    expect(bar('notes', { notes: 3, cursor: true })).toEqual(['color', 'group', 'delete']);
    expect(bar('clustering', { cluster: true })).toEqual(['edit', 'ungroup', 'promote', 'linkTheme']);
    expect(bar('attention', { cluster: true })).toEqual(['edit', 'promote', 'linkTheme']);
  });

  it('offers the canvas’s actions in the menu when nothing is chosen, the selection’s when something is', () => {
    const ids = (surface: 'canvasMenu' | 'selectionMenu', init: Partial<ActionContext>) => offered(surface, context(init)).map((action) => action.id);
    expect(ids('canvasMenu', {})).toEqual(['new', 'all', 'tidy', 'fit', 'undo', 'redo', 'help']);
    expect(ids('canvasMenu', { phase: 'voting' })).toEqual(['all', 'fit', 'undo', 'redo', 'help']);
    expect(ids('selectionMenu', { phase: 'clustering', notes: 1 })).toEqual(['edit', 'clear', 'color', 'color-reset', 'group', 'promote', 'tidy', 'linkTheme', 'delete']);
    expect(ids('selectionMenu', { phase: 'voting', notes: 1 })).toEqual(['clear']);
    expect(ids('canvasMenu', { readOnly: true })).toEqual(['all', 'help']);
  });

  it('needs something chosen for what acts on a selection, and the cursor will do for editing', () => {
    expect(boardAction('group').whyNot(context({ phase: 'notes' }))).toEqual({ kind: 'selection', needs: 'notes' });
    expect(boardAction('ungroup').whyNot(context({ notes: 2 }))).toEqual({ kind: 'selection', needs: 'cluster' });
    expect(boardAction('edit').whyNot(context({ notes: 2 }))).toEqual({ kind: 'selection', needs: 'editable' });
    expect(boardAction('edit').whyNot(context({ notes: 2, cursor: true }))).toBeNull();
    // The phase is the first reason: choosing notes would not help in the voting phase.
    expect(boardAction('group').whyNot(context({ phase: 'voting' }))).toEqual({ kind: 'phase' });
    expect(boardAction('new').whyNot(context({ readOnly: true }))).toEqual({ kind: 'readOnly' });
  });

  it('says plainly in which phases a refused action can be done, or what to choose first', () => {
    const voting = context({ phase: 'voting', notes: 1 });
    const group = boardAction('group');
    const refusal = group.whyNot(voting);
    if (!refusal) throw new Error('grouping applied in the voting phase');
    expect(refusalMessage(group, refusal, voting, 'nl')).toEqual({
      key: 'boardAction.notInPhase',
      params: { action: 'Groeperen', phase: 'Stemmen', phases: 'Notities, Thema’s maken' },
    });
    expect(refusalMessage(boardAction('promote'), { kind: 'phase' }, context({ phase: 'notes' }), 'en')?.params).toEqual({
      action: 'Make attention point',
      phase: 'Notes',
      phases: 'Making themes, Attention points',
    });
    // Only the phases this session has: not a list of steps it skips.
    const session: PhaseKind[] = ['notes', 'clustering', 'attention', 'voting', 'ingredients'];
    expect(refusalMessage(boardAction('delete'), { kind: 'phase' }, voting, 'nl', session)?.params.phases).toBe('Notities, Thema’s maken, Aandachtspunten');
    expect(refusalMessage(boardAction('delete'), { kind: 'phase' }, voting, 'nl')?.params.phases).toBe('Inchecken, Wat gaat goed?, Notities, Thema’s maken, Aandachtspunten');
    // A session with none of them left: every phase where it could be done.
    expect(refusalMessage(group, { kind: 'phase' }, voting, 'nl', ['voting'])?.params.phases).toBe('Notities, Thema’s maken');
    expect(refusalMessage(group, { kind: 'selection', needs: 'notes' }, context({ phase: 'notes' }), 'nl')).toEqual({
      key: 'boardAction.needsNotes',
      params: { action: 'Groeperen' },
    });
    expect(refusalMessage(group, { kind: 'readOnly' }, context({ readOnly: true }), 'nl')).toBeNull();
  });

  it('knows every phase kind the session can be in', () => {
    // A new kind of phase must be placed in (or left out of) the register's phase lists on purpose.
    expect(PHASE_KINDS).toEqual(['review', 'checkin', 'observation', 'notes', 'clustering', 'attention', 'voting', 'ingredients', 'other', 'closing']);
  });
});
