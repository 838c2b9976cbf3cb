import type { Locator, Page } from '@playwright/test';
import type { SessionState } from '../../shared/domain';
import { openBoard } from './canvas-support';
import { expect, test } from './fixtures';
import { HostSocket } from './host-socket';

// Fewer actions (issue 17, item 7): a standard session (three sides, 30 notes from phones, 6
// groups, 6 attention points, voting, ingredients) run through the facilitator's real page, every
// click and key counted. Typing a text and its Enter would count as one, but the facilitator types
// nothing here: the phones write. Setting the session up (its name, its model) is not counted.

const SESSION = 'standaard';
const BUDGET = 40;

/** Per side: four notes about one thing, three about another, three on their own. */
const NOTES: Record<string, string[]> = {
  wij: [
    'Samenwerking met de gemeente',
    'Samenwerking over schotten heen',
    'Samenwerking kost tijd',
    'Betere samenwerking in de wijk',
    'Een gedeelde visie op de wijk',
    'Visie vertalen naar de praktijk',
    'Wie bewaakt de visie?',
    'Korte lijnen',
    'Vertrouwen groeit langzaam',
    'Humor helpt',
  ],
  ik: [
    'Ik krijg energie van dit netwerk',
    'Energie lekt weg in vergaderingen',
    'Mijn energie zit in de uitvoering',
    'Waar haal ik energie uit?',
    'Mijn talent is verbinden',
    'Talent van jonge collega’s benutten',
    'Welk talent zet ik in?',
    'Te weinig uren naast mijn taken',
    'Ik durf meer te vragen',
    'Plezier houden',
  ],
  het: [
    'Monitoring van de resultaten',
    'Monitoring kost veel moeite',
    'Wie doet de monitoring?',
    'Monitoring delen met partners',
    'Een gezamenlijke planning',
    'De planning is te krap',
    'Planning per kwartaal bijstellen',
    'Evaluatie met bewoners',
    'Budget is onduidelijk',
    'Afspraken vastleggen',
  ],
};
const PHONES = ['Anna', 'Bram', 'Chris', 'Dewi', 'Eva', 'Fatima'];

/** The facilitator's hands: every click and key goes through here and is written down. */
class Counted {
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}

  async press(key: string, why: string): Promise<void> {
    this.log.push(`${key} — ${why}`);
    await this.page.keyboard.press(key);
  }

  async click(target: Locator, why: string): Promise<void> {
    this.log.push(`klik — ${why}`);
    await target.click();
  }
}

async function phase(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId('flow-panel')).toHaveAttribute('data-phase', id);
}

