import { WebSocket as WsClient } from 'ws';
import { expect, test } from './fixtures';

/** The status of the host's answer to a WebSocket upgrade: 101 when accepted, else the refusal. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((done, fail) => {
    const socket = new WsClient(url);
    socket.once('open', () => {
      socket.close();
      done(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      done(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) fail(error);
    });
  });
}

test('a WebSocket without the right token is refused with 401', async ({ host }) => {
  const base = host.socketUrl().split('?')[0] as string;
  expect(await upgradeStatus(base)).toBe(401);
  expect(await upgradeStatus(`${base}?token=wrong-token-wrong-token`)).toBe(401);
  expect(await upgradeStatus(`${base}?role=projector`)).toBe(401);
  expect(await upgradeStatus(host.socketUrl())).toBe(101);
});

test('a page opened without its token says so plainly', async ({ page, host }) => {
  await page.goto(host.origin);
  await expect(page.getByRole('alert')).toHaveText('Deze pagina heeft geen toegang. Open Eiland opnieuw.');
});

test('a page with a wrong token shows that it has no connection', async ({ page, host }) => {
  await page.goto(`${host.origin}?token=wrong-token-wrong-token`);
  await expect(page.getByRole('status').filter({ hasText: 'Geen verbinding' })).toBeVisible();
});
