import type { Page } from '@playwright/test';
import { NOTE } from '../../renderer/src/canvas/geometry';
import { type Box, intersects, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

/**
 * The ballot and the ranking fit the wall at both common beamer sizes for 1 to 12 points: the type
 * shrinks, never below 28 px on a 1080p wall (the same share of a 720p one), and what still does not
 * fit goes in parts that turn by themselves. The join code in its corner never covers a row.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';
const shot = (name: string) => test.info().outputPath(name);
const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }] as const;
/** Titles as groups write them (from the reference memo), some long enough to take two lines. */
const TITLES = [
  'Samen handen en voeten geven aan een visie',
  'Monitoring, effectiviteit en ervaringen',
  'Mandaat van bestuurders om samen te werken aan de aanpak van armoede in de regio',
  'What’s in it for me?',
  'Over schotten heen kijken',
  'Korte lijnen met de gemeente en de uitvoerders in de wijk',
  'Urgentie blijven voelen',
  'Inwoners betrekken bij elke stap, ook bij het evalueren van wat we samen hebben gedaan',
  'Een gedeelde taal',
  'Leren van wat niet lukte',
  'Ruimte voor experiment en voor fouten maken zonder dat het meteen afgerekend wordt',
  'Eén aanspreekpunt per partner',
];

async function rowsOf(page: Page, testId: string): Promise<{ shown: Box[]; all: number; fontPx: number }> {
  const list = page.getByTestId(testId).locator('ol, ul').first();
  const items = list.locator('li');
  const shown: Box[] = [];
  for (const item of await items.all()) {
    if (!(await item.isVisible())) continue;
    const box = await item.boundingBox();
    if (box) shown.push(box);
  }
  const fontPx = await list.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  return { shown, all: await items.count(), fontPx };
}

/**
 * Turns the wall's parts (page clock) until part `part` is up. A late change of the room (the join
 * code arriving in its corner) fits the list again and starts at part 1, so this asks rather than counts.
 */
async function showPart(page: Page, part: number, pages: number): Promise<void> {
  if (pages < 2) return;
  const counter = page.getByTestId('projector-page');
  await expect
    .poll(async () => {
      if (Number(await counter.getAttribute('data-page')) !== part + 1) await page.clock.runFor(10_500);
      return Number(await counter.getAttribute('data-page'));
    })
    .toBe(part + 1);
}

async function expectFits(page: Page, testId: string, size: { width: number; height: number }, points: number): Promise<void> {
  const wall = { x: 0, y: 0, ...size };
  const corner = await page.getByTestId('join-corner').boundingBox();
  expect(corner, 'the join code is in its corner').not.toBeNull();
  const seen = new Set<number>();
  const counter = page.getByTestId('projector-page');
  const pages = (await counter.count()) === 0 ? 1 : Number(await counter.getAttribute('data-pages'));
  for (let part = 0; part < pages; part++) {
    await showPart(page, part, pages);
    const { shown, all, fontPx } = await rowsOf(page, testId);
    expect(all).toBe(points);
    // Readable from the back: 28 px on a 1080p wall, the same share of a smaller one.
    expect(fontPx, `${testId} type at ${size.width}`).toBeGreaterThanOrEqual(Math.floor((28 * size.height) / 1080));
    for (const box of shown) {
      expect(box.y + box.height, `${testId} at ${size.width}: a row runs off the wall`).toBeLessThanOrEqual(size.height);
      expect(intersects(box, wall)).toBe(true);
      if (corner) expect(intersects(box, corner), `${testId} at ${size.width}: the join code covers a row`).toBe(false);
    }
    const indexes = await page.getByTestId(testId).locator('li').evaluateAll((items) => items.flatMap((item, index) => ((item as HTMLElement).hidden ? [] : [index])));
    for (const index of indexes) seen.add(index);
  }
  // Across its parts the wall shows every point once.
  expect(seen.size, `${testId} at ${size.width}: every point is shown`).toBe(points);
}

for (const points of [1, 6, 12]) {
  test(`the ballot and the ranking of ${points} point${points === 1 ? '' : 's'} fit both beamer sizes`, async ({ page, host }) => {
    test.setTimeout(90_000);
    const id = `fit-${points}`;
    const socket = await sessionWith(host, id, 'lemniscaat-ik-wij-het');
    const zones = ['wij', 'ik', 'het'];
    for (const [index, title] of TITLES.slice(0, points).entries()) await socket.command(id, { type: 'attention.add', id: `p${index}`, zoneId: zones[index % 3], title });
    // The room opens first: the join code is large until the first working phase, then in its corner.
    const code = await socket.openRoom(id, '127.0.0.2');
    await socket.command(id, { type: 'phase.set', phaseId: 'voting' });
    await socket.command(id, { type: 'voting.open', open: true });
    const phones = await Promise.all(['Anna', 'Bram'].map((name) => HostSocket.joinRoom(host.origin, code, name)));
    for (const [index, phone] of phones.entries()) {
      for (let dot = 0; dot < Math.min(3, points); dot++) await phone.command(id, { type: 'vote.cast', id: `v${index}-${dot}`, attentionPointId: `p${(index + dot) % points}` });
    }
    await page.clock.install();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(host.pageUrl('projector.html', { session: id }));
      await expect(page.getByTestId('projector-ballot')).toBeVisible();
      await expect(page.getByTestId('join-corner')).toBeVisible();
      await expectFits(page, 'projector-ballot', size, points);
      await page.screenshot({ path: shot(`ballot-${points}-${size.width}.png`) });
    }
    await socket.command(id, { type: 'voting.reveal', revealed: true });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(host.pageUrl('projector.html', { session: id }));
      await expect(page.getByTestId('projector-ranking')).toBeVisible();
      await expectFits(page, 'projector-ranking', size, points);
      await page.screenshot({ path: shot(`ranking-${points}-${size.width}.png`) });
    }
    for (const phone of phones) phone.close();
    socket.close();
  });
}

