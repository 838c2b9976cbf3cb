import { join } from 'node:path';

/** A version-1 archive of the demo programme, written by the first version of Eiland (kept as it was). */
export const V1_ARCHIVE_FIXTURE = join(import.meta.dirname, '../fixtures/archive-v1-demo.eiland');
