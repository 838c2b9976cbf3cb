import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

test('the projector shows the session and turns to the side in focus', async ({ page, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', {
    type: 'session.create',
    id: 'beamer',
    programmeId: null,
    title: 'Managers juni',
    group: 'Managers/leidinggevenden',
    date: '2025-06-05',
    templateId: 'lemniscaat-ik-wij-het',
  });
  await socket.command('beamer', { type: 'note.add', id: 'p1', zoneId: 'het', text: 'Monitoring, effectiviteit en ervaringen', x: 1180, y: 560 });
  await socket.command('beamer', { type: 'note.add', id: 'p2', zoneId: 'wij', text: 'Samen de visie eigen maken', x: 420, y: 560 });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.pageUrl('projector.html'));
  const stage = page.locator('main.projector');
  await expect(stage.locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/projector-whole.png' });

  await socket.command('beamer', { type: 'focus.set', zoneId: 'het' });
  await expect(stage).toHaveAttribute('data-focus', 'het');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/projector-focus-het.png' });

  await socket.command('beamer', { type: 'focus.set', zoneId: null });
  await expect(stage).toHaveAttribute('data-focus', '');
  socket.close();
});

for (const templateId of ['creatielemniscaat', 'dynamische-oordeelsvorming']) {
  test(`the projector draws the ${templateId} model`, async ({ page, host }) => {
    const socket = await HostSocket.open(host.socketUrl());
    await socket.command('workspace', {
      type: 'session.create',
      id: templateId,
      programmeId: null,
      title: templateId,
      group: 'Stuurgroep',
      date: '2025-06-11',
      templateId,
    });
    const session = await socket.session(templateId);
    const first = session.template.zones[0];
    if (!first) throw new Error('A template without zones');
    await socket.command(templateId, { type: 'note.add', id: 'n1', zoneId: first.id, text: 'Een eerste notitie', x: first.area.x, y: first.area.y });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(host.pageUrl('projector.html', { session: templateId }));
    await expect(page.locator('main.projector canvas').first()).toBeVisible();
    await page.screenshot({ path: `test-results/projector-${templateId}.png` });
    socket.close();
  });
}

test('without ?session the projector follows the session the facilitator opens', async ({ context, host }) => {
  const socket = await HostSocket.open(host.socketUrl());
  for (const [id, title] of [['older', 'Eerste sessie'], ['newer', 'Tweede sessie']]) {
    await socket.command('workspace', { type: 'session.create', id, programmeId: null, title, group: '', date: '2025-06-02', templateId: 'lemniscaat-ik-wij-het' });
  }
  socket.close();
  const projector = await context.newPage();
  await projector.goto(host.pageUrl('projector.html'));
  await expect(projector.locator('main.projector')).toHaveAttribute('data-session', 'newer');

  const facilitator = await context.newPage();
  await facilitator.goto(host.pageUrl());
  await facilitator.getByRole('listitem').filter({ hasText: 'Eerste sessie' }).getByRole('link', { name: 'Openen' }).click();
  await expect(projector.locator('main.projector')).toHaveAttribute('data-session', 'older');
});