test('a standard session takes at most 40 facilitator actions, counted and printed', async ({ page, host }) => {
  test.setTimeout(180_000);
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id: SESSION, programmeId: null, title: 'Programmateam juni', group: 'Programmateam', date: '2025-06-02', templateId: 'lemniscaat-ik-wij-het' });
  await openBoard(page, host, SESSION, 0);
  const hands = new Counted(page);
  const session = () => socket.session(SESSION);

  // The room opens, and six phones join (their own work, not the facilitator's).
  await hands.click(page.getByTestId('room-button'), 'Ruimte');
  const panel = page.getByTestId('room-panel');
  await hands.click(panel.getByTestId('room-open'), 'Ruimte openen');
  const code = await joinCode(panel);
  await hands.press('Escape', 'paneel van de ruimte dicht');
  const phones = await Promise.all(PHONES.map((name) => HostSocket.joinRoom(host.origin, code, name)));

  await hands.press('PageDown', 'beginnen: inchecken');
  await phase(page, 'checkin');
  const order = (await session()).template.zones.map((zone) => zone.id);
  for (const zoneId of order) {
    await hands.press('PageDown', `wat gaat goed · ${zoneId}`);
    await phase(page, `observation-${zoneId}`);
    await hands.press('PageDown', `notities · ${zoneId}`);
    await phase(page, `notes-${zoneId}`);
    for (const [index, text] of (NOTES[zoneId] ?? []).entries()) {
      await phones[index % phones.length]?.command(SESSION, { type: 'note.add', id: `${zoneId}-${index}`, zoneId, text });
    }
    await expect.poll(async () => Object.values((await session()).notes).filter((note) => note.zoneId === zoneId).length).toBe(10);
    await hands.press('PageDown', `thema's maken · ${zoneId}`);
    await phase(page, `clustering-${zoneId}`);
    // The two proposals that share the most notes; the phones' notes had no place to pile.
    for (let made = 1; made <= 2; made++) {
      await hands.click(page.getByTestId('suggestion-accept').first(), `voorstel voor een groep aannemen · ${zoneId}`);
      await expect.poll(async () => Object.values((await session()).clusters).filter((cluster) => cluster.zoneId === zoneId).length).toBe(made);
    }
    await hands.press('PageDown', `aandachtspunten · ${zoneId}`);
    await phase(page, `attention-${zoneId}`);
    for (let made = 1; made <= 2; made++) {
      await hands.click(page.getByTestId('attention-editor').locator('.flow-from-clusters button').first(), `groep wordt aandachtspunt · ${zoneId}`);
      await expect.poll(async () => Object.values((await session()).attentionPoints).filter((point) => point.zoneId === zoneId).length).toBe(made);
    }
    await page.screenshot({ path: test.info().outputPath(`standard-session-${zoneId}.png`) });
  }

  await hands.press('PageDown', 'stemmen');
  await phase(page, 'voting');
  await hands.press('s', 'stemmen openen');
  await expect.poll(async () => (await session()).flow.votingOpen).toBe(true);
  const points = Object.values((await session()).attentionPoints).sort((a, b) => a.order - b.order);
  // Each phone gives its three dots: four phones to the first three points, two to the others.
  for (const [phoneIndex, phone] of phones.entries()) {
    for (let dot = 0; dot < 3; dot++) {
      const point = points[phoneIndex < 4 ? dot : 3 + dot];
      await phone.command(SESSION, { type: 'vote.cast', id: `v${phoneIndex}-${dot}`, attentionPointId: point?.id });
    }
  }
  await hands.press('u', 'uitslag laten zien (sluit het stemmen)');
  await expect.poll(async () => (await session()).flow.votesRevealed).toBe(true);
  await page.screenshot({ path: test.info().outputPath('standard-session-result.png') });
  const ranked = ranking(await session());
  for (const point of ranked.slice(0, 3)) await hands.click(page.getByTestId(`choose-${point.id}`), `kiezen: ${point.title}`);
  await expect.poll(async () => Object.values((await session()).attentionPoints).filter((point) => point.chosen).length).toBe(3);

  await hands.press('PageDown', 'ingrediënten');
  await phase(page, 'ingredients');
  for (const [index, point] of ranked.slice(0, 3).entries()) {
    for (let item = 0; item < 2; item++) {
      await phones[(index + item) % phones.length]?.command(SESSION, { type: 'ingredient.add', id: `i${index}-${item}`, attentionPointId: point.id, text: `Ingrediënt ${item + 1} voor ${point.title}` });
    }
  }
  await expect(page.getByTestId('ingredients-editor').locator('.flow-list li')).toHaveCount(6);
  await page.screenshot({ path: test.info().outputPath('standard-session-ingredients.png') });
  await hands.press('PageDown', 'overig genoemd');
  await phase(page, 'other');
  await hands.press('PageDown', 'afsluiten');
  await phase(page, 'closing');
  await page.screenshot({ path: test.info().outputPath('standard-session-closing.png') });

  const done = await session();
  expect(Object.keys(done.notes)).toHaveLength(30);
  expect(Object.keys(done.clusters)).toHaveLength(6);
  expect(Object.keys(done.attentionPoints)).toHaveLength(6);
  expect(Object.keys(done.votes)).toHaveLength(18);
  expect(Object.keys(done.ingredients)).toHaveLength(6);
  console.log(`Standaardsessie: ${hands.log.length} handelingen van de facilitator (hoogstens ${BUDGET}):\n${hands.log.map((line, index) => `${String(index + 1).padStart(2)}. ${line}`).join('\n')}`);
  await test.info().attach('handelingen.txt', { body: hands.log.join('\n'), contentType: 'text/plain' });
  expect(hands.log.length).toBeLessThanOrEqual(BUDGET);
  for (const phone of phones) phone.close();
  socket.close();
});

async function joinCode(panel: Locator): Promise<string> {
  const joinUrl = await panel.locator('svg[data-qr]').getAttribute('data-qr');
  if (!joinUrl) throw new Error('no QR code on the panel');
  const url = new URL(joinUrl);
  const code = url.searchParams.get('code') ?? url.hash.replace(/^#/, '').split('=').pop() ?? '';
  if (code === '') throw new Error(`no code in ${joinUrl}`);
  return code;
}

/** The points by their dots, most first, as the result shows them. */
function ranking(state: SessionState): { id: string; title: string }[] {
  const dots = new Map<string, number>();
  for (const vote of Object.values(state.votes)) dots.set(vote.attentionPointId, (dots.get(vote.attentionPointId) ?? 0) + 1);
  return Object.values(state.attentionPoints).sort((a, b) => (dots.get(b.id) ?? 0) - (dots.get(a.id) ?? 0) || a.order - b.order);
}
