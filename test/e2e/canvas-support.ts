import type { Page } from '@playwright/test';
import { CLUSTER, clusterRegion } from '../../renderer/src/canvas/cluster-geometry';
import type { Cluster, Note, SessionState } from '../../shared/domain';
import { expect, type HostHandle, worldToPage } from './fixtures';
import { HostSocket } from './host-socket';

/** A session made through the host's protocol, as another window would; the socket stays open to check the host. */
export async function sessionWith(host: HostHandle, id: string, templateId: string, notes: readonly Partial<Note>[] = []): Promise<HostSocket> {
  const socket = await HostSocket.open(host.socketUrl());
  await socket.command('workspace', { type: 'session.create', id, programmeId: null, title: `Sessie ${id}`, group: 'Programmateam', date: '2025-06-02', templateId });
  for (const note of notes) await socket.command(id, { type: 'note.add', ...note });
  return socket;
}

/** Opens the facilitator page on a session and waits until its notes layer has drawn them all. */
export async function openBoard(page: Page, host: HostHandle, id: string, notes: number): Promise<void> {
  await page.goto(`${host.pageUrl()}#/session/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('board')).toHaveAttribute('data-notes-drawn', String(notes));
}

/** Presses, moves in steps and lets go: a real drag, as a hand does it. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, modifiers: 'Shift'[] = []): Promise<void> {
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  for (const key of modifiers) await page.keyboard.up(key);
}

export async function at(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return worldToPage(page, { x, y });
}

/** Where a cluster's title band is on the page, from the host's own state. */
export async function clusterTitle(page: Page, state: SessionState, cluster: Cluster): Promise<{ x: number; y: number }> {
  const region = clusterRegion(cluster, Object.values(state.notes).filter((note) => note.clusterId === cluster.id));
  return worldToPage(page, { x: region.x + region.width / 2, y: region.y + CLUSTER.titleHeight / 2 });
}

/** Polls the host until `read` gives the expected value. */
export async function hostHas<T>(socket: HostSocket, id: string, read: (state: SessionState) => T, expected: T): Promise<void> {
  await expect.poll(async () => read(await socket.session(id)), { timeout: 10_000 }).toEqual(expected);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DrawnLabel {
  zoneId: string;
  name: Box;
  question: Box;
  backing: Box;
}

/** The labels as drawn, in page pixels, read from the board's Konva stage (its nodes are named for this). */
export async function drawnLabels(page: Page, container = '[data-testid="board"]'): Promise<DrawnLabel[]> {
  return page.evaluate((selector) => {
    type Rect = { x: number; y: number; width: number; height: number };
    type KonvaNode = { getClientRect(): Rect; getAttr(name: string): unknown; findOne(selector: string): KonvaNode | undefined };
    type KonvaStage = { container(): HTMLElement; find(selector: string): KonvaNode[] };
    const konva = (window as unknown as { Konva: { stages: KonvaStage[] } }).Konva;
    const holder = document.querySelector(selector);
    const stage = konva.stages.find((candidate) => holder?.contains(candidate.container()));
    if (!stage) throw new Error(`no stage in ${selector}`);
    const origin = stage.container().getBoundingClientRect();
    const onPage = (node: KonvaNode | undefined): Rect => {
      if (!node) throw new Error('a label part is missing');
      const rect = node.getClientRect();
      return { x: origin.x + rect.x, y: origin.y + rect.y, width: rect.width, height: rect.height };
    };
    return stage.find('.zone-label').map((group) => ({
      zoneId: String(group.getAttr('zoneId')),
      name: onPage(group.findOne('.zone-label-name')),
      question: onPage(group.findOne('.zone-label-question')),
      backing: onPage(group.findOne('.zone-label-backing')),
    }));
  }, container);
}

export const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
