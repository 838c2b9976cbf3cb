import { openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

// Undo survives a restart (issue 17, item 9): the facilitator's history is kept with the session,
// so after the host is killed (kill -9, no goodbye) and started again, Ctrl+Z on a reopened page
// still takes back what was done before, and a phone's note is never part of it.

test('after the host is killed and started again, Ctrl+Z takes back the moves made before, not a phone’s note', async ({ page, host }) => {
  const socket = await sessionWith(host, 'herstart', 'lemniscaat-ik-wij-het', [{ id: 'a', zoneId: 'wij', text: 'Elkaar kennen', x: 330, y: 420 }]);
  const code = await socket.openRoom('herstart');
  const phone = await HostSocket.joinRoom(host.origin, code, 'Anna');
  await openBoard(page, host, 'herstart', 1);

  // Two moves by the facilitator's keyboard (the cursor's note, picked, moved with Ctrl+arrows).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+ArrowRight');
  await expect.poll(async () => (await socket.session('herstart')).notes.a?.x).toBe(340);
  await page.keyboard.press('Control+ArrowDown');
  await expect.poll(async () => (await socket.session('herstart')).notes.a?.y).toBe(430);
  await phone.command('herstart', { type: 'note.add', id: 'p1', zoneId: 'het', text: 'Van de telefoon' });
  phone.close();
  socket.close();

  await host.kill();
  await expect(page.getByRole('status').filter({ hasText: 'Geen verbinding' })).toBeVisible();
  await host.start();
  await openBoard(page, host, 'herstart', 2);
  await page.screenshot({ path: test.info().outputPath('undo-after-restart.png') });

  const check = await HostSocket.open(host.socketUrl());
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await check.session('herstart')).notes.a?.y).toBe(420);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await check.session('herstart')).notes.a?.x).toBe(330);
  // The phone's note is not the facilitator's to take back: it stays.
  expect((await check.session('herstart')).notes.p1?.text).toBe('Van de telefoon');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await check.session('herstart')).notes.a?.x).toBe(340);
  check.close();
});
