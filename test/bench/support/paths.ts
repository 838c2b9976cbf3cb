import { join } from 'node:path';

/** The project root. The runner starts every benchmark there and also passes it explicitly. */
export const ROOT = process.env.EILAND_ROOT ?? process.cwd();

/**
 * The built host. EILAND_BENCH_HOST_MAIN points the host benchmarks at another build of it, to
 * compare a change before and after in the same conditions.
 */
export const HOST_MAIN = process.env.EILAND_BENCH_HOST_MAIN ?? join(ROOT, 'dist/host/main.mjs');
