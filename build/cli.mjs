// `npm run eiland -- <command>`: the programme lead's command line (see electron/host/cli.ts).
// Builds what is out of date first, then runs the bundled host CLI with the same arguments.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll } from './build.mjs';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'host', 'cli.mjs');
try {
  await buildAll();
} catch (error) {
  // A broken renderer build must not lock the programme lead out of their data.
  if (!existsSync(cli)) throw error;
  process.stderr.write(`Eiland: bouwen mislukte (${error.message}); de vorige versie wordt gebruikt.\n`);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
