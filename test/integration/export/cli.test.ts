import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { buildCliBundle, type CliBundle, withoutDataEnv } from '../../support/cli-process';
import { readWord, wordHeadings } from '../../support/word-read';

/**
 * The programme lead's command line, end to end: bundled as the build does, started as its own
 * process, on real data folders.
 */
let cli: CliBundle;
let work: string;

function eiland(...args: string[]) {
  const result = spawnSync(process.execPath, [cli.file, ...args], { encoding: 'utf8', env: withoutDataEnv(), timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function engineOn(dir: string): Engine {
  return new Engine(new EventStore(openDatabase(dir).db));
}

beforeAll(async () => {
  cli = await buildCliBundle();
  work = dirname(cli.file);
}, 60_000);
afterAll(() => cli.remove());

describe('eiland command line', () => {
  it('lists a programme\'s actions, filters them by status and writes them as CSV with formulas neutralised', () => {
    const data = join(work, 'actions');
    expect(eiland('demo', '--data', data).code).toBe(0);
    // An owner typed as a spreadsheet formula must stay text in the CSV.
    const engine = engineOn(data);
    const reply = engine.handle({ t: 'command', id: 'cli-owner', stream: 'workspace', command: { type: 'action.update', id: 'demo-avk-act3', owner: '=HYPERLINK("http://x")' } }, { role: 'facilitator', participantId: null });
    expect(reply.t).toBe('ack');
    const all = eiland('actions', '--programme', 'demo-avk', '--data', data);
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split('\n')).toHaveLength(6);
    const ongoing = eiland('actions', '--programme', 'demo-avk', '--status', 'ongoing', '--data', data);
    expect(ongoing.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^demo-avk-act3 {2}Loopt nog {2}Onboarding/)]);
    expect(eiland('actions', '--programme', 'demo-avk', '--status', 'klaar', '--data', data)).toMatchObject({ code: 2, stderr: expect.stringContaining('--status is open, ongoing, done, dropped.') });
    expect(eiland('actions', '--programme', 'nope', '--data', data).code).toBe(1);
    const file = join(work, 'acties.csv');
    const written = eiland('actions', '--programme', 'demo-avk', '--csv', file, '--lang', 'en', '--data', data);
    expect(written.code).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,Action,Attention point,Side,Session,Who,Due,Status,Note');
    expect(lines).toHaveLength(8);
    expect(lines.find((line) => line.startsWith('demo-avk-act3'))).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('makes the demo, lists it, exports it and imports it on another laptop', async () => {
    const data = join(work, 'laptop-a');
    const made = eiland('demo', '--data', data);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('demo-avk-managers');
    expect(made.stderr).toContain('voorbeeld gemaakt: 3 sessies');
    expect(eiland('demo', '--data', data).stderr).toContain('het voorbeeld was er al; er is niets veranderd.');

    const list = eiland('list', '--data', data);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Programma demo-avk  Alliantie van Kracht tegen Armoede');
    expect(list.stdout).toMatch(/2024-06-05 {2}demo-avk-managers {2}Managers\/leidinggevenden/);

    const out = (name: string) => join(work, name);
    const session = eiland('export', '--session', 'demo-avk-managers', '--pdf', out('m.pdf'), '--sqlite', out('m.sqlite'), '--csv', out('m.csv'), '--votes-csv', out('v.csv'), '--data', data);
    expect(session.code).toBe(0);
    expect(session.stderr).toMatch(/PDF geschreven \(\d+ pagina's\)/);
    expect(readFileSync(out('m.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(out('m.csv'), 'utf8').startsWith('\uFEFFid,kant')).toBe(true);
    expect(readFileSync(out('v.csv'), 'utf8').split('\r\n')).toHaveLength(32);

    const programme = eiland('export', '--programme', 'demo-avk', '--pdf', out('p.pdf'), '--docx', out('p.docx'), '--sqlite', out('p.sqlite'), '--lang', 'en', '--data', data);
    expect(programme.code).toBe(0);
    expect(programme.stderr).toContain('met 3 sessies');
    expect(programme.stderr).toContain(`Word-document geschreven: ${out('p.docx')}`);
    const word = await readWord(readFileSync(out('p.docx')));
    expect(wordHeadings(word.html).slice(0, 3)).toEqual(['H1 Alliantie van Kracht tegen Armoede', 'H2 Sessions in this summary', 'H1 In summary']);

    const fresh = join(work, 'laptop-b');
    const first = eiland('import', out('p.sqlite'), '--data', fresh);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Sessie demo-avk-stuurgroep  Eiland van reflectie stuurgroep  nieuw');
    const second = eiland('import', '--data', fresh, out('p.sqlite'));
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('nieuw');
    expect(second.stdout.match(/al aanwezig/g)).toHaveLength(4);

    const a = engineOn(data);
    const b = engineOn(fresh);
    for (const id of ['demo-avk-programmateam', 'demo-avk-managers', 'demo-avk-stuurgroep']) expect(b.session(id)).toEqual(a.session(id));
  }, 90_000); // a dozen processes in a row: on a loaded 2-core machine more than the default 30 s

  it('says in one plain line what is wrong, exits non-zero and changes nothing', () => {
    const data = join(work, 'laptop-c');
    expect(eiland('demo', '--data', data).code).toBe(0);
    const before = readdirSync(data).sort();

    const unknown = eiland('export', '--session', 'nope', '--pdf', join(work, 'nope.pdf'), '--data', data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Eiland: Er is geen sessie met id "nope".\n');
    expect(existsSync(join(work, 'nope.pdf'))).toBe(false);

    const unwritable = eiland('export', '--session', 'demo-avk-managers', '--pdf', join(work, 'no-such-folder', 'x.pdf'), '--data', data);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr.trim().split('\n').at(-1)).toBe(`Eiland: Kan niet schrijven naar "${join(work, 'no-such-folder', 'x.pdf')}": de map bestaat niet.`);

    writeFileSync(join(work, 'garbage.sqlite'), 'dit is geen archief');
    const garbage = eiland('import', join(work, 'garbage.sqlite'), '--data', join(work, 'laptop-d'));
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toBe('Eiland: Dit bestand is geen Eiland-archief.\n');
    expect(existsSync(join(work, 'laptop-d'))).toBe(false);
    const garbageHere = eiland('import', join(work, 'garbage.sqlite'), '--data', data);
    expect(garbageHere.code).toBe(1);

    const noData = eiland('list', '--data', join(work, 'laptop-e'));
    expect(noData.code).toBe(1);
    expect(noData.stderr).toContain('Er zijn nog geen gegevens');
    expect(existsSync(join(work, 'laptop-e'))).toBe(false);

    const usage = eiland('export', '--session', 'demo-avk-managers', '--data', data);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Zeg waarheen');
    expect(eiland('frobnicate', '--data', data).code).toBe(2);

    expect(readdirSync(data).sort()).toEqual(before);
    const engine = engineOn(data);
    expect(Object.keys(engine.workspace.sessions)).toHaveLength(3);
  });
});
