import { afterEach, describe, expect, it } from 'vitest';
import type { Subscriber } from '../../../../electron/host/engine';
import { applyChanges } from '../../../../shared/changes';
import type { Actor, SessionState } from '../../../../shared/domain';
import type { HostMessage } from '../../../../shared/protocol';
import { viewOfSession } from '../../../../shared/views';
import { send, type TempEngine, tempEngine } from './export/temp-engine';

/**
 * A client as the pages keep one (renderer/src/client/stream-tracker.ts): it reads the JSON the host
 * sent (as a socket would), starts at a snapshot, and applies each event only if it follows on from
 * the last; anything else is a gap the test reports.
 */
class Page implements Subscriber {
  state: SessionState | null = null;
  seq: number | null = null;
  readonly gaps: string[] = [];
  messages = 0;

  constructor(readonly actor: Actor) {}

  send(message: HostMessage, json?: string): void {
    const received = (json === undefined ? message : JSON.parse(json)) as HostMessage;
    this.messages += 1;
    if (received.t === 'snapshot') {
      this.state = received.state as SessionState;
      this.seq = received.seq;
    } else if (received.t === 'event') {
      if (this.seq === null || received.seq <= this.seq) return;
      if ((received.fromSeq ?? received.seq - 1) !== this.seq) this.gaps.push(`${this.seq} → ${received.seq} (from ${received.fromSeq})`);
      this.state = applyChanges(this.state as SessionState, received.changes);
      this.seq = received.seq;
    } else if (received.t === 'replayed') {
      if (received.fromSeq !== this.seq) this.gaps.push(`replay from ${received.fromSeq}, at ${this.seq}`);
      this.seq = received.seq;
    }
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('fan-out to many phones', () => {
  let temp: TempEngine | null = null;
  afterEach(() => {
    temp?.cleanup();
    temp = null;
  });

  it('brings every phone and the projector, in parts and in order, to exactly what a fresh snapshot shows them', async () => {
    temp = tempEngine();
    const { engine } = temp;
    send(engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Plenair', group: 'Zaal', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
    send(engine, 's1', { type: 'settings.update', dotsPerParticipant: 3, hideNotesUntilReveal: true });
    for (const id of ['w1', 'w2', 'h1']) send(engine, 's1', { type: 'attention.add', id, zoneId: id.startsWith('w') ? 'wij' : 'het', title: `Punt ${id}` });
    send(engine, 's1', { type: 'voting.open', open: true });
    // More phones than one turn sends to, so every event reaches them in parts.
    const actors: Actor[] = Array.from({ length: 300 }, (_, i) => ({ role: 'participant', participantId: `p${i}` }));
    for (const actor of actors) send(engine, 's1', { type: 'participant.join', id: actor.participantId, name: `Deelnemer ${actor.participantId}` }, actor);
    const projector = new Page({ role: 'projector', participantId: null });
    const phones = actors.map((actor) => new Page(actor));
    for (const page of [projector, ...phones]) engine.subscribe(page, 's1');

    for (let round = 0; round < 12; round += 1) {
      for (let i = 0; i < 10; i += 1) {
        // From the end of the list, so their own events overtake nothing still on its way to them.
        const actor = actors[actors.length - 1 - ((round * 10 + i) % actors.length)] as Actor;
        send(engine, 's1', { type: 'note.add', id: `n${round}-${i}`, zoneId: ['ik', 'wij', 'het'][i % 3] as string, text: `Notitie ${round}-${i}` }, actor);
        if (round < 9) send(engine, 's1', { type: 'vote.cast', id: `v${round}-${i}`, attentionPointId: ['w1', 'w2', 'h1'][round % 3] as string }, actor);
      }
      send(engine, 's1', { type: 'note.add', id: `f${round}`, zoneId: 'wij', text: `Van de begeleider ${round}` });
      if (round === 4) send(engine, 's1', { type: 'notes.reveal', zoneId: 'wij', revealed: true });
      if (round === 9) send(engine, 's1', { type: 'voting.reveal', revealed: true });
      if (round === 6) {
        // A phone comes back mid-way, while events are still on their way to the others.
        const old = phones[299] as Page;
        engine.unsubscribe(old);
        const back = new Page(old.actor);
        back.state = old.state;
        back.seq = old.seq;
        phones[299] = back;
        engine.subscribe(back, 's1', old.seq ?? 0);
      }
      // Sometimes the next commands come before the last events reached every phone.
      if (round % 3 !== 0) await turn();
    }
    // Until every part has gone out (a part per turn).
    for (let i = 0; i < 2000; i += 1) await turn();

    const state = engine.session('s1') as SessionState;
    for (const page of [projector, ...phones]) {
      expect(page.gaps).toEqual([]);
      expect(page.state).toEqual(JSON.parse(JSON.stringify(viewOfSession(state, page.actor))));
      expect(page.seq).toBeLessThanOrEqual(engine.seqOf('s1'));
    }
    // Hidden dots do not travel: a phone got far fewer messages than there were events.
    expect(Math.max(...phones.map((page) => page.messages))).toBeLessThan(engine.seqOf('s1') / 2);
  });
});
