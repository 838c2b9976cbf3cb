import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { EilandClient } from '../client';
import type { AppState, AppStore } from '../store';

interface AppServices {
  client: EilandClient;
  store: AppStore;
}

const AppContext = createContext<AppServices | null>(null);

/** Gives every component of a page the page's one client and one store. */
export function AppProvider({ client, store, children }: AppServices & { children: ReactNode }) {
  return <AppContext.Provider value={{ client, store }}>{children}</AppContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppProvider is missing');
  return services;
}

/** Reads one narrow slice of the store; the component re-renders only when that value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export function useStoreApi(): AppStore {
  return useServices().store;
}

export function useClient(): EilandClient {
  return useServices().client;
}
