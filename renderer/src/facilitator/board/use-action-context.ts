import { useMemo, useSyncExternalStore } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { useAppStore } from '../../ui/app-context';
import { type ActionContext, actionContext } from './actions';
import { projectorContrast, subscribeProjectorContrast } from './projector-link';

/** The register's context for drawing buttons: re-rendered when the phase, the selection, the cursor, a panel or the projector's look changes. */
export function useActionContext(session: SessionState, readOnly: boolean): ActionContext {
  const selection = useAppStore((state) => state.selection);
  const selectedClusterId = useAppStore((state) => state.selectedClusterId);
  const cursor = useAppStore((state) => state.cursor);
  const panel = useAppStore((state) => state.panel);
  const contrast = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);
  return useMemo(
    () => actionContext(session, { selection, selectedClusterId, cursor, panel }, readOnly, contrast),
    [session, selection, selectedClusterId, cursor, panel, readOnly, contrast],
  );
}
