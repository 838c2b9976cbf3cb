import type { Id } from '../../../shared/domain';
import type { Locale, MessageKey, MessageParams } from '../../../shared/i18n/messages';
import type { ViewBox } from '../../../shared/geometry/model';
import type { SliceCreator } from './types';

/** The part of the world a window shows, in world units; the canvas fits it to its own size. */
export type { ViewBox };

/** The note being typed: a new one at a spot in a zone, or an existing one. */
/** A new note may bring its id, so the keyboard's cursor can wait on it while it is written. */
export type NoteDraft = { kind: 'new'; zoneId: Id; x: number; y: number; id?: Id } | { kind: 'edit'; noteId: Id };

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  key: MessageKey;
  params?: MessageParams;
}

/** Session state in tldraw's sense: this window's own view, never sent to the host or persisted there. */
export interface UiSlice {
  locale: Locale;
  selection: Id[];
  /** null shows the whole model. */
  camera: ViewBox | null;
  editing: NoteDraft | null;
  toasts: Toast[];
  setLocale(locale: Locale): void;
  select(ids: readonly Id[], mode?: 'replace' | 'toggle'): void;
  setCamera(camera: ViewBox | null): void;
  startEditing(draft: NoteDraft): void;
  stopEditing(): void;
  showToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;
/** A few messages at most: older ones make room, so a burst of errors never fills the screen. */
const MAX_TOASTS = 3;

export const createUiSlice =
  (locale: Locale): SliceCreator<UiSlice> =>
  (set) => ({
    locale,
    selection: [],
    camera: null,
    editing: null,
    toasts: [],
    setLocale: (next) => set({ locale: next }),
    select: (ids, mode = 'replace') =>
      set((state) => {
        if (mode === 'replace') return { selection: [...ids] };
        const current = new Set(state.selection);
        for (const id of ids) {
          if (current.has(id)) current.delete(id);
          else current.add(id);
        }
        return { selection: [...current] };
      }),
    setCamera: (camera) => set({ camera }),
    startEditing: (editing) => set({ editing }),
    stopEditing: () => set({ editing: null }),
    showToast: (toast) => set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextToastId++ }].slice(-MAX_TOASTS) })),
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  });
