import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostToShellMessage } from '../../shared/ipc';
import { type StorageProblem, storageNoticeText, storageProblemText } from '../../shared/storage';
import { DEFAULT_PORT, parseHostArgs } from './args';
import { DataFolderBusyError } from './db/data-lock';
import { StorageError } from './db/storage-errors';
import { startHost } from './host';
import { installLastResort } from './last-resort';
import { fixedLanAddress, lanAddresses } from './network';

/**
 * The host as a program: `node dist/host/main.mjs [--data DIR] [--port N] [--token T]`.
 * The Electron shell starts it as a utility process; browser mode and tests start it with Node.
 */
interface ParentPort {
  postMessage(message: HostToShellMessage): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

/** Exit code for "the data folder cannot be used": nothing in it was changed. */
const EXIT_STORAGE = 3;

/** Start-up messages go to the console in Dutch and English: whoever reads them, reads one. */
function tell(line: (locale: 'nl' | 'en') => string): void {
  console.error(`Eiland: ${line('nl')}`);
  console.error(`Eiland (en): ${line('en')}`);
}

function storageProblemOf(error: unknown): StorageProblem | null {
  if (error instanceof StorageError) return error.problem;
  if (error instanceof DataFolderBusyError) return { kind: 'folder_busy', path: error.dataDir, holder: error.holder };
  return null;
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  let options: ReturnType<typeof parseHostArgs>;
  try {
    options = parseHostArgs(process.argv.slice(2), process.env, join(here, '..', 'renderer'));
  } catch (error) {
    console.error(`Eiland: ${(error as Error).message}`);
    process.exit(2);
  }
  let addresses: typeof lanAddresses;
  try {
    addresses = options.lanAddress ? fixedLanAddress(options.lanAddress) : () => lanAddresses();
  } catch (error) {
    console.error(`Eiland: ${(error as Error).message}`);
    process.exit(2);
  }
  const host = await startHost({ ...options, lan: { addresses, port: options.lanPort ?? DEFAULT_PORT }, exportWorker: join(here, 'export-worker.mjs') });
  installLastResort({ safe: () => host.db.open && !host.db.inTransaction });
  for (const notice of host.notices) {
    tell((locale) => storageNoticeText(locale, notice));
    // The shell has shown a damaged file set aside since before the other notices existed.
    parentPort?.postMessage(notice.kind === 'set_aside' ? { type: 'database-recovered', movedTo: notice.path } : { type: 'storage-notice', notice });
  }
  console.log(`Eiland draait op ${host.facilitatorUrl}`);
  console.log(`Gegevens: ${host.databaseFile}${host.readOnly ? ' (alleen lezen)' : ''}`);
  parentPort?.postMessage({ type: 'ready', url: host.url, port: host.server.port });
  process.send?.({ type: 'ready', url: host.url, port: host.server.port });
  const stop = () => {
    void host.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const problem = storageProblemOf(error);
  if (problem) {
    tell((locale) => storageProblemText(locale, problem));
    parentPort?.postMessage({ type: 'start-problem', problem });
    // Give the message to the shell a moment to leave before the process is gone.
    setTimeout(() => process.exit(EXIT_STORAGE), 100);
    return;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error('Eiland: de poort is al in gebruik. Draait Eiland al? Kies anders een andere poort met --port.');
  } else {
    console.error('Eiland: starten mislukt:', error);
  }
  process.exit(1);
});
