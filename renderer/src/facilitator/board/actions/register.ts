import type { PhaseKind } from '../../../../../shared/domain';
import type { MessageKey } from '../../../../../shared/i18n/messages';
import type { BoardController } from '../board-controller';

/**
 * The board's actions as registered objects (Excalidraw's `register({ name, keyTest, perform })`):
 * each is declared once, with its name, keys, where it is offered, when it applies and what it
 * does, and the keyboard, the selection bar, the toolbar, the context menu and the help all read
 * the same declaration, so none of them can drift from the others.
 */

/** The help's sections, in the order it shows them. */
export const HELP_GROUPS = ['help.phase', 'help.notes', 'help.groups', 'help.view', 'help.general'] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

/** A key as the help and the buttons show it: its name, or a message key for a gesture ("Shift + click"). */
export type KeyName = string | { text: MessageKey };

/**
 * Where an action is offered besides its keys: the selection's bar above the board, the context
 * menu on a selection or on the empty canvas, the toolbar left of the bar, the column of view
 * buttons at the board's right edge.
 */
export type Surface = 'bar' | 'selectionMenu' | 'canvasMenu' | 'toolbar' | 'viewColumn';

/**
 * What must be chosen for the action to have something to act on:
 * notes (no group); a group; either; or one thing to edit (one note, a group, or the note at the
 * keyboard's cursor).
 */
export type Needs = 'notes' | 'cluster' | 'any' | 'editable';

/** What an action is judged against, read at the moment of acting or of drawing its button. */
export interface ActionContext {
  /** The current phase's kind; null before the first phase ("Nog niet begonnen"): then every action applies. */
  phase: PhaseKind | null;
  /** Selected notes that still exist (none while a group is selected: the two never go together). */
  notes: number;
  cluster: boolean;
  /** The keyboard's cursor is on a note that exists. */
  cursor: boolean;
  /** An archived session, or a database the host can only read: only looking around applies. */
  readOnly: boolean;
  /** Which panel is open over the board, and the projector's look: for buttons that show they are on. */
  panel: 'help' | 'template' | 'theme' | null;
  contrast: boolean;
}

/** Why an action does not apply now; the keyboard says it in a toast rather than doing nothing. */
export type Refusal = { kind: 'phase' } | { kind: 'selection'; needs: Needs } | { kind: 'readOnly' };

export interface ActionInput {
  /** The key press that asked for it (the arrows and numbers read which key it was). */
  event?: KeyboardEvent;
  /** Where on the model it was asked for, in world units (the context menu's spot). */
  at?: { x: number; y: number };
  /** A colour picked on the palette (null: the side's own), rather than the next one. */
  color?: string | null;
  /** A side's place in the model (0 for the first), from its button rather than its number key. */
  zone?: number;
}

/** A key's name as a row or a button shows it. */
export function keyLabel(key: KeyName, t: (key: MessageKey) => string): string {
  return typeof key === 'string' ? key : t(key.text);
}

export interface ActionDefinition {
  /** Stable: tests, data-action attributes and the help rows use it. */
  id: string;
  /** Its short name: on a button, in the menu, in a refusal ("Groeperen"). */
  label: MessageKey;
  /** The name when a group, not notes, is chosen (F2: "Naam wijzigen" rather than "Tekst wijzigen"). */
  labelForGroup?: MessageKey;
  /** What the help says it does; the label when absent. */
  help?: MessageKey;
  /** A button's tooltip, when it says more than the label. */
  hint?: MessageKey;
  /** A sign for an icon button (its label stays its accessible name). */
  icon?: string;
  /** A short word under the icon, for signs that say little by themselves (⤓, ◐). */
  word?: MessageKey;
  group: HelpGroup;
  /** What the help and the buttons show; absent for actions with no key (buttons only). */
  keys?: readonly KeyName[];
  /** Whether a key press is this action. */
  keyTest?(event: KeyboardEvent): boolean;
  /** The phases it applies in; absent: every phase. Before the first phase every action applies. */
  phases?: readonly PhaseKind[];
  needs?: Needs;
  on?: readonly Surface[];
  /**
   * Offered on the bar or in the menu only when this holds as well (Delete ungroups a chosen group
   * by its key, but the bar shows "Groep opheffen" for that, not a second button).
   */
  offer?(context: ActionContext): boolean;
  /** Shown apart, last, and in red: it removes something. */
  danger?: boolean;
  /** Also applies to a read-only session: looking around changes nothing. */
  viewOnly?: boolean;
  /**
   * Its keys act wherever the keyboard focus is. All others act only while the board has the focus,
   * so a letter typed into nothing in particular never makes, colours or deletes a note.
   */
  anywhere?: boolean;
  /** For a toggle: whether it is on now (aria-pressed). */
  pressed?(context: ActionContext): boolean;
  perform(board: BoardController, input: ActionInput): void;
}

export interface BoardAction extends ActionDefinition {
  /** Why it does not apply in this context, or null when it does. */
  whyNot(context: ActionContext): Refusal | null;
  appliesTo(context: ActionContext): boolean;
  /** Applies, and belongs on this surface now. */
  offeredOn(surface: Surface, context: ActionContext): boolean;
  labelIn(context: ActionContext): MessageKey;
}

export function hasNeeds(needs: Needs, context: ActionContext): boolean {
  switch (needs) {
    case 'notes':
      return context.notes > 0;
    case 'cluster':
      return context.cluster;
    case 'any':
      return context.notes > 0 || context.cluster;
    case 'editable':
      return context.notes === 1 || context.cluster || context.cursor;
  }
}

/** Whether an action declared for these phases applies in this one (all do before the first phase). */
export function inPhase(phases: readonly PhaseKind[] | undefined, phase: PhaseKind | null): boolean {
  return phase === null || phases === undefined || phases.includes(phase);
}

/** Declares one action; its judgement (appliesTo, offeredOn) follows from what it declares. */
export function registerAction(definition: ActionDefinition): BoardAction {
  const whyNot = (context: ActionContext): Refusal | null => {
    if (context.readOnly && definition.viewOnly !== true) return { kind: 'readOnly' };
    if (!inPhase(definition.phases, context.phase)) return { kind: 'phase' };
    if (definition.needs && !hasNeeds(definition.needs, context)) return { kind: 'selection', needs: definition.needs };
    return null;
  };
  return {
    ...definition,
    whyNot,
    appliesTo: (context) => whyNot(context) === null,
    offeredOn: (surface, context) => (definition.on ?? []).includes(surface) && whyNot(context) === null && (definition.offer?.(context) ?? true),
    labelIn: (context) => (context.cluster && definition.labelForGroup) || definition.label,
  };
}

/** Phases in which notes are written, on the phones as well (their composer shows then): writing, editing, colouring, deleting. */
export const WRITING: readonly PhaseKind[] = ['checkin', 'observation', 'notes', 'clustering', 'attention'];
/** Making and undoing groups: while notes come in and while themes are made. */
export const GROUPING: readonly PhaseKind[] = ['notes', 'clustering'];
/** Turning a note or a group into an attention point: from themes to points. */
export const PROMOTING: readonly PhaseKind[] = ['clustering', 'attention'];

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
/** A letter with no Ctrl or Cmd (Shift is the caller's to tell apart). */
export const plain = (key: string) => (event: KeyboardEvent) => !mod(event) && event.key.toLowerCase() === key;
export const withMod = (key: string) => (event: KeyboardEvent) => mod(event) && event.key.toLowerCase() === key;
export const noMod = (event: KeyboardEvent) => !mod(event);
