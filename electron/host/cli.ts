import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { commandLineBusyText, type StorageNotice, storageNoticeText, storageProblemText } from '../../shared/storage';
import { defaultDataDir } from './args';
import { acquireDataFolderLock, DataFolderBusyError, type DataFolderLock } from './db/data-lock';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { StorageError } from './db/storage-errors';
import { Engine } from './engine';
import { createDemo } from './export/demo';
import { ExportError } from './export/errors';
import * as exporter from './export/exporter';
import { readArchiveFile, writeFileAtomically } from './export/files';
import { readArchive } from './export/archive-read';
import { importArchive } from './export/importer';
import { runBackupCommand } from './backup/cli-commands';
import type { Locale } from '../../shared/i18n/messages';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../shared/domain';
import { actionRows, actionsCsv, filterActions, sortActions } from '../../shared/report/actions-table';

/**
 * The programme lead's command line (`npm run eiland -- …`), on the same data folder as the app
 * and browser mode (--data DIR or EILAND_DATA). Results go to stdout, progress to stderr, and any
 * failure is one plain Dutch line with a non-zero exit; a failed command changes nothing.
 *
 * One writer per data folder: next to a running Eiland, `list` and `export` read the database
 * read-only, so they work without changing anything under it; `import` and `demo` take the folder's
 * lock for as long as they write, and are refused with the running Eiland's process and start time
 * when it holds the folder (the app has both: Archief importeren and Voorbeeld laden).
 */
const USAGE = `Gebruik: npm run eiland -- <opdracht> [opties]

  list                                   programma's en sessies tonen
  export --session ID [--pdf BESTAND] [--docx BESTAND] [--sqlite BESTAND] [--csv BESTAND] [--votes-csv BESTAND]
  export --programme ID [--pdf BESTAND] [--docx BESTAND] [--sqlite BESTAND] [--sessions ID,ID]
  actions --programme ID [--status open|ongoing|done|dropped] [--csv BESTAND]
                                         de acties van een programma tonen, of als CSV bewaren
  import BESTAND                         een archief (.sqlite) inlezen; twee keer kan geen kwaad
  demo                                   het voorbeeldprogramma maken
  backup [--to MAP]                      een reservekopie maken (als Eiland niet draait op de map)
  restore BESTAND                        een reservekopie terugzetten; de huidige gegevens blijven apart bewaard

  --data MAP     de gegevensmap (anders EILAND_DATA, of de standaardmap van Eiland)
  --lang nl|en   taal van PDF en CSV (standaard nl)`;

class UsageError extends Error {}

const progress = (line: string) => process.stderr.write(`Eiland: ${line}\n`);

