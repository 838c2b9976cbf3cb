import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../../../shared/i18n/messages';
import { createCanvasSlice } from '../canvas/canvas-slice';
import { createConnectionSlice } from './connection-slice';
import { createSessionSlice } from './session-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createWorkspaceSlice } from './workspace-slice';

export type { AppState } from './types';
export type { NoteDraft, Toast, ViewBox } from './ui-slice';
export type AppStore = StoreApi<AppState>;

/** One store per window, made of slices; pages read it through narrow selectors. */
export function createAppStore(options: { locale: Locale }): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createWorkspaceSlice(...args),
    ...createSessionSlice(...args),
    ...createUiSlice(options.locale)(...args),
    ...createCanvasSlice(...args),
  }));
}
