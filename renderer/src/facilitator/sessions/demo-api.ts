import { API_ROUTES } from '../../../../shared/http-routes';
import { type PageLocation, tokenOf } from '../../client/url';

/**
 * Asks the host to make the demo programme (POST /api/demo, facilitator token as a Bearer header
 * so it stays out of any log of addresses). The host makes it once; asking again changes nothing.
 * The new sessions reach the list the usual way, over the page's WebSocket; this only says
 * whether the host did it.
 */
export async function loadDemo(location: PageLocation, fetcher: typeof fetch = fetch): Promise<boolean> {
  const token = tokenOf(location);
  if (token === null) return false;
  try {
    const { path, method } = API_ROUTES.demo;
    const response = await fetcher(path, { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