function option(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} heeft een waarde nodig.`);
  return value;
}

/** Refused because an Eiland holds the data folder; told in the person's words by main(). */
class FolderBusyForCli extends Error {
  constructor(readonly busy: DataFolderBusyError) {
    super(busy.message);
  }
}

function tellNotices(notices: readonly StorageNotice[], locale: Locale): void {
  for (const notice of notices) progress(storageNoticeText(locale, notice));
}

/**
 * The data for reading. Next to a running Eiland (it holds the folder) the database is opened
 * read-only, so nothing changes under it. Otherwise the folder is held for the command's few
 * seconds and opened as the app would (a damaged file set aside, an older one brought up to date);
 * a folder that cannot be written at all is still read where SQLite can.
 */
function openForReading(dataDir: string, locale: Locale): { engine: Engine; close(): void } {
  if (!existsSync(databasePath(dataDir))) throw new ExportError('not_readable', `Er zijn nog geen gegevens in "${dataDir}".`);
  let lock: DataFolderLock | null = null;
  try {
    lock = acquireDataFolderLock(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError || error instanceof StorageError)) throw error;
  }
  try {
    const opened = openDatabase(dataDir, { readOnly: lock === null });
    tellNotices(opened.notices, locale);
    const engine = new Engine(new EventStore(opened.db));
    return {
      engine,
      close() {
        opened.db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Runs `work` as the folder's one writer, or refuses (changing nothing) when an Eiland holds it. */
async function withWriter<T>(dataDir: string, locale: Locale, work: (engine: Engine) => T | Promise<T>): Promise<T> {
  let lock: ReturnType<typeof acquireDataFolderLock>;
  try {
    lock = acquireDataFolderLock(dataDir);
  } catch (error) {
    throw error instanceof DataFolderBusyError ? new FolderBusyForCli(error) : error;
  }
  try {
    const opened = openDatabase(dataDir);
    try {
      tellNotices(opened.notices, locale);
      if (opened.readOnly) throw new StorageError({ kind: 'read_only_file', path: databasePath(dataDir) });
      return await work(new Engine(new EventStore(opened.db)));
    } finally {
      opened.db.close();
    }
  } finally {
    lock.release();
  }
}

function list(engine: Engine): void {
  const { programmes, sessions } = engine.workspace;
  const byDate = Object.values(sessions).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const line = (meta: (typeof byDate)[number]) => `  ${meta.date}  ${meta.id}  ${meta.group || '-'}  ${meta.title}${meta.archived ? '  (archief)' : ''}`;
  for (const programme of Object.values(programmes).sort((a, b) => a.name.localeCompare(b.name))) {
    process.stdout.write(`Programma ${programme.id}  ${programme.name}\n`);
    for (const meta of byDate.filter((m) => m.programmeId === programme.id)) process.stdout.write(`${line(meta)}\n`);
  }
  const loose = byDate.filter((meta) => meta.programmeId === null || !programmes[meta.programmeId]);
  if (loose.length > 0) process.stdout.write('Zonder programma\n');
  for (const meta of loose) process.stdout.write(`${line(meta)}\n`);
  if (byDate.length === 0 && Object.keys(programmes).length === 0) progress('er zijn nog geen sessies. Maak het voorbeeld met: npm run eiland -- demo');
}

async function exportCommand(engine: Engine, argv: readonly string[], locale: Locale): Promise<void> {
  const sessionId = option(argv, '--session');
  const programmeId = option(argv, '--programme');
  const targets = { pdf: option(argv, '--pdf'), docx: option(argv, '--docx'), sqlite: option(argv, '--sqlite'), csv: option(argv, '--csv'), votes: option(argv, '--votes-csv') };
  if ((sessionId === undefined) === (programmeId === undefined)) throw new UsageError('Kies één van --session ID of --programme ID.');
  if (!Object.values(targets).some(Boolean)) throw new UsageError('Zeg waarheen: --pdf, --docx, --sqlite, --csv of --votes-csv met een bestandsnaam.');
  if (sessionId !== undefined) {
    const meta = exporter.sessionOf(engine, sessionId).meta;
    progress(`sessie "${meta.title}" (${meta.date}) wordt geëxporteerd…`);
    if (targets.pdf) {
      const { pdf, pages } = await exporter.sessionPdf(engine, sessionId, locale);
      await writeFileAtomically(targets.pdf, pdf);
      progress(`PDF geschreven (${pages} pagina's): ${targets.pdf}`);
    }
    if (targets.docx) {
      await writeFileAtomically(targets.docx, (await exporter.sessionDocx(engine, sessionId, locale)).docx);
      progress(`Word-document geschreven: ${targets.docx}`);
    }
    if (targets.sqlite) {
      await writeFileAtomically(targets.sqlite, exporter.sessionArchive(engine, sessionId));
      progress(`archief geschreven: ${targets.sqlite}`);
    }
    if (targets.csv) {
      await writeFileAtomically(targets.csv, exporter.sessionCsv(engine, sessionId, 'notes', locale));
      progress(`CSV van de notities geschreven: ${targets.csv}`);
    }
    if (targets.votes) {
      await writeFileAtomically(targets.votes, exporter.sessionCsv(engine, sessionId, 'votes', locale));
      progress(`CSV van de stemmen geschreven: ${targets.votes}`);
    }
    return;
  }
  const id = programmeId as string;
  const chosen = option(argv, '--sessions')?.split(',').filter(Boolean);
  const sessions = exporter.programmeSessions(engine, id, chosen);
  progress(`programma "${exporter.programmeOf(engine, id).name}" met ${sessions.length} sessies wordt geëxporteerd…`);
  if (targets.csv || targets.votes) throw new UsageError('CSV kan alleen per sessie (--session ID).');
  if (targets.pdf) {
    const { pdf, pages } = await exporter.programmePdf(engine, id, locale, chosen);
    await writeFileAtomically(targets.pdf, pdf);
    progress(`PDF geschreven (${pages} pagina's): ${targets.pdf}`);
  }
  if (targets.docx) {
    await writeFileAtomically(targets.docx, (await exporter.programmeDocx(engine, id, locale, chosen)).docx);
    progress(`Word-document geschreven: ${targets.docx}`);
  }
  if (targets.sqlite) {
    await writeFileAtomically(targets.sqlite, exporter.programmeArchive(engine, id, chosen));
    progress(`archief geschreven: ${targets.sqlite}`);
  }
}

/** Flags that take a value, so the file name of `import` can be told apart from them. */
const VALUE_FLAGS = new Set(['--data', '--lang', '--session', '--programme', '--pdf', '--docx', '--sqlite', '--csv', '--votes-csv', '--sessions', '--status']);

function positional(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.has(arg)) i += 1;
    else if (!arg.startsWith('--')) return arg;
  }
  return undefined;
}

