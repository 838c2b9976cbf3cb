import { useSyncExternalStore } from 'react';

/**
 * Where the facilitator is, kept in the URL's hash so a reload (or a crash of the window) comes
 * back to the same session. The token stays in the query string, untouched by navigation.
 */
export type Route = { screen: 'sessions' } | { screen: 'session'; id: string };

const SESSION_PREFIX = '#/session/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(SESSION_PREFIX)) {
    const id = decodeURIComponent(hash.slice(SESSION_PREFIX.length));
    if (id) return { screen: 'session', id };
  }
  return { screen: 'sessions' };
}

export function routeHash(route: Route): string {
  return route.screen === 'session' ? `${SESSION_PREFIX}${encodeURIComponent(route.id)}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsed per render from a string snapshot, so the route object itself never needs to be stable.
  return parseRoute(hash);
}
