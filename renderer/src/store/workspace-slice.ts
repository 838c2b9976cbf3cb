import { applyChanges, type Change } from '../../../shared/changes';
import type { WorkspaceState } from '../../../shared/domain';
import type { SliceCreator } from './types';

export interface WorkspaceSlice {
  /** The host's programmes and sessions list; null until the first snapshot. */
  workspace: WorkspaceState | null;
  workspaceSnapshot(state: WorkspaceState): void;
  workspaceChanged(changes: readonly Change[]): void;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set) => ({
  workspace: null,
  workspaceSnapshot: (workspace) => set({ workspace }),
  workspaceChanged: (changes) =>
    set((state) => (state.workspace ? { workspace: applyChanges(state.workspace, changes) } : {})),
});
