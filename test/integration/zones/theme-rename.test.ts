import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, SessionState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { themeZoneId } from '../../../shared/zones';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * A theme's zones are named after it: renaming the theme in the harvest panel renames them in every
 * open session of the programme, in the same transaction (on disk after a reopen), and undoing or
 * redoing the rename takes them along. A closed (archived) session keeps the name it was held under.
 */
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
const P = 'avk';
let counter = 0;

function ok(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }) {
  const reply = temp.engine.handle({ t: 'command', id: `rn-${++counter}`, stream, command }, FACILITATOR);
  if (reply.t !== 'ack') throw new Error(`${command.type} refused: ${JSON.stringify(reply)}`);
}

const zoneName = (state: SessionState | undefined) => state?.template.zones.find((zone) => zone.themeId === 'visie')?.name;

describe('a theme’s zones follow its title', () => {
  let temp: TempEngine | null = null;
  afterEach(() => temp?.cleanup());

  it('renames them in open sessions of the programme, on disk, with undo and redo; an archived session keeps its name', () => {
    const a = tempEngine();
    temp = a;
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: 'Visie' });
    for (const id of ['open', 'closed']) {
      ok(a, WORKSPACE_STREAM, { type: 'session.create', id, templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: id, group: id, date: '2025-03-04' });
      ok(a, id, { type: 'zones.arrange', mode: 'both', themeIds: ['visie'] });
    }
    ok(a, 'open', { type: 'note.add', id: 'n1', zoneId: themeZoneId('visie'), text: 'Mandaat van bestuurders' });
    ok(a, WORKSPACE_STREAM, { type: 'session.archive', id: 'closed', archived: true });

    ok(a, WORKSPACE_STREAM, { type: 'theme.rename', id: 'visie', title: 'Samen handen en voeten geven aan een visie' });
    expect(zoneName(a.engine.session('open'))).toBe('Samen handen en voeten geven aan een visie');
    expect(zoneName(a.engine.session('closed'))).toBe('Visie');
    // The note stays in its zone; only the name changed.
    expect(a.engine.session('open')?.notes.n1?.zoneId).toBe(themeZoneId('visie'));

    const reopened = a.reopen();
    temp = reopened;
    expect(zoneName(reopened.engine.session('open'))).toBe('Samen handen en voeten geven aan een visie');
    ok(reopened, WORKSPACE_STREAM, { type: 'history.undo' });
    expect(zoneName(reopened.engine.session('open'))).toBe('Visie');
    ok(reopened, WORKSPACE_STREAM, { type: 'history.redo' });
    expect(zoneName(reopened.engine.session('open'))).toBe('Samen handen en voeten geven aan een visie');
    expect(zoneName(reopened.reopen().engine.session('open'))).toBe('Samen handen en voeten geven aan een visie');
  });

  it('leaves a zone the facilitator renamed by hand as it was named, and the others follow', () => {
    const a = tempEngine();
    temp = a;
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: 'Visie' });
    for (const id of ['own', 'follows']) {
      ok(a, WORKSPACE_STREAM, { type: 'session.create', id, templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: id, group: id, date: '2025-03-04' });
      ok(a, id, { type: 'zones.arrange', mode: 'themes', themeIds: ['visie'] });
    }
    ok(a, 'own', { type: 'zone.update', id: themeZoneId('visie'), name: 'Onze stip op de horizon' });

    ok(a, WORKSPACE_STREAM, { type: 'theme.rename', id: 'visie', title: 'Gedeelde visie' });
    expect(zoneName(a.engine.session('own'))).toBe('Onze stip op de horizon');
    expect(zoneName(a.engine.session('follows'))).toBe('Gedeelde visie');
    ok(a, WORKSPACE_STREAM, { type: 'history.undo' });
    expect(zoneName(a.engine.session('own'))).toBe('Onze stip op de horizon');
    expect(zoneName(a.engine.session('follows'))).toBe('Visie');
  });
});
