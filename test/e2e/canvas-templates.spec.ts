import type { Page } from '@playwright/test';
import type { Note, SessionState } from '../../shared/domain';
import { findTemplate, ZONE_COLORS } from '../../shared/templates';
import { at, drag, hostHas, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

/** Notes as the groups of the memo wrote them, per side of each template. */
const WORDS: Record<string, Record<string, string[]>> = {
  'lemniscaat-ik-wij-het': {
    wij: ['Mensen kennen elkaar en leren van elkaar', 'Visie samen handen en voeten geven', 'Organisaties doen graag mee aan pilots', 'Korte lijnen tussen de partners'],
    ik: ['Geen kind langdurig in armoede: dat drijft mij', 'Ruimte om te leren'],
    het: ['Helder ritme van plannen, doen, checken en bijstellen', 'Monitoring: wat willen we weten?', 'Per partner één aanspreekpunt', 'Bestaande interventies in kaart brengen, zodat we weten wat er al is en wat nog ontbreekt in de wijk'],
  },
  creatielemniscaat: {
    zij: ['Kinderen en gezinnen in armoede', 'Gelijke kansen voor elk kind'],
    ik: ['Ik wil mensen verbinden', 'Mijn netwerk inzetten'],
    wij: ['Samen met 51 organisaties', 'Ervaringsdeskundigen aan tafel'],
    het: ['Pilots in drie wijken', 'Elk kwartaal samen terugkijken'],
  },
  'dynamische-oordeelsvorming': {
    feiten: ['Twaalf pilots gestart', 'Minder uitval bij jongeren'],
    begrippen: ['Samenwerken kost tijd', 'Vertrouwen groeit langzaam'],
    inzicht: ['Klein beginnen werkt'],
    doelen: ['Elk kind een sportclub'],
    middelen: ['Budget van de gemeente', 'Vrijwilligers uit de wijk'],
    besluit: ['Start in september', 'Eén coördinator'],
  },
};

/** Spots inside a zone's ellipse, as fractions of its radii, far enough apart that notes do not overlap. */
const SPOTS: Record<number, [number, number][]> = {
  1: [[0, 0.05]],
  2: [[-0.5, 0.02], [0.55, 0.08]],
  4: [[-0.45, -0.35], [0.2, -0.4], [-0.4, 0.38], [0.25, 0.3]],
};
const TALL_SPOTS: [number, number][] = [[0, -0.42], [0, 0.3]];

function notesFor(templateId: string): Partial<Note>[] {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  return template.zones.flatMap((zone) => {
    const words = WORDS[templateId]?.[zone.id] ?? [];
    const spots = zone.area.ry > zone.area.rx * 1.5 ? TALL_SPOTS : (SPOTS[words.length] ?? SPOTS[4] ?? []);
    return words.map((text, index) => {
      const [fx, fy] = spots[index] ?? [0, 0];
      return { id: `${zone.id}-${index}`, zoneId: zone.id, text, x: Math.round(zone.area.x + fx * zone.area.rx), y: Math.round(zone.area.y + fy * zone.area.ry) };
    });
  });
}

/** The projector, as the room sees it on the wall (16:9, a beamer's shape). */
async function projector(page: Page, origin: string, sessionId: string, count: number, contrast = false): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 900 });
  const params = new URLSearchParams({ token: new URL(origin).searchParams.get('token') ?? '', session: sessionId, ...(contrast ? { contrast: 'high' } : {}) });
  await page.goto(`${new URL(origin).origin}/projector.html?${params.toString()}`);
  await expect(page.locator('main.projector')).toHaveAttribute('data-notes-drawn', String(count));
  await expect(page.locator('main.projector')).toHaveAttribute('data-contrast', contrast ? 'high' : 'calm');
  await page.waitForTimeout(300);
}

for (const [templateId, file] of [
  ['lemniscaat-ik-wij-het', 'template-lemniscaat'],
  ['creatielemniscaat', 'template-creatie'],
  ['dynamische-oordeelsvorming', 'template-oordeelsvorming'],
] as const) {
  test(`the ${templateId} model with notes, on the facilitator's board and on the wall`, async ({ page, host }) => {
    const notes = notesFor(templateId);
    const socket = await sessionWith(host, templateId, templateId, notes);
    // One group and one recoloured note, so the pictures show what a real session looks like.
    const [first, second] = notes.filter((note) => note.zoneId === notes.at(-1)?.zoneId);
    if (first?.id && second?.id) await socket.command(templateId, { type: 'cluster.create', id: 'g1', title: 'Wat we al zien', noteIds: [first.id, second.id] });
    await socket.command(templateId, { type: 'note.recolor', ids: [notes[0]?.id], color: ZONE_COLORS.yellow });

    await page.setViewportSize({ width: 1600, height: 1000 });
    await openBoard(page, host, templateId, notes.length);
    await page.screenshot({ path: `test-results/${file}-board.png` });

    await projector(page, host.pageUrl(), templateId, notes.length);
    await page.screenshot({ path: `test-results/${file}.png` });
    // The README's pictures are refreshed on request only, so a normal run leaves the work tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOT) await page.screenshot({ path: `docs/${file}.png` });
    if (templateId === 'lemniscaat-ik-wij-het') {
      await projector(page, host.pageUrl(), templateId, notes.length, true);
      await page.screenshot({ path: `test-results/${file}-contrast.png` });
    }
    socket.close();
  });
}

