import type { Id, SessionState, WorkspaceState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import type { EilandClient } from '../client';
import type { AppStore } from './index';

/** Mirrors the client's connection state and pending commands into the store. */
export function bindConnection(client: EilandClient, store: AppStore): () => void {
  let welcome: typeof client.welcome = null;
  const update = () => {
    store.getState().setConnection(client.state, client.pendingCount, client.welcome?.role ?? null);
    // Read the host's clock the moment its welcome arrives (a later look would add the time since).
    if (client.welcome && client.welcome !== welcome) store.getState().setClockOffset(client.welcome.serverTime - Date.now());
    if (client.welcome && client.welcome.readOnly !== store.getState().readOnly) store.getState().setReadOnly(client.welcome.readOnly);
    welcome = client.welcome;
  };
  update();
  return client.onChange(update);
}

/** Keeps the store's copy of the workspace (programmes and sessions list) in step with the host. */
export function followWorkspace(client: EilandClient, store: AppStore): () => void {
  return client.subscribe(WORKSPACE_STREAM, {
    snapshot: (state) => store.getState().workspaceSnapshot(state as WorkspaceState),
    event: (event) => store.getState().workspaceChanged(event.changes),
  });
}

/** Shows one session in this window until the returned function is called. */
export function followSession(client: EilandClient, store: AppStore, id: Id): () => void {
  store.getState().sessionOpened(id);
  const unsubscribe = client.subscribe(id, {
    snapshot: (state) => store.getState().sessionSnapshot(id, state as SessionState),
    event: (event) => store.getState().sessionChanged(id, event.changes),
  });
  return () => {
    unsubscribe();
    if (store.getState().sessionId === id) store.getState().sessionOpened(null);
  };
}
