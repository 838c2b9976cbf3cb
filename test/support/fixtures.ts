import { join } from 'node:path';

/** A version-1 archive of the demo programme, written by the first version of Eiland (kept as it was). */
export const V1_ARCHIVE_FIXTURE = join(import.meta.dirname, '../fixtures/archive-v1-demo.eiland');
/** The demo programme as Eiland of 2026-12-06 wrote it (archive version 2: other points without an order). */
export const V2_ARCHIVE_FIXTURE = join(import.meta.dirname, '../fixtures/archive-v2-demo.eiland');
/** The demo programme as Eiland of 2026-12-07 wrote it (archive version 3: templates without sides set aside). */
export const V3_ARCHIVE_FIXTURE = join(import.meta.dirname, '../fixtures/archive-v3-demo.eiland');
