// `npm run web`: browser mode. Builds what is out of date, then runs the host in this process;
// it prints the facilitator URL with its access token. Extra arguments go to the host
// (e.g. `npm run web -- --data ./mijn-map --port 4781`).
import { buildAll } from './build.mjs';

await buildAll();
await import('../dist/host/main.mjs');
