import { useEffect } from 'react';
import { BRIDGE_NAME, type EilandBridge } from '../../../../shared/ipc';
import { useAppStore } from '../../ui/app-context';
import type { Route } from '../route';

/** The desktop app's preload bridge, or undefined in browser mode (then there is no shell to tell). */
export function desktopBridge(): EilandBridge | undefined {
  return (window as unknown as Record<string, EilandBridge | undefined>)[BRIDGE_NAME];
}

/** A message to the shell is a courtesy: if it fails, the page carries on as if it were a browser. */
const quietly = (call: Promise<void> | undefined): void => {
  call?.catch(() => undefined);
};

/**
 * Keeps the desktop shell up to date with the facilitator page: its language (the menus follow it)
 * and the session that is open (for the menu's "Recente sessies"). Does nothing in browser mode.
 */
export function useDesktopBridge(route: Route): void {
  const locale = useAppStore((state) => state.locale);
  const sessionId = route.screen === 'session' ? route.id : null;
  const title = useAppStore((state) => (sessionId === null ? undefined : state.workspace?.sessions[sessionId]?.title));

  useEffect(() => {
    quietly(desktopBridge()?.localeChanged(locale));
  }, [locale]);

  useEffect(() => {
    if (sessionId !== null && title) quietly(desktopBridge()?.sessionOpened(sessionId, title));
  }, [sessionId, title]);
}
