import { lazy, Suspense, useEffect } from 'react';
import { tokenOf } from '../client';
import { useT } from '../ui/i18n';
import { Toasts } from '../ui/Toasts';
import { useDocumentLocale } from '../ui/use-document-locale';
import { useRoute } from './route';
import { SessionsScreen } from './sessions/SessionsScreen';
import { useDesktopBridge } from './sessions/use-desktop-bridge';

/**
 * The board (Konva, the canvas, the QR code: about 40% of the page's script) loads apart from the
 * sessions list, so the first screen is usable before it is parsed; it is fetched right after the
 * first screen, so opening a session does not wait for it either.
 */
const loadBoard = () => import('./board/SessionScreen');
const SessionScreen = lazy(async () => ({ default: (await loadBoard()).SessionScreen }));

/** The facilitator window: the sessions list, or one open session. */
export function App() {
  const route = useRoute();
  const t = useT();
  useDocumentLocale('app.name');
  useDesktopBridge(route);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadBoard());
  }, []);
  // Without its token the host will never let this page in; say so instead of trying forever in silence.
  if (tokenOf(window.location) === null) {
    return (
      <main className="sessions">
        <p className="empty" role="alert">
          {t('error.unauthorized')}
        </p>
      </main>
    );
  }
  return (
    <>
      {route.screen === 'session' ? (
        <Suspense fallback={null}>
          <SessionScreen key={route.id} sessionId={route.id} />
        </Suspense>
      ) : (
        <SessionsScreen />
      )}
      <Toasts />
    </>
  );
}
