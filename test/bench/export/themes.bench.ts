import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { programmePdf, programmeSuggestions } from '../../../electron/host/export/exporter';
import { makeTempDir } from '../support/cleanup';
import { measure, threeSessions } from './bench-programme';
import { info, report } from '../support/report';

export const names = ['export.theme_suggestions_ms', 'export.pdf_programme_themes_ms'];

const FACILITATOR = { role: 'facilitator', participantId: null } as const;

/**
 * Programme themes at the size of targets.md: three sessions of 300 notes and 30 attention points,
 * two themes with ten points of each session linked by hand. Figures: what the harvest panel asks
 * the host for (theme suggestions and every point and group with its theme), and the programme
 * summary PDF with "Samengevat" grouped by the themes.
 */
export async function run(): Promise<void> {
  const temp = makeTempDir('eiland-bench-themes-');
  const { db } = openDatabase(temp.path);
  try {
    const engine = new Engine(new EventStore(db));
    let n = 0;
    const send = (stream: string, command: Record<string, unknown> & { type: string }) => {
      const reply = engine.handle({ t: 'command', id: `bench-themes-${++n}`, stream, command }, FACILITATOR);
      if (reply.t !== 'ack') throw new Error(`${command.type}: ${JSON.stringify(reply)}`);
    };
    const ids = threeSessions(engine);
    send('workspace', { type: 'theme.create', id: 'visie', programmeId: 'bench', title: 'Samen handen en voeten geven aan een visie' });
    send('workspace', { type: 'theme.create', id: 'mon', programmeId: 'bench', title: 'Monitoring, effectiviteit en ervaringen' });
    for (const id of ids) {
      for (let p = 1; p <= 20; p += 1) send(id, { type: 'theme.link', target: 'point', id: `${id}-a${p}`, themeId: p <= 10 ? 'visie' : 'mon' });
    }
    info('three sessions of 300 notes and 30 attention points, 60 points linked to two themes');
    report('export.theme_suggestions_ms', await measure('suggestions and linkable items', () => programmeSuggestions(engine, 'bench', ids)), 'ms');
    report('export.pdf_programme_themes_ms', await measure('programme PDF with themes', () => programmePdf(engine, 'bench', 'nl', ids)), 'ms');
  } finally {
    db.close();
    temp.remove();
  }
}
