import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EilandClient, socketUrl } from '../client';
import { createAppStore } from '../store';
import { bindConnection, followWorkspace } from '../store/sync';
import { AppProvider } from '../ui/app-context';
import { LOCALE_STORAGE_KEY, readStoredLocale } from '../ui/i18n';
import { ProjectorApp } from './ProjectorApp';
import '../styles/base.css';
import '../styles/projector.css';

// The projector connects with its own role: the host sends it redacted sessions and refuses its commands.
const store = createAppStore({ locale: readStoredLocale() });
const client = new EilandClient({ url: socketUrl(window.location, 'projector') });
bindConnection(client, store);
followWorkspace(client, store);
client.start();

window.addEventListener('storage', (event) => {
  if (event.key === LOCALE_STORAGE_KEY) store.getState().setLocale(readStoredLocale());
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider client={client} store={store}>
        <ProjectorApp />
      </AppProvider>
    </StrictMode>,
  );
}
