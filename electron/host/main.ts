import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT, parseHostArgs } from './args';
import { startHost } from './host';
import { fixedLanAddress, lanAddresses } from './network';

/**
 * The host as a program: `node dist/host/main.mjs [--data DIR] [--port N] [--token T]`.
 * The Electron shell starts it as a utility process; browser mode and tests start it with Node.
 */
interface ParentPort {
  postMessage(message: unknown): void;
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
  const host = await startHost({ ...options, lan: { addresses, port: DEFAULT_PORT }, exportWorker: join(here, 'export-worker.mjs') });
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (host.recoveredFrom) {
    console.error(`Eiland: het databestand was beschadigd. Het is apart gezet als ${host.recoveredFrom}; Eiland begint met een nieuw bestand.`);
    parentPort?.postMessage({ type: 'database-recovered', movedTo: host.recoveredFrom });
  }
  console.log(`Eiland draait op ${host.facilitatorUrl}`);
  console.log(`Gegevens: ${host.databaseFile}`);
  parentPort?.postMessage({ type: 'ready', url: host.url, port: host.server.port });
  process.send?.({ type: 'ready', url: host.url, port: host.server.port });
  const stop = () => {
    void host.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error('Eiland: de poort is al in gebruik. Draait Eiland al? Kies anders een andere poort met --port.');
  } else {
    console.error('Eiland: starten mislukt:', error);
  }
  process.exit(1);
});
