import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/domain';
import { tempDataDir } from '../support/host-harness';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../support/host-process';
import { sessionCreate } from '../support/payloads';
import { openRoom, TestClient } from '../support/ws-client';

/**
 * The facilitator's undo history survives the host: after kill -9 and a new start on the same data,
 * undo and redo go on where they were, and never touch what a phone wrote.
 */
const token = randomBytes(16).toString('hex');
const SESSION = 'terug';

describe('undo after a restart', () => {
  let bundle: HostBundle;
  let dataDir: string;
  let host: HostProcess;
  let facilitator: TestClient;

  const must = async (command: Record<string, unknown> & { type: string }) => {
    const answer = await facilitator.command(SESSION, command);
    expect(answer, JSON.stringify(answer)).toMatchObject({ t: 'ack' });
  };
  const state = async (): Promise<SessionState> => {
    const reader = await TestClient.facilitator(host.url, token);
    const snapshot = await reader.subscribe(SESSION);
    reader.close();
    if (snapshot.t !== 'snapshot') throw new Error(JSON.stringify(snapshot));
    return snapshot.state as SessionState;
  };

  beforeAll(async () => {
    bundle = await buildHostBundle();
    dataDir = tempDataDir('eiland-history-');
    host = await spawnHost(bundle.file, dataDir, token);
    facilitator = await TestClient.facilitator(host.url, token);
    expect((await facilitator.command('workspace', sessionCreate(SESSION, 'Terugblik'))).t).toBe('ack');
  }, 60_000);

  afterAll(async () => {
    facilitator?.close();
    await host?.stop();
    bundle?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('undoes and redoes the steps made before kill -9, and leaves a phone’s note alone', async () => {
    await must({ type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Korte lijnen', x: 300, y: 400 });
    await must({ type: 'note.move', moves: [{ id: 'n1', x: 360, y: 430 }] });
    await must({ type: 'note.edit', id: 'n1', text: 'Korte lijnen met de gemeente' });
    await must({ type: 'history.undo' });
    const code = await openRoom(facilitator, SESSION);
    const phone = await TestClient.phone(host.url, code, 'Anna');
    expect((await phone.command(SESSION, { type: 'note.add', id: 'p1', zoneId: 'het', text: 'Van de telefoon' })).t).toBe('ack');
    phone.close();
    facilitator.close();

    await host.kill9();
    host = await spawnHost(bundle.file, dataDir, token);
    facilitator = await TestClient.facilitator(host.url, token);

    // Redo first: the edit undone before the crash comes back.
    await must({ type: 'history.redo' });
    expect((await state()).notes.n1?.text).toBe('Korte lijnen met de gemeente');
    await must({ type: 'history.undo' });
    expect((await state()).notes.n1?.text).toBe('Korte lijnen');
    await must({ type: 'history.undo' });
    expect((await state()).notes.n1).toMatchObject({ x: 300, y: 400 });
    await must({ type: 'history.undo' });
    const emptied = await state();
    expect(emptied.notes.n1).toBeUndefined();
    expect(emptied.notes.p1?.text).toBe('Van de telefoon');

    // Nothing older than the session is undone, and the phone's note stays.
    const nothing = await facilitator.command(SESSION, { type: 'history.undo' });
    expect(nothing).toMatchObject({ t: 'error', code: 'nothing_to_undo' });
    expect((await state()).notes.p1?.text).toBe('Van de telefoon');
  }, 60_000);
});