/** The smallest PNG there is: a real picture for the file field. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('the model is edited: names, colours, questions, a picture, zones moved on the canvas, and saved for the next session', async ({ page, host }) => {
  const socket = await sessionWith(host, 'eigen', 'lemniscaat-ik-wij-het');
  await socket.command('workspace', { type: 'programme.create', id: 'prog1', name: 'Alliantie tegen armoede' });
  await openBoard(page, host, 'eigen', 0);
  await page.getByRole('button', { name: 'Model aanpassen' }).click();
  const panel = page.getByTestId('template-panel');
  await expect(panel).toBeVisible();

  await panel.getByTestId('zone-name-wij').fill('WIJ samen');
  await panel.getByTestId('zone-name-wij').press('Enter');
  await hostHas(socket, 'eigen', (s) => s.template.zones.find((z) => z.id === 'wij')?.name, 'WIJ samen');
  await panel.getByRole('group', { name: 'Kleur van WIJ samen' }).getByTitle('Roze').click();
  await hostHas(socket, 'eigen', (s) => s.template.zones.find((z) => z.id === 'wij')?.color, ZONE_COLORS.purple);
  await panel.getByLabel('Vraag').first().fill('Hoe werken we samen?');
  await panel.getByLabel('Vraag').first().blur();
  await hostHas(socket, 'eigen', (s) => s.template.zones.find((z) => z.id === 'wij')?.question, 'Hoe werken we samen?');

  // A file that only calls itself a picture is refused; a real one goes behind the zones.
  await panel.getByTestId('picture-input').setInputFiles({ name: 'model.png', mimeType: 'image/png', buffer: Buffer.from('geen plaatje') });
  await expect(panel.getByRole('alert')).toHaveText('Dit is geen PNG-, JPEG- of SVG-plaatje.');
  await panel.getByTestId('picture-input').setInputFiles({ name: 'model.png', mimeType: 'image/png', buffer: TINY_PNG });
  await hostHas(socket, 'eigen', (s) => s.template.background?.slice(0, 22), 'data:image/png;base64,');

  // While the editor is open, a zone moves by its body and grows by the dot on its edge.
  await drag(page, await at(page, 1180, 500), await at(page, 1220, 520));
  await hostHas(socket, 'eigen', (s) => s.template.zones.find((z) => z.id === 'het')?.area, { x: 1220, y: 520, rx: 300, ry: 270 });
  await drag(page, await at(page, 1220 - 300, 520), await at(page, 1220 - 340, 520));
  await hostHas(socket, 'eigen', (s) => s.template.zones.find((z) => z.id === 'het')?.area.rx, 340);
  await page.screenshot({ path: 'test-results/canvas-template-editor.png' });

  // Saved with the programme, it is offered when the next session is made.
  await panel.getByRole('button', { name: 'Model bewaren' }).click();
  await expect(page.getByText('Het model "Lemniscaat IK · WIJ · HET (eigen versie)" is bewaard.')).toBeVisible();
  await expect.poll(async () => (await socket.workspace()).programmes.prog1?.templates?.map((t) => t.zones[0]?.name)).toEqual(['WIJ samen']);
  await panel.getByRole('button', { name: 'Klaar' }).click();
  await expect(panel).toBeHidden();

  await page.getByRole('link', { name: /Terug naar sessies/ }).click();
  await page.getByRole('button', { name: 'Nieuwe sessie' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe sessie' });
  await dialog.getByLabel('Titel').fill('Stuurgroep najaar');
  await dialog.getByText('Lemniscaat IK · WIJ · HET (eigen versie)').click();
  // The saved model's picture is drawn from its edited zones: three, the HET side moved.
  await expect(dialog.locator('[data-testid^="saved-template-"] svg.model-thumbnail ellipse')).toHaveCount(3);
  await expect(dialog.locator('[data-testid^="saved-template-"] svg.model-thumbnail ellipse').nth(2)).toHaveAttribute('rx', '340');
  await page.screenshot({ path: 'test-results/canvas-template-new-session.png' });
  await dialog.getByRole('button', { name: 'Sessie maken' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Stuurgroep najaar' })).toBeVisible();
  const made = Object.values((await socket.workspace()).sessions).find((meta) => meta.title === 'Stuurgroep najaar');
  if (!made) throw new Error('the session was not made');
  const state: SessionState = await socket.session(made.id);
  expect(state.template.zones.map((zone) => zone.name)).toEqual(['WIJ samen', 'IK-kant', 'HET-kant']);
  expect(state.template.zones.find((zone) => zone.id === 'het')?.area).toEqual({ x: 1220, y: 520, rx: 340, ry: 270 });
  expect(state.template.background?.startsWith('data:image/png;base64,')).toBe(true);
  socket.close();
});
