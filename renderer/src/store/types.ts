import type { StateCreator } from 'zustand';
import type { CanvasSlice } from '../canvas/canvas-slice';
import type { ConnectionSlice } from './connection-slice';
import type { SessionSlice } from './session-slice';
import type { UiSlice } from './ui-slice';
import type { WorkspaceSlice } from './workspace-slice';

/** The whole client state: document copies fed by the host, plus this window's own session state. */
export type AppState = ConnectionSlice & WorkspaceSlice & SessionSlice & UiSlice & CanvasSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
