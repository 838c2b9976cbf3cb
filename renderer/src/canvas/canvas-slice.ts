import type { Id } from '../../../shared/domain';
import type { SliceCreator } from '../store/types';

/**
 * A panel over the board: the shortcuts help, the template editor (zones become editable), or the
 * theme picker for the group or note in `themeTarget`.
 */
export type BoardPanel = 'help' | 'template' | 'theme' | null;

/** What the theme picker links: the group or note chosen when it opened. */
export type ThemeTarget = { target: 'cluster' | 'note'; id: Id };

/** A group's name being typed: for a new group of notes, or a new name for an existing one. */
export type ClusterDraft = { kind: 'new'; noteIds: Id[] } | { kind: 'rename'; clusterId: Id };

/**
 * The canvas's own session state (tldraw's sense: this window's, never sent to the host). Notes are
 * selected in the UI slice's `selection`; a cluster is selected here, and never together with notes.
 */
export interface CanvasSlice {
  selectedClusterId: Id | null;
  panel: BoardPanel;
  clusterDraft: ClusterDraft | null;
  /**
   * The note the keyboard is on (note-cursor.ts), apart from the selection; null until an arrow
   * key, a side's number or N puts it somewhere. May name a note still being written.
   */
  cursor: Id | null;
  themeTarget: ThemeTarget | null;
  selectCluster(id: Id | null): void;
  openThemePicker(target: ThemeTarget): void;
  setCursor(id: Id | null): void;
  openPanel(panel: BoardPanel): void;
  draftCluster(draft: ClusterDraft | null): void;
}

export const createCanvasSlice: SliceCreator<CanvasSlice> = (set) => ({
  selectedClusterId: null,
  panel: null,
  clusterDraft: null,
  cursor: null,
  themeTarget: null,
  openThemePicker: (themeTarget) => set({ panel: 'theme', themeTarget }),
  setCursor: (cursor) => set({ cursor }),
  selectCluster: (id) => set(id === null ? { selectedClusterId: null } : { selectedClusterId: id, selection: [] }),
  openPanel: (panel) => set({ panel }),
  draftCluster: (clusterDraft) => set({ clusterDraft }),
});