test('forty notes of one side fill the wall as cards, readable at both beamer sizes; a few spread notes stay on the model', async ({ page, host }) => {
  test.setTimeout(120_000);
  const id = 'wall-40';
  const socket = await sessionWith(host, id, 'lemniscaat-ik-wij-het');
  // As phones drop them: at random spots near the middle of the side, many on top of each other.
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let index = 0; index < 40; index++) {
    const text = `${TITLES[index % TITLES.length]} (${index + 1})`;
    await socket.command(id, { type: 'note.add', id: `n${index}`, zoneId: 'wij', text, x: Math.round(420 + (random() - 0.5) * 300), y: Math.round(500 + (random() - 0.5) * 240) });
  }
  await socket.command(id, { type: 'cluster.create', id: 'c1', title: 'Elkaar kennen', noteIds: ['n0', 'n1', 'n2', 'n3'], x: 420, y: 300 });
  await socket.openRoom(id, '127.0.0.2');
  await socket.command(id, { type: 'phase.set', phaseId: 'clustering-wij' });
  await socket.command(id, { type: 'timer.control', action: 'set', durationMs: 5 * 60_000 });
  await page.clock.install();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(host.pageUrl('projector.html', { session: id }));
    const wall = page.getByTestId('notes-wall');
    await expect(wall).toBeVisible();
    await expect(wall.locator('li.pflow-wall-note')).toHaveCount(40);
    const obstacles = (await Promise.all(['projector-phase', 'projector-timer', 'join-corner'].map((name) => page.getByTestId(name).boundingBox()))).filter((box): box is Box => box !== null);
    expect(obstacles).toHaveLength(3);
    const area = await wall.boundingBox();
    if (!area) throw new Error('no wall');
    const seen = new Set<string>();
    const counter = page.getByTestId('projector-page');
    const pages = (await counter.count()) === 0 ? 1 : Number(await counter.getAttribute('data-pages'));
    for (let part = 0; part < pages; part++) {
      await showPart(page, part, pages);
      const cards = await wall.locator('li.pflow-wall-note:visible').evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect();
          return { id: item.getAttribute('data-note') ?? '', font: Number.parseFloat(getComputedStyle(item).fontSize), box: { x: box.x, y: box.y, width: box.width, height: box.height }, clipped: item.scrollHeight > item.clientHeight + 1, sh: item.scrollHeight, ch: item.clientHeight, text: item.textContent };
        }),
      );
      for (const [index, card] of cards.entries()) {
        seen.add(card.id);
        // 24 px on a 1080p wall, 16 px on 720p.
        expect(card.font, `note type at ${size.width}`).toBeGreaterThanOrEqual(Math.floor((24 * size.height) / 1080));
        expect(card.clipped, `${card.id}: its words are cut ${card.sh} > ${card.ch} ${card.text}`).toBe(false);
        expect(card.box.y + card.box.height, `${card.id} runs off the wall`).toBeLessThanOrEqual(area.y + area.height + 0.5);
        for (const obstacle of obstacles) expect(intersects(card.box, obstacle), `${card.id} at ${size.width} is covered`).toBe(false);
        for (const other of cards.slice(index + 1)) expect(intersects(card.box, other.box), `${card.id} over ${other.id}`).toBe(false);
      }
      if (part === 0) await page.screenshot({ path: shot(`notes-wall-40-${size.width}.png`) });
    }
    expect(seen.size, `every note is on the wall at ${size.width}`).toBe(40);
    // The cluster's title heads its notes; the notes in no group follow under their own heading.
    await expect(wall.locator('li.pflow-wall-title')).toHaveText(['Elkaar kennen (4 notities)', 'Nog in geen groep (36 notities)']);
    const order = await wall.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-note') ?? 'title'));
    expect(order[0]).toBe('title');
    expect(order.slice(1, 5).sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(order[5]).toBe('title');
  }

  // A few notes that lie apart are read on the model itself.
  for (let index = 4; index < 40; index++) await socket.command(id, { type: 'note.delete', ids: [`n${index}`] });
  await socket.command(id, { type: 'cluster.ungroup', id: 'c1' });
  const spread = [[300, 420], [520, 420], [300, 580], [520, 580]] as const;
  await socket.command(id, { type: 'note.move', moves: spread.map(([x, y], index) => ({ id: `n${index}`, x, y })) });
  await page.setViewportSize(SIZES[0]);
  await page.goto(host.pageUrl('projector.html', { session: id }));
  await expect(page.locator('main.projector')).toHaveAttribute('data-notes-drawn', '4');
  await expect(page.getByTestId('notes-wall')).toHaveCount(0);
  // The model zooms to them: their type is as large as on the wall of cards, or larger.
  await page.waitForTimeout(900);
  const scale = await page.evaluate(() => (window as unknown as { Konva: { stages: { scaleX(): number }[] } }).Konva.stages[0]?.scaleX() ?? 0);
  expect(scale * NOTE.fontSize, 'note type on the model at 1920×1080').toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: shot('notes-on-model-4-1920.png') });
  socket.close();
});