/** `actions`: a programme's actions, filtered by status, as lines or as a CSV file. */
async function actionsCommand(engine: Engine, argv: readonly string[], locale: Locale): Promise<void> {
  const programmeId = option(argv, '--programme');
  if (!programmeId) throw new UsageError('Zeg welk programma: npm run eiland -- actions --programme ID');
  const status = option(argv, '--status');
  if (status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status is ${ACTION_STATUSES.join(', ')}.`);
  exporter.programmeOf(engine, programmeId);
  const { sessions } = engine.workspace;
  const actions = sortActions(filterActions(exporter.programmeActions(engine, programmeId), { status: status as ActionStatus | undefined }), sessions);
  const context = { sessions, sideName: (action: Action) => exporter.sideName(engine, action) };
  const csv = option(argv, '--csv');
  if (csv) {
    await writeFileAtomically(csv, Buffer.from(actionsCsv(actions, context, locale), 'utf8'));
    progress(`${actions.length} acties bewaard in ${csv}.`);
    return;
  }
  const rows = actionRows(actions, context, locale);
  for (const [index, action] of actions.entries()) {
    const [text, , side, session, owner, due, word] = rows[index] ?? [];
    process.stdout.write(`${action.id}  ${word}  ${text}  [${side} · ${session}]${owner ? `  ${owner}` : ''}${due ? `  ${due}` : ''}\n`);
  }
  if (actions.length === 0) progress('geen acties die hierbij passen.');
}

async function importCommand(dataDir: string, file: string | undefined, locale: Locale): Promise<void> {
  if (!file) throw new UsageError('Zeg welk bestand: npm run eiland -- import BESTAND');
  // Read and check the file before the data folder is touched: a bad file changes nothing.
  const content = readArchive(await readArchiveFile(file));
  const report = await withWriter(dataDir, locale, (engine) => {
    progress(`archief met ${content.sessions.length} sessies wordt ingelezen…`);
    return importArchive(engine, content);
  });
  const words = { created: 'nieuw', merged: 'bijgewerkt', unchanged: 'al aanwezig', deleted: 'verwijderd', stays_deleted: 'hier later verwijderd, blijft weg' } as const;
  for (const programme of report.programmes) process.stdout.write(`Programma ${programme.id}  ${programme.name}  ${programme.created ? 'nieuw' : 'al aanwezig'}\n`);
  for (const session of report.sessions) {
    const added = session.outcome === 'merged' ? ` (${session.added} toegevoegd, ${session.updated} bijgewerkt, ${session.deleted} verwijderd, ${session.conflicts} in conflict)` : '';
    process.stdout.write(`Sessie ${session.id}  ${session.title}  ${words[session.outcome]}${added}\n`);
  }
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  let locale: Locale = 'nl';
  try {
    const dataDir = option(argv, '--data') ?? env.EILAND_DATA ?? defaultDataDir(env);
    const lang = option(argv, '--lang') ?? 'nl';
    if (lang !== 'nl' && lang !== 'en') throw new UsageError('--lang is nl of en.');
    locale = lang;
    switch (command) {
      case 'list': {
        const reader = openForReading(dataDir, lang);
        try {
          list(reader.engine);
        } finally {
          reader.close();
        }
        return 0;
      }
      case 'export': {
        const reader = openForReading(dataDir, lang);
        try {
          await exportCommand(reader.engine, rest, lang);
        } finally {
          reader.close();
        }
        return 0;
      }
      case 'actions': {
        const reader = openForReading(dataDir, lang);
        try {
          await actionsCommand(reader.engine, rest, lang);
        } finally {
          reader.close();
        }
        return 0;
      }
      case 'import':
        await importCommand(dataDir, positional(rest), lang);
        return 0;
      case 'demo': {
        const result = await withWriter(dataDir, lang, createDemo);
        progress(result.created.length > 0 ? `voorbeeld gemaakt: ${result.created.length} sessies.` : 'het voorbeeld was er al; er is niets veranderd.');
        process.stdout.write(`Programma ${result.programmeId}\n${result.sessionIds.map((id) => `  ${id}\n`).join('')}`);
        return 0;
      }
      case 'backup':
      case 'restore':
        return await runBackupCommand(command, dataDir, rest, lang, { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) });
      case undefined:
      case 'help':
      case '--help':
        process.stderr.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Onbekende opdracht "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Eiland: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ExportError) {
      process.stderr.write(`Eiland: ${error.message}\n`);
      return 1;
    }
    if (error instanceof FolderBusyForCli) {
      const { dataDir, holder } = error.busy;
      process.stderr.write(`Eiland: ${commandLineBusyText(locale, dataDir, holder)}\n`);
      return 1;
    }
    if (error instanceof StorageError) {
      process.stderr.write(`Eiland: ${storageProblemText(locale, error.problem)}\n`);
      return 1;
    }
    process.stderr.write(`Eiland: er ging iets mis: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Run when started as a program (`node dist/host/cli.mjs`); build/cli.mjs imports and calls main. */
const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
