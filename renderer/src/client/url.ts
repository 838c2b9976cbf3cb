/**
 * Where a page finds its host. The page is served by the host itself, so the WebSocket lives on
 * the same host and port; the token in the page's own URL proves which role the page may take.
 */
export interface PageLocation {
  protocol: string;
  host: string;
  search: string;
}

export type PageRole = 'facilitator' | 'projector';

export function tokenOf(location: PageLocation): string | null {
  return new URLSearchParams(location.search).get('token');
}

export function socketUrl(location: PageLocation, role: PageRole): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const params = new URLSearchParams();
  const token = tokenOf(location);
  if (token !== null) params.set('token', token);
  if (role !== 'facilitator') params.set('role', role);
  return `${scheme}://${location.host}/ws?${params.toString()}`;
}
