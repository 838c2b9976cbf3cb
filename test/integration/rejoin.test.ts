import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, type HostMessage } from '../../shared/protocol';
import { people } from '../../shared/rules';
import { startTestHost, TEST_TOKEN } from '../support/host-harness';
import { joinRoom, openRoom, socketVerdict, TestClient } from '../support/ws-client';

/** Counts people, not devices: a phone that joins again is the same participant, and duplicates merge. */
describe('rooms: one person, one participant', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function sessionWithRoom() {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    cleanups.push(async () => facilitator.close());
    for (const [id, title] of [
      ['s1', 'Managers'],
      ['s2', 'Stuurgroep'],
    ]) {
      await facilitator.command('workspace', { type: 'session.create', id, programmeId: null, title, group: title, date: '2024-06-05', templateId: 'lemniscaat-ik-wij-het' });
    }
    await facilitator.command('s1', { type: 'settings.update', anonymous: false });
    const code = await openRoom(facilitator, 's1');
    return { host, facilitator, code };
  }

  const roomStatus = (facilitator: TestClient, match: (m: Extract<HostMessage, { t: 'room' }>) => boolean) =>
    facilitator.next((m) => m.t === 'room' && m.sessionId === 's1' && match(m)) as Promise<Extract<HostMessage, { t: 'room' }>>;

  it('keeps a phone that joins again after the room was closed the same participant, with its own notes', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const phone = await TestClient.phone(host.url, code, 'Anna');
    expect(await phone.command('s1', { type: 'note.add', id: 'pn1', zoneId: 'wij', text: 'Samen leren' })).toMatchObject({ t: 'ack' });
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'close', sessionId: 's1' }));
    await roomStatus(facilitator, (m) => !m.open);
    const reopened = await openRoom(facilitator, 's1');

    const again = await TestClient.phone(host.url, reopened, null, phone.token);
    cleanups.push(async () => again.close());
    expect(again.participantId).toBe(phone.participantId);
    expect(again.token).not.toBe(phone.token);
    // Still their own note, and their name is kept although they typed none this time.
    expect(await again.command('s1', { type: 'note.edit', id: 'pn1', text: 'Samen leren, ook buiten' })).toMatchObject({ t: 'ack' });
    const state = host.engine.session('s1');
    expect(state && people(state).map((person) => person.name)).toEqual(['Anna']);
    // The earlier token opened one door once: it does not buy a second participant or a socket.
    expect(await socketVerdict(`${host.url.replace('http', 'ws')}ws?participant=${phone.token}`)).toEqual({ closeCode: CLOSE_CODES.roomClosed });
    const third = await joinRoom(host.url, reopened, null, phone.token);
    expect((third.body as { participantId: string }).participantId).not.toBe(phone.participantId);
  });

  it('keeps the participant when the code changed while the phone was in', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const phone = await TestClient.phone(host.url, code, 'Bram');
    cleanups.push(async () => phone.close());
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'rotate', sessionId: 's1' }));
    const rotated = await roomStatus(facilitator, (m) => m.joinCode !== code);
    const again = await TestClient.phone(host.url, rotated.joinCode ?? '', 'Bram', phone.token);
    cleanups.push(async () => again.close());
    expect(again.participantId).toBe(phone.participantId);
    expect(Object.keys(host.engine.session('s1')?.participants ?? {})).toEqual([phone.participantId]);
  });

  it('makes a new participant of a token from another session’s room', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const elsewhere = await openRoom(facilitator, 's2');
    const phone = await TestClient.phone(host.url, elsewhere, 'Chris');
    cleanups.push(async () => phone.close());
    const here = await TestClient.phone(host.url, code, 'Chris', phone.token);
    cleanups.push(async () => here.close());
    expect(here.participantId).not.toBe(phone.participantId);
    expect(Object.keys(host.engine.session('s1')?.participants ?? {})).toEqual([here.participantId]);
  });

  it('refuses a malformed earlier token with a clear error and lets nobody in', async () => {
    const { host, code } = await sessionWithRoom();
    for (const previous of ['not-a-token', 'A'.repeat(48), 42, 'f'.repeat(4000)]) {
      const reply = await joinRoom(host.url, code, 'Dirk', previous);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('previous');
    }
    expect(host.engine.session('s1')?.participants).toEqual({});
    expect(host.db.prepare("SELECT COUNT(*) AS n FROM participant_tokens WHERE session_id = 's1'").get()).toEqual({ n: 0 });
  });

  it('merges a duplicate: its phone connects again as the person, and the room counts one', async () => {
    const { host, facilitator, code } = await sessionWithRoom();
    const first = await TestClient.phone(host.url, code, 'Eva');
    cleanups.push(async () => first.close());
    const duplicate = await TestClient.phone(host.url, code, 'Eva (tablet)');
    await roomStatus(facilitator, (m) => m.connected === 2);
    expect(await duplicate.command('s1', { type: 'note.add', id: 'dn1', zoneId: 'ik', text: 'Tijd' })).toMatchObject({ t: 'ack' });

    const closed = new Promise<number>((resolve) => duplicate.ws.once('close', (closeCode) => resolve(closeCode)));
    expect(await facilitator.command('s1', { type: 'participant.merge', duplicateId: duplicate.participantId, intoId: first.participantId })).toMatchObject({ t: 'ack' });
    expect(await closed).toBe(CLOSE_CODES.merged);
    const status = await roomStatus(facilitator, (m) => m.connected === 1);
    expect(status.present).toEqual([first.participantId]);

    // The duplicate's token still works, as the person: what it adds now is theirs.
    const back = await TestClient.connect(`${host.url.replace('http', 'ws')}ws?participant=${duplicate.token}`);
    cleanups.push(async () => back.close());
    expect(await back.command('s1', { type: 'note.add', id: 'dn2', zoneId: 'ik', text: 'Rust' })).toMatchObject({ t: 'ack' });
    const state = host.engine.session('s1');
    expect([state?.notes.dn1?.authorId, state?.notes.dn2?.authorId]).toEqual([first.participantId, first.participantId]);
    expect((await roomStatus(facilitator, () => true)).present).toEqual([first.participantId]);
    // Joining again with the merged duplicate's token lands on the person too.
    const rejoined = await TestClient.phone(host.url, code, null, duplicate.token);
    cleanups.push(async () => rejoined.close());
    expect(rejoined.participantId).toBe(first.participantId);
  });
});
