import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { readArchive } from '../../../electron/host/export/archive-read';
import { programmeArchive } from '../../../electron/host/export/exporter';
import { importArchive } from '../../../electron/host/export/importer';
import type { TypedCommand } from '../../../shared/commands/index';
import { makeTempDir } from '../support/cleanup';
import { info, report } from '../support/report';
import { median, summary } from '../support/stats';

export const names = ['import.merge_ms'];

const NOTES = 1000;
const RUNS = 5;
const P = 'bench-programme';
const S = 'bench-session';
const ZONES = ['ik', 'wij', 'het'] as const;

let counter = 0;
function exec(engine: Engine, stream: string, command: TypedCommand): void {
  const reply = engine.handle({ t: 'command', id: `b${++counter}`, stream, command }, { role: 'facilitator', participantId: null });
  if (reply.t === 'error') throw new Error(`${command.type}: ${reply.message}`);
}

function laptop(dir: string): { engine: Engine; close(): void } {
  mkdirSync(dir, { recursive: true });
  const { db } = openDatabase(dir);
  return { engine: new Engine(new EventStore(db)), close: () => db.close() };
}

/**
 * targets.md's import.merge_ms: three laptops start from one programme whose session has 1,000
 * notes; each then edits 100 notes, moves 100, deletes 50 and adds 50 of its own. The figure is the
 * time to read and merge the three archives into a data folder that has the original copy.
 */
export async function run(): Promise<void> {
  const temp = makeTempDir('eiland-bench-merge-');
  try {
    const origin = laptop(join(temp.path, 'origin'));
    exec(origin.engine, 'workspace', { type: 'programme.create', id: P, name: 'Programma' });
    exec(origin.engine, 'workspace', { type: 'session.create', id: S, programmeId: P, title: 'Sessie', group: 'Team', date: '2025-03-01', templateId: 'lemniscaat-ik-wij-het' });
    for (let i = 0; i < NOTES; i++) exec(origin.engine, S, { type: 'note.add', id: `n${i}`, zoneId: ZONES[i % 3] as string, text: `Notitie ${i} over samenwerken` });
    const base = readArchive(programmeArchive(origin.engine, P));
    origin.close();
    const archives = [0, 1, 2].map((index) => {
      const copy = laptop(join(temp.path, `laptop-${index}`));
      importArchive(copy.engine, base);
      for (let k = 0; k < 100; k++) exec(copy.engine, S, { type: 'note.edit', id: `n${(index * 300 + k) % NOTES}`, text: `Laptop ${index} schreef ${k}` });
      for (let k = 0; k < 100; k++) exec(copy.engine, S, { type: 'note.move', moves: [{ id: `n${(index * 300 + 100 + k) % NOTES}`, x: 300 + k, y: 400 }] });
      exec(copy.engine, S, { type: 'note.delete', ids: Array.from({ length: 50 }, (_, k) => `n${(index * 300 + 200 + k) % NOTES}`) });
      for (let k = 0; k < 50; k++) exec(copy.engine, S, { type: 'note.add', id: `l${index}-${k}`, zoneId: 'wij', text: `Nieuw op laptop ${index}` });
      const bytes = programmeArchive(copy.engine, P);
      copy.close();
      return bytes;
    });
    const lead = laptop(join(temp.path, 'lead'));
    importArchive(lead.engine, base);
    lead.close();
    const samples: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Each run starts from the lead's folder as it was before merging.
      const dir = join(temp.path, `run-${r}`);
      mkdirSync(dir);
      copyFileSync(join(temp.path, 'lead', 'eiland.sqlite'), join(dir, 'eiland.sqlite'));
      const target = laptop(dir);
      const started = performance.now();
      for (const bytes of archives) importArchive(target.engine, readArchive(bytes));
      samples.push(performance.now() - started);
      const notes = Object.keys(target.engine.session(S)?.notes ?? {}).length;
      target.close();
      if (notes !== NOTES - 150 + 150) info(`unexpected note count ${notes}`);
    }
    info(`import.merge_ms: ${summary(samples)}; ${archives.map((bytes) => `${(bytes.length / 1024).toFixed(0)} KB`).join(', ')} archives`);
    report('import.merge_ms', median(samples), 'ms');
  } finally {
    temp.remove();
  }
}
