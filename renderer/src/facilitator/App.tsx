import { tokenOf } from '../client';
import { useT } from '../ui/i18n';
import { Toasts } from '../ui/Toasts';
import { useDocumentLocale } from '../ui/use-document-locale';
import { SessionScreen } from './board/SessionScreen';
import { useRoute } from './route';
import { SessionsScreen } from './sessions/SessionsScreen';
import { useDesktopBridge } from './sessions/use-desktop-bridge';

/** The facilitator window: the sessions list, or one open session. */
export function App() {
  const route = useRoute();
  const t = useT();
  useDocumentLocale('app.name');
  useDesktopBridge(route);
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
      {route.screen === 'session' ? <SessionScreen key={route.id} sessionId={route.id} /> : <SessionsScreen />}
      <Toasts />
    </>
  );
}
