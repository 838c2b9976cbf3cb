import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EilandClient, socketUrl } from '../client';
import { createAppStore } from '../store';
import { bindConnection, followWorkspace } from '../store/sync';
import { AppProvider } from '../ui/app-context';
import { readStoredLocale } from '../ui/i18n';
import { App } from './App';
import '../styles/base.css';
import '../styles/facilitator.css';

const store = createAppStore({ locale: readStoredLocale() });
const client = new EilandClient({ url: socketUrl(window.location, 'facilitator') });
bindConnection(client, store);
followWorkspace(client, store);
client.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider client={client} store={store}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}
