import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, TEST_TOKEN } from '../support/host-harness';
import { CLOSE_CODES } from '../../shared/protocol';
import { joinRoom, openRoom, socketVerdict, TestClient } from '../support/ws-client';

describe('rooms: phones join with a code', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function sessionWithRoom() {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    await facilitator.command('workspace', {
      type: 'session.create', id: 's1', programmeId: null, title: 'Managers', group: 'Managers', date: '2024-06-05', templateId: 'lemniscaat-ik-wij-het',
    });
    await facilitator.command('workspace', {
      type: 'session.create', id: 's2', programmeId: null, title: 'Stuurgroep', group: 'Stuurgroep', date: '2024-06-11', templateId: 'lemniscaat-ik-wij-het',
    });
    const code = await openRoom(facilitator, 's1');
    return { host, facilitator, code };
  }

  it('lets a phone join, add a note, and edit only its own', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const phone = await TestClient.phone(host.url, code, 'Anna');
    const other = await TestClient.phone(host.url, code.toLowerCase(), 'Bram');
    expect(await phone.command('s1', { type: 'note.add', id: 'pn1', zoneId: 'wij', text: 'Samen leren' })).toMatchObject({ t: 'ack' });
    expect(await other.command('s1', { type: 'note.edit', id: 'pn1', text: 'Overschreven' })).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'not_own_note' });
    expect(host.engine.session('s1')?.notes.pn1?.text).toBe('Samen leren');
    expect(host.engine.session('s1')?.notes.pn1?.authorId).toBe(phone.participantId);
    expect(await phone.command('s2', { type: 'note.add', id: 'pn2', zoneId: 'wij', text: 'Elders' })).toMatchObject({ t: 'error', code: 'wrong_session' });
    expect(await phone.subscribe('workspace')).toMatchObject({ t: 'error', code: 'wrong_session' });
    phone.sendRaw(JSON.stringify({ t: 'room', action: 'close', sessionId: 's1' }));
    expect(await phone.next((m) => m.t === 'error')).toMatchObject({ code: 'forbidden' });
    facilitator.close();
  });

  it('refuses a wrong code, and limits an address that keeps guessing', async () => {
    const { host } = await sessionWithRoom();
    expect((await joinRoom(host.url, 'ZZZZZZ')).status).toBe(404);
    expect((await joinRoom(host.url, 12345)).status).toBe(400);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) statuses.push((await joinRoom(host.url, `WRONG${attempt}`)).status);
    expect(statuses.at(-1)).toBe(429);
    // 10 wrong codes a minute per address: ZZZZZZ and nine more; a malformed request is no guess.
    expect(statuses.filter((status) => status === 404).length).toBe(9);
  });

  it('closing the room drops every phone and refuses new connections', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const phone = await TestClient.phone(host.url, code);
    const closed = new Promise<number>((resolve) => phone.ws.once('close', (closeCode) => resolve(closeCode)));
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'close', sessionId: 's1' }));
    expect(await closed).toBe(4001);
    // The token ended with the room: its socket is closed at once with the same code.
    expect(await socketVerdict(`${host.url.replace('http', 'ws')}ws?participant=${phone.token}`)).toEqual({ closeCode: CLOSE_CODES.roomClosed });
    expect((await joinRoom(host.url, code)).status).toBe(404);
    facilitator.close();
  });
});
